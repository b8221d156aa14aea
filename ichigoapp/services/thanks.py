"""Thanks per person of a meeting: who is still to be thanked, and marking it said.

A reflection's gratitude line is what the user is thankful for. Whether it was said is
kept twice over, on purpose: ``Participation.thanks_sent_on`` per person (the day it
was marked), and ``Reflection.thanks_sent`` for the meeting as a whole ("said to
everyone"). Marking the meeting marks every attendee; marking the last person still
waiting marks the meeting. Lists ask the meeting's flag first, so a meeting thanked as
a whole costs no look at its attendees.

The people to thank are the attendees matched to a contact, except those who declined,
were not participants (a room, a list) or are the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.model import (
    Contact,
    ContactEmail,
    Encounter,
    MeIdentity,
    Participation,
    Reflection,
)
from ichigoapp.services.common import get_or_fail

_NOT_ATTENDING_REPLY = "DECLINED"
_NOT_A_PERSON_ROLE = "NON-PARTICIPANT"


def _my_contacts() -> Select[Any]:
    """Contacts holding one of the user's own addresses: the user, not someone to thank."""
    mine = select(MeIdentity.value).where(MeIdentity.kind == "email")
    return select(ContactEmail.contact_id).where(ContactEmail.email.in_(mine))


def thankable(encounter_id: Any) -> tuple[ColumnElement[bool], ...]:
    """Conditions on ``Participation`` for a person of encounter ``encounter_id`` (a
    value or a correlated column) to be thanked."""
    return (
        Participation.encounter_id == encounter_id,
        Participation.contact_id.is_not(None),
        func.upper(Participation.reply_status) != _NOT_ATTENDING_REPLY,
        func.upper(Participation.role) != _NOT_A_PERSON_ROLE,
        Participation.contact_id.not_in(_my_contacts()),
    )


def still_to_thank(encounter_id: Any) -> ColumnElement[Any]:
    """How many rows "Thanks to send" has for a meeting whose reflection waits for
    thanks: one per person not yet thanked, or one for the meeting without people.

    One pass over the meeting's attendees (per meeting listed, so it counts)."""
    unthanked = func.count(
        func.distinct(case((Participation.thanks_sent_on.is_(None), Participation.contact_id)))
    )
    return (
        select(case((func.count() == 0, 1), else_=unthanked))
        .where(*thankable(encounter_id))
        .scalar_subquery()
    )


def owes_thanks(encounter_id: Any) -> ColumnElement[bool]:
    """The meeting has someone still to thank, or nobody to thank by name."""
    return still_to_thank(encounter_id) > 0


@dataclass(frozen=True, slots=True)
class Person:
    """Someone to thank for a meeting, and whether they were thanked."""

    contact_id: int
    name: str
    thanked_on: date | None

    @property
    def thanked(self) -> bool:
        return self.thanked_on is not None


def people_to_thank(session: Session, encounter_ids: Iterable[int]) -> dict[int, list[Person]]:
    """The people to thank of each meeting, each once, alphabetically; someone with two
    attendances (two addresses) counts as thanked when both are marked."""
    ids = list(dict.fromkeys(encounter_ids))
    if not ids:
        return {}
    stmt = (
        select(
            Participation.encounter_id,
            Participation.contact_id,
            Contact.display_name,
            Participation.thanks_sent_on,
        )
        .join(Contact, Contact.id == Participation.contact_id)
        .where(*thankable(Participation.encounter_id), Participation.encounter_id.in_(ids))
    )
    found: dict[int, dict[int, Person]] = {}
    for eid, cid, name, on in session.execute(stmt):
        assert cid is not None  # joined to its contact
        people = found.setdefault(eid, {})
        known = people.get(cid)
        if known is None or (known.thanked and on is None):
            people[cid] = Person(cid, name, on)
    return {
        eid: sorted(people.values(), key=lambda p: (p.name.casefold(), p.contact_id))
        for eid, people in found.items()
    }


def everyone_thanked(session: Session, encounter_id: int) -> bool:
    """Thanks were said to the whole meeting, or to each of its people."""
    done = session.scalar(
        select(Reflection.thanks_sent).where(Reflection.encounter_id == encounter_id)
    )
    if done:
        return True
    people = people_to_thank(session, [encounter_id]).get(encounter_id, [])
    return bool(people) and all(p.thanked for p in people)


def mark_everyone(encounter: Encounter, on: date) -> None:
    """Every attendee of ``encounter`` thanked (those already marked keep their day)."""
    for part in encounter.participations:
        if part.thanks_sent_on is None:
            part.thanks_sent_on = on


def unmark_everyone(encounter: Encounter) -> None:
    """The user took back "thanks sent" for the meeting: nobody of it is thanked."""
    for part in encounter.participations:
        part.thanks_sent_on = None


@dataclass(frozen=True, slots=True)
class ThanksMarked:
    """What ``mark_thanks_sent`` recorded."""

    encounter_id: int
    contact_ids: tuple[int, ...]  # the people marked (now or before)
    everyone: bool  # the whole meeting is thanked now

    def as_json(self) -> dict[str, Any]:
        return {
            "encounter_id": self.encounter_id,
            "contact_ids": list(self.contact_ids),
            "everyone_thanked": self.everyone,
        }


def mark_thanks_sent(
    session: Session, encounter_id: int, contact_id: int | None = None, on: date | None = None
) -> ThanksMarked:
    """Record that thanks were said: to ``contact_id`` of the meeting, or to everyone.

    Marking everyone sets the meeting's reflection as thanked; a meeting not reflected
    on yet keeps the mark on its attendees alone (a reflection created later starts
    thanked), so that it still waits for its reflection. A meeting with nobody in it
    has only the reflection to hold the mark, and gets one.
    """
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    day = on or date.today()
    if contact_id is None:
        mark_everyone(encounter, day)
        if encounter.reflection is None and not encounter.participations:
            encounter.reflection = Reflection(thanks_sent=True)
        elif encounter.reflection is not None:
            encounter.reflection.thanks_sent = True
        session.flush()
        people = people_to_thank(session, [encounter_id]).get(encounter_id, [])
        return ThanksMarked(encounter_id, tuple(p.contact_id for p in people), True)

    contact = get_or_fail(session, Contact, contact_id, "contact")
    attended = [p for p in encounter.participations if p.contact_id == contact_id]
    if not attended:
        raise BadInput(
            _("%(name)s (contact %(id)d) was not at “%(title)s”")
            % {"name": contact.display_name, "id": contact_id, "title": encounter.title}
        )
    for part in attended:
        if part.thanks_sent_on is None:
            part.thanks_sent_on = day
    session.flush()
    people = people_to_thank(session, [encounter_id]).get(encounter_id, [])
    everyone = bool(people) and all(p.thanked for p in people)
    reflection = encounter.reflection
    if everyone and reflection is not None and not reflection.thanks_sent:
        reflection.thanks_sent = True
        session.flush()
    return ThanksMarked(
        encounter_id,
        (contact_id,),
        everyone or (reflection is not None and reflection.thanks_sent),
    )


def thanks_status(session: Session, encounter_id: int) -> dict[str, Any]:
    """Who of a meeting was thanked and when: the shape of ``ichigo thanks --json``."""
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    people = people_to_thank(session, [encounter_id]).get(encounter_id, [])
    return {
        "encounter_id": encounter.id,
        "title": encounter.title,
        "everyone_thanked": everyone_thanked(session, encounter_id),
        "people": [
            {
                "contact_id": p.contact_id,
                "name": p.name,
                "thanked_on": p.thanked_on.isoformat() if p.thanked_on else None,
            }
            for p in people
        ],
    }
