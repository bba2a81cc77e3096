"""The whole per-article stage over processes (``-j N``), as wall-time speed-up over one process.

    .venv/bin/python bench/parallel.py [--articles 96] [--jobs 2]

Runs ``storyline.extraction.extract_stream`` (parse, times, mentions, the stored form) over a
corpus built from the real pages, first in this process, then over N worker processes, on the
same texts in the same run. Wall time, since the point is to use more cores; on a machine
shared with other work the figure moves with their load, so the CPU count is printed too.
"""

from __future__ import annotations

import argparse
import os
import time

from _corpus import texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from storyline.extraction import extract_stream
    from storyline.model import Article, content_hash
    from storyline.nlp import load_nlp

    articles = [Article(id=content_hash(t)[:16], body=t, content_hash=content_hash(t)) for t in texts(args.articles)]
    load_nlp()
    list(extract_stream(articles[:4]))  # warm-up: the gazetteer, lazily compiled patterns
    walls = {}
    for jobs in (1, args.jobs):
        start = time.monotonic()
        done = list(extract_stream(articles, n_process=jobs))
        walls[jobs] = time.monotonic() - start
        assert len(done) == len(articles)
        print(f"-j {jobs}: {walls[jobs]:.1f} s wall for {len(articles)} articles")
    print(f"speed-up with -j {args.jobs}: {walls[1] / walls[args.jobs]:.2f}x wall ({os.cpu_count()} CPUs on this machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
