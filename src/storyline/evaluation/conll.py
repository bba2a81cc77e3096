"""Coreference metrics: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

Pure functions over two clusterings (lists of clusters of hashable mention ids), following the
definitions the CoNLL reference scorer (v8) implements (Pradhan et al., 2014): mentions present
in only one clustering count as missed (recall) or spurious (precision); singletons count in
B-cubed and CEAF-e and contribute nothing to MUC.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[Collection[Hashable]]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 0.0 if r + p == 0 else 2 * r * p / (r + p)


def _sets(clusters: Clusters) -> list[frozenset[Hashable]]:
    out = [frozenset(c) for c in clusters if len(c) > 0]
    seen: set[Hashable] = set()
    for c in out:
        if seen & c:
            raise ValueError(f"a mention is in two clusters: {sorted(map(str, seen & c))[:3]}")
        seen |= c
    return out


def _index(clusters: Iterable[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _muc_side(gold: list[frozenset[Hashable]], other: list[frozenset[Hashable]]) -> tuple[float, float]:
    where = _index(other)
    num = den = 0.0
    for c in gold:
        # Parts of c under the other partition; a mention the other side lacks is its own part.
        parts = {where.get(m, ("missing", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> Score:
    """Vilain et al. (1995): links needed to connect each key cluster, found in the response."""
    k, r = _sets(key), _sets(response)
    rn, rd = _muc_side(k, r)
    pn, pd = _muc_side(r, k)
    return Score(_ratio(rn, rd), _ratio(pn, pd))


def _b3_side(gold: list[frozenset[Hashable]], other: list[frozenset[Hashable]]) -> tuple[float, float]:
    num = 0.0
    den = 0.0
    for c in gold:
        den += len(c)
        for o in other:
            overlap = len(c & o)
            if overlap:
                num += overlap * overlap / len(c)
    return num, den


def b_cubed(key: Clusters, response: Clusters) -> Score:
    """Bagga & Baldwin (1998): per-mention overlap of its key and response clusters."""
    k, r = _sets(key), _sets(response)
    where = _index(r)
    # Only clusters that share mentions matter; index to avoid all pairs.
    rn = sum(
        sum(len(c & r[j]) ** 2 for j in {where[m] for m in c if m in where}) / len(c) for c in k
    )
    where_k = _index(k)
    pn = sum(
        sum(len(c & k[j]) ** 2 for j in {where_k[m] for m in c if m in where_k}) / len(c) for c in r
    )
    return Score(_ratio(rn, sum(map(len, k))), _ratio(pn, sum(map(len, r))))


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    """Luo (2005) entity-based CEAF: best one-to-one alignment under phi4 = 2|K∩R|/(|K|+|R|)."""
    k, r = _sets(key), _sets(response)
    if not k or not r:
        return Score(0.0, 0.0)
    sim = np.zeros((len(k), len(r)))
    where = _index(r)
    for i, c in enumerate(k):
        for j in {where[m] for m in c if m in where}:
            sim[i, j] = 2 * len(c & r[j]) / (len(c) + len(r[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    return Score(total / len(k), total / len(r))


@dataclass(frozen=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def conll(key: Clusters, response: Clusters) -> CorefScores:
    """All three metrics; ``.conll_f1`` is their mean F1, the figure papers report."""
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


def clusters_from_labels(labels: dict[Hashable, Hashable]) -> list[set[Hashable]]:
    """Group mention ids by their cluster label."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return list(groups.values())
