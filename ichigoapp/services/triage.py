"""The "new people" list behind the triage dialog: plain data and the three decisions.

An unknown attendee is every participation with no contact that was not ignored, grouped
by address (or, for invites that gave only a name, by that name), so one person met in
ten meetings is one decision, not ten. Suggestions (a name equal to a contact's, a
title like "Coffee with Hanako") are only offered; nothing here links silently.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.i18n import _
from ichigoapp.importers.normalise import normalise_email
from ichigoapp.model import Contact, Encounter, EncounterStatus, Participation
from ichigoapp.services.common import get_or_fail
from ichigoapp.services.contacts import ContactInput, add_contact, find_by_email
from ichigoapp.services.encounters import link_participant

MAX_SUGGESTIONS = 3
# "Coffee with Hanako", "Lunch w/ Kwame & Ingrid", "Call with Dr. Mensah (Accra)".
_WITH = re.compile(r"\b(?:with|w/)\s+(.+)$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|&|\+|/|\band\b)\s*", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*[(\[].*$")


@dataclass(frozen=True, slots=True)
class MeetingRef:
    encounter_id: int
    title: str
    start: datetime
    cancelled: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    contact_id: int
    name: str
    subtitle: str
    reason: str


@dataclass(frozen=True, slots=True)
class NewPerson:
    key: str  # the address, or "name:<name>" when the invite gave none
    name: str
    email: str
    participation_ids: tuple[int, ...]
    meetings: tuple[MeetingRef, ...]
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.email or "(unnamed)"

    def next_meeting(self, now: datetime) -> MeetingRef | None:
        ahead = [m for m in self.meetings if m.start >= now and not m.cancelled]
        return ahead[0] if ahead else None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def attendee_key(email: str, name: str) -> str | None:
    """Who an attendee is for triage: the address, or the name when the invite gave none."""
    if email:
        return normalise_email(email)
    name = _norm(name)
    return f"name:{name}" if name else None


def _key(part: Participation) -> str | None:
    return attendee_key(part.email, part.name)


def ignored_keys(session: Session) -> set[str]:
    """The attendees the user chose to ignore (``ignore_person``): their later
    appearances, in invites imported afterwards, are ignored as well."""
    rows = session.execute(
        select(Participation.email, Participation.name)
        .where(Participation.contact_id.is_(None), Participation.triage_ignored.is_(True))
        .distinct()
    )
    return {key for email, name in rows if (key := attendee_key(email, name)) is not None}


def _waiting(session: Session, encounter_id: int | None) -> list[Participation]:
    stmt = select(Participation).where(
        Participation.contact_id.is_(None), Participation.triage_ignored.is_(False)
    )
    parts = list(session.scalars(stmt))
    if encounter_id is None:
        return parts
    # Only the people of one meeting, but with every meeting they appear in.
    keys = {_key(p) for p in parts if p.encounter_id == encounter_id}
    return [p for p in parts if _key(p) in keys]


class _ContactIndex:
    """Contacts by full name and by first name, loaded once per listing."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self.by_first: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        rows = session.execute(
            select(
                Contact.id, Contact.display_name, Contact.given_name, Contact.title, Contact.company
            )
        )
        for cid, name, given, title, company in rows:
            entry = (int(cid), str(name), ", ".join(x for x in (title, company) if x))
            self.by_name[_norm(name)].append(entry)
            first = _norm(given) or (_norm(name).split() or [""])[0]
            if first:
                self.by_first[first].append(entry)

    def named_in(self, title: str) -> list[tuple[int, str, str]]:
        """Contacts a meeting title names after "with"."""
        match = _WITH.search(title)
        if match is None:
            return []
        found: list[tuple[int, str, str]] = []
        for chunk in _SPLIT.split(match.group(1)):
            candidate = _norm(_PARENTHESIS.sub("", chunk))
            if not candidate:
                continue
            found += self.by_name.get(candidate, []) or self.by_first.get(candidate, [])
        return found


