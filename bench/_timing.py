"""Timing shared by the bench scripts: interleaved rounds on this process's CPU time."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable


def cpu() -> float:
    """CPU seconds of this process and of every child process it has waited for: the pipeline
    parses in forked children (``storyline.executor``), whose work is the analysis's too."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def rates(workloads: dict[str, Callable[[], int]], seconds: float) -> dict[str, float]:
    """Items per second for each workload, best round each.

    Time is this process's CPU time, and rounds interleave the workloads, so that other
    processes on a shared machine skew neither the baseline nor the candidates.
    """
    for work in workloads.values():
        work()  # warm-up: imports, caches, lazily compiled patterns, the model
    best = dict.fromkeys(workloads, 0.0)
    started = time.process_time()
    rounds = 0
    while rounds < 3 or time.process_time() - started < seconds * len(workloads):
        for name, work in workloads.items():
            start = time.process_time()
            n = work()
            best[name] = max(best[name], n / max(1e-9, time.process_time() - start))
        rounds += 1
    return best
