"""Static text embeddings distilled from all-MiniLM-L6-v2: numpy only, offline, CPU-cheap.

Running MiniLM itself over every sentence costs several times the spaCy parse (see
``bench/embed.py``), so the run time uses a table distilled from it once, model2vec-style
(``scripts/build_embed_table.py``): every WordPiece of MiniLM's vocabulary, and every whole word of
the spaCy model's vocabulary that WordPiece splits, was embedded by MiniLM on its own; the table
keeps the top 128 principal components, as int8 with a scale per row
(``storyline/data/embed_minilm_static.npz``, about 7 MB).

A text is cut with MiniLM's own uncased basic tokenizer; a word found whole in the table takes its
own row, any other word the mean of its WordPieces. A text's vector is the weighted mean of its
words' rows (stop words and punctuation weigh less, so content words dominate), unit-normalised.

Public API:
- :func:`embed` (texts -> unit rows), :func:`embed_words` (pre-tokenised word lists, optionally
  weighted), :func:`word_vector` (one word), :func:`dim`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "embed_minilm_static.npz"
_MAX_WORD = 100  # MiniLM's tokenizer gives [UNK] to longer words


@dataclass(frozen=True)
class _Table:
    index: dict[str, int]
    vectors: np.ndarray  # float32 (n, d), rows not normalised (sums of them are)
    weights: np.ndarray  # float32 (n,)
    unk: int


@lru_cache(maxsize=1)
def _table() -> _Table:
    """Load the shipped table once (a few MB; no model hub, no torch)."""
    with np.load(TABLE_PATH, allow_pickle=False) as data:
        vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
        vectors = data["vectors"].astype(np.float32)
        if "scales" in data.files:  # int8 rows with one scale each
            vectors *= data["scales"].astype(np.float32)[:, None]
        weights = data["weights"].astype(np.float32)
    index = {w: i for i, w in enumerate(vocab)}
    return _Table(index, vectors, weights, index.get("[UNK]", 0))


def dim() -> int:
    return int(_table().vectors.shape[1])


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: lower-case, strip accents, split off punctuation."""
    text = unicodedata.normalize("NFD", text.lower())
    out: list[str] = []
    word: list[str] = []
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            if word:
                out.append("".join(word))
                word = []
        elif _is_punct(ch) or 0x4E00 <= ord(ch) <= 0x9FFF:
            if word:
                out.append("".join(word))
                word = []
            out.append(ch)
        else:
            word.append(ch)
    if word:
        out.append("".join(word))
    return out


@lru_cache(maxsize=200_000)
def _word_ids(word: str) -> tuple[int, ...]:
    """Row(s) for one basic token: the whole word if the table has it, else greedy WordPieces."""
    t = _table()
    if word in t.index:
        return (t.index[word],)
    if len(word) > _MAX_WORD:
        return (t.unk,)
    ids: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        found = -1
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            found = t.index.get(piece, -1)
            if found >= 0:
                break
            end -= 1
        if found < 0:
            return (t.unk,)
        ids.append(found)
        start = end
    return tuple(ids)


@lru_cache(maxsize=200_000)
def _word_row(word: str) -> tuple[np.ndarray, float]:
    t = _table()
    ids = _word_ids(word)
    vec = t.vectors[list(ids)].mean(axis=0) if len(ids) > 1 else t.vectors[ids[0]]
    return vec, float(t.weights[ids[0]])


def word_vector(word: str) -> np.ndarray:
    """Unit vector of one word (several basic tokens, e.g. 'cease-fire', are averaged)."""
    return embed_words([basic_tokens(word)])[0]


def embed_words(words: Sequence[Sequence[str]], weights: Sequence[Sequence[float]] | None = None) -> np.ndarray:
    """Unit rows for pre-tokenised texts (each word lower-cased and looked up whole first).

    ``weights`` multiply the table's own word weights (e.g. to favour a trigger's arguments).
    Empty texts give zero rows.
    """
    d = dim()
    out = np.zeros((len(words), d), dtype=np.float32)
    for i, ws in enumerate(words):
        acc = np.zeros(d, dtype=np.float32)
        for j, w in enumerate(ws):
            key = w.lower()
            if not key or key.isspace():
                continue
            vec, weight = _word_row(key)
            if weights is not None:
                weight *= float(weights[i][j])
            acc += weight * vec
        norm = float(np.linalg.norm(acc))
        if norm > 0:
            out[i] = acc / norm
    return out


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-normalised embedding rows for ``texts`` (zero rows for texts without words)."""
    return embed_words([basic_tokens(t) for t in texts])
