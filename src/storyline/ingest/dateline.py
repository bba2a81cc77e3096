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

from storyline.time.lexicon import MONTHS as ENGLISH_MONTHS

MONTHS: dict[str, int] = {
    **ENGLISH_MONTHS,  # the time stage's table
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
    # a wire's stamp ("04-Mar-2026 16:22 GMT")
    ("day-mon-year-dashed", re.compile(r"(?<![\w-])(?P<day>\d{1,2})-(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True))
                                       + r")-(?P<year>\d{4})(?![\w-])", re.I)),
    ("korean", re.compile(r"(?P<year>\d{4})\s*년\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일")),
]

# What may stand beside the date on a dateline line.
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?"
_TZ = (
    r"(?:utc|gmt|kst|msk|jst|cet|cest|eet|eest|bst|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|z)"
    r"(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
)
_WORDS = (
    r"published|updated|posted|filed|last|modified|date|dated|created|issued|first|on|at|"
    r"am|pm|a\.m\.|p\.m\.|time|edited|release[d]?|actualizado|publicado|обновлено|опубликовано|г|года|"
    # a live page's header ("Live page started 07:45, 9 March 2026. Latest entries first.")
    r"live|coverage|blog|page|started|began|latest|newest|entries|updates|local|"
    # a broadcaster's web copy ("Sunday 9 May 2032, 18:00 news bulletin, online edition")
    r"bulletin|edition|version|web|online|print|broadcast|transcript|newsletter|of|"
    # a release's header ("For immediate release - 4 June 2031", "Embargoed until 00:01")
    r"for|immediate|embargoed|embargo|until|"
    # a correction note's stamp ("Correction published 24 April 2031, by the Readers' Editor")
    r"corrections?|clarifications?|appended|" + WEEKDAYS
)
#: A document's own date label ("Date of decision:", "Release date:"): the document a court, an
#: agency or a company issues is dated so.
_DOCUMENT_LABEL = (r"(?:date\s+of\s+(?:the\s+)?)?(?:decision|judg(?:e)?ment|ruling|order|issue|publication|release|"
                   r"statement|notice|report|letter)(?:\s+date)?(?=\s*:)")
#: A place's local time beside the clock ("11:00 Tolbrin time").
_LOCAL_TIME = r"(?<=\d\s)(?-i:[A-Z][\w'’-]+)\s+time\b"
_RESIDUE_TOKEN = re.compile(
    rf"^\s*{_DOCUMENT_LABEL}|{_LOCAL_TIME}|(?:{_TIME})|\b(?:{_TZ})\b|\b(?:{_WORDS})\b\.?|T(?=\d)", re.I)
_SEPARATORS = re.compile(r"[\s|•·,:;/()\[\]\-–—_*#]+")
#: Words that end a byline's role ("foreign correspondent", "staff writer", "political editor").
_ROLES = (r"correspondents?|reporters?|writers?|editors?|columnists?|contributors?|staff|bureau|"
          r"desk|analysts?|producers?|journalists?|chief")
_BYLINE = re.compile(
    r"\b(?i:by|story by|written by|author|reporter|reported by|editors?)\s*:?\s+"
    r"(?P<name>[A-Za-z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin)){0,4})"
    # more names after the first ("Editors: A B, C D"): read past, the first is the author
    r"(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    # the byline's role ("By A B, Norlandia correspondent", "By A B, Staff Writer")
    rf"(?:(?:,\s*|\s+)(?:[\w.'’-]+\s+){{0,4}}(?i:{_ROLES})\b)?"
)
# A page stamp glued to the time before it by the scraper ("10:32 AM GMT+9Updated 2 hours ago").
_GLUED_STAMP = re.compile(r"(?<=[\da-z])(?=(?:Updated|Published|Posted|Modified|Last\s+updated)\b)")
_AGO = re.compile(r"\b\d+\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?)\s+ago\b", re.I)
# Blog meta that shares the line with the date: a section, a comment count, a reading time.
_POST_META = re.compile(
    r"\b(?:(?:in|under|filed\s+under)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2}|"
    r"(?i:\d+\s+(?:comments?|responses?|replies)|no\s+comments?|leave\s+a\s+(?:comment|reply)|\d+\s*min(?:ute)?s?\s+read))"
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|actualizado|обновлено)\b", re.I)

