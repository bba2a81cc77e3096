"""Keep a date printed without its year (``PublishedDate.month_day``, "--05-14").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-rename) on SQLite would drop the FTS triggers
    op.add_column("articles", sa.Column("published_month_day", sa.Text))


def downgrade() -> None:
    op.drop_column("articles", "published_month_day")
