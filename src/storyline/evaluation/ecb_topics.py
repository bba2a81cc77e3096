"""Stories found in a mixed pile, scored as document clustering on ECB+
(`storyline eval ecb DIR --what topics`).

All documents of the chosen topics (the test topics 36-45 by default) are put in one pile and
grouped by :func:`storyline.follow.split.split`; the groups are scored against the gold topics
with B-cubed (Bagga & Baldwin 1998, over documents) and the adjusted Rand index (Hubert & Arabie
1985). Three baselines run on the same pile, so that the figure can be read: everything in one
group, every document alone, and TF-IDF cosine over plain words with the same average-link
clustering (its threshold chosen on the dev topics too). A second table scores the same groups
against the gold subtopics (each topic's ECB and ECB+ halves are two distinct happenings of one
kind, e.g. two different trials), which is closer to what a user calls one story.

ECB+ documents have no publication date, so the time part of the split plays no role here; the
first line of an ECB+ document that is its address is kept as the article's URL, not its text.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from storyline.evaluation.conll import Score, b_cubed
from storyline.evaluation.ecb import Document, load_corpus
from storyline.follow import split as splitter
from storyline.model import Article, content_hash

DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
#: Threshold of the TF-IDF baseline, chosen on the dev topics like the split's own.
TFIDF_THRESHOLD = 0.10


def to_article(document: Document) -> Article:
    """An ECB+ document as an article: the first sentence that is not an address is the title."""
    sentences = [" ".join(t.text for t in document.sentences[s]) for s in sorted(document.sentences)]
    url = None
    if sentences and sentences[0].replace(" ", "").lower().startswith(("http", "www.")):
        url = sentences.pop(0).replace(" ", "")
    title = sentences.pop(0) if sentences else ""
    body = "\n".join(sentences) or title
    return Article(id=document.name, body=body, content_hash=content_hash(f"{document.name}\n{body}"),
                   url=url, title=title or None, format="text")


def adjusted_rand(gold: Mapping[Any, Hashable], response: Mapping[Any, Hashable]) -> float:
    """Adjusted Rand index of two labellings of the same items (1 = identical, ~0 = chance)."""
    items = list(gold)
    if len(items) < 2:
        return 1.0
    pairs = Counter((gold[i], response[i]) for i in items)
    a = Counter(gold[i] for i in items)
    b = Counter(response[i] for i in items)

    def comb(n: int) -> float:
        return n * (n - 1) / 2

    index = sum(comb(n) for n in pairs.values())
    sum_a = sum(comb(n) for n in a.values())
    sum_b = sum(comb(n) for n in b.values())
    expected = sum_a * sum_b / comb(len(items))
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0 if index == expected else 0.0
    return (index - expected) / (maximum - expected)


@dataclass(frozen=True)
class Figures:
    b_cubed: Score
    ari: float
    groups: int


def score(gold: Mapping[str, Hashable], groups: Sequence[Sequence[str]]) -> Figures:
    """B-cubed and ARI of ``groups`` (lists of document names) against gold labels."""
    response = {doc: n for n, members in enumerate(groups) for doc in members}
    key: dict[Hashable, set[Hashable]] = {}
    for doc, label in gold.items():
        key.setdefault(label, set()).add(doc)
    return Figures(b_cubed(list(key.values()), [set(g) for g in groups]),
                   adjusted_rand(gold, response), len(groups))


def _plain_words(article: Article) -> Counter[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    text = f"{article.title or ''}\n{article.body}".lower()
    return Counter(w for w in "".join(c if c.isalnum() else " " for c in text).split()
                   if w.isalpha() and len(w) > 2 and w not in STOP_WORDS)


def tfidf_groups(articles: Sequence[Article], threshold: float = TFIDF_THRESHOLD) -> list[list[str]]:
    """The baseline: TF-IDF cosine over plain words, average link, cut at ``threshold``."""
    matrix, _ = splitter.tfidf([_plain_words(a) for a in articles])
    sim = np.asarray((matrix @ matrix.T).todense())
    return [[articles[i].id for i in g] for g in splitter.group(sim, threshold)]


Systems = dict[str, Callable[[], list[list[str]]]]


def systems(articles: Sequence[Article], found: Sequence[splitter.Profile],
            weights: splitter.Weights = splitter.DEFAULT) -> Systems:
    ids = [a.id for a in articles]
    return {
        "all in one group": lambda: [ids],
        "one group per document": lambda: [[i] for i in ids],
        "TF-IDF cosine, average link": lambda: tfidf_groups(articles),
        "storyline split": lambda: [list(s.article_ids) for s in splitter.split(articles, weights=weights,
                                                                                 found=found)],
    }


def _row(name: str, f: Figures) -> str:
    b = f.b_cubed
    return (f"  {name:<30} B3 P {b.precision * 100:5.1f} R {b.recall * 100:5.1f} F1 {b.f1 * 100:5.1f}"
            f"   ARI {f.ari:6.3f}   groups {f.groups}")


def main(directory: Path | str, *, topics: str | None = None, verbose: bool = False) -> int:
    """Print the table; the last line is ``B-cubed F1: N  ARI: N`` of the split on gold topics."""
    try:
        docs = load_corpus(directory, topics, selected_only=False)
    except (OSError, ValueError, ET.ParseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    articles = [to_article(d) for d in docs]
    topic_list = sorted({d.topic for d in docs})
    subtopics = {d.name: f"{d.topic}/{d.subtopic}" for d in docs}
    print(f"ECB+ topics {','.join(map(str, topic_list))}: {len(docs)} documents in one pile, "
          f"{len(topic_list)} gold topics, {len(set(subtopics.values()))} gold subtopics")
    found = splitter.profiles(articles)
    results = {name: run() for name, run in systems(articles, found).items()}
    final: Figures | None = None
    golds: tuple[tuple[str, Mapping[str, Hashable]], ...] = (
        ("gold topics", {d.name: d.topic for d in docs}), ("gold subtopics", subtopics))
    for title, gold in golds:
        print(f"documents into {title}:")
        for name, groups in results.items():
            figures = score(gold, groups)
            print(_row(name, figures))
            if name == "storyline split" and final is None:
                final = figures
    if verbose:
        for story in splitter.split(articles, found=found):
            members = Counter(d.split("_")[0] for d in story.article_ids)
            print(f"  {story.name!r}: {dict(members)}")
    assert final is not None
    print(f"B-cubed F1: {final.b_cubed.f1 * 100:.1f}  ARI: {final.ari:.3f}")
    return 0
