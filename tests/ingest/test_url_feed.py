"""URL and feed readers against a real HTTP server on 127.0.0.1 (the only network the tests use)."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_readers import KOREAN, PARAGRAPHS, RUSSIAN, article_html

from storyline.ingest import read_inputs
from storyline.ingest import url as url_reader
from storyline.ingest.base import IngestError, RawDocument

SECOND = [
    "Ferry crossings between Velmora and the outer islands will keep their winter timetable "
    "while the barges work on the breakwater, the operator said in a statement on Wednesday.",
    "The operator added that the evening crossing could be delayed by up to twenty minutes on days "
    "when cranes block the eastern approach, and that passengers would be told a day in advance.",
    "Island councillors said they had asked for written guarantees because the last works on the "
    "pier, a decade ago, cut the service to two crossings a day for most of a summer.",
]


def rss(base: str) -> str:
    full = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Velmora Coast Courier</title><link>{base}/</link>
<item><title>Breakwater to be rebuilt</title><link>{base}/article.html</link>
<pubDate>Tue, 14 Mar 2023 08:30:00 +0100</pubDate>
<content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Ferry timetable kept during works</title><link>/ferry.html</link>
<pubDate>Wed, 15 Mar 2023 10:00:00 +0100</pubDate><description>Crossings continue.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>Short.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, body: bytes, content_type: str, status: int = 200, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/article.html": (article_html().encode(), "text/html; charset=utf-8"),
            "/ferry.html": (article_html(title="Ferry timetable", paragraphs=SECOND, published=None).encode(),
                            "text/html"),
            "/ru.html": (article_html(paragraphs=[RUSSIAN, RUSSIAN], charset=None).encode("cp1251"),
                         "text/html; charset=windows-1251"),
            "/note.txt": (KOREAN.encode("euc-kr"), "text/plain; charset=euc-kr"),
            "/untyped": (article_html().encode(), "application/octet-stream"),
            "/feed.xml": (rss(base).encode(), "application/rss+xml"),
            "/logo.png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
        }
        if self.path in routes:
            self._send(*routes[self.path])
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-other-loopback":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_address[1]}/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/host":
            self._send(f"Request addressed to host {self.headers['Host']} was served".encode(), "text/plain")
        elif self.path == "/big":
            self._send(b"x" * 300_000, "text/plain")
        elif self.path == "/endless":  # no Content-Length: only the streaming cap can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"word " * 2000)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(b"not here", "text/plain", status=404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read(*urls: str, **kw: object) -> list[RawDocument | IngestError]:
    return list(read_inputs(list(urls), allow_private=True, **kw))  # type: ignore[arg-type]


def test_html_url_is_fetched_and_extracted(server: str) -> None:
    (doc,) = read(f"{server}/article.html")
    assert isinstance(doc, RawDocument), doc
    assert doc.url == f"{server}/article.html" and doc.format == "html"
    assert PARAGRAPHS[2] in (doc.text or "") and doc.published == "2023-03-14"


def test_content_type_and_header_charset_decide_the_reader(server: str) -> None:
    ru, ko, untyped = read(f"{server}/ru.html", f"{server}/note.txt", f"{server}/untyped")
    assert isinstance(ru, RawDocument) and RUSSIAN in (ru.text or "")
    assert isinstance(ko, RawDocument) and ko.format == "text" and ko.text == KOREAN
    assert isinstance(untyped, RawDocument) and untyped.format == "html"


def test_redirects_are_followed_and_each_hop_rechecked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = read(f"{server}/redirect")
    assert isinstance(doc, RawDocument) and doc.url == f"{server}/article.html"
    (err,) = read(f"{server}/loop")
    assert isinstance(err, IngestError) and "redirects" in err.message
    # Treat the test server's own address as public: the redirect's next hop must still be refused.
    real = url_reader._refused
    monkeypatch.setattr(url_reader, "_refused",
                        lambda ip: None if ip == ipaddress.ip_address("127.0.0.1") else real(ip))
    (err,) = read_inputs([f"{server}/to-other-loopback"])
    assert isinstance(err, IngestError)
    assert "refused" in err.message and "127.0.0.2" in err.message


def test_request_goes_to_the_address_that_was_checked(server: str, public_courier: None) -> None:
    """A name is resolved once; a second lookup (where DNS rebinding would strike) never happens."""
    port = int(server.rsplit(":", 1)[1])
    (doc,) = read_inputs([f"http://courier.test:{port}/host"])
    assert isinstance(doc, RawDocument), doc
    assert doc.text == f"Request addressed to host courier.test:{port} was served"
    assert doc.url == f"http://courier.test:{port}/host"


@pytest.fixture
def public_courier(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend ``courier.test`` is a public host at 127.0.0.1, looked up at most once."""
    real_lookup = socket.getaddrinfo
    lookups: list[str] = []

    def lookup(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "courier.test":
            lookups.append(host)
            if len(lookups) > 1:
                raise socket.gaierror("rebinding: second lookup")
            return real_lookup("127.0.0.1", *args, **kwargs)
        return real_lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    real_policy = url_reader._refused
    monkeypatch.setattr(url_reader, "_refused",
                        lambda ip: None if ip == ipaddress.ip_address("127.0.0.1") else real_policy(ip))


def test_https_to_the_checked_address_keeps_sni_and_certificate_checks(tmp_path: Path, public_courier: None) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl command not available to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=courier.test", "-addext", "subjectAltName=DNS:courier.test"],
        check=True, capture_output=True,
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    trusting = httpx.Client(verify=ssl.create_default_context(cafile=str(cert)), trust_env=False)
    try:
        got = url_reader.fetch(f"https://courier.test:{port}/host", max_bytes=10_000, client=trusting)
        assert got.data.decode() == f"Request addressed to host courier.test:{port} was served"
        # The same server under a name its certificate does not carry fails verification.
        with pytest.raises(url_reader.FetchError, match="request failed"):
            url_reader.fetch(f"https://127.0.0.1:{port}/host", allow_private=True, max_bytes=10_000,
                             client=trusting)
    finally:
        trusting.close()
        httpd.shutdown()
        httpd.server_close()


def test_private_addresses_are_refused_by_default(server: str) -> None:
    (err,) = read_inputs([f"{server}/article.html"])
    assert isinstance(err, IngestError)
    assert err.source == f"{server}/article.html"
    assert "refused" in err.message and "loopback" in err.message


@pytest.mark.parametrize(
    ("address", "reason"),
    [("10.1.2.3", "private"), ("192.168.0.10", "private"), ("169.254.169.254", "link-local"),
     ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("fe80::1", "link-local"),
     ("224.0.0.251", "multicast"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
     ("100.64.0.1", "non-global"), ("93.184.216.34", None), ("2606:4700::1111", None)],
)
def test_address_policy(address: str, reason: str | None) -> None:
    assert url_reader._refused(ipaddress.ip_address(address)) == reason


def test_size_cap_is_enforced_from_header_and_while_streaming(server: str) -> None:
    (big,) = read(f"{server}/big", max_bytes=100_000)
    assert isinstance(big, IngestError) and "over the 100,000-byte limit" in big.message
    (endless,) = read(f"{server}/endless", max_bytes=100_000)
    assert isinstance(endless, IngestError) and "exceeds the 100,000-byte limit" in endless.message


def test_http_errors_and_unsupported_types(server: str) -> None:
    missing, image = read(f"{server}/nothing-here", f"{server}/logo.png")
    assert isinstance(missing, IngestError) and "HTTP 404" in missing.message
    assert isinstance(image, IngestError) and "unsupported content type" in image.message


def test_feed_entries_use_content_or_fetch_their_link(server: str) -> None:
    items = read(f"{server}/feed.xml")
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    full, fetched = docs
    assert full.title == "Breakwater to be rebuilt" and full.url == f"{server}/article.html"
    assert full.published == "2023-03-14" and PARAGRAPHS[4] in (full.text or "")
    assert full.extra["feed"] == f"{server}/feed.xml"
    # Only a teaser in the feed (and a relative link): the page was fetched, and the feed's
    # title and date win.
    assert fetched.title == "Ferry timetable kept during works" and fetched.published == "2023-03-15"
    assert fetched.url == f"{server}/ferry.html" and SECOND[1] in (fetched.text or "")
    assert fetched.site == "Velmora Coast Courier" and fetched.format == "rss"
    assert [e.source for e in errors] == [f"{server}/missing"]
    assert "HTTP 404" in errors[0].message


def test_feed_entry_links_obey_the_address_policy(server: str, tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(server), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.title for d in docs] == ["Breakwater to be rebuilt"]  # its content was in the feed
    assert len(errors) == 2
    assert "refused" in errors[1].message
    assert "not an absolute URL" in errors[0].message  # a relative link with no base to resolve it
