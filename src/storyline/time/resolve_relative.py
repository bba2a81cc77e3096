"""Normalisers of relative expressions: counted from the document's date or the narrative's day.

Weekdays ("last Tuesday"), deictic days ("yesterday"), "this/last/next" units, "two weeks ago",
"a month later", "the previous day" and the year or quarter in discussion: all need an anchor, and
:func:`_count_base` says which one anaphors count from. Split from the calendar normalisers
(:mod:`storyline.time.resolve_calendar`), which a weekday with its date falls back on.
"""

from __future__ import annotations

import calendar
import re
from datetime import timedelta
from typing import Literal

from storyline.time import calendar_math as cm
from storyline.time.lexicon import PARTS_OF_DAY
from storyline.time.resolve_base import (
    _DAY_RX,
    Anchor,
    AnchorKind,
    Context,
    Norm,
    Partial,
    _fmt_day,
    _num_unit,
    _shift,
    _unit_of,
    _unknown,
    _words,
    approx_mod,
    duration_value,
    find_month,
    find_pod,
    find_weekday,
    pos_mod,
)
from storyline.time.resolve_calendar import _date_norm


def _ref_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    if low in ("now", "currently", "nowadays", "these days", "the present", "at present", "presently", "the time being"):
        v = "PRESENT_REF"
    elif low in ("recently", "lately", "previously", "formerly", "the past"):
        v = "PAST_REF"
    elif "future" in low or low == "soon" or re.search(r"(?:near|short|long)[\s-]+term", low):
        v = "FUTURE_REF"
    else:
        return None
    return Norm("DATE", v, None, ctx.doc.value if ctx.doc else None, "document" if ctx.doc else "none")


def _doc_relative(text: str, n: int, unit: str, ctx: Context, mod: str | None) -> Norm:
    a = ctx.doc
    if a is None:
        return Norm("DATE", _unknown(unit), mod, None, "none")
    res = _shift(a, n, unit)
    if res is None:
        return Norm("DATE", _partial_unknown(a, unit), mod, a.value, "document")
    return Norm("DATE", res[0], mod, a.value, "document")


def _partial_unknown(a: Anchor, unit: str) -> str:
    """Value when the anchor is too coarse for the unit (a year-only anchor and "yesterday")."""
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")


