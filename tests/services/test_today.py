"""The Today overview and the list rows the app shows, over a real vault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ichigoapp.model import EncounterStatus, Participation, PromiseDirection
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.lists import (
    EncounterScope,
    TimelineKind,
    contact_rows,
    contact_timeline,
    encounter_rows,
)
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.today import keep_in_touch, local_today, today_overview
from ichigoapp.services.triage import create_contact_from_attendee

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _meeting(
    session: Session,
    title: str,
    start: datetime,
    ids: list[int],
    status: str = EncounterStatus.PLANNED.value,
) -> int:
    e = add_encounter(
        session,
        EncounterInput(
            title=title, start=start, end=start + timedelta(hours=1), contact_ids=ids, status=status
        ),
    )
    return e.id


def test_overview_sections(session: Session) -> None:
    hana = add_contact(session, ContactInput(name="Hanako", keep_in_touch_days=30))
    kofi = add_contact(session, ContactInput(name="Kofi"))
    soon = _meeting(session, "Coffee", NOW + timedelta(days=2), [hana.id])
    _meeting(session, "Too far", NOW + timedelta(days=8), [hana.id])
    _meeting(
        session, "Cancelled", NOW + timedelta(days=1), [hana.id], EncounterStatus.CANCELLED.value
    )
    ended = _meeting(session, "Ended", NOW - timedelta(days=40), [kofi.id])
    recent = _meeting(session, "Recent", NOW - timedelta(hours=3), [kofi.id])
    from ichigoapp.model import Encounter

    enc = session.get(Encounter, soon)
    assert enc is not None
    enc.participations.append(Participation(name="New Person", email="new@example.org"))
    today = local_today(NOW)
    add_promise(
        session,
        text="overdue",
        direction=PromiseDirection.MINE,
        contact_id=kofi.id,
        due=today - timedelta(days=2),
    )
    add_promise(
        session,
        text="later",
        direction=PromiseDirection.THEIRS,
        contact_id=kofi.id,
        due=today + timedelta(days=20),
    )
    reflect(session, ended, ReflectionInput(gratitude="their time"))
    session.flush()

    o = today_overview(session, NOW)
    assert [m.title for m in o.upcoming] == ["Coffee"]
    assert o.upcoming[0].new_people == 1 and o.new_people == 1
    assert [m.encounter_id for m in o.awaiting_reflection] == [recent]
    assert [p.text for p in o.promises_due] == ["overdue"]
    assert o.promises_due[0].overdue(today)
    assert [t.gratitude for t in o.unsent_thanks] == ["their time"]
    # Never met, cadence set, but "Coffee" is booked with her: nobody to get in touch with.
    assert [k.name for k in o.keep_in_touch] == []
    assert not o.is_calm


def test_keep_in_touch_respects_cadence(session: Session) -> None:
    a = add_contact(session, ContactInput(name="Recent", keep_in_touch_days=30))
    b = add_contact(session, ContactInput(name="Overdue", keep_in_touch_days=30))
    _meeting(session, "x", NOW - timedelta(days=5), [a.id])
    _meeting(session, "y", NOW - timedelta(days=50), [b.id])
    items = keep_in_touch(session, NOW)
    assert [i.name for i in items] == ["Overdue"]
    assert items[0].days_since(NOW) == 50


def test_rows_scopes_and_timeline(session: Session) -> None:
    c = add_contact(session, ContactInput(name="Mai"))
    past = _meeting(session, "Past", NOW - timedelta(days=3), [c.id])
    _meeting(session, "Next", NOW + timedelta(days=3), [c.id])
    _meeting(session, "Off", NOW - timedelta(days=1), [c.id], EncounterStatus.CANCELLED.value)
    reflect(session, past, ReflectionInput(learned="loves pho"))
    add_promise(
        session,
        text="send book",
        direction=PromiseDirection.MINE,
        contact_id=c.id,
        encounter_id=past,
    )
    session.flush()
    titles = {s: [r.title for r in encounter_rows(session, NOW, s)] for s in EncounterScope}
    assert titles[EncounterScope.UPCOMING] == ["Next"]
    assert titles[EncounterScope.PAST] == ["Past"]
    assert titles[EncounterScope.CANCELLED] == ["Off"]
    assert len(titles[EncounterScope.ALL]) == 3
    (row,) = contact_rows(session, NOW)
    assert row.last_met is not None and row.last_met.date() == (NOW - timedelta(days=3)).date()
    kinds = [t.kind for t in contact_timeline(session, c.id, NOW)]
    assert TimelineKind.REFLECTION in kinds and TimelineKind.PROMISE in kinds
    assert kinds.count(TimelineKind.ENCOUNTER) == 3


def test_create_contact_from_attendee_links_every_appearance(session: Session) -> None:
    a = _meeting(session, "One", NOW, [])
    b = _meeting(session, "Two", NOW + timedelta(days=1), [])
    from ichigoapp.model import Encounter

    parts = []
    for ident in (a, b):
        e = session.get(Encounter, ident)
        assert e is not None
        p = Participation(name="Lena", email="lena@example.org")
        e.participations.append(p)
        parts.append(p)
    session.flush()
    contact = create_contact_from_attendee(session, parts[0].id)
    assert contact.display_name == "Lena"
    assert all(p.contact_id == contact.id for p in parts)
