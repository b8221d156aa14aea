"""identity: pronouns, how to say a name, and pairs that are not the same person

``contact.pronouns`` and ``contact.pronunciation`` (a Japanese name's reading, say) are
new fields; ``not_duplicate`` keeps the pairs of contacts the user said are two
people, so that they are never suggested as duplicates again.

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
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("pronouns", sa.String(100), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("pronunciation", sa.String(300), nullable=False, server_default="")
        )
    op.create_table(
        "not_duplicate",
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["low_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["high_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("low_id", "high_id"),
    )
    op.create_index("ix_not_duplicate_high_id", "not_duplicate", ["high_id"])


def downgrade() -> None:
    op.drop_index("ix_not_duplicate_high_id", table_name="not_duplicate")
    op.drop_table("not_duplicate")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("pronunciation")
        batch.drop_column("pronouns")
