"""Thanks per person of a meeting: who is listed on Today, and what marking does."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.model import Encounter, Participation
from ichigoapp.services import today_read
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.json_io import export_json
from ichigoapp.services.me import set_me
from ichigoapp.services.merging import merge_contacts
from ichigoapp.services.prep_card import build_prep_card
from ichigoapp.services.reflections import ReflectionInput, reflect, reflection_of
from ichigoapp.services.thanks import (
    everyone_thanked,
    mark_thanks_sent,
    people_to_thank,
    thanks_status,
)
from ichigoapp.services.today import overview_json, today_overview, unsent_thanks

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
DAY = date(2026, 5, 4)


def _person(session: Session, name: str, email: str = "") -> int:
    return add_contact(session, ContactInput(name=name, emails=[email] if email else [])).id


def _meeting(session: Session, title: str, ids: list[int], days_ago: int = 1) -> int:
    start = NOW - timedelta(days=days_ago)
    encounter = add_encounter(
        session,
        EncounterInput(title=title, start=start, end=start + timedelta(hours=1), contact_ids=ids),
    )
    return encounter.id


def _listed(session: Session) -> list[tuple[int, int | None, str]]:
    return [(t.encounter_id, t.contact_id, t.name) for t in unsent_thanks(session)]


@pytest.fixture
def group(session: Session) -> tuple[int, int, int, int]:
    """A meeting of three, with gratitude written and no thanks said yet."""
    ama = _person(session, "Ama Owusu")
    kofi = _person(session, "Kofi Mensah")
    lena = _person(session, "Lena Fischer")
    walk = _meeting(session, "Harbour walk", [kofi, ama, lena])
    reflect(session, walk, ReflectionInput(gratitude="the tour of the harbour"))
    return walk, ama, kofi, lena


@pytest.mark.parametrize("walk_length", [4096, 1])
def test_a_group_meeting_lists_each_person_to_thank(
    session: Session,
    group: tuple[int, int, int, int],
    monkeypatch: pytest.MonkeyPatch,
    walk_length: int,
) -> None:
    """Through the walk down the newest meetings, and (1) the join that takes over."""
    monkeypatch.setattr(today_read, "THANKS_WALK", walk_length)
    walk, ama, kofi, lena = group
    # A newer meeting thanked as a whole is passed over.
    done = _meeting(session, "Done", [ama], days_ago=0)
    reflect(session, done, ReflectionInput(gratitude="x", thanks_sent=True))
    assert _listed(session) == [
        (walk, ama, "Ama Owusu"),
        (walk, kofi, "Kofi Mensah"),
        (walk, lena, "Lena Fischer"),
    ]
    listing = unsent_thanks(session, limit=2)
    assert len(listing.items) == 2 and listing.total == 3 and listing.more == 1
    assert unsent_thanks(session, limit=0).total == 3
    [row] = [
        r
        for r in overview_json(today_overview(session, NOW))["thanks_to_send"]
        if r["contact_id"] == kofi
    ]
    assert row == {
        "encounter_id": walk,
        "title": "Harbour walk",
        "start": row["start"],
        "gratitude": "the tour of the harbour",
        "people": ["Kofi Mensah"],
        "contact_id": kofi,
        "contact_name": "Kofi Mensah",
    }


def test_marking_one_person_leaves_the_others_and_the_last_marks_the_meeting(
    session: Session, group: tuple[int, int, int, int]
) -> None:
    walk, ama, kofi, lena = group
    marked = mark_thanks_sent(session, walk, kofi, on=DAY)
    assert marked.contact_ids == (kofi,) and not marked.everyone
    assert _listed(session) == [(walk, ama, "Ama Owusu"), (walk, lena, "Lena Fischer")]
    reflection = reflection_of(session, walk)
    assert reflection is not None and reflection.thanks_sent is False
    assert not everyone_thanked(session, walk)
    status = thanks_status(session, walk)
    assert [(p["name"], p["thanked_on"]) for p in status["people"]] == [
        ("Ama Owusu", None),
        ("Kofi Mensah", "2026-05-04"),
        ("Lena Fischer", None),
    ]

    mark_thanks_sent(session, walk, ama, on=DAY)
    assert mark_thanks_sent(session, walk, lena, on=DAY).everyone
    assert _listed(session) == []
    reflection = reflection_of(session, walk)
    assert reflection is not None and reflection.thanks_sent is True


def test_marking_the_meeting_marks_everyone_and_taking_it_back_unmarks_them(
    session: Session, group: tuple[int, int, int, int]
) -> None:
    walk, ama, kofi, lena = group
    marked = mark_thanks_sent(session, walk, on=DAY)
    assert marked.everyone and set(marked.contact_ids) == {ama, kofi, lena}
    assert _listed(session) == []
    encounter = session.get(Encounter, walk)
    assert encounter is not None
    assert {p.thanks_sent_on for p in encounter.participations} == {DAY}

    # The editor's "I have said thank you" unticked: nobody is thanked any more.
    reflect(session, walk, ReflectionInput(thanks_sent=False))
    assert len(_listed(session)) == 3
    assert {p.thanks_sent_on for p in encounter.participations} == {None}


def test_an_unticked_box_does_not_undo_thanks_said_one_by_one(
    session: Session, group: tuple[int, int, int, int]
) -> None:
    walk, ama, kofi, _lena = group
    mark_thanks_sent(session, walk, kofi, on=DAY)
    # The editor saves every field, the unticked box too.
    reflect(session, walk, ReflectionInput(learned="boats", thanks_sent=False))
    assert kofi not in {cid for _eid, cid, _name in _listed(session)}
    assert ama in {cid for _eid, cid, _name in _listed(session)}


def test_thanks_said_before_the_reflection_count_when_it_is_written(session: Session) -> None:
    kim = _person(session, "Kim Park")
    lunch = _meeting(session, "Lunch", [kim])
    mark_thanks_sent(session, lunch, kim, on=DAY)
    # Still waiting for its reflection: marking thanks wrote none.
    assert session.get(Encounter, lunch).reflection is None  # type: ignore[union-attr]
    reflect(session, lunch, ReflectionInput(gratitude="the dumplings", thanks_sent=False))
    assert _listed(session) == []
    assert reflection_of(session, lunch).thanks_sent is True  # type: ignore[union-attr]


def test_who_is_not_thanked_the_declined_the_room_me_and_the_unknown(session: Session) -> None:
    set_me(session, ["mio@example.com"], ["Mio"])
    me = _person(session, "Mio (me)", "mio@example.com")
    kim = _person(session, "Kim Park")
    declined = _person(session, "Dee Clined")
    meeting = _meeting(session, "Board", [kim, me, declined])
    encounter = session.get(Encounter, meeting)
    assert encounter is not None
    for part in encounter.participations:
        if part.contact_id == declined:
            part.reply_status = "DECLINED"
    encounter.participations.append(Participation(name="Stranger", email="s@example.org"))
    reflect(session, meeting, ReflectionInput(gratitude="a clear decision"))
    assert _listed(session) == [(meeting, kim, "Kim Park")]
    with pytest.raises(BadInput, match=r"Elsewhere \(contact \d+\) was not at “Board”"):
        mark_thanks_sent(session, meeting, _person(session, "Elsewhere"))
    # Marking the meeting marks every attendee, the one not yet a contact too: once
    # triaged, they are not listed as still to thank.
    mark_thanks_sent(session, meeting, on=DAY)
    assert {p.thanks_sent_on for p in encounter.participations} == {DAY}


def test_a_meeting_without_known_people_is_one_row(session: Session) -> None:
    call = _meeting(session, "Call with a stranger", [])
    encounter = session.get(Encounter, call)
    assert encounter is not None
    encounter.participations.append(Participation(name="Stranger", email="s@example.org"))
    alone = _meeting(session, "Alone", [], days_ago=2)
    reflect(session, call, ReflectionInput(gratitude="their patience"))
    reflect(session, alone, ReflectionInput(gratitude="quiet"))
    assert _listed(session) == [(call, None, ""), (alone, None, "")]
    assert unsent_thanks(session).total == 2
    mark_thanks_sent(session, call)
    assert _listed(session) == [(alone, None, "")]


def test_a_meeting_with_nobody_keeps_its_mark_on_a_reflection(session: Session) -> None:
    solo = _meeting(session, "Writing day", [])
    mark_thanks_sent(session, solo, on=DAY)
    assert everyone_thanked(session, solo)
    assert session.get(Encounter, solo).reflection is not None  # type: ignore[union-attr]


def test_merging_two_records_of_one_person_keeps_their_thanks(session: Session) -> None:
    keep = _person(session, "Kim Park")
    other = _person(session, "Kim P.")
    both = _meeting(session, "Both of them", [keep, other])
    reflect(session, both, ReflectionInput(gratitude="the map"))
    mark_thanks_sent(session, both, other, on=DAY)
    merge_contacts(session, keep, other)
    session.flush()
    assert people_to_thank(session, [both])[both][0].thanked_on == DAY
    assert _listed(session) == []


def test_the_export_carries_each_persons_thanks(
    session: Session, group: tuple[int, int, int, int]
) -> None:
    walk, _ama, kofi, _lena = group
    mark_thanks_sent(session, walk, kofi, on=DAY)
    session.commit()
    [meeting] = [e for e in export_json(session, now=NOW)["encounters"] if e["id"] == walk]
    said = {p["contact_id"]: p["thanks_sent_on"] for p in meeting["participants"]}
    assert said[kofi] == "2026-05-04" and list(said.values()).count(None) == 2


def test_the_prep_card_says_thanks_not_sent_to_this_person_only(
    session: Session, group: tuple[int, int, int, int]
) -> None:
    walk, ama, kofi, _lena = group
    mark_thanks_sent(session, walk, kofi, on=DAY)
    start = NOW + timedelta(days=1)
    again = add_encounter(
        session,
        EncounterInput(
            title="Again", start=start, end=start + timedelta(hours=1), contact_ids=[ama, kofi]
        ),
    ).id
    card = build_prep_card(session, again, now=NOW)
    unsent = {a.name: a.unsent_thanks for a in card.attendees}
    assert unsent == {"Ama Owusu": True, "Kofi Mensah": False}
