"""The "Address books" tab, driven as a user would against a real Radicale on loopback."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ichigoapp.model import Contact, ContactEmail, SourceItem
from ichigoapp.services import contacts
from ichigoapp.store import Vault
from ichigoapp.ui.dialogs.address_books import AddAddressBookDialog
from ichigoapp.ui.main_window import MainWindow
from tests.servers import Radicale
from tests.services.test_addressbooks import phone_card
from tests.ui.conftest import DialogLog
from tests.ui.dialogs.test_calendars import open_dialog


def book_rows(window: MainWindow) -> list[list[str]]:
    dialog = window.file_actions.sync.dialog
    assert dialog is not None
    table = dialog.books.table
    return [
        [item.text(c) for c in (0, 1, 2, 4)]
        for n in range(table.topLevelItemCount())
        if (item := table.topLevelItem(n)) is not None
    ]


def link_book(qtbot: Any, window: MainWindow, radicale: Radicale, *, everyone: bool) -> None:
    dialog = open_dialog(window)
    dialog.show_address_books()
    adding = AddAddressBookDialog(dialog.books, [])
    qtbot.addWidget(adding)
    assert not adding.tagged.isEnabled()  # no tag in the vault to choose
    qtbot.keyClicks(adding.url, radicale.url)
    qtbot.keyClicks(adding.user, radicale.user)
    qtbot.keyClicks(adding.password, radicale.password)
    ok = adding.buttons.buttons()[0]
    assert not ok.isEnabled()  # no address book chosen yet
    adding.test_button.click()
    assert adding.found_label.text() == "Connected. 1 address book: choose the one to link."
    assert ok.isEnabled()
    adding.all_contacts.setChecked(everyone)
    assert dialog.books.link(adding)
    dialog.reload()


def test_an_address_book_is_linked_both_ways_from_the_dialog(
    vault: Vault, window: MainWindow, qtbot: Any, radicale: Radicale, dialog_log: DialogLog
) -> None:
    book = radicale.make_address_book("Phone", "contacts")
    radicale.put_card(book, "ingrid.vcf", phone_card("u-i", "Ingrid", "Solberg",
                                                    "ingrid@fjord.example"))  # fmt: skip
    with vault.transaction() as session:
        kofi = contacts.ContactInput(name="Kofi Mensah", emails=["kofi@example.com"])
        contacts.add_contact(session, kofi)
    link_book(qtbot, window, radicale, everyone=True)
    assert dialog_log.errors == []
    [[name, address_book, pushed, result]] = book_rows(window)
    assert (name, address_book, pushed) == ("Phone", "Phone", "Both ways, all contacts")
    assert result == "1 new contact, 1 card written"
    assert len(radicale.cards(book)) == 2
    with vault.session() as session:
        assert len(session.scalars(select(Contact.id)).all()) == 2

    # Deleting a linked contact says its card goes too.
    with vault.session() as session:
        ingrid = session.scalars(
            select(ContactEmail.contact_id).where(ContactEmail.email == "ingrid@fjord.example")
        ).one()
    window.contacts.ensure_loaded()
    window.contacts.form.contact_id = ingrid
    dialog_log.confirm_answer = False
    window.contacts.delete_current()
    assert "Their card in the address book 'Phone' is deleted too" in dialog_log.confirms[-1]


def test_the_brake_asks_and_goes_ahead_only_when_told(
    vault: Vault, window: MainWindow, qtbot: Any, radicale: Radicale, dialog_log: DialogLog
) -> None:
    book = radicale.make_address_book("Phone", "contacts")
    for n in range(8):
        radicale.put_card(book, f"p{n}.vcf", phone_card(f"u{n}", f"P{n}", "Test",
                          f"p{n}@x.example", phone=f"+1 555 010{n}"))  # fmt: skip
    link_book(qtbot, window, radicale, everyone=False)
    for n in range(7):
        radicale.delete_card(book, f"p{n}.vcf")
    sync = window.file_actions.sync

    dialog_log.choose_answer = 0  # not now
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.sync_now()
    assert dialog_log.chooses[-1].startswith("Syncing the address book 'Phone' would delete")
    qtbot.waitUntil(lambda: sync.worker is None)
    with vault.session() as session:
        assert session.scalar(select(SourceItem.id).where(SourceItem.unlinked)) is None
    asked = len(dialog_log.chooses)
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.run(sorted(sync.declined))  # as the schedule would: not asked again
    assert len(dialog_log.chooses) == asked

    dialog_log.choose_answer = 1  # go ahead
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.sync_now()  # F5 asks again
    qtbot.waitUntil(lambda: sync.worker is None, timeout=20_000)
    with vault.session() as session:
        assert len(session.scalars(select(SourceItem.id).where(SourceItem.unlinked)).all()) == 7
    assert "7 contacts unlinked" in book_rows(window)[0][3]
    tab = window.file_actions.sync.dialog.books  # type: ignore[union-attr]
    assert tab.again_button.isEnabled()
    tab.include_again()
    assert dialog_log.confirms[-1].startswith("7 contacts whose card was deleted in 'Phone'")
    assert not tab.again_button.isEnabled()
    with vault.transaction() as session:  # the contacts stay, with their history
        assert len(contacts.list_contacts(session)) >= 8
