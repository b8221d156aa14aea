"""File > Calendars…: the calendar links and CalDAV accounts Ichigo follows, and (on
the "Address books" tab, ui/dialogs/address_books.py) the CardDAV address books.

Each source shows its kind, the calendars followed, its interval, when it last synced,
what that sync did and its last error. Adding a source syncs it once before it is
kept, so a wrong link or password is said at once; network work runs off the GUI
thread. Removing asks whether to keep the meetings already imported (default: keep).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.sources import (
    CALENDAR_KINDS,
    SourceKind,
    last_counts,
    list_sources,
    remove_source,
    set_every,
    source_dict,
)
from ichigoapp.services.syncing import (
    RemoteCalendar,
    SyncReport,
    add_and_sync,
    discover_calendars,
)
from ichigoapp.ui import fmt
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.dialogs.account import AccountDialog, add_and_report
from ichigoapp.ui.dialogs.address_books import AddressBooksTab

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.actions.calendar_sync import CalendarSync

_ID = Qt.ItemDataRole.UserRole


class SyncWords(QObject):
    """How the tables say a source's kind, interval, last sync and result (a QObject
    so Qt translates them, plurals included)."""

    def kind(self, kind: str) -> str:
        if kind == SourceKind.ICS.value:
            return self.tr("Calendar link")
        if kind == SourceKind.CALDAV.value:
            return self.tr("CalDAV account")
        return kind

    def every(self, minutes: int) -> str:
        if minutes == 60:
            return self.tr("every hour")
        if minutes % 60 == 0:
            return self.tr("every %n hour(s)", "", minutes // 60)
        return self.tr("every %n min", "", minutes)

    def when(self, value: str | None) -> str:
        if value is None:
            return self.tr("never")
        moment = datetime.fromisoformat(value).astimezone()
        shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
        pattern = f"{fmt.date_pattern(year=False)} {fmt.time_pattern()}"  # "5 Dec 14:00"
        return QLocale().toString(shown, pattern)

    def result(self, name: str, counts: dict[str, int], error: str | None) -> str:
        if error:
            prefix = f"'{name}': "  # the row already names the source
            return error[len(prefix) :] if error.startswith(prefix) else error
        if not counts:
            return ""
        said = {
            "created": self.tr("%n new meeting(s)", "", counts.get("created", 0)),
            "updated": self.tr("%n updated", "", counts.get("updated", 0)),
            "cancelled": self.tr("%n cancelled", "", counts.get("cancelled", 0)),
            "removed": self.tr("%n removed", "", counts.get("removed", 0)),
        }
        made = [text for key, text in said.items() if counts.get(key)]
        return self.tr(", ").join(made) or self.tr("No changes")


def _every_text(minutes: int) -> str:
    return SyncWords().every(minutes)


def _when(value: str | None) -> str:
    return SyncWords().when(value)


def _result(name: str, counts: dict[str, int], error: str | None) -> str:
    return SyncWords().result(name, counts, error)


class CalendarsDialog(QDialog):
    def __init__(self, parent: QWidget | None, vault: Vault, sync: CalendarSync) -> None:
        super().__init__(parent)
        self.vault = vault
        self.sync = sync
        self.setWindowTitle(self.tr("Calendars and address books"))
        self.resize(900, 460)

        intro = QLabel(
            self.tr(
                "Ichigo follows these calendars and keeps your meetings and prep cards "
                "current. Links and passwords are kept only inside your encrypted vault."
            )
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Calendars followed"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Calendars"),
                self.tr("Sync"),
                self.tr("Last synced"),
                self.tr("Result"),
            ]
        )
        header = self.table.header()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.empty = QLabel(
            self.tr(
                "No calendars followed yet. Add the secret link of a Google or Outlook "
                "calendar, or a CalDAV account (iCloud, Fastmail, Nextcloud…)."
            )
        )
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)

        self.add_link_button = QPushButton(self.tr("Add &link…"))
        self.add_link_button.setToolTip(self.tr("Paste a calendar's ICS or webcal:// link"))
        self.add_link_button.clicked.connect(self.add_link)
        self.add_account_button = QPushButton(self.tr("Add Cal&DAV account…"))
        self.add_account_button.clicked.connect(self.add_account)
        self.interval_button = QPushButton(self.tr("&Interval…"))
        self.interval_button.clicked.connect(self.change_interval)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove)
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(lambda: self.sync.sync_now())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        adding = QHBoxLayout()
        adding.addWidget(self.empty, 1)
        for button in (self.add_link_button, self.add_account_button):
            adding.addWidget(button)
        calendars = QWidget()
        page = QVBoxLayout(calendars)
        page.addWidget(intro)
        page.addWidget(self.table, 1)
        page.addLayout(adding)
        self.books = AddressBooksTab(self, vault, sync)
        self.books.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.books.linked.connect(self.reload)
        self.tabs = QTabWidget()
        self.tabs.addTab(calendars, self.tr("&Calendars"))
        self.tabs.addTab(self.books, self.tr("Address &books"))
        self.tabs.currentChanged.connect(lambda _index: self._update_buttons())

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.interval_button, self.remove_button, close, self.sync_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        sync.synced.connect(lambda _reports: self.reload())
        sync.sync_action.changed.connect(self._update_buttons)

    def show_address_books(self) -> None:
        self.tabs.setCurrentWidget(self.books)

    def reload(self) -> None:
        current = self.selected_id()
        self.table.clear()
        with self.vault.session() as session:
            rows = [(source_dict(s), last_counts(s)) for s in list_sources(session, CALENDAR_KINDS)]
        words = SyncWords()
        for shown, counts in rows:
            item = QTreeWidgetItem(
                [
                    shown["name"],
                    words.kind(shown["kind"]),
                    ", ".join(shown["calendars"]) or "—",
                    words.every(shown["every_minutes"]),
                    words.when(shown["last_sync"]),
                    words.result(shown["name"], counts, shown["last_error"]),
                ]
            )
            item.setData(0, _ID, shown["id"])
            item.setToolTip(0, shown["url"])  # redacted: never the token
            if shown["last_error"]:
                item.setToolTip(5, shown["last_error"])
                item.setIcon(5, self.warning_icon)
            self.table.addTopLevelItem(item)
            if shown["id"] == current:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self.empty.setVisible(not rows)
        self.books.reload(_when)
        self._update_buttons()

    def on_books(self) -> bool:
        return self.tabs.currentWidget() is self.books

    def selected_id(self) -> int | None:
        if self.on_books():
            return self.books.selected_id()
        item = self.table.currentItem()
        return None if item is None else int(item.data(0, _ID))

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.interval_button.setEnabled(chosen)
        self.remove_button.setText(self.tr("&Unlink…") if self.on_books() else self.tr("&Remove…"))
        self.remove_button.setEnabled(chosen)
        anything = self.table.topLevelItemCount() + self.books.table.topLevelItemCount()
        self.sync_button.setEnabled(self.sync.sync_action.isEnabled() and bool(anything))

    # --- adding ------------------------------------------------------------------------
    def add_link(self) -> None:
        self._add_source(SourceKind.ICS)

    def add_account(self) -> None:
        self._add_source(SourceKind.CALDAV)

    def _add_source(self, kind: SourceKind) -> None:
        dialog = AddSourceDialog(self, kind)
        try:
            while dialog.exec() == QDialog.DialogCode.Accepted:
                if self._add(dialog):
                    return
        finally:
            # The link and password live on in the vault only, not in a hidden dialog.
            dialog.url.clear()
            dialog.password.clear()
            dialog.deleteLater()

    def _add(self, dialog: AddSourceDialog) -> bool:
        """Add and sync once; False (the dialog opens again, as filled) when it failed."""
        transaction = self.vault.transaction
        name, url = dialog.name.text(), dialog.url.text().strip()
        user, password = dialog.user.text().strip(), dialog.password.text()
        calendars, every = dialog.chosen(), dialog.every.value()

        def add() -> tuple[int, SyncReport]:
            return add_and_sync(
                transaction,
                name=name,
                kind=dialog.kind,
                url=url,
                username=user,
                password=password,
                calendars=calendars,
                every_minutes=every,
            )

        report = add_and_report(self, self.sync, self.tr("Could not add the calendar"), add)
        if report is None:
            return False
        self.reload()
        self.sync.bus.status.emit(
            self.tr("'{name}' added: {meetings} ({people})").format(
                name=report.name,
                meetings=self.tr("%n meeting(s)", "", report.created),
                people=self.tr("%n new person/people", "", report.new_people),
            )
        )
        return True

    # --- changing ----------------------------------------------------------------------
    def change_interval(self) -> None:
        source_id = self.selected_id()
        if source_id is None:
            return
        with self.vault.session() as session:
            current = next(s.every_minutes for s in list_sources(session) if s.id == source_id)
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Sync interval"),
            self.tr("Sync every (minutes, 5 to 1440):"),
            current,
            5,
            24 * 60,
            5,
        )
        if not ok:
            return
        try:
            with self.vault.transaction() as session:
                set_every(session, source_id, minutes)
        except IchigoError as exc:
            ask.error(self, self.tr("Could not change the interval"), exc.message)
        self.reload()

    def remove(self) -> None:
        if self.on_books():
            if self.books.remove():
                self.sync.bus.data_changed.emit()
                self.sync.show_status()
                self.reload()
            return
        source_id = self.selected_id()
        item = self.table.currentItem()
        if source_id is None or item is None:
            return
        answer = ask.choose(
            self,
            self.tr("Stop following this calendar"),
            self.tr("Stop following '{name}'?").format(name=item.text(0)),
            self.tr(
                "The meetings already imported can stay in Ichigo, or go (those you wrote "
                "something on always stay, marked removed from calendar)."
            ),
            [self.tr("Keep the meetings"), self.tr("Remove the meetings")],
        )
        if answer is None:
            return
        try:
            with self.vault.transaction() as session:
                remove_source(session, source_id, forget_meetings=answer == 1)
        except IchigoError as exc:
            ask.error(self, self.tr("Could not remove the calendar"), exc.message)
            return
        self.sync.bus.data_changed.emit()
        self.sync.show_status()
        self.reload()


class AddSourceDialog(AccountDialog):
    """A calendar link (name, link) or a CalDAV account (server, user, password, and the
    calendars to follow, found by "Test connection")."""

    def __init__(self, parent: QWidget, kind: SourceKind) -> None:
        link = kind == SourceKind.ICS
        # self.tr works before QDialog.__init__ (its context is the class's name).
        super().__init__(
            parent,
            "" if link else self.tr("Work"),
            self.tr("Test the connection to choose the calendars to follow."),
            self.tr("Add and sync"),
        )
        self.kind = kind
        self.found: list[RemoteCalendar] = []
        self.setWindowTitle(
            self.tr("Add a calendar link") if link else self.tr("Add a CalDAV account")
        )
        self.resize(560, 0 if link else 420)
        self.name.setPlaceholderText(self.tr("Work, Family…"))
        self.url.setPlaceholderText(
            self.tr("https://… or webcal://… (the calendar's secret address)")
            if link
            else self.tr("https://caldav.example.com/ (your provider's CalDAV address)")
        )
        self.fit_hint(self.url)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Link:") if link else self.tr("&Server:"), self.url)
        self.calendars = QListWidget()
        self.calendars.setAccessibleName(self.tr("Calendars to follow"))
        if not link:
            form.addRow(self.tr("&User:"), self.user)
            form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Sync &every:"), self.every)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not link:
            row = QHBoxLayout()
            row.addWidget(self.found_label, 1)
            row.addWidget(self.test_button)
            layout.addLayout(row)
            layout.addWidget(self.calendars, 1)
            hint = QLabel(
                self.tr(
                    "iCloud needs an app-specific password (appleid.apple.com › Sign-In and "
                    "Security); Fastmail and Nextcloud offer app passwords too."
                )
            )
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.calendars.itemChanged.connect(lambda _item: self.update_ok())
        self.watch_fields()

    def forget_found(self) -> None:
        self.calendars.clear()

    def update_ok(self) -> None:
        ready = self.filled()
        if self.kind == SourceKind.CALDAV:
            self.test_button.setEnabled(ready and bool(self.user.text().strip()))
            ready = ready and bool(self.chosen())
        self.ok_button.setEnabled(ready)

    def test_connection(self) -> None:
        found = self.discover(discover_calendars)
        if found is None:
            return
        self.found = found
        self.calendars.clear()
        for calendar in found:
            item = QListWidgetItem(calendar.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.calendars.addItem(item)
        self.found_label.setText(
            self.tr(
                "Connected. %n calendar(s) with events: tick the ones to follow.", "", len(found)
            )
        )
        self.update_ok()

    def chosen(self) -> list[RemoteCalendar]:
        return [
            calendar
            for row, calendar in enumerate(self.found)
            if (item := self.calendars.item(row)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]
