"""Store throughput, as ratios to plain sqlite3 measured in the same process (not a test).

    .venv/bin/python tests/store/bench_store.py [N] [--db URL]

The baseline writes id, title and body into one table with ``executemany``, one transaction per
100 articles, in WAL mode: the least any store of these articles must do. The Store also writes
teasers, highlights, removed parts and the full-text index, checks idempotence by content hash
and runs through SQLAlchemy; the ratio says what that costs. ``--db`` measures another database
(e.g. PostgreSQL) against the same SQLite baseline.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article_factory import make_article, marker

from storyline.store import Store

CHUNK = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--db", help="database URL to measure instead of a fresh SQLite file")
    args = parser.parse_args()
    articles = [make_article(i, words=300) for i in range(args.n)]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        raw = sqlite3.connect(Path(tmp) / "raw.db")
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("CREATE TABLE a (id TEXT PRIMARY KEY, title TEXT, body TEXT)")
        for i in range(0, args.n, CHUNK):
            with raw:
                raw.executemany(
                    "INSERT INTO a VALUES (?, ?, ?)",
                    [(a.id, a.title, a.body) for a in articles[i : i + CHUNK]],
                )
        raw.close()
        baseline = args.n / (time.perf_counter() - start)

        with Store(args.db or str(Path(tmp) / "store.db")) as store:
            start = time.perf_counter()
            for i in range(0, args.n, CHUNK):
                store.add_articles(articles[i : i + CHUNK])
            ingest = args.n / (time.perf_counter() - start)
            start = time.perf_counter()
            for i in range(0, args.n, CHUNK):
                store.add_articles(articles[i : i + CHUNK])
            again = args.n / (time.perf_counter() - start)
            queries = ["harbour ferry", marker(args.n // 2), '"storm minister"', "flood -drought"] * 25
            start = time.perf_counter()
            for q in queries:
                store.search(q)
            search = len(queries) / (time.perf_counter() - start)
            backend = store.dialect

    print(f"baseline (sqlite3 executemany, 1 table): {baseline:,.0f} articles/s")
    print(f"Store[{backend}] ingest: {ingest:,.0f} articles/s = {ingest / baseline:.2f} x baseline")
    print(
        f"Store[{backend}] re-ingest (all skipped): {again:,.0f} articles/s = {again / baseline:.2f} x baseline"
    )
    print(f"Store[{backend}] search over {args.n} articles: {search:,.0f} queries/s")


if __name__ == "__main__":
    main()
