"""What every normaliser shares: the anchors and context it resolves against, and their helpers.

The data model (:class:`Anchor`, :class:`Partial`, :class:`Context`, :class:`Norm`), the word
finders (month, weekday, year, part of day, position and approximation modifiers), the year a
year-less month or day falls in (:func:`_year_for`), anchor arithmetic (:func:`_shift`) and ISO
durations (:func:`duration_value`). Kept apart from the per-rule normalisers so that the calendar,
relative and duration modules build on it without an import cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from storyline.time import calendar_math as cm
from storyline.time.lexicon import MONTHS, PARTS_OF_DAY, UNITS, WEEKDAYS, words_to_number
from storyline.time.tense import Tense

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
