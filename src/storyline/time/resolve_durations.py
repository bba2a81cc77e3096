"""Normalisers of durations, sets and clock times, and of the spans the statistical model finds.

Durations ("three and a half years", "half an hour"), sets ("every other week", "twice a year",
"Mondays") and clock times ("9 a.m. on March 3", a bare "10 p.m."). Clock times are here because
their day comes from both the calendar and the relative normalisers, which this module sits above.
"""

from __future__ import annotations

import re
from datetime import timedelta

from storyline.time.lexicon import MONTHS, PARTS_OF_DAY, SEASONS, SET_WORDS, UNITS, WEEKDAYS, words_to_number
from storyline.time.resolve_base import (
    _DAY_RX,
    Context,
    Norm,
    _fmt_day,
    _num_unit,
    _unit_of,
    _words,
    approx_mod,
    duration_value,
    find_month,
    find_weekday,
    pos_mod,
)
from storyline.time.resolve_calendar import _date_norm
from storyline.time.resolve_relative import _deictic_norm, _weekday_norm


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


NEAR_CHARS = 400  # about two sentences: how far back a bare clock time looks for its day


def _clock(text: str) -> tuple[int, int] | None:
    low = text.lower()
    if "noon" in low or "midday" in low:
        return 12, 0
    if "midnight" in low:
        return 24, 0
    m = re.search(r"(?<![\d:.])(2[0-3]|[01]?\d)(?:[:.]([0-5]\d))?\s*(a\.?m\.?|p\.?m\.?|am|pm)?", low)
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
_AFTER_CLOCK = re.compile(r"(?:\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midnight|midday|o['’]clock)(?:\s+(?:in\s+the\s+\w+|at\s+night))?,?\s+(?:on\s+)?(\S.*)$",
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
    if find_month(text) is not None and _DAY_RX.search(re.sub(r"\d+[:.]\d+|\d+\s*[ap]\.?m", "", low)):
        # the date after the clock ("14:20 on Wednesday 12 August", "9 a.m. on March 3"), or before it
        after = _AFTER_CLOCK.search(text)
        day = _date_norm(after[1] if after else
                         re.sub(r"^.*?(?=(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))", "", text), ctx)
    elif find_weekday(text) is not None:
        wdname = next(w for w in _words(text) if w in WEEKDAYS and len(w) > 2)
        # "06:00 next Wednesday", "9am this Friday": the weekday with its relative word
        rel = re.search(rf"\b((?:this\s+coming|this\s+past|this|next|last|coming|past)\s+){wdname}\b", low)
        day = _weekday_norm((rel.group(1) if rel else "") + wdname.capitalize(), ctx)
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
