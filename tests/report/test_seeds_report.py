"""The seeds report, scored by ../shared/eval/score_seeds.py: every 'must' check passes."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.report import render, write_report

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score_seeds.py"


def test_seeds_report_passes_every_must_check(seeds_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_seeds.py is not beside the checkout")
    path = write_report(seeds_report, tmp_path / "r.json")
    run = subprocess.run([sys.executable, str(SCORER), str(path)], capture_output=True, text=True, check=False)
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAIL [must]")]
    assert run.returncode == 0, "\n".join(failed) or run.stderr
    assert "must: 0 failed" in run.stdout


def test_seeds_csv_and_markdown(seeds_report) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(render(seeds_report, "csv"))))
    assert len(rows) == len(seeds_report.events)
    dated = [r for r in rows if r["event_date"][:4].isdigit()]
    assert dated and all(r["time_precision"] in ("day", "month", "year", "week", "season/quarter") for r in dated)
    assert any("time contradiction" in r["notes"] for r in rows)
    md = render(seeds_report, "md")
    assert md.count("### time: contradiction") >= 1 and "## Sources" in md