def _suggestions(
    name: str,
    meetings: Sequence[MeetingRef],
    index: _ContactIndex,
    present: dict[int, set[int]],
) -> tuple[Suggestion, ...]:
    out: dict[int, Suggestion] = {}
    if name:
        for cid, cname, sub in index.by_name.get(_norm(name), []):
            out.setdefault(cid, Suggestion(cid, cname, sub, _("Same name as your contact")))
    first = (_norm(name).split() or [""])[0]
    for meeting in meetings:
        for cid, cname, sub in index.named_in(meeting.title):
            if cid in present.get(meeting.encounter_id, set()):
                continue  # already in that meeting: the unknown person is someone else
            if first and (_norm(cname).split() or [""])[0] != first:
                continue  # the invite's own name says it is someone else
            reason = _("The meeting “{title}” names them").format(title=meeting.title)
            out.setdefault(cid, Suggestion(cid, cname, sub, reason))
    return tuple(list(out.values())[:MAX_SUGGESTIONS])


def new_people(
    session: Session, encounter_id: int | None = None, now: datetime | None = None
) -> list[NewPerson]:
    """Unknown attendees grouped by address; people with the soonest meetings first."""
    now = now or datetime.now(UTC)
    parts = _waiting(session, encounter_id)
    groups: dict[str, list[Participation]] = defaultdict(list)
    for part in parts:
        key = _key(part)
        if key is not None:
            groups[key].append(part)
    if not groups:
        return []
    encounter_ids = {p.encounter_id for p in parts}
    encounters = {
        e.id: e for e in session.scalars(select(Encounter).where(Encounter.id.in_(encounter_ids)))
    }
    present: dict[int, set[int]] = defaultdict(set)
    known = select(Participation.encounter_id, Participation.contact_id).where(
        Participation.encounter_id.in_(encounter_ids), Participation.contact_id.is_not(None)
    )
    for eid, cid in session.execute(known):
        if cid is not None:
            present[int(eid)].add(int(cid))
    index = _ContactIndex(session)

    people = []
    for key, group in groups.items():
        names = Counter(p.name.strip() for p in group if p.name.strip())
        name = names.most_common(1)[0][0] if names else ""
        meetings = sorted(
            {
                MeetingRef(e.id, e.title, e.start, e.status == EncounterStatus.CANCELLED.value)
                for p in group
                if (e := encounters.get(p.encounter_id)) is not None
            },
            key=lambda m: (m.start, m.encounter_id),
        )
        people.append(
            NewPerson(
                key=key,
                name=name,
                email=normalise_email(group[0].email),
                participation_ids=tuple(sorted(p.id for p in group)),
                meetings=tuple(meetings),
                suggestions=_suggestions(name, meetings, index, present),
            )
        )

    def order(person: NewPerson) -> tuple[bool, float, str]:
        upcoming = person.next_meeting(now)
        if upcoming is not None:
            return (False, upcoming.start.timestamp(), person.label.casefold())
        latest = person.meetings[-1].start.timestamp() if person.meetings else 0.0
        return (True, -latest, person.label.casefold())

    people.sort(key=order)
    return people


def _parts(session: Session, ids: Iterable[int]) -> list[Participation]:
    # A re-import may have dropped an attendee meanwhile; what is gone needs no decision.
    found = [session.get(Participation, i) for i in ids]
    return [p for p in found if p is not None]


def link_person(session: Session, participation_ids: Iterable[int], contact_id: int) -> int:
    """Link every appearance of one new person to an existing contact; returns how many."""
    linked = 0
    for part in _parts(session, participation_ids):
        if part.contact_id is None:
            link_participant(session, part.id, contact_id)
            linked += 1
    return linked


def create_contact_for(
    session: Session, participation_ids: Iterable[int], name: str, email: str
) -> int:
    """A new contact (name as the user confirmed it, the invite's address) for every
    appearance of one person; if the address already has an owner, link to them."""
    ids = list(participation_ids)
    contact = find_by_email(session, email) if email else None
    if contact is None:
        contact = add_contact(session, ContactInput(name=name, emails=[email] if email else []))
    link_person(session, ids, contact.id)
    return contact.id


def ignore_person(session: Session, participation_ids: Iterable[int]) -> None:
    """Not someone to keep (a room, a mailing list): stop asking about these appearances,
    and about their appearances in calendars imported later (see ``ignored_keys``)."""
    for part in _parts(session, participation_ids):
        part.triage_ignored = True
    session.flush()


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
