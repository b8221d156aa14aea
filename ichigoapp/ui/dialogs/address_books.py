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

from PySide6.QtCore import QObject, Qt, Signal
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
from ichigoapp.services.contacts import tag_names
from ichigoapp.services.sources import (
    ADDRESS_BOOK_KINDS,
    SourceKind,
    address_book_dict,
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


class AddressBookWords(QObject):
    """Which contacts an address book receives and what its last sync did, in words
    (a QObject so Qt translates them, plurals included)."""

    def push(self, push: str) -> str:
        if push == "none":
            return self.tr("Pull only")
        if push == "all":
            return self.tr("Both ways, all contacts")
        return self.tr("Both ways, contacts tagged {tag}").format(tag=push.removeprefix("tag:"))

    def result(self, name: str, counts: dict[str, int], error: str | None) -> str:
        if error:
            prefix = f"'{name}': "  # the row already names the address book
            return error[len(prefix) :] if error.startswith(prefix) else error
        if not counts:
            return ""

        def n(key: str) -> int:
            return counts.get(key, 0)

        said = {
            "pulled_created": self.tr("%n new contact(s)", "", n("pulled_created")),
            "pulled_updated": self.tr("%n contact(s) updated", "", n("pulled_updated")),
            "unlinked": self.tr("%n contact(s) unlinked", "", n("unlinked")),
            "pushed_created": self.tr("%n card(s) written", "", n("pushed_created")),
            "pushed_updated": self.tr("%n card(s) updated", "", n("pushed_updated")),
            "pushed_deleted": self.tr("%n card(s) deleted", "", n("pushed_deleted")),
            "conflicts_merged": self.tr("%n change(s) merged", "", n("conflicts_merged")),
        }
        return self.tr(", ").join(t for key, t in said.items() if n(key)) or self.tr("No changes")


def push_text(push: str) -> str:
    return AddressBookWords().push(push)


def result_text(name: str, counts: dict[str, int], error: str | None) -> str:
    """What the last sync of an address book did, in a few words."""
    return AddressBookWords().result(name, counts, error)


class AddressBooksTab(QWidget):
    """The address books linked, with "Add address book…"."""

    linked = Signal()  # an address book was linked (the dialog reloads)

    def __init__(self, parent: QWidget, vault: Vault, sync: CalendarSync) -> None:
        super().__init__(parent)
        self.vault = vault
        self.sync = sync
        intro = QLabel(
            self.tr(
                "Contacts stay in step with the address book your phone uses (Nextcloud, "
                "Fastmail, iCloud…). Only names, e-mails, phones, company, title, links, "
                "birthday, photo, address and pronouns are written to it, never fields you "
                "marked private, notes, reflections or encounters."
            )
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Address books linked"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Address book"),
                self.tr("Contacts"),
                self.tr("Last synced"),
                self.tr("Result"),
            ]
        )
        header = self.table.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.empty = QLabel(self.tr("No address book linked yet."))
        self.empty.setObjectName("muted")
        self.add_button = QPushButton(self.tr("Add &address book…"))
        self.add_button.clicked.connect(self.add)
        self.again_button = QPushButton(self.tr("Include unlin&ked contacts again…"))
        self.again_button.setToolTip(
            self.tr(
                "Contacts whose cards were deleted on the server stay out of that address "
                "book until you include them again"
            )
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
        words = AddressBookWords()
        for shown, counts, books in rows:
            item = QTreeWidgetItem(
                [
                    shown["name"],
                    ", ".join(book.name for book in books) or "—",
                    words.push(shown["push"]),
                    when(shown["last_sync"]),
                    words.result(shown["name"], counts, shown["last_error"]),
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
            self.tr("Include unlinked contacts again"),
            self.tr(
                "%n contact(s) whose card was deleted in '{name}' on the server will be "
                "written to it again at the next sync, if it receives them.",
                "",
                count,
            ).format(name=item.text(0)),
            self.tr("Include again"),
        ):
            return
        with self.vault.transaction() as session:
            link_again(session, source_id)
        self._update_again()
        self.sync.bus.status.emit(self.tr("%n contact(s) included again", "", count))

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

        report = add_and_report(self, self.sync, self.tr("Could not link the address book"), add)
        if report is None:
            return False
        self.sync.bus.status.emit(
            self.tr("'{name}' linked: {contacts}, {cards}").format(
                name=report.name,
                contacts=self.tr("%n new contact(s)", "", report.pulled_created),
                cards=self.tr("%n card(s) written", "", report.pushed_created),
            )
        )
        return True

    def remove(self) -> bool:
        source_id = self.selected_id()
        item = self.table.currentItem()
        if source_id is None or item is None:
            return False
        if not ask.confirm(
            self,
            self.tr("Unlink address book"),
            self.tr(
                "Unlink '{name}'?\n\nIts contacts stay in Ichigo with their history, and its "
                "cards stay on the server; nothing is synced between them any more."
            ).format(name=item.text(0)),
            self.tr("Unlink"),
        ):
            return False
        try:
            with self.vault.transaction() as session:
                remove_source(session, source_id)
        except IchigoError as exc:
            ask.error(self, self.tr("Could not unlink the address book"), exc.message)
            return False
        return True


class AddAddressBookDialog(AccountDialog):
    """Server, user, password; the address book (found by "Test connection"); which
    contacts are written to it; how often it syncs."""

    def __init__(self, parent: QWidget, tags: list[str]) -> None:
        # self.tr works before QDialog.__init__ (its context is the class's name).
        super().__init__(
            parent,
            self.tr("Phone"),
            self.tr("Test the connection to choose the address book."),
            self.tr("Link and sync"),
        )
        self.found: list[RemoteCalendar] = []
        self.setWindowTitle(self.tr("Link an address book"))
        self.resize(560, 460)
        self.url.setPlaceholderText(
            self.tr("https://carddav.example.com/ (your provider's address)")
        )
        self.fit_hint(self.url)
        self.books = QListWidget()
        self.books.setAccessibleName(self.tr("Address books of the account"))

        self.read_only = QRadioButton(self.tr("&None: only read the address book into Ichigo"))
        self.all_contacts = QRadioButton(self.tr("A&ll my contacts"))
        self.tagged = QRadioButton(self.tr("Contacts with the ta&g"))
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
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Server:"), self.url)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.found_label, 1)
        test_row.addWidget(self.test_button)
        writes = QVBoxLayout()
        writes.addWidget(QLabel(self.tr("Contacts written to the address book:")))
        writes.addWidget(self.read_only)
        writes.addWidget(self.all_contacts)
        writes.addLayout(tagged_row)
        hint = QLabel(
            self.tr(
                "iCloud needs an app-specific password; Fastmail and Nextcloud offer app "
                "passwords too. Ichigo keeps it only inside your encrypted vault."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        every = QFormLayout()
        every.addRow(self.tr("Sync &every:"), self.every)

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
            self.tr("Connected. %n address book(s): choose the one to link.", "", len(found))
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
