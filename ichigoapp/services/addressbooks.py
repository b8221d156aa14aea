"""Address books followed from CardDAV servers (the phone's contacts): pulled into the
vault through the one identity rule (DESIGN section 2).

This is the pull half. A new card becomes a contact, or joins the contact it proves to
be by e-mail, phone, profile or UID (never by name: a same-name card is a new contact
with a duplicate suggestion). A changed card updates its linked contact's shared fields
and never touches what only Ichigo holds (history, notes, private details). A card
deleted on the server unlinks its contact, which stays with its whole history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, SyncFailed
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.vcard import parse_vcards
from ichigoapp.model import Contact, SourceItem
from ichigoapp.services.contacts_io import (
    ContactImportReport,
    import_contact_records,
    update_from_record,
)
from ichigoapp.services.identity import PersonIndex, vcard_uid
from ichigoapp.sync.addresses import normalise_url
from ichigoapp.sync.dav import Account, CalendarChanges, RemoteCalendar


@dataclass
class CardCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unlinked: int = 0


def discover_address_books(
    url: str, username: str, password: str, name: str
) -> list[RemoteCalendar]:
    """The address books of a CardDAV account (for the user to pick one)."""
    with Account(normalise_url(url), username, password, name) as account:
        books = account.address_books()
    if not books:
        raise SyncFailed(f"'{name}': the account has no address book")
    return books


def pick_address_book(available: Sequence[RemoteCalendar], wanted: str) -> RemoteCalendar:
    """The one named ``wanted`` (the only one when not named)."""
    if wanted:
        for book in available:
            if book.name.casefold() == wanted.casefold():
                return book
        names = ", ".join(f"'{b.name}'" for b in available)
        raise BadInput(f"no address book called '{wanted}' in this account (it has {names})")
    if len(available) > 1:
        names = ", ".join(f"'{b.name}'" for b in available)
        raise BadInput(f"the account has several address books ({names}): name one")
    return available[0]


def apply_cards(
    session: Session, source_id: int, book_url: str, change: CalendarChanges
) -> tuple[CardCounts, list[dict[str, str | None]]]:
    """Pull one address book's changes into the vault (inside the caller's
    transaction). Returns the counts and the cards that could not be read."""
    counts = CardCounts()
    problems: list[dict[str, str | None]] = []
    touched = sorted(change.deleted | set(change.changed))
    items = {
        item.path: item
        for item in session.scalars(
            select(SourceItem).where(
                SourceItem.source_id == source_id,
                SourceItem.calendar_url == book_url,
                SourceItem.path.in_(touched),
            )
        )
    }
    for path in sorted(change.deleted):
        item = items.pop(path, None)
        if item is not None:
            if item.contact_id is not None:
                counts.unlinked += 1  # the contact stays, with its history
            session.delete(item)
    index = PersonIndex(session)
    new: list[tuple[str, str, ContactRecord]] = []
    for path, (etag, data) in sorted(change.changed.items()):
        parsed = parse_vcards(data.decode("utf-8", "replace"))
        if not parsed.records:
            reason = parsed.skipped[0].reason if parsed.skipped else "not a vCard"
            problems.append({"uid": path.rsplit("/", 1)[-1], "message": reason})
            continue
        record = parsed.records[0]
        item = items.get(path)
        contact = session.get(Contact, item.contact_id) if item and item.contact_id else None
        if item is not None and contact is not None:
            item.etag = etag
            if update_from_record(session, contact, record, index):
                counts.updated += 1
            else:
                counts.unchanged += 1
            continue
        if item is not None:
            session.delete(item)  # its contact was deleted in Ichigo: link the card anew
        new.append((path, etag, record))
    if new:
        report = ContactImportReport(source_kind="carddav")
        ids = import_contact_records(session, [record for _, _, record in new], report)
        counts.created += report.created
        counts.updated += report.updated
        counts.unchanged += report.unchanged
        for position, (path, etag, record) in enumerate(new):
            session.add(
                SourceItem(
                    source_id=source_id,
                    calendar_url=book_url,
                    path=path,
                    etag=etag,
                    uid=vcard_uid(record.extra),
                    contact_id=ids.get(position),
                )
            )
    session.flush()
    return counts, problems
