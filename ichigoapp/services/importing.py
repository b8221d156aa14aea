"""Calendar import: parsed .ics events in, encounters and attendees out.

Rules (DESIGN section 4): identity is (UID, RECURRENCE-ID); the same file again changes
nothing; a higher SEQUENCE updates, a lower one is ignored; a cancellation marks the
encounter cancelled and never deletes it, its notes or its reflection; a moved meeting
keeps its history and records the reschedule. Each file is one transaction.

Speed: the parser skips groups whose content hash is already stored, new encounters
and attendees are written with bulk Core inserts rather than one ORM object per row, and
they are written while the worker processes still read the rest of the file (still in
the file's one transaction).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, IchigoError, ImportFailed
from ichigoapp.i18n import _, ngettext
from ichigoapp.importers import mail
from ichigoapp.importers.ics import IcsAttendee, IcsEvent, parse_ics
from ichigoapp.model import (
    EmptyCalendarGroup,
    Encounter,
    EncounterStatus,
    Participation,
    Reschedule,
    Setting,
)
from ichigoapp.model.fulltext import encounter_fts_bulk_insert
from ichigoapp.services.me import my_emails
from ichigoapp.services.triage import attendee_key, ignored_keys

log = logging.getLogger(__name__)

DEFAULT_BACK_DAYS = 730
DEFAULT_AHEAD_DAYS = 365
# Beyond this a calendar file is refused before reading: no real export is this big,
# and reading it whole would hold that much memory.
MAX_FILE_BYTES = 200 * 1024 * 1024

Progress = Callable[[str, int, int], None]
"""(phase, done, total): phase is 'reading' or 'saving'."""


class ImportCancelled(IchigoError):
    """The user cancelled; the file being imported was rolled back."""


@dataclass
class ImportReport:
    files: int = 0
    events_seen: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    new_people: int = 0
    errors: list[dict[str, str | None]] = field(default_factory=list)
    files_failed: int = 0
    messages: int = 0  # e-mail messages read (a message file, or each of a mailbox)
    invites: int = 0  # those of them that carry an invitation (a reply, a cancellation)
    failures: list[str] = field(default_factory=list)  # why each input failed entirely
    new_people_emails: set[str] = field(default_factory=set, repr=False)

    def add(self, other: ImportReport) -> None:
        """Count ``other`` in too (imports made file by file, one report in the end)."""
        for name in (
            "files",
            "events_seen",
            "created",
            "updated",
            "unchanged",
            "cancelled",
            "files_failed",
            "messages",
            "invites",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors
        self.failures += other.failures
        self.new_people_emails |= other.new_people_emails
        self.new_people = len(self.new_people_emails)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``ichigo import --json`` (DESIGN section 7)."""
        return {
            "files": self.files,
            "events_seen": self.events_seen,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
            "new_people": self.new_people,
            "messages": self.messages,
            "invites": self.invites,
            "errors": self.errors,
        }


def import_window(session: Session, today: date | None = None) -> tuple[date, date]:
    """The default expansion window for recurring series, from the vault's settings."""
    today = today or datetime.now(UTC).astimezone().date()
    values = {
        s.key: s.value
        for s in session.scalars(
            select(Setting).where(Setting.key.in_(["import_back_days", "import_ahead_days"]))
        )
    }
    back = int(values.get("import_back_days", DEFAULT_BACK_DAYS))
    ahead = int(values.get("import_ahead_days", DEFAULT_AHEAD_DAYS))
    return today - timedelta(days=back), today + timedelta(days=ahead)


def known_hashes(session: Session) -> dict[str, int]:
    """Group hash -> how many encounters it gave (0 for groups that gave none)."""
    known = dict.fromkeys(session.scalars(select(EmptyCalendarGroup.hash)), 0)
    rows = session.execute(
        select(Encounter.content_hash, func.count())
        .where(Encounter.content_hash != "")
        .group_by(Encounter.content_hash)
    )
    known.update((h, n) for h, n in rows)
    return known


