"""A demo vault: plausible people, past encounters with reflections, a week ahead.

Used when the app starts with ``ICHIGO_DEMO=1`` and no vault exists yet, and for
screenshots. Deterministic: the same ``now`` gives the same data (a fixed random seed),
so a demo can be described in documentation and checked by tests.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from ichigoapp import paths
from ichigoapp.importers.birthday import NO_YEAR
from ichigoapp.model import (
    Contact,
    Encounter,
    EncounterKind,
    EncounterStatus,
    Participation,
    PromiseDirection,
)
from ichigoapp.services.common import day_start, local_zone
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.me import set_me
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect

SEED = 20240611
ME_EMAIL = "sam.rivera@example.org"
ME_NAME = "Sam Rivera"


@dataclass(frozen=True)
class _Person:
    name: str
    company: str
    title: str
    location: str
    interests: tuple[str, ...]
    details: tuple[tuple[str, str, bool], ...]
    how_we_met: str
    cadence: int | None = None
    tags: tuple[str, ...] = ()
    pronunciation: str = ""
    pronouns: str = ""
    # A birthday this many days after the demo's day, so Today and the cards show one;
    # born None is a birthday without a year.
    birthday_in_days: int | None = None
    born: int | None = None


def _people() -> tuple[_Person, ...]:
    """The demo's invented people (resources/demo/people.json), in their fixed order."""
    path = paths.resources_dir() / "demo" / "people.json"
    return tuple(
        _Person(
            name=p["name"],
            company=p["company"],
            title=p["title"],
            location=p["location"],
            interests=tuple(p["interests"]),
            details=tuple((label, value, bool(private)) for label, value, private in p["details"]),
            how_we_met=p["how_we_met"],
            cadence=p["cadence"],
            tags=tuple(p["tags"]),
            pronunciation=p.get("pronunciation", ""),
            pronouns=p.get("pronouns", ""),
            birthday_in_days=p.get("birthday_in_days"),
            born=p.get("born"),
        )
        for p in json.loads(path.read_text(encoding="utf-8"))
    )


_MEETING_TOPICS = (
    ("Coffee with {first}", EncounterKind.COFFEE),
    ("Catch-up with {first}", EncounterKind.CALL),
    ("{company} partnership check-in", EncounterKind.MEETING),
    ("Lunch with {first}", EncounterKind.MEAL),
    ("Intro call: {first} and the team", EncounterKind.CALL),
    ("Quarterly review with {company}", EncounterKind.MEETING),
    ("Walk and talk with {first}", EncounterKind.COFFEE),
)

_LEARNED = (
    "{first} is rethinking how {company} measures success: fewer dashboards, more stories.",
    "They are hiring two people next quarter and want help finding kind, senior folks.",
    "{first} grew up near the sea and still swims every morning before work.",
    "The project slipped because of procurement, not because of the team.",
    "{first} cares more about {interest} than I had realised; their eyes lit up.",
    "Their board wants a pilot in two cities before committing.",
    "{first} mentors three young founders and would welcome one more.",
)
_WENT_WELL = (
    "I listened more than I talked and asked one good follow-up question.",
    "We found a small, concrete next step instead of a vague plan.",
    "Arrived early, phone away; the conversation felt unhurried.",
    "I remembered {detail} and it clearly meant something to them.",
    "We laughed a lot; the hard topic came up naturally.",
)
_IMPROVE = (
    "Prepare one question about their world, not only mine.",
    "I ran over time; end five minutes early next time.",
    "I interrupted when they paused. Let silences breathe.",
    "Bring the numbers they asked for last time.",
    "Ask how they are before the agenda.",
)
_GRATITUDE = (
    "{first} gave me an hour during a very busy week.",
    "The introduction to their colleague, offered without my asking.",
    "Honest feedback on our pricing, kindly delivered.",
    "They picked a café near my office to save me the trip.",
    "{first} shared a draft they had not shown anyone yet.",
    "",
)
_NEXT_TIME = (
    "Ask about {interest}.",
    "Follow up on the hiring plan.",
    "Bring the printed case study.",
    "Ask how the pilot in the second city went.",
    "Remember: {detail}.",
)
_MY_PROMISES = (
    "Send the case study PDF",
    "Introduce {first} to Priya",
    "Share the reading list on {interest}",
    "Send a thank-you note",
    "Review the draft proposal",
    "Send the workshop photos",
)
_THEIR_PROMISES = (
    "Send the pilot results",
    "Introduce me to their CFO",
    "Share the procurement timeline",
    "Send the café recommendation in {location}",
    "Reply about the speaking slot",
)
_UPCOMING = (
    ("Coffee with {first}", EncounterKind.COFFEE, 1),
    ("{company} roadmap session", EncounterKind.MEETING, 3),
    ("Lunch with {first}", EncounterKind.MEAL, 1),
    ("Partnership call: {company}", EncounterKind.CALL, 2),
    ("Advisory board prep", EncounterKind.MEETING, 3),
    ("Walk with {first}", EncounterKind.COFFEE, 1),
    ("Intro: {first} meets the data team", EncounterKind.CALL, 2),
    ("Grant review with {company}", EncounterKind.MEETING, 2),
    ("Demo day rehearsal", EncounterKind.EVENT, 3),
    ("Tea with {first}", EncounterKind.COFFEE, 1),
)
_INTENTIONS = (
    "Leave them feeling heard; ask what they need this quarter.",
    "Listen for what worries them; offer one useful introduction.",
    "Thank them properly for last time before anything else.",
    "Find out what would make this year good for them, personally.",
    "",
)
# New people in upcoming invites: not in contacts yet, waiting to be triaged.
_STRANGERS = (
    ("Lena Fischer", "lena.fischer@spree-energy.example"),
    ("Kofi Asante", "kofi@accra-solar.example"),
    ("María José Ruiz", "mjruiz@casaverde.example"),
    ("Ravi Shankar", "ravi.s@northwind.example"),
    ("Emma Thompson", "emma.t@nordlys.example"),
)


