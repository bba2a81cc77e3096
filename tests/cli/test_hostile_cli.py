"""Issue 9 through the commands: the mixed batch, terminal-safe output, and analyses that are
written even when the database fails. Real files, a real loopback server, real SQLite stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_inputs import (
    first_sentence,
    hostile_server,
    huge_figure,
    one_hundred_times,
    story_text,
    write_batch,
)
from storyline.cli.main import app
from storyline.ingest import url as url_reader
from storyline.store import Store
from storyline.store import connect as store_connect

runner = CliRunner()
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_a_mixed_batch_stores_exactly_the_good_inputs_and_prints_one_line_per_bad_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.ingest.base import printable

    monkeypatch.setattr(url_reader, "TOTAL_SECONDS", 1.5)
    db = tmp_path / "batch.db"
    with hostile_server() as base:
        inputs, bad, good = write_batch(tmp_path / "batch", base)
        result = run("ingest", *inputs, "--db", db, "--allow-private")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad), "\n".join(lines)
    for line in lines:
        assert line.startswith("error: ") and not any(c in line for c in UNSAFE), repr(line)
    for source, fragment in bad.items():
        (line,) = [x for x in lines if x.startswith(f"error: {printable(source)}: ")]
        assert fragment in line, (source, line)
    assert f"added {len(good)}, skipped 0 (already stored), failed {len(bad)}" in result.stdout
    with Store(db) as store:
        stored = store.articles()
    assert len(stored) == len(good)
    for n in set(good):
        assert sum(first_sentence(n) in a.body for a in stored) == good.count(n), n

    # the same batch through analyze: same error lines, every good input analysed, strict JSON
    with hostile_server() as base:
        inputs, bad, good = write_batch(tmp_path / "again", base)
        out = tmp_path / "batch.json"
        result = run("analyze", *inputs, "--out", out, "--out", tmp_path / "batch.csv", "--allow-private")
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert len([x for x in result.stderr.splitlines() if x.startswith("error: ")]) == len(bad)
    assert f"{len(bad)} input(s) failed" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"), parse_constant=_refuse)
    assert len(report["articles"]) == len(good)


def _refuse(constant: str) -> None:
    raise ValueError(f"non-strict JSON constant {constant}")


def test_titles_and_names_cannot_drive_the_terminal(tmp_path: Path) -> None:
    evil = "Harbour \x1b]0;owned\x07\x1b[2J\x9b31m news \u202etxt.exe"
    lines = tmp_path / "evil\x1b[31m.jsonl"
    lines.write_text(
        json.dumps({"text": story_text(0), "title": evil, "site": evil, "url": "http://harbour.test/\x1b[1m"})
        + "\n" + "{broken\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    ingested = run("ingest", lines, "--db", db)
    assert ingested.exit_code == 1
    (error,) = ingested.stderr.splitlines()
    assert error.startswith("error: ") and "evil\\x1b[31m.jsonl:2: bad JSON line" in error
    with Store(db) as store:
        (article,) = store.articles()
    outputs = [
        run("articles", "--db", db),
        run("show", article.id, "--db", db),
        run("search", "ferry", "--db", db),
        run("articles", "--db", db, "--json"),
    ]
    for out in outputs:
        assert out.exit_code == 0, out.output
        assert not any(c in out.stdout for c in UNSAFE), repr(out.stdout)
    assert "Harbour \\x1b]0;owned\\x07" in outputs[1].stdout  # shown escaped, not dropped
    assert json.loads(outputs[3].stdout)[0]["title"] == evil  # --json still round-trips the value


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path: Path) -> None:
    forged = tmp_path / "a\nerror: everything is fine.txt"
    forged.write_bytes(b"")
    result = run("ingest", forged, "--db", tmp_path / "n.db")
    assert result.stderr.splitlines() == [f"error: {tmp_path}/a\\nerror: everything is fine.txt: empty file (0 bytes)"]


def test_analyze_survives_overflowing_and_out_of_range_figures_with_strict_json(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text(one_hundred_times(), encoding="utf-8")
    (tmp_path / "digits.txt").write_text(huge_figure(), encoding="utf-8")
    out = tmp_path / "r.json"
    result = run("analyze", tmp_path / "words.txt", tmp_path / "digits.txt", "--out", out, "--out",
                 tmp_path / "r.csv", "--out", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"), parse_constant=_refuse)
    figures = [q for c in report["claims"] for q in c["quantities"] if q["out_of_range"]]
    assert any(q["text"] == "9" * 400 and q["low"] is None and q["high"] is None for q in figures), figures


def test_analyze_writes_the_reports_when_the_final_save_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_connect, "BUSY_TIMEOUT_MS", 200)
    for n in range(2):
        (tmp_path / f"s{n}.txt").write_text(story_text(n), encoding="utf-8")
    db = tmp_path / "busy.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer keeps the database locked throughout
    try:
        result = run("analyze", tmp_path / "s0.txt", tmp_path / "s1.txt", "--db", db,
                     "--out", tmp_path / "r.json", "--out", tmp_path / "r.html")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [str(tmp_path / "r.json"), str(tmp_path / "r.html")]
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["articles"]) == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: the analysis was not saved to the database: cannot write to ")
    assert "locked" in last and "Traceback" not in result.output
