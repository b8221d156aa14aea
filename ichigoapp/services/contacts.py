"""Contacts: create, read, update, delete and merge people."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.importers.birthday import birthday_text
from ichigoapp.importers.normalise import normalise_email
from ichigoapp.model import (
    PRIVATE_CAPABLE_FIELDS,
    Contact,
    ContactEmail,
    ContactLink,
    ContactPhone,
    Encounter,
    Participation,
    PersonalDetail,
    Promise,
    Reflection,
    Tag,
)
from ichigoapp.services import names
from ichigoapp.services.common import checked_email, clean_text, get_or_fail, iso


@dataclass
class ContactInput:
    """Everything a user can type about a person (used by CLI, GUI and importers)."""

    name: str
    given_name: str = ""
    family_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    company: str = ""
    title: str = ""
    location: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    met_through_id: int | None = None
    interests: list[str] = field(default_factory=list)
    details: list[tuple[str, str, bool]] = field(default_factory=list)  # label, value, private
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    keep_in_touch_days: int | None = None
    private_fields: list[str] = field(default_factory=list)
    birthday: date | None = None
    pronouns: str = ""
    pronunciation: str = ""  # how to say the name (a Japanese name's reading)
    name_order: str = names.AUTO  # see services/names.py


PRIVACY_FIELDS = (*PRIVATE_CAPABLE_FIELDS, "details")


def set_private(data: ContactInput, fields: list[str], private: bool) -> None:
    """Mark ``fields`` (keys of ``contacts show --json``) private or public in ``data``;
    "details" marks every personal detail."""
    for name in fields:
        if name not in PRIVACY_FIELDS:
            raise BadInput(
                _("'{name}' cannot be private (choose {choices})").format(
                    name=name, choices=", ".join(PRIVACY_FIELDS)
                )
            )
        if name == "details":
            data.details = [(label, value, private) for label, value, _was in data.details]
        elif private and name not in data.private_fields:
            data.private_fields.append(name)
        elif not private and name in data.private_fields:
            data.private_fields.remove(name)


def _email_owner(session: Session, email: str) -> Contact | None:
    row = session.scalars(select(ContactEmail).where(ContactEmail.email == email)).first()
    return row.contact if row is not None else None


def find_by_email(session: Session, email: str) -> Contact | None:
    return _email_owner(session, normalise_email(email))


def tag_names(session: Session) -> list[str]:
    """Every tag in use, in order (for choosing one)."""
    return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def tags_named(session: Session, names: list[str]) -> list[Tag]:
    wanted = [n.strip() for n in names if n.strip()]
    found = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    result = []
    for name in dict.fromkeys(wanted):
        tag = found.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        result.append(tag)
    return result


def _validate(session: Session, data: ContactInput, contact: Contact | None) -> list[str]:
    name = clean_text(data.name)
    if not name:
        raise BadInput(_("a contact needs a name"))
    emails = list(dict.fromkeys(checked_email(e) for e in data.emails if e.strip()))
    for email in emails:
        owner = _email_owner(session, email)
        if owner is not None and owner is not contact:
            raise BadInput(
                _("%(email)s already belongs to %(name)s (id %(id)d)")
                % {"email": email, "name": owner.display_name, "id": owner.id}
            )
    if data.keep_in_touch_days is not None and data.keep_in_touch_days <= 0:
        raise BadInput(_("keep-in-touch cadence must be a positive number of days"))
    if data.met_through_id is not None:
        get_or_fail(session, Contact, data.met_through_id, "contact")
    names.checked_order(data.name_order)
    return emails


def _apply(session: Session, contact: Contact, data: ContactInput, emails: list[str]) -> None:
    contact.display_name = clean_text(data.name)
    contact.given_name = clean_text(data.given_name)
    contact.family_name = clean_text(data.family_name)
    contact.company = clean_text(data.company)
    contact.title = clean_text(data.title)
    contact.location = clean_text(data.location)
    contact.how_we_met = clean_text(data.how_we_met)
    contact.met_on = data.met_on
    contact.met_through_id = data.met_through_id
    contact.interests = [i.strip() for i in data.interests if i.strip()]
    contact.notes = data.notes.strip()
    contact.keep_in_touch_days = data.keep_in_touch_days
    contact.private_fields = sorted(set(data.private_fields))
    contact.birthday = data.birthday
    contact.pronouns = clean_text(data.pronouns)
    contact.pronunciation = clean_text(data.pronunciation)
    contact.name_order = names.checked_order(data.name_order)
    contact.tags = tags_named(session, data.tags)

    current = {e.email: e for e in contact.emails}
    contact.emails = [
        current.get(email) or ContactEmail(email=email, position=pos)
        for pos, email in enumerate(emails)
    ]
    for pos, row in enumerate(contact.emails):
        row.position = pos
    # Rows whose value stays keep their labels ("work", "linkedin") from imports.
    phones = {p.number: p for p in contact.phones}
    wanted = dict.fromkeys(p.strip() for p in data.phones if p.strip())
    contact.phones = [phones.get(n) or ContactPhone(number=n) for n in wanted]
    links = {link.url: link for link in contact.links}
    urls = dict.fromkeys(u.strip() for u in data.links if u.strip())
    contact.links = [links.get(u) or ContactLink(url=u) for u in urls]
    contact.details = [
        PersonalDetail(label=label.strip(), value=value.strip(), private=private)
        for label, value, private in data.details
        if value.strip()
    ]


def add_contact(session: Session, data: ContactInput) -> Contact:
    emails = _validate(session, data, None)
    contact = Contact(display_name=clean_text(data.name))
    session.add(contact)
    _apply(session, contact, data, emails)
    session.flush()
    link_waiting_attendees(session, contact)
    return contact


def update_contact(session: Session, contact_id: int, data: ContactInput) -> Contact:
    contact = get_or_fail(session, Contact, contact_id, "contact")
    emails = _validate(session, data, contact)
    _apply(session, contact, data, emails)
    session.flush()
    link_waiting_attendees(session, contact)
    return contact


def link_waiting_attendees(session: Session, contact: Contact) -> int:
    """Attendees imported before this person was a contact join them by address."""
    addresses = [e.email for e in contact.emails]
    if not addresses:
        return 0
    waiting = session.scalars(
        select(Participation).where(
            Participation.email.in_(addresses), Participation.contact_id.is_(None)
        )
    ).all()
    for part in waiting:
        part.contact = contact
    session.flush()
    return len(waiting)


def contact_form(session: Session, contact_id: int) -> ContactInput:
    """What the edit form shows of a stored contact."""
    return contact_input_from(get_or_fail(session, Contact, contact_id, "contact"))


def contact_photo(session: Session, contact_id: int) -> bytes | None:
    """The contact's picture as stored (PNG, JPEG... as the card or file gave it)."""
    return session.scalar(select(Contact.photo).where(Contact.id == contact_id))


