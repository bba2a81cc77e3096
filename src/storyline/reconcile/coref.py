"""Learned cross-document event coreference: which event mentions are the same happening.

A pairwise model scores blocked candidate pairs; average-link agglomerative clustering over the
scores groups the mentions. The model (``storyline/data/coref_model.json``, written by
``scripts/train_coref.py``) standardises 26 pair features and averages five small MLPs trained
from different seeds on the ECB+ training topics; the architecture, the treatment of unscored
pairs and the threshold were chosen on the dev topics. It also carries a lemma-pair lexicon
counted on the training topics (how often 'kill'/'murder' or 'say'/'say' corefer there). Run time
needs numpy only: no spaCy or torch import happens here (``mention_from_span`` takes an already
parsed spaCy span and imports the numpy-only :mod:`storyline.extract.embed` lazily).

Public API:
- :class:`CorefMention`: a trigger (text, lemma, POS), its sentence, an optional unit ``vector``
  (the static MiniLM word vector of the trigger's lemma, :func:`storyline.extract.embed.word_vector`),
  optional ``context`` (the sentence's static embedding), ``participants`` (canonical keys of the
  entities and argument heads in its sentence), ``arguments`` (lemmas of the trigger's own
  subject/object heads), ``places``, ``interval`` (earliest/latest ISO day of its time) and
  ``sentence_index`` (kept for callers; not a feature: a headline/lead feature lowered the dev
  score);
- :func:`pair_probability` (a, b) -> P(coreferent); :func:`pair_probabilities` for many pairs;
- :data:`THRESHOLD`, chosen on the dev topics;
- :func:`cluster` (mentions, pairs=None, threshold) -> a cluster label per mention (0..k-1);
  ``pairs=None`` uses :func:`candidate_pairs` (same derivational stem, or nearest lemma vectors),
  never all pairs;
- :func:`mention_from_span`: build a :class:`CorefMention` from a parsed trigger token.

Why the features (the set was kept or dropped by the dev score): a shared lemma or derivational
stem is the strongest evidence, and the lexicon says how far to trust it for this word; the
static vectors catch synonyms ('shooting'/'shot', 'fired'/'sacked') and the sentence's topic;
shared participants and arguments separate two arrests of different people; places and disjoint
time intervals separate two quakes in different places or years; a pair in one sentence is rarely
the same event. Tried and dropped on dev: a local-window vector, stem-level lexicon backoff, a
headline/lead feature, the sentence's noun chunks as participants, wider blocking (20 neighbours),
training pairs across whole topics.
"""

from __future__ import annotations

import bisect
import heapq
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "coref_model.json"

_SUFFIXES = ("ation", "ition", "ment", "ing", "ion", "al", "ure", "er", "ed", "s", "e")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "attr", "poss", "compound"})


def lemma_key(lemma: str) -> str:
    """A crude derivational stem so that 'arrest'/'arrests', 'elect'/'election' meet."""
    w = lemma.lower()
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


@dataclass(frozen=True)
class CorefMention:
    """An event mention as the pairwise model sees it (see the module docstring)."""

    id: str
    doc: str
    lemma: str
    pos: str
    text: str
    sentence: str
    vector: np.ndarray | None = None
    participants: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    interval: tuple[str | None, str | None] | None = None
    context: np.ndarray | None = None
    arguments: frozenset[str] = frozenset()
    sentence_index: int | None = None


# ------------------------------------------------------------------------------------------
# Features


FEATURES = (
    "same_lemma",
    "same_stem",
    "same_text",
    "trigger_cos",
    "context_cos",
    "both_verb",
    "both_noun",
    "same_doc",
    "same_sentence",
    "participants_jaccard",
    "participants_shared",
    "participants_disjoint",
    "arguments_shared",
    "arguments_disjoint",
    "places_shared",
    "places_disjoint",
    "time_compatible",
    "time_incompatible",
    "lemma_x_trigger_cos",
    "lemma_x_context_cos",
    "no_vector",
    "lexicon_logodds",
    "lexicon_seen",
    "arguments_in_other",
    "lexicon_lemma_min",
    "lexicon_lemma_max",
)

@dataclass(frozen=True)
class Lexicon:
    """Counts from the training topics' blocked pairs: lemma pair -> (coreferent, all), and the
    same summed per lemma (how readily a word corefers at all: 'say' rarely, 'quake' often)."""

    pairs: dict[str, tuple[int, int]]
    lemmas: dict[str, tuple[int, int]]

    @classmethod
    def from_pairs(cls, pairs: dict[str, tuple[int, int]]) -> Lexicon:
        lemmas: dict[str, list[int]] = {}
        for key, (pos, total) in pairs.items():
            a, _, b = key.partition("|")
            for lem in {a, b}:
                c = lemmas.setdefault(lem, [0, 0])
                c[0] += pos
                c[1] += total
        return cls(dict(pairs), {k: (v[0], v[1]) for k, v in lemmas.items()})


