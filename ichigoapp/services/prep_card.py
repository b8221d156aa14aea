"""Prep cards: what to know before walking into one meeting.

A :class:`PrepCard` is plain data gathered from the vault for one upcoming encounter:
when and where, my intention, and for each attendee the history worth remembering.
Nothing here formats for print or imports Qt; ``ichigoapp.printing`` lays cards out.

Privacy: a field the user marked private (``PersonalDetail.private`` or a name in
``Contact.private_fields``) is never copied into a card, so no later layer can print it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from ichigoapp.errors import BadInput
from ichigoapp.i18n import (
    N_,
    _,
    format_date,
    format_day_short,
    format_time,
    ngettext,
    pgettext,
)
from ichigoapp.importers.agenda import agenda_text
from ichigoapp.importers.birthday import birthday_soon
from ichigoapp.importers.normalise import looks_like_room, normalise_email
from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterStatus,
    Participation,
    Promise,
    PromiseDirection,
)
from ichigoapp.model.textfold import is_unspaced
from ichigoapp.services.common import get_or_fail, local_zone
from ichigoapp.services.contacts import shown_name
from ichigoapp.services.me import my_emails
from ichigoapp.services.names import kana_reading

# How much history a card carries at most; the printer shows less when space is short.
MAX_PAST = 3
MAX_QUESTIONS = 3
MAX_PROMISES = 4  # per direction
BIRTHDAY_AHEAD_DAYS = 14  # a birthday this close to the meeting is worth a word

# Roles of calendar attendees that are not people in the room (rooms, resources).
_NOT_PEOPLE_ROLES = {"NON-PARTICIPANT"}

# First words of a "next time" note that is already something to do.
_INSTRUCTIONS = frozenset(
    {"ask", "bring", "check", "follow", "introduce", "mention"}
    | {"remember", "send", "share", "tell", "thank"}
)

# Marked for the catalogue here, translated where they are shown: first_meeting_prompts().
FIRST_MEETING_PROMPTS = (
    N_("What are they working on right now, and what is hard about it?"),
    N_("What brought them here today?"),
    N_("What could I do so that they leave with a smile?"),
)


def first_meeting_prompts() -> list[str]:
    """What to find out at a first meeting, in the active language."""
    return [_(prompt) for prompt in FIRST_MEETING_PROMPTS]


# The encounter kinds the app offers, for the card's top line (others print as typed).
_KINDS = {
    "meeting": N_("meeting"),
    "call": N_("call"),
    "coffee": N_("coffee"),
    "meal": N_("meal"),
    "event": N_("event"),
    "message": N_("message"),
    "video call": N_("video call"),
}


@dataclass(slots=True)
class PastEncounter:
    """An earlier held encounter with this person."""

    on: date
    title: str


@dataclass(slots=True)
class PromiseLine:
    """An open promise: ``mine`` (I promised them) or theirs (they promised me)."""

    mine: bool
    text: str
    due: date | None = None
    overdue: bool = False

    @property
    def lead(self) -> str:
        return _("I promised") if self.mine else _("They promised")


@dataclass(slots=True)
class Attendee:
    """One person on the card. ``known`` is False for attendees with no contact yet."""

    name: str
    known: bool
    contact_id: int | None = None
    email: str = ""  # only for people new to you: the address the invite gave
    job_title: str = ""
    company: str = ""
    pronouns: str = ""
    pronunciation: str = ""  # how to say the name, e.g. yomigana
    birthday_soon: str = ""  # "Birthday in 3 days", counted from the meeting's day
    location: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    met_through: str = ""
    past: list[PastEncounter] = field(default_factory=list)
    encounters_before: int = 0  # all held encounters before this one, not only ``past``
    promises: list[PromiseLine] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    notes: str = ""
    # From the latest reflection on an encounter with them.
    reflection_on: date | None = None
    learned: str = ""
    next_time: str = ""
    gratitude: str = ""
    thanks_sent: bool = True
    questions: list[str] = field(default_factory=list)
    photo: bytes | None = field(default=None, repr=False)  # the contact's picture, if any

    @property
    def reading_above(self) -> str:
        """A name in CJK script with a kana reading: the reading, printed small above
        the name as furigana are (other pronunciations follow the name)."""
        if self.pronunciation and is_unspaced(self.name) and kana_reading(self.pronunciation):
            return self.pronunciation
        return ""

    @property
    def essential(self) -> tuple[str, str]:
        """The one line worth printing when there is room for no more, as (label, text):
        the note for next time, else an open promise, else when we last met, else who
        they are. A big meeting's card gives every known person at least this."""
        if self.next_time:
            return (_("Next time"), self.next_time)
        if self.promises:
            promise = (self.my_promises or self.their_promises)[0]
            due = ""
            if promise.due is not None:
                when = format_date(promise.due)
                due = " " + (
                    _("(overdue since %(date)s)") if promise.overdue else _("(due %(date)s)")
                ) % {"date": when}
            return (promise.lead, promise.text + due)
        if self.past:
            last = self.past[0]
            title = _("“%(title)s”") % {"title": last.title}
            return (_("Last met"), f"{format_date(last.on)} {title}")
        return ("", self.role_line or self.how_we_met)

    @property
    def first_meeting(self) -> bool:
        return self.encounters_before == 0

    @property
    def role_line(self) -> str:
        """The job title and company, whichever are known, as the language lists them."""
        return pgettext("list", ", ").join(x for x in (self.job_title, self.company) if x)

    @property
    def my_promises(self) -> list[PromiseLine]:
        return [p for p in self.promises if p.mine]

    @property
    def their_promises(self) -> list[PromiseLine]:
        return [p for p in self.promises if not p.mine]

    @property
    def unsent_thanks(self) -> bool:
        return bool(self.gratitude) and not self.thanks_sent

    @property
    def history_score(self) -> int:
        """How much we know about them: the ranking for who stays in full on a full card.

        Not a judgement of the person (DESIGN 0): it only measures what the card could
        usefully say about them.
        """
        if not self.known:
            return 0
        score = 3 * self.encounters_before + 2 * len(self.promises)
        score += 2 * sum(bool(x) for x in (self.next_time, self.gratitude, self.learned))
        score += len(self.interests) + len(self.details)
        score += sum(bool(x) for x in (self.how_we_met, self.notes, self.job_title, self.company))
        return score


