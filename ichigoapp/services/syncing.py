"""Sync followed calendars: fetch what changed, apply it as a file import would.

Each source is fetched first (no vault lock held while the network answers), then
applied in one transaction: the events through the import rules (DESIGN section 4),
the members or UIDs the source listed, its state and its counts. A source that fails
records its error in a transaction of its own and changes nothing else; the others
still sync.

What a calendar stops listing is withdrawn (``sources.withdraw``): deleted when nothing
of the user's hangs on it, else kept as cancelled, "removed from calendar". A UID that
another followed calendar still lists stays (a meeting moved between two calendars is
one encounter). Once a day a source is read whole, ignoring ETags and tokens, so that
meetings entering the import window as the days pass are found.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, MassChanges, SyncFailed
from ichigoapp.i18n import _
from ichigoapp.importers.ics import IcsEvent, IcsParseResult, parse_ics
from ichigoapp.importers.ics_split import decode, split, split_line
from ichigoapp.model import (
    REMOVED_FROM_CALENDAR,
    Encounter,
    EncounterStatus,
    Source,
    SourceItem,
    SourceKind,
)
from ichigoapp.services.importing import (
    ImportReport,
    apply_events,
    import_window,
    known_hashes,
    remember_empty_groups,
)
from ichigoapp.services.sources import (
    DEFAULT_EVERY_MINUTES,
    FollowedCalendar,
    add_source,
    followed_calendars,
    get_source,
    list_sources,
    remove_source,
    set_followed_calendars,
    withdraw,
)
from ichigoapp.sync.dav import Account, CalendarChanges, RemoteCalendar
from ichigoapp.sync.feed import FeedAnswer, Limits, fetch_feed

__all__ = [
    "RemoteCalendar",
    "SyncReport",
    "add_and_sync",
    "discover_calendars",
    "pick_calendars",
    "sync_source",
    "sync_sources",
]

log = logging.getLogger(__name__)

Transaction = Callable[[], Any]  # vault.transaction
T = TypeVar("T")


@dataclass
class SyncReport:
    """One source's sync: the shape of an entry of ``ichigo sync --json``."""

    id: int
    name: str
    kind: str
    ok: bool = True
    not_modified: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    removed: int = 0
    new_people: int = 0
    # Address books (kind "carddav"): cards pulled into contacts, contacts unlinked
    # from cards deleted on the server, cards written, and cards both sides changed.
    pulled_created: int = 0
    pulled_updated: int = 0
    unlinked: int = 0
    pushed_created: int = 0
    pushed_updated: int = 0
    pushed_deleted: int = 0
    conflicts_merged: int = 0
    errors: list[dict[str, str | None]] = field(default_factory=list)
    error: str | None = None
    # The safety brake held an address book's sync (MassChanges): the user may confirm.
    held: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "ok": self.ok,
            "not_modified": self.not_modified,
            **self.counts(),
            "errors": self.errors,
            "error": self.error,
        }

    def counts(self) -> dict[str, int]:
        keys = _CARD_COUNTS if self.kind == SourceKind.CARDDAV else _COUNTS
        return {key: getattr(self, key) for key in keys}


_COUNTS = ("created", "updated", "unchanged", "cancelled", "removed", "new_people")
_CARD_COUNTS = (
    "pulled_created",
    "pulled_updated",
    "unlinked",
    "pushed_created",
    "pushed_updated",
    "pushed_deleted",
    "conflicts_merged",
)


@dataclass(frozen=True)
class _Plan:
    """What a sync needs from the vault before it goes to the network."""

    id: int
    name: str
    kind: str
    url: str
    username: str
    password: str
    calendars: list[FollowedCalendar]
    state: dict[str, Any]
    known: dict[str, dict[str, str]]  # calendar url -> member path -> ETag
    full: bool  # read everything, ignoring ETags and tokens (the daily pass)
    first: bool = False  # never synced before
    push: str = "none"  # address books: which contacts they receive


