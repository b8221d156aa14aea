"""Prep card data: what the vault says about the people of one meeting, and nothing private."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from ichigoapp import i18n
from ichigoapp.errors import BadInput, NotFound
from ichigoapp.model import EncounterStatus, PromiseDirection
from ichigoapp.services import contacts as contact_svc
from ichigoapp.services import encounters as encounter_svc
from ichigoapp.services import reflections as reflection_svc
from ichigoapp.services.common import local_zone
from ichigoapp.services.me import set_me
from ichigoapp.services.prep_card import build_prep_card, cards_for_range
from tests.prep_data import MEETING_START, NOW, history, meeting, person, unmatched


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Dates and times as CLDR writes them for en_GB (24-hour clock, day before month)."""
    i18n.activate(i18n.Choice("en", "en_GB"))
    yield
    i18n.activate(i18n.Choice("en", "en_US"))


def test_card_carries_history_promises_reflection_and_questions(session: Session) -> None:
    hanako = person(session, "Hanako Sato", 1)
    history(session, hanako, 1, meetings=4, long=False)
    reflection_svc.add_promise(
        session,
        text="send the deck",
        direction=PromiseDirection.MINE,
        contact_id=hanako,
        due=date(2026, 5, 5),
    )
    done = reflection_svc.add_promise(
        session, text="already done", direction=PromiseDirection.MINE, contact_id=hanako
    )
    reflection_svc.set_promise_done(session, done.id, True)
    enc = meeting(session, "Partnership review", [hanako], intention="listen first")

    card = build_prep_card(session, enc.id, now=NOW)

    assert card.title == "Partnership review"
    assert card.intention == "listen first"
    assert card.duration_text == "1 hr 30 mins"
    (who,) = card.attendees
    assert who.name == "Hanako Sato"
    assert who.role_line == "Head of Partnerships, Company 1"
    assert who.how_we_met == "Fintech meetup number 1"
    assert who.encounters_before == 4 and not who.first_meeting
    # The last few, newest first.
    assert [p.title for p in who.past] == ["Catch-up 1.0", "Catch-up 1.1", "Catch-up 1.2"]
    texts = [p.text for p in who.promises]
    assert "send the deck" in texts and "already done" not in texts
    assert {p.lead for p in who.promises} == {"I promised", "They promised"}
    # The latest reflection: the one on the most recent held encounter.
    assert who.next_time == "next-time 1.0"
    assert who.gratitude == "gratitude 1.0" and who.unsent_thanks
    assert 2 <= len(who.questions) <= 3
    assert who.questions[0] == "Last time you noted: next-time 1.0. Ask how it went."
    assert any(q.startswith("They promised promise-theirs") for q in who.questions)


def test_first_meeting_and_people_new_to_you(session: Session) -> None:
    ken = person(session, "Ken Ito", 2)
    enc = meeting(session, "Intro", [ken])
    unmatched(session, enc, "Stranger Danger", "stranger@example.com")
    unmatched(session, enc, "", "noname@example.com")

    card = build_prep_card(session, enc.id, now=NOW)

    assert [a.name for a in card.attendees] == [
        "Ken Ito",
        "Stranger Danger",
        "noname@example.com",
    ]
    assert card.attendees[0].first_meeting and card.attendees[0].past == []
    assert [a.known for a in card.attendees] == [True, False, False]


def test_private_fields_and_details_never_reach_the_card(session: Session) -> None:
    cid = person(
        session,
        "Private Person",
        3,
        details=[("health", "SECRET-DETAIL", True), ("tea", "oolong", False)],
        private_fields=["location", "how_we_met", "interests", "notes"],
        notes="SECRET-NOTE",
    )
    enc = meeting(session, "Private", [cid])

    (who,) = build_prep_card(session, enc.id, now=NOW).attendees

    assert who.details == [("tea", "oolong")]
    assert who.location == "" and who.how_we_met == "" and who.met_on is None
    assert who.interests == [] and who.notes == ""
    assert not any("interest" in q for q in who.questions)


