"""Where a happening stands in the story: on its timeline or in its background, and how salient.

``timeline.happenings`` joins a story's clusters into happenings; each one is then placed here. A
happening stands on the timeline when it is dated within the story's own period (from a little
before the first article to a little after the last, ``story_period``), its type is a happening
(not a state, nor a statement unless two outlets date it to the day) and it is asserted rather
than denied or only planned; everything else is background (history, scene-setting, generic or
undated statements, opinion), with the reason (``Happening.why``). Salience (0-1) comes from how
many articles tell it, how precisely it is dated, its type and whether its mentions are the
sentences' main events. Kept apart from the join rules, which only ask ``_unreal`` and
``_is_state`` of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.extract import plover
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.frames import Frame
from storyline.reconcile.roles import type_of
from storyline.reconcile.timeslot import parse_day, precision_rank, year_of
from storyline.time.values import interval

#: How far before the first article and after the last a happening still belongs to the story.
PERIOD_BEFORE = timedelta(days=21)
PERIOD_AFTER = timedelta(days=7)
#: Below this salience a happening told by one article and dated only to a month is background.
MIN_SALIENCE = 0.35
#: Why a happening only said or described is background (``sameday`` joins such a statement of
#: a day to the day's happening it tells).
STATEMENT = "a state or a statement, not a happening"
#: A story told by the day: at least this many day-dated happenings on its timeline for each one
#: dated only to a month or week.
BY_THE_DAY = 2


@dataclass
class Happening:
    """Clusters that tell one happening, with its place in the story."""

    clusters: list[Cluster]
    value: str | None = None
    timeline: bool = False
    salience: float = 0.0
    why: str = ""
    articles: set[str] = field(default_factory=set)
    news_day: bool = False
    """Dated by no expression but as the news of its article's day (``news_day``)."""

    @property
    def frames(self) -> list[Frame]:
        return [f for c in self.clusters for f in c.frames]


def story_period(doc_dates: Sequence[tuple[date | None, date | None]]) -> tuple[date | None, date | None]:
    """The span of the story's own time: from a little before its first article to a little
    after its last. None when no article is dated."""
    days = [d for lo, hi in doc_dates for d in (lo, hi) if d is not None and (hi is None or lo is None or
                                                                              (hi - lo).days <= 31)]
    if not days:
        return None, None
    return min(days) - PERIOD_BEFORE, max(days) + PERIOD_AFTER


def _unreal(c: Cluster) -> bool:
    return all(f.unreal or (f.claim.modality or "") in ("future", "plan", "possible", "conditional") or f.claim.negated
               for f in c.frames)


def _is_state(c: Cluster) -> bool:
    """A cluster whose mentions only describe (be, remain, have) or only say."""
    for f in c.frames:
        t = type_of(f)
        if t is not None and t != "STATEMENT":
            return False
        if t is None and f.family.startswith("other:") and f.claim.predicate not in plover.STATE_VERBS:
            return False
    return True


def _statement(frames: Sequence[Frame]) -> bool:
    """Some mention is a typed statement (a denial, an announcement, what was told reporters)."""
    return any(type_of(f) == "STATEMENT" for f in frames)


def _coarse_to_background(hs: Sequence[Happening]) -> None:
    """In a story told by the day (``BY_THE_DAY`` day-dated happenings on its timeline for each
    coarser one), a happening one article dates only to a month or a week is a detail of the
    background. Measured on six such development stories: none of 18 such entries was on an
    analyst's timeline. A story told by the month (a deployment reported over a year) keeps them."""
    on = [h for h in hs if h.timeline and h.value]
    coarse = [h for h in on if precision_rank(h.value or "") < 3]
    if len(on) - len(coarse) < BY_THE_DAY * max(1, len(coarse)):
        return
    for h in coarse:
        if len(h.articles) < 2:
            h.timeline = False
            h.why = "told by one article, dated only to a month or a week, in a story told by the day"


