"""Adding one article to a large story, as a ratio to the full analysis, in the same process.

    .venv/bin/python bench/incremental.py [--articles 1000]

Baseline: a fresh store, a story of N articles added at once (read from a corpus built from the
real pages, ``bench/_corpus.py``): every article parsed, extracted, reconciled, saved. Then one
more article is added and the story brought up to date (``storyline add``'s work). Both are
this process's CPU time and its parse children's (``_timing.cpu``; ``-j 1``). The first update after the full analysis is not
timed (it may write the whole stored analysis once); a second article is then added and timed.
The bar (issue 10): at most 3%. The parts of the update are printed, so that what dominates is
visible.

What an update reuses lives in this process: each document's frames (``reconcile``), the
per-article results of the conflict checks (``reconcile.memo``) and the store's decoded
extractions and claim sets. The untimed update fills them, as the updates of a
long-lived process do (``storyline watch``, the Python API, the web app). ``--cold`` empties them
before the timed update: the work of a ``storyline add`` run in a new process (imports and the
model's load aside).
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from _corpus import texts
from _timing import cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--cold", action="store_true", help="forget this process's memos before the timed update")
    args = parser.parse_args()

    from storyline import analysis, reconcile, stories
    from storyline.model import Article, content_hash
    from storyline.reconcile import memo
    from storyline.store import Store, report_rows

    articles = [Article(id=content_hash(t)[:16], body=t, content_hash=content_hash(t))
                for t in texts(args.articles + 2)]
    extra = articles[-2:]
    del articles[-2:]
    spent: dict[str, float] = defaultdict(float)

    def timed(label: str, work: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return work(*a, **k)
            finally:
                spent[label] += time.process_time() - start
        return run

    parts = [  # (label, module or class, attribute): the stages of an update, in order
        ("load articles", Store, "story_articles"), ("load extractions", analysis._Cache, "stored"),
        ("story stage (finish)", analysis, "finish"), ("reconcile", reconcile, "reconcile"),
        ("diff", stories, "_diff"), ("write", report_rows, "update_report"),
    ]
    with tempfile.TemporaryDirectory(prefix="storyline-inc-") as tmp, contextlib.ExitStack() as patches:
        for label, owner, name in parts:
            patches.enter_context(mock.patch.object(owner, name, timed(label, getattr(owner, name))))
        store = Store(str(Path(tmp) / "inc.db"))
        from storyline.nlp import load_nlp

        load_nlp()  # the model's load is paid by both runs alike; keep it out of the baseline
        start = cpu()
        full = add(store, articles)
        full_cpu = cpu() - start
        full_parts = dict(spent)
        add(store, [extra[0]])  # the first update after a full analysis (same path as every later one)
        spent.clear()
        if args.cold:
            reconcile._frame_memo.clear()
            memo.clear_all()
            store._decoded().items.clear()
        start = cpu()
        one = add(store, [extra[1]])
        one_cpu = cpu() - start
        store.close()
    assert full.parsed == len(articles) and one.parsed == 1
    print(f"full analysis of {len(articles)} articles: {full_cpu:.1f} s CPU "
          f"(reconciliation {full_parts['reconcile']:.1f} s)")
    print(f"adding 1 article to a story of {len(articles) + 1}: {one_cpu:.2f} s CPU; claims rebuilt for {one.rebuilt} "
          f"article(s); rows written {one.written}")
    for label, _owner, _name in parts:
        print(f"  {label:<22} {spent[label]:6.2f} s  {spent[label] / full_cpu:.4f} of the full analysis")
    rest = one_cpu - sum(spent.values())
    print(f"  {'rest (parse of 1, ...)':<22} {rest:6.2f} s  {rest / full_cpu:.4f}")
    print(f"incremental / full: {one_cpu / full_cpu:.3f} (bar: 0.03){' (memos emptied first)' if args.cold else ''}")
    return 0


def add(store: Any, articles: list[Any]) -> Any:
    from storyline.stories import add_articles

    return add_articles(store, "bench", articles)


if __name__ == "__main__":
    raise SystemExit(main())
