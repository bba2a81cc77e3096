"""Normalisation: from a matched span to a TIMEX3 type and value, against the right anchor.

Pure functions over a :class:`Context` that holds the document anchor (the publication date, or
only its year when that is all that is known, or nothing), the discourse anchor (the last
calendar time resolved in the text, which anaphors such as "a month later" count from) and the
tense of the clause. An expression whose anchor is unknown keeps ``X`` digits instead of a guess.

This module holds the rule registry (:data:`NORMALISERS`), the narrowing of position modifiers and
:func:`normalise`; the data model and shared helpers are in :mod:`storyline.time.resolve_base`, the
per-rule normalisers in ``resolve_calendar``, ``resolve_relative`` and ``resolve_durations``. The
names other modules import from here (``Anchor``, ``Context``, ``Norm``, ``Partial``) are re-exported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from storyline.time import calendar_math as cm
from storyline.time.resolve_base import Anchor, Context, Norm, Partial
from storyline.time.resolve_calendar import (
    _century_norm,
    _date_norm,
    _decade_norm,
    _half_norm,
    _holiday_norm,
    _iso_norm,
    _month_norm,
    _month_year_norm,
    _numeric_norm,
    _quarter_norm,
    _season_norm,
    _season_year_norm,
    _spoken_year_norm,
    _year_norm,
)
from storyline.time.resolve_durations import (
    _duration_norm,
    _every_norm,
    _few_unit_norm,
    _half_unit_norm,
    _rate_norm,
    _recent_unit_norm,
    _set_norm,
    _spacy_norm,
    _time_norm,
    _times_a_norm,
    _vague_unit_norm,
    _weekdays_pl_norm,
    _year_ended_norm,
)
from storyline.time.resolve_relative import (
    _ago_norm,
    _anaphor_day_norm,
    _deictic_norm,
    _full_year_norm,
    _later_norm,
    _period_norm,
    _ref_norm,
    _rel_unit_norm,
    _weekday_norm,
    _year_ago_adj_norm,
)
from storyline.time.values import interval, last_day

# what other modules import from here: the data model and the entry point
__all__ = ["NORMALISERS", "Anchor", "Context", "Norm", "Partial", "normalise"]

NORMALISERS = {
    "full_year": _full_year_norm,
    "period": _period_norm,
    "year_ended": _year_ended_norm,
    "spacy": _spacy_norm,
    "year_ago_adj": _year_ago_adj_norm,
    "spoken_year": _spoken_year_norm,
    "rate": _rate_norm,
    "iso": _iso_norm,
    "numeric": _numeric_norm,
    "time": _time_norm,
    "date": _date_norm,
    "month_year": _month_year_norm,
    "month": _month_norm,
    "season": _season_norm,
    "season_year": _season_year_norm,
    "decade": _decade_norm,
    "century": _century_norm,
    "year": _year_norm,
    "year2": _year_norm,
    "quarter": _quarter_norm,
    "half": _half_norm,
    "recent_unit": _recent_unit_norm,
    "few_unit": _few_unit_norm,
    "rel_unit": _rel_unit_norm,
    "rel_weekday": _weekday_norm,
    "narrated_weekday": _weekday_norm,
    "deictic": _deictic_norm,
    "ref": _ref_norm,
    "ago": _ago_norm,
    "later": _later_norm,
    "anaphor_day": _anaphor_day_norm,
    "duration": _duration_norm,
    "half_unit": _half_unit_norm,
    "vague_unit": _vague_unit_norm,
    "units_long": _vague_unit_norm,
    "ahead": _few_unit_norm,
    "set": _set_norm,
    "every": _every_norm,
    "times_a": _times_a_norm,
    "weekdays_pl": _weekdays_pl_norm,
    "holiday": _holiday_norm,
}


def _thirds(lo: date, hi: date, mod: str) -> tuple[date, date]:
    """The early, middle or late third of an interval: whole months when it is made of months."""
    whole_months = lo.day == 1 and (hi + timedelta(days=1)).day == 1
    months = (hi.year * 12 + hi.month) - (lo.year * 12 + lo.month) + 1
    if whole_months and months >= 3:
        k = round(months / 3)
        first_end = cm.shift_months(lo.year, lo.month, k - 1)
        last_start = cm.shift_months(hi.year, hi.month, -(k - 1))
        start_end = date(*first_end, last_day(*first_end))
        end_start = date(*last_start, 1)
        if mod == "START":
            return lo, start_end
        if mod == "END":
            return end_start, hi
        return start_end + timedelta(days=1), end_start - timedelta(days=1)
    if whole_months:  # a month: the 1st-10th, 11th-20th, 21st-end
        if mod == "START":
            return lo, lo + timedelta(days=9)
        if mod == "END":
            return lo + timedelta(days=20), hi
        return lo + timedelta(days=10), lo + timedelta(days=19)
    k = ((hi - lo).days + 1) // 3
    if mod == "START":
        return lo, lo + timedelta(days=k - 1)
    if mod == "END":
        return hi - timedelta(days=k - 1), hi
    return lo + timedelta(days=k), hi - timedelta(days=k)


def _narrow(norm: Norm, text: str, ctx: Context) -> Norm:
    """The interval a position modifier leaves: early/mid/late a third of it; "earlier" and
    "later" ("earlier this year", "later that month") end or start at the time they are said from,
    when that time falls inside (the document's day, or the narrative's for an anaphor)."""
    if norm.type not in ("DATE", "TIME") or norm.mod not in ("START", "MID", "END") or norm.earliest:
        return norm
    lo_s, hi_s = interval(norm.value)
    if lo_s is None or hi_s is None:
        return norm
    lo, hi = date.fromisoformat(lo_s), date.fromisoformat(hi_s)
    if (hi - lo).days < 2:
        return norm
    said = re.search(r"\b(earlier|later)\b", text, re.I)
    if said:
        ref = ctx.discourse if norm.anchor_kind == "discourse" else ctx.doc
        point = ref.date if ref is not None else None
        if point is None or not lo <= point <= hi:
            return norm
        lo, hi = (lo, point) if said[1].lower() == "earlier" else (point, hi)
    else:
        lo, hi = _thirds(lo, hi, norm.mod)
    return replace(norm, earliest=lo.isoformat(), latest=hi.isoformat())


def normalise(rule: str, text: str, ctx: Context) -> Norm | None:
    """TIMEX3 type/value of a matched span under ``ctx``; ``None`` rejects the match."""
    fn = NORMALISERS.get(rule)
    if fn is None:
        return None
    try:
        norm = fn(text, ctx)
    except (ValueError, OverflowError):
        return None
    if norm is None:
        return None
    if norm.anchor_kind == "absolute" and norm.type in ("DATE", "TIME") and norm.value[:1] == "X":
        norm = replace(norm, anchor_kind="none")
    return _narrow(norm, text, ctx)
