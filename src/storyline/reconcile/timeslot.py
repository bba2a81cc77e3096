"""Time slots of claims: comparable TIMEX values, weak anchors, and document-relative re-resolution.

A value resolved against a weak anchor (a portal dateline, an inferred or unknown writing date)
carries a year the text never wrote; for comparison such a year is put back to ``XXXX`` so that
it can be completed from other articles instead of producing a false conflict. Expressions like
"this year" or "last July" are resolved again, once reconciliation has narrowed the writing date
of their document, by the time stage's own resolver (``storyline.time.rewrite``).
"""

from __future__ import annotations

import re
from datetime import date

from storyline.model import PublishedDate, TimeExpr
from storyline.time.values import interval

_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|20\d\d)\b|'\d\d\b")
CALENDAR = re.compile(r"^[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?$")
# "autumn 2024", "last week" (2024-W48): kept as written, compared by interval, never coarsened
SEASONAL = re.compile(r"^\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12]|W\d\d)$")


def is_calendar(value: str | None) -> bool:
    return bool(value) and bool(CALENDAR.match(value or "") or SEASONAL.match(value or ""))


def year_of(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def day_of(value: str | None) -> str | None:
    """The calendar day a value names (its first ten characters), when it names one with its year."""
    if value and year_of(value) and precision_rank(value) >= 3:
        return value[:10]
    return None


def precision_rank(value: str | None) -> int:
    """0 unknown, 1 year, 2 month, 3 day; an unknown year costs a rank (it is less informative)."""
    if not value or not is_calendar(value):
        return 0
    parts = value.split("-")
    rank = len([p for p in parts if "X" not in p])
    return rank


def weak_anchor(t: TimeExpr, published: PublishedDate | None) -> bool:
    """True when the year of ``t`` came from an anchor that cannot be trusted for the year.

    The text of the expression wrote no year, and it was resolved against the document date,
    which is a dateline (a portal page's date), inferred, or unknown.
    """
    if _YEAR_IN_TEXT.search(t.text):
        return False
    if t.anchor_kind != "document":
        return False
    if published is None or published.source is None:
        return True
    if published.source == "dateline":
        return is_portal(published)  # a portal page's date: the article may be much older
    if published.source == "inferred":
        # an inferred range is trusted only for the year it settled on
        return not (published.value and published.value[:4].isdigit() and year_of(t.value) == int(published.value[:4]))
    return False


def is_portal(published: PublishedDate | None) -> bool:
    """A dateline the cleaner found on a portal page (other stories listed): the page's date only,
    an upper bound on the article's date. The cleaner says so in ``PublishedDate.portal``."""
    return bool(published and published.portal)


def comparable_value(t: TimeExpr, published: PublishedDate | None) -> str | None:
    """The value to compare: calendar values only; a year from a weak anchor becomes ``XXXX``."""
    v = t.value
    if not is_calendar(v):
        v = _interval_value(t) or ""
        if not v:
            return None
    if weak_anchor(t, published) and v[:4].isdigit():
        return "XXXX" + v[4:]
    return v


def _interval_value(t: TimeExpr) -> str | None:
    """A calendar value for a non-calendar TIMEX (a time of day, a week, a season) from its
    interval: the day, month or year it lies in."""
    if SEASONAL.match(t.value):
        return t.value
    day = re.match(r"^([0-9X]{4}-[0-9X]{2}-[0-9X]{2})T", t.value)
    if day and t.earliest is None and t.latest is None and day[1] != "XXXX-XX-XX":
        return day[1]  # "23:40 on Wednesday 7 October" in a page without a year: that day, year-less
    if t.earliest and t.latest and t.earliest[:4] == t.latest[:4] and t.value[:4].isdigit():
        if t.earliest == t.latest:
            return t.earliest  # a part of one day ("Tuesday evening", "10:23 p.m.") is that day
        if t.type == "TIME":
            return None  # a clock time whose day is in doubt (the page's day or the day before)
        week = _one_week(t.earliest, t.latest)
        if week is not None:
            return week  # "at the weekend", "early this week": that week, not the month around it
        if t.earliest[:7] == t.latest[:7]:
            return t.earliest[:7]
        return t.earliest[:4]
    return None


def _one_week(earliest: str, latest: str) -> str | None:
    """The ISO week ("2031-W10") both days lie in, else None."""
    try:
        a, b = date.fromisoformat(earliest[:10]), date.fromisoformat(latest[:10])
    except ValueError:
        return None
    (ya, wa, _), (yb, wb, _) = a.isocalendar(), b.isocalendar()
    return f"{ya}-W{wa:02d}" if (ya, wa) == (yb, wb) else None


def bounds(value: str | None) -> tuple[str | None, str | None]:
    return interval(value) if value else (None, None)




def completes(known: str, yearless: str) -> bool:
    """Whether ``known`` may lend its year to ``yearless``: it must state every field the year-less
    value states before its day (a bare year does not date "June 19"; "June 2024" does)."""
    if year_of(known) is None or year_of(yearless) is not None:
        return True
    k, y = known.split("-"), yearless.split("-")
    if len(y) >= 2 and "X" not in y[1]:
        return len(k) >= 2 and "X" not in k[1]
    return True


def intersect(a: str, b: str) -> str:
    """The most specific value both compatible values allow (field-wise, X filled from the other).
    A season or quarter gives way to a month or day inside it ("autumn 2024" and "October")."""
    if SEASONAL.match(a) or SEASONAL.match(b):
        if SEASONAL.match(a) and SEASONAL.match(b):
            return a
        plain, season = (b, a) if SEASONAL.match(a) else (a, b)
        if year_of(plain) is None and len(plain) > 4:
            plain = season[:4] + plain[4:]  # "XXXX-10" inside "2024-FA" is October 2024
        return plain if len(plain) > 4 else season
    pa, pb = a.split("-"), b.split("-")
    out: list[str] = []
    for i in range(max(len(pa), len(pb))):
        x = pa[i] if i < len(pa) else None
        y = pb[i] if i < len(pb) else None
        if x is None:
            out.append(y or "")
        elif y is None:
            out.append(x)
        else:
            out.append("".join(c if c != "X" else d for c, d in zip(x, y, strict=False)))
    return "-".join(p for p in out if p)


def parse_day(text: str | None) -> date | None:
    """The day a value names ("2031-05-14", "2031-05-14T09:00"), else None: a week ("2031-W20"),
    which ``date.fromisoformat`` reads as its Monday, is no day."""
    if not text or not _ISO_DAY.match(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")
