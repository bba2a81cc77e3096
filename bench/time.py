"""Time tagging cost, as a ratio to the spaCy parse alone on the same texts, in the same process.

    .venv/bin/python bench/time.py [--docs 80] [--rounds 3]

Baseline: ``nlp.pipe`` (the shared pipeline, ``storyline.nlp.load_nlp``) over the raw texts of
the first TBAQ TimeML documents (the seed articles when TBAQ is absent). Then, on the parsed docs:
- ``tag_doc`` against each document's creation time (the TempEval path);
- ``analyze_times`` with no publication date (the costliest article path: a pass without anchor,
  document dating, then a pass against the inferred year).
Times are CPU seconds, best of interleaved rounds. The printed ratio is tagging time over parse
time: under 0.20 means the tagger adds under 20% to the parse.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def best_time(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from storyline.evaluation.timeml import find_tml, parse_tml
    from storyline.model import PublishedDate
    from storyline.nlp import load_nlp
    from storyline.time import analyze_times, tag_doc
    from storyline.time.resolve import Anchor

    tbaq = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
    if tbaq.is_dir():
        tml = [parse_tml(p) for p in find_tml(tbaq)[: args.docs]]
        texts = [d.text for d in tml]
        anchors = [Anchor.parse(d.dct[:10]) if d.dct else None for d in tml]
        source = f"{len(texts)} TBAQ documents"
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
        anchors = [None] * len(texts)
        source = f"{len(texts)} seed articles"
    nlp = load_nlp()
    docs = list(nlp.pipe(texts))
    for d, a in zip(docs, anchors, strict=True):  # warm-up: compiled patterns, lazy imports
        tag_doc(d, a)

    parse = best_time(lambda: list(nlp.pipe(texts)), args.rounds)
    tag = best_time(lambda: [tag_doc(d, a) for d, a in zip(docs, anchors, strict=True)], args.rounds)
    article = best_time(lambda: [analyze_times(d, PublishedDate()) for d in docs], args.rounds)
    words = sum(len(d) for d in docs)
    print(f"texts: {source}, {words} tokens")
    print(f"spaCy parse:               {parse:.3f} s CPU ({words / parse:,.0f} tokens/s)")
    print(f"tag_doc (anchored):        {tag:.3f} s CPU")
    print(f"analyze_times (no date):   {article:.3f} s CPU")
    print(f"analyze_times / parse ratio: {article / parse:.3f}")
    print(f"tag_doc / parse ratio: {tag / parse:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