def _rel_unit_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    mod = pos_mod(re.sub(r"\b(?:last|latest|past)\b", "", low))
    ws = _words(low)
    unit_word = ws[-1]
    pod = PARTS_OF_DAY.get(unit_word) if unit_word in ("morning", "afternoon", "evening", "night") else None
    unit = "D" if pod else _unit_of(unit_word)
    if unit is None or unit in ("S", "MIN", "H"):
        return None
    core = re.sub(r"^(?:.*\b(?:of|in)\s+)?", "", low) if re.search(r"\b(?:of|in) (?:the|this|that|last|next)\b", low) else low
    core = re.sub(r"^(?:(?:the )?(?:very )?(?:early|mid|late|earlier|later)[ -]+|mid-)", "", core)
    core = re.sub(r"\b(?:fiscal|calendar|financial|very) ", "", core)
    m = re.match(r"^(this past|this coming|this|last|next|past|previous|coming|current|that|the same|the very same|the past|the last|the previous|the preceding|the coming|the next|the current|the following|the same|the latest|the prior|the subsequent|the)\b", core)
    rel = m[1] if m else "the"
    rel = rel.replace("the very same", "the same")
    if rel == "the":
        if unit_word in ("weekend",):
            rel = "the weekend"
        elif (unit_word == "year" and mod is not None) or (unit_word in ("month", "week") and mod is not None):
            rel = "this"
        elif unit_word == "year":
            rel = "this"  # "a high for the year", "earnings for the fiscal year": the current one
        else:
            return None
    if pod and rel in ("the", "past", "the past", "the last", "last", "current", "the current", "the latest"):
        return None
    # durations: "the past year", "the last month", "the next week"
    if rel in ("the past", "the last") and unit in ("DE", "CE"):
        return Norm("DURATION", duration_value(1, unit), mod, None, "absolute")
    if rel in ("the past", "the last", "the latest") and not pod:
        rel = "last"
    elif rel == "the next" and ctx.tense != "past" and not pod:
        rel = "next"
    anaphoric = rel in ("that", "the same", "the following", "the next", "the previous", "the preceding", "the prior", "the subsequent")
    if anaphoric:
        base, ref, kind, partial = _count_base(ctx, unit)
        shift = 1 if rel in ("the following", "the next", "the subsequent") else -1 if rel in ("the previous", "the preceding", "the prior") else 0
        if base is None:
            return Norm("TIME" if pod else "DATE", _unknown(unit) + (f"T{pod}" if pod else ""), mod, None, "none")
        res = _shift(base, shift, "W" if unit == "WE" else unit)
        if res is None:
            return Norm("TIME" if pod else "DATE", _unknown(unit) + (f"T{pod}" if pod else ""), mod, ref, kind)
        v = (partial.mask(res[0]) if partial else res[0]) + ("-WE" if unit == "WE" else "") + (f"T{pod}" if pod else "")
        return Norm("TIME" if pod else "DATE", v, mod, ref, kind)
    shift = {"this": 0, "current": 0, "the current": 0, "this past": -1, "this coming": 1, "last": -1, "past": -1,
             "previous": -1, "next": 1, "coming": 1, "the coming": 1, "the weekend": 0}.get(rel, 0)  # fmt: skip
    if rel in ("this past", "this coming") and unit in ("WE",):
        shift = 0
    if pod:
        if rel != "this":
            return None
        a = ctx.doc
        if a is None or a.date is None:
            return Norm("TIME", f"XXXX-XX-XXT{pod}", mod, a.value if a else None, "document" if a else "none")
        return Norm("TIME", f"{_fmt_day(a.date)}T{pod}", mod, a.value, "document")
    if unit == "WE":
        a = ctx.doc
        if a is None or a.date is None:
            return Norm("DATE", "XXXX-WXX-WE", mod, a.value if a else None, "document" if a else "none")
        d = a.date
        if rel == "the weekend":
            if d.isoweekday() < 6 and ctx.tense != "future":
                d = d - timedelta(days=7)
        else:
            d = d + timedelta(days=7 * shift)
        return Norm("DATE", cm.week_value(d) + "-WE", mod, a.value, "document")
    if unit == "D" and rel in ("this", "current"):
        return None
    return _doc_relative(text, shift, unit, ctx, mod)


