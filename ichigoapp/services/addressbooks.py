"""Address books followed on CardDAV servers (the phone's contacts), both ways.

**Pull.** A new card becomes a contact, or joins the contact it proves to be by e-mail,
phone, profile or UID (never by name: a same-name card is a new contact with a
duplicate suggestion). A card deleted on the server unlinks its contact, which stays
with its whole history and is never pushed back to that address book.

**Push** (an address book's ``push``: "all", "tag:NAME" or "none"). Only the shareable
fields leave the vault (``importers.vcard_edit.Shared``: names, e-mails, phones,
company, title, links, birthday, photo, address, pronouns), and of those only the ones
the user has not marked private; notes, personal details, reflections, promises and
encounters never do. A contact deleted in Ichigo deletes its card.

**Never clobber.** Each card keeps the version both sides last agreed on: the card text
(``SourceItem.agreed``) and the contact's shareable fields then (``SourceItem.ours``).
A sync compares each side with its own base, so each change is known field by field:
the server's go to the contact, Ichigo's to the card (rewriting only those properties:
what Ichigo does not understand stays byte for byte), and where both changed one field
Ichigo's value stands. Writes carry ``If-Match``; a card changed in between (412) is
fetched and merged again (:func:`refresh`).

**Safety brakes.** The first sync of a link deletes nothing on either side; a sync that
would delete or overwrite more than a tenth of the linked contacts (and more than
:data:`BRAKE_MIN`) changes nothing and raises :class:`MassChanges` unless allowed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, MassChanges, SyncFailed
from ichigoapp.i18n import _
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.vcard import CardError
from ichigoapp.importers.vcard_edit import (
    LISTS,
    SCALARS,
    Delta,
    Shared,
    apply_delta,
    delta,
    edit_card,
    list_values,
    new_card,
    phone_value,
    read_card,
    shared_of,
    without,
)
from ichigoapp.model import (
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    Source,
    SourceItem,
    Tag,
    contact_tag,
)
from ichigoapp.services.contacts_io import (
    ContactImportReport,
    contact_record,
    import_contact_records,
    move_summary,
)
from ichigoapp.services.identity import PersonIndex, vcard_uid
from ichigoapp.sync.addresses import normalise_url
from ichigoapp.sync.dav import Account, CalendarChanges, RemoteCalendar

BRAKE_MIN = 5  # more than this many, and more than a tenth of the linked contacts
PUSH_ATTEMPTS = 3  # a card that keeps changing under us waits for the next sync

# Fields a user may mark private that a card could carry: left out of every card.
_PRIVATE_SHARED = ("location", "phones", "emails", "birthday", "pronouns")


@dataclass
class CardCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unlinked: int = 0
    merged: int = 0  # cards both sides had changed, merged field by field
    destructive: int = 0  # contacts and cards a value of would be replaced or removed


@dataclass
class PushOp:
    """One write to the server, prepared inside a transaction and sent outside it."""

    kind: str  # "create" | "update" | "delete"
    path: str
    etag: str  # If-Match ("" for a create: If-None-Match *)
    card: str = ""
    item_id: int | None = None
    contact_id: int | None = None
    ours: str = ""  # the contact's shareable fields, recorded once the server took the card
    uid: str = ""
    # When ``ours`` was read: an edit made while the card travels is newer, so the next
    # sync still finds it (Contact.updated_at > SourceItem.synced_at).
    seen_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(frozen=True)
class BookPlan:
    source_id: int
    name: str
    book_url: str
    push: str  # "none" | "all" | "tag:NAME"
    first: bool  # the link's first sync: nothing is deleted on either side
    version: str  # the vCard version of new cards
    allow_mass_changes: bool = False
    full: bool = False  # the daily pass: every linked contact is compared with its card


@dataclass
class BookResult:
    counts: CardCounts = field(default_factory=CardCounts)
    problems: list[dict[str, str | None]] = field(default_factory=list)
    ops: list[PushOp] = field(default_factory=list)
    touched: int = 0  # cards the server changed or deleted since the last sync


def discover_address_books(
    url: str, username: str, password: str, name: str
) -> list[RemoteCalendar]:
    """The address books of a CardDAV account (for the user to pick one)."""
    with Account(normalise_url(url), username, password, name) as account:
        books = account.address_books()
    if not books:
        raise SyncFailed(_("'{name}': the account has no address book").format(name=name))
    return books


def pick_address_book(available: Sequence[RemoteCalendar], wanted: str) -> RemoteCalendar:
    """The one named ``wanted`` (the only one when not named)."""
    if wanted:
        for book in available:
            if book.name.casefold() == wanted.casefold():
                return book
        names = ", ".join(f"'{b.name}'" for b in available)
        raise BadInput(
            _("no address book called '{wanted}' in this account (it has {names})").format(
                wanted=wanted, names=names
            )
        )
    if len(available) > 1:
        names = ", ".join(f"'{b.name}'" for b in available)
        raise BadInput(
            _("the account has several address books ({names}): name one").format(names=names)
        )
    return available[0]


def books_writing(session: Session, contact_id: int) -> list[str]:
    """The address books that hold a card of this contact and are written to (deleting
    the contact deletes the card there): their names."""
    return list(
        session.scalars(
            select(Source.name)
            .join(SourceItem, SourceItem.source_id == Source.id)
            .where(
                SourceItem.contact_id == contact_id,
                ~SourceItem.unlinked,
                Source.push != "none",
            )
            .distinct()
            .order_by(Source.name)
        )
    )


def unlinked_count(session: Session, source_id: int) -> int:
    """Contacts whose card this address book's server deleted (kept out of it)."""
    return (
        session.scalar(
            select(func.count(SourceItem.id)).where(
                SourceItem.source_id == source_id, SourceItem.unlinked
            )
        )
        or 0
    )


