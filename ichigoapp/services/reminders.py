"""The meeting moment: which reminders Ichigo shows, when, and never twice.

Three kinds (issue #18): **before** a meeting (its start minus the lead, 30 minutes
unless the vault's ``reminder_lead_minutes`` says otherwise), **after** it (its end
plus five minutes: how did it go?) and one **digest** a morning (08:30 local time:
what is due today). This module only decides; the tray and the desktop's notifications
(``ui/``) show what :func:`due` returns and call :func:`mark_shown`.

Each reminder has a key naming the moment it is for ("before:12:2026-05-04T15:05:00+00:00"):
a meeting moved by an import or a sync gets new keys and is planned again, a cancelled
one is no longer planned at all. Keys shown are kept in the vault (``shown_reminder``),
so a restart or a second window says nothing twice.

Every reminder also has a discreet form (no name, title or place) for a locked vault or
the ``discreet_notifications`` setting. Texts of reminders are never logged: the
dataclass leaves them out of its repr.

All instants are aware UTC; ``now`` is always the caller's (the app's clock, a test's
fake one).
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _, format_time, format_weekday, ngettext, pgettext
from ichigoapp.importers.normalise import looks_like_room, normalise_email
from ichigoapp.model import (
    Contact,
    ContactEmail,
    Encounter,
    EncounterKind,
    EncounterStatus,
    Participation,
    Reflection,
    ShownReminder,
)
from ichigoapp.services.birthdays import birthdays_soon
from ichigoapp.services.common import day_start, iso, local_zone, plural
from ichigoapp.services.me import my_emails
from ichigoapp.services.names import full_name
from ichigoapp.services.settings import read_setting, write_setting
from ichigoapp.services.today import (
    awaiting_reflection,
    keep_in_touch,
    promises_due,
    unsent_thanks,
)

LEAD_SETTING = "reminder_lead_minutes"
DISCREET_SETTING = "discreet_notifications"
DEFAULT_LEAD_MINUTES = 30
MAX_LEAD_MINUTES = 24 * 60
AFTER_DELAY = timedelta(minutes=5)
DIGEST_AT = time(8, 30)
# A reminder is still worth showing this long after its time (a laptop that slept);
# older ones are dropped rather than shown all at once on wake.
GRACE = timedelta(minutes=10)
# Shown keys are kept this long: past it no reminder of theirs can be due again.
KEEP_SHOWN = timedelta(days=30)
# Names in a before-reminder's body; the rest are "and N more".
MAX_NAMES = 3
# An after-reminder is looked for among meetings that started at most this long before
# it (the start index bounds the query); a meeting longer than a week gets none.
LONGEST_MEETING = timedelta(days=7)

_NOT_CANCELLED = (EncounterStatus.PLANNED.value, EncounterStatus.HELD.value)
_NOT_PEOPLE_ROLES = {"NON-PARTICIPANT"}


class ReminderKind(enum.StrEnum):
    BEFORE = "before"
    AFTER = "after"
    DIGEST = "digest"


_KIND_ORDER = {ReminderKind.AFTER: 0, ReminderKind.DIGEST: 1, ReminderKind.BEFORE: 2}


@dataclass(frozen=True, slots=True)
class Reminder:
    """One notification to show at ``at``; ``discreet()`` is the form without names."""

    key: str
    kind: ReminderKind
    at: datetime
    encounter_id: int | None
    # Private texts: out of the repr, so that logging a reminder never logs them.
    title: str = field(repr=False)
    body: str = field(repr=False)
    discreet_title: str = field(repr=False)

    def discreet(self) -> Reminder:
        """The same reminder saying only that something is there: no person, meeting
        title or place (for a locked vault, or discreet notifications chosen)."""
        return replace(self, title=self.discreet_title, body="")

    def to_json(self) -> dict[str, Any]:
        """The shape of ``agenda --json`` rows."""
        return {
            "at": iso(self.at),
            "kind": self.kind.value,
            "encounter_id": self.encounter_id,
            "title": self.title,
            "body": self.body,
        }


# ---------------------------------------------------------------------------- settings


def reminder_lead(session: Session) -> timedelta:
    """How long before a meeting its reminder comes: the vault's setting, else 30 min."""
    stored = read_setting(session, LEAD_SETTING)
    try:
        minutes = int(stored) if stored is not None else DEFAULT_LEAD_MINUTES
    except ValueError:
        minutes = DEFAULT_LEAD_MINUTES
    return timedelta(minutes=min(max(minutes, 0), MAX_LEAD_MINUTES))


