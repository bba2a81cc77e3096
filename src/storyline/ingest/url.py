"""URL reader: fetch a page safely, then hand its bytes to the reader its content type asks for.

Safety matters because URLs come from users and from feeds: every hop of a redirect chain is
resolved and refused if it points at loopback, private, link-local, reserved or multicast space
(the classic way to make a fetcher read a cloud metadata service or an intranet), and the body is
capped while it streams, so a huge or endless response cannot fill memory. The request is sent
to the very address that was checked, so a DNS server answering differently on a second lookup
(rebinding) gains nothing.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from storyline.ingest.base import IngestError
from storyline.ingest.base import is_url as is_url  # re-exported: where it lived before
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.encoding import charset_from_content_type
from storyline.ingest.formats import kind_from_content_type, read_as, sniff, unsupported_content_type

TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=10.0, pool=10.0)
TOTAL_SECONDS = 60.0
MAX_REDIRECTS = 5
USER_AGENT = "storyline/0.1 (+offline news timeline tool)"
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that cannot or must not be fetched; the message is the one-line reason."""


@dataclass(frozen=True)
class Fetched:
    """A response body and what the server said about it."""

    url: str
    status: int
    content_type: str | None
    data: bytes
    etag: str | None = None
    last_modified: str | None = None


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if not ip.is_global:
        return "non-global"
    return None


def _split(url: str) -> tuple[SplitResult, int | None]:
    """The URL's parts and port, or a FetchError for a malformed one (``http://[::1/``, a port of
    99999 or ``abc``), which ``urllib`` reports only as a ValueError when the port is read."""
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url.strip()):
        raise FetchError("malformed URL (it contains control characters)")
    try:
        parts = urlsplit(url)
        return parts, parts.port
    except ValueError as err:
        raise FetchError(f"malformed URL ({err})") from None


def check_host(url: str, *, allow_private: bool) -> str | None:
    """Refuse schemes other than http(s) and hosts resolving to non-public addresses.

    Returns the address to connect to (None when private addresses are allowed and the name is
    left to the HTTP client), so that the request goes to the address that was checked.
    """
    parts, port = _split(url)
    if not parts.scheme:
        raise FetchError("not an absolute URL (relative link without a base?)")
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as err:
        raise FetchError(f"cannot resolve host {host!r} ({err})") from err
    addresses = [str(info[4][0]).split("%", 1)[0] for info in infos]
    for address in addresses:
        reason = _refused(ipaddress.ip_address(address))
        if reason is not None:
            raise FetchError(
                f"refused: {host} resolves to {reason} address {address} (allow private addresses to fetch it)"
            )
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r} (no addresses)")
    return addresses[0]


