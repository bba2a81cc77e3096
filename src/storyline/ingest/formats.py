"""Which reader handles an input: by file name, by HTTP content type, or by sniffing the bytes.

Names and content types are hints that are often wrong (``.xml`` that is a feed, ``text/plain``
that is HTML), so an unknown or generic hint falls back to looking at the first bytes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Literal

from storyline.ingest.base import IngestError
from storyline.ingest.context import Item, ReadContext, Reader

Kind = Literal["text", "html", "jsonl", "warc", "feed"]

_SUFFIXES: tuple[tuple[str, Kind], ...] = (
    (".warc.gz", "warc"), (".arc.gz", "warc"), (".warc", "warc"), (".arc", "warc"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".txt", "text"), (".text", "text"), (".md", "text"), (".markdown", "text"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".rss", "feed"), (".atom", "feed"),
)
# .xml can be anything; it is sniffed, and read as a feed when nothing else fits.
_SNIFFED_SUFFIXES = (".xml",)

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|meta|title)[\s>/]",
                   re.IGNORECASE)
_WARC = re.compile(rb"^WARC/\d")

_MODULES: dict[Kind, str] = {
    "text": "storyline.ingest.text",
    "html": "storyline.ingest.html",
    "jsonl": "storyline.ingest.jsonl",
    "warc": "storyline.ingest.warc",
    "feed": "storyline.ingest.feed",
}


def kind_from_name(name: str) -> Kind | None:
    """The reader a file name asks for, or None when the name says nothing reliable."""
    lower = name.lower()
    if lower.endswith(".gz") and not lower.endswith((".warc.gz", ".arc.gz")):
        lower = lower[:-3]
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def kind_from_content_type(content_type: str | None) -> Kind | None:
    """The reader an HTTP content type asks for; None for generic types that need sniffing."""
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in {"text/html", "application/xhtml+xml"}:
        return "html"
    if mime in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return "feed"
    if mime in {"application/warc", "application/x-warc"}:
        return "warc"
    if mime in {"application/x-ndjson", "application/jsonl", "application/x-jsonlines"}:
        return "jsonl"
    return None


def unsupported_content_type(content_type: str | None) -> bool:
    """Types that are certainly not documents we read (images, PDFs, archives, media)."""
    if not content_type:
        return False
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime.startswith(("image/", "audio/", "video/", "font/")) or mime in {
        "application/pdf", "application/zip", "application/gzip", "application/x-gzip",
        "application/msword", "application/javascript", "text/css",
    }


def sniff(data: bytes) -> Kind:
    """Guess from the first bytes: WARC, a feed, HTML, or else plain text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _WARC.match(head):
        return "warc"
    if head.startswith(b"<?xml") or head[:200].lower().startswith((b"<rss", b"<feed", b"<rdf")):
        if _FEED.search(head):
            return "feed"
        if _HTML.search(head):
            return "html"
    if _FEED.search(head[:1024]) and not re.search(rb"<html[\s>]", head, re.IGNORECASE):
        return "feed"
    if _HTML.search(head):
        return "html"
    return "text"


def kind_for_file(name: str, data: bytes) -> Kind:
    """A local file's reader: its extension when that is specific, else what its bytes look like
    (an ``.xml`` file that is neither a feed nor XHTML still goes to the feed reader, which says
    why it is not a feed)."""
    kind = kind_from_name(name)
    if kind is not None:
        return kind
    sniffed = sniff(data)
    if sniffed == "text" and name.lower().removesuffix(".gz").endswith(_SNIFFED_SUFFIXES):
        return "feed"
    return sniffed


def reader(kind: Kind) -> Reader:
    """The ``read`` function of the reader module for ``kind`` (imported lazily: feed and URL
    readers call back into this dispatch, and heavy libraries load only when needed)."""
    module = importlib.import_module(_MODULES[kind])
    return module.read  # type: ignore[no-any-return]


def read_as(kind: Kind | None, source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """Run the reader for ``kind``, sniffing when it is unknown."""
    if not data:
        yield IngestError(source, "empty input (0 bytes)")
        return
    yield from reader(kind or sniff(data))(source, data, ctx)