def discover_calendars(url: str, username: str, password: str, name: str) -> list[RemoteCalendar]:
    """The event calendars of a CalDAV account (for the user to pick from)."""
    from ichigoapp.sync.addresses import normalise_url

    with Account(normalise_url(url), username, password, name) as account:
        calendars = account.calendars()
    if not calendars:
        raise SyncFailed(_("'{name}': the account has no calendar with events").format(name=name))
    return calendars


def pick_calendars(available: list[RemoteCalendar], wanted: Sequence[str]) -> list[RemoteCalendar]:
    """The calendars named in ``wanted`` (all when empty); a name that is not there is
    bad input naming the ones that are."""
    if not wanted:
        return available
    by_name = {c.name.casefold(): c for c in available}
    missing = [w for w in wanted if w.casefold() not in by_name]
    if missing:
        names = ", ".join(f"'{c.name}'" for c in available)
        raise BadInput(
            _("no calendar called '{wanted}' in this account (it has {names})").format(
                wanted=missing[0], names=names
            )
        )
    return [by_name[w.casefold()] for w in dict.fromkeys(wanted)]


def sync_sources(
    transaction: Transaction,
    source_ids: Sequence[int] | None = None,
    *,
    today: date | None = None,
    limits: Limits | None = None,
    allow_mass_changes: bool = False,
) -> list[SyncReport]:
    """Sync the given sources (every one when None), each on its own."""
    with transaction() as session:
        if source_ids:
            ids = [get_source(session, i).id for i in source_ids]
        else:
            ids = [s.id for s in list_sources(session)]
    return [
        sync_source(
            transaction, i, today=today, limits=limits, allow_mass_changes=allow_mass_changes
        )
        for i in ids
    ]


def sync_source(
    transaction: Transaction,
    source_id: int,
    *,
    today: date | None = None,
    limits: Limits | None = None,
    allow_mass_changes: bool = False,
) -> SyncReport:
    today = today or datetime.now(UTC).astimezone().date()
    with transaction() as session:
        plan = _plan(session, get_source(session, source_id), today)
    report = SyncReport(plan.id, plan.name, plan.kind)
    try:
        if plan.kind == SourceKind.ICS:
            answer = fetch_feed(
                plan.url,
                name=plan.name,
                etag="" if plan.full else plan.state.get("etag", ""),
                last_modified="" if plan.full else plan.state.get("last_modified", ""),
                username=plan.username,
                password=plan.password,
                limits=limits,
            )
            with transaction() as session:
                _apply_feed(session, plan, answer, today, report)
        elif plan.kind == SourceKind.CARDDAV:
            _sync_book(transaction, plan, today, report, allow_mass_changes)
        else:
            with Account(plan.url, plan.username, plan.password, plan.name) as account:
                changes = {
                    c.url: account.changes(c.url, "" if plan.full else c.token, plan.known[c.url])
                    for c in plan.calendars
                }
            with transaction() as session:
                _apply_dav(session, plan, changes, today, report)
    except SyncFailed as exc:
        report.ok = False
        report.error = exc.message
        report.held = isinstance(exc, MassChanges)
        with transaction() as session:
            get_source(session, source_id).last_error = exc.message
        log.info("sync of source %d failed: %s", source_id, exc.message)
    return report


def _plan(session: Session, source: Source, today: date) -> _Plan:
    state: dict[str, Any] = json.loads(source.state or "{}")
    calendars = followed_calendars(source)
    full = state.get("full_on") != today.isoformat()
    known: dict[str, dict[str, str]] = {c.url: {} for c in calendars}
    # The ETags we hold matter only where the whole calendar is listed (no token yet,
    # or the daily full pass); a sync by token needs none of them.
    listing = [c.url for c in calendars if full or not c.token]
    if listing:
        rows = session.execute(
            select(SourceItem.calendar_url, SourceItem.path, SourceItem.etag).where(
                SourceItem.source_id == source.id,
                SourceItem.calendar_url.in_(listing),
                SourceItem.path != "",
                ~SourceItem.unlinked,  # a card the server deleted is not asked about again
            )
        )
        for calendar_url, path, etag in rows:
            known[calendar_url][path] = etag
    return _Plan(
        id=source.id,
        name=source.name,
        kind=source.kind,
        url=source.url,
        username=source.username,
        password=source.password,
        calendars=calendars,
        state=state,
        known=known,
        full=full,
        first=source.last_sync is None,
        push=source.push,
    )


