"""Normalisation: from a matched span to a TIMEX3 type and value, against the right anchor.

Pure functions over a :class:`Context` that holds the document anchor (the publication date, or
only its year when that is all that is known, or nothing), the discourse anchor (the last
calendar time resolved in the text, which anaphors such as "a month later" count from) and the
tense of the clause. An expression whose anchor is unknown keeps ``X`` digits instead of a guess.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from storyline.time import calendar_math as cm
from storyline.time.lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
    words_to_number,
)
from storyline.time.tense import Tense
from storyline.time.values import interval, last_day

AnchorKind = Literal["absolute", "document", "discourse", "none"]


@dataclass(frozen=True)
class Anchor:
    """A point to resolve against: a day, or only a month or a year of it."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter_value: str | None = None  # set when the anchor was written as a quarter

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def value(self) -> str:
        if self.quarter_value:
            return self.quarter_value
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @staticmethod
    def parse(value: str | None) -> Anchor | None:
        """Anchor from a TIMEX3 value with a known year (``2024-06-19``, ``2024-06``, ``2024-Q3``...)."""
        if not value:
            return None
        m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-W(\d\d)(?:-(\d))?|-(SP|SU|FA|WI)|-H([12]))?", value)
        if m is None:
            return None
        y = int(m[1])
        if m[2]:
            return Anchor(y, int(m[2]), int(m[3]) if m[3] else None)
        if m[4]:
            return Anchor(y, 3 * int(m[4]) - 2, None, quarter_value=f"{y:04d}-Q{m[4]}")
        if m[5]:
            try:
                start = date.fromisocalendar(y, int(m[5]), int(m[6] or 1))
            except ValueError:
                return Anchor(y)
            return Anchor(start.year, start.month, start.day if m[6] else None)
        if m[7]:
            return Anchor(y, {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[m[7]])
        if m[8]:
            return Anchor(y, 3 if m[8] == "1" else 9)
        return Anchor(y)


_STAND_IN_WEEK = (2001, 23)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a mid-year ISO week far from both year ends


@dataclass(frozen=True)
class Partial:
    """The latest day the narrative named without its year or week ("on Nov. 13", "on Thursday").

    Anaphors such as "the previous day" count from it, not from an older full date: the arithmetic
    runs on a stand-in day with the same month and day (or weekday) and the parts the text never
    gave stay ``X`` in the result (``XXXX-11-13`` -> ``XXXX-11-12``, ``XXXX-WXX-4`` -> ``XXXX-WXX-3``).
    """

    value: str
    stand_in: Anchor
    weekday_only: bool

    @staticmethod
    def parse(value: str) -> Partial | None:
        m = re.match(r"^XXXX-(\d\d)-(\d\d)(?:T|$)", value)
        if m:
            month, day = int(m[1]), int(m[2])
            year = 2000 if (month, day) == (2, 29) else 2001  # a common year unless the day needs a leap one
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            return Partial(value, Anchor(d.year, d.month, d.day), weekday_only=False)
        m = re.match(r"^(?:\d{4}|XXXX)-WXX-([1-7])(?:T|$)", value)
        if m:
            d = date.fromisocalendar(*_STAND_IN_WEEK, int(m[1]))
            return Partial(value, Anchor(d.year, d.month, d.day), weekday_only=True)
        return None

    def mask(self, value: str) -> str:
        """A value computed on the stand-in day, with what the text does not say put back to ``X``."""
        body, t, clock = value.partition("T")
        suffix = t + clock
        if self.weekday_only:
            year = self.value[:4]
            if re.fullmatch(r"\d{4}-\d\d-\d\d", body):
                return f"{year}-WXX-{date.fromisoformat(body).isoweekday()}{suffix}"
            if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", body):
                return f"{year}-WXX" + ("-WE" if body.endswith("-WE") else "") + suffix
            if re.fullmatch(r"\d{4}-\d\d", body):
                return f"{year}-XX{suffix}"
            return "XXXX" + suffix
        if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", body):
            return "XXXX-WXX" + ("-WE" if body.endswith("-WE") else "") + suffix
        return "XXXX" + body[4:] + suffix if re.match(r"^\d{4}", body) else value


@dataclass(frozen=True)
class Context:
    """What resolution may lean on for one expression."""

    doc: Anchor | None
    discourse: Anchor | None = None
    tense: Tense = None
    discourse_distance: int | None = None  # characters back to the latest day or date the text named
    partial: Partial | None = None  # a day named after ``discourse`` without its year or week
    cue: str | None = None  # the word just before the expression, as written ("until", "Since", "in")
    day: Anchor | Partial | None = None  # the latest day named, however coarse the times after it
    lede_day: Anchor | None = None  # a bare clock time's day when the latest day named is paragraphs back
    # "Tuesday's verdict": the day names a noun's event, which the clause's tense does not date
    possessive: bool = False


@dataclass
class Norm:
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    anchor: str | None = None
    anchor_kind: AnchorKind = "absolute"
    quant: str | None = None
    freq: str | None = None
    earliest: str | None = None  # set when the expression is narrower than its value's interval
    latest: str | None = None


_BOUND_CUES = {"until", "till", "through", "thru", "by"}
NEAR_CHARS = 400  # about two sentences: how far back a bare clock time looks for its day
_WORD = re.compile(r"[a-z]+|\d+", re.I)
_POS_MODS = [
    (re.compile(r"\b(?:early|beginning|start|first\s+(?:half|part)|earlier)\b", re.I), "START"),
    (re.compile(r"\b(?:mid|middle)\b", re.I), "MID"),
    (re.compile(r"\b(?:late|end|close|latter|last\s+(?:half|part)|second\s+half|later)\b", re.I), "END"),
]
_APPROX_MODS = [
    (re.compile(r"^(?:about|around|approximately|roughly|some)\b", re.I), "APPROX"),
    (re.compile(r"^(?:nearly|almost|less\s+than|fewer\s+than|just\s+under|under)\b", re.I), "LESS_THAN"),
    (re.compile(r"^(?:more\s+than|over|well\s+over|just\s+over|upwards\s+of)\b", re.I), "MORE_THAN"),
    (re.compile(r"^(?:at\s+least|no\s+less\s+than)\b", re.I), "EQUAL_OR_MORE"),
    (re.compile(r"^(?:at\s+most|up\s+to|no\s+more\s+than)\b", re.I), "EQUAL_OR_LESS"),
]
_YEAR_RX = re.compile(r"(?<![\d])(1[5-9]\d\d|20\d\d)(?!\d)")
_YEAR2_RX = re.compile(r"['’](\d\d)\b")
_DAY_RX = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)")
_HOLIDAYS_FIXED = {
    "christmas eve": (12, 24), "christmas": (12, 25), "new year's eve": (12, 31), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11), "may day": (5, 1),
    "victory day": (5, 9),
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def pos_mod(text: str) -> str | None:
    for rx, mod in _POS_MODS:
        if rx.search(text):
            return mod
    return None


