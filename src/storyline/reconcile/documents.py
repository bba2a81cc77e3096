"""The story's documents and their writing dates: what ``reconcile`` knows of each article
(``Doc``), the year a year-less dateline takes from the story's dated pages, the writing dates
narrowed from the events other articles date, and the times of a narrowed page resolved again.
Moved out of ``reconcile/__init__.py``; the functions keep their names."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from storyline.model import Article, ArticleAnalysis, TimeExpr
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.compare import time_classes
from storyline.reconcile.frames import Frame
from storyline.reconcile.sources import source_key
from storyline.reconcile.timeslot import bounds, intersect, is_portal, parse_day, year_of
from storyline.time import compatible
from storyline.time.ranges import weekday_range_starts
from storyline.time.rewrite import names_month, reresolve, reresolve_from, year_offset
from storyline.time.values import YEARLESS_DAY


@dataclass
class Doc:
    """What reconciliation knows of one article: its analysis, where its mentions and times
    start (for lookups by offset), the writing date's bounds as narrowed so far and why, and its
    frames while its times stay as they are."""

    article: Article
    analysis: ArticleAnalysis
    mention_starts: list[int]
    time_starts: list[int]
    earliest: date | None = None
    latest: date | None = None
    evidence: str | None = None
    reresolved: set[tuple[int, int]] = field(default_factory=set)
    frames: list[Frame] | None = None  # cached between rounds until the document's times change
    source: object = None
    """What the analysis's claims and mentions were made from, when the caller knows (``reconcile``)."""


def prepare_docs(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                 sources: Sequence[object] | None = None) -> dict[str, Doc]:
    """One ``Doc`` per article, its writing date bounded by what its page says (a portal page's
    date from above only), and a year-less dateline given the story's year."""
    docs: dict[str, Doc] = {}
    for a, an, source in zip(articles, analyses, sources or [None] * len(analyses), strict=True):
        # sorted copies: the caller's analyses are not touched
        an = replace(an, mentions=sorted(an.mentions, key=lambda m: m.start), times=sorted(an.times, key=lambda t: t.start))
        pub = an.published or a.published
        d = Doc(a, an, [m.start for m in an.mentions], [t.start for t in an.times], source=source)
        if is_portal(pub):  # the page's date bounds the article's from above only
            d.earliest, d.latest = parse_day(pub.earliest), parse_day(pub.latest or pub.value)
        elif pub is not None and pub.source in ("metadata", "dateline") and pub.value:
            lo, hi = bounds(pub.value[:10])
            d.earliest, d.latest = parse_day(lo), parse_day(hi)
        elif pub is not None:
            d.earliest, d.latest = parse_day(pub.earliest), parse_day(pub.latest)
            if d.latest is None and pub.value and len(pub.value) == 4 and pub.value.isdigit():
                d.latest = date(int(pub.value), 12, 31)  # the dating stage settled on this year
        docs[a.id] = d
    year_from_story(docs)
    year_from_dates(docs)
    return docs


STORY_YEAR_DAYS = 60
"""How near a dated article of the story a year-less dateline's day must fall to take its year."""


def _self_dated(docs: dict[str, Doc]) -> list[date]:
    """The writing days of the story's articles dated by their metadata or their own dateline."""
    return sorted({d.earliest for d in docs.values() if d.earliest is not None and d.earliest == d.latest
                   and (pub := d.analysis.published or d.article.published) is not None
                   and (pub.source == "metadata" or (pub.source == "dateline" and not is_portal(pub)))})


def year_from_story(docs: dict[str, Doc]) -> None:
    """A page dated only by a wire dateline without its year ("QUARNFELL, May 14 (Brackwire) -")
    takes the year of the story's dated articles: the one year that puts the day within
    ``STORY_YEAR_DAYS`` of an article dated by its metadata or its own dateline. With no such
    year, or two, the date stays unknown. The evidence says where the year came from."""
    dated = _self_dated(docs)
    if not dated:
        return
    for d in docs.values():
        pub = d.analysis.published or d.article.published
        md = pub.month_day if pub is not None else None
        if not md or (d.earliest is not None and d.earliest == d.latest):
            continue
        month, day = int(md[2:4]), int(md[5:7])
        fits = set()
        for y in {x.year + k for x in dated for k in (-1, 0, 1)}:
            try:
                candidate = date(y, month, day)
            except ValueError:
                continue
            # ... within the bounds the page's own text gives ("since 2011" puts it no earlier)
            if any(abs((candidate - x).days) <= STORY_YEAR_DAYS for x in dated) and (
                    d.earliest is None or d.earliest <= candidate) and (d.latest is None or candidate <= d.latest):
                fits.add(candidate)
        if len(fits) == 1:
            (found,) = fits
            d.earliest = d.latest = found
            d.evidence = (f"dateline {md} without a year; {found.year} is the year of the story's articles dated "
                          f"within {STORY_YEAR_DAYS} days of it")


