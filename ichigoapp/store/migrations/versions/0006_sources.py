"""sources: calendar links and CalDAV accounts followed live

``source`` holds each followed calendar link or CalDAV account with its secret (inside
the encrypted vault only) and its sync state; ``source_item`` what each one last
listed. ``encounter.status_reason`` says why a meeting is cancelled when it is not the
invite's own word ("removed from calendar").

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("username", sa.String(320), nullable=False),
        sa.Column("password", sa.Text(), nullable=False),
        sa.Column("every_minutes", sa.Integer(), nullable=False),
        sa.Column("calendars", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("last_sync", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_counts", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "source_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("calendar_url", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("etag", sa.String(200), nullable=False),
        sa.Column("uid", sa.String(1000), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_source_item_source", "source_item", ["source_id", "calendar_url"])
    op.create_index("ix_source_item_uid", "source_item", ["uid"])
    with op.batch_alter_table("encounter") as batch:
        batch.add_column(
            sa.Column("status_reason", sa.String(100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("encounter") as batch:
        batch.drop_column("status_reason")
    op.drop_index("ix_source_item_uid", table_name="source_item")
    op.drop_index("ix_source_item_source", table_name="source_item")
    op.drop_table("source_item")
    op.drop_table("source")
