"""Unsaved work kept when the app locks, and given back after the unlock.

A lock closes every form at once (text left on an unattended screen is worse than a
lost edit), but what was being typed need not be lost: it is written inside the vault,
encrypted like everything else and nowhere else, as settings rows under ``draft/``,
and taken back (and deleted) by the next window.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ichigoapp.model import Setting
from ichigoapp.services.contacts import ContactInput
from ichigoapp.services.settings import write_setting

PREFIX = "draft/"
_DATES = ("met_on", "birthday")


@dataclass(frozen=True, slots=True)
class Draft:
    """``kind`` is "contact" or "reflection"; ``target`` the contact's or the
    encounter's id (None: a contact not saved yet)."""

    kind: str
    target: int | None
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{PREFIX}{self.kind}/{'new' if self.target is None else self.target}"


def keep_draft(session: Session, draft: Draft) -> None:
    """Keep ``draft`` in the vault (in the caller's transaction), replacing an older one
    of the same form."""
    payload = {"kind": draft.kind, "target": draft.target, "fields": draft.fields}
    write_setting(session, draft.key, json.dumps(payload, ensure_ascii=False))


def take_drafts(session: Session) -> list[Draft]:
    """Every draft kept, oldest form first, removed from the vault as they are taken."""
    rows = session.scalars(
        select(Setting).where(Setting.key.startswith(PREFIX)).order_by(Setting.key)
    ).all()
    drafts = []
    for row in rows:
        try:
            payload = json.loads(row.value)
            drafts.append(Draft(str(payload["kind"]), payload["target"], dict(payload["fields"])))
        except (ValueError, KeyError, TypeError):
            continue  # a draft written by a future version: dropped with the others
    session.execute(delete(Setting).where(Setting.key.startswith(PREFIX)))
    session.flush()
    return drafts


def contact_draft(data: ContactInput, contact_id: int | None) -> Draft:
    fields = asdict(data)
    for name in _DATES:
        value = fields[name]
        fields[name] = value.isoformat() if value is not None else None
    return Draft("contact", contact_id, fields)


def contact_from_draft(draft: Draft) -> ContactInput:
    fields = dict(draft.fields)
    for name in _DATES:
        value = fields.get(name)
        fields[name] = date.fromisoformat(value) if value else None
    fields["details"] = [tuple(d) for d in fields.get("details", [])]
    known = set(ContactInput.__dataclass_fields__)
    return ContactInput(**{k: v for k, v in fields.items() if k in known})
