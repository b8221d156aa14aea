"""Search as you type over the full-text tables kept by triggers."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ichigoapp.services import contacts
from ichigoapp.services.search import search


def _add(session: Session, name: str, **fields: Any) -> int:
    return contacts.add_contact(session, contacts.ContactInput(name=name, **fields)).id


def test_each_contact_is_found_by_its_own_words_only(session: Session) -> None:
    first = _add(session, "Hanako Sato", company="Kobe Steelworks", notes="loves bonsai")
    second = _add(
        session,
        "Taro Suzuki",
        company="Nordlicht",
        notes="plays jazz piano",
        emails=["taro@example.jp"],
    )
    session.flush()

    assert [h.id for h in search(session, "bonsai") if h.kind == "contact"] == [first]
    assert [h.id for h in search(session, "nordl") if h.kind == "contact"] == [second]
    assert [h.id for h in search(session, "taro@exa") if h.kind == "contact"] == [second]


def test_one_letter_finds_names_and_name_hits_come_first(session: Session) -> None:
    mention = _add(session, "Yuki Kato", notes="introduced by Hanako")
    named = _add(session, "Hanako Sato")
    session.flush()

    assert [h.id for h in search(session, "h") if h.kind == "contact"] == [named, mention]
    assert [h.id for h in search(session, "han") if h.kind == "contact"] == [named, mention]
