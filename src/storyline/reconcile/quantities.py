"""Figures across articles: the same count (same counted thing, same population) compared by bounds.

A count is often reported at several moments ("at least 23 dead", "the toll rose to 29", "41
confirmed dead"), so figures are grouped by what they count rather than by event time. Casualty
counts are typed by the count word nearest the figure: the dead, the wounded, casualties (killed
or wounded) and prisoners are four counts, never compared with each other; they link through
their population (a nationality counts as its country). Other figures group by event family and
counted noun, linked through shared participants (a figure naming no participant joins the
largest group of its kind, the usual case in a one-story corpus). A part of a group of known size
("three of its 20 pumps failed") is compared only with parts of that size told in that role;
other parts ("8,000 of them", "two engineers and their interpreter", "900 still there, out of
the 1,500 deployed") and an order of magnitude ("dozens") are not compared.
Within a group, figures whose bounds overlap agree ("over 11,000" and "more than 10,000").
Disagreeing figures are judged pairwise (``figure_pairs.pair_kind``), dates before sources, with
sources under their canonical name (``sources.SourceNames``: "the NIS" is the National
Intelligence Service):

- ``changed_over_time``: the two figures hold at different dates (the date the sentence gives,
  or the date of a dated article);
- ``attributed_estimates``: different sources about the same moment (within a week), when either
  figure is an estimate (approximate, bounded, hedged, "estimated") or a running toll; two
  sources' exact counts of one thing contradict;
- ``contradiction``: the same or unknown sources about the same moment, or two sources' exact
  counts of one done act, each dated only by its article, a few days apart.

Figures that agree but are credited to different sources, at least one a closed estimate ("about
5,200" against "more than 4,000"), are a spread of ``attributed_estimates`` too; two open bounds
("over 11,000", "more than 10,000") and unattributed figures never start one.
Increments ("an additional 300") are never compared with totals (more sent, "deployed 1,500
additional officers", is that sending's size and is compared); a price's move over one whole
day ("closed 14.2 percent lower on Monday") is compared with other outlets' moves of that thing
that day only (``figure_pairs.pair_kind``).

How one figure reads in its sentence is ``figure_reading`` (what it counts, a part, a move, no
total at all), when it holds ``figure_dates``, whose it is ``figure_holders``.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from storyline import lexicon
from storyline.extract.measures import CURRENCY_CODES, PERCENT, told_from
from storyline.extract.quantities import DIFFERENCE, FREQUENCY
from storyline.model import Article, Conflict, ConflictValue, Quantity
from storyline.reconcile.figure_dates import SentenceTimes, written_day
from storyline.reconcile.figure_echoes import add_echoes
from storyline.reconcile.figure_holders import (
    by_holder,
    by_scope,
    by_whom,
    counts_things,
    holder_of,
    join_unowned_sums,
    one_name_per_holder,
    payers,
    penalties,
)
from storyline.reconcile.figure_misprints import as_classes, counts_people, misprint_pairs
from storyline.reconcile.figure_pairs import REASONS, Figure, measure, misprinted, pair_kind, value_bounds
from storyline.reconcile.figure_reading import (
    RUNNING_COUNTS,
    act_family,
    change_family,
    counted,
    day_move,
    doers,
    not_compared,
    partitive,
    place_scope,
    staying,
)
from storyline.reconcile.figure_series import FigureClass, odd_between, passed_points, revisions
from storyline.reconcile.figure_slots import (
    Groups,
    join_alike_measures,
    join_beside,
    join_events,
    join_misprints,
    join_named,
    join_roles,
    join_wholes,
    unit_class_of,
)
from storyline.reconcile.figure_totals import total_pairs
from storyline.reconcile.frames import Frame
from storyline.reconcile.memo import digest

SourceKey = Callable[[Frame], str]


#: A whole number as written: its significant digits and the zeros after them ("23,700").
_WRITTEN = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d|\s*(?:million|billion|thousand|m|bn)\b)")
#: Significant digits from which an approximate figure is read to its last digit.
_PRECISE_DIGITS = 3


def _told_bounds(q: Quantity) -> tuple[float, float]:
    """The bounds a figure is compared with: "about 23,700" is known to the hundred, so it is
    23,700 give or take a hundred, not give or take a tenth; a rounder approximation ("about
    23,000", "some 300") keeps the figure's own tenth either side."""
    lo, hi = value_bounds(q)
    if not q.approximate or hi == math.inf or lo == 0.0:
        return lo, hi
    found = _WRITTEN.findall(q.text)
    if len(found) != 1:
        return lo, hi
    digits = found[0].replace(",", "")
    significant = digits.rstrip("0")
    if len(significant) < _PRECISE_DIGITS or not lo < int(digits) < hi:
        return lo, hi
    step = 10 ** (len(digits) - len(significant))
    return int(digits) - step, int(digits) + step


def _norm_attr(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"^(the|a|an)\s+", "", text.lower().strip())
    return re.sub(r"[^a-z0-9 ]+", "", t).strip() or None


#: Event families whose counts of persons are one count whatever noun counts them ("detained two
#: people" / "three men were arrested"): data/lexicon/figures.json person_families.
_PERSON_FAMILIES = lexicon.words("figures", "person_families")


def _persons(family: str, counted: str) -> str:
    """What a figure of ``family`` counts: persons of any noun as people when the family counts
    people ("detained two people" / "three men were arrested" / "23 fishermen held")."""
    return "people" if family in _PERSON_FAMILIES and counts_people(counted) else counted


def _by_population(key: tuple[str, ...]) -> bool:
    """A casualty count, or persons counted by a family that counts people (the arrested), links
    through its population, not through whichever participants its sentence names ("23 fishermen
    were detained, 14 from the Zelmitra" / "the 32 fishermen detained since Sunday")."""
    return key[0] == "casualty" or (key[0] in _PERSON_FAMILIES and len(key) > 1 and key[1] == "people")


def figure_groups(frames: Sequence[Frame], articles: dict[str, Article],
                  canon: Callable[[str | None], str | None] | None = None,
                  event_of: Mapping[str, str] | None = None,
                  every: list[Figure] | None = None, counts: dict[int, str] | None = None,
                  kinds: dict[int, tuple[str, ...]] | None = None) -> list[list[Figure]]:
    """Figures grouped by what they count; near-linear (one representative per key). ``every``,
    when given, receives every figure read, grouped or not; ``counts`` what each counts, by the
    figure's id (``count_type``); ``kinds`` the key each is slotted by.

    Casualty counts (the dead, the wounded, casualties, prisoners) form one slot per count type:
    a running total reported on different days is the same quantity at another date. Other
    figures join through a shared participant, and one naming no participant joins the largest
    group of its kind. Figures of one happening (``event_of``: a claim's event) that count the
    same noun are one slot whatever verb tells them ("61 members backed the bill" / "60
    members voted for it"; "the lake peaked at 3.40 metres" / "reached 3.10 metres")."""
    items: list[Figure] = []
    keys: list[tuple[str, ...]] = []
    seen: set[tuple[str, int, int]] = set()
    bodies: dict[str, bytes] = {}  # a digest of each article's body, made once
    times = SentenceTimes.of(frames)
    scopes: dict[int, str] = {}  # where each figure counts, when its clause says (``place_scope``)
    for f in frames:
        if not f.quantities:
            continue
        body = articles[f.article_id].body
        if f.article_id not in bodies:
            bodies[f.article_id] = digest(body)
        family = change_family(f.family)
        for q in f.quantities:
            part, whole_of = partitive(q, body)
            move = bool(q.increment and day_move(f, q, body))
            if not_compared(f, q, body, part=part, move=move):
                continue
            u = counted(f, q, body, bodies[f.article_id])
            if u is None or (f.claim.id, q.start, q.end) in seen or (whole_of is not None and u in RUNNING_COUNTS):
                continue  # a casualty count's part ("30 of the injured") is told under another predicate
            seen.add((f.claim.id, q.start, q.end))
            attr = canon(f.claim.attribution) if canon is not None else _norm_attr(f.claim.attribution)
            article = articles[f.article_id]
            dated = times.dated(f, q, article)
            writing = written_day(article)
            as_of = dated or writing
            items.append(Figure(f, q, as_of, attr, written=dated is None and as_of is not None, move=bool(move),
                                told_on=times.said_on(f, article), writing=writing))
            if (where := place_scope(f, q, body)) is not None:
                scopes[id(items[-1])] = where
            if counts is not None:
                counts[id(items[-1])] = u
            # a qualified noun ("173 rejected ballots") counts the same things whichever event
            # tells it; an unqualified one is read with its event's family
            # ... and a difference ("led by 312 votes") is the gap in its doer's favour: one
            # candidate's lead is not the other's; so is a share held by its doer ("Pelverin owns 4.8
            # per cent of X" is not what another holder owns)
            keys.append(("whole", u) if part and whole_of is None and not q.qualifier else
                        ("part", (q.role or "").rpartition(" ")[2] or family, u, str(whole_of))
                        if part and whole_of is not None else
                        ("move", *(unit_class_of(d) or d for d in doers(f))) if move else
                        # how often an act was done is whose act it was: "the firm flew its old rocket
                        # four times" is not the new rocket's eleven flights, nor one runner's races another's
                        ("frequency", family, *_frequency_doers(f)) if q.unit == FREQUENCY else
                        ("casualty", u) if u in RUNNING_COUNTS else
                        ("qualified", f"{q.qualifier} {u}", *doers(f)) if q.qualifier == DIFFERENCE else
                        # a share of a whole, named by the whole's head noun ("of the carrier bolt" /
                        # "of a steel bolt": the bolt)
                        ("qualified", f"{q.qualifier.split()[-1]} {u}", *(doers(f) if _holds(f, q) else ()))
                        if q.qualifier and u == PERCENT else
                        ("measured", *holder_of(measure(q.qualifier), f.participants), u)
                        if q.qualifier and q.unit in CURRENCY_CODES else
                        (family, u, q.qualifier or "") if told_from(q) else
                        (fam, _persons(fam, u)) if q.qualifier and (fam := act_family(q.qualifier)) else
                        ("qualified", f"{q.qualifier} {u}") if q.qualifier else
                        ("qualified", f"staying {u}") if staying(q, body) else
                        (family, _persons(family, u)))
    items, keys = _last_of_a_series(items, keys)
    keys = one_name_per_holder(keys)
    if every is not None:
        every.extend(items)
    if kinds is not None:
        kinds.update((id(it), key) for it, key in zip(items, keys, strict=True))
    uf = Groups()
    for _ in items:
        uf.add()
    join_roles(uf, items, keys)
    if event_of:
        join_events(uf, items, keys, event_of)
    join_named(uf, items, keys)
    join_beside(uf, items, keys)
    join_wholes(uf, items, keys)
    join_misprints(uf, items, keys)
    join_alike_measures(uf, items, keys)
    first: dict[tuple[str, ...], int] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        # a casualty count links through its population (nationalities as their country), so
        # running totals from different days and outlets meet; a sum with its holder and measure
        # ("pelverin: offer") is its own slot; other counts link through any participant
        links = [("",)] if key[0] == "measured" and key[1] else \
            [(p,) for p in (it.frame.canon if _by_population(key) else it.frame.participants)]
        for p in links:
            k = (*key, *p)
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i
    join_unowned_sums(uf, keys, items)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        comps[uf.find(i)].append(i)
    # figures naming no participant join the largest group of their kind
    largest: dict[tuple[str, ...], int] = {}
    def named(i: int) -> bool:
        if keys[i][0] == "measured" and keys[i][1]:
            return True
        return bool(items[i].frame.canon if _by_population(keys[i]) else items[i].frame.participants)

    for root, members in comps.items():
        if named(members[0]):
            key = keys[members[0]]
            if key not in largest or len(members) > len(comps[largest[key]]):
                largest[key] = root
    out: dict[int, list[Figure]] = defaultdict(list)
    alone: dict[tuple[str, ...], int] = {}  # the first group naming nobody, per key with no named group
    for root, members in comps.items():
        key = keys[members[0]]
        target = root
        # ... a group joined from figures of several keys (one happening told with two verbs:
        # "arresting 38 people" / "38 people were arrested") joins by any of them, when one alone
        # has a named group
        targets = {largest[k] for i in members if (k := keys[i]) in largest}
        if not named(members[0]) and key in largest:
            target = largest[key]
        elif not named(members[0]) and len(targets) == 1:
            target = targets.pop()
        elif not named(members[0]) and (key[0] == "casualty" or counts_things(items[members[0]], key)):
            # figures of one verb's family and one noun that name nobody ("its 19 crew remain on
            # board" / "all 17 crew members remain on board") count one thing; so do a story's
            # casualty counts of one type when no telling names whose ("eleven miners are
            # missing" / "we have eight miners we cannot yet account for")
            target = alone.setdefault(key, root)
        out[target].extend(items[i] for i in members)
    holder = payers(items, keys)
    groups = [part for root, g in out.items()
              for whole in (by_whom(g) if keys[root][0] == "casualty" else by_holder(g, holder))
              for part in by_scope(whole, scopes)]
    return [g for g in groups if len({i.frame.claim.id for i in g}) >= 2]




#: First-person subjects: who they are is the sentence's teller.
_FIRST_PERSON = frozenset({"i", "we"})


def _frequency_doers(f: Frame) -> tuple[str, ...]:
    """Who did an act counted by how often ("I have run this race eight times": the teller)."""
    if any(a.strip().lower() in _FIRST_PERSON for a in f.claim.agents):
        return (f"teller:{f.claim.attribution or f.article_id}",)
    return doers(f)


#: Verbs whose subject holds the share its figure gives: data/lexicon/figures.json holding_verbs.
_HOLDING = lexicon.words("figures", "holding_verbs")


def _holds(f: Frame, q: Quantity) -> bool:
    """The figure's clause says who holds its share ("Pelverin owns 4.8 per cent of X", "X, which
    owns 6.2 per cent of Y, rejected the plan": the verb the figure is the object of)."""
    return (f.claim.predicate or "").lower() in _HOLDING or (q.role or "").rpartition(" ")[2].lower() in _HOLDING


_RANGE_BETWEEN = re.compile(r"\s*(?:and|to|or|-|–)\s*")


def _last_of_a_series(items: list[Figure], keys: list[tuple[str, ...]]) -> tuple[list[Figure], list[tuple[str, ...]]]:
    """One sentence giving several sums of money of one size ("first offered $14.20 a share and
    raised that to $15.60 on June 8"; "$14.20, then $15.60, before its final offer of $17.10")
    tells a series, and its date is the last one's: the earlier ones held before, at a time it
    does not say. A sum of another size in the sentence ("valuing the company at $2.3 billion")
    is another measure, and so are the penalties of several payers ("Tallask was fined €150 million,
    Jorvane €95 million"): a list, each the latest of its own. (Only a penalty's holder is its payer
    for sure; another sum's may be who estimates it.)"""
    by_claim: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    holder = payers(items, keys)
    fines = penalties(items, keys)
    for it in items:
        if it.quantity.unit in CURRENCY_CODES:
            by_claim[(it.frame.claim.id, it.quantity.unit or "")].append(it)
    earlier: set[int] = set()
    for told in by_claim.values():
        for band in _magnitudes(told, keep_single=True):
            if len({holder[id(i)] for i in band if id(i) in holder}) > 1 or all(id(i) in fines for i in band):
                continue  # penalties of a list: each payer's
            ordered = sorted(band, key=lambda i: i.quantity.start)
            text = ordered[0].frame.claim.text
            base = ordered[0].frame.claim.span[0]
            if any(_RANGE_BETWEEN.fullmatch(text[a.quantity.end - base : b.quantity.start - base])
                   for a, b in pairwise(ordered)):
                continue  # "between $1bn and $3bn": one range the extraction read as two figures
            earlier |= {id(i) for i in ordered[:-1]}
    kept = [(it, key) for it, key in zip(items, keys, strict=True) if id(it) not in earlier]
    return [it for it, _ in kept], [key for _, key in kept]


#: Sums of one slot this many times apart are not one figure misreported but two measures (a
#: price per share and the bid's total value).
MAGNITUDE = 20.0


#: Other figures of one slot this many times apart are two measures too: a misreported count changes
#: a digit, not its order of magnitude ("3.14 tarins a kilowatt-hour" and "3,140 tarins a
#: megawatt-hour", a currency the lexicon does not know, are one price in two units).
COUNT_MAGNITUDE = 100.0


def _magnitudes(group: list[Figure], *, keep_single: bool = False) -> list[list[Figure]]:
    """A group split where values jump by more than ``MAGNITUDE`` (sums of money) or
    ``COUNT_MAGNITUDE`` (other figures): parts of one sentence's figures only, unless ``keep_single``."""
    if not group:
        return [group]
    factor = MAGNITUDE if group[0].quantity.unit in CURRENCY_CODES else COUNT_MAGNITUDE
    ordered = sorted(group, key=lambda i: value_bounds(i.quantity)[0])
    out: list[list[Figure]] = [[ordered[0]]]
    for it in ordered[1:]:
        lo = max(value_bounds(out[-1][-1].quantity)[1], 1e-9)
        if value_bounds(it.quantity)[0] > factor * lo:
            out.append([it])
        else:
            out[-1].append(it)
    return out if keep_single else [g for g in out if len({i.frame.claim.id for i in g}) >= 2]


def _classes(items: list[Figure]) -> list[FigureClass]:
    """Figures whose bounds overlap, narrowest first. An open bound ("up to 120", "at least 80")
    overlaps many values: it joins the one it names when another figure gives that value ("up to
    120" beside an exact 120), else the one it overlaps; one that overlaps several values and
    names none of them ("at least 18" beside 24 and 31) sides with none, and disputes none."""
    classes: list[FigureClass] = []
    bounded = sorted(((_told_bounds(x.quantity), x) for x in items), key=lambda b: (b[0][1] - b[0][0], b[1].frame.id))
    for (lo, hi), it in bounded:
        overlapping = [c for c in classes if lo <= c.hi and c.lo <= hi]
        named = lo if hi == math.inf else hi if lo == 0.0 else None
        c = next((c for c in overlapping if named is not None and c.lo <= named <= c.hi), None)
        if c is None and named is not None and len(overlapping) > 1:
            continue
        c = c or (overlapping[0] if overlapping else None)
        if c is not None:
            c.lo, c.hi = max(c.lo, lo), min(c.hi, hi)
            c.items.append(it)
        else:
            classes.append(FigureClass(lo, hi, [it]))
    return classes


def _pairwise(values: list[set[str]], differ: Callable[[str, str], bool]) -> bool:
    """Every pair of groups differs in every pair of their members (and none is empty)."""
    if any(not v for v in values):
        return False
    return all(
        differ(a, b) for i in range(len(values)) for j in range(i + 1, len(values)) for a in values[i] for b in values[j]
    )


def _value(label: str, items: Sequence[Figure], key: SourceKey) -> ConflictValue:
    frames = [i.frame for i in items]
    return ConflictValue(
        value=label,
        article_ids=list(dict.fromkeys(f.article_id for f in frames)),
        claim_ids=list(dict.fromkeys(f.claim.id for f in frames)),
        texts=list(dict.fromkeys(f.claim.text for f in frames)),
        sources=sorted({i.frame.claim.attribution or key(i.frame).split(":", 1)[-1] for i in items}),
        spans=list(dict.fromkeys((i.quantity.start, i.quantity.end) for i in items)),  # the figures themselves
    )


def quantity_conflicts(frames: Sequence[Frame], articles: dict[str, Article], *, key: SourceKey,
                       canon: Callable[[str | None], str | None] | None = None,
                       event_of: Mapping[str, str] | None = None) -> list[Conflict]:
    out: list[Conflict] = []
    revised = revisions(frames, articles)
    every: list[Figure] = []
    counts: dict[int, str] = {}
    kinds: dict[int, tuple[str, ...]] = {}
    told_apart: list[set[int]] = []  # the figures of each contradiction found in a slot
    slot_of: dict[int, int] = {}  # each compared figure's slot, by its id
    for n, group in enumerate(part for whole in figure_groups(frames, articles, canon, event_of, every, counts, kinds)
                              for part in _magnitudes(whole)):
        slot_of.update((id(i), n) for i in group)
        what = _what([counts[id(i)] for i in group])
        classes = _classes(group)
        if len(classes) == 1:
            spread = _spread(group, what, key)
            if spread is not None:
                out.append(spread)
            continue
        # pairs are judged per (class, source, date) bucket, not per figure: the work grows with
        # the number of distinct readings, not with the square of the figures
        buckets: dict[tuple[int, str | None, str | None], list[Figure]] = defaultdict(list)
        for n, c in enumerate(classes):
            for i in c.items:
                buckets[(n, i.attribution, i.as_of)].append(i)
        blist = list(buckets.items())
        passed = passed_points(group)
        odd = set() if what in RUNNING_COUNTS else odd_between(classes)
        # who gives each class's value, when: an article that gives both values of a pair on its
        # own word at one time tells parts and their whole ("12 rescued by the lifeboat, 9 by the
        # trawler, 21 in all"), so its part set against another outlet's whole is no dispute
        giving = [{(i.frame.article_id, i.attribution, i.as_of) for i in c.items} for c in classes]
        tellers = [{i.frame.article_id for i in c.items} for c in classes]
        pairs: dict[str, set[int]] = defaultdict(set)
        judged: list[tuple[str, int, int, set[int], bool]] = []
        disputed: set[frozenset[int]] = set()  # classes told differently for one same day
        for x in range(len(blist)):
            for y in range(x + 1, len(blist)):
                (ca, _, _), ia = blist[x]
                (cb, _, _), ib = blist[y]
                if ca == cb or {i.frame.claim.id for i in ia} == {i.frame.claim.id for i in ib}:
                    continue
                kind = pair_kind(ia[0], ib[0], running=what in RUNNING_COUNTS)
                undated = kind is None and (ia[0].as_of is None or ib[0].as_of is None)
                if (kind in ("changed_over_time", "attributed_estimates") or undated) \
                        and misprinted(ia[0].quantity, ib[0].quantity) \
                        and min(len(tellers[ca]), len(tellers[cb])) == 1 and not tellers[ca] & tellers[cb] \
                        and not (ia[0].running_told and ib[0].running_told):
                    # one outlet's copy with two digits swapped: no change, no estimate, and not a
                    # figure of an unknown moment either (an undated page's "71 were injured" beside
                    # everyone's 17); a count both tell as running ("now has 43 patients", two days
                    # later "now has 34") may move so
                    kind = "contradiction"
                if kind == "changed_over_time" and ((ca, cb) in odd or (cb, ca) in odd):
                    kind = "contradiction"  # one outlet's figure between the others' same one: no change
                if kind == "contradiction" and frozenset((ia[0].quantity.low, ib[0].quantity.low)) in revised:
                    kind = "changed_over_time"  # a sentence tells the one revised into the other
                if kind == "contradiction" and (all(id(i) in passed for i in ia) or all(id(i) in passed for i in ib)):
                    continue  # a point its own article later updated is no one's last word
                if kind == "contradiction" and (_part_beside(ia, classes[ca], giving[cb], classes[cb])
                                                or _part_beside(ib, classes[cb], giving[ca], classes[ca])):
                    continue  # a part beside its whole in one article
                if kind is not None:
                    judged.append((kind, ca, cb, {id(i) for i in (*ia, *ib)}, ia[0].estimate or ib[0].estimate))
                if kind == "contradiction" and ia[0].as_of == ib[0].as_of and len(ia[0].as_of or "") == 10 \
                        and not (ia[0].written or ib[0].written or ia[0].running_told or ib[0].running_told):
                    disputed.add(frozenset((ca, cb)))
        for kind, ca, cb, ids, estimated in judged:
            if kind == "changed_over_time" and what not in RUNNING_COUNTS and not estimated \
                    and frozenset((ca, cb)) in disputed:
                # two exact values that contradict each other on one day are not a change at
                # another: a later telling of either repeats its side ("98 metres down" / "a depth
                # of 112 metres" on one day, "lies at 112 metres" a week later); a running count
                # or an estimate ("around 800", later "about 1,100") may move
                kind = "contradiction"
            pairs[kind] |= ids
        for kind in ("contradiction", "attributed_estimates", "changed_over_time"):
            if kind not in pairs:
                continue
            involved = [c for c in ([FigureClass(c.lo, c.hi, [i for i in c.items if id(i) in pairs[kind]])
                                      for c in classes]) if c.items]
            if len(involved) < 2:
                continue
            if kind == "contradiction" and what not in RUNNING_COUNTS:
                add_echoes(involved, every)
            if kind == "contradiction":
                told_apart.append({id(i) for c in involved for i in c.items})
            out.append(_conflict(kind, involved, what, key))
    def reported(a: Figure, b: Figure) -> bool:
        """Whether a contradiction found so far holds both figures."""
        return any(id(a) in ids and id(b) in ids for ids in told_apart)

    # a swap of digits in one outlet's copy whose noun is worded otherwise: no slot compared it
    for pair in misprint_pairs(every, counts, kinds, slot_of, RUNNING_COUNTS, reported):
        k = _conflict("contradiction", as_classes(pair), counts.get(id(pair[0][0])) or "figures", key)
        k.explanation += " The digits of one are the other's swapped: one outlet's copy of one figure."
        out.append(k)
        told_apart.append({id(f) for side in pair for f in side})
    # the size of a whole told as "all N", worded otherwise in each outlet
    for pair in total_pairs(every, counts, kinds, RUNNING_COUNTS, reported):
        k = _conflict("contradiction", as_classes(pair), counts.get(id(pair[0][0])) or "figures", key)
        k.explanation += " Each is told as the whole ('all ...'): one set sized two ways."
        out.append(k)
    return out


def _what(types: list[str]) -> str:
    """What a slot's figures count (``types``, each figure's): a casualty count when any of them is
    one ("eleven miners are missing" beside "we have eight miners we cannot yet account for", joined
    by their event), which its sources update as they go; else what its first figure counts."""
    running = [t for t in types if t in RUNNING_COUNTS]
    return max(dict.fromkeys(running), key=running.count) if running else types[0] or "figures"


def _part_beside(bucket: list[Figure], own: FigureClass, giving: set[tuple[str, str | None, str | None]],
                 whole: FigureClass) -> bool:
    """The bucket's figures are smaller than the other class's and an article of theirs gives
    that other value too, on the same word and at the same time: a part told beside its whole."""
    return own.hi < whole.lo and any((i.frame.article_id, i.attribution, i.as_of) in giving for i in bucket)


def _conflict(kind: str, classes: list[FigureClass], what: str, key: SourceKey) -> Conflict:
    classes = sorted(classes, key=lambda c: (-len({i.frame.article_id for i in c.items}), c.lo))
    if kind == "changed_over_time":
        classes.sort(key=lambda c: min(i.as_of or "9999" for i in c.items))
    values = [_value(c.label(), c.items, key) for c in classes]
    winner = None
    if kind == "contradiction":
        counts = [len({key(i.frame) for i in c.items}) for c in classes]
        winner = values[0].value if counts[0] > counts[1] else None
    elif kind == "changed_over_time":
        winner = max(classes, key=lambda c: max(i.as_of or "" for i in c.items)).label()
    return Conflict(
        id="", slot="quantity", kind=kind,  # type: ignore[arg-type]
        values=values,
        explanation=f"Different counts of {what}: " + "; ".join(
            f"{v.value} ({', '.join(v.sources)})" for v in values) + f" — {REASONS[kind]}."
        + (f" The latest figure is {winner}." if kind == "changed_over_time" and winner else ""),
        best_supported=winner,
    )


def _spread(group: list[Figure], what: str, key: SourceKey) -> Conflict | None:
    """Agreeing figures from different sources that still differ: a spread of estimates when at
    least one is a closed estimate ("about 5,200" against "more than 4,000"). Two open bounds
    ("over 11,000", "more than 10,000") or an unattributed figure never start one."""
    attrs = {i.attribution for i in group}
    if None in attrs or len(attrs) < 2:
        return None
    if not any(i.quantity.low is not None and i.quantity.high is not None for i in group):
        return None
    if len({(i.quantity.low, i.quantity.high) for i in group}) < 2:
        return None
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for i in group:
        by_source[i.attribution or ""].append(i)
    values = [_value(" / ".join(dict.fromkeys(i.quantity.text for i in its)), its, key)
              for _, its in sorted(by_source.items())]
    return Conflict(
        id="", slot="quantity", kind="attributed_estimates", values=values,
        explanation=(f"Estimates of {what} from {len(by_source)} sources differ but their ranges overlap: "
                     + "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in values)
                     + ". A spread of attributed estimates, not a contradiction."),
        best_supported=None,
    )