def test_my_own_address_is_not_an_attendee(session: Session) -> None:
    me = person(session, "Me Myself", 4)
    other = person(session, "Someone Else", 5)
    set_me(session, ["p4@example.com", "me@home.example"], [])
    enc = meeting(session, "With me", [me, other])
    unmatched(session, enc, "Me Again", "ME@home.example")

    card = build_prep_card(session, enc.id, now=NOW)

    assert [a.name for a in card.attendees] == ["Someone Else"]


def test_best_known_people_come_first(session: Session) -> None:
    little = person(session, "Little Known", 6, interests=[], details=[])
    lots = person(session, "Well Known", 7)
    history(session, lots, 7, meetings=3, long=False)
    enc = meeting(session, "Ranking", [little, lots])

    card = build_prep_card(session, enc.id, now=NOW)

    assert [a.name for a in card.attendees] == ["Well Known", "Little Known"]


def test_range_skips_cancelled_and_keeps_start_order(session: Session) -> None:
    cid = person(session, "Day Person", 8)
    late = meeting(session, "Late", [cid], start=MEETING_START + timedelta(hours=5))
    early = meeting(session, "Early", [cid], start=MEETING_START - timedelta(hours=2))
    gone = meeting(session, "Gone", [cid], start=MEETING_START)
    encounter_svc.set_status(session, gone.id, EncounterStatus.CANCELLED)
    meeting(session, "Tomorrow", [cid], start=MEETING_START + timedelta(days=1))

    day = MEETING_START.replace(hour=0, minute=0)
    cards = cards_for_range(session, day, day + timedelta(days=1), now=NOW)

    assert [c.title for c in cards] == ["Early", "Late"]
    assert [c.encounter_id for c in cards] == [early.id, late.id]
    with pytest.raises(BadInput, match="cancelled"):
        build_prep_card(session, gone.id)
    with pytest.raises(NotFound):
        build_prep_card(session, 9999)


def test_time_is_shown_in_the_meetings_zone(session: Session) -> None:
    cid = person(session, "Zone Person", 9)
    enc = meeting(session, "Tokyo call", [cid], tz_name="Asia/Tokyo")

    card = build_prep_card(session, enc.id, now=NOW)

    assert card.start.hour == 18 and card.start.minute == 30  # 09:30 UTC in Tokyo
    here = MEETING_START.astimezone(local_zone())
    if here.utcoffset() != card.start.utcoffset():
        # The user's own clock beside it, with the weekday when the date differs.
        day = f"{i18n.format_day_short(here)} " if here.date() != card.start.date() else ""
        ends = (MEETING_START + timedelta(minutes=90)).astimezone(local_zone())
        expected = f"18:30–20:00 Tokyo time · {day}{here:%H:%M}–{ends:%H:%M} your time"
        assert card.time_text == expected
    else:
        assert card.time_text == "18:30–20:00"


def test_a_contact_change_does_not_break_the_card(session: Session) -> None:
    cid = person(session, "Changing Person", 10)
    enc = meeting(session, "After change", [cid])
    contact_svc.update_contact(
        session, cid, contact_svc.ContactInput(name="Changed Name", company="NewCo")
    )
    (who,) = build_prep_card(session, enc.id, now=NOW).attendees
    assert who.name == "Changed Name" and who.company == "NewCo"


def test_a_noted_sentence_keeps_one_full_stop() -> None:
    """One full stop, and "Ask how it went" only after a note that is not already
    something to do."""
    from ichigoapp.services.prep_card import Attendee, _questions

    for note, shown in [
        ("Ask about crime novels.", "Ask about crime novels."),
        ("Her daughter's wedding in May", "Her daughter's wedding in May. Ask how it went."),
        ("Did the move go well?", "Did the move go well? Ask how it went."),
        ("生け花について聞く。", "生け花について聞く。 Ask how it went."),
        ("bring the book", "bring the book."),
        ("Remember: evening MBA", "Remember: evening MBA."),
        ("Follow up on the hiring plan", "Follow up on the hiring plan."),
    ]:
        asked = _questions(Attendee(name="Kim", known=True, next_time=note))
        assert asked[0] == f"Last time you noted: {shown}"
