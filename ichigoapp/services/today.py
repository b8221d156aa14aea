"""The Today overview: plain snapshots of the vault, built without Qt.

Views hold these frozen rows instead of ORM objects, so nothing lazy-loads after its
session has closed and a view refreshes by calling one function again (the list views'
rows live in ``services/lists.py``). The Today overview answers "what needs me now?":
meetings ahead (with new people to triage), meetings that ended without a reflection,
promises due, unsent thanks, people past their keep-in-touch cadence or with a
birthday coming, and how many contacts may be one person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import CTE, ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterStatus,
    Participation,
    Promise,
    PromiseDirection,
    Reflection,
)
from ichigoapp.services.birthdays import BirthdayItem, birthdays_soon
from ichigoapp.services.common import iso, local_zone
from ichigoapp.services.contacts import shown_name
from ichigoapp.services.duplicates import find_duplicates
from ichigoapp.services.names import full_name
from ichigoapp.services.thanks import owes_thanks, people_to_thank, still_to_thank

HORIZON_DAYS = 7
# Older meetings without a reflection stop nagging: the app asks, it does not scold.
REFLECT_WINDOW_DAYS = 30
# Today is calm: each section shows a handful and says how many more there are.
TODAY_LIMIT = 8
UPCOMING_LIMIT = 30
# How many of the newest encounters unsent_thanks() walks before joining every reflection.
THANKS_WALK = 4096

T = TypeVar("T", covariant=True)


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """The first items of a list and how many there are in all (a COUNT, not a load)."""

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """How many are not in ``items``."""
        return self.total - len(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0

    def __getitem__(self, index: int) -> T:
        return self.items[index]


@dataclass(frozen=True, slots=True)
class Attendee:
    participation_id: int
    contact_id: int | None
    name: str
    email: str
    role: str = ""
    reply_status: str = ""
    ignored: bool = False

    @property
    def matched(self) -> bool:
        return self.contact_id is not None

    @property
    def label(self) -> str:
        return self.name or self.email or "(unnamed)"


@dataclass(frozen=True, slots=True)
class MeetingItem:
    encounter_id: int
    title: str
    start: datetime
    end: datetime | None
    location: str
    join_url: str
    attendees: tuple[Attendee, ...]

    @property
    def new_people(self) -> int:
        """Attendees still waiting in the "new people" list."""
        return sum(1 for a in self.attendees if not a.matched and not a.ignored)


@dataclass(frozen=True, slots=True)
class PromiseItem:
    promise_id: int
    text: str
    direction: str
    due: date | None
    done_on: date | None
    contact_id: int | None
    contact_name: str
    encounter_id: int | None
    encounter_title: str

    @property
    def mine(self) -> bool:
        return self.direction == PromiseDirection.MINE.value

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class ThanksItem:
    """Thanks to say for a meeting: to one person of it (``contact_id``), or, for a
    meeting without anyone known by name, to the meeting (``contact_id`` None)."""

    encounter_id: int
    title: str
    start: datetime
    gratitude: str
    people: tuple[str, ...]  # the person's name; () for the meeting without people
    contact_id: int | None = None

    @property
    def name(self) -> str:
        return self.people[0] if self.contact_id is not None and self.people else ""


@dataclass(frozen=True, slots=True)
class KeepInTouchItem:
    contact_id: int
    name: str
    cadence_days: int
    last_met: datetime | None

    def days_since(self, now: datetime) -> int | None:
        return None if self.last_met is None else (now - self.last_met).days


@dataclass(frozen=True, slots=True)
class TodayOverview:
    """Each section holds its first items and its total (``Listing``)."""

    now: datetime
    upcoming: Listing[MeetingItem]
    awaiting_reflection: Listing[MeetingItem]
    promises_due: Listing[PromiseItem]
    unsent_thanks: Listing[ThanksItem]
    keep_in_touch: Listing[KeepInTouchItem]
    birthdays: tuple[BirthdayItem, ...] = ()
    # Pairs of contacts that may be one person (services/duplicates.py).
    possible_duplicates: int = 0

    @property
    def new_people(self) -> int:
        """New people of the meetings shown."""
        return sum(m.new_people for m in self.upcoming)

    @property
    def is_calm(self) -> bool:
        """Nothing asks for attention."""
        return not (
            self.upcoming
            or self.awaiting_reflection
            or self.promises_due
            or self.unsent_thanks
            or self.keep_in_touch
            or self.birthdays
            or self.possible_duplicates
        )


def local_today(now: datetime) -> date:
    return now.astimezone(local_zone()).date()


def _in_order(people: list[Attendee]) -> tuple[Attendee, ...]:
    """Known people first, then the ones to triage, each alphabetically."""
    people.sort(key=lambda a: (not a.matched, a.label.lower()))
    return tuple(people)


def _attendees(encounter: Encounter) -> tuple[Attendee, ...]:
    return _in_order(
        [
            Attendee(
                participation_id=p.id,
                contact_id=p.contact_id,
                name=shown_name(p.contact) if p.contact is not None else p.name,
                email=p.email,
                role=p.role,
                reply_status=p.reply_status,
                ignored=p.triage_ignored,
            )
            for p in encounter.participations
        ]
    )


_NOT_CANCELLED = (EncounterStatus.PLANNED.value, EncounterStatus.HELD.value)


def _count(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def _finished(now: datetime) -> ColumnElement[bool]:
    """The meeting has ended (or, without an end, started) by ``now``."""
    return func.coalesce(Encounter.end, Encounter.start) <= now


def _attendees_of(
    session: Session, encounter_ids: Sequence[int]
) -> dict[int, tuple[Attendee, ...]]:
    """The attendees of each encounter, as ``_attendees()`` gives them, in one query."""
    if not encounter_ids:
        return {}
    stmt = (
        select(
            Participation.encounter_id,
            Participation.id,
            Participation.contact_id,
            Contact.display_name,
            Contact.given_name,
            Contact.family_name,
            Contact.name_order,
            Participation.name,
            Participation.email,
            Participation.role,
            Participation.reply_status,
            Participation.triage_ignored,
        )
        .outerjoin(Contact, Contact.id == Participation.contact_id)
        .where(Participation.encounter_id.in_(encounter_ids))
        # The order of participation(encounter_id, contact_id): how the ORM loaded them.
        .order_by(Participation.encounter_id, Participation.contact_id, Participation.id)
    )
    found: dict[int, list[Attendee]] = {}
    for row in session.execute(stmt):
        eid, pid, cid, contact_name, given, family, order = row[:7]
        name, email, role, reply, ignored = row[7:]
        person = Attendee(
            participation_id=pid,
            contact_id=cid,
            name=name if contact_name is None else full_name(contact_name, given, family, order),
            email=email,
            role=role,
            reply_status=reply,
            ignored=bool(ignored),
        )
        found.setdefault(eid, []).append(person)
    return {eid: _in_order(people) for eid, people in found.items()}


def _meetings(
    session: Session, where: Sequence[Any], order: Sequence[Any], limit: int | None
) -> Listing[MeetingItem]:
    # Plain columns rather than Encounter objects: loading them (and each attendee's
    # contact with its five eager relationships) cost more than the queries. The window
    # count is over every row before the limit, so one pass gives the items and the total.
    stmt = (
        select(
            Encounter.id,
            Encounter.title,
            Encounter.start,
            Encounter.end,
            Encounter.location,
            Encounter.join_url,
            func.count().over(),
        )
        .where(*where)
        .order_by(*order)
        .limit(limit)
    )
    if limit == 0:  # no items, still the count
        return Listing((), _count(session, select(Encounter.id).where(*where)))
    found = session.execute(stmt).all()
    people = _attendees_of(session, [row[0] for row in found])
    items = tuple(
        MeetingItem(eid, title, start, end, location, join_url, people.get(eid, ()))
        for eid, title, start, end, location, join_url, _total in found
    )
    return Listing(items, int(found[0][6]) if found else 0)


def upcoming_meetings(
    session: Session, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings not cancelled that have not ended and start within ``days``."""
    where = [
        # A meeting in progress still belongs to "what's next"; a day back is enough.
        Encounter.status.in_(_NOT_CANCELLED),
        Encounter.start >= now - timedelta(days=1),
        Encounter.start < now + timedelta(days=days),
        ~_finished(now),
    ]
    return _meetings(session, where, (Encounter.start, Encounter.id), limit)


