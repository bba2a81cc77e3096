"""Dates of a text page: datelines above the article, a wire dateline opening it, the date chosen.

Metadata first; then a date under the headline, a wire dateline opening the article ("VELMONT,
Jan. 13, 2025 (Agency) —", set apart as its own paragraph, its words kept in the body), a date at
the top of the page. On a portal page the date above the list of other stories is the page's: it
only bounds the article's date from above.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.ingest.base import RawDocument
from storyline.ingest.clean_layout import MAX_SUMMARY_WORDS, Unit, is_paragraph
from storyline.ingest.clean_state import _headline_like, _Page
from storyline.ingest.dateline import ISSUE, Dateline, find_dateline, find_wire_dateline, full_dates
from storyline.ingest.furniture import is_caps, norm_key
from storyline.model import PublishedDate

PORTAL_NOTE = (
    "portal page (it lists other stories): the dateline is the page's date, not necessarily the "
    "article's; the article may be older"
)
WIRE_DATELINE = "wire dateline"  # the role of a wire dateline's own paragraph (kept in the body)


def _mark_datelines(page: _Page, *, window: int) -> None:
    """Datelines above the article: among the first units, before the first long paragraph."""
    units = page.units
    for index, unit in enumerate(units[:window]):
        # The article has begun at two paragraphs in a row (a teaser's summary stands alone).
        followed_by_prose = index + 1 < len(units) and is_paragraph(units[index + 1])
        if is_paragraph(unit) and (unit.n_words > MAX_SUMMARY_WORDS or followed_by_prose):
            break
        found = find_dateline(unit.text) or (find_dateline(unit.columns) if unit.columns else None)
        if found is not None and unit.reason is None:
            unit.reason = "dateline"
            page.datelines.append((index, found))
            if found.author and not page.author:
                page.author = found.author


def _slug_like(text: str) -> bool:
    """A wire's slug line: a few words in capitals with slashes or hyphens, maybe "(UPDATE 2)"."""
    return len(text) <= 80 and bool(re.fullmatch(r"[A-Z0-9][A-Z0-9/\-_ ]*(?:\([A-Z]+\s*\d*\))?\s*", text.strip() + " "))


def _mark_wire_dateline(page: _Page) -> None:
    """Set a wire dateline ("QUARNFELL, Jan. 13 (Brackwire) --") apart from the first paragraph.

    It becomes a paragraph of its own (a sentence boundary for later stages, so the place is
    never read as the first sentence's speaker) and its date may date the article; its words stay
    in the body, which keeps the page's text. Taken when it carries a date or an agency, or when
    the place is in capitals (the wire convention); a mixed-case place alone ("Harbourtown,
    Region —") may be a name opening a sentence, so that paragraph is left whole.
    """
    # the first paragraph of the body; a wire's slug line ("HARBOUR-STRIKE/ (UPDATE 2)") or a
    # deck under the headline above it is not one and is passed over
    # (a release's letterhead lines in capitals, "MINISTRY OF HEALTH", "PRESS RELEASE - FOR
    # IMMEDIATE RELEASE", and its headline, may all stand above it)
    body = [i for i, u in enumerate(page.units) if u.reason is None and u.role in ("body", "fact")][:4]
    at = next((i for i in body if is_paragraph(page.units[i])), None)
    if at is None:
        return
    first = page.units[at]
    wire = find_wire_dateline(first.text)
    if wire is None or (wire.place_only and not is_caps(wire.place)):
        return
    # a place and a full date ("HARBOURTOWN, 10 March 2031 -", a release's "Quandtberg, 9 March 2031
    # -") open a release's first paragraph whatever its deck of highlights or its breadcrumb
    # above; a weaker opening only under a slug, a deck or a letterhead in capitals
    if wire.date is None:
        if not all(_slug_like(page.units[i].text) or _headline_like(page.units[i])
                   or page.units[i].text.isupper() for i in body if i < at):
            return
        if body.index(at) >= 2 and not all(page.units[i].text.isupper() for i in body[: body.index(at) - 1]):
            return  # beyond a slug or a deck, only a letterhead in capitals stands above the first paragraph
    page.wire = wire
    page.units.insert(at, Unit(wire.text, first.line, norm_key(wire.text), role=WIRE_DATELINE))
    page.datelines = [(i + (i >= at), d) for i, d in page.datelines]
    if page.first_teaser is not None and page.first_teaser >= at:
        page.first_teaser += 1
    first.text = first.text[wire.end:]


