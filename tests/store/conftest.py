"""The store's test fixtures: the shipped migrations plus the next one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ichigoapp.store import migrate

NEXT_REVISION = '''
"""test-only revision: adds a column"""
import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("next_field", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("next_field")
'''


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped migrations plus one more, as the next release would have them."""
    target = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (target / "versions" / "9999_test.py").write_text(NEXT_REVISION.format(head=head))
    return target
