"""Encounters: meetings, calls and coffees, with the people who took part."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.model import Contact, Encounter, Participation

# The vocabulary of EncounterInput, for the front ends (they never import the model).
from ichigoapp.model import EncounterKind as EncounterKind
from ichigoapp.model import EncounterStatus as EncounterStatus
from ichigoapp.services.common import clean_text, get_or_fail, iso
from ichigoapp.services.contacts import link_waiting_attendees


@dataclass
class EncounterInput:
    title: str
    start: datetime
    end: datetime | None = None
    kind: str = EncounterKind.MEETING.value
    location: str = ""
    join_url: str = ""
    intention: str = ""
    notes: str = ""
    status: str = EncounterStatus.PLANNED.value
    contact_ids: list[int] = field(default_factory=list)


def _validate(data: EncounterInput) -> None:
    if not clean_text(data.title):
        raise BadInput(_("an encounter needs a title"))
    if data.start.tzinfo is None or (data.end is not None and data.end.tzinfo is None):
        raise BadInput(_("encounter times need a time zone"))
    if data.end is not None and data.end < data.start:
        raise BadInput(_("an encounter cannot end before it starts"))
    if data.kind not in {k.value for k in EncounterKind}:
        raise BadInput(_("unknown kind '%(kind)s'") % {"kind": data.kind})
    if data.status not in {s.value for s in EncounterStatus}:
        raise BadInput(_("unknown status '%(status)s'") % {"status": data.status})


def add_encounter(session: Session, data: EncounterInput) -> Encounter:
    _validate(data)
    encounter = Encounter(
        title=clean_text(data.title),
        kind=data.kind,
        start=data.start,
        end=data.end,
        location=clean_text(data.location),
        join_url=clean_text(data.join_url),
        intention=data.intention.strip(),
        notes=data.notes.strip(),
        status=data.status,
    )
    session.add(encounter)
    for contact_id in dict.fromkeys(data.contact_ids):
        _join(session, encounter, contact_id)
    session.flush()
    return encounter


def update_encounter(session: Session, encounter_id: int, data: EncounterInput) -> Encounter:
    """Edit the user-owned fields; participants are managed separately."""
    _validate(data)
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    encounter.title = clean_text(data.title)
    encounter.kind = data.kind
    encounter.start = data.start
    encounter.end = data.end
    encounter.location = clean_text(data.location)
    encounter.join_url = clean_text(data.join_url)
    encounter.intention = data.intention.strip()
    encounter.notes = data.notes.strip()
    if encounter.status != data.status:
        encounter.status_reason = ""  # the user's word replaces the calendar's
    encounter.status = data.status
    session.flush()
    return encounter


def add_participant(session: Session, encounter_id: int, contact_id: int) -> Participation:
    """``contact_id`` takes part in the encounter (once, however often it is asked)."""
    return _join(session, get_or_fail(session, Encounter, encounter_id, "encounter"), contact_id)


def _join(session: Session, encounter: Encounter, contact_id: int) -> Participation:
    contact = get_or_fail(session, Contact, contact_id, "contact")
    for part in encounter.participations:
        if part.contact_id == contact.id:
            return part
    part = Participation(
        contact=contact,
        name=contact.display_name,
        email=contact.primary_email or "",
        role="REQ-PARTICIPANT",
    )
    encounter.participations.append(part)
    session.flush()
    return part


def link_participant(session: Session, participation_id: int, contact_id: int) -> Participation:
    """Attach an unmatched attendee to a contact (triage), and learn their address."""
    from ichigoapp.model import ContactEmail

    part = get_or_fail(session, Participation, participation_id, "attendee")
    contact = get_or_fail(session, Contact, contact_id, "contact")
    part.contact = contact
    if part.email and part.email not in {e.email for e in contact.emails}:
        taken = session.scalars(
            select(ContactEmail).where(ContactEmail.email == part.email)
        ).first()
        if taken is None:
            contact.emails.append(ContactEmail(email=part.email, position=len(contact.emails)))
    session.flush()
    # The same unknown address on other encounters is the same person.
    link_waiting_attendees(session, contact)
    return part


def remove_participant(session: Session, participation_id: int) -> None:
    part = get_or_fail(session, Participation, participation_id, "attendee")
    session.delete(part)
    session.flush()


def set_status(session: Session, encounter_id: int, status: EncounterStatus) -> Encounter:
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    encounter.status = status.value
    session.flush()
    return encounter


def list_encounters(
    session: Session,
    start: datetime | None = None,
    end: datetime | None = None,
    *,
    include_cancelled: bool = True,
    descending: bool = False,
    limit: int | None = None,
) -> list[Encounter]:
    """Encounters starting in [start, end), in time order, attendees loaded."""
    stmt = select(Encounter).options(
        selectinload(Encounter.participations).selectinload(Participation.contact)
    )
    if start is not None:
        stmt = stmt.where(Encounter.start >= start)
    if end is not None:
        stmt = stmt.where(Encounter.start < end)
    if not include_cancelled:
        stmt = stmt.where(Encounter.status != EncounterStatus.CANCELLED.value)
    order = Encounter.start.desc() if descending else Encounter.start
    stmt = stmt.order_by(order, Encounter.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def meeting_dict(encounter: Encounter, now: datetime | None = None) -> dict[str, Any]:
    """The shape of ``meetings --json`` rows (DESIGN section 7)."""
    now = now or datetime.now(UTC)
    return {
        "id": encounter.id,
        "uid": encounter.ical_uid,
        "title": encounter.title,
        "start": iso(encounter.start),
        "end": iso(encounter.end),
        "status": encounter.effective_status(now).value,
        "location": encounter.location,
        "join_url": encounter.join_url,
        "attendees": [
            {"name": p.label, "email": p.email or None, "contact_id": p.contact_id}
            for p in encounter.participations
        ],
    }
