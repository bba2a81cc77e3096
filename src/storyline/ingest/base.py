"""What every reader produces, and the one error type for bad input.

Readers turn an input (file, URL, feed entry, WARC record, JSON line) into ``RawDocument``s;
the cleaner (``storyline.ingest.clean``) turns those into ``Article``s. Readers never raise for a
bad input: they yield an ``IngestError`` naming it, so that the rest of a batch goes through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RawFormat = Literal["text", "html", "jsonl", "rss", "warc", "url"]


@dataclass
class RawDocument:
    """One document as read, before cleaning.

    ``text`` is set for plain text; ``html`` for pages (the HTML reader fills ``text``, ``title``,
    ``author``, ``site`` and ``published`` from trafilatura/htmldate). ``published`` is an ISO
    date from metadata, never from guessing.
    """

    source: str
    format: RawFormat
    text: str | None = None
    html: str | None = None
    url: str | None = None
    path: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class IngestError:
    """A bad input: ``source`` names it, ``message`` says what is wrong in one line."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
