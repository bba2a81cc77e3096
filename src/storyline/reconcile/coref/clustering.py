"""Candidate blocking (which pairs to score at all) and average-link clustering over the scores."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.reconcile.coref.mention import CorefMention, lemma_key
from storyline.reconcile.coref.model import load_model, pair_probabilities, shipped_threshold


def candidate_pairs(
    mentions: Sequence[CorefMention],
    *,
    neighbours: int = 10,
    min_cos: float = 0.3,
    max_block: int = 60,
) -> list[tuple[int, int]]:
    """Pairs worth scoring, never all pairs: mentions whose lemmas share a derivational stem, or
    whose lemmas are among each other's ``neighbours`` nearest lemma vectors (cosine at least
    ``min_cos``; neighbours are found between distinct lemmas, so that ten mentions of one word do
    not crowd out its synonyms). A block of more than ``max_block`` mentions (a light verb such as
    'say' in a big story) links each mention only to its ``neighbours`` nearest by sentence
    vector inside the block, so the cost stays near-linear in the number of mentions.
    """
    by_stem: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_stem.setdefault(lemma_key(m.lemma), []).append(i)
    stems = list(by_stem)
    blocks: list[tuple[list[int], list[int]]] = [(g, g) for g in by_stem.values()]
    vecs = [next((mentions[i].vector for i in by_stem[s] if mentions[i].vector is not None), None) for s in stems]
    have = [k for k, v in enumerate(vecs) if v is not None]
    if len(have) > 1 and neighbours > 0:
        mat = np.stack([np.asarray(vecs[k], dtype=np.float32) for k in have])
        k_nn = min(neighbours, len(have) - 1)
        for start in range(0, len(have), 2048):
            sims = mat[start : start + 2048] @ mat.T
            for r in range(sims.shape[0]):
                sims[r, start + r] = -np.inf
            top = np.argpartition(-sims, k_nn - 1, axis=1)[:, :k_nn]
            for r, row in enumerate(top):
                a = have[start + r]
                for c in row:
                    b = have[int(c)]
                    if sims[r, c] >= min_cos and a < b:
                        blocks.append((by_stem[stems[a]], by_stem[stems[b]]))
    out: set[tuple[int, int]] = set()
    for left, right in blocks:
        if len(left) + len(right) > max_block:
            out.update(_nearest_by_context(mentions, left, right, neighbours))
            continue
        for i in left:
            for j in right:
                if i != j:
                    out.add((min(i, j), max(i, j)))
    return sorted(out)


def _nearest_by_context(
    mentions: Sequence[CorefMention], left: list[int], right: list[int], k: int
) -> set[tuple[int, int]]:
    """Inside an oversized block: each mention with its k nearest by sentence vector."""
    out: set[tuple[int, int]] = set()
    ctx = [m.context if m.context is not None else m.vector for m in mentions]
    right_ok = [j for j in right if ctx[j] is not None]
    if not right_ok:
        return out
    mat = np.stack([np.asarray(ctx[j], dtype=np.float32) for j in right_ok])
    for i in left:
        if ctx[i] is None:
            continue
        sims = mat @ np.asarray(ctx[i], dtype=np.float32)
        for c in np.argsort(-sims)[: k + 1]:
            j = right_ok[int(c)]
            if j != i:
                out.add((min(i, j), max(i, j)))
    return out


def average_link(n: int, scored: dict[tuple[int, int], float], threshold: float, *, unscored: str = "zero") -> list[int]:
    """Average-link agglomerative clustering over the scored pairs.

    Merges the two clusters of highest mean pair probability while that mean is at least
    ``threshold``. ``unscored="zero"`` counts a pair that blocking left out as probability 0 (the
    mean is over all |A|x|B| pairs); ``"ignore"`` averages over the scored pairs only. Only
    clusters joined by some scored pair are compared, so the cost follows the blocked graph.
    """
    # Two clusters can only merge if some pair between them reaches the threshold (a mean never
    # exceeds its largest term), so pairs across the components of the >= threshold graph never
    # matter: dropping them first leaves the result unchanged and the heap small.
    root = list(range(n))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for (i, j), p in scored.items():
        if p >= threshold:
            root[find(i)] = find(j)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    counts: dict[int, dict[int, int]] = {i: {} for i in range(n)}
    for (i, j), p in scored.items():
        if i != j and find(i) == find(j):
            sums[i][j] = sums[j][i] = sums[i].get(j, 0.0) + p
            counts[i][j] = counts[j][i] = counts[i].get(j, 0) + 1
    ignore = unscored == "ignore"

    def mean(i: int, j: int) -> float:
        return sums[i][j] / (counts[i][j] if ignore else len(members[i]) * len(members[j]))

    # Only pairs at or above the threshold go on the heap: a pair's mean changes only when one
    # of its clusters merges, and every merge pushes the new means of the merged cluster.
    heap = [(-m, i, j) for i in sums for j in sums[i] if i < j and (m := mean(i, j)) >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j not in sums[i]:
            continue
        current = mean(i, j)
        if abs(current + neg) > 1e-12:
            if current >= threshold:  # stale key: the clusters grew since
                heapq.heappush(heap, (-current, i, j))
            continue
        if current < threshold:
            break
        members[i].extend(members.pop(j))
        for k, total in sums.pop(j).items():
            c = counts[j][k]
            if k == i:
                continue
            sums[k].pop(j, None)
            counts[k].pop(j, None)
            sums[i][k] = sums[k][i] = sums[i].get(k, 0.0) + total
            counts[i][k] = counts[k][i] = counts[i].get(k, 0) + c
        counts.pop(j)
        sums[i].pop(j, None)
        counts[i].pop(j, None)
        for k in sums[i]:
            if (m := mean(i, k)) >= threshold:
                heapq.heappush(heap, (-m, min(i, k), max(i, k)))
    labels = [0] * n
    for label, first in enumerate(sorted(members)):
        for m in members[first]:
            labels[m] = label
    return labels


def cluster(
    mentions: Sequence[CorefMention],
    pairs: Iterable[tuple[int, int]] | None = None,
    threshold: float | None = None,
) -> list[int]:
    """A cluster label per mention (labels are 0..k-1 in order of each cluster's first member).

    ``pairs`` are the candidate pairs to score (indices into ``mentions``); ``None`` uses
    :func:`candidate_pairs` with the blocking parameters the model was chosen with.
    """
    if not mentions:
        return []
    model = load_model()
    if pairs is None:
        cand = candidate_pairs(mentions, **model.info.get("blocking", {}))
    else:
        cand = sorted({(min(i, j), max(i, j)) for i, j in pairs if i != j})
    probs = pair_probabilities(mentions, cand, model)
    scored = {p: float(q) for p, q in zip(cand, probs, strict=True)}
    cut = shipped_threshold() if threshold is None else threshold
    return average_link(len(mentions), scored, cut, unscored=model.info.get("unscored", "zero"))