def _weekday_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    wd = find_weekday(text)
    if wd is None:
        return None
    if find_month(text) is not None and _DAY_RX.search(text):
        n = _date_norm(re.sub(r"^.*?,\s*", "", text), ctx)
        if n is not None:
            return n
    pod = find_pod(re.sub(r"^.*?(?=\b(?:morning|afternoon|evening|night)\b)", "", low)) if re.search(r"\b(?:morning|afternoon|evening|night)\b", low) else None
    mod = pos_mod(re.sub(r"\b(?:last|latest|past)\b", "", low))
    suffix = f"T{pod}" if pod else ""
    typ: Literal["DATE", "TIME"] = "DATE"  # TimeBank types "Friday night" as a date
    week = re.search(r"\b(last|next)\s+week\b", low)
    if week and ctx.doc is not None and ctx.doc.date is not None:
        # the named day of the calendar week (Monday to Sunday) before or after the page's
        d = ctx.doc.date
        res = d + timedelta(days=wd - d.isoweekday() + (7 if week.group(1) == "next" else -7))
        return Norm(typ, _fmt_day(res) + suffix, mod, ctx.doc.value, "document")
    # "that Tuesday", "the Tuesday": the day of the narrated week (nearest the story's last day)
    anaphoric = re.match(r"^(?:that|the following|the previous|the next|the same|the(?= \w+day\b))\b", low)
    if anaphoric and ctx.partial is not None:  # after a day without its year, the weekday is all we know
        year = ctx.partial.value[:4] if ctx.partial.weekday_only else "XXXX"
        return Norm(typ, f"{year}-WXX-{wd}{suffix}", mod, ctx.partial.value, "discourse")
    a = ctx.discourse if anaphoric and ctx.discourse else ctx.doc
    if a is None or a.date is None:
        if a is not None and a.month is None and not anaphoric:
            return Norm(typ, f"{a.year:04d}-WXX-{wd}{suffix}", mod, a.value, "document")
        return Norm(typ, f"XXXX-WXX-{wd}{suffix}", mod, None, "none")
    d = a.date
    if re.match(r"^(?:last|past|this past|the previous)\b", low):
        res = cm.weekday_near(d - timedelta(days=1), wd, -1)
        if low.startswith("last") and res.isocalendar()[:2] == d.isocalendar()[:2] and d.isoweekday() != 7 \
                and (d - res).days <= 2:
            # news style: a day just past is named bare ("on Tuesday", or "yesterday"); "last
            # Tuesday" on a Wednesday is the previous week's. Three days back or more ("last
            # Wednesday" on a Saturday) it is the one just past. On a Sunday a new week begins in
            # the calendar (Sunday to Saturday): "last Monday" in a Sunday column is six days back
            res -= timedelta(days=7)
    elif re.match(r"^(?:next|the following|the next)\b", low):
        res = cm.weekday_near(d + timedelta(days=1), wd, 1)
    elif re.match(r"^(?:this coming|coming)\b", low):
        res = cm.weekday_near(d, wd, 1)
    elif re.match(r"^this\b", low):
        res = cm.weekday_near(d, wd, 1 if ctx.tense == "future" else (-1 if ctx.tense == "past" else 0))
    elif re.match(r"^(?:that|the same|the(?= \w+day\b))\b", low):
        res = cm.weekday_near(d, wd, 0)
    elif ctx.possessive:
        # "Tuesday's verdict will be appealed" (a Sunday column): the day names its
        # noun's event, done by then, whatever the clause's tense says of the greeting
        res = cm.weekday_near(d, wd, -1)
    else:
        res = cm.weekday_near(d, wd, 1 if ctx.tense == "future" or _deadline(ctx) else -1)
    kind: AnchorKind = "discourse" if anaphoric and ctx.discourse else "document"
    return Norm(typ, _fmt_day(res) + suffix, mod, a.value, kind)


def _deadline(ctx: Context) -> bool:
    """ "postponed until Tuesday" names a coming day; a sentence opening "Until Thursday, they
    had not..." bounds a past state, so only a lower-case "until" counts."""
    return ctx.cue in ("until", "till")


def _deictic_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    mod = pos_mod(re.sub(r"\b(?:last)\b", "", low))
    pod = find_pod(low)
    if "before yesterday" in low:
        n = -2
    elif "after tomorrow" in low:
        n = 2
    elif "yesterday" in low or low.endswith("last night"):
        n = -1
    elif "tomorrow" in low:
        n = 1
    else:
        n = 0
    if "today" in low and pod is None and mod is None:
        pod = None
    suffix = f"T{pod}" if pod else ""
    typ: Literal["DATE", "TIME"] = "TIME" if pod else "DATE"
    a = ctx.doc
    if a is None or a.date is None:
        if a is not None:
            return Norm(typ, f"{a.year:04d}-XX-XX{suffix}", mod, a.value, "document")
        return Norm(typ, "XXXX-XX-XX" + suffix, mod, None, "none")
    return Norm(typ, _fmt_day(a.date + timedelta(days=n)) + suffix, mod, a.value, "document")


#: Counts of units that are no exact number ("a couple of weeks ago", "a few weeks ago").
_LOOSE_COUNT = re.compile(r"\b(?:couple|few|several|many|some)\b")


