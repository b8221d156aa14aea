"""The vCard export carries every shareable field, leaves out private ones, reads back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ichigoapp.model import Contact
from ichigoapp.services import contacts
from ichigoapp.services.contacts import ContactInput, contact_detail
from ichigoapp.services.contacts_io import export_vcard, import_contacts_file
from ichigoapp.store import KeyMode, Vault, create_vault
from tests.services.full_contact import full_contact

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"

# Keys of `contacts show --json` that a card cannot carry: the vault's own bookkeeping,
# the history, and met_through, which names a person and so is not joined on a name.
_NOT_ON_A_CARD = {"id", "created_at", "updated_at", "changes", "private_fields"}
_NOT_ON_A_CARD |= {"met_through", "met_through_id"}
_HISTORY = {"encounters", "promises", "reflections", "last_seen", "next_meeting"}


def _card_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _NOT_ON_A_CARD | _HISTORY}


def _read_back(text: str, tmp_path: Path, name: str) -> dict[str, Any]:
    """The contact called ``name`` that the cards make in a new vault."""
    card = tmp_path / "cards.vcf"
    card.write_text(text, encoding="utf-8")
    copy: Vault = create_vault(tmp_path / "copy.vault", mode=KeyMode.KEYCHAIN)
    with copy:
        import_contacts_file(copy.transaction, card)
        with copy.session() as s:
            [made] = [c.id for c in contacts.list_contacts(s) if c.display_name == name]
            return contact_detail(s, made)


def test_every_shareable_field_goes_out_and_comes_back(session: Session, tmp_path: Path) -> None:
    introducer = contacts.add_contact(session, ContactInput(name="Introducer")).id
    person = full_contact(session, 1, introducer)  # its location is private
    session.commit()
    session.expire_all()  # export what is stored
    text = export_vcard(session)
    for line in (
        "BDAY:19810101",
        "PRONOUNS:pronouns 1",
        "X-ICHIGO-PRONUNCIATION:reading 1",
        "X-ICHIGO-HOW-WE-MET:Met at event 1",
        "X-ICHIGO-MET-THROUGH:Introducer",
        "X-ICHIGO-MET-ON:2020-01-01",
        "X-ICHIGO-INTERESTS:interest 1,tea",
        "X-ICHIGO-DETAIL;X-LABEL=Detail 1:value 1",
        "X-ICHIGO-KEEP-IN-TOUCH-DAYS:30",
        "NOTE:Notes of 1",
        "CATEGORIES:shared,tag1",
        "PHOTO:data:application/octet-stream;base64,",
    ):
        assert f"\r\n{line}" in text, line
    assert "City 1" not in text

    original = _card_fields(contact_detail(session, person))
    back = _card_fields(_read_back(text, tmp_path, "Person 1"))
    assert back == {**original, "location": ""}


def test_private_fields_stay_home_unless_asked_for(session: Session) -> None:
    introducer = contacts.add_contact(session, ContactInput(name="Introducer")).id
    full_contact(session, 2, introducer)  # notes, birthday and one detail are private
    contact = session.get(Contact, 2)
    assert contact is not None
    contact.extra = {"BDAY": "BDAY:19820202", "NOTE": "NOTE:Old note from a card"}
    session.commit()
    shared = export_vcard(session)
    for private in ("Notes of 2", "1982", "value 2", "Old note"):
        assert private not in shared
    assert "PRONOUNS:pronouns 2" in shared
    everything = export_vcard(session, include_private=True)
    for private in ("NOTE:Notes of 2", "BDAY:19820202", "X-LABEL=Detail 2:value 2"):
        assert private in everything


def test_a_google_birthday_without_a_year_comes_out_as_bday(vault: Vault) -> None:
    import_contacts_file(vault.transaction, DATA / "google_contacts_current.csv")
    with vault.session() as s:
        text = export_vcard(s)
    noel = text[text.index("FN:Noel Winter") :]
    noel = noel[: noel.index("END:VCARD")]
    assert "\r\nBDAY:--1224\r\n" in noel
    assert "Birthday" not in noel
