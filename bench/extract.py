"""Extraction throughput, as a ratio to the spaCy parse alone measured in the same process.

    .venv/bin/python bench/extract.py [--articles 40] [--seconds 3]

Baseline: ``nlp.pipe`` over the article bodies (the shared pipeline, batch size 16, one process)
with the docs consumed and nothing else. Candidates on the same texts, in the same run:
- ``analyze_articles`` (the whole stage: the same parse, time tagging, entities, canonical ids,
  roles, quantities, claims);
- the same minus the time stage (what the extract package itself adds);
- the whole pipeline after reading (extraction, reconciliation with the static MiniLM embeddings
  and the learned coreference model), which must cost at most 1.5x the parse.
Texts: the five seed articles cleaned, plus the first N bodies of the article-extraction ground
truth (real news pages of varied length). Figures are articles per second, best round each, on
this process's CPU time with the workloads interleaved, so other processes skew neither side.
The goal is extraction adding under 25% to the parse: a ratio whole/parse above 0.8.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

from _timing import rates

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=40, help="ground-truth bodies added to the seeds")
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum timed seconds per figure")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--bench", type=Path, default=SHARED / "data" / "article-extraction")
    args = parser.parse_args()

    from storyline import extract
    from storyline.extract import analyze
    from storyline.ingest.base import RawDocument
    from storyline.ingest.clean import clean_documents
    from storyline.model import Article, content_hash
    from storyline.nlp import load_nlp

    raws = [RawDocument(source=str(p), format="text", text=p.read_text(encoding="utf-8"), path=str(p))
            for p in sorted(args.seeds.glob("*.txt"))]
    articles = [a for a in clean_documents(raws) if isinstance(a, Article)]
    truth_path = args.bench / "ground-truth.json"
    if truth_path.is_file():
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for key in sorted(truth)[: args.articles]:
            body = (truth[key].get("articleBody") or "").strip()
            if body:
                articles.append(Article(id=Article.make_id(body), body=body, content_hash=content_hash(body)))
    if not articles:
        print("no texts to benchmark", file=sys.stderr)
        return 2
    chars = sum(len(a.body) for a in articles)
    nlp = load_nlp()

    def parse_only() -> int:
        for _ in nlp.pipe((a.body for a in articles), batch_size=16):
            pass
        return len(articles)

    def whole() -> int:
        return len(extract.analyze_articles(articles, nlp=nlp))

    def without_time() -> int:
        with mock.patch.object(analyze, "analyze_times", lambda _doc, published, _text=None: (published, [])):
            return len(extract.analyze_articles(articles, nlp=nlp))

    def pipeline() -> int:
        from storyline.pipeline import analyze_articles as run_all

        run_all(articles)  # extraction, reconciliation, the embeddings and the model
        return len(articles)

    best = rates({"parse": parse_only, "whole": whole, "no-time": without_time, "pipeline": pipeline}, args.seconds)
    print(f"{len(articles)} articles, {chars / len(articles):.0f} characters on average")
    print(f"spaCy parse alone           {best['parse']:7.1f} articles/s")
    print(f"extraction without time     {best['no-time']:7.1f} articles/s  ratio {best['no-time'] / best['parse']:.2f}"
          f"  (adds {100 * (best['parse'] / best['no-time'] - 1):.0f}% to the parse)")
    print(f"whole extraction            {best['whole']:7.1f} articles/s  ratio {best['whole'] / best['parse']:.2f}"
          f"  (adds {100 * (best['parse'] / best['whole'] - 1):.0f}% to the parse)")
    print(f"whole pipeline (reconcile,  {best['pipeline']:7.1f} articles/s  ratio {best['pipeline'] / best['parse']:.2f}"
          f"  (costs {best['parse'] / best['pipeline']:.2f}x the parse; the bar is 1.5x)")
    print("  embeddings, coref model)")
    # each stage contains the one before it: a stage measured faster than the one it contains is the
    # rounds' noise, not a figure to report
    inverted = [(stage, inner) for stage, inner in (("no-time", "parse"), ("whole", "no-time"), ("pipeline", "whole"))
                if best[stage] > best[inner]]
    if inverted:
        print("noise: " + "; ".join(f"{s} measured faster than {i}, which it contains" for s, i in inverted)
              + f"; run again with more --seconds (now {args.seconds})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
