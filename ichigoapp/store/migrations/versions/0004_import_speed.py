"""import speed: index new encounters in bulk, remember calendar groups with no events

A calendar import wrote one FTS row per encounter through the insert trigger; FTS5
indexes a whole import far faster in one INSERT .. SELECT. The trigger now stands aside
while ``fts_deferred`` holds a row, which only an import's own transaction ever sees.
``empty_calendar_group`` remembers the hashes of groups that gave no encounter (series
with nothing in the window), so an unchanged re-import skips them unread.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the trigger before and after this revision.
_ROW = (
    "INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, new.title, "
    "new.location || ' ' || new.intention || ' ' || new.notes || ' ' || new.description);"
)
OLD_TRIGGER = f"CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter BEGIN {_ROW} END"
NEW_TRIGGER = (
    "CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter "
    f"WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN {_ROW} END"
)


def upgrade() -> None:
    op.create_table(
        "fts_deferred",
        sa.Column("flag", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("flag", name=op.f("pk_fts_deferred")),
    )
    op.create_table(
        "empty_calendar_group",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.String(length=1000), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_empty_calendar_group")),
    )
    with op.batch_alter_table("empty_calendar_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_empty_calendar_group_source_file"), ["source_file"], unique=False
        )
    op.execute("DROP TRIGGER IF EXISTS encounter_fts_ai")
    op.execute(NEW_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS encounter_fts_ai")
    op.execute(OLD_TRIGGER)
    with op.batch_alter_table("empty_calendar_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_empty_calendar_group_source_file"))
    op.drop_table("empty_calendar_group")
    op.drop_table("fts_deferred")
