"""What the desktop app shows: plain snapshots of the vault, built without Qt.

The views hold these frozen rows instead of ORM objects, so nothing lazy-loads after its
session has closed and every view can be refreshed by calling one function again.
The Today overview answers "what needs me now?": meetings ahead (with new people to
triage), meetings that ended without a reflection, promises due, unsent thanks and people
past their keep-in-touch cadence.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.selectable import ScalarSelect

from ichigoapp.model import (
    Contact,
    ContactEmail,
    Encounter,
    EncounterStatus,
    Participation,
    Promise,
    PromiseDirection,
    Reflection,
    Tag,
    contact_tag,
)
from ichigoapp.model.encounter import effective_status
from ichigoapp.services.common import get_or_fail, local_zone
from ichigoapp.services.contacts import ContactInput, add_contact, find_by_email
from ichigoapp.services.encounters import link_participant

HORIZON_DAYS = 7
# Older meetings without a reflection stop nagging: the app asks, it does not scold.
REFLECT_WINDOW_DAYS = 30


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
    encounter_id: int
    title: str
    start: datetime
    gratitude: str
    people: tuple[str, ...]


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
    now: datetime
    upcoming: tuple[MeetingItem, ...]
    awaiting_reflection: tuple[MeetingItem, ...]
    promises_due: tuple[PromiseItem, ...]
    unsent_thanks: tuple[ThanksItem, ...]
    keep_in_touch: tuple[KeepInTouchItem, ...]

    @property
    def new_people(self) -> int:
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
        )


def local_today(now: datetime) -> date:
    return now.astimezone(local_zone()).date()


def _attendees(encounter: Encounter) -> tuple[Attendee, ...]:
    people = [
        Attendee(
            participation_id=p.id,
            contact_id=p.contact_id,
            name=p.contact.display_name if p.contact is not None else p.name,
            email=p.email,
            role=p.role,
            reply_status=p.reply_status,
            ignored=p.triage_ignored,
        )
        for p in encounter.participations
    ]
    # Known people first, then the ones to triage, each alphabetically.
    people.sort(key=lambda a: (not a.matched, a.label.lower()))
    return tuple(people)


def meeting_item(encounter: Encounter) -> MeetingItem:
    return MeetingItem(
        encounter_id=encounter.id,
        title=encounter.title,
        start=encounter.start,
        end=encounter.end,
        location=encounter.location,
        join_url=encounter.join_url,
        attendees=_attendees(encounter),
    )


def promise_item(promise: Promise) -> PromiseItem:
    return PromiseItem(
        promise_id=promise.id,
        text=promise.text,
        direction=promise.direction,
        due=promise.due,
        done_on=promise.done_on,
        contact_id=promise.contact_id,
        contact_name=promise.contact.display_name if promise.contact is not None else "",
        encounter_id=promise.encounter_id,
        encounter_title=promise.encounter.title if promise.encounter is not None else "",
    )


# Attendees with their contacts, loaded in two extra queries instead of one per row.
_PEOPLE = selectinload(Encounter.participations).selectinload(Participation.contact)


def upcoming_meetings(
    session: Session, now: datetime, days: int = HORIZON_DAYS
) -> list[MeetingItem]:
    """Meetings not cancelled that have not ended and start within ``days``."""
    stmt = (
        select(Encounter)
        .options(_PEOPLE)
        .where(
            # A meeting in progress still belongs to "what's next"; a day back is enough.
            Encounter.start >= now - timedelta(days=1),
            Encounter.start < now + timedelta(days=days),
            Encounter.status != EncounterStatus.CANCELLED.value,
        )
        .order_by(Encounter.start, Encounter.id)
    )
    return [meeting_item(e) for e in session.scalars(stmt) if (e.end or e.start) > now]


def awaiting_reflection(
    session: Session, now: datetime, days: int = REFLECT_WINDOW_DAYS
) -> list[MeetingItem]:
    """Meetings with people that ended in the last ``days`` and have no reflection."""
    stmt = (
        select(Encounter)
        .options(_PEOPLE)
        .outerjoin(Reflection)
        .where(
            Reflection.id.is_(None),
            Encounter.status != EncounterStatus.CANCELLED.value,
            Encounter.start <= now,
            Encounter.start >= now - timedelta(days=days),
            Encounter.participations.any(),
        )
        .order_by(Encounter.start.desc())
    )
    return [meeting_item(e) for e in session.scalars(stmt) if (e.end or e.start) <= now]


def promises_due(session: Session, now: datetime, days: int = HORIZON_DAYS) -> list[PromiseItem]:
    """Open promises that are overdue or due within ``days`` (either direction)."""
    limit = local_today(now) + timedelta(days=days)
    return _promise_items(
        session,
        Promise.done_on.is_(None),
        Promise.due.is_not(None),
        Promise.due <= limit,
        order=(Promise.due, Promise.id),
    )


def unsent_thanks(session: Session) -> list[ThanksItem]:
    stmt = (
        select(Encounter.id, Encounter.title, Encounter.start, Reflection.gratitude)
        .join(Encounter, Encounter.id == Reflection.encounter_id)
        .where(Reflection.gratitude != "", Reflection.thanks_sent.is_(False))
        .order_by(Encounter.start.desc())
    )
    waiting = select(Reflection.encounter_id).where(
        Reflection.gratitude != "", Reflection.thanks_sent.is_(False)
    )
    people = _people_labels(session, waiting)
    return [
        ThanksItem(
            encounter_id=eid,
            title=title,
            start=start,
            gratitude=gratitude,
            people=people[eid].known if eid in people else (),
        )
        for eid, title, start, gratitude in session.execute(stmt)
    ]


def _last_met(now: datetime) -> ScalarSelect[Any]:
    """When each contact (the outer query's) was last met, as a correlated subquery.

    Per contact it reads that contact's participations through their index; a grouped
    subquery over every participation, joined to the contacts, was re-evaluated by
    SQLite and took seconds on a big vault.
    """
    return (
        select(func.max(Encounter.start))
        .join(Participation, Participation.encounter_id == Encounter.id)
        .where(
            Participation.contact_id == Contact.id,
            Encounter.start <= now,
            Encounter.status != EncounterStatus.CANCELLED.value,
        )
        .scalar_subquery()
    )


def _as_utc(value: datetime | None) -> datetime | None:
    # Aggregates bypass the UTCDateTime type and come back as naive UTC (or text).
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def keep_in_touch(session: Session, now: datetime) -> list[KeepInTouchItem]:
    """People with a cadence whose last held encounter is older than it (or never)."""
    stmt = select(
        Contact.id, Contact.display_name, Contact.keep_in_touch_days, _last_met(now)
    ).where(Contact.keep_in_touch_days.is_not(None))
    items = []
    for cid, name, cadence, last_met in session.execute(stmt):
        met = _as_utc(last_met)
        if met is None or now - met > timedelta(days=int(cadence)):
            items.append(KeepInTouchItem(int(cid), str(name), int(cadence), met))
    # Longest overdue first; people never met after those.
    items.sort(key=lambda i: (i.last_met is None, (i.last_met or now) + timedelta(i.cadence_days)))
    return items


def today_overview(session: Session, now: datetime) -> TodayOverview:
    return TodayOverview(
        now=now,
        upcoming=tuple(upcoming_meetings(session, now)),
        awaiting_reflection=tuple(awaiting_reflection(session, now)),
        promises_due=tuple(promises_due(session, now)),
        unsent_thanks=tuple(unsent_thanks(session)),
        keep_in_touch=tuple(keep_in_touch(session, now)),
    )


# --- rows for the list views -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactRow:
    contact_id: int
    name: str
    company: str
    title: str
    email: str
    location: str
    tags: tuple[str, ...]
    last_met: datetime | None
    keep_in_touch_days: int | None


def contact_rows(session: Session, now: datetime) -> list[ContactRow]:
    # Plain columns rather than Contact objects: loading every contact with its five
    # eagerly loaded relationships costs seconds and tens of MB on a big vault.
    primary_email = (
        select(ContactEmail.email)
        .where(ContactEmail.contact_id == Contact.id)
        .order_by(ContactEmail.position, ContactEmail.id)
        .limit(1)
        .scalar_subquery()
    )
    tags: dict[int, list[str]] = {}
    for cid, name in session.execute(
        select(contact_tag.c.contact_id, Tag.name).join(Tag, Tag.id == contact_tag.c.tag_id)
    ):
        tags.setdefault(cid, []).append(name)
    stmt = select(
        Contact.id,
        Contact.display_name,
        Contact.company,
        Contact.title,
        primary_email,
        Contact.location,
        Contact.keep_in_touch_days,
        _last_met(now),
    ).order_by(func.lower(Contact.display_name), Contact.id)
    return [
        ContactRow(
            contact_id=cid,
            name=name,
            company=company,
            title=title,
            email=email or "",
            location=location,
            tags=tuple(sorted(tags.get(cid, ()))),
            last_met=_as_utc(last_met),
            keep_in_touch_days=cadence,
        )
        for cid, name, company, title, email, location, cadence, last_met in session.execute(stmt)
    ]


@dataclass(frozen=True, slots=True)
class ContactChoice:
    contact_id: int
    name: str
    subtitle: str


def contact_choices(session: Session) -> list[ContactChoice]:
    """Every contact, for pickers (merge with, met through, link attendee)."""
    stmt = select(Contact.id, Contact.display_name, Contact.title, Contact.company).order_by(
        func.lower(Contact.display_name), Contact.id
    )
    return [
        ContactChoice(int(i), str(n), ", ".join(x for x in (str(t), str(c)) if x))
        for i, n, t, c in session.execute(stmt)
    ]


class EncounterScope(enum.StrEnum):
    UPCOMING = "upcoming"
    PAST = "past"
    CANCELLED = "cancelled"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class EncounterRow:
    encounter_id: int
    title: str
    kind: str
    start: datetime
    end: datetime | None
    status: str  # effective status: planned / held / cancelled
    people: tuple[str, ...]
    new_people: int
    has_reflection: bool
    location: str


@dataclass(frozen=True, slots=True)
class _People:
    labels: tuple[str, ...]  # everyone, in the order _attendees() gives them
    known: tuple[str, ...]  # those matched to a contact
    waiting: int  # how many wait in the "new people" list


_NOBODY = _People((), (), 0)


def _people_labels(session: Session, encounter_ids: Select[Any]) -> dict[int, _People]:
    """The attendees of each encounter in ``encounter_ids``, in one query."""
    stmt = (
        select(
            Participation.encounter_id,
            Participation.contact_id,
            Contact.display_name,
            Participation.name,
            Participation.email,
            Participation.triage_ignored,
        )
        .outerjoin(Contact, Contact.id == Participation.contact_id)
        .where(Participation.encounter_id.in_(encounter_ids))
    )
    grouped: dict[int, list[tuple[bool, str, bool]]] = {}
    for eid, cid, contact_name, name, email, ignored in session.execute(stmt):
        unmatched = cid is None
        label = (name if unmatched else contact_name) or email or "(unnamed)"
        grouped.setdefault(eid, []).append((unmatched, label, bool(ignored)))
    found = {}
    for eid, people in grouped.items():
        people.sort(key=lambda p: (p[0], p[1].lower()))
        found[eid] = _People(
            labels=tuple(label for _, label, _ in people),
            known=tuple(label for unmatched, label, _ in people if not unmatched),
            waiting=sum(1 for unmatched, _, ignored in people if unmatched and not ignored),
        )
    return found


def encounter_rows(session: Session, now: datetime, scope: EncounterScope) -> list[EncounterRow]:
    # Plain columns and one query for every attendee, instead of Encounter objects with
    # their participations and contacts: the "All" list of a big vault is 100,000 rows.
    has_reflection = select(Reflection.id).where(Reflection.encounter_id == Encounter.id).exists()
    cancelled = Encounter.status == EncounterStatus.CANCELLED.value
    if scope is EncounterScope.CANCELLED:
        where, order = [cancelled], Encounter.start.desc()
    elif scope is EncounterScope.UPCOMING:
        where, order = (
            [~cancelled, Encounter.start >= now - timedelta(days=1)],
            Encounter.start.asc(),
        )
    elif scope is EncounterScope.PAST:
        where, order = [~cancelled, Encounter.start <= now], Encounter.start.desc()
    else:
        where, order = [], Encounter.start.desc()
    stmt = select(
        Encounter.id,
        Encounter.title,
        Encounter.kind,
        Encounter.start,
        Encounter.end,
        Encounter.status,
        Encounter.location,
        has_reflection,
    ).where(*where)
    people = _people_labels(session, select(Encounter.id).where(*where))
    rows = []
    for eid, title, kind, start, end, stored_status, location, reflected in session.execute(
        stmt.order_by(order)
    ):
        status = effective_status(stored_status, start, end, now)
        ended = (end or start) <= now
        if scope is EncounterScope.UPCOMING and (ended or status is EncounterStatus.HELD):
            continue
        if scope is EncounterScope.PAST and not (ended or status is EncounterStatus.HELD):
            continue
        who = people.get(eid, _NOBODY)
        rows.append(
            EncounterRow(
                encounter_id=eid,
                title=title,
                kind=kind,
                start=start,
                end=end,
                status=status.value,
                people=who.labels,
                new_people=who.waiting,
                has_reflection=bool(reflected),
                location=location,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class EncounterDetail:
    encounter_id: int
    title: str
    kind: str
    start: datetime
    end: datetime | None
    location: str
    join_url: str
    status: str
    intention: str
    notes: str
    description: str
    attendees: tuple[Attendee, ...]
    has_reflection: bool


def encounter_detail(session: Session, encounter_id: int) -> EncounterDetail:
    e = get_or_fail(session, Encounter, encounter_id, "encounter")
    return EncounterDetail(
        encounter_id=e.id,
        title=e.title,
        kind=e.kind,
        start=e.start,
        end=e.end,
        location=e.location,
        join_url=e.join_url,
        status=e.status,
        intention=e.intention,
        notes=e.notes,
        description=e.description,
        attendees=_attendees(e),
        has_reflection=e.reflection is not None,
    )


@dataclass(frozen=True, slots=True)
class ReflectionRow:
    reflection_id: int
    encounter_id: int
    encounter_title: str
    start: datetime
    people: tuple[str, ...]
    learned: str
    went_well: str
    improve: str
    gratitude: str
    thanks_sent: bool
    next_time: str


def reflection_rows(session: Session) -> list[ReflectionRow]:
    stmt = (
        select(
            Reflection.id,
            Reflection.encounter_id,
            Encounter.title,
            Encounter.start,
            Reflection.learned,
            Reflection.went_well,
            Reflection.improve,
            Reflection.gratitude,
            Reflection.thanks_sent,
            Reflection.next_time,
        )
        .join(Encounter, Encounter.id == Reflection.encounter_id)
        .order_by(Encounter.start.desc())
    )
    people = _people_labels(session, select(Reflection.encounter_id))
    return [
        ReflectionRow(
            reflection_id=rid,
            encounter_id=eid,
            encounter_title=title,
            start=start,
            people=people.get(eid, _NOBODY).labels,
            learned=learned,
            went_well=went_well,
            improve=improve,
            gratitude=gratitude,
            thanks_sent=bool(thanks_sent),
            next_time=next_time,
        )
        for (
            rid,
            eid,
            title,
            start,
            learned,
            went_well,
            improve,
            gratitude,
            thanks_sent,
            next_time,
        ) in session.execute(stmt)
    ]


def reflection_of(session: Session, encounter_id: int) -> Reflection | None:
    return session.scalars(
        select(Reflection).where(Reflection.encounter_id == encounter_id)
    ).first()


def _promise_items(session: Session, *where: Any, order: tuple[Any, ...]) -> list[PromiseItem]:
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
        )
        .outerjoin(Contact, Contact.id == Promise.contact_id)
        .outerjoin(Encounter, Encounter.id == Promise.encounter_id)
        .where(*where)
        .order_by(*order)
    )
    return [
        PromiseItem(pid, text, direction, due, done_on, cid, contact_name or "", eid, title or "")
        for pid, text, direction, due, done_on, cid, contact_name, eid, title in session.execute(
            stmt
        )
    ]


def promise_rows(session: Session, encounter_id: int | None = None) -> list[PromiseItem]:
    """All promises (open first, by due date); optionally those of one encounter."""
    where = [] if encounter_id is None else [Promise.encounter_id == encounter_id]
    order = (Promise.done_on.is_not(None), Promise.due.is_(None), Promise.due, Promise.id)
    return _promise_items(session, *where, order=order)


# --- a contact's timeline ----------------------------------------------------------------


class TimelineKind(enum.StrEnum):
    ENCOUNTER = "encounter"
    REFLECTION = "reflection"
    PROMISE = "promise"
    CHANGE = "change"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: TimelineKind
    when: datetime
    title: str
    text: str
    encounter_id: int | None = None
    promise_id: int | None = None


def contact_timeline(session: Session, contact_id: int, now: datetime) -> list[TimelineEntry]:
    """Encounters, their reflections, promises and recorded changes, newest first."""
    contact = get_or_fail(session, Contact, contact_id, "contact")
    entries: list[TimelineEntry] = []
    stmt = (
        select(Encounter)
        .join(Participation, Participation.encounter_id == Encounter.id)
        .where(Participation.contact_id == contact_id)
        .options(selectinload(Encounter.reflection))
        .distinct()
    )
    for e in session.scalars(stmt):
        status = e.effective_status(now).value
        entries.append(
            TimelineEntry(TimelineKind.ENCOUNTER, e.start, e.title, status, encounter_id=e.id)
        )
        r = e.reflection
        if r is not None and not r.is_empty():
            parts = [
                f"{label}: {value}"
                for label, value in (
                    ("Learned", r.learned),
                    ("Went well", r.went_well),
                    ("Better next time", r.improve),
                    ("Grateful for", r.gratitude),
                    ("Next time", r.next_time),
                )
                if value
            ]
            entries.append(
                TimelineEntry(
                    TimelineKind.REFLECTION,
                    e.start,
                    f"Reflection on {e.title}",
                    "\n".join(parts),
                    encounter_id=e.id,
                )
            )
    promises = session.scalars(select(Promise).where(Promise.contact_id == contact_id))
    for p in promises:
        who = "I promised" if p.direction == PromiseDirection.MINE.value else "They promised"
        state = f"done {p.done_on.isoformat()}" if p.done_on else "open"
        due = f", due {p.due.isoformat()}" if p.due else ""
        # A promise belongs on the timeline where it was made, i.e. at its encounter.
        when = p.encounter.start if p.encounter is not None else p.created_at
        entries.append(
            TimelineEntry(
                TimelineKind.PROMISE,
                when,
                f"{who}: {p.text}",
                f"{state}{due}",
                encounter_id=p.encounter_id,
                promise_id=p.id,
            )
        )
    for change in contact.changes:
        entries.append(TimelineEntry(TimelineKind.CHANGE, change.at, change.summary, ""))
    order = {TimelineKind.ENCOUNTER: 0, TimelineKind.REFLECTION: 1}
    entries.sort(key=lambda t: (t.when, -order.get(t.kind, 2)), reverse=True)
    return entries


# --- triage -------------------------------------------------------------------------------


def create_contact_from_attendee(session: Session, participation_id: int) -> Contact:
    """Turn an unmatched attendee into a contact (name and address from the invite).

    If their address already belongs to someone, link to that person instead of failing:
    that is who they are.
    """
    part = get_or_fail(session, Participation, participation_id, "attendee")
    if part.contact_id is not None:
        assert part.contact is not None
        return part.contact
    existing = find_by_email(session, part.email) if part.email else None
    if existing is None:
        name = part.name or part.email.split("@")[0] or "New person"
        existing = add_contact(
            session,
            ContactInput(name=name, emails=[part.email] if part.email else []),
        )
    link_participant(session, participation_id, existing.id)
    return existing
