"""Helpers for the migration tests."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from ichigoapp.store import migrate


def downgrade_to(engine: Engine, revision: str) -> None:
    """Take a vault's schema back to ``revision``, as an older release left it, with
    the same Alembic configuration the app upgrades with."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(migrate._config(conn), revision)
