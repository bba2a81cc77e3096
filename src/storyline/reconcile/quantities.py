"""Figures across articles: the same count (same event family, same counted thing) compared by bounds.

A count is often reported at several moments ("at least 23 dead", "the toll rose to 29", "41
confirmed dead"), so figures are grouped by what they count rather than by event time: the same
event family and counted noun, linked through shared participants (a figure naming no
participant joins the largest group of its kind, the usual case in a one-story corpus).
Within a group, figures whose bounds overlap agree ("over 11,000" and "more than 10,000").
Disagreeing figures are then told apart:

- ``changed_over_time``: each figure holds at a different date (the date its sentence gives, or
  the date of a dated article);
- ``attributed_estimates``: each figure is credited to a different source;
- ``contradiction``: otherwise.

Figures that agree but are credited to different sources with different estimates ("about
10,000" says one government, "about 12,000" another) are reported as a spread of
``attributed_estimates`` too; bounds alone ("over 11,000", "more than 10,000") and unattributed
figures never start one.
Increments ("an additional 300") are never compared with totals.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storyline.model import Article, Conflict, ConflictValue, Quantity
from storyline.reconcile.compare import unit_class
from storyline.reconcile.frames import Frame
from storyline.reconcile.timeslot import agree, bounds, is_portal, year_of

SourceKey = Callable[[Frame], str]


@dataclass
class _Item:
    frame: Frame
    quantity: Quantity
    as_of: str | None
    attribution: str | None


@dataclass
class _QClass:
    lo: float
    hi: float
    items: list[_Item] = field(default_factory=list)

    def label(self) -> str:
        return " / ".join(list(dict.fromkeys(i.quantity.text for i in self.items))[:3])


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else 0.0), (q.high if q.high is not None else math.inf)


def _as_of(f: Frame, article: Article) -> str | None:
    """The date a figure holds at: its sentence's date, or a dated (non-portal) article's date."""
    if f.value and year_of(f.value) and not f.value.startswith("XXXX"):
        return f.value
    p = article.published
    if p.value and (p.source == "metadata" or (p.source == "dateline" and not is_portal(p))):
        return p.value[:10]
    return None


def _norm_attr(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"^(the|a|an)\s+", "", text.lower().strip())
    return re.sub(r"[^a-z0-9 ]+", "", t).strip() or None


class _Groups:
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


def figure_groups(frames: Sequence[Frame], articles: dict[str, Article]) -> list[list[_Item]]:
    """Figures grouped by what they count; near-linear (one representative per key)."""
    items: list[_Item] = []
    keys: list[tuple[str, str]] = []
    seen: set[tuple[str, int, int]] = set()
    for f in frames:
        for q in f.quantities:
            if q.increment or (q.low is None and q.high is None):
                continue
            u = unit_class(q.unit)
            if u is None or (f.claim.id, q.start, q.end) in seen:
                continue
            seen.add((f.claim.id, q.start, q.end))
            items.append(_Item(f, q, _as_of(f, articles[f.article_id]), _norm_attr(f.claim.attribution)))
            keys.append((f.family, u))
    uf = _Groups()
    for _ in items:
        uf.add()
    first: dict[tuple[str, str, str], int] = {}
    for i, (it, key) in enumerate(zip(items, keys, strict=True)):
        for p in it.frame.participants:
            k = (*key, p)
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        comps[uf.find(i)].append(i)
    # figures naming no participant join the largest group of their kind
    largest: dict[tuple[str, str], int] = {}
    for root, members in comps.items():
        if items[members[0]].frame.participants:
            key = keys[members[0]]
            if key not in largest or len(members) > len(comps[largest[key]]):
                largest[key] = root
    out: dict[int, list[_Item]] = defaultdict(list)
    for root, members in comps.items():
        key = keys[members[0]]
        target = root
        if not items[members[0]].frame.participants and key in largest:
            target = largest[key]
        out[target].extend(items[i] for i in members)
    return [g for g in out.values() if len({i.frame.claim.id for i in g}) >= 2]


def _classes(items: list[_Item]) -> list[_QClass]:
    classes: list[_QClass] = []
    for it in sorted(items, key=lambda x: (_bounds(x.quantity)[1] - _bounds(x.quantity)[0], x.frame.id)):
        lo, hi = _bounds(it.quantity)
        for c in classes:
            if lo <= c.hi and c.lo <= hi:
                c.lo, c.hi = max(c.lo, lo), min(c.hi, hi)
                c.items.append(it)
                break
        else:
            classes.append(_QClass(lo, hi, [it]))
    return classes


def _pairwise(values: list[set[str]], differ: Callable[[str, str], bool]) -> bool:
    """Every pair of groups differs in every pair of their members (and none is empty)."""
    if any(not v for v in values):
        return False
    return all(
        differ(a, b) for i in range(len(values)) for j in range(i + 1, len(values)) for a in values[i] for b in values[j]
    )


def _value(label: str, items: Sequence[_Item], key: SourceKey) -> ConflictValue:
    frames = [i.frame for i in items]
    return ConflictValue(
        value=label,
        article_ids=list(dict.fromkeys(f.article_id for f in frames)),
        claim_ids=list(dict.fromkeys(f.claim.id for f in frames)),
        texts=list(dict.fromkeys(f.claim.text for f in frames)),
        sources=sorted({i.attribution or key(i.frame).split(":", 1)[-1] for i in items}),
        spans=list(dict.fromkeys((i.quantity.start, i.quantity.end) for i in items)),  # the figures themselves
    )


def _disjoint_dates(a: str, b: str) -> bool:
    return not agree(a, b) and None not in bounds(a) and None not in bounds(b)


def quantity_conflicts(frames: Sequence[Frame], articles: dict[str, Article], *, key: SourceKey) -> list[Conflict]:
    out: list[Conflict] = []
    for group in figure_groups(frames, articles):
        unit = unit_class(group[0].quantity.unit)
        classes = _classes(group)
        if len(classes) == 1:
            attrs = {i.attribution for i in group}
            closed = {i.attribution: (i.quantity.low, i.quantity.high) for i in group
                      if i.quantity.low is not None and i.quantity.high is not None}
            if None in attrs or len(attrs) < 2 or len(closed) < 2 or len(set(closed.values())) < 2:
                # agreeing figures, an unattributed one, or bounds only ("over 11,000" and "more
                # than 10,000" agree): nothing to report
                continue
            by_source: dict[str, list[_Item]] = defaultdict(list)
            for i in group:
                by_source[i.attribution or ""].append(i)
            values = [_value(" / ".join(dict.fromkeys(i.quantity.text for i in its)), its, key)
                      for _, its in sorted(by_source.items())]
            out.append(Conflict(
                id="", slot="quantity", kind="attributed_estimates", values=values,
                explanation=(f"Estimates of {unit} from {len(by_source)} sources differ but their ranges overlap: "
                             + "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in values)
                             + ". A spread of attributed estimates, not a contradiction."),
                best_supported=None,
            ))
            continue
        dates = [{i.as_of for i in c.items if i.as_of} for c in classes]
        attrs = [{i.attribution for i in c.items if i.attribution} for c in classes]
        complete_attr = all(i.attribution for c in classes for i in c.items)
        if _pairwise(dates, _disjoint_dates):
            kind, reason = "changed_over_time", "each figure holds at a different date, so the count changed"
        elif complete_attr and _pairwise(attrs, lambda a, b: a != b):
            kind, reason = "attributed_estimates", "the figures are credited to different sources"
        else:
            kind, reason = "contradiction", "the ranges do not overlap for the same date and source type"
        classes.sort(key=lambda c: (-len({i.frame.article_id for i in c.items}), c.lo))
        values = [_value(c.label(), c.items, key) for c in classes]
        winner = None
        if kind == "contradiction":
            counts = [len({key(i.frame) for i in c.items}) for c in classes]
            winner = values[0].value if counts[0] > counts[1] else None
        elif kind == "changed_over_time":
            latest = max(classes, key=lambda c: max(i.as_of or "" for i in c.items))
            winner = latest.label()
        out.append(Conflict(
            id="", slot="quantity", kind=kind,  # type: ignore[arg-type]
            values=values,
            explanation=f"Different counts of {unit}: " + "; ".join(
                f"{v.value} ({', '.join(v.sources)})" for v in values) + f" — {reason}."
            + (f" The latest figure is {winner}." if kind == "changed_over_time" and winner else ""),
            best_supported=winner,
        ))
    return out