def set_reminder_lead(session: Session, minutes: int) -> None:
    if not 0 <= minutes <= MAX_LEAD_MINUTES:
        raise BadInput(
            _("a reminder comes 0 to %(n)d minutes before a meeting") % {"n": MAX_LEAD_MINUTES}
        )
    write_setting(session, LEAD_SETTING, str(minutes))


def discreet_notifications(session: Session) -> bool:
    """Whether the user asked for notifications without names even while unlocked."""
    return read_setting(session, DISCREET_SETTING) == "1"


def set_discreet_notifications(session: Session, discreet: bool) -> None:
    write_setting(session, DISCREET_SETTING, "1" if discreet else "0")


# ---------------------------------------------------------------------------- texts


def _local(value: datetime) -> datetime:
    return value.astimezone(local_zone())


def _clock(value: datetime) -> str:
    """ "17:05" or "5:05 PM", as the user's locale writes the time."""
    return format_time(_local(value))


def _times_met(n: int) -> str:
    if n == 0:
        return _("new")
    if n == 1:
        return _("met once")
    if n == 2:
        return _("met twice")
    return ngettext("met %(n)d time", "met %(n)d times", n) % {"n": n}


def _lead_text(lead: timedelta) -> str:
    """ "30 minutes", "1 hour", "1 hour 30 minutes"."""
    minutes = int(lead.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)s %(minutes)s") % {
            "hours": plural(hours, "hour"),
            "minutes": plural(rest, "minute"),
        }
    return plural(hours, "hour") if hours else plural(rest, "minute")


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    first_name: str
    met: int  # encounters with them before this one: 0 is someone new


@dataclass(frozen=True, slots=True)
class _Meeting:
    encounter_id: int
    title: str
    start: datetime
    end: datetime | None
    location: str
    reflected: bool
    people: tuple[_Person, ...] = ()  # best known first

    @property
    def finish(self) -> datetime:
        return self.end if self.end is not None else self.start


def _before(meeting: _Meeting, lead: timedelta) -> Reminder:
    at = meeting.start - lead
    when = _clock(meeting.start)
    if _local(at).date() != _local(meeting.start).date():
        when = f"{format_weekday(_local(meeting.start))} {when}"
    shown = [
        _("%(name)s (%(met)s)") % {"name": p.name, "met": _times_met(p.met)}
        for p in meeting.people[:MAX_NAMES]
    ]
    more = len(meeting.people) - len(shown)
    body = pgettext("list", ", ").join(shown)
    if more:
        body = ngettext("%(names)s and %(n)d more", "%(names)s and %(n)d more", more) % {
            "names": body,
            "n": more,
        }
    if not meeting.people:
        body = _first_line(meeting.location)
    return Reminder(
        key=f"before:{meeting.encounter_id}:{meeting.start.isoformat()}",
        kind=ReminderKind.BEFORE,
        at=at,
        encounter_id=meeting.encounter_id,
        title=_("%(title)s at %(time)s") % {"title": meeting.title, "time": when},
        body=body,
        discreet_title=(
            _("A meeting starts in %(lead)s") % {"lead": _lead_text(lead)}
            if lead > timedelta(0)
            else _("A meeting starts now")
        ),
    )


