"""Contacts in and out: import files without joining strangers, export everything.

A record is an existing contact only on strong evidence (services/identity.py: email,
phone, LinkedIn profile, vCard UID), never on its name: a record matching nobody is a
new contact, and one sharing a name shows up among the possible duplicates. A match
updates the contact; a changed company or title is recorded on its timeline ("moved
to Acme Robotics as CTO").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, ImportFailed
from ichigoapp.i18n import _
from ichigoapp.importers.birthday import has_year
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.vcard import X_MET_THROUGH
from ichigoapp.importers.vcard_export import export_vcards
from ichigoapp.model import (
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    PersonalDetail,
)
from ichigoapp.paths import write_private
from ichigoapp.services.contacts import (
    link_waiting_attendees,
    tags_named,
)
from ichigoapp.services.duplicates import suggestions_for
from ichigoapp.services.identity import PersonIndex, people
from ichigoapp.services.json_io import export_json
from ichigoapp.services.merging import merge_contacts

MAX_CONTACTS_FILE_BYTES = 100 * 1024 * 1024


@dataclass
class ContactImportReport:
    source_kind: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    # Pairs with a contact this import made that may be one person (same name...).
    possible_duplicates: int = 0
    # Contacts of the vault that the file proved to be one person, merged into one.
    merged: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source_kind,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "possible_duplicates": self.possible_duplicates,
            "merged": self.merged,
        }


def move_summary(old_company: str, old_title: str, record: ContactRecord) -> str | None:
    company_changed = bool(record.company) and record.company != old_company
    title_changed = bool(record.title) and record.title != old_title
    if company_changed and record.title:
        return f"moved to {record.company} as {record.title}"
    if company_changed:
        return f"moved to {record.company}"
    if title_changed:
        return f"now {record.title}" + (f" at {old_company}" if old_company else "")
    return None


def _new_only(labelled: list[tuple[str, str]], known: set[str]) -> Iterator[tuple[str, str]]:
    """The (value, label) pairs whose value is not yet ``known``, each value once."""
    for value, label in labelled:
        if value not in known:
            known.add(value)
            yield value, label


def _merge_record(
    session: Session, contact: Contact, record: ContactRecord, matcher: PersonIndex
) -> bool:
    """Fold what the file says into the contact; True if anything changed."""
    changed = False
    move = move_summary(contact.company, contact.title, record) if contact.id else None
    if move:
        contact.changes.append(ContactChange(summary=move))
    for attr in ("company", "title"):
        value = getattr(record, attr).strip()
        if value and value != getattr(contact, attr):
            setattr(contact, attr, value)
            changed = True
    for attr in ("given_name", "family_name", "location"):
        value = getattr(record, attr).strip()
        if value and not getattr(contact, attr):
            setattr(contact, attr, value)
            changed = True
    if record.notes.strip() and record.notes.strip() not in contact.notes:
        contact.notes = f"{contact.notes}\n\n{record.notes.strip()}".strip()
        changed = True
    if (
        record.birthday
        and contact.birthday != record.birthday
        and not _same_day_no_year(contact.birthday, record.birthday)
    ):
        contact.birthday = record.birthday
        changed = True
    if record.connected_on and contact.met_on is None:
        contact.met_on = record.connected_on
        if not contact.how_we_met:
            contact.how_we_met = "Connected on LinkedIn"
        changed = True
    if record.photo and contact.photo != record.photo:
        contact.photo = record.photo
        changed = True
    changed |= _add_what_the_user_wrote(contact, record)
    for email, label in record.emails:
        owner = matcher.owner(f"email:{email}")
        if owner is None:
            contact.emails.append(
                ContactEmail(email=email, label=label, position=len(contact.emails))
            )
            matcher.by_key[f"email:{email}"] = contact
            changed = True
    known = {p.number for p in contact.phones}
    for number, label in _new_only(record.phones, known):
        contact.phones.append(ContactPhone(number=number, label=label))
        changed = True
    known = {link.url for link in contact.links}
    for url, label in _new_only(record.links, known):
        contact.links.append(ContactLink(url=url, label=label))
        changed = True
    new_tags = [t for t in record.tags if t not in {tag.name for tag in contact.tags}]
    if new_tags:
        contact.tags = [*contact.tags, *tags_named(session, new_tags)]
        changed = True
    extra = dict(contact.extra or {})
    for key, value in record.extra.items():
        if extra.get(key) != value:
            extra[key] = value
            changed = True
    contact.extra = extra
    return changed


def _same_day_no_year(known: date | None, given: date) -> bool:
    """A file's yearless birthday adds nothing to a known one on the same day."""
    if known is None or has_year(given):
        return False
    return (known.month, known.day) == (given.month, given.day)


