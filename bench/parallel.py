"""The whole per-article stage over local processes (``-j N``), as wall-time speed-up over one.

    .venv/bin/python bench/parallel.py [--articles 96] [--jobs 2] [--rounds 2]

Runs the per-article stage (parse, times, mentions, the stored form) over a corpus built from
the real pages, in this process and over N worker processes (``storyline.executor.ProcessPool``),
on the same texts in the same run, rounds interleaved, best round of each. Two figures for the
pool: *started* (the pool made inside the timed run: what one ``storyline analyze -j N`` pays,
each worker loading the model once) and *kept* (a pool already up and warm: a long-lived
process, or a big run where the start is amortised). Wall time, since the point is to use more
cores; on a machine shared with other work the figure moves with their load, so the load
average is printed, and the CPU of this process and the workers' batches against ``-j 1``.
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
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from storyline.executor import Executor, InProcess, ProcessPool
    from storyline.model import Article, content_hash

    articles = [Article(id=content_hash(t)[:16], body=t, content_hash=content_hash(t)) for t in texts(args.articles)]
    one, kept = InProcess(), ProcessPool(args.jobs)
    for executor in (one, kept):
        list(executor.extract(articles[:4]))  # warm-up: the model, the gazetteer, lazy patterns
    print(f"{len(articles)} articles, {os.cpu_count()} CPUs; load average before "
          + "/".join(f"{x:.1f}" for x in os.getloadavg()))

    def run(executor: Executor) -> tuple[float, float]:
        executor.cpu = 0.0
        wall, cpu = time.monotonic(), time.process_time()
        done = list(executor.extract(articles))
        assert len(done) == len(articles)
        return time.monotonic() - wall, time.process_time() - cpu + executor.cpu

    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.rounds):
        started = time.monotonic()
        with ProcessPool(args.jobs) as fresh:
            run(fresh)
        # the workers' start (model load) is CPU this process cannot see: forkserver's children
        figures = {"-j 1": run(one), f"-j {args.jobs} started": (time.monotonic() - started, float("nan")),
                   f"-j {args.jobs} kept": run(kept)}
        for name, (wall, cpu) in figures.items():
            old = best.get(name, (wall, cpu))
            best[name] = (min(old[0], wall), cpu if cpu != cpu else min(old[1], cpu))
    kept.close()
    print("load average after " + "/".join(f"{x:.1f}" for x in os.getloadavg()))
    base_wall, base_cpu = best["-j 1"]
    for name, (wall, cpu) in best.items():
        speed = base_wall / wall
        shown = f"{speed:.2f}x" if speed <= 1.15 * args.jobs else "disturbed run (more than N processes can give)"
        cpu_shown = "not seen (worker start)" if cpu != cpu else f"{cpu / base_cpu:.2f}x of -j 1"
        print(f"{name:<16} speed-up {shown:>6} wall; CPU {cpu_shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
