"""Address books pulled from a real Radicale on loopback, changed between syncs by
another client as a phone would: cards become contacts by the one identity rule."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from sqlalchemy import select

from ichigoapp.errors import BadInput
from ichigoapp.model import Contact, ContactEmail, Encounter, Participation
from ichigoapp.services import contacts
from ichigoapp.services.addressbooks import discover_address_books, pick_address_book
from ichigoapp.services.duplicates import find_duplicates
from ichigoapp.services.sources import SourceKind
from ichigoapp.services.syncing import SyncReport, add_and_sync, sync_source
from ichigoapp.store import Vault
from tests.servers import Radicale

TODAY = date(2026, 12, 3)
PHOTO = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 40).decode()


def phone_card(uid: str, first: str, last: str, email: str, *, title: str = "Designer",
               phone: str = "+47 912 34 567") -> str:  # fmt: skip
    """A card as iOS and Android write them: vCard 3.0, grouped labels, a photo."""
    return "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"UID:{uid}",
            f"N:{last};{first};;;",
            f"FN:{first} {last}",
            "ORG:Fjord Studio;",
            f"TITLE:{title}",
            f"item1.EMAIL;type=INTERNET;type=pref:{email}",
            "item1.X-ABLabel:_$!<Work>!$_",
            f"TEL;type=CELL;type=VOICE;type=pref:{phone}",
            "X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/" + first.lower(),
            "CATEGORIES:Design,Oslo",
            "BDAY:1988-04-02",
            f"PHOTO;ENCODING=b;TYPE=PNG:{PHOTO}",
            "END:VCARD",
            "",
        ]
    )


@pytest.fixture
def book(radicale: Radicale) -> str:
    return radicale.make_address_book("Phone", "contacts")


def link(vault: Vault, radicale: Radicale, push: str = "none") -> tuple[int, SyncReport]:
    found = discover_address_books(radicale.url, radicale.user, radicale.password, "Phone")
    return add_and_sync(
        vault.transaction,
        name="Phone",
        kind=SourceKind.CARDDAV,
        url=radicale.url,
        username=radicale.user,
        password=radicale.password,
        calendars=[pick_address_book(found, "")],
        push=push,
        today=TODAY,
    )


def people(vault: Vault) -> dict[str, Contact]:
    with vault.session() as session:
        found = {c.display_name: c for c in session.scalars(select(Contact))}
        for c in found.values():
            _ = (c.emails, c.phones, c.details, c.photo)  # loaded while the session is open
        return found


def test_discovery_finds_the_address_books_and_names_them(radicale: Radicale, book: str) -> None:
    radicale.make_calendar("Work", "work")  # a calendar is not an address book
    found = discover_address_books(radicale.url, radicale.user, radicale.password, "Phone")
    assert [(b.name, b.url) for b in found] == [("Phone", book)]
    with pytest.raises(BadInput, match=r"no address book called 'Work'"):
        pick_address_book(found, "Work")


def test_phone_cards_become_contacts_with_their_fields(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", phone_card("u-ingrid", "Ingrid", "Solberg",
                                                    "ingrid@fjord.example"))  # fmt: skip
    _source, report = link(vault, radicale)
    assert (report.ok, report.pulled_created, report.unlinked) == (True, 1, 0)
    assert report.to_json()["kind"] == "carddav"
    assert set(report.to_json()) >= {"pulled_created", "pulled_updated", "unlinked",
                                     "pushed_created", "conflicts_merged"}  # fmt: skip
    ingrid = people(vault)["Ingrid Solberg"]
    assert [e.email for e in ingrid.emails] == ["ingrid@fjord.example"]
    assert ingrid.phones[0].number == "+47 912 34 567"
    assert (ingrid.company, ingrid.title, ingrid.birthday) == (
        "Fjord Studio", "Designer", date(1988, 4, 2),
    )  # fmt: skip
    assert ingrid.photo is not None and ingrid.photo.startswith(b"\x89PNG")


def test_a_known_person_is_linked_and_a_same_name_stranger_is_not_merged(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    with vault.transaction() as session:
        contacts.add_contact(
            session,
            contacts.ContactInput(name="Ingrid Solberg", emails=["INGRID@fjord.example"],
                                  notes="Met at the Oslo design week"),
        )  # fmt: skip
        contacts.add_contact(
            session, contacts.ContactInput(name="Lena Fischer", emails=["lena@old.example"])
        )
    radicale.put_card(book, "ingrid.vcf", phone_card("u-i", "Ingrid", "Solberg",
                                                    "ingrid@fjord.example"))  # fmt: skip
    lena = phone_card("u-l", "Lena", "Fischer", "lena@elsewhere.example", phone="+49 30 1234")
    radicale.put_card(book, "lena.vcf", lena)
    _source, report = link(vault, radicale)
    assert (report.pulled_created, report.pulled_updated) == (1, 1)
    with vault.session() as session:
        names = sorted(c.display_name for c in session.scalars(select(Contact)))
        assert names == ["Ingrid Solberg", "Lena Fischer", "Lena Fischer"]
        ingrid = session.scalars(
            select(Contact).where(Contact.display_name == "Ingrid Solberg")
        ).one()
        assert ingrid.notes == "Met at the Oslo design week"  # Ichigo's own words stay
        assert ingrid.title == "Designer"
        assert any(d.reason == "same name" for d in find_duplicates(session))


def test_server_changes_are_pulled_and_a_deleted_card_unlinks_and_keeps_history(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", phone_card("u-i", "Ingrid", "Solberg",
                                                    "ingrid@fjord.example"))  # fmt: skip
    kofi_card = phone_card("u-k", "Kofi", "Mensah", "kofi@example.com", phone="+233 20 555 0101")
    radicale.put_card(book, "kofi.vcf", kofi_card)
    source, _report = link(vault, radicale)
    with vault.transaction() as session:
        kofi = session.scalars(
            select(Contact).join(ContactEmail).where(ContactEmail.email == "kofi@example.com")
        ).one()
        kofi.notes = "Prefers mornings"
        from datetime import UTC, datetime

        meeting = Encounter(title="Coffee", start=datetime(2026, 11, 2, 9, tzinfo=UTC))
        meeting.participations.append(Participation(contact_id=kofi.id, email="kofi@example.com"))
        session.add(meeting)

    # The phone's user changes Ingrid's title and deletes Kofi.
    promoted = phone_card("u-i", "Ingrid", "Solberg", "ingrid@fjord.example", title="Partner")
    radicale.put_card(book, "ingrid.vcf", promoted)
    radicale.delete_card(book, "kofi.vcf")
    second = sync_source(vault.transaction, source, today=TODAY)
    assert (second.ok, second.pulled_updated, second.unlinked) == (True, 1, 1)
    found = people(vault)
    assert found["Ingrid Solberg"].title == "Partner"
    assert found["Kofi Mensah"].notes == "Prefers mornings"  # kept, with his history
    with vault.session() as session:
        assert session.scalars(select(Encounter)).one().participations[0].contact_id is not None

    third = sync_source(vault.transaction, source, today=TODAY)
    assert third.ok and third.not_modified
    assert (third.pulled_created, third.pulled_updated, third.unlinked) == (0, 0, 0)


def test_a_wrong_password_adds_nothing(vault: Vault, radicale: Radicale, book: str) -> None:
    from ichigoapp.errors import SyncFailed

    with pytest.raises(SyncFailed, match=r"^the server refused the password for 'Phone'$"):
        discover_address_books(radicale.url, radicale.user, "wrong", "Phone")
    assert people(vault) == {}
