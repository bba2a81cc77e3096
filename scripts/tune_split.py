"""Sweep the story split's weights and threshold (and the TF-IDF baseline's threshold) on ECB+
topics other than the test topics, to choose ``storyline.follow.split.DEFAULT`` and
``storyline.evaluation.ecb_topics.TFIDF_THRESHOLD``.

    python scripts/tune_split.py ../shared/data/ecbplus --topics 2,5,12,18,21,23,34,35

Prints, for each setting, B-cubed F1 and ARI against the gold topics; the best last. The test
topics (36-45) are refused.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace

import numpy as np

from storyline.evaluation import ecb_topics as ev
from storyline.evaluation.ecb import load_corpus, parse_topics
from storyline.follow import split as splitter


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--topics", default=",".join(map(str, ev.DEV_TOPICS)))
    args = parser.parse_args()
    topics = parse_topics(args.topics)
    if set(topics) & set(range(36, 46)):
        raise SystemExit("the test topics 36-45 are not for tuning")
    docs = load_corpus(args.directory, topics, selected_only=False)
    articles = [ev.to_article(d) for d in docs]
    gold = {d.name: d.topic for d in docs}
    found = splitter.profiles(articles)
    print(f"{len(docs)} documents, {len(set(gold.values()))} topics")
    for t in np.arange(0.04, 0.30, 0.02):
        f = ev.score(gold, ev.tfidf_groups(articles, float(t)))
        print(f"tfidf t={t:.2f}  B3 F1 {f.b_cubed.f1 * 100:5.1f}  ARI {f.ari:.3f}  groups {f.groups}")
    best: tuple[float, splitter.Weights] | None = None
    for we, ww, wv in itertools.product((0.2, 0.35, 0.45, 0.6), (0.2, 0.35, 0.5), (0.0, 0.1, 0.2, 0.35)):
        base = replace(splitter.DEFAULT, entities=we, words=ww, vector=wv)
        sim = splitter.similarity(found, base)
        for t in np.arange(0.08, 0.40, 0.02):
            groups = [[articles[i].id for i in g] for g in splitter.group(sim, float(t))]
            f = ev.score(gold, groups)
            print(f"split e={we} w={ww} v={wv} t={t:.2f}  B3 F1 {f.b_cubed.f1 * 100:5.1f}  ARI {f.ari:.3f}  "
                  f"groups {f.groups}")
            if best is None or f.b_cubed.f1 > best[0]:
                best = (f.b_cubed.f1, replace(base, threshold=round(float(t), 2)))
    assert best is not None
    print(f"best B3 F1 {best[0] * 100:.1f}: {best[1]}")


if __name__ == "__main__":
    main()