def _ago_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    mod = approx_mod(low)
    # "a week ago today", "five weeks ago tonight": the same day that many units back, a day, not a week
    day_word = re.search(r" (?:today|tonight|this (?:morning|afternoon|evening))$", low)
    to_day = day_word is not None
    low = low[: day_word.start()] if day_word else low
    body = re.sub(r"\s+(?:or so\s+)?ago$", "", low)
    body = re.sub(r"\s+or so$", "", body)
    n, unit, ok = _num_unit(body)
    a = ctx.doc
    if not ok or unit is None:
        return Norm("DATE", "PAST_REF", mod, a.value if a else None, "document" if a else "none")
    if n is None:
        return Norm("DATE", "PAST_REF", mod, a.value if a else None, "document" if a else "none")
    if unit in ("H", "MIN", "S"):
        if a is None or a.date is None:
            return Norm("TIME", "XXXX-XX-XXTXX:XX", mod, a.value if a else None, "document" if a else "none")
        return Norm("DATE", _fmt_day(a.date), mod, a.value, "document")
    if n != int(n):
        return Norm("DATE", "PAST_REF", mod, a.value if a else None, "document" if a else "none")
    base = a
    if unit == "Y" and n == 1 and ctx.discourse and ctx.discourse.quarter_value:
        base = ctx.discourse
    if base is None:
        return Norm("DATE", _unknown(unit), mod, None, "none")
    # "four weeks ago" told of a happening names the day that many weeks back, as writers and
    # readers of a timeline count it (TimeBank itself gives "two weeks ago" a day once, a week
    # elsewhere); a loose count ("a couple of weeks ago", "nearly three weeks ago") stays the week
    exact_weeks = unit in ("W", "FN") and mod is None and not _LOOSE_COUNT.search(body)
    if (to_day or exact_weeks) and base.date is not None and unit in ("D", "W", "FN"):
        back = base.date - timedelta(days=int(n) * {"W": 7, "FN": 14}.get(unit, 1))
        return Norm("DATE", _fmt_day(back), mod, base.value, "document")
    if to_day and base.date is not None and unit in ("M", "Y"):
        months = int(n) * (12 if unit == "Y" else 1)
        y, m = divmod(base.date.year * 12 + base.date.month - 1 - months, 12)
        day = min(base.date.day, calendar.monthrange(y, m + 1)[1])
        return Norm("DATE", f"{y:04d}-{m + 1:02d}-{day:02d}", mod, base.value, "document")
    res = _shift(base, -int(n), unit)
    if res is None:
        return Norm("DATE", _partial_unknown(base, unit), mod, base.value, "document")
    return Norm("DATE", res[0], mod, base.value, "discourse" if base is not a else "document")


def _later_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    mod = approx_mod(low)
    m = re.search(r"\s+(?:or so\s+)?(later|earlier|afterwards?|previously|prior|before|after)$", low)
    if m is None:
        return None
    sign = 1 if m[1] in ("later", "afterward", "afterwards", "after") else -1
    n, unit, ok = _num_unit(low[: m.start()])
    if not ok or unit is None:
        return None
    base, ref, kind, partial = _count_base(ctx, unit, any_unit_from_partial=True)
    if n is None or n != int(n):
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, ref, kind)
    if unit == "H" and n >= 24 and n % 24 == 0 and base is not None and base.date is not None:
        # "48 hours later" after a day is whole days later, a day; other hours stay a span
        unit, n = "D", n // 24
    if unit in ("H", "MIN", "S"):
        return Norm("DURATION", duration_value(n, unit), mod, None, "absolute")
    if base is None:
        return Norm("DATE", _unknown(unit), mod, None, "none")
    if unit in ("W", "FN") and base.date is not None:
        # "a week later" counted from a day is a day (the 15th + P1W = the 22nd), not a calendar week
        unit, n = "D", n * (7 if unit == "W" else 14)
    res = _shift(base, sign * int(n), unit)
    if res is None:
        return Norm("DATE", _partial_unknown(base, unit), mod, ref, kind)
    return Norm("DATE", partial.mask(res[0]) if partial else res[0], mod, ref, kind)


