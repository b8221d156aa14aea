"""`export --format json` reads back into an empty vault as the same vault."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.model import Contact, NotDuplicate
from ichigoapp.services import contacts, duplicates
from ichigoapp.services.contacts import contact_detail
from ichigoapp.services.demo import seed_demo
from ichigoapp.services.json_io import export_json, import_json
from ichigoapp.store import KeyMode, create_vault
from tests.services.full_contact import full_contact

NOW = datetime(2026, 5, 11, 9, 0, tzinfo=UTC)


def _text(session: Session) -> str:
    return json.dumps(export_json(session, now=NOW), ensure_ascii=False, indent=2)


def _filled(session: Session) -> None:
    seed_demo(session, NOW)
    introducer = session.scalars(select(Contact.id).order_by(Contact.id)).first()
    assert introducer is not None
    a, b = full_contact(session, 1, introducer), full_contact(session, 2, introducer)
    duplicates.not_duplicates(session, a, b)
    session.commit()
    session.expire_all()  # export what is stored, as a new command would read it


def test_export_then_import_json_then_export_is_byte_identical(
    session: Session, tmp_path: Path
) -> None:
    _filled(session)
    first = _text(session)
    shown = {c: contact_detail(session, c) for c in session.scalars(select(Contact.id)).all()}

    copy = create_vault(tmp_path / "copy.vault", mode=KeyMode.KEYCHAIN)
    try:
        with copy.session() as s:
            counts = import_json(s, json.loads(first))
            s.commit()
        with copy.session() as s:
            assert _text(s) == first
            assert {c: contact_detail(s, c) for c in shown} == shown
            assert s.scalars(select(NotDuplicate)).all()
    finally:
        copy.close()
    assert counts["contacts"] == len(shown) and counts["encounters"] > 10
    assert counts["reflections"] > 0 and counts["promises"] > 0


def test_import_json_refuses_a_vault_with_people_and_changes_nothing(
    session: Session,
) -> None:
    _filled(session)
    export = json.loads(_text(session))
    before = _text(session)
    with pytest.raises(BadInput, match="needs an empty vault"):
        import_json(session, export)
    assert _text(session) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "not an Ichigo export"),
        ({"format": "ichigo-export", "version": 1, "contacts": []}, "version 1"),
        ({"format": "ichigo-export", "version": 2}, "incomplete or damaged"),
    ],
)
def test_import_json_names_what_is_wrong_with_a_bad_file(
    session: Session, data: object, message: str
) -> None:
    with pytest.raises(BadInput, match=message):
        import_json(session, data)
    session.rollback()
    assert contacts.list_contacts(session) == []


def test_a_damaged_contact_is_refused_whole(session: Session, tmp_path: Path) -> None:
    _filled(session)
    export = json.loads(_text(session))
    export["contacts"][-1]["met_on"] = "the day after tomorrow"
    with create_vault(tmp_path / "copy.vault", mode=KeyMode.KEYCHAIN) as copy:
        with copy.session() as s, pytest.raises(BadInput, match="damaged"):
            import_json(s, export)
        with copy.session() as s:
            assert s.scalars(select(Contact)).all() == []
