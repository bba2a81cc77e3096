"""The one interface every reader implements, and what a reader is told about its input.

A reader is a module with ``read(source, data, ctx) -> Iterator[RawDocument | IngestError]``:
bytes in (already fetched or read from disk, already size-capped), documents or one-line errors
out, never an exception for bad input. Keeping I/O (files, network) out of the readers lets the
same HTML reader serve files, URLs, feed entries, WARC records and JSON lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from storyline.ingest.base import IngestError, RawDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_FETCH_DEPTH = 1


@dataclass(frozen=True)
class ReadContext:
    """Where the bytes came from and the limits that apply while reading them.

    ``charset`` is a charset declared outside the bytes (an HTTP header or a WARC record's
    headers). ``depth`` counts fetches made on behalf of another input (a feed entry's link), so
    that a feed cannot make us crawl.
    """

    path: str | None = None
    url: str | None = None
    charset: str | None = None
    content_type: str | None = None
    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    depth: int = 0

    def at(self, **changes: object) -> ReadContext:
        return replace(self, **changes)  # type: ignore[arg-type]


Item = RawDocument | IngestError


class Reader(Protocol):
    """What each reader module provides."""

    def __call__(self, source: str, data: bytes, ctx: ReadContext) -> Iterator[Item]: ...
