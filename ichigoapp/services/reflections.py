"""Reflections after an encounter, and the promises made in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ichigoapp.errors import BadInput
from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterStatus,
    Promise,
    PromiseDirection,
    Reflection,
)
from ichigoapp.services.common import clean_text, get_or_fail


@dataclass
class ReflectionInput:
    """Fields left as None are not changed (so the CLI can set one at a time)."""

    learned: str | None = None
    went_well: str | None = None
    improve: str | None = None
    gratitude: str | None = None
    thanks_sent: bool | None = None
    next_time: str | None = None


def reflect(session: Session, encounter_id: int, data: ReflectionInput) -> Reflection:
    """Create or update the one reflection of an encounter."""
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    reflection = encounter.reflection
    if reflection is None:
        reflection = Reflection(encounter=encounter)
        session.add(reflection)
    for name in ("learned", "went_well", "improve", "gratitude", "next_time"):
        value = getattr(data, name)
        if value is not None:
            setattr(reflection, name, value.strip())
    if data.thanks_sent is not None:
        reflection.thanks_sent = data.thanks_sent
    if encounter.status == EncounterStatus.PLANNED.value and encounter.start <= datetime.now(UTC):
        encounter.status = EncounterStatus.HELD.value
    session.flush()
    return reflection


def list_reflections(session: Session) -> list[Reflection]:
    stmt = (
        select(Reflection)
        .join(Encounter)
        .options(selectinload(Reflection.encounter).selectinload(Encounter.participations))
        .order_by(Encounter.start.desc())
    )
    return list(session.scalars(stmt))


def unsent_thanks(session: Session) -> list[Reflection]:
    """Reflections with gratitude noted but thanks not yet sent: they stay visible."""
    stmt = (
        select(Reflection)
        .join(Encounter)
        .where(Reflection.gratitude != "", Reflection.thanks_sent.is_(False))
        .order_by(Encounter.start.desc())
    )
    return list(session.scalars(stmt))


def encounters_awaiting_reflection(
    session: Session, now: datetime, limit: int = 50
) -> list[Encounter]:
    """Meetings that have ended, were not cancelled, and have no reflection yet."""
    stmt = (
        select(Encounter)
        .outerjoin(Reflection)
        .where(
            Reflection.id.is_(None),
            Encounter.status != EncounterStatus.CANCELLED.value,
            Encounter.start <= now,
            Encounter.participations.any(),
        )
        .order_by(Encounter.start.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def add_promise(
    session: Session,
    *,
    text: str,
    direction: PromiseDirection,
    encounter_id: int | None = None,
    contact_id: int | None = None,
    due: date | None = None,
) -> Promise:
    if not clean_text(text):
        raise BadInput("a promise needs some text")
    if encounter_id is not None:
        get_or_fail(session, Encounter, encounter_id, "encounter")
    if contact_id is not None:
        get_or_fail(session, Contact, contact_id, "contact")
    promise = Promise(
        text=clean_text(text),
        direction=direction.value,
        encounter_id=encounter_id,
        contact_id=contact_id,
        due=due,
    )
    session.add(promise)
    session.flush()
    return promise


def set_promise_done(
    session: Session, promise_id: int, done: bool, on: date | None = None
) -> Promise:
    promise = get_or_fail(session, Promise, promise_id, "promise")
    promise.done_on = (on or date.today()) if done else None
    session.flush()
    return promise


def list_promises(
    session: Session,
    *,
    open_only: bool = False,
    direction: PromiseDirection | None = None,
    contact_id: int | None = None,
) -> list[Promise]:
    stmt = select(Promise).options(selectinload(Promise.contact), selectinload(Promise.encounter))
    if open_only:
        stmt = stmt.where(Promise.done_on.is_(None))
    if direction is not None:
        stmt = stmt.where(Promise.direction == direction.value)
    if contact_id is not None:
        stmt = stmt.where(Promise.contact_id == contact_id)
    stmt = stmt.order_by(Promise.done_on.is_not(None), Promise.due.is_(None), Promise.due,
                         Promise.created_at)  # fmt: skip
    return list(session.scalars(stmt))