def approx_mod(text: str) -> str | None:
    for rx, mod in _APPROX_MODS:
        if rx.search(text):
            return mod
    return None


def find_month(text: str) -> int | None:
    for w in _words(text):
        if w in MONTHS and (w != "may" or re.search(r"\bMay\b", text)):
            return MONTHS[w]
    return None


def find_weekday(text: str) -> int | None:
    for w in _words(text):
        if w in WEEKDAYS and len(w) > 2:
            return WEEKDAYS[w]
    return None


def find_year(text: str, ctx: Context | None = None) -> int | None:
    m = _YEAR_RX.search(text)
    if m:
        return int(m[1])
    m2 = _YEAR2_RX.search(text)
    if m2:
        yy = int(m2[1])
        ref = ctx.doc.year if ctx and ctx.doc else 2030
        return 2000 + yy if 2000 + yy <= ref + 10 else 1900 + yy
    return None


def find_pod(text: str) -> str | None:
    for w in _words(text):
        if w in PARTS_OF_DAY:
            return PARTS_OF_DAY[w]
    return None


def _fmt_day(d: date) -> str:
    return d.isoformat()


def _year_for(month: int, day: int | None, ctx: Context, *, direction: int = 0) -> int | None:
    """Year of a month (and day) the text gives without one, from the document anchor and tense.

    ``direction`` forces the sense (-1 "last July", +1 "next July"); otherwise the clause's tense
    decides, and without tense the nearest reading (never more than half a year ahead) wins.
    """
    a = ctx.doc
    if a is None:
        return None
    if a.month is None or (day is None and month == a.month and direction == 0):
        return a.year
    here = (a.month, a.day or 15)
    there = (month, day or 15)
    if direction < 0:
        return a.year if there < here else a.year - 1
    if direction > 0:
        return a.year if there > here else a.year + 1
    if day is not None and a.day is not None and direction == 0:
        # a day written without its year and due within two months is the coming one, whatever the
        # tense ("decided the boy should go home by Jan. 14"): news adds the year to dates a year old
        for y in (a.year, a.year + 1):
            try:
                ahead = (date(y, month, day) - date(a.year, a.month, a.day)).days
            except ValueError:
                continue
            if 0 < ahead <= 62:
                return y
    if day is None and direction == 0 and (ctx.cue or "").lower() in _BOUND_CUES and 0 < (month - a.month) % 12 <= 2:
        # a deadline a month or two ahead is the coming one even in a past clause ("gave them until
        # mid-November", "extended loans through January")
        return a.year if month > a.month else a.year + 1
    if ctx.tense == "past":
        return a.year - 1 if there > here and (month, day) != (a.month, a.day) else a.year
    if ctx.tense == "future":
        return a.year + 1 if there < (a.month, a.day or 1) else a.year
    months_ahead = (month - a.month) + ((day or 15) - (a.day or 15)) / 31
    if months_ahead > 6:
        return a.year - 1
    if months_ahead < -8:
        return a.year + 1
    return a.year


