"""Reading the date printed at the top of a scraped page (its dateline).

A scraped text page often starts with the date the page was rendered ("Saturday, January 31,
2026", "Jan. 5, 2025", "2025-03-04", "5 March 2025 | 10:32", "Published: 04.03.2025"). That date
is the only document date a plain-text scrape carries, so it is read with an explicit, small set
of formats rather than a fuzzy parser: a line counts as a dateline only when, once the date is
taken out, nothing but weekday names, times, time zones, separators, "published/updated" words and
a byline remain. A body sentence that happens to mention a date is therefore never mistaken for
one, and no date is ever guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Machine-translated pages sometimes keep the source language's date line.
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun|"
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\.\s*|\s+)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WD = rf"(?:(?:{WEEKDAYS})\.?,?\s+)?"

# Each pattern names its groups year/mon|month/day; order matters only for overlapping shapes.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("month-day-year", re.compile(rf"\b{_WD}{_MON}{_DAY}(?:,\s*|\s+){_YEAR}\b", re.I)),
    ("day-month-year", re.compile(rf"\b{_WD}{_DAY}\s+(?:of\s+|de\s+)?{_MON}(?:,\s*)?(?:de\s+)?{_YEAR}(?:\s*г(?:ода|\.)?)?(?!\w)", re.I)),
    ("iso", re.compile(r"(?<![\d.])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])")),
    ("year-slash", re.compile(r"(?<![\d/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")),
    ("year-dot", re.compile(r"(?<![\d.])(?P<year>\d{4})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})\.?(?![\d])")),
    ("day-dot", re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d])")),
    # Day and month order differs between countries: only dates where one number exceeds 12.
    ("numeric-slash", re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?![\d/])")),
    ("korean", re.compile(r"(?P<year>\d{4})\s*년\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일")),
]

# What may stand beside the date on a dateline line.
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?"
_TZ = (
    r"(?:utc|gmt|kst|msk|jst|cet|cest|eet|eest|bst|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|z)"
    r"(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
)
_WORDS = (
    r"published|updated|posted|last|modified|date|dated|created|issued|first|on|at|"
    r"am|pm|a\.m\.|p\.m\.|time|edited|release[d]?|actualizado|publicado|обновлено|опубликовано|г|года|" + WEEKDAYS
)
_RESIDUE_TOKEN = re.compile(rf"(?:{_TIME})|\b(?:{_TZ})\b|\b(?:{_WORDS})\b\.?|T(?=\d)", re.I)
_SEPARATORS = re.compile(r"[\s|•·,:;/()\[\]\-–—_*#]+")
_BYLINE = re.compile(
    r"\b(?i:by|story by|written by|author|reporter|reported by)\s*:?\s+"
    r"(?P<name>[A-Za-z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin)){0,4})"
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|actualizado|обновлено)\b", re.I)

MAX_DATELINE_WORDS = 16


@dataclass(frozen=True)
class Dateline:
    """A date read off a dateline line; ``updated`` when the line says it is a revision date."""

    date: date
    text: str
    format: str
    updated: bool = False
    author: str | None = None


def _make_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        if (first > 12) == (second > 12):
            return None  # 03/04/2025 is March or April depending on the country: no guess
        groups = {"year": groups["year"], "month": str(min(first, second)), "day": str(max(first, second))}
    try:
        year = int(groups["year"])
        month = MONTHS[groups["mon"].lower().rstrip(".")] if groups.get("mon") else int(groups["month"])
        day = int(groups["day"])
        if not 1800 <= year <= 2200:
            return None
        return date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None


def parse_date(text: str) -> date | None:
    """The date a string written in one of the supported formats denotes, or None.

    The whole string (bar surrounding spaces and a trailing period) must be the date, optionally
    with a weekday in front; anything else returns None rather than a guess.
    """
    stripped = text.strip().rstrip(",")
    for _, pattern in _PATTERNS:
        match = pattern.fullmatch(stripped) or pattern.fullmatch(stripped.rstrip("."))
        if match:
            return _make_date(match)
    return None


def _find_dates(line: str) -> list[tuple[re.Match[str], str, date]]:
    found: list[tuple[re.Match[str], str, date]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(line):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _make_date(match)
            if value is not None:
                found.append((match, name, value))
                taken.append(match.span())
    found.sort(key=lambda item: item[0].start())
    return found


def find_dateline(line: str) -> Dateline | None:
    """The date of ``line`` when the line is a dateline, else None.

    A line that holds two dates ("Published 3 March 2025, updated 4 March 2025") yields the
    first, the publication date. The line is rejected when words other than the furniture listed
    in ``_WORDS`` and a byline remain, because then it is prose that mentions a date.
    """
    text = line.strip()
    if not text or len(text.split()) > MAX_DATELINE_WORDS:
        return None
    found = _find_dates(text)
    if not found:
        return None
    residue = text
    for match, _, _ in sorted(found, key=lambda item: -item[0].start()):
        residue = residue[: match.start()] + " | " + residue[match.end():]
    author = None
    byline = _BYLINE.search(residue)
    if byline:
        author = byline.group("name").strip()
        residue = residue[: byline.start()] + " | " + residue[byline.end():]
    leftover = _SEPARATORS.sub(" ", _RESIDUE_TOKEN.sub(" ", residue)).strip(" .")
    if leftover:
        return None
    match, name, value = found[0]
    before_first = text[: match.start()]
    updated = bool(_UPDATED.search(before_first)) and len(found) == 1
    return Dateline(date=value, text=text, format=name, updated=updated, author=author)
