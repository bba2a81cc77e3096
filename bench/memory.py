"""Peak memory of ``storyline analyze`` on many articles against few, in the same run.

    .venv/bin/python bench/memory.py [--small 300] [--large 3000] [--jobs 1]

Each size runs as its own ``storyline analyze`` process (a temporary store, as a user runs it)
on a corpus built from the real pages (``bench/_corpus.py``). The parse runs in child processes
(forked ones by default, ``storyline.executor.Recycled``; workers with ``-j``), so the figure is
the whole process tree's, sampled every 20 ms: the resident memory (RSS) of the ``storyline``
process, plus for each descendant forked from its parent (same command line) its private memory
(``Private_Clean`` + ``Private_Dirty`` of ``/proc/PID/smaps_rollup``: the pages it still shares
with its parent are counted once, in the parent), and for any other descendant (a process
started afresh, as ``-j``'s forkserver) its whole RSS. The peak of that sum is printed. Sampling
can miss a spike shorter than 20 ms; the kernel's exact peak of the largest single process
(``wait4``) is printed beside it. Linux only. The bar (issue 10): the large run within 1.3x of
the small one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _corpus import write

COMMAND = [sys.executable, "-c", "import sys; from storyline.cli.main import app; sys.argv[0] = 'storyline'; app()"]
"""``storyline`` as this interpreter imports it (honouring PYTHONPATH), not the console script
next to it: that one runs whatever the venv installed, which may be another checkout's code."""
PAGE = os.sysconf("SC_PAGE_SIZE")


def _descendants(pid: int) -> list[tuple[int, int]]:
    """Every live descendant of ``pid`` with its parent (children of every thread, recursively)."""
    out: list[tuple[int, int]] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            out += [(kid, parent) for kid in kids]
            todo += kids
    return out


def _cmdline(pid: int) -> bytes:
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read()


def _rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * PAGE // 1024


def _private_kib(pid: int) -> int:
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1])
    return total


def tree_kib(pid: int) -> int:
    """The tree's memory now (0 once the root is gone): the root's RSS, a forked descendant's
    private memory, another descendant's RSS."""
    try:
        total = _rss_kib(pid)
    except OSError:
        return 0
    for child, parent in _descendants(pid):
        with contextlib.suppress(OSError):  # it exited meanwhile
            total += _private_kib(child) if _cmdline(child) == _cmdline(parent) else _rss_kib(child)
    return total


def peak(folder: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Peak tree memory (sampled) and largest single process's peak RSS (kernel), in MiB, and
    wall seconds of one ``storyline analyze`` run."""
    started = time.monotonic()
    child = subprocess.Popen([*COMMAND, "analyze", str(folder), "--out", str(out), "-j", str(jobs)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    highest = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            highest[0] = max(highest[0], tree_kib(child.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _pid, status, usage = os.wait4(child.pid, 0)
    done.set()
    sampler.join()
    if status != 0:
        raise SystemExit(f"storyline analyze failed on {folder}: {child.stderr.read().decode() if child.stderr else ''}")
    return highest[0] / 1024, usage.ru_maxrss / 1024, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--large", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-mem-") as tmp:
        base = Path(tmp)
        figures = {}
        for n in (args.small, args.large):
            folder = write(base / f"c{n}", n)
            figures[n] = peak(folder, base / f"r{n}.json", args.jobs)
            tree, single, wall = figures[n]
            print(f"{n:>6} articles: peak of the process tree {tree:7.1f} MiB "
                  f"(largest single process {single:.1f} MiB; {wall:.0f} s wall)")
    ratio = figures[args.large][0] / figures[args.small][0]
    print(f"peak memory {args.large} / {args.small} articles: {ratio:.2f}x (bar: 1.3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
