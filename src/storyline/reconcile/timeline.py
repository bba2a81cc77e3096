"""From event clusters to the story's happenings: the rules that join clusters telling one.

Clustering (``cluster.py``) joins mentions of one event that share a trigger family. Outlets tell
one happening with several predicates ("the ship struck the bridge", "the bridge collapsed",
"six were killed") and refer back to it with an undated noun or clause ("killed in the
collapse", "since the crash"). This module merges clusters into happenings: clusters dated to the
same day whose types belong to one class of the taxonomy (``data/event_types.json``: a collapse,
a strike and deaths are one incident) and that share a participant, or that the learned
coreference model joins; a rescue or count of victims on an incident's day told beside the
incident's name; one incident told by several outlets on adjacent days (its date dispute is then
reported); an undated cluster into the one dated happening its trigger family names when that
reading is unambiguous, or into the dated cluster of its class the model says it corefers with.

Each happening is then placed (``placement.py``): on the timeline or in the background, with its
salience and the reason. The tests the rules put to a pair of clusters are in ``join_checks.py``,
who and what a mention names in ``roles.py``. The public names of ``placement.py`` and
``join_checks.py`` are importable from here too.

All functions are pure; ``reconcile`` calls :func:`happenings` once per analysis.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import pairwise

from storyline.extract import plover
from storyline.reconcile.cluster import Cluster
from storyline.reconcile.disputes import (
    join_once_per_person,
    join_one_act_a_day_apart,
    join_one_outlets_day_off,
)
from storyline.reconcile.join_checks import (
    NEWS_DAYS,
    RECENT_DAYS,
    _before_documents,
    _newer_option,
    _one_sentence,
    _patient_words,
    _sentence_words,
    _shares,
    _shares_name,
    _written_days_after,
)
from storyline.reconcile.newsday import news_day
from storyline.reconcile.placement import (
    BY_THE_DAY,
    MIN_SALIENCE,
    PERIOD_AFTER,
    PERIOD_BEFORE,
    Happening,
    _coarse_to_background,
    _is_state,
    _place,
    _unreal,
    story_period,
    timeline_order,
)
from storyline.reconcile.roles import (
    GENERIC_DOERS,
    doer_heads,
    doer_words,
    figures_told,
    no_stranger,
    other_doers,
    other_named_doers,
    other_places,
    profile,
    profiles_differ,
    refers_to,
    same_doer_and_thing,
    same_roles,
    type_class,
    type_of,
)
from storyline.reconcile.timeslot import day_of, parse_day, precision_rank, year_of
from storyline.time.values import interval

__all__ = [
    "BY_THE_DAY",
    "CONSEQUENCES",
    "INCIDENT",
    "MAX_OPTIONS",
    "MAX_PER_KEY",
    "MIN_SALIENCE",
    "NEWS_DAYS",
    "OCCASIONS",
    "ONE_A_DAY",
    "PERIOD_AFTER",
    "PERIOD_BEFORE",
    "QUIET_DAY",
    "RECENT_DAYS",
    "Happening",
    "happenings",
    "story_period",
    "timeline_order",
]

#: The class of the taxonomy that holds a story's incidents (disasters, accidents, casualties).
INCIDENT = "incident"
#: Classes of which a story tells one happening a day unless places or doers say otherwise: its
#: incident, its walkout (``data/event_types.json``: one_a_day_classes).
ONE_A_DAY = frozenset(plover.taxonomy()["one_a_day_classes"])
#: Types of what follows an incident the same day: rescues, recoveries, counts of the dead.
CONSEQUENCES = frozenset({"RESCUE", "CASUALTY"})
#: Types of the occasions an act is performed in (an address, a speech, a statement).
OCCASIONS = frozenset({"PUBLISH", "STATEMENT"})
#: Dated clusters the learned model reads an undated cluster against (the best supported first).
MAX_OPTIONS = 5
#: Clusters of one day remembered per blocking key when pairs are formed (bounds a busy day).
MAX_PER_KEY = 40


_INCIDENT_NOUNS = frozenset(w for w, t in plover.NOUN_TYPE.items() if plover.TYPE_CLASS.get(t) == INCIDENT)


def _names_incident(c: Cluster) -> bool:
    """A mention whose sentence names an incident with a noun ("the crash site", "the collapse")."""
    return any(_sentence_words(f.claim.text) & _INCIDENT_NOUNS for f in c.frames)


def happenings(
    clusters: Sequence[Cluster],
    value_of: Callable[[Cluster], str | None],
    doc_dates: dict[str, tuple[date | None, date | None]],
    corefer: Callable[[Cluster, Cluster], bool] | None = None,
) -> list[Happening]:
    """Group clusters into happenings and place each on the timeline or in the background.

    ``corefer`` (the learned pairwise model, ``corefer.py``) decides for two clusters of one day
    that the rules do not join whether they tell the same happening. Candidates are blocked (a
    shared class, family or participant, at most ``MAX_PER_KEY`` per key and day), so the work
    grows with the clusters, not their square."""
    values = {c.id: value_of(c) for c in clusters}
    parent = {c.id: c.id for c in clusters}
    members: dict[int, list[Cluster]] = {c.id: [c] for c in clusters}
    unreal = {c.id: _unreal(c) for c in clusters}
    state = {c.id: _is_state(c) for c in clusters}
    classes: dict[int, set[str]] = {c.id: {k for f in c.frames if (k := type_class(type_of(f)))} for c in clusters}
    figures = {c.id: figures_told(c) for c in clusters}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))

    # who did it and where, read once per cluster (the joins below ask it for every pair)
    profiles = {c.id: profile(c) for c in clusters}

    def differ(one: Sequence[Cluster], other: Sequence[Cluster]) -> bool:
        """Two happenings (as joined so far) name different doers or different places (over
        every pair of their clusters)."""
        return any(profiles_differ(profiles[x.id], profiles[y.id]) for x in one for y in other)

    def join_sentences(c: Cluster, group: Sequence[Cluster], sentences: set[str]) -> None:
        """Join ``c`` to the clusters of the day whose sentence claims are ``sentences`` (the
        sentences ``c``'s told events stand in)."""
        for d in group:
            if find(d.id) != find(c.id) and any(f.claim.parent is None and f.claim.id in sentences for f in d.frames):
                union(c.id, d.id)

    # 1. same day, same class of happening, a shared participant
    by_day: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        day = day_of(values[c.id])
        if day and not unreal[c.id] and not state[c.id]:
            by_day[day].append(c)
    for group in by_day.values():
        for a, b in _candidates(group, classes):
            if find(a.id) == find(b.id):
                continue
            same = classes[a.id] & classes[b.id]
            # one crash, one collapse a day: the story's incident; else a shared participant
            # with a related type, else the learned model's word
            ruled = (a.family == b.family and INCIDENT in same) or (
                (same or a.family == b.family) and _shares(a, b))
            if ruled or (corefer is not None and corefer(a, b)):
                union(a.id, b.id)
    # one article telling two happenings of one class on one day tells one happening twice ("the
    # curfew was rescinded" / "lifted the curfew"), unless their doers differ ("the cabinet
    # offered to resign" / "the governor lifted the curfew")
    for group in by_day.values():
        by_article: dict[str, list[Cluster]] = defaultdict(list)
        for c in group:
            for art in sorted(c.articles):
                if len(by_article[art]) < MAX_PER_KEY:
                    by_article[art].append(c)
        for told in by_article.values():
            for i, a in enumerate(told):
                for b in told[i + 1:]:
                    if find(a.id) != find(b.id) and (classes[a.id] & classes[b.id] or _one_sentence(a, b)) \
                            and not other_doers(a, b):
                        union(a.id, b.id)
    # a story's incidents of one day are one incident ("hackers knocked the network offline early
    # Sunday" / "detected the intrusion on Sept. 7" / "encrypting systems in the early hours of
    # Sept. 7"), and so are its walkouts ("downed tools" / "walked out"): unless they are told in
    # different places or done by different doers
    for group in by_day.values():
        for kind in sorted(ONE_A_DAY):
            day_incidents = sorted((c for c in group if kind in classes[c.id]), key=lambda c: (-len(c.articles), c.id))
            for c in day_incidents[1:MAX_PER_KEY]:
                main = day_incidents[0]
                if find(c.id) != find(main.id) and not other_places(c, main) and not other_named_doers(c, main):
                    union(c.id, main.id)
    # a rescue or a count of victims the same day, told in a sentence that names the incident
    # ("eight bodies were found on Wednesday at the crash site"), is part of it
    for group in by_day.values():
        incidents = {find(c.id) for c in group if INCIDENT in classes[c.id]}
        if len(incidents) != 1:
            continue
        (root,) = incidents
        for c in group:
            if find(c.id) != root and classes[c.id] & CONSEQUENCES and _names_incident(c):
                union(c.id, root)
        # ... and so is a verb of no type whose doer is the incident's own thing ("the dam opened
        # up" the day "an earthen dam gave way"): the incident told in other words
        root = find(root)
        things = set().union(*(doer_words(m) | _patient_words(m) for m in members[root])) - GENERIC_DOERS
        for c in group:
            if find(c.id) != find(root) and not classes[c.id] and doer_heads(c) & things \
                    and not any(other_places(c, m) for m in members[find(root)]):
                union(c.id, root)
    # the occasion of an act told on its own ("he claimed in a televised address on Dec. 3"), when
    # another outlet tells the act in that occasion ("declared a curfew during a television
    # address"): one happening. The occasion is an address, a speech, a statement (a publication
    # noun); the act is the one happening of the day whose sentences name it, with a shared name
    for group in by_day.values():
        for c in group:
            nouns = {f.trigger.lower() for f in c.frames if plover.NOUN_TYPE.get(f.trigger.lower()) in OCCASIONS}
            if not nouns:
                continue
            hosts = {find(d.id) for d in group if find(d.id) != find(c.id) and len(d.articles) >= 2
                     and not classes[d.id] & OCCASIONS and _shares(c, d)
                     and any(_sentence_words(f.claim.text) & nouns for f in d.frames)}
            if len(hosts) == 1:
                union(c.id, hosts.pop())
            # the act told in the same sentence as its occasion ("in a televised statement late
            # Monday, X accused Y") is performed in it
            join_sentences(c, group, {f.claim.parent for f in c.frames if f.claim.parent and f.trigger.lower() in nouns})
    # the statement that tells an act the same day ("the agency confirmed Tuesday that it was
    # assisting the hospital"): the act's news, one happening with it
    for group in by_day.values():
        for c in group:
            said = {f.claim.parent for f in c.frames if f.claim.parent and f.claim.event_type == "STATEMENT"}
            if not said or len(said) != len({f.claim.id for f in c.frames}):
                continue  # a cluster of statements only
            join_sentences(c, group, said)
    # two outlets telling one kind of act on one day tell one act, unless the happenings as joined
    # so far name different doers or places ("the licence was suspended" / "froze the airline's
    # licence"); run after the rules above so that each side's doers are all known
    # ... and a happening that could join two others that differ from each other ("sandbags were
    # stacked on the levee" beside "crews shored it up" and "the governor toured it") joins neither
    for group in by_day.values():
        reach: dict[int, set[int]] = defaultdict(set)
        for a, b in _candidates(group, classes, figures):
            ra, rb = find(a.id), find(b.id)
            if ra != rb and (classes[a.id] & classes[b.id] or _shares_name(a, b) or same_doer_and_thing(a, b)
                             or figures[a.id] & figures[b.id]) \
                    and not (a.articles & b.articles) \
                    and not differ(members[ra], members[rb]):
                reach[ra].add(rb)
                reach[rb].add(ra)
        torn = {r for r, others in reach.items()
                if any(differ(members[x], members[y]) for x in others for y in others if x < y)}
        for r in sorted(reach, key=lambda r: (-len(members[r]), r)):
            for other in sorted(reach[r]):
                if r in torn or other in torn or find(r) == find(other):
                    continue
                if not differ(members[find(r)], members[find(other)]):
                    union(find(r), find(other))
    # a day the story tells one thing about: when the day's few happenings (as joined so far) all
    # name a common participant, no doers or places differ and no two typed of different classes
    # (one of them told by several outlets: an established happening of its own) are involved
    # ("Quistad pulled ahead of Ardelle on Thursday" / "she overtook Ardelle on November 6"), they
    # are that one thing told in other words
    for group in by_day.values():
        day_roots = sorted({find(c.id) for c in group})
        if not 2 <= len(day_roots) <= QUIET_DAY:
            continue
        common = set.intersection(*(set().union(*(set(m.participants) for m in members[r])) for r in day_roots))
        kinds = [set().union(*(classes[m.id] for m in members[r])) for r in day_roots]
        outlets = [set().union(*(m.articles for m in members[r])) for r in day_roots]
        if common and not any(differ(members[x], members[y]) or (
                kinds[i] and kinds[j] and not kinds[i] & kinds[j] and (len(outlets[i]) > 1 or len(outlets[j]) > 1))
                for i, x in enumerate(day_roots) for j, y in enumerate(day_roots) if i < j):
            for r in day_roots[1:]:
                union(day_roots[0], r)
    # one incident told by several outlets on adjacent days: the same happening with a disputed
    # date (one outlet's wrong weekday), which the time comparison then reports
    days = sorted(by_day)
    for d1, d2 in pairwise(days):
        if (parse_day(d2) - parse_day(d1)).days != 1:  # type: ignore[operator]
            continue
        big = [[c for c in by_day[d] if INCIDENT in classes[c.id] and len(c.articles) >= 2][:MAX_PER_KEY]
               for d in (d1, d2)]
        for a in big[0]:
            for b in big[1]:
                if _shares(a, b):
                    union(a.id, b.id)
        join_one_outlets_day_off(by_day[d1], by_day[d2], parse_day(d2), ONE_A_DAY, classes, members,  # type: ignore[arg-type]
                                 find, union, doc_dates)

    def joins(c: Cluster, cid: int, *, by_role: bool = False) -> bool:
        target = members[find(cid)]
        day = _day_of_root(target, values)
        if not _before_documents(c, day, doc_dates):
            return False
        if refers_to(c, target):
            return True
        if not by_role:
            return False
        # the story's one incident of this family ("the bridge collapsed"): its protagonists'
        # names are what identify it; other happenings need the same doer or thing done to
        incident = INCIDENT in classes[c.id] and any(_shares(c, t) for t in target)
        return same_roles(c, target) or (incident and no_stranger(c, target))

    # 2. an undated cluster joins the one dated happening its family names in the story
    dated_by_family: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    dated_by_class: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        if day_of(values[c.id]) and not unreal[c.id]:
            dated_by_family[c.family][find(c.id)] += len(c.articles)
            for k in classes[c.id]:
                dated_by_class[k].append(c)
    for c in clusters:
        if not _open(values[c.id]) or unreal[c.id] or (c.family.startswith("other:") and state[c.id]):
            continue
        options = {root: n for root, n in dated_by_family.get(c.family, {}).items()
                   if _within(values[c.id], _day_of_root(members[find(root)], values))}
        if not options:
            continue
        ranked = sorted(options.items(), key=lambda kv: -kv[1])
        best, support = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        kin = {find(d.id) for k in classes[c.id] for d in dated_by_class.get(k, ())} | set(options)
        if support >= 2 and support >= 2 * runner_up and not _newer_option(c, find(best), kin, members, values, doc_dates) \
                and joins(c, best, by_role=True):
            union(c.id, best)
        else:
            # the one dated telling of the act that this undated one can be news of: written the
            # same day or just after, of the same doer or thing ("has released the report" / "the
            # report, released on Saturday")
            fits = [root for root, _ in ranked if _written_days_after(c, members[find(root)], values, doc_dates)
                    and same_roles(c, members[find(root)])]
            if len(fits) == 1:
                union(c.id, fits[0])

    # 3. any other undated happening-typed cluster: the learned model reads it against the dated
    # clusters of its class in the story, and it joins the best-supported one it corefers with
    if corefer is not None:
        best_of: dict[str, list[Cluster]] = defaultdict(list)
        for d in sorted((d for d in clusters if day_of(values[d.id]) and not unreal[d.id] and not state[d.id]),
                        key=lambda d: (-len(d.articles), d.id)):
            for k in classes[d.id]:
                if len(best_of[k]) < MAX_OPTIONS:
                    best_of[k].append(d)
        for c in clusters:
            if not _open(values[c.id]) or unreal[c.id] or state[c.id] or find(c.id) != c.id:
                continue
            near = sorted({d.id: d for k in classes[c.id] for d in best_of.get(k, [])
                           if _within(values[c.id], day_of(values[d.id]))}.values(),
                          key=lambda d: (-len(d.articles), d.id))[:MAX_OPTIONS]
            roots = {find(d.id) for d in near}
            for d in near:
                if _newer_option(c, find(d.id), roots, members, values, doc_dates):
                    continue  # a later happening of the class, just before the page was written, is the likelier
                if joins(c, d.id) and corefer(c, d):
                    union(c.id, d.id)
                    break

    # 3b. an undated mention still alone, of an act its own article dates once ("the fourth body
    # recovered from the site belonged to X" / "found the body inside Sunday"): that happening
    dated_in_article: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        if day_of(values[c.id]) and not unreal[c.id] and not state[c.id]:
            for art_id in c.articles:
                dated_in_article[art_id].add(c.id)
    for c in clusters:
        if (find(c.id) != c.id or len(members[c.id]) != 1 or values[c.id] is not None or unreal[c.id]
                or state[c.id] or len(c.articles) != 1 or not classes[c.id]):
            continue
        (only,) = c.articles
        hosts = {find(cid) for cid in dated_in_article.get(only, ()) if classes[cid] & classes[c.id]}
        if len(hosts) == 1:
            host = hosts.pop()
            if not any(other_doers(c, m) for m in members[host]):
                union(c.id, host)
    join_once_per_person(members, values, find, union)
    join_one_act_a_day_apart(clusters, values, unreal, state, find, union, doc_dates, limit=MAX_PER_KEY, members=members)

    # 4. an undated act of a named doer is the news of its article's day (``news_day``): it joins
    # the one happening of its class dated that day or the day before that shares a participant
    news: dict[int, str] = {}
    dated_roots: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        if (day := day_of(values[c.id])) and not unreal[c.id] and not state[c.id]:
            dated_roots[day].add(find(c.id))
    for root in [r for r in members if all(values[m.id] is None for m in members[r])]:
        day = news_day([f for m in members[root] for f in m.frames], doc_dates)
        if day is None:
            continue
        mine = set().union(*(classes[m.id] for m in members[root]))
        told_on = date.fromisoformat(day)
        hosts = {find(r) for back in (0, 1) for r in dated_roots.get((told_on - timedelta(days=back)).isoformat(), ())
                 if mine & set().union(*(classes[m.id] for m in members[r]))
                 and any(_shares(a, b) for a in members[root] for b in members[r])}
        if len(hosts) == 1:
            union(root, hosts.pop())
        else:
            news[root] = day

    period = story_period(list(doc_dates.values()))
    out = []
    for group_members in members.values():
        h = Happening(group_members, articles={a for c in group_members for a in c.articles})
        dated = [values[c.id] for c in group_members if values[c.id]]
        h.value = max(dated, key=lambda v: (precision_rank(v), bool(year_of(v)))) if dated else None
        if h.value is None:
            h.value = news.get(find(group_members[0].id))
            h.news_day = h.value is not None
        _place(h, period, doc_dates)
        out.append(h)
    _coarse_to_background(out)
    return out


def _open(value: str | None) -> bool:
    """Undated, or dated only to a month or week of a known year ("earlier this month"): a
    telling that may be of a happening another outlet dates to the day."""
    return value is None or (bool(year_of(value)) and day_of(value) is None and precision_rank(value) == 2)


def _within(value: str | None, day: str | None) -> bool:
    """A day inside the month or week a telling is dated to (any day, for an undated one)."""
    if value is None:
        return True
    if day is None:
        return False
    lo, hi = interval(value)
    return bool(lo and hi and lo[:10] <= day <= hi[:10])


def _day_of_root(group: Sequence[Cluster], values: dict[int, str | None]) -> str | None:
    """The day a happening (as joined so far) is dated to, by the first of its clusters that has one."""
    return next((d for m in group if (d := day_of(values[m.id]))), None)


#: At most this many happenings on one day can be read as one thing told in other words.
QUIET_DAY = 3


def _candidates(group: Sequence[Cluster], classes: dict[int, set[str]],
                figures: dict[int, frozenset[tuple[str, float]]] | None = None) -> list[tuple[Cluster, Cluster]]:
    """Pairs of one day's clusters that share a class, a family, a participant or a figure, at most
    ``MAX_PER_KEY`` clusters per key: blocked, never all pairs of a busy day."""
    index: dict[str, list[Cluster]] = defaultdict(list)
    for c in group:
        keys = {f"class:{k}" for k in classes[c.id]} | {f"family:{c.family}"} | {f"p:{p}" for p in c.participants} | {
            f"figure:{unit}:{value}" for unit, value in (figures or {}).get(c.id, ())}
        for k in keys:
            if len(index[k]) < MAX_PER_KEY:
                index[k].append(c)
    seen: set[tuple[int, int]] = set()
    out = []
    for lst in index.values():
        for i, a in enumerate(lst):
            for b in lst[i + 1:]:
                key = (min(a.id, b.id), max(a.id, b.id))
                if key not in seen:
                    seen.add(key)
                    out.append((a, b) if a.id < b.id else (b, a))
    return sorted(out, key=lambda ab: (ab[0].id, ab[1].id))
