"""Give articles an insertion sequence, so that ``Store.articles()`` has a total order.

``ingested_at`` ties for articles stored in the same instant (one call stores many), and the
tie-break by id is hash order, not ingest order. Existing rows are numbered by (ingested_at, id);
PostgreSQL numbers new rows from a sequence (concurrent writers), SQLite from the store, whose
write transactions are serialised (``BEGIN IMMEDIATE``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-rename) on SQLite would drop the FTS triggers
    op.add_column("articles", sa.Column("seq", sa.BigInteger))
    op.execute(
        "UPDATE articles SET seq = o.n FROM "
        "(SELECT id, ROW_NUMBER() OVER (ORDER BY ingested_at, id) AS n FROM articles) AS o "
        "WHERE articles.id = o.id"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE articles_seq_seq OWNED BY articles.seq")
        op.execute("SELECT setval('articles_seq_seq', (SELECT coalesce(max(seq), 0) + 1 FROM articles), false)")
        op.execute("ALTER TABLE articles ALTER COLUMN seq SET DEFAULT nextval('articles_seq_seq')")
    op.create_index("ix_articles_seq", "articles", ["seq"])


def downgrade() -> None:
    op.drop_index("ix_articles_seq", "articles")
    op.drop_column("articles", "seq")  # drops the owned sequence on PostgreSQL too
