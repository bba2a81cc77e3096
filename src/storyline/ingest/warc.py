"""WARC/ARC reader (warcio): every successful HTML response in a web archive is one page.

Requests, metadata, redirects, errors and non-HTML responses (images, scripts) are skipped
silently, as they are part of any crawl; an archive with no HTML page in it is an error.

Damage costs only what is damaged. A ``.warc.gz`` is a series of gzip members (one per record,
as the WARC standard recommends), so the members are inflated here one by one: a corrupt member
is one error naming its byte offset, and reading resumes at the next member's gzip header (warcio
alone would glue the garbage into one record's body and lose every record after it). In an
uncompressed archive, a record warcio cannot parse is named and reading resumes at the next
``WARC/1.x`` line. warcio's own warnings (written straight to stderr, several lines each) are
captured: a record followed by one ("perhaps Content-Length is invalid") is reported as damaged
rather than stored with a garbled body.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Generator, Iterator

from warcio.archiveiterator import ArchiveIterator

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.encoding import charset_from_content_type
from storyline.ingest.formats import kind_from_content_type, sniff
from storyline.ingest.html import extract_document

_GZIP_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 1 << 16
_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")


def read(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """The HTML responses of a WARC (gzipped or not) or legacy ARC file."""
    pages = 0
    damaged = 0
    for item in _items(source, data, ctx):
        if isinstance(item, IngestError):
            damaged += 1
        else:
            pages += 1
        yield item
    if pages == 0 and damaged == 0:
        yield IngestError(source, "no HTML responses in the archive")


def _items(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    if data.startswith(_GZIP_MAGIC):
        for offset, member in _members(data, ctx.max_bytes):
            if isinstance(member, str):
                yield IngestError(f"{source}#byte-{offset}", f"damaged gzip member in the archive ({member})")
            else:
                yield from _records(source, member, ctx, base=offset, compressed=True)
    else:
        yield from _records(source, data, ctx, base=0, compressed=False)


def _members(data: bytes, max_bytes: int) -> Iterator[tuple[int, bytes | str]]:
    """``(offset, inflated bytes)`` per gzip member, or ``(offset, reason)`` for a damaged one.

    Input is fed in chunks so that what is left over after a member is at most one chunk (slicing
    the whole rest of the file per member would be quadratic in the number of records).
    """
    view = memoryview(data)
    pos = 0
    end = len(data.rstrip(b"\x00\r\n"))  # padding after the last member is not a member
    while pos < end:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out: list[bytes] = []
        size = 0
        at = pos
        problem: str | None = None
        try:
            while not inflater.eof and at < len(data):
                chunk = view[at : at + _CHUNK]
                piece = inflater.decompress(chunk, max_bytes + 1 - size)
                at += len(chunk) - len(inflater.unused_data) if inflater.eof else len(chunk)
                if inflater.unconsumed_tail:
                    problem = f"inflates to more than the {max_bytes:,}-byte limit"
                    break
                out.append(piece)
                size += len(piece)
            if problem is None and not inflater.eof:
                problem = "truncated: the archive ends inside this member"
        except zlib.error as err:
            problem = f"zlib: {err}"
        if problem is None:
            yield pos, b"".join(out)
            pos = min(at, len(data))
            continue
        yield pos, problem
        resume = data.find(_GZIP_MAGIC, pos + 1)
        if resume < 0:
            return
        pos = resume


def _records(source: str, data: bytes, ctx: ReadContext, *, base: int, compressed: bool) -> Iterator[Item]:
    """The pages of uncompressed WARC/ARC bytes; a damaged record is named and reading resumes at
    the next record start."""
    start = 0
    while start < len(data):
        resume = yield from _parse(source, data, start, ctx, base=base, compressed=compressed)
        if resume is None:
            return
        nxt = _RECORD_START.search(data, resume)
        if nxt is None:
            return
        start = nxt.start(1)


def _parse(
    source: str, data: bytes, start: int, ctx: ReadContext, *, base: int, compressed: bool
) -> Generator[Item, None, int | None]:
    """Records from ``start`` on; returns None at the end, or where to look for the next record."""
    warnings = io.StringIO()
    stream = io.BytesIO(data)
    stream.seek(start)
    records = ArchiveIterator(stream, arc2warc=True)
    end = start  # where the next record should begin

    def name(offset: int) -> str:
        return f"{source}#byte-{base + (0 if compressed else offset)}"

    while True:
        try:
            with contextlib.redirect_stderr(warnings):
                record = next(records)
                page = _page(source, record, ctx, name(end))
                # these read the record to its end (where warcio checks its length and warns),
                # so they come after _page, and what it says concerns this record
                offset = start + records.get_record_offset()
                length = records.get_record_length()
        except StopIteration:
            return None
        except Exception as err:  # warcio raises whatever its parser hits (AttributeError on a NUL header)
            yield IngestError(name(end), f"damaged WARC/ARC record ({type(err).__name__}: {_first_line(str(err))})")
            return end + 1
        said = warnings.getvalue()
        warnings.seek(0)
        warnings.truncate()
        where = page.source if page is not None else name(offset)
        inner = _RECORD_START.search(data, offset + 1, offset + length)
        if inner is not None:  # its declared length swallowed the records after it: a garbled body
            yield IngestError(where, "damaged WARC record (its Content-Length runs past the start of the next record)")
            return inner.start()
        if said.strip():  # too short a length: the body is cut and the rest is junk before the next record
            yield IngestError(where, f"damaged WARC record (warcio: {_first_line(said)})")
        elif page is not None:
            yield page
        end = offset + length


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else "unknown error"


def _page(source: str, record: object, ctx: ReadContext, fallback: str) -> RawDocument | IngestError | None:
    """One record as a page, or None when it is not an HTML response (skipped silently)."""
    rec_type = getattr(record, "rec_type", None)
    http_headers = getattr(record, "http_headers", None)
    if rec_type != "response" or http_headers is None:
        return None
    status = http_headers.get_statuscode()
    if not status or not status.startswith("2"):
        return None
    content_type = http_headers.get_header("Content-Type")
    body = record.content_stream().read()  # type: ignore[attr-defined]
    kind = kind_from_content_type(content_type) or (sniff(body) if body else None)
    if kind != "html":
        return None
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    target = rec_headers.get_header("WARC-Target-URI")
    doc = extract_document(f"{source}#{target}" if target else fallback, body, url=target, path=ctx.path,
                           charset=charset_from_content_type(content_type))
    if not isinstance(doc, IngestError):
        date = rec_headers.get_header("WARC-Date")
        if date:
            doc.extra["crawled"] = date
        doc.format = "warc"
    return doc
