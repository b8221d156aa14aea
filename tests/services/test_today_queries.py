"""Pins for the Today and contact-list queries: "last met", keep in touch, the sections.

"Last met" is found in one of two ways (the recent window, or a contact's own
attendances when not met in it); every test of it runs both ways, by moving the window.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from ichigoapp.model import Encounter, EncounterStatus, Participation, PromiseDirection
from ichigoapp.services import today_read
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.lists import contact_rows
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.today import (
    awaiting_reflection,
    keep_in_touch,
    local_today,
    past_cadence,
    promises_due,
    unsent_thanks,
    upcoming_meetings,
)

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
PLANNED = EncounterStatus.PLANNED.value
HELD = EncounterStatus.HELD.value
CANCELLED = EncounterStatus.CANCELLED.value


@pytest.fixture(params=["window", "lookup"])
def last_met_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Everyone found in the recent window, or (almost) everyone looked up one by one."""
    monkeypatch.setattr(today_read, "RECENT_DAYS", 100_000 if request.param == "window" else 0)
    yield request.param


def _meet(
    session: Session, ids: list[int], start: datetime, status: str = PLANNED, title: str = "Meeting"
) -> int:
    e = add_encounter(
        session,
        EncounterInput(
            title=title, start=start, end=start + timedelta(hours=1), contact_ids=ids, status=status
        ),
    )
    return e.id


def _person(session: Session, name: str, cadence: int | None = None) -> int:
    return add_contact(session, ContactInput(name=name, keep_in_touch_days=cadence)).id


def _last_met(session: Session) -> dict[str, datetime | None]:
    return {row.name: row.last_met for row in contact_rows(session, NOW)}


def test_last_met_is_the_latest_meeting_not_cancelled_that_started(
    session: Session, last_met_way: str
) -> None:
    days = [timedelta(days=n) for n in range(2000)]
    old = _person(session, "Old")  # met long ago; later only cancelled or ahead
    _meet(session, [old], NOW - days[400], HELD)
    _meet(session, [old], NOW - days[1500], HELD)
    _meet(session, [old], NOW - days[10], CANCELLED)
    _meet(session, [old], NOW + days[3])
    now_ = _person(session, "Now")  # a meeting starting right now counts
    _meet(session, [now_], NOW)
    _meet(session, [now_], NOW - days[50])
    never = _person(session, "Never")  # cancelled and future meetings only
    _meet(session, [never], NOW - days[5], CANCELLED)
    _meet(session, [never], NOW + days[1])
    _person(session, "Nobody")  # no meeting at all
    planned = _person(session, "Planned")  # a planned meeting whose time passed: held
    _meet(session, [planned], NOW - days[1000])
    _meet(session, [planned], NOW - days[1200], HELD)
    session.flush()
    assert _last_met(session) == {
        "Old": NOW - days[400],
        "Now": NOW,
        "Never": None,
        "Nobody": None,
        "Planned": NOW - days[1000],
    }


