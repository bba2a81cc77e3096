"""The layout of one scraped text page: units (paragraph lines) and what role each plays.

A plain-text scrape of a news portal flattens the page: a dateline, teaser headlines with one
summary sentence each, the main headline (sometimes printed twice, once with a breadcrumb glued
on), captions, the article, then lists and prompts. This module holds the per-page pieces of
that analysis; ``storyline.ingest.clean`` runs them in order and builds the ``Article``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from storyline.ingest.furniture import clean_line, ends_sentence, norm_key, title_case_ratio, words

# A headline is rarely longer than this; a longer line without final punctuation is prose.
MAX_HEADLINE_WORDS = 25
# A teaser's summary is one or two sentences.
MAX_SUMMARY_WORDS = 45


@dataclass
class Unit:
    """One paragraph line of a page and the decision taken about it."""

    text: str
    line: int
    key: str
    reason: str | None = None
    role: str = "body"
    #: The line's columns set apart by dashes when the page printed it in columns with wide gaps
    #: between ("THE CITY ECHO      Thursday 16 April 2031      Page 1"): how a header's fields
    #: read, which ``text`` (whitespace normalised) no longer shows.
    columns: str | None = None
    n_words: int = field(init=False)

    def __post_init__(self) -> None:
        self.n_words = len(words(self.text))

    @property
    def live(self) -> bool:
        return self.reason is None and self.role == "body"


def split_units(text: str) -> list[Unit]:
    """Paragraph units with their 1-based line numbers.

    Each non-empty line is a unit, except in hard-wrapped text (every line of a block cut at a
    similar width), where a blank-line-separated block is one paragraph, and where a sentence
    runs on to the next line.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            current.append((number, raw))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    wrapped = _hard_wrapped(lines)
    units: list[Unit] = []
    for block in blocks:
        if wrapped and _block_wrapped(block):
            joined = clean_line(" ".join(raw for _, raw in block))
            units.append(Unit(joined, block[0][0], norm_key(joined)))
            continue
        raws = dict(block)
        for number, line in _join_broken_sentences(block):
            units.append(Unit(line, number, norm_key(line), columns=_columns(raws.get(number, ""), line)))
    return units


#: A gap between a line's columns: three spaces or more, or a tab.
_COLUMN_GAP = re.compile(r" {3,}|\t+")


def _columns(raw: str, line: str) -> str | None:
    """``line`` with its columns set apart by dashes, when ``raw`` (its line as written) spaces
    them with wide gaps; None when it does not or when the line was joined with the next."""
    parts = [clean_line(p) for p in _COLUMN_GAP.split(raw.strip())]
    if len(parts) < 2 or " ".join(parts) != line:
        return None
    return " - ".join(parts)


def _join_broken_sentences(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines of one block where a sentence runs on (the next line starts in lower case) are
    joined: a scraper that turned a <br> inside a paragraph into a newline cut the sentence."""
    out: list[tuple[int, str]] = []
    for number, raw in block:
        line = clean_line(raw)
        prev = out[-1][1] if out else ""
        if (
            line[:1].islower()
            and len(words(line)) >= 3
            and len(words(prev)) >= 4
            and not ends_sentence(prev)
            and not prev.endswith(":")
            and title_case_ratio(prev) < 0.6  # a headline above a lower-case line stays apart
        ):
            out[-1] = (out[-1][0], out[-1][1] + " " + line)
        else:
            out.append((number, line))
    return out


def _block_wrapped(block: list[tuple[int, str]]) -> bool:
    if len(block) < 2:
        return False
    heads = [raw.rstrip() for _, raw in block[:-1]]
    return all(40 <= len(h) <= 100 for h in heads)


def _hard_wrapped(lines: list[str]) -> bool:
    """True when the text was wrapped at a fixed width (an e-mail or terminal copy)."""
    non_empty = [line.rstrip() for line in lines if line.strip()]
    if len(non_empty) < 4 or max(len(line) for line in non_empty) > 110:
        return False
    inner = [a for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    if len(inner) < 3:
        return False
    cut = sum(1 for line in inner if 40 <= len(line.rstrip()) <= 100 and not ends_sentence(line))
    return cut / len(inner) >= 0.6


def is_paragraph(unit: Unit) -> bool:
    """Prose: a sentence that ends, or a line too long to be a headline."""
    text = unit.text
    n = unit.n_words
    if n > MAX_HEADLINE_WORDS:
        return True
    if not ends_sentence(text) or n < 4:
        return False
    stripped = text.rstrip("'\"’”»)] ")
    # A title-cased line ending in ? or ! is a headline, not a sentence.
    return not (stripped.endswith(("?", "!")) and title_case_ratio(text) >= 0.6 and n <= 20)


def is_dek(unit: Unit) -> bool:
    """A standfirst: a sentence-case line of some length under the headline, no final period."""
    return (
        not ends_sentence(unit.text)
        and 8 <= unit.n_words <= MAX_HEADLINE_WORDS
        and title_case_ratio(unit.text) < 0.5
    )


_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►✓✔➤→>»]|\d{1,2}[.)])\s+")
_HIGHLIGHTS_LABEL = re.compile(
    r"""^[\W_]*(?:
        (?:key|main|top|quick|story|article)?\s*(?:highlights?|takeaways?|points|facts|findings)|
        summary|in\s+summary|at\s+a\s+glance|in\s+(?:brief|short)|tl;?\s*dr|
        what\s+(?:you\s+need\s+to\s+know|to\s+know|we\s+know)|the\s+(?:big\s+picture|bottom\s+line)|
        quick\s+(?:read|take)|why\s+it\s+matters|the\s+gist
    )\s*[:.-]?\s*$""",
    re.I | re.X,
)


def is_highlights_label(text: str) -> bool:
    return len(text) <= 60 and len(words(text)) <= 6 and bool(_HIGHLIGHTS_LABEL.match(text))


def bullet_text(text: str) -> str | None:
    """The item of a bulleted line ("- item", "• item", "1. item"), or None."""
    match = _BULLET.match(text)
    return text[match.end():].strip() if match else None