MAX_DATELINE_WORDS = 16  # words with a letter or a digit: dashes and bars between fields are none
# An outlet's or author's name set apart from the date by a bar or bullet ("Radio Tessmoor News |
# Saturday 14 March 2026, 08:00"): a few capitalised words, which prose beside a date never is
SET_APART = re.compile(r"\s[|•·]\s")
#: A name set apart from the date by a bar: a place or a venue ("Tolbrin", "Hall 2, Tolbrin"), capitalised
#: words that may carry a comma, with small words and a room's number between them.
_NAME_ONLY = re.compile(r"(?:[A-Z][\w&'’.-]*,?|of|the|and|&)(?:\s+(?:[A-Z][\w&'’.-]*,?|\d{1,3},?|of|the|and|&)){0,5}")


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


def full_dates(text: str) -> list[date]:
    """Every full date (day, month and year) the text writes, in order, in the formats a
    dateline may take."""
    return [value for _, _, value in _find_dates(text)]


#: A place before the date of a letter or a release ("Estwold, 13 February 2026"), or of a
#: live page's header ("Live coverage from the National Chamber, Thursday 12 February 2026").
_PLACE_FIRST = re.compile(r"(?:(?i:live(?:\s+(?:coverage|blog|updates|reporting))?\s+from\s+(?:the\s+)?))?"
                          r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2},\s+$")


def _placed(text: str, found: list[tuple[re.Match[str], str, date]]) -> bool:
    """The line is a place, a comma and the date, nothing after it but a dash that leads into
    the text ("QUARNBY, 11 March 2031 -" on a line of its own)."""
    match = found[0][0]
    return len(found) == 1 and not text[match.end():].strip(" .-–—") and bool(_PLACE_FIRST.fullmatch(text[: match.start()]))