def _place(h: Happening, period: tuple[date | None, date | None],
           doc_dates: dict[str, tuple[date | None, date | None]]) -> None:
    """Timeline or background, and salience."""
    n_docs = len(doc_dates)
    frames = h.frames
    states = all(_is_state(c) for c in h.clusters)
    unreal = all(_unreal(c) for c in h.clusters)
    lo, hi = interval(h.value) if h.value else (None, None)
    start, end = parse_day(lo), parse_day(hi)
    in_period = bool(start and end and period[0] and period[1] and end >= period[0] and start <= period[1])
    if h.value and year_of(h.value) and not period[0]:
        in_period = True  # no dated article: a dated happening is the best the texts give
    rank = precision_rank(h.value) if h.value and year_of(h.value) else 0
    share = len(h.articles) / max(1, n_docs)
    main = sum(1 for f in frames if f.claim.parent is None and f.own) / max(1, len(frames))
    typed = any(type_of(f) not in (None, "STATEMENT") for f in frames)
    salience = (0.35 * min(1.0, len(h.articles) / 3) + 0.15 * share + 0.2 * (rank / 3) + 0.15 * typed
                + 0.1 * main + 0.05 * bool(any(f.quantities for f in frames)))
    if unreal or states:
        salience *= 0.5
    h.salience = round(min(1.0, salience), 3)
    if unreal:
        h.why = "denied, hypothetical or only planned"
    elif states and not (rank >= 3 and len(h.articles) >= 2 and _statement(frames)):
        # a statement two outlets date to the day is news of the story (a denial, an announcement);
        # over 120 stories: recall 0.937 -> 0.943, merge 0.830 -> 0.833, size 1.716 -> 1.721
        h.why = STATEMENT
    elif not h.value or not year_of(h.value):
        h.why = "undated"
    elif not in_period:
        h.why = "before or after the story's own period"
    elif _after_its_tellers(start, h.articles, doc_dates):
        h.why = "foreseen: every article telling it was written before its date"
    elif rank < 2:
        h.why = "dated only to a year"
    elif len(h.articles) < 2 and rank < 3 and h.salience < MIN_SALIENCE:
        h.why = "told by one article, dated only to a month"
    elif len(h.articles) < 2 and _outlet_speaking(frames):
        h.why = "the outlet about its own coverage"
    elif len(h.articles) < 2 and not typed and _stamped_only(frames):
        h.why = "told by one live entry, dated only by the entry's stamp"
    else:
        h.timeline = True
        h.why = "a dated happening of the story's own period"


def _after_its_tellers(start: date | None, articles: set[str],
                       doc_dates: dict[str, tuple[date | None, date | None]]) -> bool:
    """A happening dated after the last day any of its (dated) articles can have been written
    ("forecasters expect more snow on Friday" on a Thursday page): told before it could happen."""
    written = [doc_dates.get(a, (None, None))[1] for a in articles]
    return start is not None and bool(written) and all(w is not None and w < start for w in written)


_FIRST_PLURAL = frozenset({"we", "our", "us"})


def _outlet_speaking(frames: Sequence[Frame]) -> bool:
    """Every mention's doer is an unattributed, unquoted "we" or "our ...": the outlet telling
    about its own coverage ("We are closing this blog for tonight", "Our live coverage resumes at
    6am"), not a happening of the story. A source's "we" is quoted or attributed."""
    return all(f.claim.attribution is None and f.claim.agents
               and all(a.split()[0].lower() in _FIRST_PLURAL for a in f.claim.agents if a.split())
               and not f.claim.text.lstrip().startswith(("\"", "\u201c", "'", "\u2018"))
               for f in frames)


def _stamped_only(frames: Sequence[Frame]) -> bool:
    """Every dated mention takes its time from outside its sentence (a live entry's stamp,
    ``extract/entries.py``): what the entry reports was known by then, not done then."""
    dated = [f for f in frames if f.time is not None]
    return bool(dated) and all(not f.claim.span[0] <= f.time.start < f.claim.span[1] for f in dated)  # type: ignore[union-attr]


def timeline_order(hs: Sequence[Happening]) -> list[Happening]:
    """Timeline first, by date; then background, most salient first."""
    return sorted(hs, key=lambda h: (not h.timeline, (h.value or "9999") if h.timeline else "", -h.salience))