def _finish(session: Session, plan: _Plan, state: dict[str, Any], report: SyncReport) -> None:
    source = get_source(session, plan.id)
    source.state = json.dumps(state)
    source.last_sync = datetime.now(UTC)
    source.last_error = None
    source.last_counts = json.dumps(report.counts())


def _apply_feed(
    session: Session, plan: _Plan, answer: FeedAnswer, today: date, report: SyncReport
) -> None:
    state = dict(plan.state)
    body_hash = hashlib.sha256(answer.body).hexdigest() if not answer.not_modified else ""
    if answer.not_modified or (not plan.full and body_hash == state.get("hash")):
        # The feed is as last time: no parsing, no database work.
        report.not_modified = True
        state.update(etag=answer.etag or state.get("etag", ""))
        _finish(session, plan, state, report)
        return
    result = _read_and_apply(session, plan, answer.body, today, report)
    uids = set(result.uids)
    held = dict(
        session.execute(
            select(SourceItem.uid, SourceItem.id).where(SourceItem.source_id == plan.id)
        ).all()
    )
    new = sorted(uids - set(held))
    if new:
        session.execute(insert(SourceItem), [{"source_id": plan.id, "uid": uid} for uid in new])
    gone = set(held) - uids
    for chunk in _chunks(sorted(held[uid] for uid in gone)):
        session.execute(delete(SourceItem).where(SourceItem.id.in_(chunk)))
    _withdraw(session, gone, report)
    state.update(
        etag=answer.etag,
        last_modified=answer.last_modified,
        hash=body_hash,
        full_on=today.isoformat(),
    )
    _finish(session, plan, state, report)


def _apply_dav(
    session: Session,
    plan: _Plan,
    changes: dict[str, CalendarChanges],
    today: date,
    report: SyncReport,
) -> None:
    gone_uids: set[str] = set()
    texts: list[bytes] = []
    new_items: list[dict[str, Any]] = []
    for cal in plan.calendars:
        change = changes[cal.url]
        touched = sorted(change.deleted | set(change.changed))
        items: dict[str, SourceItem] = {}
        for chunk in _chunks(touched):
            items.update(
                (item.path, item)
                for item in session.scalars(
                    select(SourceItem).where(
                        SourceItem.source_id == plan.id,
                        SourceItem.calendar_url == cal.url,
                        SourceItem.path.in_(chunk),
                    )
                )
            )
        for path in change.deleted:
            item = items.pop(path, None)
            if item is not None:
                gone_uids.add(item.uid)
                session.delete(item)
        for path, (etag, data) in change.changed.items():
            uid = _uid_of(data)
            item = items.get(path)
            if item is None:
                new_items.append(
                    {
                        "source_id": plan.id,
                        "calendar_url": cal.url,
                        "path": path,
                        "etag": etag,
                        "uid": uid,
                    }
                )
            else:
                if item.uid != uid:
                    gone_uids.add(item.uid)
                item.etag, item.uid = etag, uid
            texts.append(data)
    if new_items:
        session.execute(insert(SourceItem), new_items)
    # Calendars the user no longer follows: forget what they listed.
    followed = [c.url for c in plan.calendars]
    dropped = select(SourceItem).where(
        SourceItem.source_id == plan.id, SourceItem.calendar_url.not_in(followed)
    )
    for item in session.scalars(dropped):
        gone_uids.add(item.uid)
        session.delete(item)
    session.flush()
    if texts:
        _read_and_apply(session, plan, b"\r\n".join(texts), today, report)
    else:
        report.not_modified = not gone_uids
    _withdraw(session, gone_uids, report)
    source = get_source(session, plan.id)
    set_followed_calendars(
        source,
        [FollowedCalendar(c.url, c.name, changes[c.url].token) for c in plan.calendars],
    )
    _finish(session, plan, {**plan.state, "full_on": today.isoformat()}, report)


