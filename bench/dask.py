"""The per-article stage on Dask: throughput with 1 and 2 workers against one process.

    .venv/bin/python bench/dask.py [--articles 64] [--dask tcp://HOST:8786]

Same texts (a corpus built from the real pages), same run: first this process alone
(``InProcess``), a local Dask cluster of 1 and one of 2 single-threaded workers (and, with
``--dask``, the cluster at that address), all started and warmed first (model loaded by the
worker plugin, a warm-up batch run), since a cluster stays up across runs; then rounds that
interleave them, best round of each. Printed as ratios to the single process: wall-time throughput (the point of more
workers; it moves with whatever else runs on the machine, so the load average is printed), the
workers' CPU per article (what distribution costs on top of the work), the client's CPU per
article (decoding results), and the client writing the results to an SQLite store (why the
client, not the workers, writes). The workers' CPU per article is also printed in
milliseconds: the README's sizing table is derived from it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dask", help="also run on the cluster at this scheduler address")
    args = parser.parse_args()

    from _corpus import texts

    # this file is bench/dask.py: its folder must not shadow the dask package it measures (nor
    # reach the workers, which re-import this file without running main)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    from storyline.dask_executor import DaskExecutor
    from storyline.executor import Executor, InProcess
    from storyline.model import Article, content_hash
    from storyline.store import Store

    articles = [Article(id=content_hash(t)[:16], body=t, content_hash=content_hash(t)) for t in texts(args.articles)]
    warmup = [Article(id=f"w{a.id}"[:16], body=a.body + "\nWarm-up.", content_hash=content_hash(a.body + "\nWarm-up."))
              for a in articles[:4]]
    print(f"{len(articles)} articles; {os.cpu_count()} CPUs; load average before {load()}")

    results: dict[str, tuple[float, float, float]] = {}  # name -> wall, worker CPU, client CPU
    executors: dict[str, Executor] = {"one process": InProcess()}
    print("starting the clusters")
    executors["Dask, 1 worker"] = DaskExecutor(workers=1)
    executors["Dask, 2 workers"] = DaskExecutor(workers=2)
    if args.dask:
        executors[f"Dask at {args.dask}"] = DaskExecutor(args.dask)
    try:
        for executor in executors.values():
            list(executor.extract(warmup))
        for _round in range(args.rounds):  # interleaved, best of each: other load skews none alone
            for name, executor in executors.items():
                executor.cpu = 0.0
                wall, cpu = time.monotonic(), time.process_time()
                done = list(executor.extract(articles))
                wall, cpu = time.monotonic() - wall, time.process_time() - cpu
                assert [e.content_hash for e in done] == [a.content_hash for a in articles]
                got = (wall, executor.cpu or cpu, cpu)
                results[name] = tuple(min(a, b) for a, b in zip(results.get(name, got), got, strict=True))  # type: ignore[assignment]
                print(f"  round {_round + 1}, {name}: done (load average {load()})")
    finally:
        for executor in executors.values():
            executor.close()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
        store.add_articles(articles)
        start = time.process_time()
        for i in range(0, len(done), 32):
            store.put_extractions(done[i:i + 32])
        results["store write"] = (0.0, 0.0, time.process_time() - start)

    base_wall, base_cpu, _ = results["one process"]
    print(f"load average after {load()}")
    print(f"{'':<22}{'throughput':>12}{'worker CPU/article':>20}{'client CPU/article':>20}")
    for name, (wall, worker, client) in results.items():
        if name == "store write":
            continue
        speed = base_wall / wall
        workers = 2 if "2 workers" in name else 1 if name != f"Dask at {args.dask}" else 10**6
        shown = f"{speed:.2f}x" if speed <= 1.15 * workers else "disturbed"  # more than k workers can give
        print(f"{name:<22}{shown:>12}{worker / base_cpu:>19.2f}x{client / base_cpu:>19.2f}x")
    print(f"client writing the results to SQLite: {results['store write'][2] / base_cpu:.3f}x the extraction CPU")
    print(f"measured on this machine: {1000 * base_cpu / len(articles):.0f} ms CPU per article in one process, "
          f"{1000 * results['Dask, 1 worker'][1] / len(articles):.0f} ms on a Dask worker (for the README's sizing)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
