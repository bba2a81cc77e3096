"""Pair features of the coreference model and the lemma-pair lexicon they read.

Every feature is a function of the two mentions alone (and the lexicon), never of the other
mentions scored with them, so a pair scores the same in a story of ten mentions or ten thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.reconcile.coref.mention import CorefMention, lemma_key

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
