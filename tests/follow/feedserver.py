"""A real HTTP server on 127.0.0.1 serving feeds that change, for the watcher's tests.

``/feed.xml`` is an RSS feed of the entries in ``FeedSite.entries`` with an ETag and a
Last-Modified, answering 304 to a matching If-None-Match; ``/broken.xml`` always answers 500;
``/flaky.xml`` answers 500 to its first ``flaky_failures`` requests and then
serves the feed; ``/slow.xml`` answers only when ``release`` is set (so a client deadline passes first);
``/page/N.html`` is entry N's page, and ``/gated/N.html`` the same page served only once ``gate``
is set (``reached`` tells the test a client is waiting on it). Every text is invented.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOWNS = ["Osterholm", "Brevik Sound", "Calder Flats", "Maudsley", "Tarn Hollow", "Quillan Bay"]


def body(n: int) -> str:
    """An invented article about a ferry strike in a made-up harbour town, different for each n."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"Ferry crews in {town} stayed off work on Tuesday, day {n + 1} of the strike, the harbour workers' union said, "
        f"after talks with the Nordvale Ferry Company broke down late on Monday. "
        f"About {120 + 7 * n} sailings have been cancelled since the strike began, the company said in a statement. "
        f"Union secretary Ilse Marwood said the crews wanted a written promise on rest hours before they "
        f"would return. \"We are not asking for the moon,\" she told reporters outside the terminal in {town}. "
        f"The company's operations director, Petter Joensuu, said {40 + n} extra coaches had been hired to carry "
        f"passengers around the fjord while the ferries stay tied up. Shops on the island side reported "
        f"deliveries running {n + 2} days late. Report number {n} on the dispute."
    )


@dataclass
class FeedSite:
    entries: list[int] = field(default_factory=lambda: [0, 1])
    teasers: set[int] = field(default_factory=set)  # entries that carry only a teaser and a link
    gated: set[int] = field(default_factory=set)  # teaser entries whose page waits for ``gate``
    requests: Counter[str] = field(default_factory=Counter)
    not_modified: int = 0
    flaky_failures: int = 2
    gate: threading.Event = field(default_factory=threading.Event)
    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    base: str = ""

    def rss(self) -> bytes:
        items = []
        for n in self.entries:
            page = "gated" if n in self.gated else "page"
            link = f"{self.base}/{page}/{n}.html"
            text = f"Talks stall again in the ferry strike (report {n})." if n in self.teasers else body(n)
            items.append(
                f"<item><title>Ferry strike, report {n}</title><link>{link}</link>"
                f"<guid isPermaLink=\"false\">strike-{n}</guid>"
                f"<pubDate>{formatdate(1_900_000_000 + 3600 * n, usegmt=True)}</pubDate>"
                f"<description>{escape(text)}</description></item>"
            )
        return (
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Nordvale Harbour News</title><link>{self.base}/</link>"
            f"<description>Invented news for tests</description>{''.join(items)}</channel></rss>"
        ).encode()

    def page(self, n: int) -> bytes:
        paragraphs = "".join(f"<p>{escape(s.strip())}.</p>" for s in body(n).split(". ") if s.strip())
        return (
            f"<html><head><title>Ferry strike, report {n}</title></head><body><article>"
            f"<h1>Ferry strike, report {n}</h1>{paragraphs}</article></body></html>"
        ).encode()


def _handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _send(self, status: int, data: bytes = b"", kind: str = "text/html", **headers: str) -> None:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            if status != 304:
                self.wfile.write(data)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            site.requests[path] += 1
            if path == "/feed.xml":
                data = site.rss()
                etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                modified = formatdate(1_900_000_000 + 3600 * max(site.entries, default=0), usegmt=True)
                if self.headers.get("If-None-Match") == etag:
                    site.not_modified += 1
                    self._send(304, ETag=etag, Last_Modified=modified)
                else:
                    self._send(200, data, "application/rss+xml; charset=utf-8", ETag=etag, Last_Modified=modified)
            elif path == "/flaky.xml" and site.requests[path] <= site.flaky_failures:
                self._send(503, b"try again later")
            elif path == "/flaky.xml":
                self._send(200, site.rss(), "application/rss+xml; charset=utf-8")
            elif path == "/broken.xml":
                self._send(500, b"the feed generator crashed")
            elif path == "/slow.xml":
                site.release.wait(30)
                self._send(200, site.rss(), "application/rss+xml")
            elif path.startswith(("/page/", "/gated/")):
                n = int(path.rsplit("/", 1)[1].split(".")[0])
                if path.startswith("/gated/"):
                    site.reached.set()
                    site.gate.wait(30)
                self._send(200, site.page(n))
            else:
                self._send(404, b"not here")

    return Handler


@contextmanager
def serving(site: FeedSite) -> Iterator[FeedSite]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.gate.set()
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(10)
