"""``storyline analyze`` end to end against the bare spaCy parse of the same texts, CPU in one process.

    .venv/bin/python bench/analyze.py [--articles N] [--html] [--rounds 2]

The candidate is what the CLI runs (``storyline.pipeline.analyze``: read and clean the inputs, a
temporary store, parse, extract, reconcile, save); the baseline is ``nlp.pipe`` over the cleaned
bodies that run analyses (batch size 16), docs consumed and nothing else. The inputs are the
bench corpus (``bench/_corpus.py``: the real pages' bodies as text files, as ``bench/memory.py``
reads them), or with ``--html`` the real pages themselves (their HTML cleaning, trafilatura,
then counts as analysis: some 3 s of CPU on the 181 pages). Both run
from this process, timed on its CPU time plus that of the child processes it waited for
(``resource.RUSAGE_CHILDREN``: ``storyline analyze`` parses in forked children, whose CPU counts
as analysis), interleaved, best round each, so other processes on a shared machine skew neither
side. The bar (issue 10): a ratio parse-time / analyze-time of 0.85 or more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _corpus import bodies, write
from _timing import cpu

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "article-extraction" / "html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=0, help="articles of the bench corpus (0: each real body once)")
    parser.add_argument("--html", action="store_true", help="the real HTML pages instead (all of them)")
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from storyline.ingest.stream import ingest_stream
    from storyline.model import Article
    from storyline.nlp import load_nlp
    from storyline.pipeline import MAX_BODY_CHARS, _unique
    from storyline.pipeline import analyze as run

    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        # the inputs as the CLI gets them: a folder
        folder = Path(tmp) / "inputs"
        if args.html:
            folder.mkdir()
            for p in sorted(args.pages.iterdir()):
                (folder / p.name).symlink_to(p)
        else:
            write(folder, args.articles or len(bodies()))
        inputs = sum(1 for _ in folder.iterdir())
        articles = _unique([a for a in ingest_stream([str(folder)]) if isinstance(a, Article)
                            and len(a.body) <= MAX_BODY_CHARS])
        texts = [a.body for a in articles]
        nlp = load_nlp()

        def parse() -> None:
            for _ in nlp.pipe(texts, batch_size=16):
                pass

        def analyze() -> None:
            run([str(folder)])

        for work in (parse, analyze):
            work()  # warm-up: imports, caches, the model, lazily compiled patterns
        best = {"parse": float("inf"), "analyze": float("inf")}
        for _ in range(args.rounds):
            for name, work in (("parse", parse), ("analyze", analyze)):
                start = cpu()
                work()
                best[name] = min(best[name], cpu() - start)
    print(f"{inputs} {'pages' if args.html else 'text files'}, {len(articles)} articles analysed")
    print(f"bare parse   {best['parse']:6.1f} s CPU")
    print(f"analyze      {best['analyze']:6.1f} s CPU")
    print(f"speed of analyze / speed of the parse: {best['parse'] / best['analyze']:.3f} (bar: 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
