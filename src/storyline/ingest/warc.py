"""WARC/ARC reader (warcio): every successful HTML response in a web archive is one page.

Requests, metadata, redirects, errors and non-HTML responses (images, scripts) are skipped
silently, as they are part of any crawl; a broken archive, or one with no HTML page in it, is
an error.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.base import IngestError
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.encoding import charset_from_content_type
from storyline.ingest.formats import kind_from_content_type, sniff
from storyline.ingest.html import extract_document


def read(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """The HTML responses of a WARC (gzipped or not) or legacy ARC file."""
    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            if not status or not status.startswith("2"):
                continue
            content_type = record.http_headers.get_header("Content-Type")
            body = record.content_stream().read()
            kind = kind_from_content_type(content_type) or (sniff(body) if body else None)
            if kind != "html":
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{target}" if target else f"{source}#record-{pages + 1}"
            pages += 1
            doc = extract_document(name, body, url=target, path=ctx.path,
                                   charset=charset_from_content_type(content_type))
            if not isinstance(doc, IngestError):
                date = record.rec_headers.get_header("WARC-Date")
                if date:
                    doc.extra["crawled"] = date
                doc.format = "warc"
            yield doc
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as err:
        yield IngestError(source, f"broken WARC/ARC archive ({type(err).__name__}: {err})")
        return
    if pages == 0:
        yield IngestError(source, "no HTML responses in the archive")
