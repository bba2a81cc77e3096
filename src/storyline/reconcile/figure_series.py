"""How one count's figures read over time: the revisions a sentence tells ("raised the number
from four to six"), an article's own series at clock times, and one outlet's figure between the
days on which the others give one other figure. ``quantities.quantity_conflicts`` reads its
groups' classes of figures (``FigureClass``) with these before it names a conflict's kind."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from storyline import lexicon
from storyline.extract.quantities import find_quantities
from storyline.model import Article
from storyline.reconcile.figure_pairs import Figure
from storyline.reconcile.figure_slots import unit_class_of
from storyline.reconcile.frames import Frame
from storyline.reconcile.timeslot import parse_day

#: "raised from 10,000 crowns to 25,000", "to $15.60 a share, up from $14.20": the figure after
#: "from" held before the change the sentence tells, at a time it does not give
FROM = re.compile(r"\bfrom\s+(?:the\s+|its\s+|their\s+|an?\s+)?$", re.IGNORECASE)


@dataclass
class FigureClass:
    """Figures of one slot whose ranges agree: one value the outlets give (``lo``..``hi``)."""

    lo: float
    hi: float
    items: list[Figure] = field(default_factory=list)

    def label(self) -> str:
        return " / ".join(list(dict.fromkeys(i.quantity.text for i in self.items))[:3])


_CHANGED = re.compile(rf"\b(?:{lexicon.alternation('figures', 'revision_verbs')})\b", re.IGNORECASE)
_TO_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}?to\s+$", re.IGNORECASE)
_NOT_AFTER = re.compile(r"^[^.;]{0,80}?,?\s+not\s+$", re.IGNORECASE)
#: "raised it to 47 on Monday, up from 31": the value before the change, after the value now
_UP_FROM = re.compile(r"^[^.;]{0,60}?,?\s+(?:up|down)\s+from\s+(?:the\s+|its\s+|an?\s+)?$", re.IGNORECASE)


def revisions(frames: Sequence[Frame], articles: dict[str, Article]) -> set[frozenset[float]]:
    """Pairs of values some sentence tells as a figure revised: "raised the number from four to
    six", "raised it to six on Monday, up from four", "six bodies have been recovered, not four
    as we said this morning". Two outlets' four
    and six of that count are then the count before and after, not a dispute."""
    out: set[frozenset[float]] = set()
    seen: set[str] = set()
    for f in frames:
        if f.claim.id in seen:
            continue
        seen.add(f.claim.id)
        low = f.claim.text.lower()
        if "from " not in low and " not " not in low:
            continue  # neither form of revision: most sentences, not scanned again for figures
        body = articles[f.article_id].body
        # every figure the sentence writes: the claim keeps neither the value before a change nor
        # a denied one
        qs = [q for q in find_quantities(f.claim.text, f.claim.span[0]) if q.low is not None]
        for q in qs:  # "raised the number from four to six", read as one range
            if q.high is not None and q.low != q.high and q.text.lower().startswith("from ") \
                    and _CHANGED.search(body[f.claim.span[0]:q.start]):
                out.add(frozenset((q.low, q.high)))  # type: ignore[arg-type]
        for a, b in pairwise(qs):
            between = body[a.end:b.start]
            if a.low == b.low:
                continue
            from_to = FROM.search(body[max(0, a.start - 16):a.start]) and _TO_AFTER.match(between)
            if from_to or _NOT_AFTER.match(between) or _UP_FROM.match(between):
                out.add(frozenset((a.low, b.low)))  # type: ignore[arg-type]
    return out


_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
_PAST = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('figures', 'past_state_forms')))})\b", re.IGNORECASE)


def odd_between(classes: Sequence[FigureClass]) -> set[tuple[int, int]]:
    """Pairs (odd, other) where one article's figure falls between days on which other articles
    give one other figure, with no third figure in between ("17 crew" on the 2nd and the 12th,
    "19 crew" in one paper on the 5th): the count did not change and change back; that outlet's
    figure disputes it. A series that moves on ("90,000 without water", then 61,000, then
    8,000, and a recap's "90,000 at its height") is read as changes; so is a running count (a
    toll), by its own rules. Only figures of one noun are set against each other so."""
    def days(c: FigureClass) -> list[date]:
        return [d for i in c.items if (d := parse_day(i.as_of)) is not None]

    def nouns(c: FigureClass) -> set[str | None]:
        return {unit_class_of(i.quantity.unit) for i in c.items}

    def now(c: FigureClass) -> list[date]:
        """The days a class's figures are known to hold on: a figure dated only by its article
        holds then unless retold in the past ("at its height, 90,000 were without water")."""
        return [d for i in c.items if (d := parse_day(i.as_of)) is not None
                and (not i.written or not _PAST.search(i.frame.claim.text))]

    told = [days(c) for c in classes]
    out: set[tuple[int, int]] = set()
    for n, c in enumerate(classes):
        if len({i.frame.article_id for i in c.items}) != 1 or not told[n] or len(told[n]) != len(c.items) \
                or len(nouns(c)) != 1:
            continue
        lo, hi = min(told[n]), max(told[n])
        for m, other in enumerate(classes):
            if m == n or nouns(other) != nouns(c) or len({i.frame.article_id for i in other.items}) < 2:
                continue
            before = [d for d in told[m] if d < lo]
            after = [d for d in now(other) if d > hi]
            if not before or not after:
                continue
            gap = (max(before), min(after))
            if any(gap[0] < d < gap[1] for k, ds in enumerate(told) if k not in (n, m) for d in ds):
                continue  # another figure in between: the count moved on
            out.add((n, m))
    return out


def passed_points(group: list[Figure]) -> set[int]:
    """Figures an article gives of one count at several clock times ("about 400 have left" at
    09:10, "about 700 have now left" at 16:30 in a live page): a series the article itself
    updates, whose earlier points another outlet's figure of that day does not contradict; only
    its latest one speaks for it."""
    by_article: dict[str, list[Figure]] = defaultdict(list)
    for i in group:
        by_article[i.frame.article_id].append(i)
    out: set[int] = set()
    for told in by_article.values():
        clocks = [(t.value[:16] if (t := i.frame.claim.time) is not None and _CLOCK.match(t.value) else None)
                  for i in told]
        if len({(i.quantity.low, i.quantity.high) for i in told}) < 2 or None in clocks or len(set(clocks)) < 2:
            continue
        last = max(c for c in clocks if c is not None)
        out |= {id(i) for i, c in zip(told, clocks, strict=True) if c != last}
    return out
