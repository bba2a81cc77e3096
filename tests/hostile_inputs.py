"""Hostile and broken inputs for the issue-9 regression tests, written by the tests themselves.

Every case of the issue is a builder here, so that the reader tests, the CLI tests and the
mixed-batch test use the very same bytes. The stories are invented (our own words); nothing is
copied from third-party text.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STORIES = [
    (
        "Ferry council approves winter timetable",
        "The island ferry council approved a winter timetable on Tuesday after a long meeting in the "
        "harbour hall. Three crossings a day will run until March, the council chair said.\n\n"
        "Passengers asked for an evening crossing on Fridays, which the operator promised to study.",
    ),
    (
        "Library reopens after roof repair",
        "The town library reopened on Monday after builders replaced the roof that leaked during the "
        "autumn storms. The librarian said no books were lost.\n\n"
        "Opening hours stay the same, and the reading room will host a children's club on Saturdays.",
    ),
    (
        "Orchard growers report a late harvest",
        "Apple growers in the valley said on Wednesday that the harvest came three weeks late after a "
        "cold spring. The growers' association expects prices to stay stable.\n\n"
        "Pickers from neighbouring villages were hired for an extra fortnight, the association added.",
    ),
    (
        "Cycle path extended to the lighthouse",
        "The coastal cycle path now reaches the old lighthouse, the roads office said on Thursday. The "
        "new section runs four kilometres along the dunes.\n\n"
        "Benches and a bicycle pump were installed at the lighthouse car park.",
    ),
    (
        "Choir wins regional competition",
        "The harbour choir won the regional competition on Saturday with a programme of sea songs. The "
        "conductor thanked the singers' families for their patience.\n\n"
        "The choir will travel to the national final in the spring.",
    ),
    (
        "Bakery cooperative opens second shop",
        "The bakery cooperative opened a second shop near the station on Friday. Its members said the "
        "first shop could no longer meet the morning demand.\n\n"
        "Both shops will sell the same bread, baked overnight in the old mill.",
    ),
    (
        "Market square to be repaved",
        "Workers will repave the market square over the summer, the town council decided on Monday. "
        "Stalls move to the harbour front while the work lasts.\n\n"
        "The old cobbles will be cleaned and laid again where they can be saved.",
    ),
    (
        "Swimming pool heating repaired",
        "The municipal pool reopened on Sunday after engineers repaired its heating, the sports office "
        "said. Swimming lessons resume next week.\n\n"
        "The pool had been closed for nine days, and season tickets will be extended to make up for it.",
    ),
]


def story_text(n: int) -> str:
    title, body = STORIES[n]
    return f"{title}\n\n{body}\n"


def story_html(n: int) -> str:
    title, body = STORIES[n]
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def rss(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Weekly</title>'
        + "".join(items)
        + "</channel></rss>"
    )


def rss_item(n: int, *, link: str, extra: str = "") -> str:
    """A feed entry carrying its full text, so reading it needs no fetch."""
    title, body = STORIES[n]
    full = "".join(f"<p>{p}</p>" for p in body.split("\n\n")) * 3  # substantial: no fetch
    return (
        f"<item><title>{title}{extra}</title><link>{link}</link>"
        f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
    )


def warc_record(uri: str, html: str) -> bytes:
    body = html.encode("utf-8", "surrogatepass")
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-06-19T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def damaged_warc_gz(good: list[int], *, damaged_after: int = 0) -> bytes:
    """A .warc.gz of one gzip member per record, with a corrupted member after ``damaged_after``."""
    members = [gzip.compress(warc_record(f"http://harbour.test/{n}", story_html(n))) for n in good]
    broken = bytearray(gzip.compress(warc_record("http://harbour.test/broken", story_html(0) * 3)))
    middle = len(broken) // 2
    broken[middle : middle + 64] = bytes(64)
    members.insert(damaged_after + 1, bytes(broken))
    return b"".join(members)


def damaged_warc_plain(good: list[int]) -> bytes:
    """An uncompressed WARC whose middle record declares a Content-Length beyond its end."""
    records = [warc_record(f"http://harbour.test/plain-{n}", story_html(n)) for n in good]
    bad = warc_record("http://harbour.test/plain-bad", story_html(0)).replace(b"Content-Length: ", b"Content-Length: 9")
    return records[0] + bad.split(b"\r\n\r\n", 1)[0] + b"\r\nWARC-Oops\r\n\r\n" + b"".join(records[1:])


def short_length_warc(good: list[int]) -> bytes:
    """An uncompressed WARC whose second record declares 100 bytes fewer than it holds (warcio then
    writes a multi-line warning to stderr)."""
    records = [warc_record(f"http://harbour.test/short-{n}", story_html(n)) for n in good]
    head, rest = records[1].split(b"\r\n\r\n", 1)
    declared = int(head.rsplit(b"Content-Length: ", 1)[1])
    records[1] = head.replace(b"Content-Length: %d" % declared, b"Content-Length: %d" % (declared - 100)) + b"\r\n\r\n" + rest
    return b"".join(records)


def one_hundred_times(n: int = 160) -> str:
    """A text whose number-word run overflows a float (the number-word parser crashed on it)."""
    title, body = STORIES[7]
    run = " ".join(["one hundred"] * n)
    return f"{title}\n\n{body}\n\nThe conductor counted {run} singers in the hall on Saturday.\n"


def huge_figure() -> str:
    """A 400-digit figure (it became ``Infinity`` in the JSON report)."""
    title, body = STORIES[5]
    return f"{title}\n\n{body}\n\nThe cooperative said {'9' * 400} loaves were baked on Friday.\n"


class HostileHandler(BaseHTTPRequestHandler):
    """Loopback-only server: a malformed redirect, a header trickle, and one good page."""

    trickle_seconds = 0.25

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/bad-redirect":
            self.wfile.write(b"HTTP/1.1 302 Found\r\nLocation: http:\\\\127.0.0.1:18080\\x\r\n"
                             b"Content-Length: 0\r\n\r\n")
        elif self.path == "/trickle":
            try:
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 400:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(self.trickle_seconds)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/good.html":
            body = story_html(6).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@contextmanager
def hostile_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def first_sentence(n: int) -> str:
    return STORIES[n][1].split(". ")[0]


def write_batch(folder: Path, base_url: str) -> tuple[list[str], dict[str, str], list[int]]:
    """Every issue-9 case plus good files: ``(inputs, {bad input or record: fragment of its error},
    [the stories that must be stored, once each])``."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    good: list[int] = []

    (folder / "good.txt").write_text(story_text(0), encoding="utf-8")
    good.append(0)

    lines = folder / "lines.jsonl"
    lines.write_text(
        '{"text": "A broken pair \\ud800 in the text of the harbour story, told badly."}\n'
        + "[" * 5000 + "]" * 5000 + "\n"
        + json.dumps({"text": story_text(1), "path": "lines-good"}) + "\n",
        encoding="utf-8",
    )
    bad[f"{lines}:1"] = "lone surrogate"
    bad[f"{lines}:2"] = "nested too deeply"
    good.append(1)

    feed = folder / "feed.rss"
    feed.write_text(
        rss([
            rss_item(2, link="http://harbour.test/surrogate", extra=" &#xD800;"),
            rss_item(3, link="http://harbour.test/ok"),
            "<item><title>Port</title><link>http://harbour.test:99999/x</link><description>Short.</description></item>",
        ]),
        encoding="utf-8",
    )
    bad["http://harbour.test/surrogate"] = "character reference"
    bad["http://harbour.test:99999/x"] = "malformed URL"
    good.append(3)

    latin1 = Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))  # a file name that is not UTF-8
    latin1.write_bytes(story_text(4).encode("utf-8"))
    good.append(4)

    warc = folder / "archive.warc.gz"
    data = damaged_warc_gz([5, 6])
    warc.write_bytes(data)
    first = gzip.compress(warc_record("http://harbour.test/5", story_html(5)))
    bad[f"{warc}#byte-{len(first)}"] = "damaged gzip member"
    good += [5, 6]

    (folder / "figures.txt").write_text(one_hundred_times(), encoding="utf-8")
    good.append(7)
    (folder / "digits.txt").write_text(huge_figure(), encoding="utf-8")  # story 5 again, another body
    good.append(5)

    escape_name = folder / "\x1b]0;owned\x07\x1b[31mred.txt"
    escape_name.write_bytes(b"")
    bad[str(escape_name)] = "empty file"
    newline_name = folder / "two\nerror: forged line.txt"
    newline_name.write_bytes(b"\x00\x01binary")
    bad[str(newline_name)] = "binary"

    inputs = [
        str(folder),
        "http://127.0.0.1:99999/",
        "http://127.0.0.1:abc/",
        "http://[::1/",
        f"{base_url}/bad-redirect",
        f"{base_url}/trickle",
    ]
    bad["http://127.0.0.1:99999/"] = "malformed URL"
    bad["http://127.0.0.1:abc/"] = "malformed URL"
    bad["http://[::1/"] = "malformed URL"
    bad[f"{base_url}/bad-redirect"] = "URL"
    bad[f"{base_url}/trickle"] = "limit for the whole download"
    return inputs, bad, good
