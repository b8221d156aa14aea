"""Rows for the list and detail views: contacts, encounters, reflections, promises and
a contact's timeline, read as plain columns and paged where a vault can hold 100k rows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, or_, select
from sqlalchemy.orm import Session, selectinload

from ichigoapp.i18n import _, format_date
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
    UTCDateTime,
    contact_tag,
)
from ichigoapp.model.encounter import effective_status
from ichigoapp.services import names, today_read
from ichigoapp.services.common import get_or_fail
from ichigoapp.services.today import Attendee, PromiseItem, raw


def _finished(now: datetime) -> ColumnElement[bool]:
    """The meeting has ended (or, without an end, started) by ``now``: Today's SQL."""
    return literal_column(today_read.FINISHED_AT, UTCDateTime) <= now


@dataclass(frozen=True, slots=True)
class _People:
    labels: tuple[str, ...]  # everyone, in the order Today gives them
    known: tuple[str, ...]  # those matched to a contact
    waiting: int  # how many wait in the "new people" list


_NOBODY = _People((), (), 0)


def _people_labels(session: Session, encounter_ids: list[int]) -> dict[int, _People]:
    """The attendees of each encounter in ``encounter_ids`` as names, in one query."""
    return {
        eid: _People(
            labels=tuple(a.label for a in people),
            known=tuple(a.label for a in people if a.matched),
            waiting=sum(1 for a in people if not a.matched and not a.ignored),
        )
        for eid, people in today_read.attendees_of(raw(session), encounter_ids).items()
    }


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
    reading: str = ""  # how to say the name (a Japanese name's yomigana)
    sort_name: str = ""  # where the row sorts by name (services/names.py)


def _shown(display: str, given: str, family: str, order: str, reading: str) -> tuple[str, str]:
    """The name as shown, and where it sorts."""
    shown = names.full_name(display, given, family, order)
    return shown, names.sort_key(shown, reading)


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
        Contact.given_name,
        Contact.family_name,
        Contact.name_order,
        Contact.pronunciation,
        Contact.company,
        Contact.title,
        primary_email,
        Contact.location,
        Contact.keep_in_touch_days,
    ).order_by(Contact.id)
    # Each one's last meeting by Today's query (keep in touch), run for everyone.
    met = today_read.last_met_by_contact(raw(session), now)
    rows = []
    for row in session.execute(stmt):
        cid, display, given, family, order, reading = row[:6]
        company, title, email, location, cadence = row[6:]
        name, sort_name = _shown(display, given, family, order, reading)
        rows.append(
            ContactRow(
                contact_id=cid,
                name=name,
                company=company,
                title=title,
                email=email or "",
                location=location,
                tags=tuple(sorted(tags.get(cid, ()))),
                last_met=met.get(cid),
                keep_in_touch_days=cadence,
                reading=reading,
                sort_name=sort_name,
            )
        )
    # In name order, a Japanese name by its reading (one key per row, in Python: SQL
    # cannot fold kana).
    rows.sort(key=lambda r: (r.sort_name, r.contact_id))
    return rows


@dataclass(frozen=True, slots=True)
class ContactChoice:
    contact_id: int
    name: str
    subtitle: str


def contact_choices(session: Session) -> list[ContactChoice]:
    """Every contact, for pickers (merge with, met through, link attendee)."""
    stmt = select(
        Contact.id,
        Contact.display_name,
        Contact.given_name,
        Contact.family_name,
        Contact.name_order,
        Contact.pronunciation,
        Contact.title,
        Contact.company,
    ).order_by(Contact.id)
    keyed = []
    for i, display, given, family, order, reading, t, c in session.execute(stmt):
        name, key = _shown(display, given, family, order, reading)
        subtitle = ", ".join(x for x in (str(t), str(c)) if x)
        keyed.append((key, int(i), ContactChoice(int(i), name, subtitle)))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [choice for _key, _id, choice in keyed]


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


def _words(text: str) -> list[str]:
    return text.split()