def link_again(session: Session, source_id: int) -> int:
    """The user's word: the contacts whose cards the server deleted may go back to it.
    Their cards are written again at the next sync (when the address book receives
    them); returns how many."""
    unlinked = list(
        session.scalars(
            select(SourceItem).where(SourceItem.source_id == source_id, SourceItem.unlinked)
        )
    )
    for item in unlinked:
        session.delete(item)
    session.flush()
    return len(unlinked)


# --- a contact's shareable fields ----------------------------------------------------------


def contact_view(contact: Contact, then: Shared | None) -> Shared:
    """The contact's shareable fields as a card would carry them. A field marked private
    reads as it was at the last agreement: Ichigo never sends it, nor removes it."""
    shared = shared_of(contact_record(contact, include_private=True))
    hidden = [name for name in _PRIVATE_SHARED if name in (contact.private_fields or [])]
    if not hidden:
        return shared
    base = then or Shared()
    return replace(shared, **{name: getattr(base, name) for name in hidden})


def _want(contact: Contact) -> ContactRecord:
    """The contact as the vCard export sees it, private fields left out; of it a card
    only ever receives the shareable fields (importers/vcard_edit writes no other)."""
    return contact_record(contact)


def _first_link_base(theirs: Shared, ours: Shared) -> Shared:
    """The base of a card linked for the first time to a contact that may already hold
    more: what the card says stays (no overwrite), what the contact adds goes to it."""
    values: dict[str, Any] = {}
    for name in SCALARS:
        values[name] = getattr(ours, name) if getattr(theirs, name) else ""
    for name in LISTS:
        values[name] = tuple(v for v in getattr(theirs, name) if v in getattr(ours, name))
    return Shared(**values)


# --- applying the server's changes to a contact --------------------------------------------


