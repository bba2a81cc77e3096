"""One figure printed with its digits swapped, found across slots.

Inside a slot a swap of digits is already a contradiction (``figure_pairs.misprinted``), and
``figure_slots.join_misprints`` joins two such figures of one counted noun told in like sentences.
But the outlet that swaps a figure's digits often words its noun its own way too ("all 24 crew
members" / "its 42 seafarers", "86 people on board" / "68 workers on the platform"), or counts
people, whom every slot may hold, so the two never share a slot and the slip goes unreported.
Such a pair is reported as a contradiction when

- the digits are one another's reordered at the same magnitude (no ranges or bounds; two shares
  only of one whole, ``_one_share``), and neither is a change, a place's size ("a town of about
  2,400 people") or a partitive's part told as still moving ("78 of the 91 have now voted"); two
  parts only of one whole;
- no article gives both values (an article that does tells two things), and one side is one
  outlet's copy (told by one article only), as inside a slot;
- a casualty count is set only against the same count (the dead against the dead, not the
  missing), two named sources do not each give their own (a spread of estimates), and one named
  source does not give them at two dates (its series);
- both count one kind of thing (one unit class) or both count people
  (``figure_pairs.PERSON_NOUNS``: "crew" / "seafarers", "people" / "workers"), and the two sentences read
  alike (static MiniLM vectors, ``MISPRINT_LIKENESS``, as in a slot), or, for two counts of one
  specific noun ("48 flats" / "84 flats"), somewhat alike (``NOUN_LIKENESS``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from storyline import lexicon
from storyline.extract.measures import CURRENCY_CODES, MEASUREMENT_UNITS, PERCENT
from storyline.extract.quantities import GENERIC_COUNTED
from storyline.model import Quantity, TimeExpr
from storyline.reconcile.compare import unit_class
from storyline.reconcile.figure_pairs import Figure, counts_people, digits
from storyline.reconcile.figure_series import FigureClass
from storyline.reconcile.figure_slots import MISPRINT_LIKENESS, sentence_vectors

#: Slot keys of figures that are not a count of their own: a partitive's part ("78 of the 91
#: MPs have voted" beside "87 of the 91 MPs were nominated"), unless told as settled
#: (``_compared``), and a change. A whole is one.
_APART = frozenset({"part", "move"})


#: "a town of about 2,400 people": the place's size (data/lexicon/figures.json population_places).
_POPULATION = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('figures', 'population_places')))})\s+of\s+(?:\w+\s+)?$",
                         re.IGNORECASE)


def _compared(f: Figure, kind: str) -> bool:
    """Whether a figure slotted as ``kind`` is a count of its own: not a change, nor a
    partitive's part told as still moving ("78 of the 91 MPs have now voted"); a part told as
    settled ("lowered 83,700 of the 212,400 grades", "52 of the 163 whales were returned to the
    sea") is one figure an outlet may print with its digits swapped, against a part of the same
    whole or a count of its own ("87,300 grades")."""
    return kind not in _APART or (kind == "part" and not f.running_told)


def _population(f: Figure) -> bool:
    claim = f.frame.claim
    return bool(_POPULATION.search(claim.text[: max(0, f.quantity.start - claim.span[0])]))


def _written(q: Quantity) -> tuple[int, str] | None:
    """A figure's digits as written (``figure_pairs.digits``), a share's too."""
    return digits(replace(q, unit=None) if q.unit == PERCENT else q)


def _one_share(a: Figure, b: Figure, kinds: dict[int, tuple[str, ...]], vectors: dict[str, np.ndarray]) -> bool:
    """Two shares are of one whole when they are slotted alike, say it in one word ("52.6 per
    cent of the vote" / "56.2 per cent of the vote") or are told in sentences that read as one
    (``SHARE_LIKENESS``: "62 per cent of observed occasions" / "26 per cent of the time"): what a
    share is of is too often another thing ("14.6 percent of the capital", "61.4 percent of the votes")."""
    qa, qb = a.quantity.qualifier, b.quantity.qualifier
    return kinds.get(id(a)) == kinds.get(id(b)) or bool(qa and qb and qa.split()[-1] == qb.split()[-1]) \
        or float(vectors[a.frame.claim.text] @ vectors[b.frame.claim.text]) >= SHARE_LIKENESS


#: How alike two sentences must read for two shares whose digits are one another's reordered to
#: be one share whatever each says it is of: set, not learned.
SHARE_LIKENESS = 0.82


def misprint_pairs(every: Sequence[Figure], counts: dict[int, str], kinds: dict[int, tuple[str, ...]],
                   slot_of: dict[int, int], running: frozenset[str], reported: Callable[[Figure, Figure], bool]
                   ) -> list[tuple[list[Figure], list[Figure]]]:
    """The (one value's figures, the other's) of each swap of digits no slot compared.
    ``counts``: what each figure counts (by id); ``kinds``: the key each is slotted by (a
    partitive's part or a change stays out, as in ``figure_slots.join_misprints``); ``slot_of``:
    each compared figure's slot. A side holds every figure of its value that counts the found
    one's thing, is told alike or shares its slot;
    ``running``: the casualty counts; ``reported(a, b)``: whether a contradiction already holds both."""
    by_value: dict[tuple[int, str], list[Figure]] = defaultdict(list)
    for f in every:
        d = _written(f.quantity)
        if d is not None and len(d[1]) > 1 and not f.move and not _population(f) \
                and _compared(f, kinds.get(id(f), ("",))[0]):
            by_value[d].append(f)
    by_anagram: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for d in by_value:
        by_anagram[(d[0], "".join(sorted(d[1])))].append(d)
    candidates: list[tuple[list[Figure], list[Figure]]] = []
    for values in by_anagram.values():
        for x, va in enumerate(values):
            for vb in values[x + 1:]:
                arts_a = {f.frame.article_id for f in by_value[va]}
                arts_b = {f.frame.article_id for f in by_value[vb]}
                if not arts_a & arts_b and min(len(arts_a), len(arts_b)) == 1:
                    candidates.append((by_value[va], by_value[vb]))
    if not candidates:
        return []
    vectors = sentence_vectors({f.frame.claim.text for pair in candidates for side in pair for f in side})
    out: list[tuple[list[Figure], list[Figure]]] = []
    for side_a, side_b in candidates:
        for a in side_a:
            b = next((b for b in side_b if _one_figure(a, b, counts, kinds, running, vectors)), None)
            if b is None:
                continue
            if not reported(a, b):
                # each side's figures of the found one's thing ("83 generals", not "83 injured")
                # ... or told alike ("cited for 43 breaches" / "cited 43 times"), or of its slot
                out.append(([x for x in side_a if _with(x, a, slot_of, vectors)],
                            [y for y in side_b if _with(y, b, slot_of, vectors)]))
            break
    return out


def _with(x: Figure, found: Figure, slot_of: dict[int, int], vectors: dict[str, np.ndarray]) -> bool:
    """A figure of the found one's value is a telling of it."""
    return x is found or _same_thing(x, found) or _alike(x, found, vectors) or (
        id(x) in slot_of and slot_of[id(x)] == slot_of.get(id(found)))


def _same_thing(a: Figure, b: Figure) -> bool:
    """Both count one kind of thing: one unit class, or people."""
    return unit_class(a.quantity.unit) == unit_class(b.quantity.unit) or (
        counts_people(a.quantity.unit) and counts_people(b.quantity.unit))


def _one_figure(a: Figure, b: Figure, counts: dict[int, str], kinds: dict[int, tuple[str, ...]],
                running: frozenset[str], vectors: dict[str, np.ndarray]) -> bool:
    ka, kb = counts.get(id(a)), counts.get(id(b))
    if not _same_thing(a, b) or ((ka in running or kb in running) and ka != kb):
        return False
    wa, wb = kinds.get(id(a), ("",)), kinds.get(id(b), ("",))
    if wa[0] == wb[0] == "part" and wa[-1] != wb[-1]:
        return False  # parts of two wholes ("14 of 31 papers" / "41 of 50 samples")
    if a.quantity.unit == PERCENT and not _one_share(a, b, kinds, vectors):
        return False
    if a.attribution and b.attribution and (a.attribution != b.attribution or a.as_of != b.as_of):
        return False  # two sources' estimates, or one source's count at two dates (a series)
    if a.running_told and b.running_told:
        return False  # a count both tell as running may move ("now 43", later "now 34")
    return _alike(a, b, vectors) or _one_measured_thing(a, b) or _one_counted_noun(a, b, vectors) \
        or _unround_people(a, b)


def _unround_people(a: Figure, b: Figure) -> bool:
    """Counts of people of three digits or more, neither a round number ("421 runners" / "the 412
    starters"): two such counts in one story with the same digits reordered are one count
    misprinted, however unalike their sentences read (an outlet tells the count in its own words)."""
    da, db = _written(a.quantity), _written(b.quantity)
    return da is not None and db is not None and da[0] >= 3 and not da[1].endswith("0") \
        and not db[1].endswith("0") and counts_people(a.quantity.unit) and counts_people(b.quantity.unit)


#: How alike two sentences must read for two counts of one specific noun ("48 flats" / "84
#: flats", "84 military tankers" / "the 48 army tankers") to be one count with its digits
#: swapped: such a noun is rarer than people, so two of its counts whose digits are one another's
#: reordered are seldom two things; set, not learned.
NOUN_LIKENESS = 0.6


def _one_counted_noun(a: Figure, b: Figure, vectors: dict[str, np.ndarray]) -> bool:
    """Both count one specific noun (not people, nor a generic "members", nor a unit of money or
    measure; shares of one whole pass ``_one_share`` first) in sentences that read somewhat alike."""
    ua, ub = (a.quantity.unit or "").lower().split(), (b.quantity.unit or "").lower().split()
    if not ua or not ub or ua[-1].rstrip("s") != ub[-1].rstrip("s") or counts_people(ua[-1]) \
            or ua[-1].rstrip("s") in GENERIC_COUNTED or a.quantity.unit in CURRENCY_CODES \
            or ua[-1] in MEASUREMENT_UNITS or ua[-1].rstrip("s") in MEASUREMENT_UNITS:
        return False  # a sum or a measure ("12 kilometres" / "21 kilometres") is no count of things
    return float(vectors[a.frame.claim.text] @ vectors[b.frame.claim.text]) >= NOUN_LIKENESS


#: After a measure's figure: its unit, hyphened or not ("412-km", "421 kilometres"), then names and
#: dashes before the noun it measures ("the 421-kilometre Quendrik-Tovasz line": line).
_UNIT_AFTER = re.compile(r"^[\s-]*[A-Za-z]+\b")
_WORDS_AFTER = re.compile(r"[A-Za-z][\w'’]*|[-–—]")


def _measured_words(f: Figure) -> list[str]:
    """The words a measure's figure is hyphened or set before, up to four, the noun it measures
    among them ("the 412-km line": line; "a 321-metre guyed steel lattice mast": guyed ... mast);
    names and dashes skipped ("the 421-kilometre Quendrik-Tovasz line"). Empty for no measure."""
    q = f.quantity
    if not q.unit or q.unit.lower() not in MEASUREMENT_UNITS:
        return []
    claim = f.frame.claim
    after = claim.text[max(0, q.end - claim.span[0]):]
    unit = _UNIT_AFTER.match(after)
    if unit is None:
        return []
    words: list[str] = []
    for word in _WORDS_AFTER.findall(after[unit.end():])[:6]:
        if word[0].isupper() or word in "-–—":
            continue  # a name before the noun ("Quendrik-Tovasz")
        if word.lower() in _NOT_MODIFIER:
            break
        words.append(word.lower())
    return words[:4]


#: Words that end the modifiers of a measured noun ("a 48-metre footbridge across the river").
_NOT_MODIFIER = frozenset(lexicon.words("figures", "function_words"))


def _one_measured_thing(a: Figure, b: Figure) -> bool:
    """Two figures in one unit of measure set before one noun ("the 412-km line" / "the
    421-kilometre Quendrik-Tovasz line", "the 312-metre mast" / "a 321-metre guyed steel lattice
    mast"): one thing's measure, however unalike the sentences read. The noun is the first word
    after one figure's unit and among the other's modifiers."""
    wa, wb = _measured_words(a), _measured_words(b)
    return bool(wa and wb and (wa[0] in wb or wb[0] in wa)) \
        and unit_class(a.quantity.unit) == unit_class(b.quantity.unit)


def _alike(a: Figure, b: Figure, vectors: dict[str, np.ndarray]) -> bool:
    return float(vectors[a.frame.claim.text] @ vectors[b.frame.claim.text]) >= MISPRINT_LIKENESS


def as_classes(pair: tuple[list[Figure], list[Figure]]) -> list[FigureClass]:
    """The two values as agreement classes, for the slot's conflict builder."""
    return [FigureClass(min(f.quantity.low or 0 for f in side), max(f.quantity.high or 0 for f in side), list(side))
            for side in pair]


#: A duration of one unit written in digits ("131 hours", "PT131H"): its number and its unit.
_ONE_UNIT = re.compile(r"P(T?)(\d+)([YMWDHS])")


def swapped_durations(told: Sequence[tuple[str, TimeExpr, str]], reported: Callable[[str, str], bool]
                      ) -> list[tuple[list[tuple[str, TimeExpr, str]], list[tuple[str, TimeExpr, str]]]]:
    """Durations with their digits swapped in one outlet's copy ("gone 113 hours without
    electricity" / "the longest interruption was 131 hours"), whatever each is read as the length
    of: ``told`` holds each duration an article gives (article id, expression, sentence), told of
    the story (not its history, nor a withdrawn version). The same tests as for counts: one unit
    and magnitude, digits reordered, written in digits, one side one article's alone and no
    article giving both, sentences that read alike (``MISPRINT_LIKENESS``); ``reported(a, b)``:
    whether the two written values are already a contradiction. Returns (one value's durations,
    the other's) pairs."""
    by_value: dict[tuple[str, str], list[tuple[str, TimeExpr, str]]] = defaultdict(list)
    for d in told:
        m = _ONE_UNIT.fullmatch(d[1].value)
        if m is not None and len(m[2]) > 1 and m[2] in d[1].text.replace(",", "") and d[1].mod is None:
            by_value[(m[1] + m[3], m[2])].append(d)
    groups: dict[tuple[str, int, str], list[tuple[str, str]]] = defaultdict(list)
    for unit, number in by_value:
        groups[(unit, len(number), "".join(sorted(number)))].append((unit, number))
    candidates = []
    for values in groups.values():
        for x, va in enumerate(values):
            for vb in values[x + 1:]:
                arts_a, arts_b = ({d[0] for d in by_value[v]} for v in (va, vb))
                if not arts_a & arts_b and min(len(arts_a), len(arts_b)) == 1 and not reported(va[1], vb[1]):
                    candidates.append((by_value[va], by_value[vb]))
    if not candidates:
        return []
    vectors = sentence_vectors({d[2] for pair in candidates for side in pair for d in side})
    return [(side_a, side_b) for side_a, side_b in candidates
            if any(float(vectors[a[2]] @ vectors[b[2]]) >= MISPRINT_LIKENESS for a in side_a for b in side_b)]
