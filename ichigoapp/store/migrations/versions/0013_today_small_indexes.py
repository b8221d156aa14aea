"""today: partial indexes for the birthdays and the promises due

Today's birthdays scanned every contact for the few with a birthday, and its promises
due every promise for the open ones with a date. On the bench vault (10,000 contacts
none with a birthday, 5,000 promises), reading Today first after opening the vault:
birthdays 24-40 -> 0.2 ms, promises due 7-15 -> 3 ms. Their WHERE terms are those of
services/today_read.py, which SQLite must find in the query to use a partial index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_contact_birthday",
        "contact",
        ["birthday"],
        sqlite_where=sa.text("birthday IS NOT NULL"),
    )
    op.create_index(
        "ix_promise_open_due",
        "promise",
        ["due"],
        sqlite_where=sa.text("done_on IS NULL AND due IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_promise_open_due", table_name="promise")
    op.drop_index("ix_contact_birthday", table_name="contact")
