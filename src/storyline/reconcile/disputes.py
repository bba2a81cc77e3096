"""One act told on different days: joins of happenings whose date is then reported as disputed.

A person's body is recovered once; one filing or lifting told by two outlets a day apart is one
act. ``timeline.happenings`` calls these after its same-day joins; the time comparison then
reports the outlets' dates as a contradiction. Pure functions over clusters and the union-find
of the caller; after the learned same-day join, ``join_odd_days`` joins events told a day apart by
one later outlet, and ``one_time_dispute_per_event`` gives each joined event one date dispute."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from storyline.extract.plover import STATE_VERBS
from storyline.model import Claim, Conflict, Event
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.compare import time_classes, time_conflict
from storyline.reconcile.frames import Frame
from storyline.reconcile.roles import (
    doer_heads,
    other_doers,
    other_named_doers,
    other_places,
    same_roles,
    type_of,
)
from storyline.reconcile.sameday import merge_events
from storyline.reconcile.timeslot import day_of, parse_day, year_of

#: Types of acts done to a person once (a body is recovered once): two outlets' tellings a few
#: days apart are one happening whose date is disputed.
ONCE_PER_PERSON = frozenset({"RESCUE"})
ONCE_DAYS = 3
def join_once_per_person(members: dict[int, list[Cluster]], values: dict[int, str | None],
                          find: Callable[[int], int], union: Callable[[int, int], None]) -> None:
    """A person's body is recovered once: two outlets' recoveries of one named person a few days
    apart (``ONCE_DAYS``) are one happening, whose date is then reported as disputed."""
    once = [r for r in members if any(ONCE_PER_PERSON & {type_of(f) for f in m.frames} for m in members[r])
            and any(day_of(values[m.id]) for m in members[r])]

    def days(root: int) -> set[date]:
        return {d for m in members[root] if (d := parse_day(day_of(values[m.id]))) is not None}

    for i, first in enumerate(once):
        for second in once[i + 1:]:
            ra, rb = find(first), find(second)
            if ra == rb:
                continue
            people_a = set().union(*(m.persons - m.common for m in members[ra]))
            people_b = set().union(*(m.persons - m.common for m in members[rb]))
            told_a = set().union(*(m.articles for m in members[ra]))
            told_b = set().union(*(m.articles for m in members[rb]))
            near = any(abs((x - y).days) <= ONCE_DAYS for x in days(ra) for y in days(rb))
            if people_a & people_b and not told_a & told_b and near:
                union(ra, rb)


def join_one_act_a_day_apart(clusters: Sequence[Cluster], values: dict[int, str | None], unreal: dict[int, bool],
                              state: dict[int, bool], find: Callable[[int], int], union: Callable[[int, int], None],
                              doc_dates: dict[str, tuple[date | None, date | None]], *, limit: int,
                              members: dict[int, list[Cluster]] | None = None) -> None:
    """One act told by two outlets a day apart ("the suit, filed Sept. 23" / "a suit filed on Sept.
    24"): the same word for an act (not a statement or a state), told by different articles (the
    odd one written after both days), of the same doer or thing (or, for a typed act, naming no doer): one
    happening, whose date is then reported as disputed. One side is one outlet's telling, not an
    established happening of its own. A repeated act a day apart ("voted again the next day")
    names its doers."""
    by_word: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    for c in clusters:
        if not day_of(values[c.id]) or unreal[c.id] or state[c.id]:
            continue
        kinds = {t for f in c.frames if (t := type_of(f)) != "STATEMENT"}
        for kind in kinds:
            by_word[(c.family, kind or "")].append(c)
    for (family, kind), group in by_word.items():
        if not kind and family.startswith("other:") and family[6:] in STATE_VERBS:
            continue
        for i, a in enumerate(group[:limit]):
            for b in group[i + 1:limit]:
                da, db = parse_day(day_of(values[a.id])), parse_day(day_of(values[b.id]))
                if da is None or db is None or abs((da - db).days) != 1:
                    continue
                # the articles that give each day (an article may name the act undated on the other side)
                on_a, on_b = _dating([a], values[a.id]), _dating([b], values[b.id])
                if on_a & on_b or min(len(on_a), len(on_b)) != 1:
                    continue  # one outlet's odd date against the others', not two established happenings
                if len(on_a) == len(on_b) and members:
                    # two single tellings: the odd one is the one whose day nobody else gives
                    on_a, on_b = (_dating(members[find(x.id)], values[x.id]) for x in (a, b))
                if find(a.id) == find(b.id) or other_doers(a, b):
                    continue
                # the odd outlet (the one-article side) wrote after both days: it could have known
                # the others' day, so its other day is a dispute, not a second act it saw
                later = max(da, db)
                odd = (on_a if len(on_a) == 1 else set()) | (on_b if len(on_b) == 1 else set())
                written = [doc_dates.get(x, (None, None))[0] for x in odd]
                if any(w is None or w < later for w in written):
                    continue
                # an act of no type is one act only when its doer or the thing done is the same
                # ... read from the odd telling, which may name less than the established one does
                # ("the motorway reopened" / "the M7 between Lundry and Tolbrin reopened")
                odd_b = len(on_b) == 1 and len(on_a) > 1
                fits = same_roles(b, [a]) if odd_b else same_roles(a, [b]) or (len(on_b) == 1 and same_roles(b, [a]))
                if fits or (kind and not doer_heads(a) and not doer_heads(b)):
                    union(a.id, b.id)


def _dating(group: Sequence[Cluster], value: str | None) -> set[str]:
    """The articles whose mentions give a happening (its clusters as joined so far) this day."""
    day = day_of(value)
    return {f.article_id for c in group for f in c.frames if day and day_of(f.value) == day} or {
        a for c in group for a in c.articles}


def join_one_outlets_day_off(first: Sequence[Cluster], second: Sequence[Cluster], later: date,
                             one_a_day: frozenset[str], classes: dict[int, set[str]],
                             members: dict[int, list[Cluster]], find: Callable[[int], int],
                             union: Callable[[int, int], None],
                             doc_dates: dict[str, tuple[date | None, date | None]]) -> None:
    """The story's one happening of a one-a-day class (``one_a_day``: its walkout, its crash)
    told by several outlets on one day, and by one outlet, writing after both days, on the next or the day
    before ("the stoppage started on May 20" in a later explainer): one happening whose date that
    outlet has wrong, which the time comparison then reports. Not when the one outlet names other
    doers or places, or when either day has two such happenings."""
    for kind in sorted(one_a_day):
        sides = [sorted({find(c.id) for c in day if kind in classes[c.id]}) for day in (first, second)]
        if any(len(side) != 1 for side in sides):
            continue
        (ra,), (rb,) = sides
        told = [set().union(*(m.articles for m in members[r])) for r in (ra, rb)]
        if ra == rb or told[0] & told[1] or min(len(t) for t in told) != 1 or max(len(t) for t in told) < 2:
            continue
        big, small = (ra, rb) if len(told[0]) > 1 else (rb, ra)
        odd = told[0] if len(told[0]) == 1 else told[1]
        if any((w := doc_dates.get(a, (None, None))[0]) is None or w <= later for a in odd):
            continue  # it could not have known the others' day
        if any(other_places(x, y) or other_named_doers(x, y) for x in members[small] for y in members[big]):
            continue
        union(big, small)


def odd_outlets_days(told: Sequence[tuple[date | None, set[str], list[Cluster]]],
                     doc_dates: dict[str, tuple[date | None, date | None]],
                     alike: Callable[[int, int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Pairs (established, odd) of happenings, as the learned same-day join left them
    (``told``: each one's day, articles and clusters), that are one act one outlet dates a day
    off: the odd one is told by one article only, written after both days (it could have known
    the others' day), the other by several others; some mention of each is the same word for an
    act (not a statement or a state) of the same doer or thing, and neither names other doers.
    An odd telling that matches two established happenings is left alone. The time comparison
    then reports the outlets' dates as a contradiction. ``alike(odd, established, n)`` is the
    learned same-day model's reading of the pair (``n``: the events of the two days): one act told
    in other words ("the order was lifted on Friday" / "residents went home on Saturday after the lifting")."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, (day, _arts, _cl) in enumerate(told):
        if day is not None:
            by_day[day].append(i)
    found: dict[int, list[int]] = defaultdict(list)
    for i, (day, arts, clusters) in enumerate(told):
        if day is None:
            continue
        # the articles that give the day itself: one that tells the act only within a week ("filed
        # last week") joined to one outlet's odd day does not make that day established
        arts = {f.article_id for c in clusters for f in c.frames if day_of(f.value) == day.isoformat()} or arts
        if len(arts) != 1:
            continue
        (odd_article,) = arts
        written = doc_dates.get(odd_article, (None, None))[0]
        for delta in (-1, 1):
            other = date.fromordinal(day.toordinal() + delta)
            if written is None or written < max(day, other):
                continue
            for j in by_day.get(other, []):
                _, arts_j, clusters_j = told[j]
                if len(arts_j) < 2 or arts & arts_j:
                    continue
                if _one_act(clusters, clusters_j) or (
                        alike is not None and not _other_doers(clusters, clusters_j)
                        and alike(i, j, len(by_day[day]) + len(by_day[other]))):
                    found[i].append(j)
    return [(js[0], i) for i, js in found.items() if len(js) == 1]


def _other_doers(odd: Sequence[Cluster], established: Sequence[Cluster]) -> bool:
    """Every pair of mentions names its doers by name and no name is the same: a mayor's statement
    one day and a harbour master's the next are two acts, whatever the learned model reads of their
    words. An act told from its other side ("the federation received the alert" / "the monitor's
    alert reached the federation") names no other doer by name and may still be one."""
    return all(other_named_doers(a, b) for a in odd for b in established)


def _one_act(odd: Sequence[Cluster], established: Sequence[Cluster]) -> bool:
    """Some mention of each is the same word for an act of the same doer or thing (read either
    way), naming no other doers."""
    for a in odd:
        kinds = {t for f in a.frames if (t := type_of(f)) != "STATEMENT"}
        if not kinds or (a.family.startswith("other:") and a.family[6:] in STATE_VERBS):
            continue
        for b in established:
            if b.family != a.family or not kinds & {type_of(f) for f in b.frames} or other_doers(a, b) \
                    or other_named_doers(a, b):
                continue
            if same_roles(a, [b]) or same_roles(b, [a]):
                return True
    return False


def join_odd_days(events: list[Event], renamed: dict[str, str], clusters_of: dict[str, list[Cluster]],
                  docs: Any, doc_dates: dict[str, tuple[date | None, date | None]],
                  skey: Callable[[Frame], str], claims: Sequence[Claim] = ()
                  ) -> tuple[list[Event], dict[str, str], set[str]]:
    """After the learned same-day join: one act that one outlet dates a day off the others'
    (:func:`odd_outlets_days`) is one event, whose dates are then a contradiction
    (:func:`one_time_dispute_per_event`). ``clusters_of``: each happening's clusters by its event id
    before the joins."""
    parts: dict[str, list[Cluster]] = defaultdict(list)
    for eid, clusters in clusters_of.items():
        parts[renamed.get(eid, eid)].extend(clusters)
    told = []
    for e in events:
        day = parse_day(e.time.value[:10]) if e.time.value and year_of(e.time.value) else None
        told.append((day, set(e.article_ids), parts[e.id]))
    by_id = {c.id: c for c in claims}
    pairs = odd_outlets_days(told, doc_dates, _alike(events, by_id) if by_id else None)
    if not pairs:
        return events, renamed, set()
    gone: set[int] = set()
    joined: dict[int, Event] = {}
    for big, odd in pairs:
        if big in gone or odd in gone or big in joined:
            continue
        # the established day stays the event's, whichever telling has more words
        merged = replace(merge_events([events[big], events[odd]]), time=events[big].time)
        frames = [f for c in (*told[big][2], *told[odd][2]) for f in c.frames]
        if time_conflict(time_classes(frames, docs_key=skey), docs) is None:
            continue
        for x in (big, odd):
            renamed.update({old: merged.id for old, new in list(renamed.items()) if new == events[x].id})
            renamed[events[x].id] = merged.id
        joined[big] = merged
        gone.add(odd)
    return [joined.get(i, e) for i, e in enumerate(events) if i not in gone], renamed, {e.id for e in joined.values()}


#: The same-day model's probability two events a day apart must reach to be one act an outlet
#: dates a day off. Measured over 57 story corpora (session 15): at 0.85 and at 0.9 alike, four
#: more must checks pass, and three pairs of two acts join (an order and the day it took effect,
#: a killing at night and the finding next morning, a suspension and a claim of responsibility;
#: p up to 0.95, as high as true pairs'), so two acts typed differently are never joined here:
#: two must checks gained, none of those three joins.
ODD_DAY_THRESHOLD = 0.9


def _alike(events: Sequence[Event], claims: dict[str, Claim]) -> Callable[[int, int, int], bool]:
    """The same-day model asked of two events a day apart, at a stricter threshold than its own
    (``ODD_DAY_THRESHOLD``): across two days fewer pairs are one happening than within one. Two
    acts typed differently are never one here; an untyped one ("OTHER": "the warning reached the
    ministry") is of no other kind than a typed one ("received the warning")."""
    from storyline.reconcile.logistic import probability
    from storyline.reconcile.sameday import event_views, model, pair_features

    views: dict[int, Any] = {}
    m = model()

    def alike(i: int, j: int, n: int) -> bool:
        a, b = events[i].event_type, events[j].event_type
        if a and b and a != b and "OTHER" not in (a, b):
            return False  # acts of two kinds ("closed its offices" / "claimed the attack")
        for x in (i, j):
            if x not in views:
                views[x] = event_views([events[x]], claims)[0]
        return probability(pair_features(views[i], views[j], n), m) >= ODD_DAY_THRESHOLD
    return alike


def one_time_dispute_per_event(renamed: dict[str, str], clusters_of: dict[str, list[Cluster]], docs: Any,
                               skey: Callable[[Frame], str], conflicts: list[Conflict], day_disputes: list[Conflict],
                               disputed: set[str]) -> None:
    """An event the joins after ``happenings`` made of several carries one date dispute, read
    over all its mentions, in place of each part's: the parts' disputes each saw only some of
    the outlets (a strike's start "May 19" in three outlets against "May 20" in one, and in
    another part one outlet's "May 19" against another's "May 20"), and so does one act an
    outlet dates a day off (``disputed``)."""
    parts: dict[str, list[str]] = defaultdict(list)
    for old, new in renamed.items():
        if old in clusters_of:
            parts[new].append(old)
    for new, olds in parts.items():
        if len(olds) < 2:
            continue
        before = [k for k in day_disputes if k.event_id in olds]
        if not before and new not in disputed:
            continue
        frames = [f for old in olds for c in clusters_of[old] for f in c.frames]
        k = time_conflict(time_classes(frames, docs_key=skey), docs)
        if k is None:
            continue
        k.event_id = new
        replaced = {id(b) for b in before}
        conflicts[:] = [c for c in conflicts if id(c) not in replaced]
        conflicts.append(k)
