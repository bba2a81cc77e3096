"""Who else tells a disputed figure: the sides of a contradiction gain every other telling of
their value.

A figure's slot is built from its verb, its noun and its participants (``quantities.figure_groups``),
so one value told in other words can land in another slot, or in none: "the coach was travelling
at 68 km/h when it entered the bend" (the investigators' own release) and "the coach reached 68
km/h" (a wire) are two slots, and a column's "hit the bend at 86 km/h" is disputed with the wire
alone. Once two values of one slot contradict each other, a figure elsewhere in the story with the
same value of the same noun, told in a sentence that reads like one of that side's, is that side
told once more: it joins the side (the reader sees who else says it). It never starts a dispute:
only sides of a contradiction already found gain tellers.

Kept out: a dispute of more than two values (several values at odds are more often several things
counted than one slip), an article that gives another side's value too (which side it is on is not
clear), a running count or a figure told as one ("212 people have been arrested so far": a later
count, not an echo of a morning's dispute), a value a revision verb gives ("raised its estimate to
41,200"), a figure told of another day than its side's (or of none: it may be another day's
count), and figures whose sentences do not read alike (``figure_slots.MISPRINT_LIKENESS``, the
cosine of the static MiniLM vectors the transposed-digit join reads too; set, not learned). The
last two do not hold when the two values are one another's digits swapped (three or more), nor
does the running count's: the same exact value of the same unit is that side however and
whenever it is told ("Of the 3,412 people evacuated, 1,150 are still in shelters").
"""
from __future__ import annotations

from collections.abc import Sequence

from storyline.reconcile.compare import unit_class
from storyline.reconcile.figure_pairs import Figure, digits
from storyline.reconcile.figure_series import FigureClass
from storyline.reconcile.figure_slots import MISPRINT_LIKENESS, sentence_vectors


def _written(it: Figure) -> tuple[float | None, float | None, str | None]:
    q = it.quantity
    return q.low, q.high, unit_class(q.unit) if q.unit else None


def add_echoes(sides: list[FigureClass], figures: Sequence[Figure]) -> None:
    """Add to each side of a contradiction the other figures of the story that tell its value."""
    if len(sides) != 2:
        return  # several values at odds are several things counted more often than one slip
    inside = {id(i) for c in sides for i in c.items}
    claims = [{i.frame.claim.id for i in c.items} for c in sides]
    articles = [{i.frame.article_id for i in c.items} for c in sides]
    values = [{_written(i) for i in c.items} for c in sides]
    days = [{i.as_of[:10] for i in c.items if i.as_of} for c in sides]
    swapped = _swapped(sides)
    found: list[tuple[int, Figure]] = []
    for it in figures:
        if id(it) in inside or it.quantity.unit is None or (it.running_told and not swapped) or it.revised:
            continue
        w = _written(it)
        side = [n for n, vs in enumerate(values) if w in vs]
        if len(side) != 1:
            continue
        n = side[0]
        if not swapped and (it.as_of is None or it.as_of[:10] not in days[n]):
            continue  # a value told on another day may be the count of that day
        if it.frame.claim.id in claims[n] or any(it.frame.article_id in a for m, a in enumerate(articles) if m != n):
            continue
        found.append((n, it))
    if not found:
        return
    vectors = sentence_vectors({it.frame.claim.text for _, it in found} | {i.frame.claim.text for c in sides for i in c.items})
    for n, it in found:
        mine = vectors[it.frame.claim.text]
        if swapped or any(float(mine @ vectors[i.frame.claim.text]) >= MISPRINT_LIKENESS for i in sides[n].items):
            sides[n].items.append(it)


def _swapped(sides: list[FigureClass]) -> bool:
    """The two values are one another's digits swapped, three digits or more ("3,412" / "3,142"):
    one outlet's slip, so every other telling of either exact value, whatever its day or wording,
    is that side's."""
    written = [{digits(i.quantity) for i in c.items} for c in sides]
    if any(len(w) != 1 or None in w for w in written):
        return False
    (a,), (b,) = written
    return a is not None and b is not None and a[0] == b[0] and len(a[1]) >= 3 and a[1] != b[1] \
        and sorted(a[1]) == sorted(b[1])