def test_keep_in_touch_order_ties_boundary_and_count(session: Session, last_met_way: str) -> None:
    day = timedelta(days=1)
    far = _person(session, "Far", 90)  # overdue by 110 days
    _meet(session, [far], NOW - 200 * day)
    month = _person(session, "Month", 30)  # overdue by 15 days
    tie = _person(session, "Tie", 30)  # same meeting, same cadence: by id after Month
    _meet(session, [month, tie], NOW - 45 * day)
    hour = _person(session, "Hour", 30)  # overdue by an hour
    _meet(session, [hour], NOW - 30 * day - timedelta(hours=1))
    exact = _person(session, "Exact", 30)  # exactly its cadence ago: not yet overdue
    _meet(session, [exact], NOW - 30 * day)
    recent = _person(session, "Recent", 60)  # met lately; the later cancellation is ignored
    _meet(session, [recent], NOW - 20 * day)
    _meet(session, [recent], NOW - 2 * day, CANCELLED)
    ahead = _person(session, "Ahead", 30)  # never met, but a meeting is booked: left out
    _meet(session, [ahead], NOW + 2 * day)
    booked = _person(session, "Booked", 30)  # overdue, and a meeting is booked: left out
    _meet(session, [booked], NOW - 200 * day)
    _meet(session, [booked], NOW + 300 * day)
    off = _person(session, "Off", 30)  # never met; the meeting ahead was cancelled
    _meet(session, [off], NOW + 2 * day, CANCELLED)
    _person(session, "Unmet", 30)  # never met, after Off (by id)
    loose = _person(session, "Loose")  # no cadence: never listed
    _meet(session, [loose], NOW - 900 * day)
    session.flush()

    items = keep_in_touch(session, NOW)
    assert [i.name for i in items] == ["Far", "Month", "Tie", "Hour", "Off", "Unmet"]
    assert items.total == 6
    assert [i.days_since(NOW) for i in items] == [200, 45, 45, 30, None, None]
    assert [i.last_met is None for i in items] == [False] * 4 + [True] * 2
    first = keep_in_touch(session, NOW, limit=2)
    assert [i.name for i in first] == ["Far", "Month"]
    assert first.total == 6 and first.more == 4
    assert keep_in_touch(session, NOW, limit=0).total == 0  # no row, no count (as before)


def test_keep_in_touch_matches_a_plain_reading_of_the_vault(
    session: Session, last_met_way: str
) -> None:
    """Random people and meetings against a straightforward computation in Python."""
    rng = random.Random(4)
    ids = [_person(session, f"P{i:02}", rng.choice((None, 7, 30, 90))) for i in range(40)]
    for n in range(150):
        start = NOW + timedelta(minutes=rng.randrange(-3 * 365 * 1440, 60 * 1440) + 17)
        status = rng.choice((PLANNED, PLANNED, HELD, CANCELLED))
        _meet(session, rng.sample(ids, rng.randrange(0, 4)), start, status, f"M{n}")
    session.flush()

    from sqlalchemy import select

    from ichigoapp.model import Contact

    last: dict[int, datetime] = {}
    booked: set[int] = set()  # people with a meeting ahead are not listed
    for e in session.scalars(select(Encounter)):
        if e.status == CANCELLED:
            continue
        if e.start > NOW:
            booked |= {p.contact_id for p in e.participations if p.contact_id is not None}
            continue
        for p in e.participations:
            if p.contact_id is not None and (
                p.contact_id not in last or last[p.contact_id] < e.start
            ):
                last[p.contact_id] = e.start
    contacts = list(session.scalars(select(Contact).order_by(Contact.id)))
    due = [
        c
        for c in contacts
        if past_cadence(last.get(c.id), c.keep_in_touch_days, NOW) and c.id not in booked
    ]
    left_out = [
        c
        for c in contacts
        if c.id in booked and past_cadence(last.get(c.id), c.keep_in_touch_days, NOW)
    ]
    assert left_out and len(due) > 5  # the data has both kinds
    met = sorted(
        (c for c in due if c.id in last),
        key=lambda c: (last[c.id] + timedelta(days=c.keep_in_touch_days or 0), c.id),
    )
    expected = [c.id for c in met] + [c.id for c in due if c.id not in last]

    items = keep_in_touch(session, NOW)
    assert [i.contact_id for i in items] == expected
    assert [i.last_met for i in items] == [last.get(cid) for cid in expected]
    assert keep_in_touch(session, NOW, limit=5).total == len(expected)
    assert {row.contact_id: row.last_met for row in contact_rows(session, NOW)} == {
        c.id: last.get(c.id) for c in contacts
    }


