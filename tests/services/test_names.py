"""Names in their own order, sorted by their reading, shown without honorifics."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.services import contacts
from ichigoapp.services.lists import contact_choices, contact_rows
from ichigoapp.services.names import full_name, kana_reading, sort_key
from ichigoapp.services.search import search

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _add(session: Session, name: str, **fields: Any) -> int:
    return contacts.add_contact(session, contacts.ContactInput(name=name, **fields)).id


@pytest.mark.parametrize(
    ("display", "given", "family", "order", "shown"),
    [
        # CJK script: family name first, written without a space.
        ("花子 佐藤", "花子", "佐藤", "auto", "佐藤花子"),
        ("佐藤花子", "花子", "佐藤", "auto", "佐藤花子"),
        ("김민준", "민준", "김", "auto", "김민준"),
        ("王伟", "伟", "王", "auto", "王伟"),
        ("佐藤花子", "花子", "佐藤", "given-first", "花子 佐藤"),
        # Latin script: as before unless the user says (a Hungarian name).
        ("Hanako Sato", "Hanako", "Sato", "auto", "Hanako Sato"),
        ("Zsófia Horváth", "Zsófia", "Horváth", "auto", "Zsófia Horváth"),
        ("Zsófia Horváth", "Zsófia", "Horváth", "family-first", "Horváth Zsófia"),
        ("Sato Hanako", "Hanako", "Sato", "given-first", "Hanako Sato"),
        # A name typed as something else than the full name is the user's choice.
        ("Hana", "花子", "佐藤", "auto", "Hana"),
        ("Dr. Zsófia Horváth", "Zsófia", "Horváth", "family-first", "Dr. Zsófia Horváth"),
        # Without both parts there is nothing to order.
        ("Cher", "Cher", "", "family-first", "Cher"),
    ],
)
def test_the_full_name_in_its_order(
    display: str, given: str, family: str, order: str, shown: str
) -> None:
    assert full_name(display, given, family, order) == shown


def test_a_kana_reading_orders_a_name() -> None:
    assert kana_reading("サトウ ハナコ") == "さとうはなこ"
    assert kana_reading("ｻﾄｳ") == "さとう"
    assert kana_reading("ZHO-fee-ah") == ""  # not a reading to sort by
    assert sort_key("渡辺健", "わたなべ けん") > sort_key("田中一郎", "タナカ イチロウ")
    assert sort_key("Ingrid Solberg") < sort_key("田中一郎", "たなか")


def test_lists_sort_japanese_names_by_their_reading(session: Session) -> None:
    # By code point 渡 (U+6E21) comes before 田 (U+7530); by reading た before わ.
    watanabe = _add(session, "渡辺健", pronunciation="ワタナベ ケン")
    tanaka = _add(session, "田中一郎", pronunciation="たなか いちろう")
    ingrid = _add(session, "Ingrid Solberg")
    sato = _add(session, "花子 佐藤", given_name="花子", family_name="佐藤", pronunciation="ｻﾄｳ")
    session.flush()

    expected = [ingrid, sato, tanaka, watanabe]
    assert [r.contact_id for r in contact_rows(session, NOW)] == expected
    assert [c.contact_id for c in contact_choices(session)] == expected
    assert [c.id for c in contacts.list_contacts(session)] == expected
    # Shown in their order, with no honorific added anywhere.
    assert [r.name for r in contact_rows(session, NOW)][1] == "佐藤花子"
    assert contacts.contact_summary(contacts.list_contacts(session)[1])["name"] == "佐藤花子"
    assert [h.title for h in search(session, "さとう") + search(session, "花子")] == [
        "佐藤花子",
        "佐藤花子",
    ]
    names = [r.name for r in contact_rows(session, NOW)]
    assert not any(h in n for n in names for h in ("さん", "様", "san"))


def test_the_name_order_is_kept_and_checked(session: Session) -> None:
    cid = _add(
        session,
        "Zsófia Horváth",
        given_name="Zsófia",
        family_name="Horváth",
        name_order="family-first",
    )
    form = contacts.contact_form(session, cid)
    assert form.name_order == "family-first"
    summary = contacts.contact_summary(contacts.list_contacts(session)[0])
    assert summary["name"] == "Horváth Zsófia"
    assert summary["display_name"] == "Zsófia Horváth"
    assert summary["name_order"] == "family-first"
    form.name_order = "sideways"
    with pytest.raises(BadInput, match="given-first"):
        contacts.update_contact(session, cid, form)


def test_today_names_the_people_of_a_meeting_in_their_order(session: Session) -> None:
    from datetime import timedelta

    from ichigoapp.services.encounters import EncounterInput, add_encounter
    from ichigoapp.services.today import today_overview

    hanako = _add(session, "花子 佐藤", given_name="花子", family_name="佐藤")
    zsofia = _add(
        session,
        "Zsófia Horváth",
        given_name="Zsófia",
        family_name="Horváth",
        name_order="family-first",
    )
    data = EncounterInput(
        title="打ち合わせ", start=NOW + timedelta(days=1), contact_ids=[hanako, zsofia]
    )
    add_encounter(session, data)
    session.flush()

    (meeting,) = today_overview(session, NOW, duplicates=False).upcoming
    assert sorted(a.name for a in meeting.attendees) == ["Horváth Zsófia", "佐藤花子"]


def test_today_names_people_to_keep_in_touch_with_promises_and_birthdays_in_order(
    session: Session,
) -> None:
    from datetime import date, timedelta

    from ichigoapp.model import PromiseDirection
    from ichigoapp.services.reflections import add_promise
    from ichigoapp.services.today import today_overview

    hanako = _add(
        session,
        "花子 佐藤",
        given_name="花子",
        family_name="佐藤",
        keep_in_touch_days=30,
        birthday=date(1990, 12, 5),
    )
    add_promise(
        session,
        text="本を送る",
        direction=PromiseDirection.MINE,
        contact_id=hanako,
        due=(NOW + timedelta(days=1)).date(),
    )
    session.flush()

    overview = today_overview(session, NOW, duplicates=False)
    assert [k.name for k in overview.keep_in_touch] == ["佐藤花子"]
    assert [p.contact_name for p in overview.promises_due] == ["佐藤花子"]
    assert [b.name for b in overview.birthdays] == ["佐藤花子"]


def test_reminders_name_the_people_of_a_meeting_in_their_order(session: Session) -> None:
    from datetime import timedelta

    from ichigoapp.services.encounters import EncounterInput, add_encounter
    from ichigoapp.services.reminders import plan

    hanako = _add(session, "花子 佐藤", given_name="花子", family_name="佐藤")
    start = NOW + timedelta(hours=3)
    add_encounter(session, EncounterInput(title="打ち合わせ", start=start, contact_ids=[hanako]))
    session.flush()

    said = " ".join(f"{r.title} {r.body}" for r in plan(session, NOW, NOW + timedelta(days=1)))
    assert "佐藤花子" in said
    assert "花子 佐藤" not in said


def test_one_japanese_name_in_two_orders_is_a_possible_duplicate(session: Session) -> None:
    from ichigoapp.services.duplicates import find_duplicates

    first = _add(session, "佐藤花子")
    second = _add(session, "花子 佐藤")
    _add(session, "佐藤太郎")
    session.flush()

    pairs = [s.ids for s in find_duplicates(session)]
    assert pairs == [(first, second)]


def test_the_json_export_keeps_the_name_as_typed_and_its_order(
    session: Session, tmp_path: Path
) -> None:
    import json

    from ichigoapp.services.json_io import export_json, import_json
    from ichigoapp.store import KeyMode, create_vault

    cid = _add(
        session,
        "Zsófia Horváth",
        given_name="Zsófia",
        family_name="Horváth",
        name_order="family-first",
    )
    session.commit()
    exported = json.loads(json.dumps(export_json(session, now=NOW)))
    (row,) = exported["contacts"]
    assert (row["name"], row["display_name"]) == ("Horváth Zsófia", "Zsófia Horváth")

    with create_vault(tmp_path / "copy.vault", mode=KeyMode.KEYCHAIN) as copy:
        with copy.session() as s:
            import_json(s, exported)
            s.commit()
        with copy.session() as s:
            form = contacts.contact_form(s, cid)
            assert (form.name, form.name_order) == ("Zsófia Horváth", "family-first")
