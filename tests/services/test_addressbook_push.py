"""Address books both ways, against a real Radicale on loopback changed between steps by
another client the way a phone would: Ichigo's changes reach the cards, nothing the
phone wrote is lost, nothing private leaves the vault."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from ichigoapp.importers.vcard_edit import read_card
from ichigoapp.model import Contact, ContactEmail, Source, SourceItem
from ichigoapp.services import addressbooks as books
from ichigoapp.services import contacts, encounters, reflections
from ichigoapp.services.syncing import SyncReport, sync_source
from ichigoapp.store import Vault
from ichigoapp.sync.dav import Account
from tests.servers import Radicale
from tests.services import test_addressbooks
from tests.services.test_addressbooks import PHOTO, phone_card

TODAY = date(2026, 12, 3)

# An iPhone's card with what Ichigo does not read: a custom phone label, IMPP, a social
# profile, the phone's own note; its lines must come back byte for byte.
IPHONE_EXTRAS = [
    "item2.TEL:+47 22 00 11 22",
    "item2.X-ABLabel:Boat",
    "IMPP;X-SERVICE-TYPE=Signal;type=pref:x-apple:ingrid.77",
    "X-SOCIALPROFILE;type=twitter;x-user=ingrid:http://twitter.com/ingrid",
    "X-ANNIVERSARY:2015-06-20",
    "NOTE:Gate code 4711",
]


def iphone_card(title: str = "Designer", phone: str = "+47 912 34 567") -> str:
    card = phone_card("u-ingrid", "Ingrid", "Solberg", "ingrid@fjord.example",
                      title=title, phone=phone)  # fmt: skip
    return card.replace("END:VCARD", "\r\n".join(IPHONE_EXTRAS) + "\r\nEND:VCARD")


@pytest.fixture
def book(radicale: Radicale) -> str:
    return radicale.make_address_book("Phone", "contacts")


def link(vault: Vault, radicale: Radicale, push: str = "all") -> tuple[int, SyncReport]:
    return test_addressbooks.link(vault, radicale, push)


@contextmanager
def step_by_step(
    vault: Vault, radicale: Radicale, book: str, source: int, version: str = "3.0"
) -> Iterator[tuple[Account, books.BookPlan, list[books.PushOp]]]:
    """A sync's pull, applied, with its writes prepared but not sent: the test acts in
    between (as another client, or as the user) and then sends them."""
    plan = books.BookPlan(source, "Phone", book, "all", False, version)
    with Account(radicale.url, radicale.user, radicale.password, "Phone") as account:
        change = account.card_changes(book, book_token(vault, source), {})
        with vault.transaction() as session:
            ops = books.sync_book(session, plan, change).ops
        yield account, plan, ops


def sync(vault: Vault, source: int, **kwargs: bool) -> SyncReport:
    report = sync_source(vault.transaction, source, today=TODAY, **kwargs)
    assert report.ok or report.held, report.error
    return report


def contact_id(vault: Vault, email: str) -> int:
    with vault.session() as session:
        return session.scalars(
            select(ContactEmail.contact_id).where(ContactEmail.email == email)
        ).one()


def edit(vault: Vault, cid: int, **changes: object) -> None:
    with vault.transaction() as session:
        form = contacts.contact_form(session, cid)
        contacts.update_contact(session, cid, replace(form, **changes))  # type: ignore[arg-type]


def book_token(vault: Vault, source: int) -> str:
    """The sync token the last sync kept (to replay a sync's steps one by one)."""
    with vault.session() as session:
        row = session.get(Source, source)
        assert row is not None
        return str(json.loads(row.calendars)[0]["token"])


def card_lines(card: str) -> list[str]:
    return [line for line in card.replace("\r\n ", "").split("\r\n") if line]


def test_a_title_changed_in_ichigo_reaches_the_card_and_keeps_every_other_line(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    before = radicale.get_card(book, "ingrid.vcf")
    source, first = link(vault, radicale)
    assert (first.pulled_created, first.pushed_updated, first.pushed_created) == (1, 0, 0)
    ingrid = contact_id(vault, "ingrid@fjord.example")
    edit(vault, ingrid, title="Partner")

    report = sync(vault, source)
    assert (report.pushed_updated, report.pulled_updated) == (1, 0)
    after = radicale.get_card(book, "ingrid.vcf")
    assert "TITLE:Partner" in card_lines(after)
    unchanged = [line for line in card_lines(before) if not line.startswith("TITLE:")]
    assert [line for line in card_lines(after) if not line.startswith("TITLE:")] == unchanged
    # The photo Ichigo did not change is the phone's, byte for byte.
    assert f"PHOTO;ENCODING=b;TYPE=PNG:{PHOTO}" in card_lines(after)

    third = sync(vault, source)
    assert third.not_modified and third.to_json()["pushed_updated"] == 0
    assert radicale.get_card(book, "ingrid.vcf") == after


def test_concurrent_edits_end_with_both_changes_on_both_sides(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    source, _ = link(vault, radicale)
    ingrid = contact_id(vault, "ingrid@fjord.example")
    edit(vault, ingrid, title="Partner")
    radicale.put_card(book, "ingrid.vcf", iphone_card(phone="+47 400 00 001"))

    report = sync(vault, source)
    assert (report.pulled_updated, report.pushed_updated, report.conflicts_merged) == (1, 1, 1)
    card = read_card(radicale.get_card(book, "ingrid.vcf"))
    assert card.title == "Partner" and "+47 400 00 001" in dict(card.phones)
    assert "+47 912 34 567" not in dict(card.phones)
    with vault.session() as session:
        contact = session.get(Contact, ingrid)
        assert contact is not None
        assert contact.title == "Partner"
        numbers = [p.number for p in contact.phones]
        assert "+47 400 00 001" in numbers and "+47 912 34 567" not in numbers


def test_a_card_changed_between_the_pull_and_the_write_is_merged_after_a_412(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    source, _ = link(vault, radicale)
    ingrid = contact_id(vault, "ingrid@fjord.example")
    edit(vault, ingrid, title="Partner")
    with step_by_step(vault, radicale, book, source, "4.0") as (account, plan, ops):
        assert [op.kind for op in ops] == ["update"]
        # The phone saves a new number after Ichigo read the card, before it writes.
        radicale.put_card(book, "ingrid.vcf", iphone_card(phone="+47 400 00 001"))
        pushed = books.push_cards(account, vault.transaction, plan, ops)
    assert (pushed.updated, pushed.merged, pushed.problems) == (1, 1, [])
    with vault.transaction() as session:
        books.record_pushes(session, plan, pushed.done)
    card = read_card(radicale.get_card(book, "ingrid.vcf"))
    assert (card.title, next(p for p, _ in card.phones)) == ("Partner", "+47 400 00 001")
    with vault.session() as session:
        contact = session.get(Contact, ingrid)
        assert contact is not None
        assert "+47 400 00 001" in [p.number for p in contact.phones]
    assert sync(vault, source).pushed_updated == 0  # agreed: nothing left to write


def test_private_words_never_reach_the_server(vault: Vault, radicale: Radicale, book: str) -> None:
    with vault.transaction() as session:
        kofi = contacts.add_contact(
            session,
            contacts.ContactInput(
                name="Kofi Mensah",
                emails=["kofi@example.com"],
                phones=["+233 20 555 0101"],
                company="Accra Labs",
                notes="Thinking of leaving Accra Labs",
                details=[("health", "Recovering from knee surgery", True),
                         ("coffee", "Flat white", False)],
                how_we_met="Introduced by his sister",
                private_fields=["phones"],
            ),
        )  # fmt: skip
        meeting = encounters.add_encounter(
            session,
            encounters.EncounterInput(
                title="Lunch", start=datetime(2026, 11, 20, 12, tzinfo=UTC), contact_ids=[kofi.id]
            ),
        )
        reflections.reflect(
            session, meeting.id, reflections.ReflectionInput(learned="His startup is struggling")
        )
    _source, report = link(vault, radicale)
    assert report.pushed_created == 1
    stored = "\n".join(
        p.read_text("utf-8", "replace") for p in Path(radicale.folder).rglob("*") if p.is_file()
    )
    assert "kofi@example.com" in stored and "Accra Labs" in stored  # what is shared is there
    for secret in ("Thinking of leaving", "knee surgery", "Flat white", "Introduced by",
                   "struggling", "+233 20 555 0101", "555 0101"):  # fmt: skip
        assert secret not in stored
    card = next(iter(radicale.cards(book).values()))
    with Account(radicale.url, radicale.user, radicale.password, "Phone") as account:
        announced = account.card_version(book)  # 4.0 only where the server says so
    assert f"VERSION:{announced}" in card_lines(card)


def test_a_card_deleted_on_the_server_is_not_pushed_back_and_ichigo_deletions_delete(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    radicale.put_card(book, "lena.vcf", phone_card("u-l", "Lena", "Fischer", "lena@x.example",
                                                  phone="+49 30 1234"))  # fmt: skip
    source, _ = link(vault, radicale)
    radicale.delete_card(book, "ingrid.vcf")
    report = sync(vault, source)
    assert (report.unlinked, report.pushed_created) == (1, 0)
    assert sorted(radicale.cards(book)) == ["lena.vcf"]
    again = sync(vault, source)
    assert (again.pushed_created, again.not_modified) == (0, True)  # no resurrection
    with vault.transaction() as session:  # until the user includes her again
        assert books.unlinked_count(session, source) == 1
        assert books.link_again(session, source) == 1
    assert sync(vault, source).pushed_created == 1
    assert sorted(radicale.cards(book)) != ["lena.vcf"] and len(radicale.cards(book)) == 2
    radicale.delete_card(book, next(n for n in radicale.cards(book) if n != "lena.vcf"))
    assert sync(vault, source).unlinked == 1

    with vault.transaction() as session:
        contacts.delete_contact(session, contact_id(vault, "lena@x.example"))
    gone = sync(vault, source)
    assert gone.pushed_deleted == 1
    assert radicale.cards(book) == {}
    with vault.session() as session:
        assert session.scalars(select(Contact.display_name)).all() == ["Ingrid Solberg"]


def test_only_contacts_with_the_tag_are_written(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    with vault.transaction() as session:
        contacts.add_contact(session, contacts.ContactInput(name="Ada", tags=["phone"]))
        contacts.add_contact(session, contacts.ContactInput(name="Bo"))
    _source, report = link(vault, radicale, push="tag:phone")
    assert report.pushed_created == 1
    assert [read_card(c).display_name for c in radicale.cards(book).values()] == ["Ada"]


def test_the_brake_stops_a_sync_that_would_unlink_most_contacts(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    for n in range(8):
        card = phone_card(f"u{n}", f"P{n}", "Test", f"p{n}@x.example", phone=f"+1 555 010{n}")
        radicale.put_card(book, f"p{n}.vcf", card)
    source, _ = link(vault, radicale)
    for n in range(7):
        radicale.delete_card(book, f"p{n}.vcf")
    held = sync(vault, source)
    assert held.held and not held.ok and "7 of the 8 linked contacts" in (held.error or "")
    with vault.session() as session:
        assert session.scalar(select(SourceItem.id).where(SourceItem.unlinked)) is None
    allowed = sync(vault, source, allow_mass_changes=True)
    assert (allowed.ok, allowed.unlinked) == (True, 7)


def test_removals_travel_both_ways_and_a_field_made_private_stays_on_the_card(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    card = iphone_card().replace(
        "item1.X-ABLabel:_$!<Work>!$_", "item1.X-ABLabel:_$!<Work>!$_\r\nEMAIL:ingrid@old.example"
    )
    radicale.put_card(book, "ingrid.vcf", card)
    source, _ = link(vault, radicale)
    ingrid = contact_id(vault, "ingrid@fjord.example")

    # Only a phone changes in Ichigo (no other field of the contact row): it still goes.
    with vault.session() as session:
        phones = contacts.contact_form(session, ingrid).phones
    edit(vault, ingrid, phones=[*phones, "+47 999 00 111"])
    assert sync(vault, source).pushed_updated == 1
    assert "+47 999 00 111" in dict(read_card(radicale.get_card(book, "ingrid.vcf")).phones)

    # The phone's user removes the old address; Ichigo removes the boat phone.
    on_server = radicale.get_card(book, "ingrid.vcf")
    radicale.put_card(book, "ingrid.vcf", on_server.replace("EMAIL:ingrid@old.example\r\n", ""))
    kept = [p for p in phones if p != "+47 22 00 11 22"]
    edit(vault, ingrid, phones=[*kept, "+47 999 00 111"])
    report = sync(vault, source)
    assert (report.pulled_updated, report.pushed_updated) == (1, 1)
    after = radicale.get_card(book, "ingrid.vcf")
    assert "+47 22 00 11 22" not in after and "item2.X-ABLabel:Boat" not in after
    assert any(line.startswith("IMPP") and "ingrid.77" in line for line in card_lines(after))
    with vault.session() as session:
        emails = session.scalars(
            select(ContactEmail.email).where(ContactEmail.contact_id == ingrid)
        ).all()
    assert emails == ["ingrid@fjord.example"]

    # Phones made private in Ichigo are not taken off the phone's card.
    edit(vault, ingrid, private_fields=["phones"], phones=[])
    assert sync(vault, source).pushed_updated == 0
    assert "+47 999 00 111" in radicale.get_card(book, "ingrid.vcf")


def test_an_edit_made_while_a_card_travels_is_sent_by_the_next_sync(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    source, _ = link(vault, radicale)
    ingrid = contact_id(vault, "ingrid@fjord.example")
    edit(vault, ingrid, title="Partner")
    with step_by_step(vault, radicale, book, source) as (account, plan, ops):
        edit(vault, ingrid, company="Nordlys")  # typed in the app meanwhile
        pushed = books.push_cards(account, vault.transaction, plan, ops)
    with vault.transaction() as session:
        books.record_pushes(session, plan, pushed.done)
    assert read_card(radicale.get_card(book, "ingrid.vcf")).company == "Fjord Studio"
    assert sync(vault, source).pushed_updated == 1
    assert read_card(radicale.get_card(book, "ingrid.vcf")).company == "Nordlys"


def test_a_server_that_goes_away_while_writing_loses_nothing(
    vault: Vault, radicale: Radicale, book: str
) -> None:
    radicale.put_card(book, "ingrid.vcf", iphone_card())
    source, _ = link(vault, radicale)
    edit(vault, contact_id(vault, "ingrid@fjord.example"), title="Partner")
    with step_by_step(vault, radicale, book, source) as (account, plan, ops):
        radicale.stop()
        pushed = books.push_cards(account, vault.transaction, plan, ops)
    assert pushed.done == [] and "Phone" in pushed.failed
    with vault.session() as session:  # Ichigo's change waits for the next sync
        contact = session.get(Contact, contact_id(vault, "ingrid@fjord.example"))
        assert contact is not None and contact.title == "Partner"
