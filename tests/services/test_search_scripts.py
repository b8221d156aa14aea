"""Search in every script: kanji inside a name, a reading in either kana, any width,
and Latin prefixes as before."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from ichigoapp.model.textfold import fold, index_text, query_terms
from ichigoapp.services import contacts
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.search import search


def _add(session: Session, name: str, **fields: Any) -> int:
    return contacts.add_contact(session, contacts.ContactInput(name=name, **fields)).id


def _found(session: Session, query: str, kind: str = "contact") -> list[int]:
    return [h.id for h in search(session, query) if h.kind == kind]


def test_a_given_name_in_kanji_finds_the_full_name(session: Session) -> None:
    hanako = _add(session, "佐藤花子")
    _add(session, "花田太郎")  # 花 too, but not 花子
    session.flush()

    assert _found(session, "花子") == [hanako]
    assert _found(session, "佐藤花子") == [hanako]
    assert _found(session, "藤花") == [hanako]
    # One character: the start of any pair, or the run's last character.
    assert sorted(_found(session, "花")) == sorted([hanako, hanako + 1])
    assert _found(session, "子") == [hanako]
    assert _found(session, "佐藤 花子") == [hanako]  # two words, both in the name
    assert _found(session, "花子 太郎") == []


def test_a_name_written_with_a_space_is_found_without_one(session: Session) -> None:
    ichiro = _add(session, "田中 一郎")
    session.flush()
    assert _found(session, "田中一郎") == [ichiro]
    assert _found(session, "一郎") == [ichiro]


def test_a_reading_in_either_kana_or_width_finds_the_contact(session: Session) -> None:
    tanaka = _add(session, "田中一郎", pronunciation="タナカ イチロウ")
    half_width = _add(session, "鈴木恵", pronunciation="ｽｽﾞｷ ﾒｸﾞﾐ")
    session.flush()

    for typed in ("タナカ", "たなか", "ﾀﾅｶ", "いちろう", "たなかいちろう"):
        assert _found(session, typed) == [tanaka], typed
    for typed in ("すずき", "スズキ", "めぐみ", "ﾒｸﾞﾐ"):
        assert _found(session, typed) == [half_width], typed


def test_full_width_latin_and_latin_in_cjk_text(session: Session) -> None:
    ntt = _add(session, "佐藤花子", company="ＮＴＴデータ")
    abc = _add(session, "Ingrid Solberg", company="ABC Shipping", interests=["茶道", "jazz"])
    session.flush()

    assert _found(session, "ntt") == [ntt]
    assert _found(session, "ＮＴＴ") == [ntt]
    assert _found(session, "データ") == [ntt]
    assert _found(session, "でーた") == [ntt]
    assert _found(session, "ＡＢＣ") == [abc]
    # Interests in Japanese (stored as JSON, whose text escapes them) are found too.
    assert _found(session, "茶道") == [abc]


def test_latin_prefixes_and_accents_work_as_before(session: Session) -> None:
    ingrid = _add(session, "Ingrid Solberg", location="Zürich")
    session.flush()
    for typed in ("sol", "Solb", "i", "ingrid sol", "zur", "ZÜRICH"):
        assert _found(session, typed) == [ingrid], typed


def test_names_and_companies_come_before_other_mentions(session: Session) -> None:
    mention = _add(session, "Yuki Kato", notes="花子さんに紹介してもらった")
    at_company = _add(session, "Ken Mori", company="花子商事")
    named = _add(session, "佐藤花子")
    session.flush()

    found = _found(session, "花子")
    assert found[-1] == mention
    assert set(found[:2]) == {named, at_company}


def test_meetings_and_notes_in_japanese_are_found(session: Session) -> None:
    start = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
    meeting = add_encounter(
        session,
        EncounterInput(title="佐藤さんとランチ", start=start, notes="京都の茶道教室について"),
    ).id
    session.flush()

    assert _found(session, "ランチ", "encounter") == [meeting]
    assert _found(session, "らんち", "encounter") == [meeting]
    assert _found(session, "茶道", "encounter") == [meeting]
    assert _found(session, "教室", "encounter") == [meeting]


def test_query_syntax_is_searched_for_as_text(session: Session) -> None:
    hanako = _add(session, "佐藤花子", notes="AND OR NEAR")
    session.flush()
    assert _found(session, '"花子*') == [hanako]
    assert _found(session, "花子 AND") == [hanako]
    assert search(session, '" * : ( )') == []


def test_snippets_say_where_the_words_were_found(session: Session) -> None:
    _add(session, "佐藤花子", notes="好きなお茶は玉露。\n京都の茶道教室に通っている。")
    session.flush()
    (hit,) = search(session, "茶道", snippets=True)
    assert hit.snippet == "京都の茶道教室に通っている。"
    (plain,) = search(session, "茶道")
    assert plain.snippet == plain.subtitle


def test_the_index_and_the_query_fold_alike() -> None:
    assert fold("ｶﾀｶﾅ ＡＢＣ") == "かたかな abc"
    assert index_text("佐藤 花子") == " 佐藤 藤花 花子 子 "
    assert index_text("Zürich") == "zürich"
    assert query_terms("佐藤花子 sol") == ['"佐藤 藤花 花子"', '"sol"*']
    assert query_terms("ﾀ") == ['"た"*']
