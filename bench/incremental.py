"""Adding one article to a large story, as a ratio to the full analysis, in the same process.

    .venv/bin/python bench/incremental.py [--articles 1000]

Baseline: a fresh store, a story of N articles added at once (read from a corpus built from the
real pages, ``bench/_corpus.py``): every article parsed, extracted, reconciled, saved. Then one
more article is added and the story brought up to date (``storyline add``'s work). Both are
this process's CPU time (one process: ``-j 1``). The bar (issue 10): at most 3%. The parts of
the update are printed too, so that what dominates is visible.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from unittest import mock

from _corpus import texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    from storyline import analysis
    from storyline.model import Article, content_hash
    from storyline.reconcile import reconcile
    from storyline.store import Store
    from storyline.stories import add_articles

    articles = [Article(id=content_hash(t)[:16], body=t, content_hash=content_hash(t))
                for t in texts(args.articles + 1)]
    extra = articles.pop()
    spent: dict[str, float] = {"reconcile": 0.0}

    def timed_reconcile(*a: object, **k: object) -> object:
        start = time.process_time()
        try:
            return reconcile(*a, **k)  # type: ignore[arg-type]
        finally:
            spent["reconcile"] += time.process_time() - start

    with tempfile.TemporaryDirectory(prefix="storyline-inc-") as tmp, \
            mock.patch("storyline.reconcile.reconcile", timed_reconcile):
        store = Store(str(Path(tmp) / "inc.db"))
        from storyline.nlp import load_nlp

        load_nlp()  # the model's load is paid by both runs alike; keep it out of the baseline
        start = time.process_time()
        full = add_articles(store, "bench", articles)
        full_cpu = time.process_time() - start
        full_reconcile = spent["reconcile"]
        spent["reconcile"] = 0.0
        start = time.process_time()
        one = add_articles(store, "bench", [extra])
        one_cpu = time.process_time() - start
        store.close()
    assert full.parsed == len(articles) and one.parsed == 1 and analysis is not None
    print(f"full analysis of {len(articles)} articles: {full_cpu:.1f} s CPU (reconciliation {full_reconcile:.1f} s)")
    print(f"adding 1 article: {one_cpu:.2f} s CPU (reconciliation {spent['reconcile']:.2f} s, "
          f"claims rebuilt for {one.rebuilt} article(s))")
    print(f"incremental / full: {one_cpu / full_cpu:.3f} (bar: 0.03); "
          f"reconciliation alone: {spent['reconcile'] / full_cpu:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
