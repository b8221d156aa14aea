"""lists: covering participation indexes for "last met" and the attendees of a page

participation(encounter_id) becomes (encounter_id, contact_id) and participation
(contact_id) becomes (contact_id, encounter_id). The old ones were prefixes of the new
ones, so every lookup keeps its index, and the "last met" of every contact (Today's keep
in touch, the contacts list) is computed from the indexes alone instead of reading a
participation row per attendee.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_participation_encounter", table_name="participation")
    op.drop_index("ix_participation_contact", table_name="participation")
    op.create_index(
        "ix_participation_encounter_contact", "participation", ["encounter_id", "contact_id"]
    )
    op.create_index(
        "ix_participation_contact_encounter", "participation", ["contact_id", "encounter_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_participation_contact_encounter", table_name="participation")
    op.drop_index("ix_participation_encounter_contact", table_name="participation")
    op.create_index("ix_participation_encounter", "participation", ["encounter_id"])
    op.create_index("ix_participation_contact", "participation", ["contact_id"])
