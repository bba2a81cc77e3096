"""Cross-article event clustering with blocking: near-linear, never all pairs.

Each frame is compared only with the clusters that share a blocking key with it: (family,
document-name word) for once-only events on a named document, (family, participant, year) and
(family, participant) otherwise. Each key keeps a bounded list of recent clusters, so the work per
frame is bounded and the whole pass grows near-linearly with the number of claims.

Two rules keep clusters honest:
- once-only events (signing/ratifying/abolishing a named document; a first deployment: "the
  first troops left", "began arriving") join on the document's name, or on the shared parties of
  a first deployment, even when their dates disagree: that disagreement is exactly the conflict
  to report, while different names ("Treaty of Friendship" vs "Strategic Partnership Agreement")
  never join unless the same parties signed them at compatible dates;
- repeatable events (visits, meetings, deployments) join only when their participants overlap
  and their times are compatible: two visits in different months are two visits. An undated
  mention joins on a person or organisation beyond the story's protagonists (the names in most
  articles), never when it names another person than the event's; denied or hypothetical
  mentions ("was not under attack", "had no reason to send") join and date nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.reconcile import memo
from storyline.reconcile.compare import unit_class
from storyline.reconcile.frames import Frame
from storyline.reconcile.timeslot import completes, intersect, is_calendar, parse_day, precision_rank, year_of
from storyline.time import compatible

MAX_PER_KEY = 40  # clusters remembered per blocking key: bounds the work per frame


@dataclass(slots=True)
class Cluster:
    id: int
    family: str
    unique: bool
    frames: list[Frame] = field(default_factory=list)
    descriptors: set[str] = field(default_factory=set)
    participants: dict[str, int] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    window: str | None = None  # the intersection of its members' times (repeatable events)
    articles: set[str] = field(default_factory=set)
    canon: set[str] = field(default_factory=set)
    dated: list[str] = field(default_factory=list)  # the members' year-known values (once-only events)
    common: frozenset[str] = frozenset()  # the corpus's most frequent names: they identify no event

    def add(self, f: Frame) -> None:
        self.frames.append(f)
        self.canon |= f.canon
        if f.value and year_of(f.value):
            self.dated.append(f.value)
        self.descriptors |= f.descriptors
        for p in f.participants:
            self.participants[p] = self.participants.get(p, 0) + 1
        self.persons |= f.persons
        self.actors |= f.actors
        self.units |= _units(f)
        self.articles.add(f.article_id)
        if not self.unique and f.value and is_calendar(f.value):
            self.window = f.value if self.window is None else intersect(self.window, f.value)


def _tight(f: Frame) -> bool:
    """A frame dated to a day or a week (its interval spans at most seven days)."""
    if f.value and precision_rank(f.value) >= 3 and year_of(f.value):
        return True
    t = f.time
    if t is None or not t.earliest or not t.latest or (f.value or "").startswith("XXXX"):
        return False
    lo, hi = parse_day(t.earliest), parse_day(t.latest)
    return bool(lo and hi and 0 <= (hi - lo).days <= 6)


_unit_class = lru_cache(maxsize=4096)(unit_class)  # a pure function of the word
memo.on_clear(_unit_class.cache_clear)
_NO_UNITS: frozenset[str] = frozenset()


def _units(f: Frame) -> frozenset[str] | set[str]:
    """What the frame's totals count ('troops', 'workers'); increments are not totals. (Asked for
    every candidate cluster of every frame: most frames count nothing.)"""
    if not f.quantities:
        return _NO_UNITS
    return {u for q in f.quantities if not q.increment and (u := _unit_class(q.unit))}


def containment(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _score(f: Frame, c: Cluster) -> float | None:
    """How well frame ``f`` fits cluster ``c``; None when it must not join."""
    shared = len(c.participants.keys() & f.participants)  # the names of both, counted in C
    shared_persons = len(f.persons & c.persons)
    if f.unique and c.unique:
        same_time = _same_dated_document(f, c)
        if f.descriptors and c.descriptors:
            overlap = containment(f.descriptors, c.descriptors)
            if overlap <= 0.5:
                return same_time
            if f.participants and c.participants and not shared and not (f.canon & c.canon):
                return None  # the same kind of accord between other parties
            return 3.0 + overlap + 0.1 * shared
        # a generic "the treaty": needs both parties (or all it names) in common; an indefinite
        # "an agreement" is a new document, never one already known
        if not f.definite and not f.descriptors:
            return same_time
        need = min(2, len(f.participants))
        if need == 0 or shared < need:
            return same_time
        month_hint = 0.5 if f.value and c.frames and any(
            g.value and g.value[5:7] == f.value[5:7] for g in c.frames) else 0.0
        return 1.0 + shared + month_hint
    if f.unique != c.unique:
        return None
    if f.value is None and not _undated_may_join(f, c):
        return None
    if f.value is None and not f.quantities and len(f.canon & c.canon) >= 2:
        # an undated mention of the same kind of event between the same parties adds no rival
        # date or count: it joins rather than standing alone on the timeline
        return 0.5 + len(f.canon & c.canon) / 10
    # repeatable events: compatible times and a shared actor
    if f.value and c.window and not compatible(f.value, c.window):
        return None
    if f.value and c.window and not completes(c.window, f.value):
        return None  # "June 19" is not dated by a cluster that only knows the year
    if f.persons and c.persons:
        if shared_persons < min(2, len(f.persons), len(c.persons)):
            return None  # the same head of state meeting someone else is another meeting
    elif not (f.actors & c.actors) and not (
        shared >= 2
        and (
            (f.value and c.window and precision_rank(f.value) >= 2 and precision_rank(c.window) >= 2)
            or (_units(f) & c.units)
        )
    ) and not (shared >= 1 and _tight(f) and c.window is not None and precision_rank(c.window) >= 3):
        # places alone are too common in a one-story corpus to identify a repeatable event;
        # they do when both are dated to the same month, or count the same thing, or when the
        # same kind of event happens in the same place within the same week
        return None
    timed = 1.0 if f.value and c.window else 0.0
    return shared + shared_persons + timed


def _names(f: Frame) -> frozenset[str]:
    return f.canon | f.participants


def _undated_may_join(f: Frame, c: Cluster) -> bool:
    """An undated mention has only its names to identify its event. The names every article of
    the story repeats (the host leader, the host capital) identify nothing: it needs a shared
    person or organisation beyond those (or, when neither side names any, two shared places), and
    it must not name another person than the cluster's (a visit by one envoy is not another's).
    A figure counting what the cluster counts is identity enough for a running total."""
    if f.quantities and _units(f) & c.units:
        return True
    f_people, c_people = f.persons - c.common, c.persons - c.common
    if f_people and c_people and not (f_people & c_people):
        return False
    shared = (_names(f) & (c.canon | set(c.participants))) - c.common
    if shared & (f.actors | c.actors):
        return True
    return not (f.actors - c.common) and not (c.actors - c.common) and len(shared) >= 2


def _common_names(frames: Sequence[Frame]) -> frozenset[str]:
    """Names found in at least half of the articles (and in three or more): in a one-story corpus
    they are the story's protagonists, present in every event, so sharing them proves nothing."""
    seen: dict[str, set[str]] = defaultdict(set)
    articles: set[str] = set()
    for f in frames:
        article = f.article_id
        articles.add(article)
        for n in _names(f):
            seen[n].add(article)
    need = max(3, (len(articles) + 1) // 2)
    return frozenset(n for n, arts in seen.items() if len(arts) >= need)


def _same_dated_document(f: Frame, c: Cluster) -> float | None:
    """Two outlets' signings of a document between the same parties at compatible dates are one
    signing, even when they name the document differently ("a treaty", "the partnership treaty")."""
    if f.family not in ("sign", "ratify", "abolish") or not f.value or not year_of(f.value) or not c.dated:
        return None
    if not all(compatible(f.value, v) for v in c.dated):
        return None
    if len(f.canon & c.canon) < 2:
        return None
    return 1.5 + len(f.canon & c.canon) / 10


def _keys(f: Frame) -> list[tuple[str, str, str]]:
    if f.unique and f.descriptors:
        return [(f.family, "doc", d) for d in sorted(f.descriptors)] + [
            (f.family, "p", p) for p in sorted(f.participants | f.canon)
        ]
    return [(f.family, "p", p) for p in sorted(f.participants | f.canon)]


def _order(f: Frame) -> tuple[int, int, int, str]:
    """Named documents first, then dated frames (finest first): they anchor the clusters."""
    return (
        0 if f.descriptors else 1,
        0 if f.value and year_of(f.value) else 1,
        -precision_rank(f.value),
        f.id,
    )


def cluster_frames(frames: Sequence[Frame]) -> list[Cluster]:
    """Greedy agglomeration over blocked candidates; returns clusters with at least one frame."""
    clusters: list[Cluster] = []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    common = _common_names(frames)
    for f in sorted(frames, key=_order):
        if f.unreal:
            continue  # a denied or hypothetical event supports no event and dates none
        candidates: set[int] = set()
        keys = _keys(f)
        for k in keys:
            candidates.update(index.get(k, ()))
        best: Cluster | None = None
        best_score = 0.0
        for cid in sorted(candidates):
            c = clusters[cid]
            if c.family != f.family:
                continue
            s = _score(f, c)
            if s is not None and s > best_score:
                best, best_score = c, s
        if best is None:
            best = Cluster(len(clusters), f.family, f.unique, common=common)
            clusters.append(best)
        best.add(f)
        for k in keys + [(f.family, "doc", d) for d in best.descriptors if (f.family, "doc", d) not in keys]:
            lst = index[k]
            if best.id not in lst:
                lst.append(best.id)
                if len(lst) > MAX_PER_KEY:
                    del lst[0]
    return clusters