def _apply_to_contact(
    session: Session, contact: Contact, change: Delta, theirs: ContactRecord, index: PersonIndex
) -> None:
    index.forget(contact)
    if {"company", "title"} & set(change.scalars):
        moved = replace(
            theirs,
            company=change.scalars.get("company", contact.company),
            title=change.scalars.get("title", contact.title),
        )
        summary = move_summary(contact.company, contact.title, moved)
        if summary:
            contact.changes.append(ContactChange(summary=summary))
    for name, value in change.scalars.items():
        if name == "birthday":
            contact.birthday = theirs.birthday
        elif name == "photo":
            contact.photo = theirs.photo
        elif name != "display_name" or value:
            setattr(contact, name, value)
    labels = {name: list_values(theirs, name) for name in LISTS}
    removed = change.removed
    contact.emails = [e for e in contact.emails if e.email not in removed.get("emails", set())]
    contact.phones = [
        p for p in contact.phones if phone_value(p.number) not in removed.get("phones", set())
    ]
    contact.links = [
        link for link in contact.links if link.url.strip() not in removed.get("links", set())
    ]
    for email in change.added.get("emails", []):
        owner = index.owner(f"email:{email}")
        if owner is None and email not in {e.email for e in contact.emails}:
            contact.emails.append(
                ContactEmail(
                    email=email, label=labels["emails"][email], position=len(contact.emails)
                )
            )
    for number in change.added.get("phones", []):
        if number not in {phone_value(p.number) for p in contact.phones}:
            contact.phones.append(ContactPhone(number=number, label=labels["phones"][number]))
    for url in change.added.get("links", []):
        if url not in {link.url.strip() for link in contact.links}:
            contact.links.append(ContactLink(url=url, label=labels["links"][url]))
    session.flush()
    index.remember(contact)


# --- one linked card -----------------------------------------------------------------------


@dataclass
class _Outcome:
    op: PushOp | None = None
    contact_changed: bool = False
    destructive: int = 0  # 0, 1 or 2: the contact's values and/or the card's
    merged: bool = False


def reconcile(
    session: Session,
    plan: BookPlan,
    item: SourceItem,
    contact: Contact,
    card: str,
    etag: str,
    index: PersonIndex,
    parsed: ContactRecord | None = None,
) -> _Outcome:
    """Bring a linked card (as the server has it now: ``card``, ``etag``) and its
    contact together: the server's changes go to the contact, Ichigo's to a new version
    of the card (returned as a PushOp when ``plan.push`` allows it)."""
    theirs = parsed or read_card(card)
    now_theirs = shared_of(theirs)
    same = not item.agreed or item.agreed == card
    base_theirs = now_theirs if same else shared_of(read_card(item.agreed))
    then = Shared.from_json(item.ours)
    ours = contact_view(contact, then)
    if then is None:
        then = _first_link_base(now_theirs, ours)
    from_server, from_us = delta(base_theirs, now_theirs), delta(then, ours)
    to_contact = without(from_server, from_us)
    out = _Outcome(merged=bool(from_server) and bool(from_us))
    if to_contact:
        out.destructive += to_contact.destructive(ours)
        _apply_to_contact(session, contact, to_contact, theirs, index)
        ours = contact_view(contact, then)
        out.contact_changed = True
    item.etag, item.agreed = etag, card
    item.synced_at = datetime.now(UTC)
    if plan.push == "none" or not from_us:
        item.ours = ours.to_json()
        return out
    target = apply_delta(now_theirs, from_us)
    want = _want(contact)
    labels = {name: list_values(want, name) for name in LISTS}
    for name in LISTS:
        values = [(value, labels[name].get(value, "")) for value in getattr(target, name)]
        setattr(want, name, values)
    written = edit_card(card, want, from_us.fields())
    item.ours = then.to_json()  # until the server takes the new card
    if written == card:
        item.ours = ours.to_json()
        return out
    out.destructive += from_us.destructive(now_theirs)
    out.op = PushOp("update", item.path, etag, written, item.id, contact.id, ours.to_json())
    return out


# --- one sync of one address book ----------------------------------------------------------


