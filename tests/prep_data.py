"""Build real meetings with history in a vault, through the real services (prep card tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from ichigoapp.model import Encounter, EncounterStatus, Participation, PromiseDirection
from ichigoapp.services import contacts as contact_svc
from ichigoapp.services import encounters as encounter_svc
from ichigoapp.services import reflections as reflection_svc

NOW = datetime(2026, 5, 3, 18, 0, tzinfo=UTC)
MEETING_START = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


@dataclass
class Made:
    encounter_id: int
    contact_ids: list[int] = field(default_factory=list)


def person(session: Session, name: str, n: int, **extra: object) -> int:
    data = contact_svc.ContactInput(
        name=name,
        emails=[f"p{n}@example.com"],
        company=f"Company {n}",
        title="Head of Partnerships",
        location="Zürich",
        how_we_met=f"Fintech meetup number {n}",
        met_on=date(2023, 3, 4),
        interests=[f"interest-{n}-cycling", f"interest-{n}-bonsai"],
        details=[("tea", f"green tea {n}", False)],
    )
    for key, value in extra.items():
        setattr(data, key, value)
    return contact_svc.add_contact(session, data).id


def history(session: Session, contact_id: int, n: int, meetings: int, long: bool = True) -> None:
    """``meetings`` held encounters with reflections and open promises before NOW."""
    filler = " and a longer story about what happened in the last quarter" if long else ""
    for k in range(meetings):
        start = MEETING_START - timedelta(days=30 * (k + 1))
        enc = encounter_svc.add_encounter(
            session,
            encounter_svc.EncounterInput(
                title=f"Catch-up {n}.{k}{filler}",
                start=start,
                end=start + timedelta(hours=1),
                status=EncounterStatus.HELD.value,
                contact_ids=[contact_id],
            ),
        )
        reflection_svc.reflect(
            session,
            enc.id,
            reflection_svc.ReflectionInput(
                learned=f"learned {n}.{k}{filler}",
                gratitude=f"gratitude {n}.{k}",
                next_time=f"next-time {n}.{k}{filler}",
            ),
        )
        reflection_svc.add_promise(
            session,
            text=f"promise-mine {n}.{k}{filler}",
            direction=PromiseDirection.MINE,
            encounter_id=enc.id,
            contact_id=contact_id,
            due=date(2026, 5, 10),
        )
        reflection_svc.add_promise(
            session,
            text=f"promise-theirs {n}.{k}",
            direction=PromiseDirection.THEIRS,
            encounter_id=enc.id,
            contact_id=contact_id,
        )


def meeting(
    session: Session,
    title: str,
    contact_ids: list[int],
    start: datetime = MEETING_START,
    intention: str = "",
    **extra: object,
) -> Encounter:
    enc = encounter_svc.add_encounter(
        session,
        encounter_svc.EncounterInput(
            title=title,
            start=start,
            end=start + timedelta(minutes=90),
            location="Kronenhalle, Zürich",
            intention=intention,
            contact_ids=contact_ids,
        ),
    )
    for key, value in extra.items():
        setattr(enc, key, value)
    session.flush()
    return enc


def unmatched(session: Session, encounter: Encounter, name: str, email: str) -> None:
    encounter.participations.append(Participation(name=name, email=email))
    session.flush()


def big_meeting(session: Session, people: int, rich: int, start: datetime = MEETING_START) -> Made:
    """``people`` attendees; the first ``rich`` of them with long histories."""
    ids = []
    for n in range(people):
        cid = person(session, f"Person{n:02d} Surname", n)
        if n < rich:
            history(session, cid, n, meetings=3 + n % 3)
        ids.append(cid)
    enc = meeting(session, f"Big meeting at {start:%H:%M}", ids, start=start)
    return Made(enc.id, ids)
