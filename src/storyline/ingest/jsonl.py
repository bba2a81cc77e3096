"""JSONL reader: one article per line, ``{"text"|"html", "url", "title", "published", "path"}``.

The format scrapers and other tools export. A bad line is an error naming the file and line;
the other lines still go through. ``published`` must be an ISO date (a datetime is cut to its
date): we store it as metadata, so it must not need guessing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from storyline.ingest.base import IngestError, RawDocument, lone_surrogate
from storyline.ingest.context import Item, ReadContext
from storyline.ingest.encoding import DecodeError, decode
from storyline.ingest.html import extract_document
from storyline.ingest.text import normalise

_STRING_FIELDS = ("text", "html", "url", "title", "published", "path", "author", "site")


def iso_date(value: str) -> str:
    """``2024-06-19`` or an ISO datetime -> ``2024-06-19``; ValueError otherwise."""
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()


def read(source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]:
    """Each non-blank line of a JSONL file."""
    try:
        text, _codec = decode(data, declared=ctx.charset, sniff_declaration=False)
    except DecodeError as err:
        yield IngestError(source, str(err))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _line(f"{source}:{number}", line)


def _line(where: str, line: str) -> Item:
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as err:
        return IngestError(where, f"bad JSON line ({err.msg} at column {err.colno})")
    except RecursionError:
        return IngestError(where, "bad JSON line (nested too deeply)")
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        return IngestError(where, f"bad JSON line ({err})")
    if not isinstance(obj, dict):
        return IngestError(where, f"JSON line is a {type(obj).__name__}, not an object")
    for key in _STRING_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return IngestError(where, f"field {key!r} must be a string, not {type(obj[key]).__name__}")
        if "\x00" in (obj.get(key) or ""):
            return IngestError(where, f"field {key!r} holds a NUL character, which no store keeps")
        at = lone_surrogate(obj.get(key) or "")
        if at is not None:
            code = ord(obj[key][at])
            return IngestError(
                where, f"field {key!r} holds a lone surrogate (\\u{code:04x} at character {at}), not valid Unicode"
            )
    published = None
    if obj.get("published"):
        try:
            published = iso_date(obj["published"])
        except ValueError:
            return IngestError(where, f"field 'published' is not an ISO date: {obj['published']!r}")
    url = obj.get("url") or None
    path = obj.get("path") or where
    doc: RawDocument | IngestError
    if (obj.get("text") or "").strip():
        doc = RawDocument(source=where, format="jsonl", text=normalise(obj["text"]), url=url, path=path)
    elif (obj.get("html") or "").strip():
        doc = extract_document(where, obj["html"], url=url, path=path)
        if isinstance(doc, IngestError):
            return doc
        doc.format = "jsonl"
    else:
        return IngestError(where, "JSON line has neither 'text' nor 'html'")
    doc.title = obj.get("title") or doc.title
    doc.published = published or doc.published
    doc.author = obj.get("author") or doc.author
    doc.site = obj.get("site") or doc.site
    return doc