def _anaphor_day_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    unit = _unit_of(_words(low)[1]) or "D"
    sign = 1 if low.endswith("after") else -1
    base, ref, kind, partial = _count_base(ctx, unit, any_unit_from_partial=True)
    if base is None:
        return Norm("DATE", _unknown(unit), None, None, "none")
    res = _shift(base, sign, unit)
    if res is None:
        return Norm("DATE", _partial_unknown(base, unit), None, ref, kind)
    return Norm("DATE", partial.mask(res[0]) if partial else res[0], None, ref, kind)


def _count_base(
    ctx: Context, unit: str, *, any_unit_from_partial: bool = False
) -> tuple[Anchor | None, str | None, AnchorKind, Partial | None]:
    """Where "two days later" or "the previous day" counts from: the latest day the text named,
    even without its year or week, else the discourse anchor, else the document's date.

    A calendar unit coarser than a month ("the following year") skips a year-less day and counts
    from the latest time whose year the text gave; plain arithmetic ("a year later") counts from the
    year-less day (``any_unit_from_partial``) and so stays ``XXXX``.
    """
    if ctx.partial is not None and (any_unit_from_partial or unit in ("D", "W", "WE", "FN", "M")):
        return ctx.partial.stand_in, ctx.partial.value, "discourse", ctx.partial
    base = ctx.discourse or ctx.doc
    kind: AnchorKind = "discourse" if ctx.discourse else ("document" if ctx.doc else "none")
    if unit in ("D", "W", "WE", "FN") and ctx.discourse is not None and ctx.discourse.day is None and ctx.day is not None:
        # "a dam completed in 2014. The following day, ...": a year in passing cannot anchor a day
        if isinstance(ctx.day, Partial):
            return ctx.day.stand_in, ctx.day.value, "discourse", ctx.day
        return ctx.day, ctx.day.value, "discourse", None
    return base, (base.value if base else None), kind, None


def _year_ago_adj_norm(text: str, ctx: Context) -> Norm | None:
    disc = ctx.discourse if (ctx.discourse and ctx.discourse.quarter_value) else None
    low = text.lower()
    if disc is not None or "quarter" in low:
        base = disc
        if base is None and ctx.doc is not None and ctx.doc.month is not None:
            y, q = cm.shift_quarter(ctx.doc.year, (ctx.doc.month - 1) // 3 + 1, -1)
            base = Anchor(y, 3 * q - 2, quarter_value=f"{y:04d}-Q{q}")
        if base is not None and base.quarter_value:
            v = f"{base.year - 1:04d}-Q{base.quarter_value[-1]}"
            return Norm("DATE", v, None, base.value, "discourse" if disc else "document")
    a = ctx.doc or ctx.discourse
    if a is None:
        return Norm("DATE", "XXXX", None, None, "none")
    return Norm("DATE", f"{a.year - 1:04d}", None, a.value, "document" if ctx.doc else "discourse")


def _full_year_norm(text: str, ctx: Context) -> Norm | None:
    a = ctx.doc
    if a is None:
        return Norm("DATE", "XXXX", None, None, "none")
    return Norm("DATE", f"{a.year:04d}", None, a.value, "document")


def _period_norm(text: str, ctx: Context) -> Norm | None:
    """ "the latest period" names a reporting period only where quarters are being discussed."""
    if ctx.discourse is None or not ctx.discourse.quarter_value:
        return None
    low = text.lower()
    if "latest" in low or "recent" in low or "current" in low:
        a = ctx.doc
        if a is not None and a.month is not None:
            y, q = cm.shift_quarter(a.year, (a.month - 1) // 3 + 1, -1)
            return Norm("DATE", f"{y:04d}-Q{q}", None, a.value, "document")
    return Norm("DATE", ctx.discourse.quarter_value, None, ctx.discourse.value, "discourse")
