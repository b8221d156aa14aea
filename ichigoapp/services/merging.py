"""Merging two contacts into one person, losing nothing.

Only ever on the user's word (the app's Merge, ``ichigo contacts merge``). The kept
contact receives the union of everything listed (addresses, phones, links, tags,
details, interests, private flags, extra vCard properties) and every encounter,
reflection, promise and timeline entry of the other. Where both have a value for the
same field and the values differ, the kept one stays and the other's becomes a
personal detail ("Company (was Other Name's)"), so it is never dropped.
"""

from __future__ import annotations

import base64

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.importers.birthday import birthday_text
from ichigoapp.model import (
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    PersonalDetail,
    Promise,
)
from ichigoapp.services.common import get_or_fail

# Text fields: the kept contact's value wins, the other's is kept as a detail.
_TEXT_FIELDS = {
    "display_name": "Also known as",
    "given_name": "Given name",
    "family_name": "Family name",
    "company": "Company",
    "title": "Title",
    "location": "Location",
    "how_we_met": "How we met",
    "pronouns": "Pronouns",
    "pronunciation": "Pronunciation",
}


def merge_contacts(session: Session, keep_id: int, other_id: int) -> Contact:
    """Fold ``other`` into ``keep`` (in the caller's transaction) and delete ``other``."""
    if keep_id == other_id:
        raise BadInput(_("cannot merge a contact with itself"))
    keep = get_or_fail(session, Contact, keep_id, "contact")
    other = get_or_fail(session, Contact, other_id, "contact")
    whose = f"was {other.display_name}'s"
    private = set(other.private_fields or [])

    def conflict(label: str, value: str, field: str) -> None:
        keep.details.append(
            PersonalDetail(label=f"{label} ({whose})", value=value, private=field in private)
        )

    _move_addresses(session, keep, other)
    for name, label in _TEXT_FIELDS.items():
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and not mine:
            setattr(keep, name, theirs)
        elif theirs and theirs != mine:
            conflict(label, theirs, name)
    for name, label, field in (("birthday", "Birthday", "birthday"), ("met_on", "Met on", "")):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and not mine:
            setattr(keep, name, theirs)
        elif theirs and theirs != mine:
            conflict(label, birthday_text(theirs) if field else theirs.isoformat(), field)
    if other.met_through_id not in (None, keep.id, keep.met_through_id):
        if keep.met_through_id is None:
            keep.met_through_id = other.met_through_id
        elif other.met_through is not None:
            conflict("Met through", other.met_through.display_name, "how_we_met")
    if other.keep_in_touch_days and keep.keep_in_touch_days != other.keep_in_touch_days:
        if keep.keep_in_touch_days is None:
            keep.keep_in_touch_days = other.keep_in_touch_days
        else:
            conflict("Keep in touch every", f"{other.keep_in_touch_days} days", "")
    if other.photo and not keep.photo:
        keep.photo = other.photo
    extra = dict(keep.extra or {})
    if other.photo and keep.photo != other.photo:
        extra["X-ICHIGO-MERGED-PHOTO"] = base64.b64encode(other.photo).decode("ascii")
    for key, value in (other.extra or {}).items():
        known = extra.get(key)
        extra[key] = value if not known or known == value else f"{known}\n{value}"
    keep.extra = extra
    keep.interests = list(dict.fromkeys([*(keep.interests or []), *(other.interests or [])]))
    if other.notes and other.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n\n{other.notes}".strip()
    keep.tags = list({t.id: t for t in [*keep.tags, *other.tags]}.values())
    keep.details += [
        PersonalDetail(label=d.label, value=d.value, private=d.private) for d in other.details
    ]
    keep.private_fields = sorted({*(keep.private_fields or []), *private})
    keep.created_at = min(keep.created_at, other.created_at)
    _move_history(session, keep, other)
    keep.changes.append(ContactChange(summary=f"merged with {other.display_name}"))
    session.flush()
    session.delete(other)
    session.flush()
    return keep


def _move_addresses(session: Session, keep: Contact, other: Contact) -> None:
    known = {e.email for e in keep.emails}
    moved = [e for e in other.emails if e.email not in known]
    for row in list(other.emails):
        other.emails.remove(row)
    session.flush()  # release the unique addresses before re-adding them to keep
    for pos, row in enumerate(moved, start=len(keep.emails)):
        keep.emails.append(ContactEmail(email=row.email, label=row.label, position=pos))
    numbers = {p.number for p in keep.phones}
    keep.phones += [
        ContactPhone(number=p.number, label=p.label)
        for p in other.phones
        if p.number not in numbers
    ]
    urls = {link.url for link in keep.links}
    keep.links += [ContactLink(url=x.url, label=x.label) for x in other.links if x.url not in urls]


def _move_history(session: Session, keep: Contact, other: Contact) -> None:
    """Encounters (with their reflections), promises, timeline and introductions."""
    kept = {p.encounter_id: p for p in keep.participations}
    for part in list(other.participations):
        attendance = kept.get(part.encounter_id)
        if attendance is not None:
            # Both were in that meeting: one person, one attendance, thanked if either was.
            if attendance.thanks_sent_on is None:
                attendance.thanks_sent_on = part.thanks_sent_on
            session.delete(part)
        else:
            part.contact = keep
            kept[part.encounter_id] = part
    for promise in session.scalars(select(Promise).where(Promise.contact_id == other.id)):
        promise.contact = keep
    for change in list(other.changes):
        change.contact = keep
    for person in session.scalars(select(Contact).where(Contact.met_through_id == other.id)):
        person.met_through_id = keep.id if person.id != keep.id else None