@dataclass(slots=True)
class PrepCard:
    encounter_id: int
    title: str
    kind: str
    start: datetime  # aware, in the zone the card is shown in
    end: datetime | None
    all_day: bool
    zone_name: str  # shown when the meeting's zone differs from the machine's
    location: str
    join_url: str
    intention: str
    # The invitation's description without its joining instructions (importers/agenda).
    agenda: str = ""
    attendees: list[Attendee] = field(default_factory=list)  # ranked: best known first
    declined: list[str] = field(default_factory=list)  # names of those who said no

    @property
    def date_text(self) -> str:
        """ "Saturday, December 5, 2026", "2026年12月5日土曜日" (the user's locale)."""
        from ichigoapp.i18n import format_long_day

        return format_long_day(self.start)

    @property
    def kind_text(self) -> str:
        return _(_KINDS[self.kind]) if self.kind in _KINDS else self.kind

    @property
    def time_text(self) -> str:
        if self.all_day:
            return _("all day")
        text = _span(self.start, self.end)
        if self.zone_name:
            # Shown in the meeting's own zone, and on the user's clock beside it.
            here, until = self.here
            there = _span(here, until)
            if here.date() != self.start.date():
                there = f"{format_day_short(here)} {there}"
            text += " " + _("%(zone)s time · %(time)s your time") % {
                "zone": self.zone_label,
                "time": there,
            }
        return text

    @property
    def here(self) -> tuple[datetime, datetime | None]:
        """Start and end on the user's own clock (the day sheet's time column)."""
        zone = local_zone()
        return self.start.astimezone(zone), self.end.astimezone(zone) if self.end else None

    @property
    def zone_label(self) -> str:
        return zone_label(self.zone_name) if self.zone_name else ""

    @property
    def duration_text(self) -> str:
        if self.end is None or self.all_day:
            return ""
        return format_duration(self.end - self.start)

    @property
    def known_attendees(self) -> list[Attendee]:
        return [a for a in self.attendees if a.known]

    @property
    def new_attendees(self) -> list[Attendee]:
        return [a for a in self.attendees if not a.known]


def zone_label(name: str) -> str:
    """A time zone as people say it: "New York" for America/New_York."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def _span(start: datetime, end: datetime | None) -> str:
    text = format_time(start)
    if end is not None and end != start:
        text += f"–{format_time(end)}"
    return text


def format_duration(span: timedelta) -> str:
    """ "1 hr 30 min", "1時間30分"; whole days as days."""
    from ichigoapp import i18n

    minutes = max(0, round(span.total_seconds() / 60))
    if minutes >= 24 * 60 and minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    return i18n.format_duration(span)


def _zone_for(encounter: Encounter) -> tuple[tzinfo, str]:
    """The zone to show the meeting in, and its name when it is not the machine's."""
    machine = local_zone()
    if encounter.tz_name:
        try:
            zone = ZoneInfo(encounter.tz_name)
        except (ZoneInfoNotFoundError, ValueError):
            return machine, ""
        now = datetime.now(UTC)
        if now.astimezone(zone).utcoffset() == now.astimezone(machine).utcoffset() and (
            encounter.start.astimezone(zone).utcoffset()
            == encounter.start.astimezone(machine).utcoffset()
        ):
            return zone, ""
        return zone, encounter.tz_name
    return machine, ""


