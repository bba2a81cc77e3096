"""A process killed (SIGKILL) in the middle of an ingest leaves a consistent store.

A child ``python -c`` ingests many articles in chunks; once it has committed a few chunks the
test kills it while it keeps writing, then checks that the store opens, passes the integrity
checks, holds only complete articles (each with its teasers, highlights, removed parts and
full-text entry) in whole chunks, and that re-running the ingest stores each article exactly once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from article_factory import make_article
from sqlalchemy import text

from storyline.store import Store

TOTAL = 400
CHUNK = 20
HERE = Path(__file__).resolve().parent

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from article_factory import make_article
from storyline.store import Store

url, total, chunk = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
store = Store(url)
for start in range(0, total, chunk):
    batch = [make_article(n, words=150) for n in range(start, min(start + chunk, total))]
    print("writing", flush=True)
    result = store.add_articles(batch)
    print("committed", len(result.added), flush=True)
print("done", flush=True)
"""


def ingest(url: str, *, kill_after: int | None) -> int:
    """Run the child; with ``kill_after``, SIGKILL it as it starts writing the chunk after that many.

    Returns how many chunks the child reported committed.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(HERE), url, str(TOTAL), str(CHUNK)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    committed = 0
    for line in child.stdout:
        word = line.split()[0]
        if word == "done":
            break
        if word == "committed":
            committed += 1
        elif kill_after is not None and committed >= kill_after:
            os.kill(child.pid, signal.SIGKILL)  # it is inside add_articles now
            break
    child.wait(timeout=120)
    if kill_after is None:
        assert child.returncode == 0, child.stderr.read() if child.stderr else ""
    else:
        assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    return committed


def check_consistent(store: Store) -> set[str]:
    stored = store.articles()
    ids = [a.id for a in stored]
    assert len(ids) == len(set(ids))
    for article in stored:
        n = int((article.title or "").rsplit(" ", 1)[-1])
        assert article == make_article(n, words=150)  # complete: every child row is there
    # all-or-nothing per call: only whole chunks
    assert len(stored) % CHUNK == 0
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            # FTS5's own consistency check raises if the index disagrees with its content
            conn.exec_driver_sql("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            fts_ids = conn.execute(text("SELECT article_id FROM articles_fts")).scalars().all()
        else:
            fts_ids = conn.execute(text("SELECT id FROM articles WHERE search IS NOT NULL")).scalars().all()
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM teasers t LEFT JOIN articles a ON a.id = t.article_id WHERE a.id IS NULL"
                )
            ).scalar_one()
            assert orphans == 0
        conn.rollback()
    assert sorted(fts_ids) == sorted(ids)
    return set(ids)


def run_kill_scenario(url: str) -> None:
    with Store(url):
        pass  # create the schema first, so the kill lands in ingest, not in a migration
    for kill_after in (4,):
        committed = ingest(url, kill_after=kill_after)
        with Store(url) as store:
            before = check_consistent(store)
        # the chunk being written when the kill landed is gone entirely (or, if the kill came
        # just after its commit, there entirely)
        assert len(before) in (committed * CHUNK, (committed + 1) * CHUNK)
        assert len(before) < TOTAL
    ingest(url, kill_after=None)
    with Store(url) as store:
        after = check_consistent(store)
        assert after == {make_article(n, words=150).id for n in range(TOTAL)}
        assert store.count() == TOTAL


def test_sigkill_mid_ingest_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    run_kill_scenario(str(db))
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.postgres
def test_sigkill_mid_ingest_postgres(postgres_url: str) -> None:
    run_kill_scenario(postgres_url)