def sync_book(session: Session, plan: BookPlan, change: CalendarChanges) -> BookResult:
    """Pull ``change`` into the vault and prepare the writes for the server (inside the
    caller's transaction). Raises MassChanges, changing nothing, past the brake."""
    result = BookResult()
    counts = result.counts
    mine = (SourceItem.source_id == plan.source_id, SourceItem.calendar_url == plan.book_url)
    touched = sorted(change.deleted | set(change.changed))
    items: dict[str, SourceItem] = {}
    for start in range(0, len(touched), 500):
        chunk = touched[start : start + 500]
        for row in session.scalars(select(SourceItem).where(*mine, SourceItem.path.in_(chunk))):
            items[row.path] = row
    linked = (
        session.scalar(
            select(func.count(SourceItem.id)).where(
                *mine, SourceItem.contact_id.is_not(None), ~SourceItem.unlinked
            )
        )
        or 0
    )
    index: PersonIndex | None = None

    def the_index() -> PersonIndex:
        nonlocal index
        index = index or PersonIndex(session)
        return index

    for path in sorted(change.deleted):
        if path not in items:
            continue
        item = items.pop(path)
        if item.contact_id is not None and not item.unlinked:
            counts.unlinked += 1  # the contact stays, with its history, never pushed back
            counts.destructive += 1
            item.unlinked, item.etag, item.agreed, item.ours = True, "", "", ""
        elif item.contact_id is None:
            session.delete(item)
    new: list[tuple[str, str, str, ContactRecord]] = []
    changed = {
        path: answer
        for path, answer in change.changed.items()
        if not (path in items and answer[0] and items[path].etag == answer[0])
    }  # a card listed with the ETag we hold is one Ichigo wrote itself
    result.touched = len(changed) + len(change.deleted)
    for path, (etag, data) in sorted(changed.items()):
        text = data.decode("utf-8", "replace")
        try:
            record = read_card(text)
        except CardError as exc:
            result.problems.append({"uid": path.rsplit("/", 1)[-1], "message": str(exc)})
            continue
        held = items.get(path)
        if held is not None and held.contact_id is not None and not held.unlinked:
            contact = session.get(Contact, held.contact_id)
            assert contact is not None  # the link is cleared when the contact goes
            outcome = reconcile(session, plan, held, contact, text, etag, the_index())
            _count(result, outcome)
            continue
        if held is not None:
            # Its contact was deleted in Ichigo, or the card was deleted and is back:
            # the card was changed since, which wins; it is linked anew.
            session.delete(items.pop(path))
        new.append((path, etag, text, record))
    if new:
        _link_new_cards(session, plan, new, items, result)
    if plan.push != "none":
        _push_ichigo_changes(session, plan, set(changed), result)
        result.ops += _new_cards(session, plan)
        if not plan.first:
            deleted_here = select(SourceItem).where(
                *mine, SourceItem.contact_id.is_(None), ~SourceItem.unlinked
            )
            result.ops += [
                PushOp("delete", item.path, item.etag, item_id=item.id)
                for item in session.scalars(deleted_here)
                if item.path not in changed
            ]
    changes = counts.destructive + sum(op.kind == "delete" for op in result.ops)
    if not plan.allow_mass_changes and changes > BRAKE_MIN and changes * 10 > linked:
        raise MassChanges(
            _(
                "'{name}': this sync would delete or overwrite {changes} of the {linked} "
                "linked contacts, so it stopped and changed nothing; if that is what you "
                "want, confirm it (ichigo sync --allow-mass-changes)"
            ).format(name=plan.name, changes=changes, linked=linked),
            changes=changes,
            linked=linked,
        )
    session.flush()
    return result


def _count(result: BookResult, outcome: _Outcome) -> None:
    counts = result.counts
    if outcome.contact_changed:
        counts.updated += 1
    else:
        counts.unchanged += 1
    counts.merged += outcome.merged
    counts.destructive += outcome.destructive
    if outcome.op is not None:
        result.ops.append(outcome.op)


