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

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import Subquery

from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterStatus,
    Participation,
    Promise,
    PromiseDirection,
    Reflection,
)
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
    stmt = (
        select(Promise)
        .options(selectinload(Promise.contact), selectinload(Promise.encounter))
        .where(Promise.done_on.is_(None), Promise.due.is_not(None), Promise.due <= limit)
        .order_by(Promise.due, Promise.id)
    )
    return [promise_item(p) for p in session.scalars(stmt)]


def unsent_thanks(session: Session) -> list[ThanksItem]:
    stmt = (
        select(Reflection)
        .join(Encounter)
        .options(
            selectinload(Reflection.encounter)
            .selectinload(Encounter.participations)
            .selectinload(Participation.contact)
        )
        .where(Reflection.gratitude != "", Reflection.thanks_sent.is_(False))
        .order_by(Encounter.start.desc())
    )
    return [
        ThanksItem(
            encounter_id=r.encounter.id,
            title=r.encounter.title,
            start=r.encounter.start,
            gratitude=r.gratitude,
            people=tuple(a.label for a in _attendees(r.encounter) if a.matched),
        )
        for r in session.scalars(stmt)
    ]


def _last_met_subquery(now: datetime) -> Subquery:
    return (
        select(
            Participation.contact_id.label("contact_id"),
            func.max(Encounter.start).label("last_met"),
        )
        .join(Encounter, Encounter.id == Participation.encounter_id)
        .where(
            Participation.contact_id.is_not(None),
            Encounter.start <= now,
            Encounter.status != EncounterStatus.CANCELLED.value,
        )
        .group_by(Participation.contact_id)
        .subquery()
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
    last = _last_met_subquery(now)
    stmt = (
        select(Contact.id, Contact.display_name, Contact.keep_in_touch_days, last.c.last_met)
        .outerjoin(last, last.c.contact_id == Contact.id)
        .where(Contact.keep_in_touch_days.is_not(None))
    )
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
    last = _last_met_subquery(now)
    stmt = (
        select(Contact, last.c.last_met)
        .outerjoin(last, last.c.contact_id == Contact.id)
        .order_by(func.lower(Contact.display_name), Contact.id)
    )
    return [
        ContactRow(
            contact_id=c.id,
            name=c.display_name,
            company=c.company,
            title=c.title,
            email=c.primary_email or "",
            location=c.location,
            tags=tuple(sorted(t.name for t in c.tags)),
            last_met=_as_utc(last_met),
            keep_in_touch_days=c.keep_in_touch_days,
        )
        for c, last_met in session.execute(stmt)
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


def encounter_rows(session: Session, now: datetime, scope: EncounterScope) -> list[EncounterRow]:
    stmt = select(Encounter).options(
        _PEOPLE,
        selectinload(Encounter.reflection),
    )
    cancelled = Encounter.status == EncounterStatus.CANCELLED.value
    if scope is EncounterScope.CANCELLED:
        stmt = stmt.where(cancelled).order_by(Encounter.start.desc())
    elif scope is EncounterScope.UPCOMING:
        stmt = stmt.where(~cancelled, Encounter.start >= now - timedelta(days=1))
        stmt = stmt.order_by(Encounter.start)
    elif scope is EncounterScope.PAST:
        stmt = stmt.where(~cancelled, Encounter.start <= now).order_by(Encounter.start.desc())
    else:
        stmt = stmt.order_by(Encounter.start.desc())
    rows = []
    for e in session.scalars(stmt):
        status = e.effective_status(now)
        ended = (e.end or e.start) <= now
        if scope is EncounterScope.UPCOMING and (ended or status is EncounterStatus.HELD):
            continue
        if scope is EncounterScope.PAST and not (ended or status is EncounterStatus.HELD):
            continue
        item = meeting_item(e)
        rows.append(
            EncounterRow(
                encounter_id=e.id,
                title=e.title,
                kind=e.kind,
                start=e.start,
                end=e.end,
                status=status.value,
                people=tuple(a.label for a in item.attendees),
                new_people=item.new_people,
                has_reflection=e.reflection is not None,
                location=e.location,
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
        select(Reflection)
        .join(Encounter)
        .options(
            selectinload(Reflection.encounter)
            .selectinload(Encounter.participations)
            .selectinload(Participation.contact)
        )
        .order_by(Encounter.start.desc())
    )
    return [
        ReflectionRow(
            reflection_id=r.id,
            encounter_id=r.encounter_id,
            encounter_title=r.encounter.title,
            start=r.encounter.start,
            people=tuple(a.label for a in _attendees(r.encounter)),
            learned=r.learned,
            went_well=r.went_well,
            improve=r.improve,
            gratitude=r.gratitude,
            thanks_sent=r.thanks_sent,
            next_time=r.next_time,
        )
        for r in session.scalars(stmt)
    ]


def reflection_of(session: Session, encounter_id: int) -> Reflection | None:
    return session.scalars(
        select(Reflection).where(Reflection.encounter_id == encounter_id)
    ).first()


def promise_rows(session: Session, encounter_id: int | None = None) -> list[PromiseItem]:
    """All promises (open first, by due date); optionally those of one encounter."""
    stmt = select(Promise).options(selectinload(Promise.contact), selectinload(Promise.encounter))
    if encounter_id is not None:
        stmt = stmt.where(Promise.encounter_id == encounter_id)
    stmt = stmt.order_by(
        Promise.done_on.is_not(None), Promise.due.is_(None), Promise.due, Promise.id
    )
    return [promise_item(p) for p in session.scalars(stmt)]


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