def _pinned(url: str, address: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request aimed at the checked address, with the original Host header and TLS name.

    Connecting by address closes the DNS-rebinding gap: a second lookup by the HTTP client could
    otherwise return a private address the first one did not.
    """
    if address is None:
        return url, {}, {}
    parts, port = _split(url)
    literal = f"[{address}]" if ":" in address else address
    netloc = literal + (f":{port}" if port else "")
    host_header = parts.netloc.rsplit("@", 1)[-1]
    extensions = {"sni_hostname": parts.hostname or ""} if parts.scheme == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": host_header}, extensions


class _Deadline:
    """One fetch's overall deadline, which every socket operation of it is clamped to."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self, timeout: float | None, error: type[Exception]) -> float:
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise error(f"the {self.seconds:g}-second limit for the whole download passed")
        return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write gives up at the fetch's deadline.

    httpx's timeouts are per operation, so a server sending one header byte every few seconds
    would never trip them; clamping each operation to the time left bounds the whole exchange.
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = self._deadline.left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: _Deadline) -> None:
        self._deadline = deadline
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = self._deadline.left(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(host, port, left, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle costs tens of milliseconds per client otherwise."""
    return httpx.create_ssl_context(trust_env=False)


def redirect_target(current: str, location: str) -> str:
    """Where a redirect leads, or a FetchError for a Location that is not a URL at all."""
    try:
        return urljoin(current, location)
    except ValueError as err:  # "Invalid IPv6 URL" and the like
        raise FetchError(f"malformed redirect target {location!r} ({err})") from None


def _client(deadline: _Deadline) -> httpx.Client:
    """A client whose connections obey ``deadline``. httpx's transport takes no network backend,
    so its pool (a private attribute) is swapped for one built with httpcore's public API; the
    header-trickle test fails if an httpx upgrade moves it."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(), network_backend=_DeadlineBackend(deadline)
    )
    return httpx.Client(timeout=TIMEOUT, follow_redirects=False, trust_env=False, transport=transport,
                        headers={"User-Agent": USER_AGENT})


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int,
    client: httpx.Client | None = None,
    headers: Mapping[str, str] | None = None,
    total_seconds: float | None = None,
) -> Fetched:
    """GET ``url`` following redirects by hand, so that every hop passes ``check_host``.

    ``headers`` are sent with every hop (a watcher's If-None-Match / If-Modified-Since); a 304
    Not Modified comes back as a ``Fetched`` with status 304 and no data.

    Environment proxies are ignored (``trust_env=False``): through a proxy, the address checks
    would say nothing about where the request really goes. The whole fetch, redirects and
    headers included, ends after ``total_seconds`` (default ``TOTAL_SECONDS``; a given ``client``
    keeps its own limits).
    """
    own = client is None
    deadline = _Deadline(TOTAL_SECONDS if total_seconds is None else total_seconds)
    address = check_host(url, allow_private=allow_private)  # before a client is built: refusals are cheap
    http = client or _client(deadline)
    try:
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            if hop:
                address = check_host(current, allow_private=allow_private)
            target, pinned, extensions = _pinned(current, address)
            try:
                with http.stream("GET", target, headers={**(headers or {}), **pinned},
                                 extensions=extensions) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = redirect_target(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                    data = b"" if response.status_code == 304 else _capped_body(response, max_bytes, deadline)
                    return Fetched(current, response.status_code, response.headers.get("content-type"), data,
                                   response.headers.get("etag"), response.headers.get("last-modified"))
            except httpx.TimeoutException as err:
                if time.monotonic() >= deadline.at:
                    raise FetchError(f"the {deadline.seconds:g}-second limit for the whole download passed") from err
                raise FetchError(f"timed out ({type(err).__name__})") from err
            except httpx.HTTPError as err:
                raise FetchError(f"request failed ({type(err).__name__}: {err})") from err
            except (httpx.InvalidURL, ValueError, UnicodeError) as err:  # a malformed redirect target
                raise FetchError(f"malformed URL {current!r} ({err})") from err
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    finally:
        if own:
            http.close()


def _capped_body(response: httpx.Response, max_bytes: int, deadline: _Deadline) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"response is {int(declared):,} bytes, over the {max_bytes:,}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"response exceeds the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline.at:
            raise FetchError(f"the {deadline.seconds:g}-second limit for the whole download passed")
        chunks.append(chunk)
    return b"".join(chunks)


def read_url(url: str, ctx: ReadContext) -> Iterator[Item]:
    """Fetch ``url`` and read it with the reader its content type (or its bytes) calls for."""
    try:
        fetched = fetch(url, allow_private=ctx.allow_private, max_bytes=ctx.max_bytes)
    except FetchError as err:
        yield IngestError(url, str(err))
        return
    content_type = fetched.content_type
    if unsupported_content_type(content_type):
        yield IngestError(url, f"unsupported content type {content_type!r}")
        return
    kind = kind_from_content_type(content_type)
    if kind is None and fetched.data:
        kind = sniff(fetched.data)
        if kind == "text" and content_type and "xml" in content_type.lower():
            kind = "feed"
    if kind == "feed" and ctx.depth > 0:
        yield IngestError(url, "a feed entry's link is itself a feed; not followed")
        return
    sub = ctx.at(url=fetched.url, path=None, charset=charset_from_content_type(content_type),
                 content_type=content_type)
    yield from read_as(kind, url, fetched.data, sub)