def story_dated(d: Doc) -> Article:
    """The article with the day the story gave its year-less dateline (``year_from_story``) as
    its writing date: its figures hold then, as a dated wire's do, and are compared with the
    other outlets' of that day."""
    pub = d.article.published
    if pub.value or not pub.month_day or d.earliest is None or d.earliest != d.latest:
        return d.article
    return replace(d.article, published=replace(pub, value=d.earliest.isoformat(), source="dateline",
                                                 earliest=d.earliest.isoformat(), latest=d.earliest.isoformat()))


def cluster_consensus(c: Cluster, docs: dict[str, Doc]) -> str | None:
    """The best-supported year-known time of a cluster, if any."""
    classes = time_classes(c.frames, docs_key=lambda f: source_key(f.claim, docs[f.article_id].article))
    return classes[0].value if classes and year_of(classes[0].value) else None


def narrow_documents(clusters: list[Cluster], docs: dict[str, Doc]) -> bool:
    """Narrow unknown/weak writing dates from events other articles date; True if any changed."""
    changed = False
    lower: dict[str, tuple[date, str]] = {}
    years: dict[str, dict[int, str]] = defaultdict(dict)
    for c in clusters:
        if len(c.articles) < 2:
            continue
        consensus = cluster_consensus(c, docs)
        if consensus is None:
            continue
        dated_in = {g.article_id for g in c.frames if g.value and year_of(g.value)}
        for f in c.frames:
            d = docs[f.article_id]
            pub = d.article.published
            if f.time is None or pub.source == "metadata" or (pub.source == "dateline" and not is_portal(pub)):
                continue  # the document's own date is trusted
            if f.unique and not f.descriptors:
                continue  # an unnamed "the treaty" is too weak an identity to date a document
            if not (dated_in - {f.article_id}):
                continue  # no other article dates this event
            offset = year_offset(f.time.text)
            if offset is None and not names_month(f.time.text):
                continue  # not a date counted from the writing date alone
            if f.value is None or year_of(f.value) is not None:
                continue  # only a date whose year the document did not settle can date the document
            if offset is not None:  # "last year" = consensus year => the writing year
                y = year_of(consensus)
                if y is not None:
                    years[f.article_id][y - offset] = (
                        f"'{f.time.text}' names the {consensus[:4]} event '{f.trigger}' that other articles date"
                    )
            else:
                done = intersect(consensus, f.value) if compatible(consensus, f.value) else None
                if done and len(done) >= 10 and f.claim.modality not in ("future", "plan"):
                    day = parse_day(done)
                    if day and (f.article_id not in lower or day > lower[f.article_id][0]):
                        lower[f.article_id] = (day, f"reports '{f.time.text}' ({done}, dated by other articles) as past")
    for aid, ys in years.items():
        d = docs[aid]
        if len(ys) == 1:
            (y, why), = ys.items()
            lo, hi = date(y, 1, 1), date(y, 12, 31)
            if d.earliest and d.earliest.year == y:
                lo = max(lo, d.earliest)
            if (d.earliest, d.latest) != (lo, hi) and (d.earliest is None or d.earliest.year <= y):
                d.earliest, d.latest, d.evidence = lo, hi, why
                changed = True
    for aid, (day, why) in lower.items():
        d = docs[aid]
        if d.earliest is None or day > d.earliest:
            d.earliest = day
            if d.latest is None or d.latest < day:
                # assume the piece was written the same year as the latest event it reports
                d.latest = date(day.year, 12, 31)
            d.evidence = why + "; written the same year assumed"
            changed = True
    return changed


