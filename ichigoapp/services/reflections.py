"""Reflections after an encounter, and the promises made in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterStatus,
    Promise,
    Reflection,
)
from ichigoapp.model import PromiseDirection as PromiseDirection  # callers name a direction
from ichigoapp.services.common import clean_text, get_or_fail
from ichigoapp.services.thanks import everyone_thanked, mark_everyone, unmark_everyone


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
    was_thanked = reflection is not None and reflection.thanks_sent
    if reflection is None:
        # Thanks said to each person before the reflection was written still count.
        reflection = Reflection(
            encounter=encounter, thanks_sent=everyone_thanked(session, encounter_id)
        )
        session.add(reflection)
    for name in ("learned", "went_well", "improve", "gratitude", "next_time"):
        value = getattr(data, name)
        if value is not None:
            setattr(reflection, name, value.strip())
    # "Thanks sent" for the meeting is thanks to each of its people; taking it back
    # takes back theirs. Not ticked on a meeting not thanked as a whole before changes
    # nothing: the people thanked one by one stay thanked.
    if data.thanks_sent:
        mark_everyone(encounter, date.today())
        reflection.thanks_sent = True
    elif data.thanks_sent is not None and was_thanked:
        unmark_everyone(encounter)
        reflection.thanks_sent = False
    if encounter.status == EncounterStatus.PLANNED.value and encounter.start <= datetime.now(UTC):
        encounter.status = EncounterStatus.HELD.value
    session.flush()
    return reflection


def reflection_of(session: Session, encounter_id: int) -> ReflectionInput | None:
    """The reflection on an encounter, every field filled; None when there is none yet."""
    found = session.scalars(
        select(Reflection).where(Reflection.encounter_id == encounter_id)
    ).first()
    if found is None:
        return None
    return ReflectionInput(
        learned=found.learned,
        went_well=found.went_well,
        improve=found.improve,
        gratitude=found.gratitude,
        thanks_sent=found.thanks_sent,
        next_time=found.next_time,
    )


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
        raise BadInput(_("a promise needs some text"))
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