def _headline_dateline(page: _Page) -> tuple[date, str] | None:
    """A release's place and date opening its headline line, above the body ("Amberholm, 17
    July 2026 - Navigation suspended on ..."): the release's own date, wherever the cleaner put
    that line (the title, or furniture above the first paragraph)."""
    lines = [page.title] if page.title is not None else []
    for unit in page.units:
        if unit.reason is None and unit.role in ("body", "fact") and is_paragraph(unit):
            break
        lines.append(unit)
    for unit in lines:
        found = find_wire_dateline(unit.text)
        if found is not None and found.date is not None and not is_paragraph(unit) and unit.text[found.end:].strip():
            return found.date, found.text
    return None


def _published(raw: RawDocument, page: _Page, *, portal: bool) -> PublishedDate:
    """Metadata first; else the dateline (its publication date before an 'updated' one)."""
    bounds = _metadata_bounds(raw.published)
    wire = page.wire
    if bounds is not None:
        value, earliest, latest = bounds
        printed = [f"page also prints the dateline {_chosen_dateline(page)[0][1].date.isoformat()}"] if page.datelines else []
        if wire is not None and wire.date is not None and wire.date.isoformat() != value:
            printed.append(f"the wire dateline says {wire.date.isoformat()}")
        note = "; ".join(printed) or None
        return PublishedDate(value=value, source="metadata", earliest=earliest, latest=latest, note=note)
    (at, chosen), under_headline = _chosen_dateline(page) if page.datelines else ((-1, None), False)
    if wire is not None and wire.date is not None and not under_headline:
        # The article's own date, printed by the agency: better than a date at the top of the page.
        value = wire.date.isoformat()
        notes = [f"wire dateline at the start of the article ('{wire.text}')"]
        others = sorted({d.date.isoformat() for _, d in page.datelines} - {value})
        if others:
            notes.append("the page also prints " + ", ".join(others))
        return PublishedDate(value=value, source="dateline", earliest=value, latest=value, note="; ".join(notes))
    if chosen is None and (line := raw.extra.get("dateline_line")) and (found := find_dateline(line)) is not None:
        # the reader's date line under the headline, past the cleaner's window (a long standfirst first)
        chosen, under_headline = found, True
    if chosen is None and (noted := _publication_note(page)) is not None:
        value, text = noted
        return PublishedDate(value=value, source="dateline", earliest=value, latest=value,
                             note=f"publication note in the page ('{text}')")
    if chosen is None and wire is None and (titled := _headline_dateline(page)) is not None:
        value = titled[0].isoformat()
        return PublishedDate(value=value, source="dateline", earliest=value, latest=value,
                             note=f"place and date opening the headline ('{titled[1]}')")
    if chosen is None:
        if wire is not None and wire.month_day is not None:
            month, day = wire.month_day
            if (header := _numeric_of(page, month, day)) is not None:
                value, text = header
                return PublishedDate(value=value, source="dateline", earliest=value, latest=value,
                                     note=f"wire dateline '{wire.text}' gives the month of the page's header date '{text}'")
            if (year := _service_year(page)) is not None and (day_of := _day(year[0], month, day)) is not None:
                return PublishedDate(value=day_of, source="dateline", earliest=day_of, latest=day_of,
                                     note=f"wire dateline '{wire.text}' with the year of the service line '{year[1]}'")
            return PublishedDate(note=f"wire dateline '{wire.text}' gives --{month:02d}-{day:02d} without a year",
                                 month_day=f"--{month:02d}-{day:02d}")
        return PublishedDate()
    value = chosen.date.isoformat()
    place = raw.extra.get("dateline_place") if chosen.text == raw.extra.get("dateline_line") else None
    if place and raw.extra.get("dateline_bounds_only"):
        # the day a site showed the page: the article ran that day or before
        return PublishedDate(value=value, source="dateline", earliest=None, latest=value, note=f"date printed {place}")
    notes = [f"date printed {place}" if place else
             "dateline printed under the headline" if under_headline else "dateline printed at the top of the page"]
    others = sorted({d.date.isoformat() for _, d in page.datelines} - {value})
    if others:
        notes.append("the page also prints " + ", ".join(others))
    if chosen.updated:
        notes.append("it is an 'updated' date; the first publication may be earlier")
    if portal and not under_headline and page.first_teaser is not None and at < page.first_teaser \
            and not ISSUE.search(chosen.text) and not _mail_date(page, chosen.text):
        # The date above the list of stories is the page's: an upper bound, the article may be older.
        # (An issue's number beside it dates an edition, whose contents list is its own items; a
        # mail's "Date:" header the day a newsletter's items were sent.)
        notes.append(PORTAL_NOTE)
        return PublishedDate(value=value, source="dateline", earliest=None, latest=value, note="; ".join(notes), portal=True)
    return PublishedDate(value=value, source="dateline", earliest=value, latest=value, note="; ".join(notes))


