"""Issue 9, store: a total order for ``articles()``, strict JSON in analyses, and a failing save
that is a ``StoreError`` (never a raw driver exception), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from article_factory import make_article
from sqlalchemy import create_engine, text

from storyline import model
from storyline.store import DatabaseUnavailable, Store, resolve_url
from storyline.store import connect as store_connect
from storyline.store import rows as store_rows


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return datetime(2026, 12, 3, 12, 0, 0, tzinfo=UTC)


def test_articles_stored_in_the_same_instant_keep_their_order(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flaky round-trip test's cause, made certain: equal ``ingested_at`` used to fall back
    to hash order."""
    monkeypatch.setattr(store_rows, "datetime", _FrozenClock)
    batch = [make_article(n) for n in range(12)]
    assert sorted(a.id for a in batch) != [a.id for a in batch]  # hash order differs from ours
    with Store(store_url) as store:
        store.add_articles(batch[:7])
        store.add_articles(batch[7:])
        store.add_articles([batch[3]])  # a repeat does not move it
        assert [a.id for a in store.articles()] == [a.id for a in batch]


def test_upgrade_numbers_existing_articles_in_ingest_order(store_url: str) -> None:
    from alembic import command

    from storyline.store.migrate import alembic_config

    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
        for ident, when in (("00bb", "2024-01-02"), ("00aa", "2024-01-03"), ("00cc", "2024-01-01")):
            conn.execute(
                text(
                    "INSERT INTO articles (id, content_hash, format, body, ingested_at) "
                    f"VALUES ('{ident}', 'h{ident}', 'text', 'Harbour record {ident}.', '{when} 10:00:00+00')"
                )
            )
    engine.dispose()
    with Store(store_url) as store:
        assert [a.id for a in store.articles()] == ["00cc", "00bb", "00aa"]
        store.add_articles([make_article(1)])
        assert [a.id for a in store.articles()][-1] == make_article(1).id


def _report_with(quantity: model.Quantity) -> model.Report:
    article = make_article(1)
    claim = model.Claim(
        id="c1", article_id=article.id, text=article.body[:40], span=(0, 40), sentence=0,
        quantities=[quantity],
    )
    return model.Report(articles=[article], claims=[claim])


def test_a_non_finite_figure_is_stored_as_null_not_invalid_json(store_url: str) -> None:
    """PostgreSQL refused ``Infinity`` ("invalid input syntax for type json") and lost the analysis."""
    q = model.Quantity("9" * 400, 0, 400, math.inf, math.inf, "loaf", out_of_range=True)
    with Store(store_url) as store:
        store.save_report(_report_with(q))
        (claim,) = store.load_report().claims  # type: ignore[union-attr]
    assert claim.quantities[0].low is None and claim.quantities[0].high is None
    assert claim.quantities[0].out_of_range


def test_a_locked_database_on_save_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_connect, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "locked.db"
    report = _report_with(model.Quantity("12", 0, 2, 12.0, 12.0, "loaf"))
    with Store(db) as store:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        try:
            with pytest.raises(DatabaseUnavailable, match="locked"):
                store.save_report(report)
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.save_report(report)  # and once the lock is gone, the same save works
        assert store.load_report() == dataclasses.replace(report)


@pytest.mark.postgres
def test_analyze_with_a_400_digit_figure_saves_to_postgresql(postgres_url: str, tmp_path: Path) -> None:
    """End to end, the case of the issue: ``analyze --db postgresql://...`` crashed on ``Infinity``."""
    from hostile_inputs import huge_figure
    from storyline.pipeline import analyze

    (tmp_path / "digits.txt").write_text(huge_figure(), encoding="utf-8")
    _, errors = analyze([str(tmp_path / "digits.txt")], db_url=postgres_url)
    assert not errors
    with Store(postgres_url) as store:
        saved = store.load_report()
    assert saved is not None
    flagged = [q for c in saved.claims for q in c.quantities if q.out_of_range]
    assert [q.text for q in flagged] == ["9" * 400] and flagged[0].low is None
