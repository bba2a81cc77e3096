"""Find the stories in a mixed pile of articles (a whole site's feed) and name each one.

Two articles belong to one story when they name the same participants and places, tell the same
kind of happening, and were written close in time. Each article is reduced to a :class:`Profile`
(named entities, content lemmas, a static MiniLM vector of its headline and lead, its date);
pairs are scored by a weighted sum of three cosines (TF-IDF over entities, TF-IDF over lemmas,
embeddings) damped by the gap between their dates, and grouped by average-link clustering cut
at a threshold. Average link, not single link: one article that mentions two stories must not
chain them together.

The weights and the threshold were chosen on ECB+'s dev topics (``storyline eval ecb --what
topics`` prints the test figures; ``scripts/tune_split.py`` the sweep). The time damping has no
ECB+ figure (its documents carry no publication date); its window is a plain judgement that a
developing story rarely goes quiet for more than a few weeks.

Memory is quadratic in the number of articles (one dense similarity matrix): a few thousand
articles per call, which is a day of a large site's feeds.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from storyline.model import Article

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})
EVENT_POS = frozenset({"NOUN", "VERB"})
LEAD_CHARS = 600
TITLE_WEIGHT = 2  # a headline word counts twice: headlines name the story


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts, and where the clustering stops merging."""

    entities: float = 0.45
    words: float = 0.35
    vector: float = 0.10
    threshold: float = 0.13
    window_days: float = 21.0  # no damping within this gap between two articles' dates
    decay_days: float = 30.0  # beyond it, similarity falls by 1/e every this many days


DEFAULT = Weights()


@dataclass(frozen=True)
class Profile:
    """What of one article tells its story apart from others."""

    entities: Counter[str]
    words: Counter[str]
    event_words: Counter[str]
    vector: np.ndarray
    day: date | None
    surface: dict[str, str] = field(default_factory=dict)  # entity key -> a name as written


@dataclass(frozen=True)
class Story:
    """One group found in the pile: a short name and its articles, in input order."""

    name: str
    article_ids: tuple[str, ...]
    entities: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


def article_day(article: Article) -> date | None:
    """The article's date: its own, else the middle of the range it is known to lie in."""
    p = article.published
    try:
        if p.value:
            return date.fromisoformat(p.value[:10])
        if p.earliest and p.latest:
            a, b = date.fromisoformat(p.earliest[:10]), date.fromisoformat(p.latest[:10])
            return date.fromordinal((a.toordinal() + b.toordinal()) // 2)
    except ValueError:
        return None
    return None


def _entity_keys(text: str, label: str) -> list[str]:
    """Keys an entity matches under: the folded name and, for a person, the surname as well
    (later mentions say 'Smith' for 'Jane Smith')."""
    words = [w for w in text.replace("\u2019", "'").split() if w.lower() not in ("the", "'s")]
    words = [w.removesuffix("'s") for w in words]
    if not words:
        return []
    name = " ".join(words).lower()
    keys = [name]
    if label == "PERSON" and len(words) > 1:
        keys.append(words[-1].lower())
    return keys


def profiles(articles: Sequence[Article], *, batch_size: int = 32) -> list[Profile]:
    """Parse each article's headline and body (tagger and NER only: the parser is not needed) and
    reduce it to a profile."""
    from storyline.extract.embed import embed
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    disable = [name for name in ("parser", "paragraph_boundaries") if name in nlp.pipe_names]
    texts = [f"{a.title or ''}\n\n{a.body[:100_000]}" for a in articles]
    leads = [f"{a.title or ''}. {a.body[:LEAD_CHARS]}" for a in articles]
    vectors = embed(leads)
    out: list[Profile] = []
    for article, doc, vector in zip(
        articles, nlp.pipe(texts, batch_size=batch_size, disable=disable), vectors, strict=True
    ):
        title_end = len(article.title or "")
        entities: Counter[str] = Counter()
        surface: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            weight = TITLE_WEIGHT if ent.start_char < title_end else 1
            for key in _entity_keys(ent.text, ent.label_):
                entities[key] += weight
                surface.setdefault(key, " ".join(ent.text.split()))
        words: Counter[str] = Counter()
        event_words: Counter[str] = Counter()
        for tok in doc:
            if tok.pos_ not in CONTENT_POS or tok.is_stop or not tok.is_alpha or len(tok.text) < 3:
                continue
            lemma = tok.lemma_.lower()
            weight = TITLE_WEIGHT if tok.idx < title_end else 1
            words[lemma] += weight
            if tok.pos_ in EVENT_POS and not tok.ent_type_:
                event_words[lemma] += weight
        out.append(Profile(entities, words, event_words, vector, article_day(article), surface))
    return out


def tfidf(bags: Sequence[Counter[str]]) -> tuple[csr_matrix, dict[str, float]]:
    """Unit rows of sublinear TF times smoothed IDF over this pile, and the IDF of each term."""
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
        for term in bag:
            vocab.setdefault(term, len(vocab))
    n = len(bags)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    rows, cols, vals = [], [], []
    for i, bag in enumerate(bags):
        weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in bag.items() if c > 0}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for t, w in weights.items():
            rows.append(i)
            cols.append(vocab[t])
            vals.append(w / norm)
    matrix = csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    return matrix, idf


