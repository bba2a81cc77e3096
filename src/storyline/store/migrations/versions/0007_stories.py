"""Stories and stored extractions: each article's per-article extraction kept once (by content
hash and extraction version), claims per story context, stories with their articles and a
history of what each update changed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storyline.store.schema import Json

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(16), primary_key=True),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("published", Json, nullable=False),
        sa.Column("sentences", Json, nullable=False),
        sa.Column("times", Json, nullable=False),
        sa.Column("mentions", Json, nullable=False),
        sa.Column("doc", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_extractions_article_id", "extractions", ["article_id"])
    op.create_table(
        "claim_sets",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(16), primary_key=True),
        sa.Column("context", sa.String(32), primary_key=True),
        sa.Column("claims", Json, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
        sa.Column("summary", Json),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "story_articles",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "story_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change", Json, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_story_changes_story_id", "story_changes", ["story_id"])


def downgrade() -> None:
    for table in ("story_changes", "story_articles", "stories", "claim_sets", "extractions"):
        op.drop_table(table)