_UID_LINE = re.compile(rb"^UID[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.MULTILINE)


def _sync_book(
    transaction: Transaction, plan: _Plan, today: date, report: SyncReport, allow: bool
) -> None:
    """Pull an address book (one transaction), then write what Ichigo changed."""
    from ichigoapp.services import addressbooks as books

    book = plan.calendars[0]
    state = {**plan.state, "full_on": today.isoformat()}
    with Account(plan.url, plan.username, plan.password, plan.name) as account:
        token = "" if plan.full else book.token
        change = account.card_changes(book.url, token, plan.known[book.url])
        if plan.push != "none" and not state.get("version"):
            state["version"] = account.card_version(book.url)
        book_plan = books.BookPlan(
            plan.id, plan.name, book.url, plan.push, plan.first,
            state.get("version") or "3.0", allow, plan.full,
        )  # fmt: skip
        with transaction() as session:
            result = books.sync_book(session, book_plan, change)
            report.pulled_created = result.counts.created
            report.pulled_updated = result.counts.updated
            report.unlinked = result.counts.unlinked
            report.conflicts_merged = result.counts.merged
            report.errors += result.problems
            report.not_modified = not (result.touched or result.ops)
            set_followed_calendars(
                get_source(session, plan.id), [FollowedCalendar(book.url, book.name, change.token)]
            )
            _finish(session, plan, state, report)
        pushed = books.push_cards(account, transaction, book_plan, result.ops)
    report.pushed_created = pushed.created
    report.pushed_updated = pushed.updated
    report.pushed_deleted = pushed.deleted
    report.conflicts_merged += pushed.merged
    report.errors += pushed.problems
    if pushed.done or pushed.problems:
        with transaction() as session:
            books.record_pushes(session, book_plan, pushed.done)
            _finish(session, plan, state, report)
    if pushed.failed:
        raise SyncFailed(pushed.failed)  # after recording what the server took


def _uid_of(data: bytes) -> str:
    """The member's UID (one per CalDAV resource, RFC 4791), read from its UID line."""
    found = _UID_LINE.search(data)
    if found is None:
        blocks = split(decode(data)).blocks  # an unusual layout: the full reader
        return blocks[0].uid if blocks else ""
    line = re.sub(rb"\r?\n[ \t]", b"", found.group(0)).decode("utf-8", "replace")
    return split_line(line)[2].strip()


def _chunks(items: Sequence[T], size: int = 500) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _read_and_apply(
    session: Session, plan: _Plan, data: bytes, today: date, report: SyncReport
) -> IcsParseResult:
    """Parse ``data`` and apply it with the import rules; returns the parse result."""
    label = f"source:{plan.id}"
    start, end = import_window(session, today)
    # Meetings a calendar once stopped listing are read again if it lists them again.
    removed = set(
        session.scalars(
            select(Encounter.content_hash).where(Encounter.status_reason == REMOVED_FROM_CALENDAR)
        )
    )
    known = known_hashes(session)
    skipped: list[str] = []

    def is_known(group_hash: str) -> bool:
        if group_hash in known and group_hash not in removed:
            skipped.append(group_hash)
            return True
        return False

    try:
        result = parse_ics(data, window_start=start, window_end=end, known_hashes=is_known)
    except BadInput as exc:  # not a calendar at all: the source's error, nothing changes
        raise SyncFailed(
            _("'{name}': {problem}").format(name=plan.name, problem=exc.message)
        ) from None
    imported = ImportReport()
    imported.unchanged += sum(known[h] for h in set(skipped))
    apply_events(session, result.events, label, imported)
    remember_empty_groups(session, label, result.group_hashes, set(skipped), result.events)
    _restore(session, result.events)
    _withdraw_shrunk_series(session, result, start, end, report)
    report.created += imported.created
    report.updated += imported.updated
    report.unchanged += imported.unchanged
    report.cancelled += imported.cancelled
    report.new_people += len(imported.new_people_emails)
    report.errors += [{"uid": p.uid, "message": p.message} for p in result.problems]
    return result


def _restore(session: Session, events: Sequence[IcsEvent]) -> None:
    """Meetings marked removed from calendar that a calendar lists again come back."""
    listed = {(ev.uid, ev.recurrence_id) for ev in events if not ev.cancelled}
    if not listed:
        return
    uids = sorted({uid for uid, _ in listed})
    for encounter in session.scalars(
        select(Encounter).where(
            Encounter.ical_uid.in_(uids), Encounter.status_reason == REMOVED_FROM_CALENDAR
        )
    ):
        if (encounter.ical_uid, encounter.recurrence_id) in listed:
            encounter.status = EncounterStatus.PLANNED.value
            encounter.status_reason = ""


def _withdraw_shrunk_series(
    session: Session,
    result: IcsParseResult,
    start: date,
    end: date,
    report: SyncReport,
) -> None:
    """Occurrences of a series read again that the series no longer has (an EXDATE, a
    shorter RRULE), within the window only: older ones simply fell out of it."""
    listed: dict[str, set[str]] = {}
    for ev in result.events:
        if ev.recurrence_id:
            listed.setdefault(ev.uid, set()).add(ev.recurrence_id)
    if not listed:
        return
    lo = datetime(start.year, start.month, start.day, tzinfo=UTC)
    hi = datetime(end.year, end.month, end.day, tzinfo=UTC)
    for uid, rids in listed.items():
        stale = {
            e.recurrence_id
            for e in session.scalars(
                select(Encounter).where(
                    Encounter.ical_uid == uid,
                    Encounter.recurrence_id != "",
                    Encounter.start >= lo,
                    Encounter.start < hi,
                )
            )
            if e.recurrence_id not in rids
        }
        if stale:
            report.removed += withdraw(session, uid, stale)


def _withdraw(session: Session, uids: set[str], report: SyncReport) -> None:
    """UIDs a source stopped listing, unless another source still lists them."""
    if not uids:
        return
    still = set(
        session.scalars(select(SourceItem.uid).where(SourceItem.uid.in_(sorted(uids))).distinct())
    )
    for uid in sorted(uids - still):
        if uid:
            report.removed += withdraw(session, uid)


def add_and_sync(
    transaction: Transaction,
    *,
    name: str,
    kind: SourceKind,
    url: str,
    username: str = "",
    password: str = "",
    calendars: Sequence[RemoteCalendar] = (),
    every_minutes: int = DEFAULT_EVERY_MINUTES,
    push: str = "none",
    today: date | None = None,
    limits: Limits | None = None,
) -> tuple[int, SyncReport]:
    """Follow a source and sync it once. A source whose first sync fails is not kept
    (the link or password needs fixing first): SyncFailed says why."""
    with transaction() as session:
        source_id = add_source(
            session,
            name=name,
            kind=kind,
            url=url,
            username=username,
            password=password,
            calendars=[FollowedCalendar(c.url, c.name) for c in calendars],
            every_minutes=every_minutes,
            push=push,
        ).id
    report = sync_source(transaction, source_id, today=today, limits=limits)
    if not report.ok:
        with transaction() as session:
            remove_source(session, source_id)
        raise SyncFailed(_("{problem}; the calendar was not added").format(problem=report.error))
    return source_id, report