def _link_new_cards(
    session: Session,
    plan: BookPlan,
    new: list[tuple[str, str, str, ContactRecord]],
    items: dict[str, SourceItem],
    result: BookResult,
) -> None:
    """New cards become contacts (or join the ones they prove to be), then are
    reconciled once: what the contact knows beyond the card goes to it."""
    report = ContactImportReport(source_kind="carddav")
    ids = import_contact_records(session, [record for *_, record in new], report)
    result.counts.created += report.created
    result.counts.updated += report.updated
    result.counts.unchanged += report.unchanged
    index = PersonIndex(session)  # read after the import, which changed contacts
    linking: list[tuple[SourceItem, Contact, ContactRecord]] = []
    for position, (path, etag, text, record) in enumerate(new):
        item = SourceItem(
            source_id=plan.source_id,
            calendar_url=plan.book_url,
            path=path,
            etag=etag,
            uid=vcard_uid(record.extra),
            contact_id=ids.get(position),
            agreed=text,
        )
        session.add(item)
        items[path] = item
        linked = session.get(Contact, item.contact_id) if item.contact_id else None
        if linked is not None:
            linking.append((item, linked, record))
    session.flush()
    for item, linked, record in linking:
        outcome = reconcile(session, plan, item, linked, item.agreed, item.etag, index, record)
        if outcome.op is not None:
            result.ops.append(outcome.op)


def _push_ichigo_changes(
    session: Session, plan: BookPlan, done: set[str], result: BookResult
) -> None:
    """Linked cards the server did not change whose contact changed in Ichigo: those
    written since their last agreement (``Contact.updated_at`` follows e-mails, phones
    and links too), or, on the daily full pass, every one."""
    query = (
        select(SourceItem, Contact)
        .join(Contact, Contact.id == SourceItem.contact_id)
        .where(
            SourceItem.source_id == plan.source_id,
            SourceItem.calendar_url == plan.book_url,
            ~SourceItem.unlinked,
            SourceItem.agreed != "",
        )
    )
    if not plan.full:
        query = query.where(
            or_(SourceItem.synced_at.is_(None), Contact.updated_at > SourceItem.synced_at)
        )
    index: PersonIndex | None = None
    for item, contact in session.execute(query):
        if item.path in done:
            continue
        then = Shared.from_json(item.ours)
        if then is not None and contact_view(contact, then) == then:
            item.synced_at = datetime.now(UTC)  # a note or a detail changed: not asked again
            continue
        index = index or PersonIndex(session)
        outcome = reconcile(session, plan, item, contact, item.agreed, item.etag, index)
        _count(result, outcome)


def _new_cards(session: Session, plan: BookPlan) -> list[PushOp]:
    """A card for each contact the address book should have and has never had (a
    contact whose card the server deleted is not among them: no resurrections)."""
    held = select(SourceItem.contact_id).where(
        SourceItem.source_id == plan.source_id,
        SourceItem.calendar_url == plan.book_url,
        SourceItem.contact_id.is_not(None),
    )
    query = select(Contact).where(Contact.id.not_in(held)).order_by(Contact.id)
    if plan.push.startswith("tag:"):
        tag = plan.push.removeprefix("tag:")
        query = query.where(
            exists().where(
                contact_tag.c.contact_id == Contact.id,
                contact_tag.c.tag_id == Tag.id,
                Tag.name == tag,
            )
        )
    ops = []
    folder = _path_of(plan.book_url)
    for contact in session.scalars(query):
        uid = str(uuid.uuid4())
        card = new_card(_want(contact), uid, plan.version)
        ours = contact_view(contact, None)
        ops.append(
            PushOp("create", f"{folder}{uid}.vcf", "", card, None, contact.id, ours.to_json(), uid)
        )
    return ops


def _path_of(url: str) -> str:
    from ichigoapp.sync.dav import member_path

    path = member_path(url)
    return path if path.endswith("/") else path + "/"