def contact_input_from(contact: Contact) -> ContactInput:
    """The editable form of a stored contact."""
    return ContactInput(
        name=contact.display_name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        emails=[e.email for e in contact.emails],
        phones=[p.number for p in contact.phones],
        links=[link.url for link in contact.links],
        company=contact.company,
        title=contact.title,
        location=contact.location,
        how_we_met=contact.how_we_met,
        met_on=contact.met_on,
        met_through_id=contact.met_through_id,
        interests=list(contact.interests or []),
        details=[(d.label, d.value, d.private) for d in contact.details],
        notes=contact.notes,
        tags=[t.name for t in contact.tags],
        keep_in_touch_days=contact.keep_in_touch_days,
        private_fields=list(contact.private_fields or []),
        birthday=contact.birthday,
        pronouns=contact.pronouns,
        pronunciation=contact.pronunciation,
        name_order=contact.name_order,
    )


def delete_contact(session: Session, contact_id: int) -> None:
    """Delete a person. Their encounters stay; participations become unmatched."""
    contact = get_or_fail(session, Contact, contact_id, "contact")
    # Keep the attendee's name on each encounter so the meeting still says who was there.
    for part in contact.participations:
        if not part.name:
            part.name = contact.display_name
    session.delete(contact)
    session.flush()


def shown_name(contact: Contact) -> str:
    """The contact's name as lists, cards and the command line show it."""
    return names.full_name(
        contact.display_name, contact.given_name, contact.family_name, contact.name_order
    )


