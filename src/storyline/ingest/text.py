"""Plain-text reader: a scraped page or a typed article, decoded and with line ends normalised.

Everything else (headline, furniture, teasers, datelines) is the cleaner's job, because it needs
to see the whole batch to tell a site's repeated lines from an article's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.ingest.base import IngestError, RawDocument
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.encoding import DecodeError, decode_noted


def normalise(text: str) -> str:
    """Unix line ends, no trailing blanks at line ends, no form feeds or zero-width junk."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def read(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """One document per file (or fetched body)."""
    try:
        text, codec, note = decode_noted(data, declared=ctx.charset, sniff_declaration=False)
    except DecodeError as err:
        yield IngestError(source, str(err))
        return
    text = normalise(text)
    if not text.strip():
        yield IngestError(source, "no text (only whitespace)")
        return
    extra = {"encoding": codec, **({"encoding_note": note} if note else {})}
    yield RawDocument(source=source, format="text", text=text, path=ctx.path, url=ctx.url, extra=extra)
