"""Reconciliation time for 1k, 10k and 100k claims, as ratios to the 1k run in the same process.

    .venv/bin/python bench/reconcile.py [--sizes 1000,10000,100000] [--seed 7]

The claims are real ones, perturbed: the seed articles are ingested and analysed once, then
copied into many "stories". Each copy gets its own article id, its own entity ids (two copies
share them, so a story spans ten articles), years shifted by -1/0/+1 for some articles (so that
some events disagree) and a random tenth of its claims dropped. Each figure is the best of a few
rounds (one for 100k), after an untimed warm-up run; the last column divides time per claim by the
1k run's: near 1 means linear growth.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from storyline.model import Article, ArticleAnalysis, TimeExpr

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def real_corpus() -> tuple[list[Article], list[ArticleAnalysis]]:
    from storyline.extract import analyze_articles
    from storyline.ingest import ingest

    articles, errors = ingest(sorted(str(p) for p in SEEDS.glob("*.txt")))
    if errors or not articles:
        raise SystemExit(f"cannot read the seed articles in {SEEDS}: {errors}")
    analyses = analyze_articles(articles)
    articles = [replace(a, published=an.published) if an.published else a for a, an in zip(articles, analyses, strict=True)]
    return articles, analyses


def _shift_year(value: str | None, delta: int) -> str | None:
    if not value or not value[:4].isdigit() or delta == 0:
        return value
    return f"{int(value[:4]) + delta:04d}{value[4:]}"


def _shift(t: TimeExpr | None, delta: int) -> TimeExpr | None:
    if t is None or delta == 0:
        return t
    return replace(t, value=_shift_year(t.value, delta) or t.value, earliest=_shift_year(t.earliest, delta),
                   latest=_shift_year(t.latest, delta))


def perturbed(
    articles: list[Article], analyses: list[ArticleAnalysis], n_claims: int, rng: random.Random
) -> tuple[list[Article], list[ArticleAnalysis]]:
    out_a: list[Article] = []
    out_an: list[ArticleAnalysis] = []
    total = 0
    copy = 0
    while total < n_claims:
        story = copy // 2
        for a, an in zip(articles, analyses, strict=True):
            if total >= n_claims:
                break
            aid = f"{a.id[:8]}{copy:08x}"
            delta = rng.choice((-1, 0, 0, 0, 0, 1))
            times = [_shift(t, delta) for t in an.times]
            by_span = {(t.start, t.end): s for t, s in zip(an.times, times, strict=True)}
            mentions = [replace(m, entity_id=f"{m.entity_id}@{story}" if m.entity_id else None) for m in an.mentions]
            claims = []
            for c in an.claims:
                if rng.random() < 0.1 or total >= n_claims:
                    continue
                t = by_span.get((c.time.start, c.time.end)) if c.time is not None else None
                claims.append(
                    replace(c, id=f"{c.id}-{copy}", article_id=aid, time=t if c.time is not None else None,
                            entity_ids=[f"{e}@{story}" for e in c.entity_ids])
                )
                total += 1
            roles = [replace(r, entity_id=f"{r.entity_id}@{story}", article_id=aid) for r in an.roles]
            out_a.append(replace(a, id=aid))
            out_an.append(replace(an, article_id=aid, times=times, mentions=mentions, claims=claims, roles=roles))
        copy += 1
    return out_a, out_an


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from storyline.reconcile import memo, reconcile

    sizes = [int(s) for s in args.sizes.split(",")]
    articles, analyses = real_corpus()
    print(f"real material: {len(articles)} articles, {sum(len(a.claims) for a in analyses)} claims")
    base: float | None = None
    print(f"{'claims':>8} {'articles':>8} {'events':>7} {'conflicts':>9} {'seconds':>8} {'x time':>7} {'per-claim ratio':>15}")
    base_time = None
    # one untimed run first: what loads on first use (models, indexes, lexicon patterns) would
    # otherwise land in the smallest size's rounds, the denominator of every ratio
    with memo.forgetting():
        reconcile(*perturbed(articles, analyses, sizes[0], random.Random(args.seed)))
    for n in sizes:
        arts, ans = perturbed(articles, analyses, n, random.Random(args.seed))
        best = float("inf")
        report = None
        for _ in range(args.rounds if n < 100_000 else 1):
            # from scratch every round: the per-document memos would make the later rounds of a
            # small size nearly free and the ratios meaningless
            with memo.forgetting():
                start = time.perf_counter()
                report = reconcile(arts, ans)
                best = min(best, time.perf_counter() - start)
        assert report is not None
        per_claim = best / n
        if base is None:
            base, base_time = per_claim, best
        print(
            f"{n:>8} {len(arts):>8} {len(report.events):>7} {len(report.conflicts):>9} {best:>8.2f} "
            f"{best / base_time:>7.1f} {per_claim / base:>15.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
