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

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.model import Contact, Encounter, Reflection
from ichigoapp.services import today_read
from ichigoapp.services.common import get_or_fail
from ichigoapp.services.today_items import ThankPerson

# Someone to thank for a meeting, and whether they were thanked.
Person = ThankPerson


def people_to_thank(session: Session, encounter_ids: Iterable[int]) -> dict[int, list[Person]]:
    """The people to thank of each meeting, each once, alphabetically; someone with two
    attendances (two addresses) counts as thanked when both are marked (the query of
    Today's "Thanks to send", ``today_read.people_to_thank``)."""
    session.flush()
    conn = session.connection().connection.driver_connection
    return today_read.people_to_thank(conn, encounter_ids)


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
