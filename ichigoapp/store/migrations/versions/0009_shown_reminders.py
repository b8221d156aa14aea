"""shown reminders: what the meeting moment has already said

``shown_reminder`` keeps the key of each reminder shown (before a meeting, after it,
the morning digest) and when, so that a restart or a second window never shows it
again. Rows older than a month are pruned by the service.

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
    op.create_table(
        "shown_reminder",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_shown_reminder"),
    )


def downgrade() -> None:
    op.drop_table("shown_reminder")