def remember_empty_groups(
    session: Session,
    source: str,
    group_hashes: list[str],
    skipped: set[str],
    events: list[IcsEvent],
    *,
    saved_hashes: set[str] | None = None,
) -> None:
    """Record this file's groups that were read and gave no encounter; forget its
    remembered ones that are no longer in the file. ``saved_hashes``: the groups of
    events saved as they were read (parse_ics's ``on_events``), not in ``events``."""
    current = set(group_hashes)
    empty = current - skipped - {ev.content_hash for ev in events} - (saved_hashes or set())
    stale = [
        h
        for h in session.scalars(
            select(EmptyCalendarGroup.hash).where(EmptyCalendarGroup.source_file == source)
        )
        if h not in current
    ]
    for chunk in _chunks(stale):
        session.execute(delete(EmptyCalendarGroup).where(EmptyCalendarGroup.hash.in_(chunk)))
    known = set(session.scalars(select(EmptyCalendarGroup.hash)))
    now = datetime.now(UTC)
    session.add_all(
        EmptyCalendarGroup(hash=h, source_file=source, seen_at=now) for h in sorted(empty - known)
    )


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


_CONTACTS_BY_EMAIL = "SELECT email, contact_id FROM contact_email WHERE email IN ({})"
_ENCOUNTER_IDS_BY_UID = "SELECT id FROM encounter WHERE ical_uid IN ({})"


