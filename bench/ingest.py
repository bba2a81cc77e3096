"""Ingest throughput, as ratios to trafilatura alone measured in the same process.

    .venv/bin/python bench/ingest.py [--pages 60] [--seconds 3]

Baseline: ``trafilatura.extract`` (the benchmark's own call, ``include_comments=False``) on a
fixed subset of the article-extraction pages, already decompressed in memory. Then:
- text path: ``read_inputs`` + ``clean_documents`` over ../shared/seeds (plain-text scrapes);
- HTML path: ``read_inputs`` (file read, gunzip, decoding, trafilatura with metadata, htmldate)
  + ``clean_documents`` over the same HTML pages, as files.
Each figure is articles per CPU-second, best of several interleaved rounds; a ratio above 1 is faster than
the baseline. Machines differ, ratios much less.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Callable
from pathlib import Path

import trafilatura

from _timing import rates

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=60, help="benchmark pages in the fixed subset")
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per figure")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--bench", type=Path, default=SHARED / "data" / "article-extraction")
    args = parser.parse_args()

    from storyline.ingest import read_inputs
    from storyline.ingest.base import RawDocument
    from storyline.ingest.clean import clean_documents

    html_files = sorted((args.bench / "html").glob("*.html.gz"))[: args.pages]
    seed_files = sorted(p for p in args.seeds.glob("*") if p.is_file() and not p.name.startswith("."))
    if not html_files or not seed_files:
        print("need ../shared/seeds and ../shared/data/article-extraction", file=sys.stderr)
        return 2
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in html_files]

    def baseline() -> int:
        for page in pages:
            trafilatura.extract(page, include_comments=False)
        return len(pages)

    def pipeline(inputs: list[str]) -> Callable[[], int]:
        def run() -> int:
            raws = [d for d in read_inputs(inputs) if isinstance(d, RawDocument)]
            return len(clean_documents(raws))

        return run

    def read_only(inputs: list[str]) -> Callable[[], int]:
        def run() -> int:
            return sum(1 for _ in read_inputs(inputs))

        return run

    html_inputs = [str(p) for p in html_files]
    seed_inputs = [str(p) for p in seed_files] * 20  # 20 copies per round for a measurable round

    got = rates({"base": baseline, "text": pipeline(seed_inputs), "html_read": read_only(html_inputs),
                 "html": pipeline(html_inputs)}, args.seconds)
    base, text, html_read, html = got["base"], got["text"], got["html_read"], got["html"]

    print(f"baseline trafilatura.extract: {base:.1f} articles/s ({len(pages)} benchmark pages, in memory)")
    print(f"text path (read + clean, {len(seed_files)} seed scrapes x20): {text:.1f} articles/s, "
          f"{text / base:.2f}x baseline")
    print(f"HTML path, read only (file, gunzip, decode, trafilatura+metadata, htmldate): {html_read:.1f} "
          f"articles/s, {html_read / base:.2f}x baseline")
    print(f"HTML path (read + clean): {html:.1f} articles/s, {html / base:.2f}x baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
