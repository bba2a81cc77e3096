"""PostgreSQL: index at most the first 250,000 characters of a body.

A tsvector cannot exceed 1 MB, so a very long body (a huge page, a dump of tokens) made the
whole insert fail. News articles are far shorter; the cap only bounds pathological input. SQLite's
FTS5 has no such limit and is unchanged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED_CHARS = 250_000


def _search_column(body: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS ix_articles_search",
        "ALTER TABLE articles DROP COLUMN IF EXISTS search",
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('english'::regconfig, {body}), 'B')) STORED",
        "CREATE INDEX ix_articles_search ON articles USING gin (search)",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _search_column(f"left(body, {INDEXED_CHARS})"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _search_column("body"):
            op.execute(statement)
