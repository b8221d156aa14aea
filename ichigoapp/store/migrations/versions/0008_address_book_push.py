"""address books both ways: what each linked card last agreed on

``source.push`` says which contacts an address book receives ("none", "all" or
"tag:NAME"). Per card, ``source_item.agreed`` is the card text both sides last agreed
on (the base of a field-by-field merge), ``ours`` what the contact's shareable fields
were then (JSON; a sync with nothing changed reads no card),
``synced_at`` when, and ``unlinked`` marks a card deleted on the server whose contact
must not be pushed back (no resurrections).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("push", sa.String(120), nullable=False, server_default="none"))
    with op.batch_alter_table("source_item") as batch:
        batch.add_column(sa.Column("agreed", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("ours", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("synced_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("unlinked", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("source_item") as batch:
        for column in ("unlinked", "synced_at", "ours", "agreed"):
            batch.drop_column(column)
    with op.batch_alter_table("source") as batch:
        batch.drop_column("push")