def refresh(session: Session, plan: BookPlan, op: PushOp, card: str, etag: str) -> PushOp | None:
    """After a 412: merge again against the card as the server now has it; the new
    write to try, or None when there is nothing left to write."""
    item = session.get(SourceItem, op.item_id) if op.item_id else None
    contact = session.get(Contact, item.contact_id) if item and item.contact_id else None
    if item is None or contact is None:
        return None
    outcome = reconcile(session, plan, item, contact, card, etag, PersonIndex(session))
    return outcome.op


@dataclass
class PushResult:
    done: list[tuple[PushOp, str]] = field(default_factory=list)  # with the new ETag
    created: int = 0
    updated: int = 0
    deleted: int = 0
    merged: int = 0  # 412s answered by merging again
    problems: list[dict[str, str | None]] = field(default_factory=list)
    failed: str = ""  # why writing stopped part way, if it did


def push_cards(
    account: Account, transaction: Callable[[], Any], plan: BookPlan, ops: list[PushOp]
) -> PushResult:
    """Send the writes prepared by :func:`sync_book` (outside its transaction), each
    with If-Match; on 412 the card is fetched, merged again and the write retried.
    What the server took is then recorded with :func:`record_pushes`."""
    out = PushResult()
    for op in ops:
        try:
            _push(account, transaction, plan, op, out)
        except SyncFailed as exc:
            # The network or the server went away: what was written is still recorded
            # (the caller does), the rest waits for the next sync.
            out.failed = exc.message
            break
    return out


def _push(
    account: Account,
    transaction: Callable[[], Any],
    plan: BookPlan,
    op: PushOp,
    out: PushResult,
) -> None:
    current: PushOp | None = op
    for _attempt in range(PUSH_ATTEMPTS):
        assert current is not None
        if current.kind == "delete":
            status = account.delete_card(current.path, current.etag)
            if status in (200, 204, 404):
                out.done.append((current, ""))
                out.deleted += 1
            elif status != 412:  # 412: changed on the server since; it comes back linked anew
                out.problems.append(_refused(current.path, status, account.host))
            return
        status, etag = account.put_card(current.path, current.card, current.etag)
        if status in (200, 201, 204):
            if not etag:  # the server changed what it stored: learn its ETag
                fetched = account.get_card(current.path)
                etag = fetched[1] if fetched else ""
            out.done.append((current, etag))
            if current.kind == "create":
                out.created += 1
            else:
                out.updated += 1
            return
        if status != 412 or current.kind != "update":
            out.problems.append(_refused(current.path, status, account.host))
            return
        fetched = account.get_card(current.path)
        if fetched is None:
            return  # deleted meanwhile: the next sync unlinks its contact
        out.merged += 1
        with transaction() as session:
            current = refresh(session, plan, current, *fetched)
        if current is None:
            return


def _refused(path: str, status: int, host: str) -> dict[str, str | None]:
    return {
        "uid": path.rsplit("/", 1)[-1],
        "message": f"{host} refused to store the card (HTTP {status})",
    }


def record_pushes(session: Session, plan: BookPlan, done: list[tuple[PushOp, str]]) -> None:
    """What the server took: the new ETag and the version both sides now agree on."""
    for op, etag in done:
        if op.kind == "create":
            session.add(
                SourceItem(
                    source_id=plan.source_id,
                    calendar_url=plan.book_url,
                    path=op.path,
                    etag=etag,
                    uid=op.uid,
                    contact_id=op.contact_id,
                    agreed=op.card,
                    ours=op.ours,
                    synced_at=op.seen_at,
                )
            )
            continue
        item = session.get(SourceItem, op.item_id) if op.item_id else None
        if item is None:
            continue
        if op.kind == "delete":
            session.delete(item)
        else:
            item.etag, item.agreed, item.ours, item.synced_at = etag, op.card, op.ours, op.seen_at
    session.flush()
