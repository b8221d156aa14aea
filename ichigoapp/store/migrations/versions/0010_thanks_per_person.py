"""thanks per person: the day thanks were said to each person of a meeting

``participation.thanks_sent_on`` is the day the user marked their thanks to that
attendee as said. A meeting already marked thanked (``reflection.thanks_sent``) was
thanked as a whole: every one of its attendees is marked, on the day the reflection was
last changed (the nearest day the vault knows; the flag itself has no date).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Stored datetimes are naive UTC text, which date() reads; a Date is 'YYYY-MM-DD' text.
MARK_THANKED_MEETINGS = """
UPDATE participation SET thanks_sent_on = (
    SELECT coalesce(date(r.updated_at), date(r.created_at), date('now'))
    FROM reflection r
    WHERE r.encounter_id = participation.encounter_id
)
WHERE encounter_id IN (SELECT encounter_id FROM reflection WHERE thanks_sent = 1)
"""


def upgrade() -> None:
    # A nullable column: SQLite adds it in place (no table copy of every attendee).
    with op.batch_alter_table("participation") as batch:
        batch.add_column(sa.Column("thanks_sent_on", sa.Date(), nullable=True))
    op.execute(MARK_THANKED_MEETINGS)


def downgrade() -> None:
    # reflection.thanks_sent still says which meetings were thanked as a whole.
    with op.batch_alter_table("participation") as batch:
        batch.drop_column("thanks_sent_on")