class _History:
    """Everything the cards of a range need, fetched in a few queries (not per person)."""

    def __init__(self, session: Session, contact_ids: set[int]) -> None:
        self.encounters: dict[int, list[Encounter]] = defaultdict(list)
        self.promises: dict[int, list[Promise]] = defaultdict(list)
        if not contact_ids:
            return
        rows = session.execute(
            select(Participation.contact_id, Encounter)
            .join(Encounter, Encounter.id == Participation.encounter_id)
            .where(
                Participation.contact_id.in_(contact_ids),
                Encounter.status != EncounterStatus.CANCELLED.value,
            )
            .options(selectinload(Encounter.reflection))
            .order_by(Encounter.start.desc(), Encounter.id.desc())
        )
        for contact_id, encounter in rows:
            if contact_id is not None:
                self.encounters[contact_id].append(encounter)
        for promise in session.scalars(
            select(Promise)
            .where(Promise.contact_id.in_(contact_ids), Promise.done_on.is_(None))
            .order_by(Promise.due.is_(None), Promise.due, Promise.created_at)
        ):
            assert promise.contact_id is not None
            self.promises[promise.contact_id].append(promise)


def _questions(person: Attendee) -> list[str]:
    """Questions drawn only from what the vault holds: never an invented fact."""
    found: list[str] = []
    if person.next_time:
        # The note ends a sentence of its own: "Ask about ikebana." gets no second stop.
        noted = person.next_time.strip().rstrip(",;:").rstrip()
        stop = (
            "" if noted.endswith((".", "!", "?", "。", "！", "？", "…")) else pgettext("end", ".")
        )
        # A note that is already an instruction ("Ask about cricket") needs no second one.
        first = noted.split(maxsplit=1)[0].strip(":,;.!").lower()
        if first in _INSTRUCTIONS:
            found.append(_("Last time you noted: %(note)s") % {"note": noted + stop})
        else:
            found.append(
                _("Last time you noted: %(note)s Ask how it went.") % {"note": noted + stop}
            )
    for promise in person.their_promises:
        found.append(_("They promised %(promise)s — check in?") % {"promise": promise.text})
        break
    if person.interests:
        found.append(_("Ask about %(interest)s.") % {"interest": person.interests[0]})
    if person.past and len(found) < MAX_QUESTIONS:
        last = person.past[0]
        found.append(
            _("What has happened since “%(title)s” (%(date)s)?")
            % {"title": last.title, "date": format_date(last.on)}
        )
    if len(person.interests) > 1 and len(found) < MAX_QUESTIONS:
        found.append(_("Ask about %(interest)s.") % {"interest": person.interests[1]})
    return found[:MAX_QUESTIONS]


def _known_attendee(
    contact: Contact, encounter: Encounter, history: _History, now: datetime, zone: tzinfo
) -> Attendee:
    person = Attendee(
        name=shown_name(contact),  # in the contact's name order, no honorific
        known=True,
        contact_id=contact.id,
        job_title=contact.title,
        company=contact.company,
    )
    for shown in ("location", "pronouns", "pronunciation"):
        if not contact.is_private(shown):
            setattr(person, shown, getattr(contact, shown))
    person.photo = contact.photo  # beside the name on the card; a monogram without one
    if contact.birthday is not None and not contact.is_private("birthday"):
        meeting_day = encounter.start.astimezone(zone).date()
        person.birthday_soon = birthday_soon(contact.birthday, meeting_day, BIRTHDAY_AHEAD_DAYS)
    # How we met, when and through whom are one story: private as a whole.
    if not contact.is_private("how_we_met"):
        person.how_we_met = contact.how_we_met
        person.met_on = contact.met_on
        if contact.met_through is not None:
            person.met_through = shown_name(contact.met_through)
    if not contact.is_private("interests"):
        person.interests = [i for i in (contact.interests or []) if i]
    if not contact.is_private("notes"):
        person.notes = contact.notes
    person.details = [(d.label, d.value) for d in contact.details if not d.private and d.value]

    before = [
        e
        for e in history.encounters.get(contact.id, [])
        if e.id != encounter.id
        and e.start < encounter.start
        and e.effective_status(now) is EncounterStatus.HELD
    ]
    person.encounters_before = len(before)
    person.past = [
        PastEncounter(e.start.astimezone(zone).date(), e.title) for e in before[:MAX_PAST]
    ]
    for earlier in before:
        reflection = earlier.reflection
        if reflection is not None and not reflection.is_empty():
            person.reflection_on = earlier.start.astimezone(zone).date()
            person.learned = reflection.learned
            person.next_time = reflection.next_time
            person.gratitude = reflection.gratitude
            # Thanked with the whole meeting, or on their own.
            person.thanks_sent = reflection.thanks_sent or any(
                p.contact_id == contact.id and p.thanks_sent_on is not None
                for p in earlier.participations
            )
            break

    today = now.astimezone(zone).date()
    lines = [
        PromiseLine(
            mine=p.direction == PromiseDirection.MINE.value,
            text=p.text,
            due=p.due,
            overdue=p.due is not None and p.due < today,
        )
        for p in history.promises.get(contact.id, [])
    ]
    # Soonest due first (the query's order), capped per direction so that many of my
    # promises never hide all of theirs.
    person.promises = [p for p in lines if p.mine][:MAX_PROMISES] + [
        p for p in lines if not p.mine
    ][:MAX_PROMISES]
    person.questions = _questions(person)
    return person


