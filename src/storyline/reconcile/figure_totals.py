"""The size of a whole, told as "all N": two outlets that disagree on it.

"all 17 of the country's commercial banks" in one wire and "All the country's 19 banks" in a
paper; "all 14 patients" of a unit moved against "all 11". "All" tells the number of the whole set of a noun: a set the story does not grow
(the banks of a country, the pumps of a plant, the people in a cabin), so two articles giving it
two sizes contradict each other whatever verb or slot tells each. The outlets word the rest of
the sentence their own way, so the figures seldom share a slot.

A pair is reported when

- both are totals ("all N", "all the country's N", "all N of the ...") of one noun (the same
  head word);
- the values differ by at most half (``MAX_TOTAL_RATIO``), neither set is what is left of
  a larger one ("still", "remaining") nor worded as another kind ("primary" / "state" schools),
  no article gives both, neither is a casualty count (those run), a change, a range or a
  bound, and the two hold within ``SET_DAYS`` of each other ("all 21 crew members" one week,
  "All 20 crew members on board" after one was freed, may both be right).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from storyline.reconcile.figure_pairs import Figure

#: "all 17", "All the country's 19", "all four", "all of its 46": the words before a whole's size.
_ALL_BEFORE = re.compile(r"(?<![\w-])all\s+(?:of\s+)?(?:(?:the|its|their|his|her|our)\s+)?"
                         r"(?:[A-Za-z][\w-]*(?:'s|’s)\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)
#: "all but 3": not a total.
_ALL_BUT = re.compile(r"(?<![\w-])all\s+but\s+$", re.IGNORECASE)


def _total(f: Figure) -> bool:
    claim = f.frame.claim
    before = claim.text[: max(0, f.quantity.start - claim.span[0])]
    return bool(_ALL_BEFORE.search(before[-60:])) and not _ALL_BUT.search(before[-20:])


def _modifiers(f: Figure) -> set[str] | None:
    """The words between a total's figure and its noun ("all 268 primary schools": primary; "all
    17 of the country's commercial banks": commercial), names and possessives aside; None when a
    word says the set is what is left of a larger one ("the 20 crew members still on board")."""
    claim, noun = f.frame.claim, _noun(f)
    after = claim.text[max(0, f.quantity.end - claim.span[0]):][:80]
    words = re.findall(r"[A-Za-z][\w'’-]*", after)
    out: set[str] = set()
    for w in words:
        low = w.lower()
        if noun and low.rstrip("s").startswith(noun[:4]):
            following = after[after.find(w) + len(w):][:30].lower()
            return None if _REMAINING.search(following) else out
        if low in _REMAINING_WORDS:
            return None
        if low not in ("of", "the", "its", "their", "his", "her", "our") and not low.endswith(("'s", "’s")) \
                and not w[0].isupper():
            out.add(low)
    return out


#: Words that make a set what is left of a larger one ("the 20 crew still held", "all 12 remaining").
_REMAINING_WORDS = frozenset({"remaining", "other", "surviving", "still", "left", "rest"})
_REMAINING = re.compile(r"\b(?:still|left|remaining)\b")
#: Two sizes of one whole this far apart are two sets (a hospital's 31 participants, a trial's 318).
MAX_TOTAL_RATIO = 1.5


#: Days apart beyond which two sizes of a set may both be right, the set having changed between.
SET_DAYS = 7


def _apart(a: Figure, b: Figure) -> bool:
    """Both figures dated, more than ``SET_DAYS`` apart."""
    try:
        da, db = date.fromisoformat((a.as_of or "")[:10]), date.fromisoformat((b.as_of or "")[:10])
    except ValueError:
        return False
    return abs((da - db).days) > SET_DAYS


def _noun(f: Figure) -> str | None:
    words = (f.quantity.unit or "").lower().split()
    return words[-1].rstrip("s") if words else None


def _exact(f: Figure) -> bool:
    q = f.quantity
    return q.low is not None and q.low == q.high and not f.move


def total_pairs(every: Sequence[Figure], counts: dict[int, str], kinds: dict[int, tuple[str, ...]],
                running: frozenset[str], reported: Callable[[Figure, Figure], bool]
                ) -> list[tuple[list[Figure], list[Figure]]]:
    """(one size's figures, the other's) for each whole two articles size differently. ``counts``:
    what each figure counts (by id); ``kinds``: the key each is slotted by (a partitive's part
    or a change is no size of a whole); ``running``: the casualty counts; ``reported(a, b)``:
    whether a contradiction already holds both."""
    usable = [f for f in every if _exact(f) and counts.get(id(f)) not in running and _noun(f)
              and kinds.get(id(f), ("",))[0] not in ("part", "move")]
    totals = [f for f in usable if _total(f)]
    if not totals:
        return []
    out: list[tuple[list[Figure], list[Figure]]] = []
    seen: set[frozenset[float]] = set()
    for a in totals:
        for b in totals:
            if a is b or a.quantity.low == b.quantity.low or a.frame.article_id == b.frame.article_id:
                continue
            values = frozenset((a.quantity.low or 0.0, b.quantity.low or 0.0))
            if values in seen or _noun(a) != _noun(b) or reported(a, b):
                continue
            lo, hi = sorted((a.quantity.low or 0.0, b.quantity.low or 0.0))
            ma, mb = _modifiers(a), _modifiers(b)
            if lo <= 0 or hi / lo > MAX_TOTAL_RATIO or ma is None or mb is None or (ma and mb and not ma & mb):
                continue  # two sets: far apart in size, a remainder, or worded as two kinds ("primary" / "state")
            if _apart(a, b):
                continue  # a set told weeks apart may have changed ("all 21 crew", later "All 20 crew on board")
            # each side: every figure of its value and noun, a total or not
            side_a = [f for f in usable if f.quantity.low == a.quantity.low and _noun(f) == _noun(a)]
            side_b = [f for f in usable if f.quantity.low == b.quantity.low and _noun(f) == _noun(b)]
            if {f.frame.article_id for f in side_a} & {f.frame.article_id for f in side_b}:
                continue  # an article giving both sizes tells two sets
            seen.add(values)
            out.append((side_a, side_b))
    return out