def list_contacts(session: Session) -> list[Contact]:
    """Every contact in name order (a Japanese name by its reading)."""
    contacts = session.scalars(select(Contact).order_by(Contact.id))
    return sorted(contacts, key=lambda c: names.sort_key(shown_name(c), c.pronunciation))


def contact_summary(contact: Contact) -> dict[str, Any]:
    """The shape of ``contacts list --json`` rows."""
    return {
        "id": contact.id,
        "name": shown_name(contact),  # in the contact's name order
        "display_name": contact.display_name,  # as typed or imported
        "name_order": contact.name_order,
        "given_name": contact.given_name,
        "family_name": contact.family_name,
        "emails": [e.email for e in contact.emails],
        "phones": [p.number for p in contact.phones],
        "links": [link.url for link in contact.links],
        "company": contact.company,
        "title": contact.title,
        "location": contact.location,
        "how_we_met": contact.how_we_met,
        "met_on": contact.met_on.isoformat() if contact.met_on else None,
        "met_through_id": contact.met_through_id,
        "interests": list(contact.interests or []),
        "details": [
            {"label": d.label, "value": d.value, "private": d.private} for d in contact.details
        ],
        "notes": contact.notes,
        "tags": [t.name for t in contact.tags],
        "keep_in_touch_days": contact.keep_in_touch_days,
        "cadence_days": contact.keep_in_touch_days,
        "birthday": birthday_text(contact.birthday) if contact.birthday else None,
        "pronouns": contact.pronouns,
        "pronunciation": contact.pronunciation,
        "met_through": contact.met_through.display_name if contact.met_through else None,
        "private_fields": list(contact.private_fields or []),
        "created_at": iso(contact.created_at),
        "updated_at": iso(contact.updated_at),
    }


def encounters_of(session: Session, contact_id: int) -> list[Encounter]:
    stmt = (
        select(Encounter)
        .join(Participation, Participation.encounter_id == Encounter.id)
        .where(Participation.contact_id == contact_id)
        .order_by(Encounter.start.desc())
        .distinct()
    )
    return list(session.scalars(stmt))


def promises_of(session: Session, contact_id: int) -> list[Promise]:
    stmt = select(Promise).where(Promise.contact_id == contact_id).order_by(Promise.created_at)
    return list(session.scalars(stmt))


def contact_detail(session: Session, contact_id: int) -> dict[str, Any]:
    """``contacts show --json``: the summary plus encounters, promises and reflections."""
    from datetime import UTC, datetime

    contact = get_or_fail(session, Contact, contact_id, "contact")
    now = datetime.now(UTC)
    encounters = encounters_of(session, contact_id)
    reflections: list[Reflection] = [e.reflection for e in encounters if e.reflection]
    data = contact_summary(contact)
    data["encounters"] = [
        {
            "id": e.id,
            "title": e.title,
            "start": iso(e.start),
            "end": iso(e.end),
            "status": e.effective_status(now).value,
        }
        for e in encounters
    ]
    data["promises"] = [promise_dict(p) for p in promises_of(session, contact_id)]
    data["reflections"] = [reflection_dict(r) for r in reflections]
    data["changes"] = [{"at": iso(c.at), "summary": c.summary} for c in contact.changes]
    return data


def promise_dict(promise: Promise) -> dict[str, Any]:
    return {
        "id": promise.id,
        "encounter_id": promise.encounter_id,
        "contact_id": promise.contact_id,
        "direction": promise.direction,
        "text": promise.text,
        "due": promise.due.isoformat() if promise.due else None,
        "done_on": promise.done_on.isoformat() if promise.done_on else None,
    }


def reflection_dict(reflection: Reflection) -> dict[str, Any]:
    return {
        "id": reflection.id,
        "encounter_id": reflection.encounter_id,
        "learned": reflection.learned,
        "went_well": reflection.went_well,
        "improve": reflection.improve,
        "gratitude": reflection.gratitude,
        "thanks_sent": reflection.thanks_sent,
        "next_time": reflection.next_time,
        "updated_at": iso(reflection.updated_at),
    }
