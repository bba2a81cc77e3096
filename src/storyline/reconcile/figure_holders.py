"""Whose a figure is: a penalty's sum is its payer's ("fined Tobrek €230,000 and Nastrel €140,000" tells
two fines), a sum's holder is the entity the sentence names, and a casualty count is also whom it
counts ("three guards" and "five attackers" killed in one raid are two counts).
``reconcile.quantities`` splits its slots by these."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from storyline import lexicon
from storyline.extract.measures import CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT
from storyline.extract.quantities import GENERIC_COUNTED
from storyline.reconcile.figure_pairs import Figure, misprinted, value_bounds
from storyline.reconcile.figure_reading import RUNNING_COUNTS
from storyline.reconcile.figure_slots import Groups, unit_class_of

#: Penalties, whose sum is who pays it (data/lexicon/figures.json): the one measure whose holder
#: ``extract.measures`` reads as the payer; another sum's holder may be who estimates it ("the
#: prosecutor puts the losses at").
_PENALTIES = lexicon.words("figures", "penalty_verbs")


def payers(items: list[Figure], keys: list[tuple[str, ...]]) -> dict[int, str]:
    """Each penalty's payer, by the figure's id (only a penalty's holder is its payer for sure)."""
    return {id(it): key[1] for it, key in zip(items, keys, strict=True)
            if key[0] == "measured" and key[1] and key[2] in _PENALTIES}


def penalties(items: list[Figure], keys: list[tuple[str, ...]]) -> set[int]:
    """The figures that are penalties, whether or not their payer is named ("fined X 24 million
    and the exchange 3.5 million": the second payer is no name), by the figure's id."""
    return {id(it) for it, key in zip(items, keys, strict=True) if key[0] == "measured" and key[2] in _PENALTIES}


def _full_names(names: set[str]) -> dict[str, str]:
    """A holder named by one word ("davor") and in full ("davor-keln") is one: each short name to
    its full one, when only one full name holds that word."""
    return {h: next(iter(fit)) for h in names if len(fit := {g for g in names if h != g and h in g.split("-")}) == 1}


def one_name_per_holder(keys: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A holder one sentence names by one word ("ordella", the sentence naming no entity of it) and
    another in full ("ordella-motor-company") is one holder: the sums' slots name it the same way
    (``_full_names``)."""
    full = _full_names({key[1] for key in keys if key[0] == "measured" and key[1]})
    if not full:
        return keys
    return [(key[0], full.get(key[1], key[1]), *key[2:]) if key[0] == "measured" and key[1] else key for key in keys]


def by_holder(group: list[Figure], holder: Mapping[int, str]) -> list[list[Figure]]:
    """A penalty's slot is also whose it is: "fined Tobrek €230,000 and Nastrel €140,000" tells two fines
    of one happening, which the joins of a happening's figures put together. A sum naming no holder
    stays with the holder whose value it gives (or gives with two digits swapped: "the club, fined
    103,000 euros" beside Ulmarch's €130,000), else apart from them all."""
    full = _full_names({holder[id(it)] for it in group if id(it) in holder})
    by: dict[str, list[Figure]] = defaultdict(list)
    loose: list[Figure] = []
    for it in group:
        (by[full.get(holder[id(it)], holder[id(it)])] if id(it) in holder else loose).append(it)
    if len(by) < 2:
        return [group]
    rest: list[Figure] = []
    for it in loose:
        same = [h for h, its in by.items() if any(value_bounds(i.quantity) == value_bounds(it.quantity) for i in its)] or \
            [h for h, its in by.items() if any(misprinted(i.quantity, it.quantity) for i in its)]
        (by[same[0]] if len(same) == 1 else rest).append(it)
    return [*by.values(), *([rest] if rest else [])]


def holder_of(measured: tuple[str, str], participants: frozenset[str]) -> tuple[str, str]:
    """A sum's holder as the entity the sentence names ("VTA", "Vantrix" and "Vantrix Transit
    Authority" are one holder): the participant whose name the holder word begins, is a word
    of, or is the initials of."""
    holder, noun = measured
    if not holder:
        return measured
    for p in sorted(participants):
        words = p.partition(":")[2].split("-")
        if holder in words or holder == "".join(w[:1] for w in words):
            return p.partition(":")[2], noun
    return measured


def join_unowned_sums(uf: Groups, keys: list[tuple[str, ...]], items: list[Figure]) -> None:
    """A sum whose holder the sentence does not name ("a relief fund of €7.1 million") is
    the one holder's the story names for that measure ("the ferry company set up a €7.9 million
    fund"), when it names only one; not when its own sentence gives that holder's sum beside it
    ("fined X 24 million and the exchange 3.5 million": the second is another payer's)."""
    holders: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    beside: set[tuple[str, tuple[str, ...]]] = set()
    for i, key in enumerate(keys):
        if key[0] == "measured" and key[1]:
            holders[key[2:]].setdefault(key[1], i)
            beside.add((items[i].frame.claim.id, key[2:]))
    for i, key in enumerate(keys):
        if key[0] == "measured" and not key[1] and len(named := holders.get(key[2:], {})) == 1 \
                and (items[i].frame.claim.id, key[2:]) not in beside:
            uf.union(next(iter(named.values())), i)


def counts_things(it: Figure, key: tuple[str, ...]) -> bool:
    """A plain count of a noun that says who or what is counted ("crew", "schools"): not a
    casualty count (slotted by its population), a qualified figure, a share, a sum, a reading in
    a unit of measurement, or a noun that says nothing of who ("people", "members")."""
    q = it.quantity
    unit = (q.unit or "").lower()
    return key[0] not in ("casualty", "qualified", "measured", "move") and bool(unit) and unit != PERCENT.lower() \
        and q.unit not in CURRENCY_CODES and unit not in MEASUREMENT_UNITS and unit not in GENERIC_COUNTED


#: Nouns that name the casualties themselves, not who they were ("the dead", "victims").
_CASUALTY_NOUNS = lexicon.words("figures", "casualty_nouns")


def by_whom(group: list[Figure]) -> list[list[Figure]]:
    """A casualty count's slot is also whom it counts: "three guards were killed" and "five
    attackers were killed" in one raid are two counts. Figures of a noun that says nothing of
    who ("people", "the dead") stay with the noun most figures give."""
    by: dict[str | None, list[Figure]] = defaultdict(list)
    loose: list[Figure] = []
    for it in group:
        unit = (it.quantity.unit or "").lower()
        if not unit or unit in GENERIC_COUNTED or unit in RUNNING_COUNTS or unit in _CASUALTY_NOUNS:
            loose.append(it)
        else:
            by[unit_class_of(unit)].append(it)
    if len(by) < 2:
        return [group]
    parts = sorted(by.values(), key=len, reverse=True)
    parts[0].extend(loose)
    return parts


def by_scope(group: list[Figure], scope: Mapping[int, str]) -> list[list[Figure]]:
    """A slot is also where it counts: the whole country's figure ("412,000 marched across the
    country") and one town's ("61,000 in Quarnby") are two counts. Split only where the slot has
    both a national figure and a town's; a figure that says neither stays with the larger part."""
    places = {scope[id(it)] for it in group if id(it) in scope}
    if "national" not in places or len(places) < 2:
        return [group]
    by: dict[str, list[Figure]] = defaultdict(list)
    loose: list[Figure] = []
    for it in group:
        (by[scope[id(it)]] if id(it) in scope else loose).append(it)
    parts = sorted(by.values(), key=len, reverse=True)
    parts[0].extend(loose)
    return parts
