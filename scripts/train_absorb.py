"""Train the statement join (``storyline.reconcile.sameday.absorb_statements``) on stories with
gold timelines and write ``src/storyline/data/absorb_model.json``.

    .venv/bin/python scripts/train_absorb.py [STORY_DIR ...] [--jobs N]

Default stories: every folder of ../shared/data/stories and tests/data/stories (each with
``corpus/`` and ``gold.json``, scored by ../shared/eval/score_story.py). Each story is analysed
once with the join switched off; the settled timeline and the statements left in its background
are captured. A pair (a timeline event, a statement of its day) is positive when both match one
gold timeline event as the scorer matches (date, shared article, keyword), negative when they
match different ones, or when one matches a gold event that none of the other's articles tells
(the gold lists every article that tells a happening). Other pairs are not used for training but
are joined at run time like any other, so the held-out figures count them.

The features are the same-day join's (``sameday.FEATURES``); the model is fitted apart because a
statement ("the results were announced on Monday") and a happening differ in other ways than two
happenings do. Protocol as ``train_sameday.py``: each story's pairs are scored by the model
trained on the other stories; the threshold is the lowest of THRESHOLDS whose held-out pairwise
precision reaches PRECISION (a wrong join puts another sentence under a happening's evidence).
The shipped weights are refit on every story.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from multiprocessing import get_context
from pathlib import Path

from storyline.reconcile import logistic, sameday

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from score_story import Report as Scored  # noqa: E402
from score_story import timeline_figures  # noqa: E402
from train_sameday import Story, _event_json, analysed_without, labelled, pair_labels, write_model  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: Of the joins made (each statement's best pair over the threshold) whose pair is labelled.
PRECISION = 0.9


def story(path: Path) -> Story:
    events, claims, report, raw, gold = analysed_without(path, "absorb_statements")
    pairs = sameday.day_pairs(events, {c.id: c for c in claims}, statements=True)
    return Story(path.name, events, claims, list(report.articles), raw, gold, pairs,
                 pair_labels(raw, events, gold, pairs))


def figures(s: Story, m: logistic.Model | None) -> dict[str, float]:
    events = s.events if m is None else sameday.absorb_statements(s.events, s.claims, m)[0]
    return timeline_figures(Scored(dict(s.raw, events=[_event_json(e) for e in events])), s.gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "storyline" / "data" / "absorb_model.json")
    args = parser.parse_args()
    paths = args.stories or [*sorted((SHARED / "data" / "stories").glob("*/")),
                             *sorted((ROOT / "tests" / "data" / "stories").glob("*/"))]
    with get_context("fork").Pool(args.jobs) as pool:
        stories = pool.map(story, paths, chunksize=1)
    for s in stories:
        ys = [y for y in s.labels if y is not None]
        print(f"{s.name}: {len(s.pairs)} pairs, {len(ys)} labelled, {int(sum(ys))} one happening")
    held = {s.name: logistic.fit(*labelled([o for o in stories if o is not s])) for s in stories}
    keys = ("recall", "fragmentation", "merge", "size")
    base = {s.name: figures(s, None) for s in stories}
    print("without the join:", {k: round(statistics.mean(f[k] for f in base.values()), 3) for k in keys})
    chosen, table = None, {}
    for t in THRESHOLDS:
        tp = fp = fn = joined = 0
        for s in stories:
            m = logistic.as_model(held[s.name], sameday.FEATURES, t)
            best: dict[int, tuple[float, float | None]] = {}  # statement -> (p, label) of its join
            wanted = set()
            for (_, j, x), y in zip(s.pairs, s.labels, strict=True):
                p = logistic.probability(x, m)
                if y == 1:
                    wanted.add(j)
                if p >= t and (j not in best or p > best[j][0]):
                    best[j] = (p, y)
            joined += len(best)
            tp += sum(1 for _, y in best.values() if y == 1)
            fp += sum(1 for _, y in best.values() if y == 0)
            fn += sum(1 for j in wanted if best.get(j, (0, None))[1] != 1)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        table[t] = {s.name: figures(s, logistic.as_model(held[s.name], sameday.FEATURES, t)) for s in stories}
        means = {k: round(statistics.mean(f[k] for f in table[t].values()), 3) for k in keys}
        print(f"threshold {t}: pairs precision {precision:.3f} recall {recall:.3f} ({joined} statements joined); held-out mean {means}", flush=True)
        if chosen is None and precision >= PRECISION:
            chosen = t
    chosen = chosen if chosen is not None else 1.01
    write_model(args.out, "Logistic regression: does a statement left in the background tell a timeline event of "
                "its day? Trained by scripts/train_absorb.py; figures are held out one story at a time.",
                stories, chosen, table.get(chosen) or base, base)
    print(f"threshold {chosen}; wrote {args.out}")


if __name__ == "__main__":
    main()
