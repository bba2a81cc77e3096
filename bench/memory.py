"""Peak memory of ``storyline analyze`` on many articles against few, in the same run.

    .venv/bin/python bench/memory.py [--small 300] [--large 3000] [--jobs 1]

Each size runs as its own ``storyline analyze`` process (a temporary store, as a user runs it)
on a corpus built from the real pages (``bench/_corpus.py``); its peak RSS comes from the
kernel (``wait4``). The bar (issue 10): the large run within 1.3x of the small one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import write

COMMAND = [sys.executable, "-c", "import sys; from storyline.cli.main import app; sys.argv[0] = 'storyline'; app()"]
"""``storyline`` as this interpreter imports it (honouring PYTHONPATH), not the console script
next to it: that one runs whatever the venv installed, which may be another checkout's code."""


def peak(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Peak RSS in MiB and wall seconds of one ``storyline analyze`` run."""
    started = time.monotonic()
    child = subprocess.Popen([*COMMAND, "analyze", str(folder), "--out", str(out), "-j", str(jobs)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"storyline analyze failed on {folder}: {child.stderr.read().decode() if child.stderr else ''}")
    return usage.ru_maxrss / 1024, time.monotonic() - started


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
            print(f"{n:>6} articles: peak RSS {figures[n][0]:7.1f} MiB ({figures[n][1]:.0f} s wall)")
    ratio = figures[args.large][0] / figures[args.small][0]
    print(f"peak RSS {args.large} / {args.small} articles: {ratio:.2f}x (bar: 1.3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
