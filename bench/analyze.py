"""``storyline analyze`` end to end against the bare spaCy parse of the same texts, CPU in one process.

    .venv/bin/python bench/analyze.py [--pages DIR] [--rounds 2] [--limit N]

The candidate is what the CLI runs (``storyline.pipeline.analyze``: read and clean the real
pages, a temporary store, parse, extract, reconcile, save); the baseline is ``nlp.pipe`` over
the cleaned bodies that run analyses (batch size 16), docs consumed and nothing else. Both run
in this process on its CPU time, interleaved, best round each, so other processes on a shared
machine skew neither side. The bar (issue 10): a ratio parse-time / analyze-time of 0.85 or more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "article-extraction" / "html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = parser.parse_args()

    from storyline.ingest.stream import ingest_stream
    from storyline.model import Article
    from storyline.nlp import load_nlp
    from storyline.pipeline import MAX_BODY_CHARS, _unique
    from storyline.pipeline import analyze as run

    pages = sorted(str(p) for p in args.pages.iterdir() if p.is_file())
    if args.limit:
        pages = pages[: args.limit]
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        # the inputs as the CLI gets them: a folder of the pages
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for p in pages:
            (folder / Path(p).name).symlink_to(p)
        articles = _unique([a for a in ingest_stream([str(folder)]) if isinstance(a, Article)
                            and len(a.body) <= MAX_BODY_CHARS])
        bodies = [a.body for a in articles]
        nlp = load_nlp()

        def parse() -> None:
            for _ in nlp.pipe(bodies, batch_size=16):
                pass

        def analyze() -> None:
            run([str(folder)])

        for work in (parse, analyze):
            work()  # warm-up: imports, caches, the model, lazily compiled patterns
        best = {"parse": float("inf"), "analyze": float("inf")}
        for _ in range(args.rounds):
            for name, work in (("parse", parse), ("analyze", analyze)):
                start = time.process_time()
                work()
                best[name] = min(best[name], time.process_time() - start)
    print(f"{len(pages)} pages, {len(articles)} articles analysed")
    print(f"bare parse   {best['parse']:6.1f} s CPU")
    print(f"analyze      {best['analyze']:6.1f} s CPU")
    print(f"speed of analyze / speed of the parse: {best['parse'] / best['analyze']:.3f} (bar: 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
