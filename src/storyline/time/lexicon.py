"""Words of English time expressions and their calendar meaning."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip
#: A label over a chronology, an outlet's box of dated facts or a release's sequence of clock
#: times ("TIMELINE", "Timeline of the response (all times UTC)"): its lines tell happenings of the
#: days the text gave, not entries written on the page's day as a live page's are.
CHRONOLOGY_LABEL = re.compile(
    r"^\W*(?:timeline|chronology|key\s+(?:dates|events|moments)|fact\s*box|fast\s+facts|the\s+facts|"
    r"how\s+it\s+(?:unfolded|happened)|dates\s+to\s+know|in\s+dates|what\s+happened\s+when|"
    r"(?:the\s+)?(?:sequence|timeline)\s+of\s+(?:events|the\s+response|the\s+rescue))"
    r"(?:\s*\((?:all\s+)?times?\s+(?:are\s+)?(?:local|[A-Z]{2,4})\))?\W*$",
    re.I,
)
#: Words of vagueness a length may follow ("for about 19 days", "spent nearly a week"): the time
#: stage and the duration reader share them.
VAGUE_LEAD = r"(?:about\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+)?"
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI",
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML", "yr": "Y", "hr": "H",
    "min": "MIN", "sec": "S",
}  # fmt: skip
SET_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M", "semiannually": "P6M",
}  # fmt: skip

_SMALL: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "couple": 2,
}  # fmt: skip
_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}
VAGUE = {"several", "few", "many", "some", "numerous", "countless", "multiple", "various"}
NUMBER_WORDS = sorted([*_SMALL, *_SCALES], key=len, reverse=True)


#: Beyond this a worded number is not a count of days, years or anything a time expression holds.
_LARGEST = 10**15


def words_to_number(text: str) -> float | None:
    """Value of a number written in digits or English words; ``None`` when vague ("several").

    ``"twenty-four"`` -> 24, ``"5 1/2"`` -> 5.5, ``"a year and a half"``'s ``"a ... half"`` is
    handled by the caller; ``"half a"`` -> 0.5.
    """
    t = text.lower().replace(",", "").strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", t)
    if m:
        n = float(m[1])
        if m[2]:
            n += int(m[2]) / int(m[3])
        return n
    words = [w for w in re.split(r"[\s-]+", t) if w not in ("and", "of")]
    if any(w in VAGUE for w in words):
        return None
    if words[:2] == ["half", "a"] or words[:2] == ["half", "an"]:
        return 0.5
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a couple", "a dozen", "a hundred"
    total, current = 0, 0
    seen = False
    for w in words:
        if w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
        if total + current > _LARGEST:
            return None  # a run of scale words no writer means as a count ("one hundred" x 160)
    return float(total + current) if seen else None