#: English weekday names by ``date.weekday()``, as a page's header writes them in full or short.
_WEEKDAY_INDEX = {name: n for n, names in enumerate(
    (("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"), ("thursday", "thurs", "thur", "thu"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_DAYS_DATE_LEFTOVER = 4  # words beside a header's weekday and date: the town and the weather, an issue number
#: Words of a sentence, never of a header's fields: a line that has one beside its date is prose.
_PROSE_WORDS = frozenset({"a", "an", "the", "on", "in", "at", "of", "to", "for", "by", "and", "but", "was", "were",
                          "is", "are", "will", "be", "been", "has", "have", "had", "that", "this", "which", "when"})


def _days_date(text: str, found: list[tuple[re.Match[str], str, date]], leftover: str) -> bool:
    """A header's date of the day: one full date led by the weekday it falls on ("Saturday 5 April
    2031  Dunfair 14C, cloudy", "Issue 418 - Tuesday 27 October 2026") beside a few words. A
    weekday that agrees with its full date is how a page prints today's date; prose that names a
    day has a sentence's little words beside it ("On Tuesday 27 October 2026 the talks opened").
    A header's fields set apart by bars, dots or dashes are read one by one: the outlet's name in
    capitals is no sentence's ("THE VANTRIX GAZETTE - CITY EDITION - Friday 4 September 2026 - Page 11"),
    and each other field is a few words ("Sunday 6 September 2026 · Dunfair 12°C, showers ·
    Listen again · Roads")."""
    if not _weekday_agrees(found):
        return False
    fields = _FIELD_BREAK.split(text)
    if len(fields) > 1:
        match = found[0][0].group(0)
        own = next((f for f in fields if match in f), None)
        if own is None:
            return False
        others = [f for f in fields if f is not own and not f.isupper()]
        return _few_words(own.replace(match, " ")) and all(_few_words(f) and not _SENTENCE_END.search(f) for f in others)
    return _few_words(leftover)


#: Fields of a header: set apart by a bar, a dot or a dash with spaces around it.
_FIELD_BREAK = re.compile(r"\s[|•·\-–—]\s")


def _few_words(text: str) -> bool:
    """A header field's few words, none of a sentence's."""
    words = [w.lower() for w in _SEPARATORS.split(text) if w]
    return len(words) <= _DAYS_DATE_LEFTOVER and not _PROSE_WORDS.intersection(words)


def days_date(line: Dateline) -> bool:
    """The dateline is a weekday and the full date it falls on ("Saturday 21 March 2026")."""
    return _weekday_agrees(_find_dates(line.text))


def _weekday_agrees(found: list[tuple[re.Match[str], str, date]]) -> bool:
    """One full date, led by the weekday it falls on."""
    if len(found) != 1:
        return False
    match, _, value = found[0]
    first = re.match(r"[^\W\d_]+", match.group(0))
    return first is not None and _WEEKDAY_INDEX.get(first.group(0).lower()) == value.weekday()


def _stamp_fields(text: str, found: list[tuple[re.Match[str], str, date]]) -> bool:
    """A wire's stamp line: short fields set apart by bars, one of them the date (and time), the
    date first where there are only two ("02/05/2031 09:15 | Home news | 3rd version", "XNA |
    Filed 2031-05-02 09:15 | Politics / North | Priority: high"), which prose never is. Dashes set
    fields apart too when the date stands alone at the end after two short labels that open with
    a capital ("VANTRIX POST - Money in brief - 2 May 2031"): prose set off by dashes carries
    words beside its date, and a list's dated headline opens with its date."""
    fields = SET_APART.split(text)
    dashed = len(fields) < 2
    numbered = False
    if dashed:
        fields = _DASHED.split(text)
        # an issue's number set apart beside the date makes the line an edition's masthead, whose
        # tagline may be a phrase ("Monday 16 March 2026 - Issue 418 - Your city in five minutes")
        numbered = any(ISSUE.fullmatch(f.strip()) for f in fields)
        if len(fields) < 2 or (not numbered and not all(_LABEL.fullmatch(f.strip()) or ISSUE.fullmatch(f.strip()) or _ISSUE_LABEL.fullmatch(f.strip())
                                      or _PAGE.fullmatch(f.strip()) or _KIND_LABEL.fullmatch(f.strip())
                                      for f in fields if not _has_date(f, found))):
            return False
    first = found[0][0]
    starts, at = [], 0
    for f in fields:
        starts.append(text.find(f, at))
        at = starts[-1] + len(f)
    n = next((i for i, (f, start) in enumerate(zip(fields, starts, strict=True))
              if start <= first.start() and first.end() <= start + len(f)), None)
    if n is None:
        return False
    start = starts[n]
    # ... the words a header prints beside its date ("print edition of 24 April 2026") are none
    beside = [w for w in (fields[n][: first.start() - start] + fields[n][first.end() - start:]).split()
              if not _EDITION_WORD.fullmatch(w)]
    # a masthead: the outlet's name in capitals, a dash and the date alone ("VANTRIX POST - Friday
    # 2 May 2031"), or a name in capitalised words and the date with its clock time ("Radio Vantrix
    # News - 02.05.2031, 08:00"), or an issue's number and the date ("Issue 7 - 13 February 2031");
    # a related story's headline with its date ("Ferry fares rise - 2 May 2031") is not
    clocked = bool(beside) and _CLOCK_AFTER.fullmatch(fields[n][first.end() - start:]) is not None
    name = fields[0].strip()
    masthead = dashed and len(fields) == 2 and n == 1 and (not beside or clocked) and (
        name.isupper() or (clocked and all(w[:1].isupper() for w in name.split())) or bool(ISSUE.fullmatch(name))
        or bool(_ISSUE_LABEL.fullmatch(name) and _PUBLICATION_KIND.search(name)))
    if dashed and not beside and n > 0 and any(_PAGE.fullmatch(f.strip()) for f in fields):
        # a print page's header: the paper, the date, the page, the section ("CITY HERALD -- Friday
        # 3 April 2031 -- Page 3 -- CITY HALL"); prose carries no page number between dashes
        weekday = re.match(r"[^\W\d_]+", first.group(0))
        named = weekday is not None and weekday.group(0).lower() in _WEEKDAY_INDEX
        return (not named or _weekday_agrees(found)) and all(0 < len(f.split()) <= 6 for i, f in enumerate(fields) if i != n)
    if n > 0 and len(fields) < 3 and not _LABELLED.match(fields[n]) and not masthead \
            and not any(_PUBLICATION_KIND.search(f) or _ISSUE_END.search(f) for i, f in enumerate(fields) if i != n):
        # ... unless the date's own field says it is the publication's ("Long read | Published 3
        # May 2031"), or the other names what kind of publication it is ("Weekly bulletin | 16 April
        # 2031")
        return False
    # a wire's stamp may open with its date and clock before labels in capitals ("14 APR 2031
    # 10:12 -- URGENT -- RAIL/SECURITY")
    stamp_first = dashed and n == 0 and clocked and all(f.strip().isupper() for f in fields[1:])
    if dashed and not stamp_first and not numbered and ((beside and not masthead) or (n < 2 and not masthead) or n != len(fields) - 1):
        return False  # a dated headline of a list ("2031-05-02 - Ferry fares rise") opens with its date
    if len(beside) > 2:
        return False  # the date's own field is a stamp ("Filed 2031-05-02 09:15"), not a sentence
    # a bare date opening the line sets the rest apart as a label, which may run longer ("18/04/2031 |
    # Updates from our desk, in order of posting"); so does an issue's number beside the date ("A
    # weekly letter for the wine trade | Issue 214 | Friday 20 March 2031": a publication's tagline)
    issued = any(ISSUE.fullmatch(f.strip()) for i, f in enumerate(fields) if i != n)
    most = 12 if (n == 0 and not beside) or issued else 6
    # a sentence's end is a word's, not an abbreviation's ("p. 9", the page)
    # (nor an issue's "No. 9")
    return all(0 < len(f.split()) <= most and not re.search(r"\w{2,}[.!?]\s", ISSUE.sub("", f) + " ")
               for i, f in enumerate(fields) if i != n)


#: Words that label a date as the publication's ("Published 3 May 2031", "First posted ..."); the
#: page reader looks for them beside a masthead's date and in a ``<time>`` element too.
PUBLISHED_WORDS = r"(?:first\s+)?(?:published|posted)"
#: A field that names what kind of publication the page is ("Weekly bulletin", "Members' digest").
_PUBLICATION_KIND = re.compile(r"\b(?:newsletter|bulletin|digest|briefing|edition|statement)s?\b", re.IGNORECASE)
#: A field that is the kind of publication, in a few words ("members' newsletter").
_KIND_LABEL = re.compile(rf"(?:[^\W\d_]+['’]?\s+){{0,2}}{_PUBLICATION_KIND.pattern}", re.IGNORECASE)
#: Words of an edition's label beside its date ("print edition of").
_EDITION_WORD = re.compile(r"(?:print|online|web|edition|of)", re.IGNORECASE)
#: An issue's number standing as a field of its own ("Issue 3", "No. 418", "Vol. 2").
ISSUE = re.compile(r"(?:issue|no\.|vol\.?|volume)\s*\d{1,5}(?:/\d{2,4})?", re.IGNORECASE)
#: A date field that names itself the publication's date.
_LABELLED = re.compile(rf"\s*{PUBLISHED_WORDS}\b", re.IGNORECASE)
#: Fields of a header set apart by dashes, and a field that is a label: a few words, the first
#: capitalised, no figure and no sentence's end ("Money in brief", "CITY DESK").
_DASHED = re.compile(r"\s(?:--|[-–—])\s")
_LABEL = re.compile(r"[A-Z](?:[^\W\d_]|[&'’./])*(?:\s+(?:[^\W\d_]|[&'’./])+){0,4}")
#: A print page's number standing as a field of its own ("Page 3", "p. 12", "P4").
_PAGE = re.compile(r"(?:page|p\.?)\s*\d{1,3}[A-Z]?", re.IGNORECASE)
#: A field that ends with its issue's number ("Weekly letter No. 87", "Issue 3").
_ISSUE_END = re.compile(rf"{ISSUE.pattern}\s*$", re.IGNORECASE)
#: A label with its issue's number ("MEMBERS' BULLETIN No. 9").
_ISSUE_LABEL = re.compile(rf"{_LABEL.pattern}\s+{ISSUE.pattern}", re.IGNORECASE)


def _has_date(field: str, found: list[tuple[re.Match[str], str, date]]) -> bool:
    return any(match.group(0) in field for match, _, _ in found)


#: A clock time after a masthead's date (", 08:00", " 14.20").
_CLOCK_AFTER = re.compile(r",?\s*\d{1,2}[:.]\d{2}\s*")
#: A header's short notes after its dated first sentence ("All times are local. Newest first.").
_NOTE_WORDS = 6
_SENTENCE_END = re.compile(r"(?<=[a-z\d][.!])\s+(?=[A-Z])")


def find_dateline(line: str) -> Dateline | None:
    """The date of ``line`` when the line is a dateline, else None.

    A line that holds two dates ("Published 3 March 2025, updated 4 March 2025") yields the
    first, the publication date. The line is rejected when words other than the furniture listed
    in ``_WORDS`` and a byline remain, because then it is prose that mentions a date. A header
    whose dated first sentence is followed by short notes ("Live page started Sunday 4 May
    2031. Times are local. Latest entries first.") is dated by that sentence.
    """
    found = _line_dateline(line)
    if found is not None:
        return found
    first, *notes = _SENTENCE_END.split(line.strip())
    if notes and len(notes) <= 2 and all(len(n.split()) <= _NOTE_WORDS for n in notes):
        return _line_dateline(first)
    return None


def _line_dateline(line: str) -> Dateline | None:
    text = _GLUED_STAMP.sub(" ", line.strip())
    if not text or sum(1 for w in text.split() if any(ch.isalnum() for ch in w)) > MAX_DATELINE_WORDS:
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
    residue = _AGO.sub(" | ", _POST_META.sub(" | ", residue))
    leftover = _SEPARATORS.sub(" ", _RESIDUE_TOKEN.sub(" ", residue)).strip(" .")
    if leftover and not (SET_APART.search(text) and _NAME_ONLY.fullmatch(leftover)) and not _placed(text, found) \
            and not _stamp_fields(text, found) and not _days_date(text, found, leftover):
        return None
    match, name, value = found[0]
    before_first = text[: match.start()]
    updated = bool(_UPDATED.search(before_first)) and len(found) == 1
    return Dateline(date=value, text=text, format=name, updated=updated, author=author)


# --- Wire datelines: "QUARNFELL, Jan. 13 (Brackwire) --" opening the first paragraph ------------------

_CAP_WORD = r"[A-Z][\w.'’]*(?:-[\w.'’]+)*"
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if m.isascii()), key=len, reverse=True))
_NOT_A_MONTH = rf"(?!(?i:{_MONTH_NAMES})\b\.?\s*\d)"
_WIRE_MON = rf"(?i:{_MONTH_NAMES})\.?"
_WIRE_DATE = (
    # "QUARNFELL, Tuesday 17 March 2026 (TPA) -": a weekday may open the date
    rf"(?:(?i:{WEEKDAYS}),?\s+)?"
    rf"(?:{_WIRE_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_WIRE_MON}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{1,2}-\d{1,2})"
)
_WIRE = re.compile(
    rf"^(?P<place>{_CAP_WORD}(?:\s*/\s*{_CAP_WORD}|\s+(?:{_CAP_WORD}|de|al|el|la|upon|on)){{0,3}})?"
    rf"(?:,\s*{_NOT_A_MONTH}(?P<region>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}))?"
    rf"(?:,\s*(?P<date>{_WIRE_DATE}))?"
    r"(?:\s*\((?P<agency>[A-Z][^()]{0,40})\))?"
    r"(?P<dash>\s*[—–―]\s*|\s*--\s*|\s+-\s+)"
    r"(?=[\"'“‘(]?[A-Z0-9])"
)
# Kickers that open a paragraph the way a place does ("UPDATE —", "BREAKING —").
_KICKERS = frozenset(
    {"breaking", "update", "updated", "exclusive", "analysis", "opinion", "watch", "live", "editorial",
     "correction", "urgent", "flash", "alert", "video", "photos", "comment", "review", "interview", "note"}
)
#: A weekday before a wire's date ("Tuesday 17 March"), set aside to read a year-less date.
_WEEKDAY_LEAD = re.compile(rf"^(?i:{WEEKDAYS}),?\s+")
_YEARLESS = re.compile(rf"^(?:(?P<mon>{_WIRE_MON})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<mon2>{_WIRE_MON}))", re.I)


@dataclass(frozen=True)
class WireDateline:
    """The "CITY[, REGION][, DATE] [(AGENCY)] —" opening of a wire-style first paragraph.

    ``date`` is set only for a full date (with a year); ``month_day`` keeps a year-less one
    ("Jan. 13") as (month, day), which dates nothing on its own. ``text`` is the prefix up to and
    including the dash, ``end`` where the sentence starts.
    """

    place: str
    text: str
    end: int
    region: str | None = None
    date: date | None = None
    month_day: tuple[int, int] | None = None
    agency: str | None = None

    @property
    def place_only(self) -> bool:
        return self.date is None and self.month_day is None and self.agency is None


def find_wire_dateline(paragraph: str) -> WireDateline | None:
    """The wire dateline a paragraph opens with, or None.

    Only the shape counts: a capitalised place (one to four words, then maybe a region), then
    optionally a date and an agency in brackets, then a dash and a capitalised sentence. A
    place-only opening in mixed case ("Harbourtown —") is returned too; the caller decides what
    to do with it, because it may also be how a sentence about a person begins.
    """
    match = _WIRE.match(paragraph)
    if not match or not (match.group("place") or match.group("agency")):  # "(Agency) —" alone is one too
        return None
    place = (match.group("place") or "").strip()
    if (place and place.lower().rstrip(".") in _KICKERS) or len(words_of(paragraph[match.end():])) < 3:
        return None
    if not place and (match.group("region") or match.group("date")):
        return None
    raw_date = match.group("date")
    full = parse_date(raw_date) if raw_date else None
    month_day = None
    if raw_date and full is None:
        yearless = _YEARLESS.match(_WEEKDAY_LEAD.sub("", raw_date))
        if yearless:
            mon = (yearless.group("mon") or yearless.group("mon2")).lower().rstrip(".")
            day = int(yearless.group("day") or yearless.group("day2"))
            if 1 <= day <= 31:
                month_day = (MONTHS[mon], day)
    agency = match.group("agency")
    return WireDateline(
        place=place,
        text=paragraph[: match.end()].rstrip(),
        end=match.end(),
        region=match.group("region"),
        date=full,
        month_day=month_day,
        agency=agency.strip() if agency else None,
    )


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


# --- Dated facts: "2024-06-19 - Treaty signed", "Oct. 18, 2024: Velmont goes public" -----------

_FACT_DATE = re.compile(
    rf"^(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s+{_WIRE_MON}(?:,?\s+\d{{4}})?|{_WIRE_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    rf"|{_WIRE_MON}\s+\d{{4}}|(?:19|20)\d{{2}})"
    r"\s*(?:[-–—:|]|\s-\s)\s*(?P<rest>[\"'“‘]?[^\W\d_].*)$"
)


def dated_fact(line: str) -> bool:
    """A line that states what happened on a date it starts with: an item of a chronology box."""
    match = _FACT_DATE.match(line.strip())
    return match is not None and len(words_of(match.group("rest"))) >= 3
