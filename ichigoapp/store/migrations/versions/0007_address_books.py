"""address books: a CardDAV card's link to the contact it became

``source_item.contact_id`` links a pulled card to its contact; a card deleted on the
server removes the link and keeps the contact.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source_item") as batch:
        batch.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_source_item_contact_id_contact", "contact", ["contact_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
        batch.create_index("ix_source_item_contact", ["contact_id"])


def downgrade() -> None:
    with op.batch_alter_table("source_item") as batch:
        batch.drop_index("ix_source_item_contact")
        batch.drop_constraint("fk_source_item_contact_id_contact", type_="foreignkey")
        batch.drop_column("contact_id")
