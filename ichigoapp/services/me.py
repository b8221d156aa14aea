"""The user's own names and addresses."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.model import MeIdentity
from ichigoapp.services.common import checked_email


def set_me(session: Session, emails: list[str], names: list[str]) -> None:
    """Add the user's addresses and names (existing ones are kept)."""
    existing = {(m.kind, m.value) for m in session.scalars(select(MeIdentity))}
    for raw in emails:
        item = ("email", checked_email(raw))
        if item not in existing:
            session.add(MeIdentity(kind=item[0], value=item[1]))
            existing.add(item)
    for raw in names:
        name = raw.strip()
        if name and ("name", name) not in existing:
            session.add(MeIdentity(kind="name", value=name))
            existing.add(("name", name))
    session.flush()


def my_emails(session: Session) -> set[str]:
    return set(session.scalars(select(MeIdentity.value).where(MeIdentity.kind == "email")))


def my_names(session: Session) -> list[str]:
    return list(session.scalars(select(MeIdentity.value).where(MeIdentity.kind == "name")))