def awaiting_reflection(
    session: Session, now: datetime, days: int = REFLECT_WINDOW_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings with people that ended in the last ``days`` and have no reflection."""
    where = [
        Encounter.status.in_(_NOT_CANCELLED),
        Encounter.start <= now,
        Encounter.start >= now - timedelta(days=days),
        _finished(now),
        ~select(Reflection.id).where(Reflection.encounter_id == Encounter.id).exists(),
        Encounter.participations.any(),
    ]
    return _meetings(session, where, (Encounter.start.desc(), Encounter.id.desc()), limit)


def promises_due(
    session: Session, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[PromiseItem]:
    """Open promises that are overdue or due within ``days`` (either direction)."""
    where = [
        Promise.done_on.is_(None),
        Promise.due.is_not(None),
        Promise.due <= local_today(now) + timedelta(days=days),
    ]
    order = (Promise.due, Promise.id)
    if limit is None:
        items = _promise_items(session, *where, order=order)
        return Listing(tuple(items), len(items))
    # The first ones and the count in one pass over the promises, then the names of
    # these few joined in (not of every promise due before the sort).
    first = session.execute(
        select(Promise.id, func.count().over()).where(*where).order_by(*order).limit(limit)
    ).all()
    if not first:
        return Listing((), _count(session, select(Promise.id).where(*where)) if limit == 0 else 0)
    items = _promise_items(session, Promise.id.in_([pid for pid, _ in first]), order=order)
    return Listing(tuple(items), int(first[0][1]))


def unsent_thanks(session: Session, limit: int | None = None) -> Listing[ThanksItem]:
    """Gratitude noted in a reflection but not yet said, newest meeting first: a row
    for each person of the meeting still to thank (alphabetically), or one row for a
    meeting without anyone known by name."""
    waiting = (Reflection.gratitude != "", Reflection.thanks_sent.is_(False))
    rows = func.coalesce(func.sum(still_to_thank(Reflection.encounter_id)), 0)
    total = int(session.scalar(select(rows).where(*waiting)) or 0)
    want = total if limit is None else min(limit, total)
    if want == 0:
        return Listing((), total)
    newest = (Encounter.start.desc(), Encounter.id.desc())
    gratitude = (
        select(Reflection.gratitude)
        .where(Reflection.encounter_id == Encounter.id)
        .correlate(Encounter)  # reflection stays its own FROM, joined or not outside
    )
    columns = (Encounter.id, Encounter.title, Encounter.start, gratitude.scalar_subquery())
    owing = (*waiting, owes_thanks(Reflection.encounter_id))
    thanked = select(Reflection.id).where(Reflection.encounter_id == Encounter.id, *owing)
    # Each meeting found gives one row at least, so ``want`` meetings are enough.
    # Walk the newest encounters down their start index, each one's reflection looked up
    # by encounter, and stop at the ``want``-th: a few rows when thanks wait on recent
    # meetings, rather than every waiting reflection joined to its encounter and sorted.
    # The walk is bounded; beyond it (old thanks, or a short limit) that join does it.
    cutoff = (
        select(Encounter.start)
        .order_by(Encounter.start.desc())
        .offset(THANKS_WALK - 1)
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(*columns)
        .where(thanked.exists(), Encounter.start >= cutoff)
        .order_by(*newest)
        .limit(want)
    )
    found = session.execute(stmt).all()
    if len(found) < want:
        stmt = (
            select(*columns)
            .join(Reflection, Reflection.encounter_id == Encounter.id)
            .where(*owing)
            .order_by(*newest)
            .limit(want)
        )
        found = session.execute(stmt).all()
    people = people_to_thank(session, [row[0] for row in found])
    items: list[ThanksItem] = []
    for eid, title, start, text in found:
        known = people.get(eid, [])
        if not known:
            items.append(ThanksItem(eid, title, start, text, ()))
        items += [
            ThanksItem(eid, title, start, text, (p.name,), p.contact_id)
            for p in known
            if not p.thanked
        ]
    return Listing(tuple(items[:want]), total)


# How far back the grouped pass of "last met" reads (see last_met_of_contact()). Only a
# matter of speed: the result is the same for any window. Two years balanced the grouped
# rows against the contacts left to look up on the 10,000-contact bench vault.
RECENT_DAYS = 730


def _recent_meetings(now: datetime, among: Select[Any] | None = None) -> CTE:
    """(contact_id, last_met) of everyone met in the RECENT_DAYS up to ``now`` (of the
    contacts ``among`` selects, when given).

    One pass over the encounters of the window through their (status, start) index and
    each one's attendees through participation(encounter_id, contact_id), both covering.
    MATERIALIZED: computed once per statement, then looked up through an automatic index.
    With ``among``, only those people's rows are grouped: the grouping, not the pass,
    is the dear part (about three quarters of it on the bench vault).
    """
    since = now - timedelta(days=RECENT_DAYS)
    # "+ 0": a filter on each row, never an index key. As a key, SQLite may probe
    # participation(encounter_id, contact_id) once per encounter and person: 30x slower.
    who = (
        Participation.contact_id.is_not(None)
        if among is None
        else (Participation.contact_id + 0).in_(among)
    )
    stmt = (
        select(
            Participation.contact_id.label("contact_id"),
            func.max(Encounter.start).label("last_met"),
        )
        .select_from(Encounter)
        .join(Participation, Participation.encounter_id == Encounter.id)
        .where(
            Encounter.status.in_(_NOT_CANCELLED),
            Encounter.start <= now,
            Encounter.start >= since,
            who,
        )
        .group_by(Participation.contact_id)
    )
    return stmt.cte("recent_meetings").prefix_with("MATERIALIZED")


def last_met_of_contact(now: datetime, among: Select[Any] | None = None) -> ColumnElement[Any]:
    """The start of the latest encounter, not cancelled, that ``Contact`` took part in
    and that started by ``now`` (NULL if none): a column for a query over ``Contact``.

    Grouping every encounter with its attendees reads the whole history (0.3-0.4 s on
    a vault of 100,000 encounters), and so does looking up every contact's attendances.
    Most people were met lately: the recent window (RECENT_DAYS) gives their last
    meeting in one short grouped pass, exact since someone met in it was last met in
    it; only the others, few, have their attendances looked up, each to its encounter.
    Someone never met has all their (future or cancelled) attendances looked up.

    ``among``, a select of contact ids, narrows the grouped pass to those people when
    the column is only wanted for them; for anyone else it is then the slower lookup.
    """
    recent = _recent_meetings(now, among)
    lately = select(recent.c.last_met).where(recent.c.contact_id == Contact.id)
    # Nested on purpose: from participation(contact_id, ..) to each encounter by its id.
    # A join here lets SQLite drive from the encounters' (status, start) index instead,
    # i.e. read them all once per contact.
    started = select(Encounter.start).where(
        Encounter.id == Participation.encounter_id,
        Encounter.status.in_(_NOT_CANCELLED),
        Encounter.start <= now,
    )
    ever = select(func.max(started.scalar_subquery())).where(Participation.contact_id == Contact.id)
    # coalesce() stops at its first non-NULL argument: the lookup runs only when needed.
    return func.coalesce(lately.scalar_subquery(), ever.scalar_subquery())


def _as_utc(value: datetime | None) -> datetime | None:
    # Aggregates bypass the UTCDateTime type and come back as naive UTC (or text).
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _julian(now: datetime) -> Any:
    # The stored form of UTCDateTime: naive UTC text, which julianday() reads.
    return func.julianday(now.astimezone(UTC).replace(tzinfo=None).isoformat(" "))


def past_cadence(last_met: datetime | None, cadence_days: int | None, now: datetime) -> bool:
    """True for someone with a cadence not met within it (or never met)."""
    if cadence_days is None:
        return False
    return last_met is None or now - last_met > timedelta(days=cadence_days)


def keep_in_touch(
    session: Session, now: datetime, limit: int | None = None
) -> Listing[KeepInTouchItem]:
    """People with a cadence whose last encounter is older than it (or who were never met),
    leaving out those the user already has a meeting booked with (after ``now``).

    Longest overdue first; people never met after those.
    """
    # A meeting ahead is keeping in touch already. The people of the meetings ahead, in
    # one pass over those through the (status, start) index and each one's attendees:
    # a few thousand rows, rather than every cadenced person's attendances looked up.
    booked = (
        select(Participation.contact_id)
        .select_from(Encounter)
        .join(Participation, Participation.encounter_id == Encounter.id)
        .where(
            Encounter.status.in_(_NOT_CANCELLED),
            Encounter.start > now,
            Participation.contact_id.is_not(None),
        )
        .distinct()
        .cte("booked")
        .prefix_with("MATERIALIZED")
    )
    # Only people with a cadence and nothing booked can be due, so only theirs is the
    # last meeting worth finding: left out first, the booked ones cost nothing (on the
    # bench vault nine in ten of the cadenced; the query took about twice as long before).
    waiting = (
        select(Contact.id.label("contact_id"))
        .where(
            Contact.keep_in_touch_days.is_not(None),
            Contact.id.not_in(select(booked.c.contact_id)),
        )
        .cte("waiting")
        .prefix_with("MATERIALIZED")
    )
    among = select(waiting.c.contact_id)
    # MATERIALIZED: the last meeting of each is computed once, not again for the filter,
    # the order and the count.
    cadenced = (
        select(
            Contact.id.label("contact_id"),
            Contact.display_name.label("name"),
            Contact.given_name.label("given"),
            Contact.family_name.label("family"),
            Contact.name_order.label("name_order"),
            Contact.keep_in_touch_days.label("cadence"),
            last_met_of_contact(now, among).label("last_met"),
        )
        .where(Contact.id.in_(among))
        .cte("cadenced")
        .prefix_with("MATERIALIZED")
    )
    last_day = func.julianday(cadenced.c.last_met)
    stmt = (
        select(
            cadenced.c.contact_id,
            cadenced.c.name,
            cadenced.c.cadence,
            cadenced.c.last_met,
            func.count().over().label("total"),
            cadenced.c.given,
            cadenced.c.family,
            cadenced.c.name_order,
        )
        .where(
            or_(
                cadenced.c.last_met.is_(None),
                last_day < _julian(now) - cadenced.c.cadence,
            ),
        )
        .order_by(
            cadenced.c.last_met.is_(None),
            last_day + cadenced.c.cadence,
            cadenced.c.contact_id,
        )
        .limit(limit)
    )
    found = session.execute(stmt).all()
    items = tuple(
        KeepInTouchItem(
            int(cid), full_name(name, given, family, order), int(cadence), _as_utc(last_met)
        )
        for cid, name, cadence, last_met, _total, given, family, order in found
    )
    # The window count is over every row before the limit: the whole list's length.
    return Listing(items, int(found[0][4]) if found else 0)


def today_overview(
    session: Session, now: datetime, limit: int | None = None, *, duplicates: bool = True
) -> TodayOverview:
    """What needs me now; with ``limit``, each section's first items and its count.

    Counting the possible duplicates compares every contact with the others (a second
    on ten thousand); ``duplicates=False`` leaves it to the caller (the app counts them
    off its GUI thread) and reports none."""
    return TodayOverview(
        now=now,
        upcoming=upcoming_meetings(
            session, now, limit=None if limit is None else max(limit, UPCOMING_LIMIT)
        ),
        awaiting_reflection=awaiting_reflection(session, now, limit=limit),
        promises_due=promises_due(session, now, limit=limit),
        unsent_thanks=unsent_thanks(session, limit=limit),
        keep_in_touch=keep_in_touch(session, now, limit=limit),
        birthdays=birthdays_soon(session, local_today(now)),
        possible_duplicates=len(find_duplicates(session)) if duplicates else 0,
    )


def _meeting_json(meeting: MeetingItem) -> dict[str, Any]:
    return {
        "id": meeting.encounter_id,
        "title": meeting.title,
        "start": iso(meeting.start),
        "end": iso(meeting.end),
        "location": meeting.location,
        "join_url": meeting.join_url,
        "attendees": [
            {"name": a.label, "email": a.email or None, "contact_id": a.contact_id}
            for a in meeting.attendees
        ],
        "new_people": meeting.new_people,
    }


def overview_json(overview: TodayOverview) -> dict[str, list[dict[str, Any]]]:
    """The shape of ``today --json``: the rows of each section of Today, dates in ISO."""
    today = local_today(overview.now)
    return {
        "week_ahead": [_meeting_json(m) for m in overview.upcoming],
        "awaiting_reflection": [_meeting_json(m) for m in overview.awaiting_reflection],
        "promises_due": [
            {
                "id": p.promise_id,
                "text": p.text,
                "direction": p.direction,
                "due": p.due.isoformat() if p.due is not None else None,
                "overdue": p.overdue(today),
                "contact_id": p.contact_id,
                "contact_name": p.contact_name,
                "encounter_id": p.encounter_id,
                "encounter_title": p.encounter_title,
            }
            for p in overview.promises_due
        ],
        "thanks_to_send": [
            {
                "encounter_id": t.encounter_id,
                "title": t.title,
                "start": iso(t.start),
                "gratitude": t.gratitude,
                "people": list(t.people),
                "contact_id": t.contact_id,
                "contact_name": t.name or None,
            }
            for t in overview.unsent_thanks
        ],
        "keep_in_touch": [
            {
                "contact_id": k.contact_id,
                "name": k.name,
                "cadence_days": k.cadence_days,
                "last_met": iso(k.last_met),
                "days_since": k.days_since(overview.now),
            }
            for k in overview.keep_in_touch
        ],
        "birthdays": [
            {"contact_id": b.contact_id, "name": b.name, "on": b.on.isoformat(), "days": b.days}
            for b in overview.birthdays
        ],
    }


# --- rows for the list views -------------------------------------------------------------


def _promise_items(
    session: Session, *where: Any, order: tuple[Any, ...], limit: int | None = None
) -> list[PromiseItem]:
    # Plain columns with the names joined in, rather than Promise objects with their
    # contact and encounter loaded: thousands of promises, a handful of queries fewer.
    stmt = (
        select(
            Promise.id,
            Promise.text,
            Promise.direction,
            Promise.due,
            Promise.done_on,
            Promise.contact_id,
            Contact.display_name,
            Promise.encounter_id,
            Encounter.title,
            Contact.given_name,
            Contact.family_name,
            Contact.name_order,
        )
        .outerjoin(Contact, Contact.id == Promise.contact_id)
        .outerjoin(Encounter, Encounter.id == Promise.encounter_id)
        .where(*where)
        .order_by(*order)
        .limit(limit)
    )
    items = []
    for row in session.execute(stmt):
        pid, text, direction, due, done_on, cid, contact_name, eid, title = row[:9]
        name = full_name(contact_name, *row[9:]) if contact_name is not None else ""
        items.append(PromiseItem(pid, text, direction, due, done_on, cid, name, eid, title or ""))
    return items


@dataclass(frozen=True, slots=True)
class _People:
    labels: tuple[str, ...]  # everyone, in the order _attendees() gives them
    known: tuple[str, ...]  # those matched to a contact
    waiting: int  # how many wait in the "new people" list


_NOBODY = _People((), (), 0)


def _people_labels(session: Session, encounter_ids: Sequence[int]) -> dict[int, _People]:
    """The attendees of each encounter in ``encounter_ids`` as names, in one query."""
    return {
        eid: _People(
            labels=tuple(a.label for a in people),
            known=tuple(a.label for a in people if a.matched),
            waiting=sum(1 for a in people if not a.matched and not a.ignored),
        )
        for eid, people in _attendees_of(session, encounter_ids).items()
    }
