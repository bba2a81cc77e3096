"""Calendar arithmetic at a granularity: the moves relative expressions make from an anchor."""

from __future__ import annotations

from datetime import date, timedelta

SEASON_ORDER = ["SP", "SU", "FA", "WI"]


def season_of(d: date) -> tuple[int, str]:
    """Season (northern hemisphere, meteorological) containing a day; winter belongs to December's year."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift_day(d: date, n: int) -> date:
    return d + timedelta(days=n)


def clamp_day(y: int, m: int, d: int) -> date:
    from storyline.time.values import last_day

    return date(y, m, min(d, last_day(y, m)))


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def shift_season(y: int, s: str, n: int) -> tuple[int, str]:
    k = y * 4 + SEASON_ORDER.index(s) + n
    return k // 4, SEASON_ORDER[k % 4]


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The day with ISO ``weekday`` nearest ``anchor`` in ``direction`` (-1 past, +1 future, 0 nearest).

    The anchor's own weekday counts as itself: a news story dated Friday that says "on Friday"
    means that day.
    """
    diff = weekday - anchor.isoweekday()
    if diff == 0:
        return anchor
    if direction < 0:
        return anchor + timedelta(days=diff if diff < 0 else diff - 7)
    if direction > 0:
        return anchor + timedelta(days=diff if diff > 0 else diff + 7)
    back = diff if diff < 0 else diff - 7
    fwd = diff if diff > 0 else diff + 7
    return anchor + timedelta(days=back if -back <= fwd else fwd)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO ``weekday`` of a month; n = -1 for the last one."""
    from storyline.time.values import last_day

    if n > 0:
        first = date(year, month, 1)
        off = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=off + 7 * (n - 1))
    last = date(year, month, last_day(year, month))
    off = (last.isoweekday() - weekday) % 7
    return last - timedelta(days=off)