def _add_what_the_user_wrote(contact: Contact, record: ContactRecord) -> bool:
    """Fields an Ichigo vCard carries: filled where empty, added to where a list; what
    the contact already says is never replaced by a file."""
    changed = False
    for attr in ("pronouns", "pronunciation", "how_we_met", "met_on", "keep_in_touch_days"):
        value = getattr(record, attr)
        if value and not getattr(contact, attr):
            setattr(contact, attr, value)
            changed = True
    new_interests = [i for i in record.interests if i not in (contact.interests or [])]
    if new_interests:
        contact.interests = [*(contact.interests or []), *new_interests]
        changed = True
    known = {(d.label, d.value) for d in contact.details}
    for label, value in record.details:
        if (label, value) not in known:
            known.add((label, value))
            contact.details.append(PersonalDetail(label=label, value=value))
            changed = True
    return changed


def import_contact_records(
    session: Session,
    records: Iterable[ContactRecord],
    report: ContactImportReport,
    progress: Callable[[int, int], None] | None = None,
) -> dict[int, int]:
    """Create or update contacts for ``records`` inside the caller's transaction;
    returns the contact each record became or updated, by the record's position.

    Records that are one person (identity.people) become or update one contact. When
    they prove that two contacts of the vault are one person (one card holds the
    address of each), those are merged first, losing nothing (services/merging.py).
    """
    items = list(records)
    index = PersonIndex(session)
    made: set[int] = set()
    became: dict[int, int] = {}
    done = 0
    for group in people(items, index):
        contact = _the_contact(session, group, items, index, report)
        for position in group:
            record = items[position]
            done += 1
            if progress and done % 100 == 0:
                progress(done, len(items))
            if not record.display_name.strip():
                report.skipped.append({"where": f"record {position + 1}", "reason": "no name"})
                continue
            if contact is None:
                contact = _new_contact(session, record)
                _merge_record(session, contact, record, index)
                session.flush()
                made.add(contact.id)
                report.created += 1
            elif _merge_record(session, contact, record, index):
                session.flush()
                report.updated += 1
            else:
                report.unchanged += 1
                became[position] = contact.id
                continue
            became[position] = contact.id
            index.remember(contact)
            link_waiting_attendees(session, contact)
    if progress:
        progress(len(items), len(items))
    if made:
        report.possible_duplicates = len(suggestions_for(session, made))
    return became


def update_from_record(
    session: Session, contact: Contact, record: ContactRecord, index: PersonIndex
) -> bool:
    """Fold a card's shared fields into a contact it is linked to (an address book's
    changed card); True if anything changed. What only Ichigo holds is left alone."""
    changed = _merge_record(session, contact, record, index)
    if changed:
        session.flush()
    index.remember(contact)
    return changed


def _the_contact(
    session: Session,
    group: list[int],
    items: list[ContactRecord],
    index: PersonIndex,
    report: ContactImportReport,
) -> Contact | None:
    """The vault's contact for a group of records; None when they are someone new."""
    found = {c.id: c for position in group for c in index.matches(items[position])}
    if not found:
        return None
    keep, *others = sorted(found.values(), key=lambda c: c.id)
    for other in others:
        index.forget(other)
        index.forget(keep)
        merge_contacts(session, keep.id, other.id)
        index.remember(keep)
        report.merged += 1
    return keep


def _new_contact(session: Session, record: ContactRecord) -> Contact:
    # Column defaults apply only at INSERT; _merge_record reads these first.
    contact = Contact(
        display_name=record.display_name.strip(),
        **dict.fromkeys(("given_name", "family_name", "company", "title"), ""),
        **dict.fromkeys(("location", "how_we_met", "notes", "pronouns", "pronunciation"), ""),
        interests=[],
        private_fields=[],
        extra={},
    )
    session.add(contact)
    return contact


