"""Drafts of thanks and follow-ups: what goes in, what never does, and the mailto link."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.model import Encounter, Participation
from ichigoapp.services import wording
from ichigoapp.services.compose import Draft, followup_draft, mailto_uri, thanks_draft
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.me import set_me
from ichigoapp.services.reflections import (
    PromiseDirection,
    ReflectionInput,
    add_promise,
    reflect,
)
from ichigoapp.services.thanks import mark_thanks_sent

# A Tuesday; the meeting was the day before.
TODAY = date(2026, 5, 5)
START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

# What the vault holds about Hanako and the meeting beyond the gratitude line: none of
# it may reach a draft.
SECRETS = {
    "note": "NOTE-her divorce is not public",
    "detail": "DETAIL-recovering from surgery",
    "open detail": "OPENDETAIL-takes genmaicha",
    "interest": "INTEREST-bonsai",
    "how we met": "HOWMET-at the clinic",
    "learned": "LEARNED-the company may close",
    "went well": "WENTWELL-I stayed calm",
    "improve": "IMPROVE-talk less about myself",
    "next time": "NEXTTIME-ask about the lawsuit",
    "meeting notes": "MEETINGNOTES-budget is 40k",
    "intention": "INTENTION-win the contract",
    "other gratitude": "OTHERMEETING-the dinner in Osaka",
}
GRATITUDE = "the tour of the Kinoshita letterpress workshop"


def _draft_text(draft: Draft) -> str:
    """Everything a draft carries, its link decoded too."""
    return "\n".join((draft.subject, draft.body, draft.mailto, unquote(draft.mailto)))


@pytest.fixture
def hanako(session: Session) -> int:
    return add_contact(
        session,
        ContactInput(
            name="Hanako Sato",
            given_name="Hanako",
            emails=["hanako@kinoshita.example", "hanako.home@example.jp"],
            notes=SECRETS["note"],
            interests=[SECRETS["interest"]],
            how_we_met=SECRETS["how we met"],
            details=[("Health", SECRETS["detail"], True), ("Tea", SECRETS["open detail"], False)],
            private_fields=["interests", "how_we_met"],
        ),
    ).id


def _meeting(
    session: Session, ids: list[int], title: str = "Design walk", kind: str = "meeting"
) -> int:
    return add_encounter(
        session,
        EncounterInput(
            title=title,
            start=START,
            end=START + timedelta(hours=1),
            contact_ids=ids,
            kind=kind,
            notes=SECRETS["meeting notes"],
            intention=SECRETS["intention"],
        ),
    ).id


def test_a_thanks_draft_holds_the_gratitude_line_and_nothing_private(
    session: Session, hanako: int
) -> None:
    set_me(session, ["mio@example.com"], ["Mio Tanaka"])
    walk = _meeting(session, [hanako])
    reflect(
        session,
        walk,
        ReflectionInput(
            gratitude=GRATITUDE,
            learned=SECRETS["learned"],
            went_well=SECRETS["went well"],
            improve=SECRETS["improve"],
            next_time=SECRETS["next time"],
        ),
    )
    earlier = _meeting(session, [hanako], title="Dinner in Osaka")
    reflect(session, earlier, ReflectionInput(gratitude=SECRETS["other gratitude"]))

    draft = thanks_draft(session, walk, today=TODAY)

    assert draft.to == ["hanako@kinoshita.example"]
    assert draft.subject == "Thank you — Design walk"
    assert draft.body == (
        "Hi Hanako,\n\n"
        f"Thank you for {GRATITUDE}. I really enjoyed our meeting yesterday.\n\n"
        "I look forward to seeing you again.\n\n"
        "Best wishes,\nMio Tanaka"
    )
    everything = _draft_text(draft)
    assert GRATITUDE in unquote(draft.mailto)
    leaked = [what for what, text in SECRETS.items() if text.split("-")[0] in everything]
    assert leaked == []
    assert draft.as_json() == {
        "to": draft.to,
        "subject": draft.subject,
        "body": draft.body,
        "mailto": draft.mailto,
    }


def test_the_mailto_link_reads_back_as_the_draft() -> None:
    to = ["hanako+tea@kinoshita.example", "o'brien@example.ie"]
    subject = "Thank you — Tea & tasting? 100% yes #1"
    body = "Hi Hanako & Kofi,\n\nこんにちは. A + B = C; see https://example.org/?a=1&b=2\n\nMio"
    uri = mailto_uri(to, subject, body)
    parts = urlsplit(uri)
    assert parts.scheme == "mailto"
    assert [unquote(a) for a in parts.path.split(",")] == to
    fields = parse_qs(parts.query, strict_parsing=True)
    assert fields == {"subject": [subject], "body": [body.replace("\n", "\r\n")]}
    # RFC 6068: spaces as %20 never "+", line breaks as %0D%0A, nothing left raw.
    assert " " not in uri and "\n" not in uri and "%0D%0A" in uri
    assert uri.isascii() and "+" not in parts.query


def test_a_group_draft_greets_everyone_still_to_thank(session: Session, hanako: int) -> None:
    kofi = add_contact(session, ContactInput(name="Kofi Mensah", emails=["kofi@accra.example"])).id
    ama = add_contact(session, ContactInput(name="Ama Owusu", emails=["ama@accra.example"])).id
    lunch = _meeting(session, [hanako, kofi, ama], title="Lunch at Sora", kind="meal")
    reflect(session, lunch, ReflectionInput(gratitude="Their patience with my questions"))

    draft = thanks_draft(session, lunch, today=TODAY)
    assert draft.to == ["ama@accra.example", "hanako@kinoshita.example", "kofi@accra.example"]
    assert draft.body.startswith(
        "Hi Ama, Hanako and Kofi,\n\n"
        "Thank you for your patience with my questions. I really enjoyed our meal yesterday."
        "\n\nI look forward to seeing you all again."
    )

    mark_thanks_sent(session, lunch, ama)
    assert thanks_draft(session, lunch, today=TODAY).to == [
        "hanako@kinoshita.example",
        "kofi@accra.example",
    ]
    one = thanks_draft(session, lunch, kofi, today=TODAY)
    assert one.to == ["kofi@accra.example"] and one.body.startswith("Hi Kofi,")
    # All thanked: writing to the meeting again goes to everyone.
    mark_thanks_sent(session, lunch)
    assert len(thanks_draft(session, lunch, today=TODAY).to) == 3


def test_addresses_the_invite_used_mine_never_and_private_ones_only_alone(
    session: Session, hanako: int
) -> None:
    set_me(session, ["mio@example.com"], [])
    kofi = add_contact(
        session,
        ContactInput(
            name="Kofi Mensah",
            emails=["kofi.private@example.org"],
            private_fields=["emails"],
        ),
    ).id
    walk = _meeting(session, [hanako, kofi])
    encounter = session.get(Encounter, walk)
    assert encounter is not None
    for part in encounter.participations:
        if part.contact_id == hanako:
            part.email = "hanako.home@example.jp"  # the address the invite used
    encounter.participations.append(Participation(name="Me", email="mio@example.com"))
    reflect(session, walk, ReflectionInput(gratitude="Her time"))

    group = thanks_draft(session, walk, today=TODAY)
    # Kofi's only address is private: a group would show it to Hanako.
    assert group.to == ["hanako.home@example.jp"] and group.left_out == ("Kofi Mensah",)
    assert "mio@example.com" not in group.mailto
    assert "(No e-mail address known for Kofi Mensah.)" in group.as_text()
    alone = thanks_draft(session, walk, kofi, today=TODAY)
    assert alone.to == ["kofi.private@example.org"]
    assert "Thank you for your time." in alone.body


def test_thanks_draft_errors_say_what_is_missing(session: Session, hanako: int) -> None:
    walk = _meeting(session, [hanako])
    with pytest.raises(BadInput, match="write the gratitude of “Design walk”"):
        thanks_draft(session, walk)
    reflect(session, walk, ReflectionInput(learned="a lot"))
    with pytest.raises(BadInput, match="nothing to thank for yet"):
        thanks_draft(session, walk)
    # An unsaved gratitude line (the editor's) is enough.
    assert "Thank you for the tea." in thanks_draft(session, walk, gratitude="The tea").body
    with pytest.raises(BadInput, match="no encounter with id 999"):
        thanks_draft(session, 999, gratitude="x")
    with pytest.raises(BadInput, match="no contact with id 999"):
        thanks_draft(session, walk, 999, gratitude="x")
    nobody = add_contact(session, ContactInput(name="No Address")).id
    with pytest.raises(BadInput, match=r"No Address .* was not at “Design walk”"):
        thanks_draft(session, walk, nobody, gratitude="x")
    alone = _meeting(session, [nobody], title="Quiet tea")
    with pytest.raises(BadInput, match=r"^no e-mail address known for No Address$"):
        thanks_draft(session, alone, gratitude="x")
    empty = _meeting(session, [], title="Nobody known")
    with pytest.raises(BadInput, match="nobody of “Nobody known” is in your contacts yet"):
        thanks_draft(session, empty, gratitude="x")


def test_a_followup_hands_over_what_was_promised(session: Session, hanako: int) -> None:
    set_me(session, [], ["Mio"])
    walk = _meeting(session, [hanako])
    slides = add_promise(
        session,
        text="Send her the slides from Berlin",
        direction=PromiseDirection.MINE,
        encounter_id=walk,
        contact_id=hanako,
    ).id
    draft = followup_draft(session, slides, today=TODAY)
    assert draft.to == ["hanako@kinoshita.example"]
    assert draft.subject == "As promised: the slides from Berlin"
    assert draft.body == (
        "Hi Hanako,\n\n"
        "As promised when we met yesterday, here are the slides from Berlin. "
        "I hope they are useful.\n\nBest wishes,\nMio"
    )
    assert [
        what for what, text in SECRETS.items() if text.split("-")[0] in _draft_text(draft)
    ] == []

    intro = add_promise(
        session,
        text="Introduce Hanako to Priya",
        direction=PromiseDirection.MINE,
        encounter_id=walk,
        contact_id=hanako,
    ).id
    draft = followup_draft(session, intro, today=TODAY + timedelta(days=30))
    assert draft.subject == "Following up — Design walk"
    assert "When we met on Monday 4 May, I promised to introduce you to Priya." in draft.body


def test_followup_errors(session: Session, hanako: int) -> None:
    theirs = add_promise(
        session, text="Send the pilot results", direction=PromiseDirection.THEIRS, contact_id=hanako
    ).id
    with pytest.raises(BadInput, match="one Hanako Sato made to you"):
        followup_draft(session, theirs)
    nobody = add_promise(session, text="Write it up", direction=PromiseDirection.MINE).id
    with pytest.raises(BadInput, match="is not to anyone"):
        followup_draft(session, nobody)
    mute = add_contact(session, ContactInput(name="No Address")).id
    to_mute = add_promise(
        session, text="Call back", direction=PromiseDirection.MINE, contact_id=mute
    ).id
    with pytest.raises(BadInput, match="no e-mail address known for No Address"):
        followup_draft(session, to_mute)
    with pytest.raises(BadInput, match="no promise with id 999"):
        followup_draft(session, 999)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Her time", "Thank you for your time."),
        ("the introduction to Ama", "Thank you for the introduction to Ama."),
        ("Thankful for the intro to Kofi.", "Thank you for the intro to Kofi."),
        ("Grateful to Hanako for her patience", "Thank you for your patience."),
        ("Hanako's advice on the pitch", "Thank you for your advice on the pitch."),
        ("Introducing me to her team", "Thank you for introducing me to your team."),
        ("Priya's tip about the venue", "Thank you for Priya's tip about the venue."),
        ("Thanks for the tea!", "Thanks for the tea!"),
        (
            "Hanako gave me an hour during a very busy week.",
            "You gave me an hour during a very busy week. Thank you so much for that.",
        ),
        (
            "She was so generous with her time",
            "You were so generous with your time. Thank you so much for that.",
        ),
        (
            "They picked a café near my office to save me the trip.",
            "You picked a café near my office to save me the trip. Thank you so much for that.",
        ),
    ],
)
def test_the_gratitude_line_said_to_the_person(line: str, said: str) -> None:
    is_name = {"Priya", "Ama", "Kofi"}.__contains__
    assert wording.gratitude_sentence(line, ["Hanako Sato", "Hanako"], is_name=is_name) == said


def test_to_a_group_only_they_becomes_you() -> None:
    said = wording.gratitude_sentence("Her map and their patience", ["Ama", "Kofi"], single=False)
    assert said == "Thank you for her map and your patience."
    assert wording.greeting(["Ama", "Kofi", "Lena"]) == "Hi Ama, Kofi and Lena,"
    assert wording.greeting([]) == "Hello,"


def test_days_are_said_as_in_a_letter() -> None:
    assert wording.when(TODAY, TODAY) == "today"
    assert wording.when(date(2026, 5, 4), TODAY) == "yesterday"
    assert wording.when(date(2026, 5, 1), TODAY) == "on Friday"
    assert wording.when(date(2026, 4, 20), TODAY) == "on Monday 20 April"
    assert wording.when(date(2025, 12, 24), TODAY) == "on Wednesday 24 December 2025"