def _after(meeting: _Meeting) -> Reminder:
    people = meeting.people
    if len(people) == 1:
        title = _("How did it go with %(name)s?") % {"name": people[0].first_name}
    elif len(people) == 2:
        title = _("How did it go with %(name)s and %(other)s?") % {
            "name": people[0].first_name,
            "other": people[1].first_name,
        }
    else:
        title = _("How did “%(title)s” go?") % {"title": meeting.title}
    span = _clock(meeting.start)
    if meeting.end is not None and meeting.end != meeting.start:
        span += f"–{_clock(meeting.end)}"
    return Reminder(
        key=f"after:{meeting.encounter_id}:{meeting.finish.isoformat()}",
        kind=ReminderKind.AFTER,
        at=meeting.finish + AFTER_DELAY,
        encounter_id=meeting.encounter_id,
        title=title,
        body=_("%(title)s, %(time)s") % {"title": meeting.title, "time": span},
        discreet_title=_("A meeting has ended"),
    )


# ---------------------------------------------------------------------------- meetings


def _meetings(session: Session, *where: Any) -> list[_Meeting]:
    """Meetings worth a reminder (not cancelled, not all day, not a message) matching
    ``where``, with the people in them."""
    reflected = select(Reflection.id).where(Reflection.encounter_id == Encounter.id).exists()
    rows = session.execute(
        select(
            Encounter.id,
            Encounter.title,
            Encounter.start,
            Encounter.end,
            Encounter.location,
            reflected,
        ).where(
            Encounter.status.in_(_NOT_CANCELLED),
            Encounter.all_day.is_(False),
            Encounter.kind != EncounterKind.MESSAGE.value,
            *where,
        )
    ).all()
    meetings = [
        _Meeting(eid, title, start, end, location or "", bool(done))
        for eid, title, start, end, location, done in rows
    ]
    return _with_people(session, meetings)


def _my_contacts(session: Session, mine: set[str]) -> set[int]:
    if not mine:
        return set()
    return set(session.scalars(select(ContactEmail.contact_id).where(ContactEmail.email.in_(mine))))


def _first_name(given: str | None, name: str, email: str) -> str:
    if given:
        return given
    words = name.split()
    if words:
        return words[0]
    return email.split("@", 1)[0] or email


def _with_people(session: Session, meetings: list[_Meeting]) -> list[_Meeting]:
    """Each meeting with the people in it: not me, not a room, not who declined, each
    once; the best known (met most often before) first."""
    if not meetings:
        return []
    mine = my_emails(session)
    my_contacts = _my_contacts(session, mine)
    rows = session.execute(
        select(
            Participation.encounter_id,
            Participation.contact_id,
            Contact.display_name,
            Contact.given_name,
            Participation.name,
            Participation.email,
            Participation.role,
            Participation.reply_status,
            Contact.family_name,
            Contact.name_order,
        )
        .outerjoin(Contact, Contact.id == Participation.contact_id)
        .where(Participation.encounter_id.in_([m.encounter_id for m in meetings]))
        .order_by(Participation.encounter_id, Participation.id)
    ).all()
    found: dict[int, list[tuple[int | None, str, str]]] = {}
    seen: set[tuple[int, str]] = set()
    for eid, cid, display, given, name, email, role, reply, family, order in rows:
        address = normalise_email(email or "")
        if role.upper() in _NOT_PEOPLE_ROLES or reply.upper() == "DECLINED":
            continue
        if (address and address in mine) or cid in my_contacts:
            continue
        if cid is None and looks_like_room(email or "", name or ""):
            continue
        # A contact by their name in its own order (services/names.py).
        label = (
            full_name(display, given, family, order) if cid is not None else (name or email or "")
        )
        if not label:
            continue
        who = f"c{cid}" if cid is not None else f"e{address or label}"
        if (eid, who) in seen:
            continue
        seen.add((eid, who))
        first = _first_name(given if cid is not None else None, label, address)
        found.setdefault(eid, []).append((cid, label, first))

    contact_ids = {cid for people in found.values() for cid, _, _ in people if cid is not None}
    history = _History.of(session, contact_ids, [m.start for m in meetings])
    result = []
    for meeting in meetings:
        people = [
            _Person(label, first, 0 if cid is None else history.met_before(cid, meeting.start))
            for cid, label, first in found.get(meeting.encounter_id, [])
        ]
        people.sort(key=lambda p: (-p.met, p.name.casefold()))
        result.append(replace(meeting, people=tuple(people)))
    return result


