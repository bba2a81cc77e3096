"""Feed state for `storyline watch`: per story and feed, the validators of the last response
(ETag, Last-Modified), the entries already read (entry key -> article id), and the failures in a
row, so that a stopped watcher resumes where it stopped. Its own table, touching no other.

It follows 0007 (stories and stored extractions) and touches none of its tables.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storyline.store.schema import Json

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feed_state",
        sa.Column("story", sa.Text, primary_key=True),
        sa.Column("feed", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("seen", Json, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("polled_at", sa.DateTime(timezone=True)),
    )


def downgrade() -> None:
    op.drop_table("feed_state")