#: A mail's header lines ("Date: Tue, 14 Apr 2026 06:45:00 +0200", "Subject: ...").
_MAIL_DATE = re.compile(r"\s*(?:Date|Sent)\s*:", re.IGNORECASE)
_MAIL_SUBJECT = re.compile(r"\s*Subject\s*:", re.IGNORECASE)


def _mail_date(page: _Page, text: str) -> bool:
    """Whether the date is a mail's "Date:" header (the page has a "Subject:" line too): the day
    the message was sent, a newsletter's items with it."""
    return bool(_MAIL_DATE.match(text)) and any(_MAIL_SUBJECT.match(u.text) for u in page.units[:12])


#: A numeric full date either way round ("07/04/2026": 7 April or July 4).
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/.])")


def _numeric_of(page: _Page, month: int, day: int) -> tuple[str, str] | None:
    """The page's header date written in numbers (day-first, month-first or ISO) or in words on a
    short stamp line ("Transmitted 4 Mar 2026 15:42 CET"), read the way the wire dateline's month and
    day say ("FILED: 07/04/2026 13:05" above "X, April 7 (Agency) -"): (ISO day, its text); None
    when no line above the article has one, or two do."""
    found: dict[str, str] = {}
    for unit in page.units:
        if unit.role == WIRE_DATELINE:
            break
        for m in _NUMERIC.finditer(unit.text):
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if (a, b) in ((day, month), (month, day)):
                found.setdefault(date(year, month, day).isoformat(), m.group(0))
        for m in _ISO_DAY.finditer(unit.text):  # "Transmitted: 2026-05-21 12:48 CET"
            if (int(m.group(2)), int(m.group(3))) == (month, day):
                found.setdefault(date(int(m.group(1)), month, day).isoformat(), m.group(0))
        if len(unit.text) <= 80:  # a stamp's written date ("Transmitted 4 Mar 2026 15:42 CET")
            for d in full_dates(unit.text):
                if (d.month, d.day) == (month, day):
                    found.setdefault(d.isoformat(), unit.text)
    return next(iter(found.items())) if len(found) == 1 else None


#: A year standing alone in a wire service's header line ("PNA DOMESTIC NEWS SERVICE 2031").
_YEAR_ALONE = re.compile(r"(?<![\d/.:-])((?:19|20)\d\d)(?![\d/.:-])")
_SINCE = re.compile(r"\b(?:since|founded|established|est\.?)\s*$", re.IGNORECASE)