def _rows_in(session: Session, query: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``query``, whose "IN ({})" is filled with ``values`` 500 at a time.

    On the driver's cursor: SQLAlchemy's rendering of IN lists of thousands of values
    cost more than the lookups themselves.
    """
    rows: list[tuple[Any, ...]] = []
    cursor = session.connection().connection.cursor()
    try:
        for chunk in _chunks(values):
            rows += cursor.execute(query.format(", ".join("?" * len(chunk))), chunk).fetchall()
    finally:
        cursor.close()
    return rows


def _dedupe(events: list[IcsEvent]) -> list[IcsEvent]:
    """One event per identity; where a file repeats one, the highest SEQUENCE (then the
    last written) wins, as a calendar client would show it."""
    best: dict[tuple[str, str], IcsEvent] = {}
    for ev in events:
        key = (ev.uid, ev.recurrence_id)
        if key not in best or ev.sequence >= best[key].sequence:
            best[key] = ev
    return list(best.values())


def _people(ev: IcsEvent, mine: set[str]) -> list[IcsAttendee]:
    return [a for a in ev.attendees if not (a.email and a.email in mine)]


class _Strangers:
    """Attendees with no contact: counts the new people, knows the ignored ones."""

    def __init__(self, ignored: set[str], report: ImportReport) -> None:
        self._ignored = ignored
        self._report = report

    def note(self, attendee: IcsAttendee) -> bool:
        """An attendee with no contact in a new or changed invite: True if the user
        ignored them before (the new appearance is then ignored too); anyone else
        counts as a new person."""
        key = attendee_key(attendee.email, attendee.name)
        if key is not None and key in self._ignored:
            return True
        self._report.new_people_emails.add(key or "")
        return False


def _encounter_values(ev: IcsEvent, source: str) -> dict[str, Any]:
    return {
        "title": ev.title,
        "start": ev.start,
        "end": ev.end,
        "tz_name": ev.tz_name,
        "all_day": ev.all_day,
        "location": ev.location,
        "join_url": ev.join_url,
        "description": ev.description,
        "sequence": ev.sequence,
        "source_file": source,
        "content_hash": ev.content_hash,
    }


# Values that are the same for every imported row are written into the statements
# rather than bound: binding costs per value and row. Booleans are bound as ints (0/1,
# which is what SQLite stores for them anyway): the driver binds an exact int directly
# but looks up an adapter for every bool, which made the inserts a third slower.
_INSERT_ENCOUNTER = (
    'INSERT INTO encounter (id, title, kind, start, "end", tz_name, all_day, location, '
    "join_url, status, status_reason, intention, notes, description, ical_uid, "
    "recurrence_id, sequence, source_file, content_hash, created_at, updated_at) "
    "VALUES (?, ?, 'meeting', ?, ?, ?, ?, ?, ?, ?, '', '', '', ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PARTICIPATION = (
    "INSERT INTO participation (encounter_id, contact_id, email, name, role, reply_status, "
    "is_organizer, triage_ignored, from_calendar) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
)


def _sqlite_instant(value: datetime | None) -> str | None:
    """An instant as UTCDateTime stores it (naive UTC text that sorts in time order)."""
    if value is None:
        return None
    # isoformat() writes SQLAlchemy's "%04d-%02d-%02d %02d:%02d:%02d.%06d" several times
    # faster than strftime(); [:26] drops the "+00:00".
    return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def _initial_status(ev: IcsEvent) -> str:
    return (EncounterStatus.CANCELLED if ev.cancelled else EncounterStatus.PLANNED).value


def apply_events(
    session: Session,
    events: list[IcsEvent],
    source: str,
    report: ImportReport,
    progress: Progress | None = None,
) -> None:
    """Write parsed events into the vault (inside the caller's transaction)."""
    _apply(session, events, source, report, progress, _People(session, report))


class _People:
    """Who is the user and whom the user ignored: read once per file, whatever the
    number of batches its events are saved in."""

    def __init__(self, session: Session, report: ImportReport) -> None:
        self.mine = my_emails(session)
        # Someone ignored in triage (a room, a mailing list) stays ignored in new invites.
        self.strangers = _Strangers(ignored_keys(session), report)


class _Saver:
    """Saves the events parse_ics hands over while it reads the rest of the file
    (``on_events``), in batches: each batch costs a few lookups, so not one per chunk."""

    BATCH = 1000

    def __init__(self, session: Session, source: str, report: ImportReport) -> None:
        self.session = session
        self.source = source
        self.report = report
        self.people = _People(session, report)
        self.pending: list[IcsEvent] = []
        self.count = 0  # events received, each a distinct (UID, RECURRENCE-ID)
        self.hashes: set[str] = set()  # the groups they came from

    def __call__(self, events: list[IcsEvent]) -> None:
        self.pending += events
        self.count += len(events)
        self.hashes.update(ev.content_hash for ev in events)
        if len(self.pending) >= self.BATCH:
            self.flush([], None)

    def flush(self, rest: list[IcsEvent], progress: Progress | None) -> None:
        """Save what is pending and ``rest`` (the events parse_ics returned)."""
        events, self.pending = self.pending + rest, []
        _apply(self.session, events, self.source, self.report, progress, self.people)


def _apply(
    session: Session,
    events: list[IcsEvent],
    source: str,
    report: ImportReport,
    progress: Progress | None,
    people: _People,
) -> None:
    replies = [ev for ev in events if ev.method == "REPLY"]
    if replies:
        # Answers to meetings already here change the answer only; a reply to a meeting
        # Ichigo has not seen is still a meeting, kept like any other event.
        unmatched = _apply_replies(session, _dedupe(replies), report)
        events = [ev for ev in events if ev.method != "REPLY"] + unmatched
    events = _dedupe(events)
    mine = people.mine
    strangers = people.strangers
    emails = sorted({a.email for ev in events for a in ev.attendees if a.email} - mine)
    by_email: dict[str, int] = {
        email: contact_id for email, contact_id in _rows_in(session, _CONTACTS_BY_EMAIL, emails)
    }
    uids = sorted({ev.uid for ev in events})
    existing_ids = [row[0] for row in _rows_in(session, _ENCOUNTER_IDS_BY_UID, uids)]
    existing: dict[tuple[str, str], Encounter] = {}
    for chunk in _chunks(existing_ids):
        for enc in session.scalars(select(Encounter).where(Encounter.id.in_(chunk))):
            existing[(enc.ical_uid or "", enc.recurrence_id)] = enc

    new_events = [ev for ev in events if (ev.uid, ev.recurrence_id) not in existing]
    total = len(events)
    done = 0

    # New encounters: one executemany on the driver with ids chosen here (we hold the
    # writer lock inside one transaction), then their attendees. Going through the ORM
    # (INSERT .. RETURNING in parameter order, per-value bind processing) cost more than
    # parsing the calendar.
    next_id = int(session.scalar(select(func.coalesce(func.max(Encounter.id), 0))) or 0) + 1
    stamp = _sqlite_instant(datetime.now(UTC))
    encounter_rows: list[tuple[Any, ...]] = []
    participant_rows: list[tuple[Any, ...]] = []
    for ev in new_events:
        encounter_rows.append(
            (
                next_id,
                ev.title,
                _sqlite_instant(ev.start),
                _sqlite_instant(ev.end),
                ev.tz_name,
                int(ev.all_day),
                ev.location,
                ev.join_url,
                _initial_status(ev),
                ev.description,
                ev.uid,
                ev.recurrence_id,
                ev.sequence,
                source,
                ev.content_hash,
                stamp,
                stamp,
            )
        )
        for a in _people(ev, mine):
            contact_id = by_email.get(a.email) if a.email else None
            ignored = contact_id is None and strangers.note(a)
            participant_rows.append(
                (
                    next_id,
                    contact_id,
                    a.email,
                    a.name,
                    a.role,
                    a.reply_status,
                    int(a.is_organizer),
                    int(ignored),
                )
            )
        if ev.cancelled:
            report.cancelled += 1
        else:
            report.created += 1
        next_id += 1
    if encounter_rows:
        first_id = encounter_rows[0][0]
        cursor = session.connection().connection.cursor()
        try:
            # The FTS trigger stands aside while fts_deferred holds a row (only this
            # transaction sees it); the new rows are then indexed in one statement.
            cursor.execute("INSERT INTO fts_deferred (flag) VALUES (1)")
            cursor.executemany(_INSERT_ENCOUNTER, encounter_rows)
            cursor.executemany(_INSERT_PARTICIPATION, participant_rows)
            cursor.execute(encounter_fts_bulk_insert(first_id))
            cursor.execute("DELETE FROM fts_deferred")
        finally:
            cursor.close()
    done += len(new_events)
    if progress:
        progress("saving", done, total)

    for ev in events:
        found = existing.get((ev.uid, ev.recurrence_id))
        if found is None:
            continue
        _apply_to_existing(session, found, ev, source, mine, by_email, strangers, report)
        done += 1
        if progress and done % 200 == 0:
            progress("saving", done, total)
    if progress:
        progress("saving", total, total)


def _apply_replies(
    session: Session, replies: list[IcsEvent], report: ImportReport
) -> list[IcsEvent]:
    """METHOD:REPLY: one attendee's answer to a meeting already here. It changes that
    person's reply (accepted, declined, tentative) and nothing else: the organizer's
    invite, not a reply, says who is invited and when. Returns the replies to meetings
    that are not here."""
    unmatched = []
    for reply in replies:
        query = select(Encounter).where(Encounter.ical_uid == reply.uid)
        if reply.recurrence_id:
            query = query.where(Encounter.recurrence_id == reply.recurrence_id)
        found = list(session.scalars(query))
        if not found:
            unmatched.append(reply)
            continue
        answers = {a.email: a.reply_status for a in reply.attendees if a.email and a.reply_status}
        changed = False
        for encounter in found:
            if reply.sequence < encounter.sequence:
                continue  # an answer to an earlier version of the invite
            for part in encounter.participations:
                answer = answers.get(part.email)
                if answer and not part.is_organizer and part.reply_status != answer:
                    part.reply_status = answer
                    changed = True
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1
    return unmatched


def _apply_to_existing(
    session: Session,
    enc: Encounter,
    ev: IcsEvent,
    source: str,
    mine: set[str],
    by_email: dict[str, int],
    strangers: _Strangers,
    report: ImportReport,
) -> None:
    if enc.content_hash == ev.content_hash or ev.sequence < enc.sequence:
        # Same content, or an older revision of the invite arriving late: keep ours.
        report.unchanged += 1
        return
    if ev.cancelled:
        if enc.status != EncounterStatus.CANCELLED.value:
            enc.status = EncounterStatus.CANCELLED.value
            report.cancelled += 1
        else:
            report.unchanged += 1
        enc.sequence = ev.sequence
        enc.content_hash = ev.content_hash
        return

    if (enc.start, enc.end) != (ev.start, ev.end):
        session.add(
            Reschedule(
                encounter_id=enc.id,
                old_start=enc.start,
                old_end=enc.end,
                new_start=ev.start,
                new_end=ev.end,
                sequence=ev.sequence,
            )
        )
    for key, value in _encounter_values(ev, source).items():
        setattr(enc, key, value)
    if enc.status == EncounterStatus.CANCELLED.value:
        enc.status = EncounterStatus.PLANNED.value  # re-invited after a cancellation
    _sync_participants(session, enc, _people(ev, mine), by_email, strangers)
    report.updated += 1


def _sync_participants(
    session: Session,
    enc: Encounter,
    people: list[IcsAttendee],
    by_email: dict[str, int],
    strangers: _Strangers,
) -> None:
    """The invite's attendee list is the organizer's current one: add the new, update
    replies, and drop calendar attendees no longer invited (links to contacts are
    re-made from the address, so nothing the user wrote is lost)."""
    current = {p.email: p for p in enc.participations if p.email and p.from_calendar}
    invited = {a.email for a in people if a.email}
    for email, part in current.items():
        if email not in invited:
            enc.participations.remove(part)
    for a in people:
        match = current.get(a.email) if a.email else None
        if match is not None:
            match.reply_status = a.reply_status
            match.role = a.role or match.role
            match.is_organizer = a.is_organizer
            if a.name:
                match.name = a.name
            continue
        if not a.email and any(p.name == a.name for p in enc.participations):
            continue
        contact_id = by_email.get(a.email) if a.email else None
        enc.participations.append(
            Participation(
                contact_id=contact_id,
                email=a.email,
                name=a.name,
                role=a.role,
                reply_status=a.reply_status,
                is_organizer=a.is_organizer,
                triage_ignored=contact_id is None and strangers.note(a),
                from_calendar=True,
            )
        )


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """A file that cannot be read, said in one line."""
    try:
        yield
    except FileNotFoundError:
        raise ImportFailed(_("{path} does not exist").format(path=path)) from None
    except IsADirectoryError:
        raise ImportFailed(_("{path} is a folder, not a calendar file").format(path=path)) from None
    except PermissionError:
        raise ImportFailed(
            _("{path} cannot be read (permission denied)").format(path=path)
        ) from None
    except OSError as exc:
        raise ImportFailed(
            _("{path} cannot be read ({problem})").format(path=path, problem=exc.strerror)
        ) from None


def read_calendar_file(path: Path) -> bytes:
    with _reading(path):
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                _("{name} is {size} MB; calendars larger than {limit} MB are not imported").format(
                    name=path.name,
                    size=size // (1024 * 1024),
                    limit=MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        return path.read_bytes()


def import_calendar(
    transaction: Callable[[], Any],
    files: Sequence[Path],
    *,
    window: tuple[date, date] | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import each input in its own transaction; returns what happened.

    An input is a calendar file, an e-mail message, an mbox file or a Maildir folder,
    told apart by content (``importers.mail.sniff``). ``transaction`` is
    ``vault.transaction`` (a context manager yielding a Session that commits on success
    and rolls back on error). An input that cannot be read at all is reported and
    changes nothing; the others still import.
    """
    report = ImportReport()
    for path in files:
        report.files += 1
        try:
            calendars = _calendars_in(path, report)
            _import_one(
                transaction,
                calendars,
                str(path),
                path.name,
                window,
                report,
                progress,
                should_cancel,
            )
        except ImportCancelled:
            raise
        except ImportFailed as exc:
            report.files_failed += 1
            report.failures.append(exc.message)
            report.errors.append({"file": str(path), "uid": None, "message": exc.message})
    report.new_people = len(report.new_people_emails)
    return report


def _calendars_in(path: Path, report: ImportReport) -> list[bytes]:
    """The calendars ``path`` holds, in the order to apply them (a mailbox's invites by
    the date of their message, so updates land after what they update)."""
    kind = _kind_of(path)
    if kind == mail.Kind.CALENDAR:
        return [read_calendar_file(path)]
    if kind == mail.Kind.MESSAGE:
        found = mail.read_message(read_calendar_file(path), path.name)
        report.messages += 1
        report.invites += bool(found.parts)
        if not found.parts:
            raise ImportFailed(_("no invitation found in {name}").format(name=path.name))
        return [_one_calendar(found.parts)]
    seen, messages = mail.invites_in_mailbox(path, kind)
    report.messages += seen
    report.invites += len(messages)
    if not messages:
        raise ImportFailed(
            ngettext(
                "no invitation found in the %(n)d message of %(name)s",
                "no invitation found in the %(n)d messages of %(name)s",
                seen,
            )
            % {"n": seen, "name": path.name}
        )
    return [_one_calendar(m.parts) for m in messages]


def _kind_of(path: Path) -> mail.Kind:
    with _reading(path):
        kind = mail.sniff(path)
    if kind == mail.Kind.OUTLOOK_MSG:
        raise ImportFailed(
            _(
                "{name} is an Outlook .msg file, which Ichigo cannot read: save the "
                "invitation as .ics or forward it as e-mail"
            ).format(name=path.name)
        )
    if kind == mail.Kind.UNKNOWN:
        raise ImportFailed(
            (
                _("{name} is a folder that is not a mail folder (Maildir)")
                if path.is_dir()
                else _("{name} is not a calendar, an e-mail message or a mailbox")
            ).format(name=path.name)
        )
    return kind


def _one_calendar(parts: Sequence[mail.CalendarPart]) -> bytes:
    """A message's calendar parts as one calendar (an invite is often both an
    alternative and an attachment: one parse sees them as one event). A part whose
    METHOD is only on its Content-Type gets it written into the calendar."""
    out = []
    for part in parts:
        data = part.data
        if part.method and b"METHOD:" not in data.upper():
            data = re.sub(
                rb"(BEGIN:VCALENDAR\r?\n)", rb"\1METHOD:" + part.method.encode() + b"\r\n",
                data, count=1, flags=re.I,
            )  # fmt: skip
        out.append(data)
    return b"\r\n".join(out)


def _import_one(
    transaction: Callable[[], Any],
    calendars: Sequence[bytes],
    source: str,
    display_name: str,
    window: tuple[date, date] | None,
    report: ImportReport,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> None:
    """Every calendar of one input, in order, in one transaction."""
    with transaction() as session:
        start, end = window or import_window(session)
        if end <= start:
            raise BadInput(_("the import window ends before it starts"))
        for data in calendars:
            _apply_calendar(session, data, source, (start, end), report, progress, should_cancel)
        log.info("imported %s: %d calendar(s)", display_name, len(calendars))


_UID_LINE = re.compile(rb"\nUID:([^\r\n]+)")
_KNOWN_UIDS = "SELECT DISTINCT ical_uid FROM encounter WHERE ical_uid IN ({})"


def _looks_new(session: Session, data: bytes) -> bool:
    """Whether most of a calendar file is new to the vault, judged by the first UIDs in
    it (a re-import, or the next export of a calendar imported before, is not)."""
    found = islice(_UID_LINE.finditer(data, 0, 200_000), 50)
    sample = sorted({m.group(1).strip().decode("utf-8", "replace") for m in found})
    if not sample:
        return True
    return len(_rows_in(session, _KNOWN_UIDS, sample)) * 2 < len(sample)


def _apply_calendar(
    session: Session,
    data: bytes,
    source: str,
    window: tuple[date, date],
    report: ImportReport,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> None:
    known = known_hashes(session)
    # Events are saved while the rest of the file is read (in the worker processes):
    # all in this one transaction, so a failure or a cancel still saves nothing.
    saver = _Saver(session, source, report)

    def parse_progress(done: int, total: int) -> None:
        if should_cancel and should_cancel():
            raise ImportCancelled(_("import cancelled; nothing from this file was saved"))
        if progress:
            progress("reading", done, total)

    skipped_hashes: list[str] = []

    def is_known(group_hash: str) -> bool:
        if group_hash in known:
            skipped_hashes.append(group_hash)
            return True
        return False

    result = parse_ics(
        data,
        window_start=window[0],
        window_end=window[1],
        known_hashes=is_known,
        progress=parse_progress,
        on_events=saver,
        early_workers=_looks_new(session, data),
    )
    skipped = sum(known[h] for h in set(skipped_hashes))
    report.unchanged += skipped
    report.events_seen += skipped + saver.count + len(_dedupe(result.events))
    for problem in result.problems:
        report.errors.append({"file": source, "uid": problem.uid, "message": problem.message})
    if should_cancel and should_cancel():
        raise ImportCancelled(_("import cancelled; nothing from this file was saved"))
    saver.flush(result.events, progress)
    remember_empty_groups(
        session,
        source,
        result.group_hashes,
        set(skipped_hashes),
        result.events,
        saved_hashes=saver.hashes,
    )
