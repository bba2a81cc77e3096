"""Document dating: how far to trust a date given with the article, and what the text implies.

A metadata date is trusted. A dateline that is the article's own (the cleaner
says so: ``PublishedDate.portal`` is false) anchors relative dates. On a portal page the dateline
is the page's date, which can be years after the article; it is used as the anchor only when the
text itself agrees (its latest explicit date falls shortly before the dateline). Without either, the
text bounds the writing date: the latest past date it reaches (explicit, or counted from an
explicit one) is a lower bound, explicit dates in future-tense clauses are upper bounds, and "last
year" next to explicit dates of one year says the writing year is the year after.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from storyline.model import PublishedDate
from storyline.time.resolve import Anchor
from storyline.time.tagger import Tagged
from storyline.time.values import YEARLESS_DAY, precision

DATELINE_AGREEMENT_DAYS = 45


def anchor_of(published: PublishedDate) -> Anchor | None:
    """The anchor a trusted date gives (``2024-06-19``, ``2024-06-19T10:00``, ``2024-06``, ``2024``)."""
    return Anchor.parse((published.value or "")[:10]) if published.value else None


def _explicit(tagged: list[Tagged], published: PublishedDate | None = None) -> list[Tagged]:
    """Explicit calendar dates of the text, less the printed date line itself."""
    own = (published.value or "")[:10] if published else ""
    return [
        t
        for t in tagged
        if t.expr.anchor_kind == "absolute"
        and not (own and t.expr.value[:10] == own)
        and t.expr.type in ("DATE", "TIME")
        and re.match(r"^\d{4}", t.expr.value)
        and t.expr.earliest is not None
        and t.settled
    ]


def dateline_is_safe(published: PublishedDate, tagged: list[Tagged]) -> bool:
    """Whether a dateline can anchor relative expressions.

    The article's own dateline (under its headline, or on a page listing no other stories) can; a
    portal page's dateline only when the text's own latest date agrees with it.
    """
    a = anchor_of(published)
    if a is None or a.date is None:
        return False
    if not published.portal:
        return True
    past = [t.expr.earliest for t in _explicit(tagged, published) if t.tense != "future" and t.expr.earliest]
    if not past:
        return False
    latest = date.fromisoformat(max(past))
    return a.date - timedelta(days=DATELINE_AGREEMENT_DAYS) <= latest <= a.date


def _reached(tagged: list[Tagged], published: PublishedDate | None = None) -> list[Tagged]:
    """Past dates the narrative reaches: the explicit ones and those counted from them ("two months
    later" after "June 2024" reaches August 2024). Their latest start bounds the writing date."""
    counted = [
        t
        for t in tagged
        if t.expr.anchor_kind == "discourse"
        and t.expr.type in ("DATE", "TIME")
        and re.match(r"^\d{4}", t.expr.value)
        and t.expr.earliest is not None
        and t.settled
    ]
    return [t for t in [*_explicit(tagged, published), *counted] if _bounds_writing(t)]


def _bounds_writing(t: Tagged) -> bool:
    """A date the writing is after: not a future one, nor a bare year in a present-tense clause
    ("its lease runs until 2047", "the register lists nothing until 1962"), which says
    nothing of when the text was written."""
    return t.tense != "future" and not (t.tense == "present" and precision(t.expr.value) == "year")


def infer_published(tagged: list[Tagged]) -> PublishedDate:
    """A writing-date range read off the text (tagged without an anchor); value at the known precision.

    The lower bound is the latest date the text reaches, explicit or counted from an explicit one.
    The writing year is inferred only on evidence: "last year" beside explicit dates of one year
    says the year after; otherwise the year of the latest explicit month or day is assumed (and the
    note says so) unless the text itself goes on past that date, in which case it was written some
    unknown time later and the year stays open.
    """
    explicit = _explicit(tagged)
    past = [t for t in explicit if _bounds_writing(t)]
    future = [t for t in explicit if t.tense == "future"]
    if not past:
        return PublishedDate(None, None, None, None, "no explicit date in the text to infer from")
    latest_explicit = max(past, key=lambda t: t.expr.earliest or "")
    explicit_lower = latest_explicit.expr.earliest or ""
    further = max(_reached(tagged), key=lambda t: t.expr.earliest or "")
    lower = max(explicit_lower, further.expr.earliest or "")
    upper_candidates = [t.expr.earliest for t in future if t.expr.earliest and t.expr.earliest > lower]
    upper = min(upper_candidates) if upper_candidates else None
    year = int(explicit_lower[:4])
    notes = [f"latest explicit date mentioned starts {explicit_lower}"]
    if lower > explicit_lower:
        notes.append(f"the text reaches {further.expr.value} ('{further.expr.text}'): lower bound {lower}")
    # A bare year ("in 2000") says little about when a text was written: only a month or a day in
    # that year is taken as the mark of a recent text.
    fine = any(
        t.expr.value.startswith(f"{year:04d}-") and precision(t.expr.value) in ("day", "month", "week") for t in past
    )
    if not fine:
        notes.append(f"no month or day given in {year}: writing year left open")
        return PublishedDate(None, "inferred", lower, upper, "; ".join(notes))
    says_last_year = any(
        t.expr.anchor_kind == "none" and re.fullmatch(r"last\s+year|a\s+year\s+ago", t.expr.text.lower())
        for t in tagged
    )
    writing_year = year
    if says_last_year and not any(t.expr.value.startswith(f"{year + 1}") for t in explicit):
        writing_year = year + 1
        notes.append(f"'last year' beside explicit dates of {year}: written in {writing_year}")
        lower = max(lower, f"{writing_year:04d}-01-01")
    elif (latest_explicit.expr.latest or "") < lower:
        notes.append("the text goes on past its latest explicit date: writing year left open")
        return PublishedDate(None, "inferred", lower, upper, "; ".join(notes))
    elif _written_out_year(tagged, explicit_lower, year):
        notes.append(f"every day named without a year falls before {explicit_lower} in {year}: its year written "
                     "out marks another year than the writing one, so the writing year is left open")
        return PublishedDate(None, "inferred", lower, upper, "; ".join(notes))
    else:
        notes.append(f"writing year assumed to be that of the latest explicit month or day, {year} (no other evidence)")
    if upper is not None and upper[:4] < f"{writing_year:04d}":
        writing_year = int(lower[:4])
    return PublishedDate(
        value=f"{writing_year:04d}",
        source="inferred",
        earliest=lower,
        latest=upper,
        note="; ".join(notes),
    )


def _written_out_year(tagged: list[Tagged], explicit_lower: str, year: int) -> bool:
    """The text names past days without a year ("on 13 March", "on 30 March"), and each, read in
    the year of its latest explicit date ("November 2025"), would fall before that date: news
    writes out the year of a date in another year than the writing one, so the year-less days
    may as well be the next year's. Nothing in the text settles it (the story's dated pages may)."""
    days = [m for t in tagged if t.tense != "future" and (m := YEARLESS_DAY.fullmatch(t.expr.value or ""))]
    if not days:
        return False
    try:
        read = [date(year, int(m.group(1)), int(m.group(2))).isoformat() for m in days]
    except ValueError:
        return False
    return all(r < explicit_lower for r in read)


def bound_dateline(published: PublishedDate, tagged: list[Tagged]) -> PublishedDate:
    """A dateline kept as it is, with the text's lower bound and the page date as upper bound."""
    explicit = [t.expr.earliest for t in _reached(tagged, published) if t.expr.earliest]
    earliest = published.earliest or (max(explicit) if explicit else None)
    latest = published.latest or (published.value[:10] if published.value else None)
    if earliest and latest and earliest > latest:
        earliest = None
    return replace(published, earliest=earliest, latest=latest)