def reresolve_times(docs: dict[str, Doc]) -> None:
    """Re-resolve document-relative times of narrowed documents (their year is now known)."""
    for d in docs.values():
        pub = d.article.published
        if (pub.source == "metadata" or is_portal(pub)) and not d.evidence:
            continue  # trusted as is, or a portal page's date the article may predate
        if d.earliest is None or d.latest is None:
            continue
        if d.earliest.year != d.latest.year:
            continue
        new_times = []
        for t in d.analysis.times:
            if t.value and t.value[:4].isdigit() and t.anchor_kind != "document":
                new_times.append(t)
                continue
            r = reresolve(t, d.earliest, d.latest) or _in_the_year(t, d.earliest, d.latest)
            if r is not None and (r.value != t.value or (t.start, t.end) in d.reresolved):
                d.reresolved.add((t.start, t.end))
                new_times.append(r)
            else:
                new_times.append(t)
        # "struck on Thursday ... died the following day": a time told from a year-less one that
        # now has its day is counted from that day (the nearest before it that fits its anchor)
        for k, t in enumerate(new_times):
            if t.anchor_kind != "discourse" or t.value[:4].isdigit() or not t.anchor:
                continue
            day = next((x for u in reversed(new_times[:k]) if (x := parse_day(u.value)) is not None
                        and _fits(t.anchor, x)), None)
            r = reresolve_from(t, day) if day is not None else None
            if r is not None:
                new_times[k] = r
        # ... and a range's start named by its weekday, read again alone, is the last such day before its end
        new_times = weekday_range_starts(new_times, d.article.body)
        if any(a is not b for a, b in zip(new_times, d.analysis.times, strict=True)):
            d.analysis = replace(d.analysis, times=new_times)
            d.time_starts = [t.start for t in new_times]
            d.frames = None


def _in_the_year(t: TimeExpr, earliest: date, latest: date) -> TimeExpr | None:
    """A day named without its year ("on 9 February") on a page written within one year but on
    a day unknown: the day of that year, when it falls no later than the page's latest writing
    day and within a year before its earliest (the writing ends, each taken alone, would put it
    in two years: the nearest 9 February to 31 December is the next year's)."""
    m = _MONTH_DAY.fullmatch(t.value or "")
    if m is None or earliest.year != latest.year or not names_month(t.text):
        return None
    try:
        day = date(latest.year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    if not (earliest - timedelta(days=366) <= day <= latest):
        return None
    return replace(t, value=day.isoformat(), earliest=day.isoformat(), latest=day.isoformat(),
                   anchor=f"{earliest.isoformat()}/{latest.isoformat()}", anchor_kind="document")


def _fits(value: str, day: date) -> bool:
    """Whether a year-less value ("XXXX-WXX-4": a Thursday; "XXXX-02-05") names this day."""
    week = re.fullmatch(r"XXXX-WXX-(\d)", value)
    if week:
        return day.isoweekday() == int(week.group(1))
    md = _MONTH_DAY.fullmatch(value)
    return bool(md) and (day.month, day.day) == (int(md.group(1)), int(md.group(2)))  # type: ignore[union-attr]


_MONTH_DAY = YEARLESS_DAY


def year_from_dates(docs: dict[str, Doc]) -> None:
    """A page with no date at all whose text names days of the year without one ("fell ill on
    9 February") was written in the year that puts every such day within ``STORY_YEAR_DAYS`` of
    an article of the story dated by its metadata or dateline, when one year alone does: its
    days are the story's. Its writing date stays unknown within that year (shown as inferred,
    with this evidence); with no such year, or two, nothing is assumed."""
    dated = _self_dated(docs)
    if not dated:
        return
    for d in docs.values():
        pub = d.analysis.published or d.article.published
        if d.latest is not None or (pub is not None and (pub.value or pub.month_day)):
            continue  # ... a lower bound alone ("after November 2025") leaves the year open
        days = [(int(m.group(1)), int(m.group(2)), t.tense != "future") for t in d.analysis.times
                if (m := _MONTH_DAY.match(t.value or "")) and names_month(t.text)]
        if not days:
            continue
        fits: dict[int, date] = {}
        for y in {x.year + k for x in dated for k in (-1, 0, 1)}:
            try:
                named = [(date(y, month, day), past) for month, day, past in days]
            except ValueError:
                continue
            if d.earliest is not None and date(y, 12, 31) < d.earliest:
                continue
            if all(any(abs((n - x).days) <= STORY_YEAR_DAYS for x in dated) for n, _ in named):
                # written on or after the last day it tells as past, as a narrowed page is
                fits[y] = max((n for n, past in named if past), default=date(y, 1, 1))
        if len(fits) == 1:
            ((y, since),) = fits.items()
            d.earliest, d.latest = max(since, d.earliest or since), date(y, 12, 31)
            d.evidence = (f"no date; every day it names without a year falls within {STORY_YEAR_DAYS} days of the "
                          f"story's dated articles in {y} alone, so written in {y} assumed, on or after {since.isoformat()}")

