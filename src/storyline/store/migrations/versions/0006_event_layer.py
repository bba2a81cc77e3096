"""The event layer: a claim's trigger span and parent (events told inside a sentence), and an
event's place on the timeline (``timeline``, ``salience``, ``placement``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storyline.store.schema import Json

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMNs: a batch (copy-and-rename) on SQLite would drop the FTS triggers
    op.add_column("claims", sa.Column("trigger", Json))
    op.add_column("claims", sa.Column("parent", sa.Text))
    op.add_column("events", sa.Column("timeline", sa.Boolean, nullable=False, server_default=sa.true()))
    op.add_column("events", sa.Column("salience", sa.Float, nullable=False, server_default="0"))
    op.add_column("events", sa.Column("placement", sa.Text))


def downgrade() -> None:
    for table, column in (("events", "placement"), ("events", "salience"), ("events", "timeline"),
                          ("claims", "parent"), ("claims", "trigger")):
        op.drop_column(table, column)
