"""Settings kept inside the vault (auto-lock time, backups kept, import window...)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.model import Setting


def read_setting(session: Session, key: str) -> str | None:
    """The stored value of ``key``, or None when it was never set."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def write_setting(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (in the caller's transaction)."""
    session.merge(Setting(key=key, value=value))
    session.flush()
