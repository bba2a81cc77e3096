"""The working state of one text page while it is cleaned, and the layout tests the passes share.

:class:`_Page` holds the page's units, each marked with the reason it is cut, and what the passes
found on the way (headline, datelines, teasers, highlights, a wire dateline). :func:`_headline_like`,
:func:`_body_start` and :func:`_previous_live` read the page's layout. They stand apart so that the
marking, structure and date passes (``clean_marks``, ``clean_structure``, ``clean_dates``) share
them without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.ingest.clean_layout import MAX_HEADLINE_WORDS, MAX_SUMMARY_WORDS, Unit, is_paragraph
from storyline.ingest.dateline import Dateline, WireDateline
from storyline.model import Teaser


@dataclass
class _Page:
    """Working state of one text page while it is cleaned."""

    units: list[Unit]
    title: Unit | None = None
    raw_title: str | None = None
    author: str | None = None
    site: str | None = None
    datelines: list[tuple[int, Dateline]] = field(default_factory=list)
    teasers: list[tuple[int, Teaser]] = field(default_factory=list)  # (line, teaser)
    highlights: list[str] = field(default_factory=list)
    standfirsts: int = 0
    wire: WireDateline | None = None
    first_teaser: int | None = None  # unit index of the first teaser above the headline

    def live(self) -> list[int]:
        return [i for i, u in enumerate(self.units) if u.live]


def _previous_live(units: list[Unit], index: int) -> Unit | None:
    for unit in reversed(units[:index]):
        if unit.reason is None:
            return unit
    return None


def _headline_like(unit: Unit) -> bool:
    """Short, not a finished sentence, and not a line that introduces the next one."""
    return (
        not is_paragraph(unit)
        and 3 <= unit.n_words <= MAX_HEADLINE_WORDS
        and not unit.text.rstrip().endswith((":", ",", ";"))
    )


def _body_start(units: list[Unit], live: list[int]) -> int | None:
    for pos, i in enumerate(live):
        if not is_paragraph(units[i]):
            continue
        nxt = live[pos + 1] if pos + 1 < len(live) else None
        if units[i].n_words > MAX_SUMMARY_WORDS or nxt is None or is_paragraph(units[nxt]):
            return i
    return None
