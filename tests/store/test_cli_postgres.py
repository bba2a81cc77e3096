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