def _met_by_name(word: str) -> Select[Any]:
    """Encounters with an attendee whose name (theirs or their contact's) holds ``word``.

    One pass over the attendees (uncorrelated, so SQLite runs it once per search), not
    one lookup per listed encounter.
    """
    named = select(Contact.id).where(Contact.display_name.contains(word, autoescape=True))
    return select(Participation.encounter_id).where(
        or_(
            Participation.name.contains(word, autoescape=True),
            Participation.contact_id.in_(named),
        )
    )


def _encounter_where(now: datetime, scope: EncounterScope, text: str) -> list[Any]:
    """The SQL of a scope (effective status included) and of the words typed."""
    cancelled = Encounter.status == EncounterStatus.CANCELLED.value
    held = Encounter.status == EncounterStatus.HELD.value
    if scope is EncounterScope.CANCELLED:
        where: list[Any] = [cancelled]
    elif scope is EncounterScope.UPCOMING:
        where = [~cancelled, ~held, Encounter.start >= now - timedelta(days=1), ~_finished(now)]
    elif scope is EncounterScope.PAST:
        where = [~cancelled, Encounter.start <= now, or_(_finished(now), held)]
    else:
        where = []
    for word in _words(text):
        # Every word in the title, the place or an attendee's name (LIKE ignores ASCII case).
        where.append(
            or_(
                Encounter.title.contains(word, autoescape=True),
                Encounter.location.contains(word, autoescape=True),
                Encounter.id.in_(_met_by_name(word)),
            )
        )
    return where


def encounter_count(session: Session, now: datetime, scope: EncounterScope, text: str = "") -> int:
    """How many encounters ``encounter_rows`` would list without a limit."""
    where = _encounter_where(now, scope, text)
    return int(session.scalar(select(func.count(Encounter.id)).where(*where)) or 0)


def encounter_rows(
    session: Session,
    now: datetime,
    scope: EncounterScope,
    text: str = "",
    *,
    offset: int = 0,
    limit: int | None = None,
) -> list[EncounterRow]:
    """The encounters of ``scope`` whose title, place or people hold every word of
    ``text``; ``offset``/``limit`` page through them (the "All" list of a big vault is
    100,000 rows).

    Plain columns and one query for the attendees of the rows returned, instead of
    Encounter objects with their participations and contacts.
    """
    has_reflection = select(Reflection.id).where(Reflection.encounter_id == Encounter.id).exists()
    where = _encounter_where(now, scope, text)
    if scope is EncounterScope.UPCOMING:
        order = (Encounter.start.asc(), Encounter.id.asc())
    else:
        order = (Encounter.start.desc(), Encounter.id.desc())
    stmt = (
        select(
            Encounter.id,
            Encounter.title,
            Encounter.kind,
            Encounter.start,
            Encounter.end,
            Encounter.status,
            Encounter.location,
            has_reflection,
        )
        .where(*where)
        .order_by(*order)
        .offset(offset or None)
        .limit(limit)
    )
    found = session.execute(stmt).all()
    people = _people_labels(session, [row[0] for row in found])
    rows = []
    for eid, title, kind, start, end, stored_status, location, reflected in found:
        who = people.get(eid, _NOBODY)
        rows.append(
            EncounterRow(
                encounter_id=eid,
                title=title,
                kind=kind,
                start=start,
                end=end,
                status=effective_status(stored_status, start, end, now).value,
                people=who.labels,
                new_people=who.waiting,
                has_reflection=bool(reflected),
                location=location,
            )
        )
    return rows