def _unit_of(word: str) -> str | None:
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return UNITS[w[:-1]]
    if w in ("centuries",):
        return "CE"
    return None


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration for ``n`` units (``None`` -> ``X``), fractions moved to a smaller unit."""
    if unit == "DE":
        unit, n = "Y", (None if n is None else n * 10)
    elif unit == "CE":
        unit, n = "Y", (None if n is None else n * 100)
    elif unit == "ML":
        unit, n = "Y", (None if n is None else n * 1000)
    elif unit == "FN":
        unit, n = "W", (None if n is None else n * 2)
    elif unit == "WE":
        unit, n = "WE", n
    if n is not None and n != int(n):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
        if unit in smaller:
            unit2, k = smaller[unit]
            whole, rest = int(n), (n - int(n)) * k
            if rest == int(rest):
                if whole == 0:
                    unit, n = unit2, rest
                else:  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
                    return _compound(whole, unit, int(rest), unit2)
    num = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    if unit in ("H", "MIN", "S"):
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "WE":
        return f"P{num}WE"
    return f"P{num}{unit}"


def _compound(whole: int, unit: str, rest: int, unit2: str) -> str:
    def part(k: int, u: str) -> str:
        return f"{k}{'M' if u == 'MIN' else u}"

    if unit in ("H", "MIN", "S"):
        return f"PT{part(whole, unit)}{part(rest, unit2)}"
    if unit2 in ("H", "MIN", "S"):
        return f"P{part(whole, unit)}T{part(rest, unit2)}"
    return f"P{part(whole, unit)}{part(rest, unit2)}"


def _shift(anchor: Anchor, n: int, unit: str) -> tuple[str, Anchor] | None:
    """Move an anchor by ``n`` units; the result's precision is the unit's."""
    d = anchor.date
    if unit in ("D", "H", "MIN", "S"):
        if d is None:
            return None
        if unit != "D":
            return _fmt_day(d), anchor
        nd = cm.shift_day(d, n)
        return _fmt_day(nd), Anchor(nd.year, nd.month, nd.day)
    if unit == "WE":
        unit = "W"
    if unit == "W":
        if d is None:
            return None
        nd = cm.shift_day(d, 7 * n)
        return cm.week_value(nd), Anchor(nd.year, nd.month, nd.day)
    if unit == "FN":
        return _shift(anchor, 2 * n, "W")
    if unit == "M":
        if anchor.month is None:
            return None
        y, m = cm.shift_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}", Anchor(y, m)
    if unit == "Q":
        if anchor.month is None:
            return None
        y, q = cm.shift_quarter(anchor.year, (anchor.month - 1) // 3 + 1, n)
        v = f"{y:04d}-Q{q}"
        return v, Anchor(y, 3 * q - 2, quarter_value=v)
    if unit in ("Y", "DE", "CE"):
        k = {"Y": 1, "DE": 10, "CE": 100}[unit] * n
        if anchor.quarter_value and unit == "Y":
            v = f"{anchor.year + k:04d}-Q{anchor.quarter_value[-1]}"
            return v, Anchor(anchor.year + k, anchor.month, quarter_value=v)
        return f"{anchor.year + k:04d}", Anchor(anchor.year + k)
    return None


def _unknown(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")


def _num_unit(text: str) -> tuple[float | None, str | None, bool]:
    """Number and unit of "two and a half years", "a month", "several weeks"; flag if parsed."""
    t = text.strip()
    for rx, _ in _APPROX_MODS:
        t = rx.sub("", t).strip()
    t = re.sub(r"^(?:the\s+)?(?:past|last|next|first|final|coming|previous|latest|following|remaining|same|entire|full|whole|better\s+part\s+of\s+the)\s+", "", t, flags=re.I)
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    m = re.match(r"^(.*?)(?:\s+|-)(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+)?([a-z]+)(?:\s+and\s+(a\s+half|.+))?(?:-long|-old|\s+old)?$", t, re.I)
    if m is None:
        return None, None, False
    unit = _unit_of(m[2])
    if unit is None:
        return None, None, False
    whole = re.sub(r"\s+and\s+a\s+half$", "", m[1], flags=re.I)  # "three and a half hours"
    n = words_to_number(whole)
    if n is None and whole.lower().strip() in ("a", "an", "one"):
        n = 1.0
    if n is not None and whole != m[1]:
        n += 0.5
    if m[3]:
        if m[3].lower() == "a half" and n is not None:
            n += 0.5
        else:
            extra = _num_unit(m[3])
            if n is not None and extra[0] is not None and extra[1] and unit == "H" and extra[1] == "MIN":
                n += extra[0] / 60
    return n, unit, True


# ---------------------------------------------------------------------------------------------
# per-rule normalisers
# ---------------------------------------------------------------------------------------------


def _date_norm(text: str, ctx: Context) -> Norm | None:
    month = find_month(text)
    dm = _DAY_RX.findall(re.sub(r"(?<![\d])(1[5-9]\d\d|20\d\d)(?!\d)", " ", text))
    if month is None or not dm:
        return None
    day = int(dm[0])
    year = find_year(text, ctx)
    pod = find_pod(text)
    mod = pos_mod(text) if re.match(r"^(?:the\s+)?(?:early|mid|late|the\s+(?:beginning|start|middle|end))", text, re.I) else None
    if year is not None:
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        v = _fmt_day(d)
        return Norm("TIME" if pod else "DATE", v + (f"T{pod}" if pod else ""), mod)
    y = _year_for(month, day, ctx)
    if y is None:
        v = f"XXXX-{month:02d}-{day:02d}"
        return Norm("TIME" if pod else "DATE", v + (f"T{pod}" if pod else ""), mod, None, "none")
    try:
        d = date(y, month, day)
        if (ctx.cue or "").lower() == "since" and ctx.doc is not None and ctx.doc.date is not None and d > ctx.doc.date:
            d = cm.clamp_day(y - 1, month, day)  # "since June 4" looks back
    except ValueError:
        return None
    assert ctx.doc is not None
    return Norm("TIME" if pod else "DATE", _fmt_day(d) + (f"T{pod}" if pod else ""), mod, ctx.doc.value, "document")


def _month_norm(text: str, ctx: Context) -> Norm | None:
    month = find_month(text)
    if month is None:
        return None
    low = text.lower()
    mod = pos_mod(re.sub(MONTH_NAMES_RX, "", text))
    year = find_year(text, ctx)
    if year is not None:
        return Norm("DATE", f"{year:04d}-{month:02d}", mod)
    rel = re.search(r"\b(this|last|next|that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+next|the\s+prior|the)\s+year\b", low)
    if rel:
        word = rel[1]
        if word in ("this", "last", "next", "the"):
            if ctx.doc is None:
                return Norm("DATE", f"XXXX-{month:02d}", mod, None, "none")
            yr = ctx.doc.year + {"this": 0, "the": 0, "last": -1, "next": 1}[word]
            return Norm("DATE", f"{yr:04d}-{month:02d}", mod, ctx.doc.value, "document")
        base = ctx.discourse or ctx.doc
        if base is None:
            return Norm("DATE", f"XXXX-{month:02d}", mod, None, "none")
        shift = 1 if ("following" in word or "next" in word) else -1 if ("previous" in word or "preceding" in word or "prior" in word) else 0
        kind: AnchorKind = "discourse" if ctx.discourse else "document"
        return Norm("DATE", f"{base.year + shift:04d}-{month:02d}", mod, base.value, kind)
    direction = -1 if re.match(r"^(?:last|past|this\s+past)\b", low) else 1 if re.match(r"^(?:next|coming|this\s+coming)\b", low) else 0
    if ctx.doc is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod, None, "none")
    if low.startswith("this ") and not low.startswith(("this past", "this coming")):
        y: int | None = ctx.doc.year
    elif low.startswith("that "):
        base = ctx.discourse or ctx.doc
        y = base.year
    else:
        y = _year_for(month, None, ctx, direction=direction)
        if ctx.doc.month is None:
            y = ctx.doc.year
        elif y is not None and (ctx.cue or "").lower() == "since" and (y, month) > (ctx.doc.year, ctx.doc.month):
            y -= 1  # "since April" looks back to the latest April
    if y is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod, None, "none")
    return Norm("DATE", f"{y:04d}-{month:02d}", mod, ctx.doc.value, "document")


MONTH_NAMES_RX = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _season_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    season = next((SEASONS[w] for w in _words(text) if w in SEASONS), None)
    if season is None:
        return None
    mod = pos_mod(re.sub(r"\b(?:earlier|later)\s+this\b", "", low)) or (
        "START" if "earlier" in low else "END" if "later" in low else None
    )
    year = find_year(text, ctx)
    if year is not None:
        return Norm("DATE", f"{year:04d}-{season}", mod)
    if re.search(r"\b(?:that|the\s+same|the\s+following|the\s+previous)\s+" + r"(?:spring|summer|fall|autumn|winter)", low):
        base = ctx.discourse or ctx.doc
        if base is None:
            return Norm("DATE", f"XXXX-{season}", mod, None, "none")
        y = base.year + (1 if "following" in low else -1 if "previous" in low else 0)
        return Norm("DATE", f"{y:04d}-{season}", mod, base.value, "discourse" if ctx.discourse else "document")
    a = ctx.doc
    if a is None:
        return Norm("DATE", f"XXXX-{season}", mod, None, "none")
    rel_year = re.search(r"\b(this|last|next)\s+year\b", low)
    if rel_year:
        y = a.year + {"this": 0, "last": -1, "next": 1}[rel_year[1]]
        return Norm("DATE", f"{y:04d}-{season}", mod, a.value, "document")
    if a.month is None:
        y = a.year
        if re.search(r"\blast\b", low) and not re.search(r"\bthis\s+past\b", low):
            y = a.year if season != "WI" else a.year - 1
        elif re.search(r"\bnext\b", low):
            y = a.year
        return Norm("DATE", f"{y:04d}-{season}", mod, a.value, "document")
    cur_y, cur_s = cm.season_of(date(a.year, a.month, a.day or 15))
    order = cm.SEASON_ORDER
    if re.search(r"\b(?:last|past|previous|this\s+past)\b", low):
        steps = (order.index(cur_s) - order.index(season)) % 4 or 4
        y, s = cm.shift_season(cur_y, cur_s, -steps)
    elif re.search(r"\b(?:next|coming|this\s+coming)\b", low):
        steps = (order.index(season) - order.index(cur_s)) % 4 or 4
        y, s = cm.shift_season(cur_y, cur_s, steps)
    elif re.search(r"\bthis\b", low):
        # the season of the document's own year ("this spring" in January is the coming one), or the
        # winter around it; a past-tense clause means the latest one already begun
        s = season
        y = a.year - 1 if (season == "WI" and a.month in (1, 2)) else a.year
        start = date(y, SEASON_START[season], 1)
        if ctx.tense == "past" and start > date(a.year, a.month, a.day or 1):
            y -= 1
    else:
        back = (order.index(cur_s) - order.index(season)) % 4
        fwd = (order.index(season) - order.index(cur_s)) % 4
        if ctx.tense == "future":
            steps = fwd
        elif ctx.tense == "past":
            steps = -back
        else:
            steps = -back if back <= fwd else fwd
        y, s = cm.shift_season(cur_y, cur_s, steps)
    return Norm("DATE", f"{y:04d}-{s}", mod, a.value, "document")


def _decade_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    mod = pos_mod(re.sub(r"\d+s?|['’]\d+s", "", low))
    m = re.search(r"(\d{3})0['’]?s", low)
    if m:
        return Norm("DATE", m[1], mod)
    m = re.search(r"['’](\d)0s", low)
    if m:
        century = "19" if int(m[1]) >= 3 or ctx.doc is None or ctx.doc.year < 2000 else "20"
        return Norm("DATE", century + m[1], mod)
    names = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
    for k, v in names.items():
        if k in low:
            century = "20" if ("twenty " in low or "twenty-" in low) else "19"
            return Norm("DATE", century + str(v), mod)
    return None


_ORD_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}  # fmt: skip


def _century_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    mod = pos_mod(low)
    if "this century" in low:
        return Norm("DATE", f"{ctx.doc.year // 100:02d}", None, ctx.doc.value, "document") if ctx.doc else Norm("DATE", "XX", None, None, "none")
    if "last century" in low:
        return Norm("DATE", f"{ctx.doc.year // 100 - 1:02d}", None, ctx.doc.value, "document") if ctx.doc else Norm("DATE", "XX", None, None, "none")
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
    n: int | None = int(m[1]) if m else None
    if n is None:
        if re.search(r"twenty[\s-]first", low):
            n = 21
        elif re.search(r"twenty[\s-]second", low):
            n = 22
        else:
            n = next((v for k, v in _ORD_WORDS.items() if re.search(rf"\b{k}\b", low)), None)
    if n is None:
        return None
    return Norm("DATE", f"{n - 1:02d}", mod)


def _year_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    mod = pos_mod(low)
    y = find_year(text, ctx)
    if y is None:
        m = re.search(r"fy\s*(\d\d(?:\d\d)?)", low)
        if not m:
            return None
        yy = int(m[1])
        y = yy if yy > 100 else (2000 + yy if yy < 50 else 1900 + yy)
    return Norm("DATE", f"{y:04d}", mod)


def _quarter_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    ws = _words(low)
    if "quarters" in ws:
        if any(w in ws for w in ("coming", "next", "upcoming")):
            return Norm("DATE", "FUTURE_REF", None, ctx.doc.value if ctx.doc else None, "document" if ctx.doc else "none")
        if any(w in ws for w in ("past", "last", "recent", "previous")):
            return Norm("DATE", "PAST_REF", None, ctx.doc.value if ctx.doc else None, "document" if ctx.doc else "none")
        return None
    q: int | None = None
    m = re.search(r"\bq([1-4])\b", low)
    if m:
        q = int(m[1])
    else:
        for w in ws:
            if w in ORDINALS and w not in ("last", "final"):
                q = ORDINALS[w]
                break
        if q is None and re.search(r"\b(?:final|fourth)\b", low) and "quarter" in low:
            q = 4
        month_q = {"march": 1, "june": 2, "september": 3, "december": 4}
        for k, v in month_q.items():
            if k in ws:
                q = v
    year = find_year(text, ctx)
    back = 1 if re.search(r"year[\s-](?:earlier|ago)", low) else 0
    m2 = re.search(r"\b(this|last|next)\s+(?:fiscal\s+)?year\b", low)
    if year is None and m2 and ctx.doc is not None:
        year = ctx.doc.year + {"this": 0, "last": -1, "next": 1}[m2[1]]
    if q is not None:
        if year is None:
            a = ctx.doc
            if a is None or a.month is None:
                yv = f"{a.year:04d}" if a else "XXXX"
                return Norm("DATE", f"{yv}-Q{q}", None, a.value if a else None, "document" if a else "none")
            cur_q = (a.month - 1) // 3 + 1
            year = a.year - 1 if (q > cur_q and ctx.tense != "future") else a.year
            year -= back
            return Norm("DATE", f"{year:04d}-Q{q}", None, a.value, "document")
        return Norm("DATE", f"{year - back:04d}-Q{q}", None)
    # no ordinal: "the quarter", "the latest quarter", "the year-earlier quarter", "the current quarter"
    disc = ctx.discourse if (ctx.discourse and ctx.discourse.quarter_value) else None
    a = ctx.doc
    if any(w in ws for w in ("current",)) and a and a.month:
        base_y, base_q = a.year, (a.month - 1) // 3 + 1
    elif any(w in ws for w in ("next", "coming")) and a and a.month:
        base_y, base_q = cm.shift_quarter(a.year, (a.month - 1) // 3 + 1, 1)
    elif disc is not None and disc.month is not None and not any(w in ws for w in ("latest", "last", "past", "previous", "recent")):
        base_y, base_q = disc.year, (disc.month - 1) // 3 + 1
    elif a is not None and a.month is not None:
        base_y, base_q = cm.shift_quarter(a.year, (a.month - 1) // 3 + 1, -1)
    else:
        return Norm("DATE", "XXXX-QX", None, None, "none")
    kind: AnchorKind = "discourse" if disc is not None else "document"
    base = disc or a
    ref = base.value if base is not None else None
    if year is not None:  # "the 1988 quarter": the quarter in discussion, in the year written
        return Norm("DATE", f"{year - back:04d}-Q{base_q}", None, ref, kind)
    return Norm("DATE", f"{base_y - back:04d}-Q{base_q}", None, ref, kind)


def _half_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    h = "H1" if re.search(r"\b(?:first|front)\b", low) else "H2"
    year = find_year(text, ctx)
    if year is None:
        m = re.search(r"\b(this|last|next)\s+year\b", low)
        a = ctx.doc
        if a is None:
            return Norm("DATE", f"XXXX-{h}", None, None, "none")
        year = a.year + ({"this": 0, "last": -1, "next": 1}[m[1]] if m else 0)
        return Norm("DATE", f"{year:04d}-{h}", None, a.value, "document")
    return Norm("DATE", f"{year:04d}-{h}", None)


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
    anaphoric = re.match(r"^(?:that|the following|the previous|the next|the same)\b", low)
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
        if low.startswith("last") and res.isocalendar()[:2] == d.isocalendar()[:2] and d.isoweekday() != 7:
            # news style: a day of this week is named bare ("on Tuesday"); "last Tuesday" is the
            # previous week's. On a Sunday a new week begins in the calendar (Sunday to Saturday):
            # "last Monday" in a Sunday column is six days back
            res -= timedelta(days=7)
    elif re.match(r"^(?:next|the following|the next)\b", low):
        res = cm.weekday_near(d + timedelta(days=1), wd, 1)
    elif re.match(r"^(?:this coming|coming)\b", low):
        res = cm.weekday_near(d, wd, 1)
    elif re.match(r"^this\b", low):
        res = cm.weekday_near(d, wd, 1 if ctx.tense == "future" else (-1 if ctx.tense == "past" else 0))
    elif re.match(r"^(?:that|the same)\b", low):
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


def _ago_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    mod = approx_mod(low)
    # "a week ago today": the same day that many units back, a day, not a week
    to_day = low.endswith(" today")
    low = re.sub(r" today$", "", low)
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
    if to_day and base.date is not None and unit in ("D", "W", "FN"):
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


def _duration_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    if re.search(r"(?:-|\s)old$", low):
        return None
    n, unit, ok = _num_unit(low)
    if not ok or unit is None:
        return None
    return Norm("DURATION", duration_value(n, unit), approx_mod(low))


def _half_unit_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    m = re.search(r"(hour|day|week|month|year|decade|century)", low)
    if m is None:
        return None
    unit = UNITS[m[1]]
    n = 0.5 if low.strip().startswith(("half", "about half", "nearly half", "almost half")) or re.search(r"\bhalf\s+an?\b", low) else 1.5
    return Norm("DURATION", duration_value(n, unit), approx_mod(low))


def _vague_unit_norm(text: str, ctx: Context) -> Norm | None:
    unit = _unit_of(re.sub(r"-.*$", "", text.lower()))
    if unit is None:
        return None
    return Norm("DURATION", duration_value(None, unit))


def _recent_unit_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    if "recent" in low:
        unit = _unit_of(_words(low)[-1])
        if unit in ("Y", "DE"):  # TimeBank: "recent years" is the past, "recent weeks" a stretch of it
            return Norm("DATE", "PAST_REF", None, ctx.doc.value if ctx.doc else None, "document" if ctx.doc else "none")
        return Norm("DURATION", duration_value(None, unit)) if unit else None
    v = "FUTURE_REF"
    return Norm("DATE", v, None, ctx.doc.value if ctx.doc else None, "document" if ctx.doc else "none")


def _few_unit_norm(text: str, ctx: Context) -> Norm | None:
    ws = [w for w in _words(text) if w != "ahead"]
    unit = _unit_of(ws[-1])
    if unit is None:
        return None
    return Norm("DURATION", duration_value(2 if "couple" in ws else None, unit))


def _set_norm(text: str, ctx: Context) -> Norm | None:
    v = SET_WORDS.get(text.lower().replace("-", ""))
    if v is None:
        return None
    return Norm("SET", v, freq="1X")


def _every_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    freq = None
    fm = re.match(r"^(once|twice|thrice|(.+?) times) ", low)
    if fm:
        k = {"once": 1, "twice": 2, "thrice": 3}.get(fm[1]) or words_to_number(fm[2] or "")
        freq = f"{int(k)}X" if k else "XX"
    quant = "EACH" if " each " in f" {low} " else "EVERY"
    last = _words(low)[-1]
    wd = find_weekday(text)
    if wd is not None:
        return Norm("SET", f"XXXX-WXX-{wd}", None, quant=quant, freq=freq)
    month = find_month(text)
    if month is not None and last in MONTHS:
        return Norm("SET", f"XXXX-{month:02d}", None, quant=quant, freq=freq)
    if last in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[last]}", None, quant=quant, freq=freq)
    if last in ("morning", "afternoon", "evening", "night"):
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[last]}", None, quant=quant, freq=freq)
    unit = _unit_of(last)
    if unit is None:
        return None
    nm = re.search(r"(?:every|each|per)\s+(other\s+)?(.+?)\s+" + re.escape(last) + "$", low)
    n: float | None = 1.0
    if nm and nm[1]:
        n = 2.0
    elif nm and nm[2] and nm[2] != "single":
        n = words_to_number(nm[2]) or 1.0
    if unit == "Q":
        return Norm("SET", f"P{int(n or 1)}Q", None, quant=quant, freq=freq)
    return Norm("SET", duration_value(n, unit), None, quant=quant, freq=freq)


def _times_a_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"\s+", " ", text.lower())
    unit = _unit_of(_words(low)[-1])
    if unit is None:
        return None
    fm = re.match(r"^(once|twice|thrice|(.+?) times) ", low)
    k = ({"once": 1, "twice": 2, "thrice": 3}.get(fm[1]) or words_to_number(fm[2] or "")) if fm else None
    return Norm("SET", duration_value(1, unit), None, freq=f"{int(k)}X" if k else "XX")


def _weekdays_pl_norm(text: str, ctx: Context) -> Norm | None:
    wd = WEEKDAYS.get(text.lower().rstrip("s"))
    return Norm("SET", f"XXXX-WXX-{wd}", None, quant="EVERY") if wd else None


def _holiday_date(name: str, year: int) -> date | None:
    n = name.lower().replace("’", "'")
    n = re.sub(r"\s+", " ", n)
    for k, (m, d) in _HOLIDAYS_FIXED.items():
        if n.startswith(k):
            return date(year, m, d)
    if n.startswith("thanksgiving"):
        return cm.nth_weekday(year, 11, 4, 4)
    if n.startswith("easter"):
        e = cm.easter(year)
        return e + timedelta(days=1) if "monday" in n else e
    if n.startswith("good friday"):
        return cm.easter(year) - timedelta(days=2)
    if n.startswith(("labor day", "labour day")):
        return cm.nth_weekday(year, 9, 1, 1)
    if n.startswith("memorial day"):
        return cm.nth_weekday(year, 5, 1, -1)
    if n.startswith("columbus day"):
        return cm.nth_weekday(year, 10, 1, 2)
    return None


def _holiday_norm(text: str, ctx: Context) -> Norm | None:
    low = text.lower()
    name = re.sub(r"^(?:last|next|this past|this)\s+", "", low)
    name = re.sub(r",?\s+\d{4}$", "", name)
    year = find_year(text, ctx)
    if year is not None:
        d = _holiday_date(name, year)
        return Norm("DATE", _fmt_day(d)) if d else None
    a = ctx.doc
    probe = _holiday_date(name, 2000)
    if probe is None:
        return None
    if a is None or a.month is None:
        if a is not None:
            d = _holiday_date(name, a.year)
            return Norm("DATE", _fmt_day(d), None, a.value, "document") if d else None
        return Norm("DATE", f"XXXX-{probe.month:02d}-{probe.day:02d}", None, None, "none")
    direction = -1 if low.startswith(("last", "this past")) else 1 if low.startswith("next") else 0
    y = _year_for(probe.month, probe.day, ctx, direction=direction)
    d = _holiday_date(name, y) if y else None
    return Norm("DATE", _fmt_day(d), None, a.value, "document") if d else None


def _clock(text: str) -> tuple[int, int] | None:
    low = text.lower()
    if "noon" in low or "midday" in low:
        return 12, 0
    if "midnight" in low:
        return 24, 0
    m = re.search(r"(?<![\d:])(2[0-3]|[01]?\d)(?::([0-5]\d))?\s*(a\.?m\.?|p\.?m\.?|am|pm)?", low)
    oc = re.search(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock", low)
    if oc:
        h = int(words_to_number(oc[1]) or 0)
        mi = 0
        ap = None
    elif m:
        h, mi, ap = int(m[1]), int(m[2] or 0), m[3]
    else:
        return None
    if ap and ap.startswith("p") and h < 12:
        h += 12
    if ap and ap.startswith("a") and h == 12:
        h = 0
    if not ap and not oc and m and m[2] is None:
        return None
    if re.search(r"\bin the (?:afternoon|evening)|at night", low) and h < 12:
        h += 12
    return h, mi


#: The date written after a clock time: what follows "on", else what follows the clock itself.
_AFTER_CLOCK = re.compile(r"(?:\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midnight|midday|o['’]clock)(?:\s+(?:in\s+the\s+\w+|at\s+night))?,?\s+(?:on\s+)?(\S.*)$",
                          re.IGNORECASE)


def _time_norm(text: str, ctx: Context) -> Norm | None:
    hm = _clock(text)
    if hm is None:
        return None
    h, mi = hm
    hhmm = f"T{h:02d}:{mi:02d}"
    low = text.lower()
    day: Norm | None = None
    mod = pos_mod(low) if re.match(r"^(?:the\s+)?(?:early|mid|late)", low) else None
    if find_month(text) is not None and _DAY_RX.search(re.sub(r"\d+:\d+|\d+\s*[ap]\.?m", "", low)):
        # the date after the clock ("14:20 on Wednesday 12 August", "9 a.m. on March 3"), or before it
        after = _AFTER_CLOCK.search(text)
        day = _date_norm(after[1] if after else
                         re.sub(r"^.*?(?=(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))", "", text), ctx)
    elif find_weekday(text) is not None:
        wdname = next(w for w in _words(text) if w in WEEKDAYS and len(w) > 2)
        day = _weekday_norm(wdname.capitalize(), ctx)
    elif re.search(r"\bthis\s+(?:morning|afternoon|evening)\b", low):
        day = _deictic_norm("today", ctx)
    elif re.search(r"\b(?:today|yesterday|tomorrow|tonight|last\s+night)\b", low):
        word = re.search(r"\b(today|yesterday|tomorrow|tonight|last\s+night)\b", low)
        assert word is not None
        day = _deictic_norm(word[1], ctx)  # "23:40 last night": the night before the page's day
    if day is not None:
        v = re.sub(r"T.*$", "", day.value)
        if re.match(r"^[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|W[\dX]{2}-[\dX])$", v):  # a day, its year known or not
            return Norm("TIME", v + hhmm, mod, day.anchor, day.anchor_kind)
        return Norm("TIME", f"XXXX-XX-XX{hhmm}", mod, day.anchor, day.anchor_kind)
    # a bare clock time belongs to the day the narrative is on, else to the document's day; in a
    # new paragraph the narrative is back on the day the report opened with
    if ctx.lede_day is not None and ctx.lede_day.date is not None:
        return Norm("TIME", _fmt_day(ctx.lede_day.date) + hhmm, mod, ctx.lede_day.value, "discourse")
    near = ctx.discourse_distance is not None and ctx.discourse_distance <= NEAR_CHARS
    if ctx.partial is not None and near:
        day_of = ctx.partial.value.partition("T")[0]
        return Norm("TIME", day_of + hhmm, mod, ctx.partial.value, "discourse")
    if ctx.discourse is not None and ctx.discourse.date is not None and near:
        return Norm("TIME", _fmt_day(ctx.discourse.date) + hhmm, mod, ctx.discourse.value, "discourse")
    a = ctx.doc
    if a is not None and a.date is not None:
        # TimeML puts a bare clock time on the document's day; but a page dated D reports last
        # night's "10 p.m." as often as today's, so its interval is the day before or D (the day
        # after for a future clause): the value keeps the convention, the interval the doubt
        lo, hi = a.date, a.date
        if ctx.tense == "past":
            lo = a.date - timedelta(days=1)
        elif ctx.tense == "future":
            hi = a.date + timedelta(days=1)
        if lo == hi:
            return Norm("TIME", _fmt_day(a.date) + hhmm, mod, a.value, "document")
        return Norm("TIME", _fmt_day(a.date) + hhmm, mod, a.value, "document",
                    earliest=lo.isoformat(), latest=hi.isoformat())
    return Norm("TIME", f"XXXX-XX-XX{hhmm}", mod, None, "none")


def _iso_norm(text: str, ctx: Context) -> Norm | None:
    return Norm("TIME" if "T" in text else "DATE", text[:16])


def _numeric_norm(text: str, ctx: Context) -> Norm | None:
    mo, d, y = (int(x) for x in text.split("/"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return Norm("DATE", _fmt_day(date(y, mo, d)))
    except ValueError:
        return None


def _month_year_norm(text: str, ctx: Context) -> Norm | None:
    month = find_month(text)
    year = find_year(text, ctx)
    if month is None or year is None:
        return None
    return Norm("DATE", f"{year:04d}-{month:02d}", pos_mod(MONTH_NAMES_RX.sub("", text)))


def _season_year_norm(text: str, ctx: Context) -> Norm | None:
    return _season_norm(text, ctx)


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


def _spoken_year_norm(text: str, ctx: Context) -> Norm | None:
    low = re.sub(r"^the\s+year\s+", "", text.lower())
    if low.startswith("two thousand"):
        rest = words_to_number(re.sub(r"^two thousand\s*(?:and\s+)?", "", low) or "zero") or 0
        return Norm("DATE", f"{2000 + int(rest):04d}")
    rest_txt = re.sub(r"^nineteen[\s-]+", "", low)
    if rest_txt == "hundred":
        return Norm("DATE", "1900")
    n = words_to_number(rest_txt)
    if n is None or n >= 100:
        return None
    return Norm("DATE", f"{1900 + int(n):04d}")


def _rate_norm(text: str, ctx: Context) -> Norm | None:
    unit = _unit_of(_words(text)[-1])
    if unit is None:
        return None
    return Norm("SET", duration_value(1, unit), None, quant="EVERY" if text.lower().startswith("per") else None)


_SPACY_TIME_NOUN = re.compile(
    r"\b(?:years?|months?|weeks?|days?|quarters?|hours?|minutes?|decades?|end|date|season|morning|afternoon|evening|night)\b"
)
_UNIT_WORDS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?)"


def _spacy_norm(text: str, ctx: Context) -> Norm | None:
    """Spans the statistical model calls DATE/TIME that the grammar has no rule for, kept only
    when their words say what they denote (a year's end, "eight trading days", "a later date")."""
    low = re.sub(r"\s+", " ", text.lower()).strip()
    if re.search(r"\bold\b|-old\b|\baged?\b", low) or not _SPACY_TIME_NOUN.search(low):
        return None
    a = ctx.doc
    ref = (a.value if a else None, "document" if a else "none")
    if re.search(r"year[\s'’-]*s?[\s-]*end\b|end of (?:the )?year", low):
        return Norm("DATE", f"{a.year:04d}" if a else "XXXX", "END", *ref)  # type: ignore[arg-type]
    if re.fullmatch(r"(?:a|some) (?:later|future) (?:date|time)", low):
        return Norm("DATE", "FUTURE_REF", None, *ref)  # type: ignore[arg-type]
    m = re.fullmatch(rf"(?:the )?(past|recent|previous|prior|future|coming|upcoming|later) {_UNIT_WORDS}", low)
    if m and low.endswith("s"):
        v = "PAST_REF" if m[1] in ("past", "recent", "previous", "prior") else "FUTURE_REF"
        return Norm("DATE", v, None, *ref)  # type: ignore[arg-type]
    m = re.fullmatch(rf"(?:the )?(\S+(?: \S+)?) (?:full |straight |consecutive |trading |business |working |calendar |school )({_UNIT_WORDS})", low)
    if m:
        n = words_to_number(m[1])
        unit = _unit_of(m[2])
        if n is not None and unit is not None:
            return Norm("DURATION", duration_value(n, unit))
    return None


def _year_ended_norm(text: str, ctx: Context) -> Norm | None:
    """ "the year ended March 31": a twelve-month span named by its end, not a calendar year."""
    return Norm("DURATION", "P1Y")


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
