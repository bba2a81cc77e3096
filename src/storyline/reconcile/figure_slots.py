"""Which figures count one thing: the joins that make a slot of figures told with different
verbs, by different outlets (``quantities.figure_groups`` keys each figure by its verb family and
counted noun first, then calls these).

- ``join_roles``: figures in the same role of the same kind of event ("1,400 members walked out" /
  "some 1,900 bakery workers downed tools");
- ``join_events``: figures of one happening that count one noun;
- ``join_named``: figures of one noun about one named participant at one date ("38 patients were
  moved out of X" / "52 patients were evacuated from X");
- ``join_beside``: figures of one noun told beside the same other figure ("three crates holding
  40,000 marks" / "14,000 marks packed into three crates").

Each join leaves out an article that gives several figures of the slot: it tells parts or
readings, not one figure.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence

import numpy as np

from storyline.extract.measures import CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT, told_from
from storyline.extract.quantities import DIFFERENCE, GENERIC_COUNTED
from storyline.reconcile import memo
from storyline.reconcile.compare import unit_class
from storyline.reconcile.figure_pairs import Figure, digits, measure

unit_class_of = memo.pure(4096)(unit_class)
"""``compare.unit_class`` kept per unit (a pure function of the word): ``count_type`` asks it for
every figure of the story on every update."""




class Groups:
    """Union-find over items, keyed by shared (family, unit, participant)."""

    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _join_slots(uf: Groups, items: list[Figure], slots: Mapping[int, Sequence[Hashable]]) -> None:
    """Union the figures that share a slot key, each once per key, leaving out an article that
    gives several values under one key: its figures are parts or readings, not one figure."""
    told: dict[tuple[Hashable, str], set[tuple[float | None, float | None]]] = defaultdict(set)
    for i, keys in slots.items():
        for k in keys:
            told[(k, items[i].frame.article_id)].add((items[i].quantity.low, items[i].quantity.high))
    first: dict[Hashable, int] = {}
    for i, keys in slots.items():
        for k in keys:
            if len(told[(k, items[i].frame.article_id)]) > 1:
                continue
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i


def join_roles(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """Figures in the same role of the same kind of event count the same thing: "1,400 members
    walked out" and "some 1,900 bakery workers downed tools" both count the strikers, "$38 million
    was moved" and "$83 million was moved" the money moved; "187 homes destroyed" counts what "212
    homes were destroyed" does. Their nouns must agree (same word or class) unless one is a
    generic count ("people", "members"), which takes the noun of the rest. Casualty counts have
    their own slots, and so do percentages: what a share is of, and whose, is their slot
    (``extract.measures.percent_of``), not the role of a noun they do not count."""
    by_role: dict[str, list[int]] = defaultdict(list)
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        if key[0] in ("casualty", "whole", "part") or it.quantity.unit == PERCENT or (key[0] == "measured" and key[1]):
            continue  # ... and a sum whose holder is named has its holder's slot ("fined X 24 million")
        if it.quantity.role:
            by_role[it.quantity.role].append(i)
        q = it.quantity.qualifier
        if q and q != DIFFERENCE and it.quantity.role != f"patient {q}" and not told_from(it.quantity):
            by_role[f"patient {q}"].append(i)  # "187 homes destroyed": the homes that were destroyed
    for members in by_role.values():
        first: dict[str | None, int] = {}
        generic: list[int] = []
        for i in members:
            unit = items[i].quantity.unit
            noun = unit_class_of(unit)
            if unit is not None and unit.lower() in GENERIC_COUNTED:
                generic.append(i)
            elif noun in first:
                uf.union(first[noun], i)
            else:
                first[noun] = i
        for i in generic:
            for j in [*first.values(), *generic]:
                uf.union(j, i)


def join_events(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]], event_of: Mapping[str, str]) -> None:
    """Figures of one happening that count one noun (same word or class) are one slot, whatever
    family their verbs are of. Casualty counts and sums with their measure have slots of their
    own already; a share and a difference say whose they are, not what happened."""
    slots: dict[int, list[tuple[str, str | None, str | None]]] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        q = it.quantity
        if key[0] in ("casualty", "measured", "whole", "part") or q.unit is None or q.unit == PERCENT or q.qualifier == DIFFERENCE:
            continue
        if q.unit.lower() in GENERIC_COUNTED or told_from(q):
            continue  # "people", "members": what they count is the verb's; a position ("2 km from X") has its own key
        event = event_of.get(it.frame.claim.id)
        if event is not None:
            # a reading says what it measures ("a gust of 130 km/h" is no sustained wind of 90 km/h)
            measured = q.qualifier if q.unit.lower() in MEASUREMENT_UNITS else None
            slots[i] = [(event, unit_class_of(q.unit), measured)]
    # a reading that does not say what it measures ("lies 40 metres down") is the event's one
    # measure of that unit ("a depth of 45 metres"), when the event has only one
    told: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for ((event, unit, measured),) in slots.values():
        if measured is not None:
            told[(event, unit)].add(measured)
    for i, ((event, unit, measured),) in list(slots.items()):
        if measured is None and len(told[(event, unit)]) == 1:
            slots[i] = [(event, unit, next(iter(told[(event, unit)])))]
    _join_slots(uf, items, slots)


def join_named(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """Figures of one noun about one named participant at one date are one slot whatever verb
    tells them ("38 patients were moved out of the Harnfold Clinic on Friday" / "52 patients
    were evacuated from the Harnfold Clinic"): outlets tell one act with many verbs, and the verb families of
    ``figure_groups`` keep them apart. An article that gives several figures of that noun and
    participant that day tells parts or readings, not one figure, and stays out."""
    slots: dict[int, list[tuple[str, str | None, str]]] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        q = it.quantity
        if key[0] in ("casualty", "measured", "move", "whole", "part") or q.unit is None or q.unit == PERCENT \
                or q.qualifier == DIFFERENCE or q.unit.lower() in GENERIC_COUNTED or it.running_told \
                or q.unit.lower() in MEASUREMENT_UNITS:
            continue  # a running total ("now has 85 rescuers") or a reading (a gauge's metres) is a state
        day = it.as_of or ""
        if len(day) < 10:
            continue
        slots[i] = [(p, unit_class_of(q.unit), day) for p in it.frame.participants]
    _join_slots(uf, items, slots)


def join_beside(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """Figures of one noun told beside the same other figure are one slot whatever verb tells
    them ("three crates holding 40,000 marks were found" / "had packed about 14,000 marks into
    three crates"): the figure beside them says which things they count. An article
    giving several figures of that noun beside it tells parts, not one figure."""
    told: dict[str, list[tuple[float | None, str | None]]] = defaultdict(list)
    for it in items:
        told[it.frame.claim.id].append((it.quantity.low, unit_class_of(it.quantity.unit)))
    slots: dict[int, list[tuple[float | None, str | None, str | None]]] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        q = it.quantity
        if key[0] in ("casualty", "move", "whole", "part") or q.unit is None or q.unit == PERCENT or q.qualifier == DIFFERENCE \
                or q.unit.lower() in GENERIC_COUNTED or told_from(q):
            continue  # "241 people, among them two pilots": what "people" counts is the verb's
        unit = unit_class_of(q.unit)
        beside = {(v, u) for v, u in told[it.frame.claim.id] if u is not None and u != unit and v is not None}
        slots[i] = [(v, u, unit) for v, u in beside]
    _join_slots(uf, items, slots)


_WHOLE = re.compile(r"\ball\s+(?:the\s+|of\s+the\s+)?$", re.IGNORECASE)


def join_wholes(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """Figures that count the whole of a group ("all 23 crew members were lifted off" / "plucked
    all 25 crew from the tanker") of one noun at one date are one slot whatever verb tells them:
    a group has one size, however outlets tell what happened to it. An article giving several
    wholes of that noun that day tells different groups and stays out."""
    slots: dict[int, list[tuple[str | None, str]]] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        q, claim = it.quantity, it.frame.claim
        if key[0] in ("casualty", "measured", "move", "whole", "part") or q.unit is None or q.unit == PERCENT \
                or q.qualifier == DIFFERENCE or q.unit.lower() in GENERIC_COUNTED or it.estimate:
            continue
        day = it.as_of or ""
        if len(day) < 10 or not _WHOLE.search(claim.text[: max(0, q.start - claim.span[0])]):
            continue
        slots[i] = [(unit_class_of(q.unit), day[:10])]
    _join_slots(uf, items, slots)


#: How alike two sentences must read (cosine of their static MiniLM vectors) for two figures to be
#: one telling told again: transposed digits, one reading given two ways, a dispute's side told by
#: another outlet (``figure_echoes``); set, not learned.
MISPRINT_LIKENESS = 0.7


def sentence_vectors(texts: set[str]) -> dict[str, np.ndarray]:
    """Each sentence's static MiniLM vector, by its text (one batch, in a stable order)."""
    from storyline.extract.embed import embed

    ordered = sorted(texts)
    return dict(zip(ordered, embed(ordered), strict=True))


#: How alike the sentences of two counts whose three or more digits are each other's transposed
#: must read: such a swap of one counted noun's digits is itself evidence of one figure, so less
#: likeness is asked than of two readings told two ways (two-digit values, readings in units of
#: measurement and sums of two different measures keep ``MISPRINT_LIKENESS``). Measured over the
#: stories (session 32).
TRANSPOSED_LIKENESS = 0.55
TRANSPOSED_DIGITS = 3


def _transposed_likeness(a: Figure, b: Figure, written: tuple[int, str]) -> float:
    """The likeness asked of two transposed figures (``TRANSPOSED_LIKENESS`` or the stricter one)."""
    unit = a.quantity.unit or ""
    if len(written[1]) < TRANSPOSED_DIGITS or unit.lower() in MEASUREMENT_UNITS:
        return MISPRINT_LIKENESS
    if unit in CURRENCY_CODES:
        ma, mb = (measure(x.quantity.qualifier)[1] if x.quantity.qualifier else "" for x in (a, b))
        if not ma or ma != mb:
            return MISPRINT_LIKENESS  # "lend it €120 million" / "cash of €210 million": two measures
    return TRANSPOSED_LIKENESS


def _join_alike(uf: Groups, items: list[Figure], pairs: list[tuple[int, int]], likeness: float = MISPRINT_LIKENESS) -> None:
    """Join each pair whose two sentences read alike (``likeness``)."""
    if not pairs:
        return
    vectors = sentence_vectors({items[k].frame.claim.text for pair in pairs for k in pair})
    for i, j in pairs:
        if float(vectors[items[i].frame.claim.text] @ vectors[items[j].frame.claim.text]) >= likeness:
            uf.union(i, j)


def join_misprints(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """Figures of one counted noun whose digits are another's transposed ("2,400 soldiers were
    deployed" / "some 4,200 soldiers have been working") are one figure misprinted, whatever verb
    tells them (``figure_pairs.misprinted``), when one of the two values is one article's alone
    (the slip is one outlet's; two values each told by several outlets are two things) and the
    two sentences read alike (``MISPRINT_LIKENESS``). Generic nouns ("people") and casualty counts
    (one slot per count type already) stay out; so does one article's pair, which tells two things."""
    by_noun: dict[tuple[str | None, int, str], list[int]] = defaultdict(list)
    written: dict[int, tuple[int, str]] = {}  # each figure's value as written
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        q = it.quantity
        if key[0] in ("casualty", "whole", "part", "move") or q.unit is None or q.qualifier == DIFFERENCE \
                or q.unit.lower() in GENERIC_COUNTED or (d := digits(q)) is None:
            continue
        written[i] = d
        by_noun[(unit_class_of(q.unit), d[0], "".join(sorted(d[1])))].append(i)
    for members in by_noun.values():
        # one noun, one magnitude, the same digits: two values written differently are transposed
        # (``figure_pairs.misprinted``)
        tellers: dict[tuple[int, str], set[str]] = defaultdict(set)  # who gives each value as written
        for i in members:
            tellers[written[i]].add(items[i].frame.article_id)
        pairs = [(i, j) for x, i in enumerate(members) for j in members[x + 1:]
                 if items[i].frame.article_id != items[j].frame.article_id and written[i] != written[j]
                 and min(len(tellers[written[i]]), len(tellers[written[j]])) == 1]
        for likeness in (TRANSPOSED_LIKENESS, MISPRINT_LIKENESS):
            _join_alike(uf, items, [(i, j) for i, j in pairs
                                    if _transposed_likeness(items[i], items[j], written[i]) == likeness], likeness)


#: Two values of one reading told two ways are at most this many times apart (290 / 320 km/h, a
#: wreck 98 / 112 metres down); a gap 25 metres wide and a river at 6.84 metres are two measures.
ALIKE_MEASURE_RATIO = 2.0


def _near(a: Figure, b: Figure) -> bool:
    x, y = a.quantity.low or 0.0, b.quantity.low or 0.0
    return min(x, y) > 0 and max(x, y) <= ALIKE_MEASURE_RATIO * min(x, y)


def join_alike_measures(uf: Groups, items: list[Figure], keys: list[tuple[str, ...]]) -> None:
    """A measurement one article alone gives on a day ("the survey teams found on Thursday that the
    tornado reached 320 km/h at its peak") and a reading in that unit that day several articles give
    ("an estimated peak wind speed of 290 km/h") are one measure told two ways when the sentences read
    alike (``MISPRINT_LIKENESS``) and the values are near (``ALIKE_MEASURE_RATIO``), whatever verb
    tells them: one reading that day, two values. Two measured nouns ("a gust", "sustained winds"),
    a distance told from a place, and values an article gives both of (two readings: "14 km at
    07:30", "about 9 km at 10:00") stay apart."""
    by_unit: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        q = it.quantity
        if q.unit is not None and q.unit.lower() in MEASUREMENT_UNITS and q.low is not None and it.as_of \
                and len(it.as_of) >= 10:
            by_unit[(unit_class_of(q.unit), it.as_of[:10])].append(i)

    def value(i: int) -> float:
        """The value as written: "about 290" and "290" are one value."""
        q = items[i].quantity
        return round(((q.low or 0.0) + (q.high if q.high is not None else q.low or 0.0)) / 2, 6)

    for members in by_unit.values():
        tellers: dict[float, set[str]] = defaultdict(set)
        for i in members:
            tellers[value(i)].add(items[i].frame.article_id)
        # a reading of an hour ("at 6am the gauge read 6.12 metres", "now reads 6.80") is one of the
        # day's readings; it counts among who gives a value, but is joined to none
        joinable = [i for i in members if keys[i][0] not in ("casualty", "whole", "part", "move")
                    and not told_from(items[i].quantity) and not items[i].running_told
                    and "T" not in (((t := items[i].frame.claim.time) and t.value) or "")]
        pairs = [(i, j) for x, i in enumerate(joinable) for j in joinable[x + 1:]
                 if items[i].frame.article_id != items[j].frame.article_id and value(i) != value(j)
                 and min(len(tellers[value(i)]), len(tellers[value(j)])) == 1
                 and max(len(tellers[value(i)]), len(tellers[value(j)])) >= 2 and _near(items[i], items[j])
                 and not tellers[value(i)] & tellers[value(j)]
                 and (not items[i].quantity.qualifier or not items[j].quantity.qualifier
                      or items[i].quantity.qualifier == items[j].quantity.qualifier)]
        _join_alike(uf, items, pairs)