def scope_of(encounter: EncounterDetail, now: datetime) -> EncounterScope:
    """The list (upcoming, past, cancelled) that holds an encounter."""
    status = effective_status(encounter.status, encounter.start, encounter.end, now)
    if status is EncounterStatus.CANCELLED:
        return EncounterScope.CANCELLED
    ended = (encounter.end or encounter.start) <= now
    if encounter.start <= now and (ended or status is EncounterStatus.HELD):
        return EncounterScope.PAST
    if encounter.start >= now - timedelta(days=1) and status is EncounterStatus.PLANNED:
        return EncounterScope.UPCOMING
    return EncounterScope.ALL


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
    status_reason: str = ""  # "removed from calendar" (model.REMOVED_FROM_CALENDAR)


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
        attendees=today_read.attendees_of(raw(session), [e.id]).get(e.id, ()),
        has_reflection=e.reflection is not None,
        status_reason=e.status_reason,
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


def _reflection_where(text: str, unsent_thanks: bool) -> list[Any]:
    where: list[Any] = []
    if unsent_thanks:
        where += [Reflection.gratitude != "", Reflection.thanks_sent.is_(False)]
    for word in _words(text):
        where.append(
            or_(
                *(
                    column.contains(word, autoescape=True)
                    for column in (
                        Encounter.title,
                        Reflection.learned,
                        Reflection.went_well,
                        Reflection.improve,
                        Reflection.gratitude,
                        Reflection.next_time,
                    )
                ),
                Reflection.encounter_id.in_(_met_by_name(word)),
            )
        )
    return where


def reflection_count(session: Session, text: str = "", *, unsent_thanks: bool = False) -> int:
    """How many reflections ``reflection_rows`` would list without a limit."""
    stmt = (
        select(func.count(Reflection.id))
        .join(Encounter, Encounter.id == Reflection.encounter_id)
        .where(*_reflection_where(text, unsent_thanks))
    )
    return int(session.scalar(stmt) or 0)


def reflection_rows(
    session: Session,
    text: str = "",
    *,
    unsent_thanks: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ReflectionRow]:
    """Reflections, newest meeting first, holding every word of ``text`` (in the
    encounter's title, the reflection or the people); ``unsent_thanks`` keeps those
    whose thanks are still to be said; ``offset``/``limit`` page through them."""
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
        .where(*_reflection_where(text, unsent_thanks))
        .order_by(Encounter.start.desc(), Reflection.id.desc())
        .offset(offset or None)
        .limit(limit)
    )
    found = session.execute(stmt).all()
    people = _people_labels(session, [row[1] for row in found])
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
        ) in found
    ]


def promise_rows(session: Session, encounter_id: int | None = None) -> list[PromiseItem]:
    """All promises (open first, by due date); optionally those of one encounter."""
    where = "1" if encounter_id is None else "promise.encounter_id = :encounter"
    order = "promise.done_on IS NOT NULL, promise.due IS NULL, promise.due, promise.id"
    found = {"encounter": encounter_id} if encounter_id is not None else {}
    return today_read.promise_items(raw(session), where, found, order)


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
                _("%(label)s: %(text)s") % {"label": label, "text": value}
                for label, value in (
                    (_("Learned"), r.learned),
                    (_("Went well"), r.went_well),
                    (_("Better next time"), r.improve),
                    (_("Grateful for"), r.gratitude),
                    (_("Next time"), r.next_time),
                )
                if value
            ]
            entries.append(
                TimelineEntry(
                    TimelineKind.REFLECTION,
                    e.start,
                    _("Reflection on %(title)s") % {"title": e.title},
                    "\n".join(parts),
                    encounter_id=e.id,
                )
            )
    promises = session.scalars(select(Promise).where(Promise.contact_id == contact_id))
    for p in promises:
        who = _("I promised") if p.direction == PromiseDirection.MINE.value else _("They promised")
        state = _("done %(date)s") % {"date": format_date(p.done_on)} if p.done_on else _("open")
        due = _(", due %(date)s") % {"date": format_date(p.due)} if p.due else ""
        # A promise belongs on the timeline where it was made, i.e. at its encounter.
        when = p.encounter.start if p.encounter is not None else p.created_at
        entries.append(
            TimelineEntry(
                TimelineKind.PROMISE,
                when,
                _("%(label)s: %(text)s") % {"label": who, "text": p.text},
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