def test_meeting_sections_list_attendees_and_count_beyond_the_limit(session: Session) -> None:
    zoe = _person(session, "zoe")
    adam = _person(session, "Adam")
    soon = [
        _meet(session, [zoe, adam], NOW + timedelta(hours=h), title=f"Soon {h}") for h in (5, 2, 30)
    ]
    encounter = session.get(Encounter, soon[0])
    assert encounter is not None
    encounter.participations.append(Participation(name="", email="bob@example.org"))
    encounter.participations.append(
        Participation(name="Ann", email="ann@example.org", triage_ignored=True)
    )
    ended = [_meet(session, [adam], NOW - timedelta(days=d), title=f"Ended {d}") for d in (3, 1, 2)]
    _meet(session, [], NOW - timedelta(days=4), title="Alone")  # nobody to reflect on
    reflect(session, _meet(session, [zoe], NOW - timedelta(days=5)), ReflectionInput(learned="x"))
    session.flush()

    ahead = upcoming_meetings(session, NOW, limit=2)
    assert [m.title for m in ahead] == ["Soon 2", "Soon 5"]
    assert ahead.total == 3 and ahead.more == 1
    people = ahead[1].attendees
    assert [a.label for a in people] == ["Adam", "zoe", "Ann", "bob@example.org"]
    assert [a.matched for a in people] == [True, True, False, False]
    assert ahead[1].new_people == 1  # Ann was set aside
    assert upcoming_meetings(session, NOW).total == 3
    assert upcoming_meetings(session, NOW, limit=0).total == 3  # the count alone

    waiting = awaiting_reflection(session, NOW, limit=2)
    assert [m.encounter_id for m in waiting] == [ended[1], ended[2]]
    assert waiting.total == 3
    assert [a.name for a in waiting[0].attendees] == ["Adam"]


@pytest.mark.parametrize("walk", [4096, 1])
def test_unsent_thanks_newest_first_however_far_back(
    session: Session, monkeypatch: pytest.MonkeyPatch, walk: int
) -> None:
    """The walk down the newest encounters, and (walk of 1) the join that takes over."""
    monkeypatch.setattr(today_read, "THANKS_WALK", walk)
    kim = _person(session, "Kim")
    days = [NOW - timedelta(days=d) for d in range(40)]
    said = _meet(session, [kim], days[1])
    newest = _meet(session, [kim], days[2])
    older = _meet(session, [kim], days[9])
    oldest = _meet(session, [], days[30])
    _meet(session, [kim], days[0])  # no reflection
    reflect(session, said, ReflectionInput(gratitude="said", thanks_sent=True))
    reflect(session, newest, ReflectionInput(gratitude="newest"))
    reflect(session, older, ReflectionInput(gratitude="older", learned="a lot"))
    reflect(session, oldest, ReflectionInput(gratitude="oldest"))
    reflect(session, _meet(session, [kim], days[3]), ReflectionInput(learned="no thanks"))
    session.flush()

    first = unsent_thanks(session, limit=2)
    assert [(t.encounter_id, t.gratitude) for t in first] == [(newest, "newest"), (older, "older")]
    assert first.total == 3 and first[0].people == ("Kim",)
    every = unsent_thanks(session)
    assert [t.encounter_id for t in every] == [newest, older, oldest]
    assert every.total == 3 and every[2].people == ()
    assert not unsent_thanks(session, limit=0).items and unsent_thanks(session, limit=0).total == 3


def test_promises_due_first_ones_with_names_and_the_full_count(session: Session) -> None:
    kim = _person(session, "Kim")
    met = _meet(session, [kim], NOW - timedelta(days=1), title="Lunch")
    today_ = local_today(NOW)
    for n, due in enumerate((5, -3, 1, 30, -3)):
        add_promise(
            session,
            text=f"p{n}",
            direction=PromiseDirection.MINE,
            contact_id=kim,
            encounter_id=met if n % 2 else None,
            due=today_ + timedelta(days=due),
        )
    add_promise(session, text="undated", direction=PromiseDirection.THEIRS, contact_id=kim)
    session.flush()

    first = promises_due(session, NOW, limit=3)
    assert [p.text for p in first] == ["p1", "p4", "p2"]  # by due date, then by id
    assert first.total == 4
    assert [(p.contact_name, p.encounter_title) for p in first] == [
        ("Kim", "Lunch"),
        ("Kim", ""),
        ("Kim", ""),
    ]
    assert [p.text for p in promises_due(session, NOW)] == ["p1", "p4", "p2", "p0"]
    assert promises_due(session, NOW, limit=3) == first
    assert promises_due(session, NOW, limit=0).total == 4
