"""TIMEX3 values as intervals: the pure interval logic other stages reconcile with.

A value such as ``2024-06``, ``XXXX-06-19``, ``2024-W23``, ``2024-SU`` or ``199`` names a set of
days. ``interval`` gives the bounding ISO dates (``None`` where a part is unknown, so that an
underspecified value never pretends to a year it does not have), and ``compatible`` says whether
two values can denote the same time: ``X`` is a wildcard and a coarser value contains a finer one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
HALF_MONTHS: dict[str, tuple[int, int]] = {"H1": (1, 6), "H2": (7, 12)}

_VALUE = re.compile(
    r"^(?P<y>[0-9X]{4})"
    r"(?:-(?:(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?|W(?P<w>[0-9X]{1,2})(?:-(?P<wd>[1-7X]|WE))?"
    r"|Q(?P<q>[1-4X])|(?P<h>H[12X])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T.*)?$"
)
_DECADE = re.compile(r"^(?P<c>\d{2})(?P<dec>\d|X)?X?$")
#: A day of a month without its year ("XXXX-03-13"): the value a year-less "13 March" takes.
YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def iso_week_start(year: int, week: int) -> date:
    """Monday of ISO week ``week`` of ``year`` (weeks past the year's last roll over)."""
    return date.fromisocalendar(year, 1, 1) + timedelta(weeks=week - 1)


def interval(value: str | None) -> tuple[str | None, str | None]:
    """Earliest and latest ISO day a TIMEX3 date value can denote; ``None`` where open.

    Durations, sets and the PAST/PRESENT/FUTURE references are not points in time and give
    ``(None, None)``; a value whose year is unknown gives ``(None, None)`` too, because any year
    is possible.
    """
    if not value:
        return None, None
    m = _VALUE.match(value)
    if m is None:
        d = _DECADE.match(value)
        if d is None:
            return None, None
        century = int(d["c"])
        if d["dec"] and d["dec"] != "X":
            start = century * 100 + int(d["dec"]) * 10
            return date(start, 1, 1).isoformat(), date(start + 9, 12, 31).isoformat()
        start = century * 100
        return date(max(start, 1), 1, 1).isoformat(), date(start + 99, 12, 31).isoformat()
    ytxt = m["y"]
    if "X" in ytxt:
        if ytxt[:3].isdigit():  # 199X: some year of a decade
            base = int(ytxt[:3]) * 10
            return date(base, 1, 1).isoformat(), date(base + 9, 12, 31).isoformat()
        if ytxt[:2].isdigit():
            base = int(ytxt[:2]) * 100
            return date(max(base, 1), 1, 1).isoformat(), date(base + 99, 12, 31).isoformat()
        return None, None
    y = int(ytxt)
    if y < 1:
        return None, None
    lo, hi = date(y, 1, 1), date(y, 12, 31)
    try:
        if m["m"] and m["m"] != "XX":
            mo = int(m["m"])
            if m["d"] and m["d"] != "XX":
                lo = hi = date(y, mo, int(m["d"]))
            else:
                lo, hi = date(y, mo, 1), date(y, mo, last_day(y, mo))
        elif m["w"] and "X" not in m["w"]:
            monday = iso_week_start(y, int(m["w"]))
            wd = m["wd"]
            if wd == "WE":
                lo, hi = monday + timedelta(days=5), monday + timedelta(days=6)
            elif wd and wd != "X":
                lo = hi = monday + timedelta(days=int(wd) - 1)
            else:
                lo, hi = monday, monday + timedelta(days=6)
        elif m["q"] and m["q"] != "X":
            q = int(m["q"])
            lo, hi = date(y, 3 * q - 2, 1), date(y, 3 * q, last_day(y, 3 * q))
        elif m["h"] and m["h"] in HALF_MONTHS:
            a, b = HALF_MONTHS[m["h"]]
            lo, hi = date(y, a, 1), date(y, b, last_day(y, b))
        elif m["s"]:
            a, b = SEASON_MONTHS[m["s"]]
            if m["s"] == "WI":
                lo, hi = date(y, 12, 1), date(y + 1, 2, last_day(y + 1, 2))
            else:
                lo, hi = date(y, a, 1), date(y, b, last_day(y, b))
    except ValueError:
        return None, None
    return lo.isoformat(), hi.isoformat()


def _fields(value: str) -> list[str] | None:
    """Split a calendar value into year/month/day fields, ``None`` if it is not of that shape."""
    m = re.match(r"^([0-9X]{4})(?:-([0-9X]{2})(?:-([0-9X]{2}))?)?(?:T.*)?$", value)
    if m is None:
        return None
    return [g for g in m.groups() if g is not None]


def _field_match(a: str, b: str) -> bool:
    return all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True))


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two TIMEX3 values can name the same time.

    ``X`` digits are wildcards (``XXXX-06-19`` fits ``2024-06-19`` and ``2024-06``); a coarser
    value contains a finer one (``2024-06`` fits ``2024-06-19``); otherwise the intervals must
    overlap. Unknown or non-calendar values (durations, PAST_REF) never contradict anything.
    """
    if not a or not b:
        return True
    if a.startswith("P") or b.startswith("P") or a.endswith("_REF") or b.endswith("_REF"):
        return True
    fa, fb = _fields(a), _fields(b)
    if fa is not None and fb is not None:
        return all(_field_match(x, y) for x, y in zip(fa, fb, strict=False))
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if None in (alo, ahi, blo, bhi):
        return True
    return bool(alo <= bhi and blo <= ahi)  # type: ignore[operator]


def precision(value: str) -> str | None:
    """The granularity a calendar value is written at: year, month, day, week, quarter, season."""
    m = _VALUE.match(value)
    if m is None:
        return "decade" if _DECADE.match(value) else None
    if m["d"]:
        return "day"
    if m["m"]:
        return "month"
    if m["w"]:
        return "day" if m["wd"] and m["wd"] not in ("X", "WE") else "week"
    if m["q"]:
        return "quarter"
    if m["h"]:
        return "half"
    if m["s"]:
        return "season"
    return "year"
