"""What every reader produces, and the one error type for bad input.

Readers turn an input (file, URL, feed entry, WARC record, JSON line) into ``RawDocument``s;
the cleaner (``storyline.ingest.clean``) turns those into ``Article``s. Readers never raise for a
bad input: they yield an ``IngestError`` naming it, so that the rest of a batch goes through.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from typing import Literal

RawFormat = Literal["text", "html", "jsonl", "rss", "warc", "url"]

# What must not reach a terminal or split a line: C0/C1 controls and DEL (escape sequences,
# newlines that forge a second error line), bidi overrides that reorder what is shown, and lone
# surrogates, which cannot even be encoded for output.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one line: every control, bidi or surrogate character escaped
    (``\\x1b``, ``\\n``, ``\\u202e``), everything else unchanged."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if char in "\n\r\t":
            return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


def path_name(path: str | os.PathLike[str]) -> str:
    """A file name as valid text: bytes that are not UTF-8 (a Latin-1 ``café.txt``, which Python
    holds as lone surrogates) become ``\\xe9``, so that the name can be stored and printed."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file-system byte stands for
        return os.fspath(path).encode("utf-8", "backslashreplace").decode("utf-8")


def lone_surrogate(text: str) -> int | None:
    """Where ``text`` holds a lone surrogate (``"\\ud800"`` in JSON, ``&#xD800;`` in XML), if it does:
    such text is not valid Unicode and cannot be hashed, stored or printed."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


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
        """The one line shown to the user, with names and reasons escaped for the terminal."""
        return f"{printable(self.source)}: {printable(' '.join(self.message.split()))}"


def invalid_text(doc: RawDocument) -> IngestError | None:
    """An error for a document whose text fields are not valid Unicode, naming field and place."""
    for f in fields(doc):
        value = getattr(doc, f.name)
        if isinstance(value, str):
            if "\x00" in value:
                return IngestError(doc.source, f"field {f.name!r} holds a NUL character, which no store keeps")
            at = lone_surrogate(value)
            if at is not None:
                code = ord(value[at])
                return IngestError(
                    doc.source, f"field {f.name!r} holds a lone surrogate (\\u{code:04x} at character {at}), not valid Unicode"
                )
    return None


def is_url(value: str) -> bool:
    """``scheme://...`` of any scheme (unsupported schemes are refused later, with a reason)."""
    scheme, sep, _ = value.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").replace(".", "").replace("-", "").isalnum()