@dataclass(frozen=True, slots=True)
class _History:
    """How often each contact was met (encounters not cancelled) before a moment:
    counted by the database up to the first meeting planned, then the few encounters
    between the first and the last meeting bisected (no row per past encounter)."""

    earlier: dict[int, int]  # encounters before the first meeting planned
    between: dict[int, list[tuple[datetime, int]]]  # (start, id) from then on, in order

    @classmethod
    def of(cls, session: Session, contact_ids: set[int], starts: Sequence[datetime]) -> _History:
        if not contact_ids:
            return cls({}, {})
        since, until = min(starts), max(starts)
        theirs = (
            Participation.contact_id.in_(contact_ids),
            Encounter.status.in_(_NOT_CANCELLED),
        )
        joined = (Encounter, Encounter.id == Participation.encounter_id)
        counted = session.execute(
            select(Participation.contact_id, func.count(func.distinct(Encounter.id)))
            .join(*joined)
            .where(*theirs, Encounter.start < since)
            .group_by(Participation.contact_id)
        ).all()
        rows = session.execute(
            select(Participation.contact_id, Encounter.start, Encounter.id)
            .join(*joined)
            .where(*theirs, Encounter.start >= since, Encounter.start < until)
            .distinct()
        ).all()
        between: dict[int, list[tuple[datetime, int]]] = {}
        for cid, start, eid in rows:
            if cid is not None:  # filtered by the query; here for the type checker
                between.setdefault(cid, []).append((start, eid))
        for met in between.values():
            met.sort()
        return cls({cid: int(n) for cid, n in counted if cid is not None}, between)

    def met_before(self, contact_id: int, start: datetime) -> int:
        """Encounters with them that started before ``start`` (never the one at it)."""
        later = bisect_left(self.between.get(contact_id, []), (start, -1))
        return self.earlier.get(contact_id, 0) + later


def _meeting_reminders(
    session: Session, start: datetime, end: datetime, lead: timedelta
) -> list[Reminder]:
    """Before- and after-reminders whose time falls in [start, end]."""
    found = [
        _before(m, lead)
        for m in _meetings(session, Encounter.start >= start + lead, Encounter.start <= end + lead)
    ]
    finish = func.coalesce(Encounter.end, Encounter.start)
    ended = _meetings(
        session,
        # The start bounds the search through the (status, start) index.
        Encounter.start >= start - AFTER_DELAY - LONGEST_MEETING,
        Encounter.start <= end - AFTER_DELAY,
        finish >= start - AFTER_DELAY,
        finish <= end - AFTER_DELAY,
    )
    found += [_after(m) for m in ended if m.people and not m.reflected]
    return found


# ---------------------------------------------------------------------------- digest


def _digest_time(day: date) -> datetime:
    return datetime.combine(day, DIGEST_AT, tzinfo=local_zone()).astimezone(UTC)