def lexicon_key(a: str, b: str) -> str:
    a, b = a.lower(), b.lower()
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def _log_odds(pos: int, total: int) -> float:
    return float(np.log((pos + 0.5) / (total - pos + 0.5)))


def _time(a: CorefMention, b: CorefMention) -> tuple[float, float]:
    """(overlapping intervals, disjoint intervals); unknown ends are open."""
    if a.interval is None or b.interval is None:
        return 0.0, 0.0
    lo = max((x for x in (a.interval[0], b.interval[0]) if x), default=None)
    hi = min((x for x in (a.interval[1], b.interval[1]) if x), default=None)
    if lo is None or hi is None:
        return 0.0, 0.0
    return (1.0, 0.0) if lo <= hi else (0.0, 1.0)


def _ids(values: Sequence[object]) -> np.ndarray:
    index: dict[object, int] = {}
    return np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))


def _vectors(values: Sequence[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """Stacked vectors (zero rows where missing) and a have-mask."""
    have = np.array([v is not None for v in values], dtype=bool)
    d = next((len(v) for v in values if v is not None), 1)
    mat = np.zeros((len(values), d), dtype=np.float64)
    for k, v in enumerate(values):
        if v is not None:
            mat[k] = v
    return mat, have


_bit_count = np.frompyfunc(int.bit_count, 1, 1)


def _bitsets(sets: Sequence[frozenset[str]], index: dict[str, int]) -> np.ndarray:
    """Each set as a Python int bitmask (object array), so set overlaps run as numpy ufuncs;
    bitsets built with one ``index`` can be intersected with each other."""
    masks = np.empty(len(sets), dtype=object)
    for k, items in enumerate(sets):
        mask = 0
        for item in items:
            mask |= 1 << index.setdefault(item, len(index))
        masks[k] = mask
    return masks


def _overlap(bits: np.ndarray, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(|A_i & A_j|, |A_i|, |A_j|) per pair."""
    sizes = _bit_count(bits).astype(np.int64)
    return _bit_count(np.bitwise_and(bits[i], bits[j])).astype(np.int64), sizes[i], sizes[j]


def _overlap_pairs(left: np.ndarray, right: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """|L_i & R_j| per pair, for two bitsets built over the same keys."""
    return _bit_count(np.bitwise_and(left[i], right[j])).astype(np.int64)


def _lexicon_lookup(
    lexicon: Lexicon, lemmas: list[str], lem: np.ndarray, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Lexicon log-odds and seen-flag per pair, looked up once per distinct lemma pair."""
    n = int(lem.max()) + 1
    codes = np.minimum(lem[i], lem[j]) * n + np.maximum(lem[i], lem[j])
    uniq, inverse = np.unique(codes, return_inverse=True)
    first = np.zeros(n, dtype=np.int64)
    first[lem] = np.arange(len(lem))
    odds = np.zeros(len(uniq))
    seen = np.zeros(len(uniq))
    for k, code in enumerate(uniq.tolist()):
        a, b = lemmas[int(first[code // n])], lemmas[int(first[code % n])]
        pos, total = lexicon.pairs.get(lexicon_key(a, b), (0, 0))
        if total:
            odds[k], seen[k] = _log_odds(pos, total), 1.0
    return odds[inverse], seen[inverse]


def pair_feature_matrix(
    mentions: Sequence[CorefMention], pairs: Sequence[tuple[int, int]], lexicon: Lexicon | None = None
) -> np.ndarray:
    """Features of many pairs (rows in the order of :data:`FEATURES`; symmetric), vectorised so
    that scoring a story's blocked pairs costs a few numpy passes plus set checks per pair."""
    out = np.zeros((len(pairs), len(FEATURES)))
    if not pairs:
        return out
    idx = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    i, j = idx[:, 0], idx[:, 1]
    lemmas = [m.lemma.lower() for m in mentions]
    lem = _ids(lemmas)
    stem = _ids([lemma_key(x) for x in lemmas])
    text = _ids([m.text.lower() for m in mentions])
    doc = _ids([m.doc for m in mentions])
    sent = _ids([(m.doc, m.sentence) for m in mentions])
    verb = np.array([m.pos == "VERB" for m in mentions])
    noun = np.array([m.pos in ("NOUN", "PROPN") for m in mentions])
    tv, thave = _vectors([m.vector for m in mentions])
    cv, chave = _vectors([m.context for m in mentions])
    tmask = thave[i] & thave[j]
    cmask = chave[i] & chave[j]
    tc = np.where(tmask, np.einsum("ij,ij->i", tv[i], tv[j]), 0.0)
    cc = np.where(cmask, np.einsum("ij,ij->i", cv[i], cv[j]), 0.0)
    same_lemma = (lem[i] == lem[j]).astype(np.float64)
    same_doc = doc[i] == doc[j]
    col = {name: k for k, name in enumerate(FEATURES)}
    out[:, col["same_lemma"]] = same_lemma
    out[:, col["same_stem"]] = stem[i] == stem[j]
    out[:, col["same_text"]] = text[i] == text[j]
    out[:, col["trigger_cos"]] = tc
    out[:, col["context_cos"]] = cc
    out[:, col["both_verb"]] = verb[i] & verb[j]
    out[:, col["both_noun"]] = noun[i] & noun[j]
    out[:, col["same_doc"]] = same_doc
    out[:, col["same_sentence"]] = same_doc & (sent[i] == sent[j])
    out[:, col["lemma_x_trigger_cos"]] = same_lemma * tc
    out[:, col["lemma_x_context_cos"]] = same_lemma * cc
    out[:, col["no_vector"]] = ~(tmask & cmask)
    if lexicon is not None:
        rates = np.array(
            [_log_odds(*lexicon.lemmas[x]) if lexicon.lemmas.get(x, (0, 0))[1] else 0.0 for x in lemmas]
        )
        out[:, col["lexicon_lemma_min"]] = np.minimum(rates[i], rates[j])
        out[:, col["lexicon_lemma_max"]] = np.maximum(rates[i], rates[j])
    keys: dict[str, int] = {}
    part, args, place = (_bitsets([getattr(m, f) for m in mentions], keys) for f in ("participants", "arguments", "places"))
    both_args = _bitsets([m.participants | m.arguments for m in mentions], keys)
    inter, n_i, n_j = _overlap(part, i, j)
    known = (n_i > 0) & (n_j > 0)
    out[:, col["participants_jaccard"]] = np.where(known, inter / np.maximum(1, n_i + n_j - inter), 0.0)
    out[:, col["participants_shared"]] = known & (inter > 0)
    out[:, col["participants_disjoint"]] = known & (inter == 0)
    for bits, shared, disjoint in ((args, "arguments_shared", "arguments_disjoint"), (place, "places_shared", "places_disjoint")):
        inter, n_i, n_j = _overlap(bits, i, j)
        known = (n_i > 0) & (n_j > 0)
        out[:, col[shared]] = known & (inter > 0)
        out[:, col[disjoint]] = known & (inter == 0)
    cross_ij = _overlap_pairs(args, both_args, i, j)
    cross_ji = _overlap_pairs(args, both_args, j, i)
    out[:, col["arguments_in_other"]] = (cross_ij > 0) | (cross_ji > 0)
    timed = np.array([m.interval is not None for m in mentions])
    for r in np.nonzero(timed[i] & timed[j])[0].tolist():
        tcomp, tinc = _time(mentions[int(i[r])], mentions[int(j[r])])
        out[r, col["time_compatible"]] = tcomp
        out[r, col["time_incompatible"]] = tinc
    if lexicon is not None:
        odds, seen = _lexicon_lookup(lexicon, lemmas, lem, i, j)
        out[:, col["lexicon_logodds"]] = odds
        out[:, col["lexicon_seen"]] = seen
    return out


def pair_features(a: CorefMention, b: CorefMention, lexicon: Lexicon | None = None) -> np.ndarray:
    """The feature vector of one pair, in the order of :data:`FEATURES` (symmetric)."""
    return pair_feature_matrix([a, b], [(0, 1)], lexicon)[0]


# ------------------------------------------------------------------------------------------
# The model


Net = tuple[tuple[np.ndarray, np.ndarray], ...]


@dataclass(frozen=True)
class Model:
    """Standardisation, then an average over a few small networks (dense layers with tanh
    between them and a logistic output; trained from different seeds, so that the clustering
    threshold does not ride on one seed's quirks)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    nets: tuple[Net, ...]
    threshold: float
    info: dict[str, Any]
    lexicon: Lexicon | None = None

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        out = np.zeros(z.shape[0])
        for net in self.nets:
            h = z
            for i, (w, b) in enumerate(net):
                h = h @ w + b
                if i < len(net) - 1:
                    h = np.tanh(h)
            out += 1.0 / (1.0 + np.exp(-h[:, 0]))
        return out / len(self.nets)

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "nets": [[{"w": np.round(w, 6).tolist(), "b": np.round(b, 6).tolist()} for w, b in net] for net in self.nets],
            "threshold": self.threshold,
            "info": self.info,
            "lexicon": {k: list(v) for k, v in sorted((self.lexicon.pairs if self.lexicon else {}).items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            tuple(
                tuple(
                    (np.asarray(layer["w"], dtype=np.float64), np.asarray(layer["b"], dtype=np.float64))
                    for layer in net
                )
                for net in data["nets"]
            ),
            float(data["threshold"]),
            dict(data.get("info", {})),
            Lexicon.from_pairs({k: (int(v[0]), int(v[1])) for k, v in data.get("lexicon", {}).items()}),
        )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The shipped model; its feature list must be the one this module computes."""
    model = Model.from_json(json.loads(path.read_text(encoding="utf-8")))
    if model.features != FEATURES:
        raise ValueError(f"{path}: trained on features {model.features}, this code computes {FEATURES}")
    return model


def _shipped_threshold() -> float:
    try:
        return float(json.loads(MODEL_PATH.read_text(encoding="utf-8"))["threshold"])
    except (OSError, ValueError, KeyError):
        return 0.5  # no model shipped yet (while training the first one)


THRESHOLD: float = _shipped_threshold()


def pair_probability(a: CorefMention, b: CorefMention) -> float:
    """P(a and b mention the same happening) under the shipped model."""
    model = load_model()
    return float(model.probabilities(pair_features(a, b, model.lexicon))[0])


def pair_probabilities(
    mentions: Sequence[CorefMention], pairs: Sequence[tuple[int, int]], model: Model | None = None
) -> np.ndarray:
    """Probabilities of many pairs in one matrix pass."""
    if not pairs:
        return np.zeros(0)
    model = model or load_model()
    x = pair_feature_matrix(mentions, pairs, model.lexicon)
    return model.probabilities(x)


# ------------------------------------------------------------------------------------------
# Blocking and clustering


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
    for label, root in enumerate(sorted(members)):
        for m in members[root]:
            labels[m] = label
    return labels


def cluster(
    mentions: Sequence[CorefMention],
    pairs: Iterable[tuple[int, int]] | None = None,
    threshold: float = THRESHOLD,
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
    return average_link(len(mentions), scored, threshold, unscored=model.info.get("unscored", "zero"))


# ------------------------------------------------------------------------------------------
# Building mentions from a spaCy parse


def entities_by_sentence(doc: Doc) -> dict[int, tuple[Span, ...]]:
    """The named entities of each sentence (keyed by the sentence's first token index), read
    from ``doc.ents`` once: spaCy rebuilds the entity list on every ``Span.ents`` access, which
    made per-sentence access quadratic in a long article."""
    starts = [sent.start for sent in doc.sents]
    out: dict[int, list[Span]] = {start: [] for start in starts}
    for ent in doc.ents:
        out[starts[bisect.bisect_right(starts, ent.start) - 1]].append(ent)
    return {k: tuple(v) for k, v in out.items()}


def _canonical(text: str) -> str:
    words = [w for w in text.lower().replace("'s", "").split() if w not in ("the", "a", "an")]
    return " ".join(words)


def mention_from_span(
    trigger: Token,
    sentence: Span,
    *,
    id: str,
    doc: str,
    interval: tuple[str | None, str | None] | None = None,
    entities: Sequence[Span] | None = None,
    text: str | None = None,
    lemma: str | None = None,
    context: np.ndarray | None = None,
    sentence_index: int | None = None,
) -> CorefMention:
    """A :class:`CorefMention` for a trigger token in a parsed sentence.

    Participants: the sentence's named entities (people, organisations, groups, ...) by the
    lemma of their head word ('Tara Reid' and 'Reid' meet) plus the lemmas of the trigger's argument heads (subject, object, agent and
    prepositional objects); places: its GPE/LOC/FAC entities. ``entities`` (the sentence's
    ``ents``, computed once per sentence: spaCy rebuilds them on every access) and ``context``
    (default: the static embedding of the sentence's words) let a caller share them between the
    triggers of one sentence.
    """
    from storyline.extract.embed import embed_words, word_vector

    lem = (lemma or trigger.lemma_).lower()
    args: set[str] = set()
    for child in trigger.children:
        if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN", "NUM"):
            args.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            args.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj" and g.pos_ != "PRON")
    if trigger.dep_ in ("amod", "acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        args.add(trigger.head.lemma_.lower())
    ents = sentence.ents if entities is None else entities
    participants = {e.root.lemma_.lower() for e in ents if e.label_ in _PARTICIPANT_LABELS}
    places = {_canonical(e.text) for e in ents if e.label_ in _PLACE_LABELS}
    if context is None:
        context = embed_words([[t.text for t in sentence if not t.is_space]])[0]
    return CorefMention(
        id=id,
        doc=doc,
        lemma=lem,
        pos=trigger.pos_,
        text=text or trigger.text,
        sentence=sentence.text,
        vector=word_vector(lem),
        participants=frozenset(p for p in participants | args if p),
        places=frozenset(p for p in places if p),
        interval=interval,
        context=context,
        arguments=frozenset(args),
        sentence_index=sentence_index,
    )
