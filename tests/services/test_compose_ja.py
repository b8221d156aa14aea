"""Drafts for a Japanese user: their own composition, the user's words as written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from ichigoapp import i18n
from ichigoapp.errors import BadInput
from ichigoapp.services.compose import followup_draft, thanks_draft
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.me import set_me
from ichigoapp.services.reflections import (
    PromiseDirection,
    ReflectionInput,
    add_promise,
    reflect,
)

TODAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def japanese() -> Iterator[None]:
    i18n.activate(i18n.Choice("ja", "ja_JP"))
    yield
    i18n.activate(i18n.Choice("en", "en_US"))


def _coffee(session: Session, days_ago: int, gratitude: str) -> tuple[int, int]:
    set_me(session, ["mio@example.com"], ["田中美緒"])
    hanako = add_contact(
        session,
        ContactInput(
            name="佐藤花子", family_name="佐藤", given_name="花子", emails=["hanako@midori.example"]
        ),
    ).id
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC) - timedelta(days=days_ago)
    coffee = add_encounter(
        session,
        EncounterInput(
            title="京都の新店舗について",
            kind="coffee",
            start=start,
            end=start + timedelta(hours=1),
            contact_ids=[hanako],
        ),
    ).id
    reflect(session, coffee, ReflectionInput(gratitude=gratitude))
    return hanako, coffee


def test_a_japanese_thank_you_keeps_the_users_words_in_a_polite_frame(session: Session) -> None:
    _hanako, coffee = _coffee(session, 1, "取引先の方を紹介してくださったこと")
    draft = thanks_draft(session, coffee, today=TODAY)
    assert draft.subject == "お礼（京都の新店舗について）"
    assert draft.body == (
        "佐藤様\n\n"
        "いつもお世話になっております。田中美緒です。\n"
        "昨日はコーヒーをご一緒させていただき、ありがとうございました。\n"
        "取引先の方を紹介してくださったこと、心より感謝しております。\n\n"
        "今後ともどうぞよろしくお願いいたします。\n\n"
        "田中美緒"
    )
    assert "様\n" in draft.as_text() and draft.as_text().startswith("宛先: hanako@midori.example")


def test_a_sentence_of_thanks_stands_as_written(session: Session) -> None:
    _hanako, coffee = _coffee(session, 5, "ご紹介いただいた本、とても参考になりました。")
    body = thanks_draft(session, coffee, today=TODAY).body
    assert "先日はコーヒーをご一緒させていただき、ありがとうございました。" in body
    assert "ご紹介いただいた本、とても参考になりました。\n" in body
    assert "心より感謝" not in body


def test_a_japanese_follow_up_names_the_promise(session: Session) -> None:
    hanako, coffee = _coffee(session, 5, "お時間")
    promise = add_promise(
        session,
        text="事例集をお送りする",
        direction=PromiseDirection.MINE,
        encounter_id=coffee,
        contact_id=hanako,
    ).id
    draft = followup_draft(session, promise, today=TODAY)
    assert draft.subject == "お約束の件（京都の新店舗について）"
    assert "先日お約束した「事例集をお送りする」の件でご連絡いたしました。" in draft.body
    assert draft.body.startswith("佐藤様\n\n")


def test_errors_are_japanese(session: Session) -> None:
    _hanako, coffee = _coffee(session, 1, "")
    with pytest.raises(BadInput, match="お礼の内容がまだありません"):
        thanks_draft(session, coffee, today=TODAY)