def _digest(session: Session, day: date) -> Reminder | None:
    """The morning summary of ``day`` (a local date), or None with nothing to say."""
    at = _digest_time(day)
    # The Today queries, counted as of that morning. Meetings to reflect on are those of
    # the day before: an after-reminder left unanswered is repeated once, then quiet.
    promises = promises_due(session, at, days=0, limit=0).total
    thanks = unsent_thanks(session, limit=0).total
    people = keep_in_touch(session, at, limit=1).total
    birthdays = len(birthdays_soon(session, day, within=0))
    reflect = awaiting_reflection(session, day_start(day), days=1, limit=0).total
    counted = [
        (promises, ngettext("%(n)d promise due", "%(n)d promises due", promises)),
        (thanks, ngettext("%(n)d thanks to send", "%(n)d thanks to send", thanks)),
        (
            people,
            ngettext(
                "%(n)d person to get in touch with", "%(n)d people to get in touch with", people
            ),
        ),
        (birthdays, ngettext("%(n)d birthday today", "%(n)d birthdays today", birthdays)),
        (
            reflect,
            ngettext(
                "%(n)d meeting from yesterday to reflect on",
                "%(n)d meetings from yesterday to reflect on",
                reflect,
            ),
        ),
    ]
    parts = [text % {"n": n} if n else "" for n, text in counted]
    said = [p for p in parts if p]
    if not said:
        return None
    return Reminder(
        key=f"digest:{day.isoformat()}",
        kind=ReminderKind.DIGEST,
        at=at,
        encounter_id=None,
        title=_("Good morning"),
        body=pgettext("list", ", ").join(said),
        discreet_title=_("Ichigo has a morning summary for you"),
    )


def _days(start: datetime, end: datetime) -> Iterable[date]:
    day = _local(start).date()
    last = _local(end).date()
    while day <= last:
        yield day
        day += timedelta(days=1)


# ---------------------------------------------------------------------------- plan, due


def _ordered(reminders: Iterable[Reminder]) -> list[Reminder]:
    return sorted(reminders, key=lambda r: (r.at, _KIND_ORDER[r.kind], r.key))


def plan(
    session: Session, start: datetime, end: datetime, *, lead: timedelta | None = None
) -> list[Reminder]:
    """Every reminder whose time falls in [start, end], shown or not, in time order
    (what ``ichigo agenda`` lists). ``lead`` defaults to the vault's setting."""
    lead = reminder_lead(session) if lead is None else lead
    found = _meeting_reminders(session, start, end, lead)
    for day in _days(start, end):
        if start <= _digest_time(day) <= end:
            digest = _digest(session, day)
            if digest is not None:
                found.append(digest)
    return _ordered(found)


def shown_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` were shown already (by this window, another, or before a restart)."""
    wanted = list(keys)
    if not wanted:
        return set()
    return set(session.scalars(select(ShownReminder.key).where(ShownReminder.key.in_(wanted))))


def due(session: Session, now: datetime, *, lead: timedelta | None = None) -> list[Reminder]:
    """What to show now: the reminders that fell due in the last ten minutes (GRACE) and
    were not shown yet. Older ones are dropped, so a laptop waking from a night's sleep
    says only what is still timely.

    The digest is the exception: today's is due from 08:30 until the day ends, shown
    once, so that an app opened (or a laptop woken) later in the morning still gives it.
    """
    lead = reminder_lead(session) if lead is None else lead
    found = _meeting_reminders(session, now - GRACE, now, lead)
    today = _local(now).date()
    digest_key = f"digest:{today.isoformat()}"
    shown = shown_keys(session, [r.key for r in found] + [digest_key])
    if _digest_time(today) <= now and digest_key not in shown:
        # Only counted when it is not shown yet: due() runs every minute.
        digest = _digest(session, today)
        if digest is not None:
            # Given at the first unlock of the day, it greets the hour it is given at.
            found.append(replace(digest, title=_greeting(_local(now).hour)))
    return _ordered(r for r in found if r.key not in shown)


def _greeting(hour: int) -> str:
    if hour < 12:
        return _("Good morning")
    return _("Good afternoon") if hour < 18 else _("Good evening")


def mark_shown(session: Session, keys: Iterable[str], now: datetime) -> None:
    """Remember that these reminders were shown (in the caller's transaction), and
    forget the ones shown more than a month ago."""
    rows = [{"key": key, "shown_at": now} for key in dict.fromkeys(keys)]
    if rows:
        # A second window may have shown it first: its time stands.
        session.execute(insert(ShownReminder).values(rows).on_conflict_do_nothing())
    session.execute(delete(ShownReminder).where(ShownReminder.shown_at < now - KEEP_SHOWN))
    session.flush()