def import_contacts_file(
    transaction: Callable[[], Any],
    path: Path,
    progress: Callable[[int, int], None] | None = None,
) -> ContactImportReport:
    """Read a LinkedIn/Google CSV or vCard file and import it as one transaction."""
    try:
        if path.stat().st_size > MAX_CONTACTS_FILE_BYTES:
            raise ImportFailed(
                _("{name} is too large to be a contacts file").format(name=path.name)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(_("{path} does not exist").format(path=path)) from None
    except IsADirectoryError:
        raise ImportFailed(_("{path} is a folder, not a contacts file").format(path=path)) from None
    except OSError as exc:
        raise ImportFailed(
            _("{path} cannot be read ({problem})").format(path=path, problem=exc.strerror)
        ) from None
    parsed = detect_and_parse(data, path.name)
    report = ContactImportReport(source_kind=parsed.source_kind)
    report.skipped = [{"where": s.where, "reason": s.reason} for s in parsed.skipped]
    with transaction() as session:
        import_contact_records(session, parsed.records, report, progress)
    return report


# ---------------------------------------------------------------------------- export


# Words in the names of kept properties or CSV columns that hold a private field's
# value again (a vCard's full ADR behind `location`, Google's "Birthday" column): left
# out with the field, erring on leaving out.
_PRIVATE_EXTRA = {
    "location": ("ADR", "LABEL", "GEO", "ADDRESS", "STREET", "CITY", "POSTAL", "REGION"),
    "emails": ("EMAIL", "E-MAIL"),
    "phones": ("TEL", "PHONE"),
    "birthday": ("BDAY", "BIRTHDAY"),
    "notes": ("NOTE",),
    "pronouns": ("PRONOUN",),
    "pronunciation": ("PHONETIC", "PRONUNCIATION"),
    "how_we_met": (X_MET_THROUGH,),
}


def contact_record(contact: Contact, include_private: bool = False) -> ContactRecord:
    """A stored contact as the exporters see it: without the fields marked private
    (and private details) unless ``include_private``."""
    hidden = set() if include_private else set(contact.private_fields or [])

    def shown(name: str, value: Any) -> Any:
        return None if name in hidden else value

    introducer = contact.met_through.display_name if contact.met_through else ""

    record = ContactRecord(
        display_name=contact.display_name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        company=contact.company,
        title=contact.title,
        location=shown("location", contact.location) or "",
        notes=shown("notes", contact.notes) or "",
        birthday=shown("birthday", contact.birthday),
        photo=contact.photo,
        pronouns=shown("pronouns", contact.pronouns) or "",
        pronunciation=shown("pronunciation", contact.pronunciation) or "",
        how_we_met=shown("how_we_met", contact.how_we_met) or "",
        met_on=contact.met_on,
        met_through=shown("how_we_met", introducer) or "",
        interests=list(shown("interests", contact.interests) or []),
        keep_in_touch_days=contact.keep_in_touch_days,
    )
    if "emails" not in hidden:
        record.emails = [(e.email, e.label) for e in contact.emails]
    if "phones" not in hidden:
        record.phones = [(p.number, p.label) for p in contact.phones]
    record.links = [(link.url, link.label) for link in contact.links]
    record.tags = [t.name for t in contact.tags]
    record.details = [
        (d.label, d.value) for d in contact.details if include_private or not d.private
    ]
    words = [word for field in hidden for word in _PRIVATE_EXTRA.get(field, ())]
    record.extra = {
        key: value
        for key, value in (contact.extra or {}).items()
        if not any(word in key.upper() for word in words)
    }
    return record


def export_vcard(session: Session, include_private: bool = False) -> str:
    contacts = session.scalars(select(Contact).order_by(func.lower(Contact.display_name)))
    return export_vcards(contact_record(c, include_private) for c in contacts)


EXPORT_KINDS = ("json", "vcard")


def export_to_file(
    session: Session, kind: str, path: Path, *, include_private: bool = False
) -> int:
    """Write an export to ``path`` and say how many contacts it holds.

    ``kind`` "vcard" is the contacts as vCard 4.0, without the fields marked private
    unless ``include_private``; "json" is everything (export_json), private included,
    as it is the way to move a vault.
    The file appears whole or not at all and is readable by its owner only: unlike the
    vault it is not encrypted. An existing file at ``path`` is replaced.
    """
    if kind == "json":
        data = export_json(session)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        count = len(data["contacts"])
    elif kind == "vcard":
        text = export_vcard(session, include_private)
        count = text.count("BEGIN:VCARD")
    else:
        raise BadInput(
            _("unknown export format '{kind}' (choose {choices})").format(
                kind=kind, choices=", ".join(EXPORT_KINDS)
            )
        )
    try:
        write_private(path, text.encode("utf-8"))
    except OSError as exc:
        raise BadInput(
            _("cannot write {path}: {problem}").format(path=path, problem=exc.strerror or exc)
        ) from None
    return count