def _email(person: _Person) -> str:
    first, *rest = person.name.lower().replace("'", "").split()
    last = rest[-1] if rest else "contact"
    domain = "".join(ch for ch in person.company.lower() if ch.isalnum())[:18]
    # Strip accents so "Şahin" becomes "sahin" rather than losing the letter.
    folded = unicodedata.normalize("NFKD", f"{first}.{last}")
    ascii_name = folded.encode("ascii", "ignore").decode()
    return f"{ascii_name}@{domain}.example"


def _phone(rng: random.Random) -> str:
    return f"+{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _fill(template: str, person: _Person, rng: random.Random) -> str:
    detail = person.details[0][1].lower() if person.details else "their favourite café"
    return template.format(
        first=person.name.split()[0],
        company=person.company,
        interest=rng.choice(person.interests) if person.interests else "their work",
        detail=detail,
        location=person.location,
    )


def _birthday(person: _Person, now: datetime) -> date | None:
    if person.birthday_in_days is None:
        return None
    day = now.astimezone(local_zone()).date() + timedelta(days=person.birthday_in_days)
    if (day.month, day.day) == (2, 29):
        day -= timedelta(days=1)  # so any birth year will do
    return day.replace(year=person.born or NO_YEAR)


def seed_demo(session: Session, now: datetime) -> dict[str, int]:
    """Fill an empty vault with the demo dataset; returns counts of what was made."""
    rng = random.Random(SEED)
    invented = _people()
    set_me(session, [ME_EMAIL], [ME_NAME])
    contacts: list[Contact] = []
    for person in invented:
        given, _, family = person.name.partition(" ")
        private = ["phones"] if rng.random() < 0.3 else []
        contacts.append(
            add_contact(
                session,
                ContactInput(
                    name=person.name,
                    given_name=given,
                    family_name=family,
                    emails=[_email(person)],
                    phones=[_phone(rng)],
                    links=[f"https://www.linkedin.com/in/{_email(person).split('@')[0]}"],
                    company=person.company,
                    title=person.title,
                    location=person.location,
                    how_we_met=person.how_we_met,
                    met_on=(now - timedelta(days=rng.randint(200, 1500))).date(),
                    interests=list(person.interests),
                    details=list(person.details),
                    tags=list(person.tags),
                    keep_in_touch_days=person.cadence,
                    private_fields=private,
                    pronunciation=person.pronunciation,
                    pronouns=person.pronouns,
                    birthday=_birthday(person, now),
                ),
            )
        )
    by_contact = dict(zip(contacts, invented, strict=True))
    zone = local_zone()
    today = now.astimezone(zone).date()
    counts = {
        "contacts": len(contacts),
        "encounters": 0,
        "reflections": 0,
        "promises": 0,
        "upcoming": 0,
        "new_people": 0,
    }

    def make(
        title: str,
        kind: EncounterKind,
        start: datetime,
        minutes: int,
        people: list[Contact],
        status: EncounterStatus,
    ) -> Encounter:
        encounter = Encounter(
            title=title,
            kind=kind.value,
            start=start,
            end=start + timedelta(minutes=minutes),
            status=status.value,
            tz_name=None,
            location=rng.choice(["", "Their office", "Café Komorebi", "Video call"]),
        )
        if encounter.location == "Video call":
            encounter.join_url = f"https://meet.example.com/{rng.randint(100000, 999999)}"
        session.add(encounter)
        for c in people:
            encounter.participations.append(
                Participation(
                    contact=c,
                    name=c.display_name,
                    email=c.primary_email or "",
                    role="REQ-PARTICIPANT",
                    reply_status="ACCEPTED",
                )
            )
        counts["encounters"] += 1
        return encounter

    # ~120 past encounters over the last 18 months, most with a reflection.
    for i in range(120):
        days_ago = rng.randint(1, 540) if i >= 12 else rng.randint(1, 20)
        day = today - timedelta(days=days_ago)
        hour = rng.choice([9, 10, 11, 13, 15, 16])
        start = day_start(day) + timedelta(hours=hour, minutes=rng.choice([0, 30]))
        main = rng.choice(contacts)
        people = [main]
        if rng.random() < 0.3:
            other = rng.choice(contacts)
            if other is not main:
                people.append(other)
        person = by_contact[main]
        title_t, kind = rng.choice(_MEETING_TOPICS)
        cancelled = rng.random() < 0.05
        status = EncounterStatus.CANCELLED if cancelled else EncounterStatus.HELD
        encounter = make(
            _fill(title_t, person, rng), kind, start, rng.choice([30, 45, 60, 90]), people, status
        )
        encounter.intention = _fill(rng.choice(_INTENTIONS), person, rng)
        session.flush()
        # Recent meetings sometimes still wait for a reflection: Today asks for them.
        if cancelled or (days_ago <= 20 and i % 3 == 0):
            continue
        gratitude = _fill(rng.choice(_GRATITUDE), person, rng)
        reflect(
            session,
            encounter.id,
            ReflectionInput(
                learned=_fill(rng.choice(_LEARNED), person, rng),
                went_well=_fill(rng.choice(_WENT_WELL), person, rng),
                improve=_fill(rng.choice(_IMPROVE), person, rng),
                gratitude=gratitude,
                thanks_sent=bool(gratitude) and (days_ago > 30 or rng.random() < 0.5),
                next_time=_fill(rng.choice(_NEXT_TIME), person, rng),
            ),
        )
        counts["reflections"] += 1
        if rng.random() < 0.55:
            mine = rng.random() < 0.6
            texts = _MY_PROMISES if mine else _THEIR_PROMISES
            due = day + timedelta(days=rng.randint(3, 21))
            promise = add_promise(
                session,
                text=_fill(rng.choice(texts), person, rng),
                direction=PromiseDirection.MINE if mine else PromiseDirection.THEIRS,
                encounter_id=encounter.id,
                contact_id=main.id,
                due=due,
            )
            promise.created_at = encounter.end or start
            # Older promises are mostly kept; recent ones are open, some overdue.
            if due < today - timedelta(days=45) or (
                due < today - timedelta(days=10) and rng.random() < 0.6
            ):
                promise.done_on = due - timedelta(days=rng.randint(0, 3))
            counts["promises"] += 1

    # The week ahead: ten meetings, some with people not yet in the contacts.
    strangers = list(_STRANGERS)
    for n, (title_t, kind, size) in enumerate(_UPCOMING):
        day = today + timedelta(days=n % 7 if n < 7 else (n - 6))
        start = day_start(day) + timedelta(hours=9 + (n * 2) % 8, minutes=30 * (n % 2))
        if start <= now:
            start = now + timedelta(hours=2 + n)
        if start >= now + timedelta(days=7):
            start = now + timedelta(days=6, hours=n % 5)
        people = rng.sample(contacts, size)
        person = by_contact[people[0]]
        encounter = make(
            _fill(title_t, person, rng),
            kind,
            start,
            rng.choice([30, 45, 60]),
            people,
            EncounterStatus.PLANNED,
        )
        encounter.intention = _fill(_INTENTIONS[n % 4], person, rng)
        encounter.ical_uid = f"demo-{n}@ichigo.example"
        if n % 2 == 0 and strangers:
            name, email = strangers.pop(0)
            encounter.participations.append(
                Participation(
                    name=name, email=email, role="REQ-PARTICIPANT", reply_status="NEEDS-ACTION"
                )
            )
            counts["new_people"] += 1
        counts["upcoming"] += 1
    session.flush()
    return counts
