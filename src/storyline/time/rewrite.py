"""Resolving a document-relative expression again once the writing date is known better.

An article without a trusted date is first resolved against a weak anchor (a portal page's date,
none at all). When reconciliation narrows its writing date to a range (other outlets date an
event it reports), its document-relative expressions ("last year", "June 4", "last month") are
resolved again by the same grammar and normalisers as everything else (one resolver): against
each end of the range, kept only when every end gives the same value. What cannot be settled
stays as it was: a date is never guessed.

The same probes say what an expression tells about the writing date itself: "last year" naming
an event that other articles date to 2024 means the article was written in 2025.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from storyline.model import TimeExpr
from storyline.time.grammar import find_candidates
from storyline.time.resolve import Anchor, Context, Norm, normalise
from storyline.time.tense import Tense
from storyline.time.values import interval

#: The grammar's rules whose value depends on the writing date alone (not on another date in the
#: text): a month and day, a month, "last month", "this year", "three weeks ago", a season, a quarter, a half, a
#: weekday (settled only by a writing date known to the day, and read in its clause's tense),
#: "yesterday", "overnight", and a clock time on such a day ("6:30 a.m. on Monday").
DOCUMENT_RULES = frozenset({"date", "month", "rel_unit", "ago", "season", "quarter", "half", "rel_weekday", "deictic", "time"})
#: Two writing dates far apart in one year: what an expression gives against both shows whether
#: it names a year relative to the writing year or a month of its own.
_PROBES = (date(2001, 3, 15), date(2001, 9, 15))
#: Words before an expression that are not part of it ("in June", "since last year").
_LEADING = re.compile(r"^(?:in|on|during|since|by|from|until|of|earlier|later|early|late)\s+(?:in\s+)?", re.I)
#: "the next day", "November of the same year", "that year": anaphora counting from another date
#: of the text, not from the writing date.
_ANAPHORIC = re.compile(r"\b(?:the|that)\s+(?:next|following|previous|preceding|prior|same)\s+(?:day|week|month|year)\b"
                        r"|\bthat\s+(?:day|week|month|year)\b|\bthe\s+(?:day|week|month|year)\s+(?:before|after)\b",
                        re.I)


def _wholes(text: str, rules: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """The grammar rules (of ``rules``, else any) that match the whole expression, with the text
    each matched, in the grammar's order; words before it that are not part of it ("in", "since")
    left out. Several may ("last night" is a unit counted back and a deictic word)."""
    stripped = _LEADING.sub("", text.strip())
    return [(c.rule, c.text) for c in find_candidates(stripped, everywhere=True)
            if (rules is None or c.rule in rules) and c.end - c.start >= len(stripped.rstrip(".,")) - 1]


def _whole(text: str, rules: frozenset[str] | None = None) -> tuple[str, str] | None:
    """The first rule of ``_wholes``."""
    found = _wholes(text, rules)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def _rules_of(text: str) -> tuple[tuple[str, str], ...]:
    """The document-relative rules that match the whole expression, with the text each matched."""
    if _ANAPHORIC.search(_LEADING.sub("", text.strip())):
        return ()
    return tuple(_wholes(text, DOCUMENT_RULES))


def resolve_at(text: str, written: date, tense: Tense = "past") -> Norm | None:
    """The expression resolved against a writing date in the tense of its clause, as the tagger
    reads it ("will resume on Tuesday" is the next one, "would close by the end of September"
    the coming one); with no tense, as news reports it (the past). The first rule matching the
    whole expression that resolves it."""
    ctx = Context(doc=Anchor(written.year, written.month, written.day), tense=tense or "past")
    for rule, matched in _rules_of(text):
        if (found := normalise(rule, matched, ctx)) is not None:
            return found
    return None


def _is_calendar(value: str) -> bool:
    """A year, a month, a week ("2031-W09", "last week") or a day written in digits (a day maybe
    with its part or clock time): not a season, a quarter."""
    return bool(re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:MO|AF|EV|NI|DT|\d\d:\d\d))?)?|-W\d\d(?:-WE)?)?", value))


def year_offset(text: str) -> int | None:
    """Years from the writing year to the year the expression names ("last year" -1, "this
    year" 0), when it names only a year relative to the writing date; else None."""
    values = [n.value if (n := resolve_at(text, p)) else "" for p in _PROBES]
    if not all(len(v) == 4 and v.isdigit() for v in values):
        return None
    offsets = {int(v) - p.year for v, p in zip(values, _PROBES, strict=True)}
    return offsets.pop() if len(offsets) == 1 else None


def names_month(text: str) -> bool:
    """Whether the expression names a month (and maybe a day) of its own whose year is the
    writing date's ("June 4", "last June"), rather than counting from the writing date."""
    values = [n.value if (n := resolve_at(text, p)) else "" for p in _PROBES]
    if not all(_is_calendar(v) and len(v) >= 7 and "W" not in v for v in values):
        return False
    return len({v[4:] for v in values}) == 1


def reresolve(t: TimeExpr, earliest: date, latest: date) -> TimeExpr | None:
    """``t`` resolved again for an article written between ``earliest`` and ``latest``; None
    when it does not depend on the writing date alone or the range does not settle it."""
    if t.anchor_kind == "discourse":
        return None  # "the next day" counts from another date of the text, not the writing date
    ends = {earliest, latest}
    if earliest.year != latest.year:
        ends.add(date(latest.year, 1, 1))
    values = {n.value if (n := resolve_at(t.text, d, t.tense)) else None for d in ends}
    if len(values) != 1:
        return None
    value = values.pop()
    if value is None or not _is_calendar(value):
        return None
    lo, hi = interval(value)
    return replace(t, value=value, earliest=lo, latest=hi, anchor=f"{earliest.isoformat()}/{latest.isoformat()}",
                   anchor_kind="document")


def reresolve_from(t: TimeExpr, anchor: date) -> TimeExpr | None:
    """A time told from another time of the text ("died the following day", after "struck on
    Thursday") resolved again once that time's day is known: a year-less page whose writing date
    the story gave later. None when it does not resolve to a calendar day."""
    if t.anchor_kind != "discourse":
        return None
    whole = _whole(t.text)
    if whole is None:
        return None
    day = Anchor(anchor.year, anchor.month, anchor.day)
    found = normalise(*whole, Context(doc=day, discourse=day, day=day, discourse_distance=0, tense=t.tense or "past"))
    if found is None or not _is_calendar(found.value):
        return None
    lo, hi = interval(found.value)
    return replace(t, value=found.value, earliest=lo, latest=hi, anchor=anchor.isoformat())

