"""Normalisers of calendar expressions: dates, months, seasons, years and their parts, holidays.

Each names its time on the calendar ("June 4", "March 2024", "the 1990s", "the third quarter",
"Christmas", "2024-06-19", "6/4/24"); the document anchor only supplies a year the text leaves
out. Expressions counted from an anchor live in :mod:`storyline.time.resolve_relative`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.time import calendar_math as cm
from storyline.time.lexicon import ORDINALS, SEASONS, words_to_number
from storyline.time.resolve_base import (
    _DAY_RX,
    SEASON_START,
    AnchorKind,
    Context,
    Norm,
    _fmt_day,
    _words,
    _year_for,
    find_month,
    find_pod,
    find_year,
    pos_mod,
)


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


_HOLIDAYS_FIXED = {
    "christmas eve": (12, 24), "christmas": (12, 25), "new year's eve": (12, 31), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11), "may day": (5, 1),
    "victory day": (5, 9),
}  # fmt: skip


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