def _participants(encounter: Encounter, mine: set[str]) -> list[Participation]:
    """The people in the room: no rooms, no me, each person once."""
    seen_contacts: set[int] = set()
    seen_emails: set[str] = set()
    result = []
    for part in encounter.participations:
        if part.role.upper() in _NOT_PEOPLE_ROLES:
            continue
        email = normalise_email(part.email)
        if email and email in mine:
            continue
        if part.contact is None and looks_like_room(part.email, part.name):
            continue  # a room booked by an older import: a place, not a person
        if part.contact is not None:
            if any(e.email in mine for e in part.contact.emails):
                continue
            if part.contact.id in seen_contacts:
                continue
            seen_contacts.add(part.contact.id)
        elif email:
            if email in seen_emails:
                continue
            seen_emails.add(email)
        elif not part.name:
            continue
        result.append(part)
    return result


def _build(encounter: Encounter, history: _History, mine: set[str], now: datetime) -> PrepCard:
    zone, zone_name = _zone_for(encounter)
    card = PrepCard(
        encounter_id=encounter.id,
        title=encounter.title,
        kind=encounter.kind,
        start=encounter.start.astimezone(zone),
        end=encounter.end.astimezone(zone) if encounter.end is not None else None,
        all_day=encounter.all_day,
        zone_name=zone_name,
        location=encounter.location,
        join_url=encounter.join_url,
        intention=encounter.intention,
        agenda=agenda_text(encounter.description or ""),
    )
    known: list[Attendee] = []
    new: list[Attendee] = []
    for part in _participants(encounter, mine):
        if part.reply_status.upper() == "DECLINED":
            card.declined.append(
                shown_name(part.contact) if part.contact else part.name or part.email
            )
            continue
        if part.contact is not None:
            known.append(_known_attendee(part.contact, encounter, history, now, zone))
        else:
            new.append(Attendee(name=part.name or part.email, known=False, email=part.email))
    # Stable sort: equally known people keep the invite's order.
    known.sort(key=lambda a: a.history_score, reverse=True)
    card.attendees = known + new
    return card


def _contact_ids(encounters: list[Encounter]) -> set[int]:
    return {p.contact_id for e in encounters for p in e.participations if p.contact_id is not None}


def build_prep_card(session: Session, encounter_id: int, now: datetime | None = None) -> PrepCard:
    """The card for one encounter. A cancelled meeting has no card (BadInput)."""
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    if encounter.status == EncounterStatus.CANCELLED.value:
        raise BadInput(
            _("encounter %(id)d was cancelled; it has no prep card") % {"id": encounter_id}
        )
    now = now or datetime.now(UTC)
    history = _History(session, _contact_ids([encounter]))
    return _build(encounter, history, my_emails(session), now)


def cards_for_range(
    session: Session, start: datetime, end: datetime, now: datetime | None = None
) -> list[PrepCard]:
    """Cards for every meeting starting in [start, end), in start order; none if cancelled."""
    now = now or datetime.now(UTC)
    stmt = (
        select(Encounter)
        .where(
            Encounter.start >= start,
            Encounter.start < end,
            Encounter.status != EncounterStatus.CANCELLED.value,
        )
        .options(
            selectinload(Encounter.participations)
            .selectinload(Participation.contact)
            .options(undefer(Contact.photo), selectinload(Contact.met_through))
        )
        .order_by(Encounter.start, Encounter.id)
    )
    encounters = list(session.scalars(stmt))
    history = _History(session, _contact_ids(encounters))
    mine = my_emails(session)
    return [_build(e, history, mine, now) for e in encounters]
