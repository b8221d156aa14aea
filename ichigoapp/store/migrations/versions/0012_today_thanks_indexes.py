"""today: partial indexes for "Thanks to send"

Today counts the rows of "Thanks to send" over every reflection whose gratitude waits
to be said, each with the people of its meeting still to thank. On the bench vault
(20,000 reflections, 260,000 attendees) that read every reflection and a participation
row per attendee: 180 ms of CPU cold. Two partial indexes hold just what it reads:
the waiting reflections by encounter, and the thankable attendees (matched, attending,
participants) with the day they were thanked. Cold 180 -> 50 ms, warm 55 -> 24 ms.

Their WHERE terms are those of services/today_read.py (WAITING, THANKABLE): SQLite
uses a partial index only for a query that has the same terms.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_reflection_unsent_thanks",
        "reflection",
        ["encounter_id"],
        sqlite_where=sa.text("gratitude != '' AND thanks_sent = 0"),
    )
    op.create_index(
        "ix_participation_thankable",
        "participation",
        ["encounter_id", "contact_id", "thanks_sent_on"],
        sqlite_where=sa.text(
            "contact_id IS NOT NULL AND upper(reply_status) != 'DECLINED'"
            " AND upper(role) != 'NON-PARTICIPANT'"
        ),
    )


def downgrade() -> None:
    op.drop_index("ix_participation_thankable", table_name="participation")
    op.drop_index("ix_reflection_unsent_thanks", table_name="reflection")
