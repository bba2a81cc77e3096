"""Articles with their teasers, highlights and removed parts; analysis results; full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")

# SQLite: a self-contained FTS5 table (articles has a text key, and its implicit rowid may change
# on VACUUM, so an external-content index could drift). Triggers keep it in the same transaction
# as the article row, so a crash can never leave one without the other.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "article_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (article_id, title, body) VALUES (new.id, coalesce(new.title, ''), new.body); "
    "END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; "
    "END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; "
    "INSERT INTO articles_fts (article_id, title, body) VALUES (new.id, coalesce(new.title, ''), new.body); "
    "END",
]

# PostgreSQL: a stored generated tsvector (title weighted above body) with a GIN index; the
# database computes it inside the inserting transaction.
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, body), 'B')) STORED",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
]


def _article_fk() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "article_id",
        sa.String(16),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _analysis_fk() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "analysis_id", sa.Integer, sa.ForeignKey("analyses.id", ondelete="CASCADE"), primary_key=True
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("raw_title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("format", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("published_value", sa.Text),
        sa.Column("published_source", sa.Text),
        sa.Column("published_earliest", sa.Text),
        sa.Column("published_latest", sa.Text),
        sa.Column("published_note", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])
    op.create_table(
        "teasers",
        _article_fk(),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("summary", sa.Text),
    )
    op.create_table(
        "highlights",
        _article_fk(),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "removed_parts",
        _article_fk(),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
    )
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("article_ids", Json, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,  # never reuse the id of a replaced analysis
    )
    op.create_table(
        "claims",
        _analysis_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column(
            "article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("predicate", sa.Text),
        sa.Column("agents", Json, nullable=False),
        sa.Column("patients", Json, nullable=False),
        sa.Column("time", Json),
        sa.Column("place", sa.Text),
        sa.Column("quantities", Json, nullable=False),
        sa.Column("attribution", sa.Text),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.Text),
        sa.Column("event_type", sa.Text),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("checkworthiness", sa.Float, nullable=False),
        sa.Column("entity_ids", Json, nullable=False),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_table(
        "entities",
        _analysis_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("aliases", Json, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("geonames_id", sa.Integer),
    )
    op.create_table(
        "events",
        _analysis_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("time", Json, nullable=False),
        sa.Column("claim_ids", Json, nullable=False),
        sa.Column("article_ids", Json, nullable=False),
        sa.Column("event_type", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("participants", Json, nullable=False),
    )
    op.create_table(
        "conflicts",
        _analysis_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("slot", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("values", Json, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text),
        sa.Column("best_supported", sa.Text),
    )
    op.create_table(
        "sources",
        _analysis_fk(),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("outlet", sa.Text),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("conflicts_with_consensus", sa.Integer, nullable=False),
        sa.Column("attribution_rate", sa.Float, nullable=False),
        sa.Column("sensational_signals", Json, nullable=False),
    )

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("articles_fts_update", "articles_fts_delete", "articles_fts_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "sources",
        "conflicts",
        "events",
        "entities",
        "claims",
        "analyses",
        "removed_parts",
        "highlights",
        "teasers",
        "articles",
    ):
        op.drop_table(table)
