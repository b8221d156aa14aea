"""The "Address books" tab of File > Calendars…: CardDAV address books linked to the
vault's contacts, and the dialog that links one.

Linking asks for the server, user and password, finds the account's address books
("Test connection", off the GUI thread) and which contacts go to it: none (the
address book is only read), all, or those with one tag. The first sync runs before the
link is kept, so a wrong password is said at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.addressbooks import discover_address_books, link_again, unlinked_count
from ichigoapp.services.common import plural
from ichigoapp.services.contacts import tag_names
from ichigoapp.services.sources import (
    ADDRESS_BOOK_KINDS,
    SourceKind,
    address_book_dict,
    describe_push,
    followed_calendars,
    last_counts,
    list_sources,
    remove_source,
)
from ichigoapp.services.syncing import RemoteCalendar, SyncReport, add_and_sync
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.dialogs.account import AccountDialog, add_and_report

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.actions.calendar_sync import CalendarSync

_ID = Qt.ItemDataRole.UserRole


def push_text(push: str) -> str:
    words = describe_push(push)
    return words[:1].upper() + words[1:]


def result_text(name: str, counts: dict[str, int], error: str | None) -> str:
    """What the last sync of an address book did, in a few words."""
    if error:
        prefix = f"'{name}': "  # the row already names the address book
        return error[len(prefix) :] if error.startswith(prefix) else error
    if not counts:
        return ""
    said = [
        plural(counts[key], one, many)
        for key, one, many in (
            ("pulled_created", "new contact", "new contacts"),
            ("pulled_updated", "contact updated", "contacts updated"),
            ("unlinked", "contact unlinked", "contacts unlinked"),
            ("pushed_created", "card written", "cards written"),
            ("pushed_updated", "card updated", "cards updated"),
            ("pushed_deleted", "card deleted", "cards deleted"),
            ("conflicts_merged", "change merged", "changes merged"),
        )
        if counts.get(key)
    ]
    return ", ".join(said) or "No changes"


class AddressBooksTab(QWidget):
    """The address books linked, with "Add address book…"."""

    linked = Signal()  # an address book was linked (the dialog reloads)

    def __init__(self, parent: QWidget, vault: Vault, sync: CalendarSync) -> None:
        super().__init__(parent)
        self.vault = vault
        self.sync = sync
        intro = QLabel(
            "Contacts stay in step with the address book your phone uses (Nextcloud, "
            "Fastmail, iCloud…). Only names, e-mails, phones, company, title, links, "
            "birthday, photo, address and pronouns are written to it, never fields you "
            "marked private, notes, reflections or encounters."
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName("Address books linked")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(["Name", "Address book", "Contacts", "Last synced", "Result"])
        header = self.table.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.empty = QLabel("No address book linked yet.")
        self.empty.setObjectName("muted")
        self.add_button = QPushButton("Add &address book…")
        self.add_button.clicked.connect(self.add)
        self.again_button = QPushButton("Include unlin&ked contacts again…")
        self.again_button.setToolTip(
            "Contacts whose cards were deleted on the server stay out of that address "
            "book until you include them again"
        )
        self.again_button.clicked.connect(self.include_again)
        self.table.currentItemChanged.connect(lambda *_: self._update_again())
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.again_button)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def reload(self, when: Callable[[str | None], str]) -> None:
        """Fill the table; ``when`` formats a last-sync time (the dialog's)."""
        current = self.selected_id()
        self.table.clear()
        with self.vault.session() as session:
            rows = [
                (address_book_dict(s), last_counts(s), followed_calendars(s))
                for s in list_sources(session, ADDRESS_BOOK_KINDS)
            ]
        for shown, counts, books in rows:
            item = QTreeWidgetItem(
                [
                    shown["name"],
                    ", ".join(book.name for book in books) or "—",
                    push_text(shown["push"]),
                    when(shown["last_sync"]),
                    result_text(shown["name"], counts, shown["last_error"]),
                ]
            )
            item.setData(0, _ID, shown["id"])
            item.setToolTip(0, shown["url"])
            if shown["last_error"]:
                item.setToolTip(4, shown["last_error"])
                item.setIcon(4, self.warning_icon)
            self.table.addTopLevelItem(item)
            if shown["id"] == current:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self.empty.setVisible(not rows)
        self._update_again()

    def _unlinked(self) -> int:
        source_id = self.selected_id()
        if source_id is None:
            return 0
        with self.vault.session() as session:
            return unlinked_count(session, source_id)

    def _update_again(self) -> None:
        self.again_button.setEnabled(self._unlinked() > 0)

    def include_again(self) -> None:
        """Let the contacts the server's deletions kept out go back to the address book."""
        source_id, item, count = self.selected_id(), self.table.currentItem(), self._unlinked()
        if source_id is None or item is None or not count:
            return
        if not ask.confirm(
            self,
            "Include unlinked contacts again",
            f"{plural(count, 'contact')} whose card was deleted in '{item.text(0)}' on the "
            "server will be written to it again at the next sync, if it receives them.",
            "Include again",
        ):
            return
        with self.vault.transaction() as session:
            link_again(session, source_id)
        self._update_again()
        self.sync.bus.status.emit(f"{plural(count, 'contact')} included again")

    def selected_id(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else int(item.data(0, _ID))

    def add(self) -> None:
        with self.vault.session() as session:
            tags = tag_names(session)
        dialog = AddAddressBookDialog(self, tags)
        try:
            while dialog.exec() == QDialog.DialogCode.Accepted:
                if self.link(dialog):
                    self.linked.emit()
                    return
        finally:
            dialog.password.clear()  # the password lives on in the vault only
            dialog.deleteLater()

    def link(self, dialog: AddAddressBookDialog) -> bool:
        """Link and sync once; False (the dialog opens again, as filled) when it failed."""
        transaction = self.vault.transaction
        name, url = dialog.name.text().strip(), dialog.url.text().strip()
        user, password = dialog.user.text().strip(), dialog.password.text()
        book, push, every = dialog.chosen(), dialog.push(), dialog.every.value()
        if book is None:
            return False

        def add() -> tuple[int, SyncReport]:
            return add_and_sync(
                transaction,
                name=name,
                kind=SourceKind.CARDDAV,
                url=url,
                username=user,
                password=password,
                calendars=[book],
                every_minutes=every,
                push=push,
            )

        report = add_and_report(self, self.sync, "Could not link the address book", add)
        if report is None:
            return False
        self.sync.bus.status.emit(
            f"'{report.name}' linked: {plural(report.pulled_created, 'new contact')}, "
            f"{plural(report.pushed_created, 'card')} written"
        )
        return True

    def remove(self) -> bool:
        source_id = self.selected_id()
        item = self.table.currentItem()
        if source_id is None or item is None:
            return False
        if not ask.confirm(
            self,
            "Unlink address book",
            f"Unlink '{item.text(0)}'?\n\nIts contacts stay in Ichigo with their history, "
            "and its cards stay on the server; nothing is synced between them any more.",
            "Unlink",
        ):
            return False
        try:
            with self.vault.transaction() as session:
                remove_source(session, source_id)
        except IchigoError as exc:
            ask.error(self, "Could not unlink the address book", exc.message)
            return False
        return True


class AddAddressBookDialog(AccountDialog):
    """Server, user, password; the address book (found by "Test connection"); which
    contacts are written to it; how often it syncs."""

    def __init__(self, parent: QWidget, tags: list[str]) -> None:
        super().__init__(
            parent, "Phone", "Test the connection to choose the address book.", "Link and sync"
        )
        self.found: list[RemoteCalendar] = []
        self.setWindowTitle("Link an address book")
        self.resize(560, 460)
        self.url.setPlaceholderText("https://carddav.example.com/ (your provider's address)")
        self.books = QListWidget()
        self.books.setAccessibleName("Address books of the account")

        self.read_only = QRadioButton("&None: only read the address book into Ichigo")
        self.all_contacts = QRadioButton("A&ll my contacts")
        self.tagged = QRadioButton("Contacts with the ta&g")
        self.tag = QComboBox()
        self.tag.addItems(tags)
        self.tag.setEnabled(False)
        self.tagged.setEnabled(bool(tags))
        self.tagged.toggled.connect(self.tag.setEnabled)
        self.read_only.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.read_only, self.all_contacts, self.tagged):
            group.addButton(button)
        tagged_row = QHBoxLayout()
        tagged_row.addWidget(self.tagged)
        tagged_row.addWidget(self.tag, 1)

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Server:", self.url)
        form.addRow("&User:", self.user)
        form.addRow("&Password:", self.password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.found_label, 1)
        test_row.addWidget(self.test_button)
        writes = QVBoxLayout()
        writes.addWidget(QLabel("Contacts written to the address book:"))
        writes.addWidget(self.read_only)
        writes.addWidget(self.all_contacts)
        writes.addLayout(tagged_row)
        hint = QLabel(
            "iCloud needs an app-specific password; Fastmail and Nextcloud offer app "
            "passwords too. Ichigo keeps it only inside your encrypted vault."
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        every = QFormLayout()
        every.addRow("Sync &every:", self.every)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.books, 1)
        layout.addLayout(writes)
        layout.addLayout(every)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.books.currentRowChanged.connect(lambda _row: self.update_ok())
        self.watch_fields()

    def forget_found(self) -> None:
        self.books.clear()

    def update_ok(self) -> None:
        ready = self.filled()
        self.test_button.setEnabled(ready and bool(self.user.text().strip()))
        self.ok_button.setEnabled(ready and self.chosen() is not None)

    def test_connection(self) -> None:
        found = self.discover(discover_address_books)
        if found is None:
            return
        self.found = found
        self.books.clear()
        self.books.addItems([book.name for book in found])
        self.books.setCurrentRow(0)
        self.found_label.setText(
            f"Connected. {plural(len(found), 'address book')}: choose the one to link."
        )
        self.update_ok()

    def chosen(self) -> RemoteCalendar | None:
        row = self.books.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def push(self) -> str:
        if self.all_contacts.isChecked():
            return "all"
        if self.tagged.isChecked() and self.tag.currentText():
            return f"tag:{self.tag.currentText()}"
        return "none"
