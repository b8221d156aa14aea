"""Undo the last merge: both contacts back exactly as they were, with their history.

Before merging, :func:`merge_with_undo` copies the rows a merge changes: both contacts,
their addresses, phones, links, details, tags and timeline, the other's attendances,
promises and introductions, and the pairs said not to be duplicates. :func:`undo_merge`
puts them back, as long as the kept contact has not been edited since (its
``updated_at`` tells): otherwise undoing would throw that edit away, and the backup
taken before the merge is the way back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, delete, insert, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.model import (
    Base,
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    Encounter,
    NotDuplicate,
    Participation,
    PersonalDetail,
    Promise,
    contact_tag,
)
from ichigoapp.services.common import get_or_fail
from ichigoapp.services.merging import merge_contacts

Row = Mapping[str, Any]


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _owned_tables() -> tuple[Table, ...]:
    """Tables whose rows belong to one contact (a ``contact_id`` column)."""
    models = (ContactEmail, ContactPhone, ContactLink, PersonalDetail, ContactChange)
    return (*(_table(model) for model in models), contact_tag)


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changed, as it was before: enough to undo it."""

    keep_id: int
    other_id: int
    keep_name: str
    other_name: str
    contacts: tuple[Row, ...]  # both contact rows
    owned: dict[str, tuple[Row, ...]]  # table name -> both contacts' rows
    attendances: tuple[Row, ...]  # the other's participation rows
    promises: tuple[int, ...]  # ids of promises to or from the other
    # Contacts the other introduced: (id, updated_at before the merge, and after it).
    introduced: tuple[tuple[int, datetime, datetime], ...]
    not_duplicates: tuple[Row, ...]
    merged_at: datetime  # the kept contact's updated_at right after the merge


def _rows(session: Session, table: Table, where: ColumnElement[bool]) -> tuple[Row, ...]:
    return tuple(dict(row) for row in session.execute(select(table).where(where)).mappings())


def merge_with_undo(session: Session, keep_id: int, other_id: int) -> MergeRecord:
    """:func:`merge_contacts`, having first copied what it changes."""
    session.flush()
    ids = (keep_id, other_id)
    keep_name = get_or_fail(session, Contact, keep_id, "contact").display_name
    other_name = get_or_fail(session, Contact, other_id, "contact").display_name
    contact, pairs, part = _table(Contact), _table(NotDuplicate), _table(Participation)
    contacts = _rows(session, contact, contact.c.id.in_(ids))
    owned = {t.name: _rows(session, t, t.c.contact_id.in_(ids)) for t in _owned_tables()}
    attendances = _rows(session, part, part.c.contact_id == other_id)
    promises = tuple(session.scalars(select(Promise.id).where(Promise.contact_id == other_id)))
    stamp = select(Contact.id, Contact.updated_at)
    introduced = {
        cid: at for cid, at in session.execute(stamp.where(Contact.met_through_id == other_id))
    }
    said_apart = _rows(session, pairs, or_(pairs.c.low_id == other_id, pairs.c.high_id == other_id))
    merge_contacts(session, keep_id, other_id)
    session.flush()
    now = session.execute(stamp.where(Contact.id.in_(introduced)))
    stamps = tuple((cid, introduced[cid], at) for cid, at in now)
    history = (promises, stamps, said_apart)
    merged_at = session.scalar(select(Contact.updated_at).where(Contact.id == keep_id))
    assert merged_at is not None  # merge_contacts keeps it
    return MergeRecord(
        keep_id, other_id, keep_name, other_name, contacts, owned, attendances, *history, merged_at
    )


def undo_merge(session: Session, record: MergeRecord) -> None:
    """Put both contacts back as they were before ``record``'s merge (in the caller's
    transaction). Refuses, changing nothing, when the kept contact changed since."""
    contact = _table(Contact)
    stamp = session.scalar(select(Contact.updated_at).where(Contact.id == record.keep_id))
    if stamp is None:
        raise BadInput(
            _(
                "{name} was deleted after the merge, so it cannot be undone here; "
                "the backup made before the merge still holds both contacts"
            ).format(name=record.keep_name)
        )
    if stamp != record.merged_at or session.get(Contact, record.other_id) is not None:
        raise BadInput(
            _(
                "{name} was changed after the merge, and undoing it would lose "
                "that change; the backup made before the merge still holds both contacts"
            ).format(name=record.keep_name)
        )
    session.flush()
    tables = {t.name: t for t in _owned_tables()}
    for table in tables.values():
        session.execute(delete(table).where(table.c.contact_id == record.keep_id))
    for row in record.contacts:
        if row["id"] == record.keep_id:
            values = {k: v for k, v in row.items() if k != "id"}
            session.execute(update(contact).where(contact.c.id == row["id"]).values(values))
        else:
            session.execute(insert(contact).values(dict(row)))
    for name, rows in record.owned.items():
        if rows:
            session.execute(insert(tables[name]), [dict(r) for r in rows])
    _give_back_history(session, record)
    session.expire_all()  # the ORM's copies of these rows are stale now


def _give_back_history(session: Session, record: MergeRecord) -> None:
    part, contact, promise = _table(Participation), _table(Contact), _table(Promise)
    meetings = {row["encounter_id"] for row in record.attendances}
    existing = set(session.scalars(select(Encounter.id).where(Encounter.id.in_(meetings))))
    for row in record.attendances:
        if row["encounter_id"] not in existing:
            continue  # the meeting was deleted since: nothing to attend
        moved = session.execute(
            update(part).where(part.c.id == row["id"]).values(contact_id=record.other_id)
        )
        if not cast(
            CursorResult[Any], moved
        ).rowcount:  # both were in that meeting; the merge kept one attendance
            session.execute(insert(part).values(dict(row)))
    if record.promises:
        session.execute(
            update(promise)
            .where(promise.c.id.in_(record.promises))
            .values(contact_id=record.other_id)
        )
    for contact_id, before, after in record.introduced:
        values: dict[str, Any] = {"met_through_id": record.other_id}
        now = session.scalar(select(Contact.updated_at).where(Contact.id == contact_id))
        if now == after:  # not edited since the merge: its stamp goes back too
            values["updated_at"] = before
        session.execute(update(contact).where(contact.c.id == contact_id).values(values))
    for row in record.not_duplicates:
        partner = row["low_id"] if row["high_id"] == record.other_id else row["high_id"]
        if session.get(Contact, partner) is not None:  # not deleted since
            session.execute(insert(_table(NotDuplicate)).values(dict(row)))