def _cosines(bags: Sequence[Counter[str]]) -> np.ndarray:
    matrix, _ = tfidf(bags)
    return np.asarray((matrix @ matrix.T).todense())


def time_factor(days: Sequence[date | None], weights: Weights = DEFAULT) -> np.ndarray:
    """1 for pairs within the window or with a date unknown; exp(-excess/decay) beyond it."""
    n = len(days)
    ordinals = np.array([d.toordinal() if d else 0 for d in days], dtype=np.float64)
    known = np.array([d is not None for d in days])
    gap = np.abs(ordinals[:, None] - ordinals[None, :])
    excess = np.clip(gap - weights.window_days, 0, None)
    factor = np.exp(-excess / max(weights.decay_days, 1e-9))
    both = known[:, None] & known[None, :]
    return np.where(both, factor, np.ones((n, n)))


def similarity(items: Sequence[Profile], weights: Weights = DEFAULT) -> np.ndarray:
    """Pairwise story similarity in [0, 1] (1 on the diagonal)."""
    if not items:
        return np.zeros((0, 0))
    vectors = np.stack([p.vector for p in items]).astype(np.float64)
    total = weights.entities + weights.words + weights.vector or 1.0
    sim = (
        weights.entities * _cosines([p.entities for p in items])
        + weights.words * _cosines([p.words for p in items])
        + weights.vector * np.clip(vectors @ vectors.T, 0.0, 1.0)
    ) / total
    sim *= time_factor([p.day for p in items], weights)
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def group(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link clusters whose members are on average at least ``threshold`` similar,
    as lists of indices, largest first (ties: earliest first member)."""
    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    distance = 1.0 - (sim + sim.T) / 2
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    return sorted(clusters.values(), key=lambda c: (-len(c), c[0]))


def _top(members: Sequence[Counter[str]], idf: dict[str, float], k: int) -> list[str]:
    """Terms most of the group shares and the rest of the pile does not."""
    df: Counter[str] = Counter()
    for bag in members:
        df.update(bag.keys())
    scored = sorted(df, key=lambda t: (-(df[t] / len(members)) * idf.get(t, 1.0), t))
    return [t for t in scored if df[t] >= min(2, len(members))][:k] or scored[:k]


def name_group(members: Sequence[Profile], pile: Sequence[Profile], fallback: str = "") -> Story:
    """A name from the group's distinctive entities and event words ('A, B: verdict, jury')."""
    _, entity_idf = tfidf([p.entities for p in pile])
    _, word_idf = tfidf([p.event_words for p in pile])
    keys = _top([p.entities for p in members], entity_idf, 4)
    names: list[str] = []
    for key in keys:  # a surname under its full name is not named twice
        if any(key in other.lower().split() for other in names):
            continue
        names.append(next((p.surface[key] for p in members if key in p.surface), key))
        if len(names) == 2:
            break
    words = _top([p.event_words for p in members], word_idf, 2)
    name = ", ".join(names)
    if words:
        name = f"{name}: {', '.join(words)}" if name else ", ".join(words)
    return Story(name or fallback or "(unnamed)", (), tuple(names), tuple(words))


def split(
    articles: Sequence[Article], *, weights: Weights = DEFAULT, found: Sequence[Profile] | None = None
) -> list[Story]:
    """Group ``articles`` into stories, largest first; every article is in exactly one story.

    ``found`` are the articles' profiles if already computed (the evaluation reuses one parse).
    """
    items = list(found) if found is not None else profiles(articles)
    groups = group(similarity(items, weights), weights.threshold)
    stories = []
    for members in groups:
        named = name_group([items[i] for i in members], items, fallback=articles[members[0]].title or "")
        stories.append(Story(named.name, tuple(articles[i].id for i in members), named.entities, named.words))
    return stories
