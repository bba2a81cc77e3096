"""The CLI against PostgreSQL: ``--db postgresql://...`` works like an SQLite path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli.main import app
from storyline.store import Store

runner = CliRunner()


@pytest.mark.postgres
def test_ingest_list_show_search_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    page = tmp_path / "tunnel.txt"
    page.write_text(
        "Tunnel reopens after flood repairs\n\nThe rail tunnel under the estuary reopened on Monday after "
        "engineers pumped out the flood water and replaced the signalling.\n",
        encoding="utf-8",
    )
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")  # the driver is implied
    first = runner.invoke(app, ["ingest", str(page), "--db", plain])
    assert first.exit_code == 0, first.output
    assert "added 1" in first.stdout
    assert "skipped 1" in runner.invoke(app, ["ingest", str(page), "--db", plain]).stdout
    with Store(postgres_url) as store:
        (article,) = store.articles()
    assert article.id in runner.invoke(app, ["articles", "--db", plain]).stdout
    assert "signalling" in runner.invoke(app, ["show", article.id[:5], "--db", plain]).stdout
    found = runner.invoke(app, ["search", "flooded tunnels", "--db", plain])
    assert found.exit_code == 0 and article.id in found.stdout
    bad = runner.invoke(app, ["search", "tunnel & (", "--raw", "--db", plain])
    assert bad.exit_code == 1 and bad.stderr.startswith("error: cannot run search query")


@pytest.mark.postgres
def test_analysis_round_trips_through_postgres(postgres_url: str, tmp_path: Path) -> None:
    """analyze --db postgresql://..., then report: the same JSON, read back from JSONB columns."""
    import json

    for name, text in {
        "a.txt": "Bridge closes for repairs\n\nThe old river bridge closed on Monday for three weeks of repairs, "
        "the county said. About 12,000 drivers use it every day.\n",
        "b.txt": "Bridge repairs to last a month\n\nRepairs to the river bridge will take a month, not three weeks, "
        "a contractor said on Tuesday. Some 15,000 drivers cross it daily.\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    analyzed = runner.invoke(
        app,
        [
            "analyze",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "--out",
            str(first),
            "--db",
            postgres_url,
        ],
    )
    assert analyzed.exit_code == 0, analyzed.output
    rerun = runner.invoke(app, ["report", "--out", str(second), "--db", postgres_url])
    assert rerun.exit_code == 0, rerun.output
    assert json.loads(second.read_text(encoding="utf-8")) == json.loads(first.read_text(encoding="utf-8"))