def _day(year: int, month: int, day: int) -> str | None:
    """The ISO day, or None when there is no such day (29 February of a common year)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _service_year(page: _Page) -> tuple[int, str] | None:
    """The year a wire service's header line in capitals prints alone above the dateline ("PNA
    DOMESTIC NEWS SERVICE 2031" over "PORTVALE, April 7 (PNA) -"), with the line; None when no
    such line or two years (a founding year, "SINCE 1921", is none); a copyright line's year is the
    copy's ("Copyright 2026 X Press Agency")."""
    found: set[tuple[int, str]] = set()
    for unit in page.units:
        if unit.role == WIRE_DATELINE:
            break
        text = unit.text.strip()
        if (copyright := _COPYRIGHT.match(text)) is not None:
            found.add((int(copyright.group(1)), text))  # "Copyright 2026 X Press Agency": the copy's year
            continue
        if not text.isupper() or len(text.split()) > 10:
            continue
        for m in _YEAR_ALONE.finditer(text):
            if not _SINCE.search(text[: m.start()]):
                found.add((int(m.group(1)), text))
    return found.pop() if len({y for y, _ in found}) == 1 and len(found) == 1 else None


#: A wire copy's copyright line above its dateline ("Copyright 2026 X Press Agency.", "(c) 2026 X").
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*)?((?:19|20)\d\d)(?![\d/.:-])", re.IGNORECASE)
#: An ISO day in a header line ("2026-05-21"), read with a wire dateline's month and day.
_ISO_DAY = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")


#: A page's own note of when it ran ("This article appeared in the Sunday edition of 9 May 2032",
#: "A version of this article appeared in print on 9 May 2032").
_PUBLICATION_NOTE = re.compile(
    r"\b(?:this|a\s+version\s+of\s+this)\s+(?:article|story|feature|column|piece|report|interview|essay)\s+"
    r"(?:appears|appeared|first\s+appeared|was\s+(?:first\s+)?published|is\s+published|ran)\b", re.IGNORECASE)


def _publication_note(page: _Page) -> tuple[str, str] | None:
    """The full date of the page's note of when it ran, with the note; None without one, or with
    notes naming two dates."""
    found = set()
    note = ""
    for unit in page.units:
        m = _PUBLICATION_NOTE.search(unit.text)
        if m is None:
            continue
        rest = unit.text[m.start(): m.start() + 200]
        dates = full_dates(rest)
        if dates:
            found.add(dates[0].isoformat())
            note = rest.split(". ")[0][:120]
    return (found.pop(), note) if len(found) == 1 else None


def _metadata_bounds(published: str | None) -> tuple[str, str, str] | None:
    """(value, earliest, latest) of a metadata date at its own precision (day, month or year)."""
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (published or "").strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            value = date(int(year), int(month), int(day)).isoformat()
            return value, value, value
        if month:
            first = date(int(year), int(month), 1)
            last = date(int(year) + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
            return f"{year}-{month}", first.isoformat(), last.isoformat()
    except ValueError:
        return None
    return year, f"{year}-01-01", f"{year}-12-31"


def _chosen_dateline(page: _Page) -> tuple[tuple[int, Dateline], bool]:
    """The article's own date line when one stands under the headline, else the page's first.

    A site header often prints today's date above everything; the date printed right under the
    headline (with the byline) is the article's. Publication dates win over 'updated' ones.
    Returns the dateline with its unit index, and whether it stands under the headline.
    """
    candidates = page.datelines
    under = False
    if page.title is not None:
        title_index = page.units.index(page.title)
        below = [(i, d) for i, d in candidates if i > title_index]
        if below:
            candidates, under = below, True
    return next(((i, d) for i, d in candidates if not d.updated), candidates[0]), under
