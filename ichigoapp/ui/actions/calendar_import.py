"""Calendars into the vault from the app: File > Import calendar… and New people…,
files dropped on the window, and files given on the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from ichigoapp.ui import menus
from ichigoapp.ui.clock import Clock
from ichigoapp.ui.dialogs import ask, native
from ichigoapp.ui.dialogs.calendar_import import ImportDialog
from ichigoapp.ui.dialogs.triage import open_triage

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

# What the window takes for the calendar import: calendars, e-mail messages (Thunderbird,
# Apple Mail and Evolution drag .eml files), mailboxes and Outlook's .msg (refused with
# advice), and folders (a Maildir). The import itself tells them apart by content.
CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb", ".icalendar", ".eml", ".mbox", ".msg")


def calendar_files(paths: Sequence[Path]) -> list[Path]:
    return [
        Path(p) for p in paths if Path(p).suffix.lower() in CALENDAR_SUFFIXES or Path(p).is_dir()
    ]


def _dropped_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return calendar_files([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])


class CalendarImport(QObject):
    """One import at a time, in its own window over ``parent``; calendar files dropped
    on ``parent`` are imported too."""

    def __init__(self, parent: QWidget, vault: Vault, bus: EventBus, clock: Clock) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.vault = vault
        self.bus = bus
        self.clock = clock
        self.dialog: ImportDialog | None = None
        self.triage_dialog: QDialog | None = None
        self.import_action = menus.action(
            self,
            self.tr("&Import calendar…"),
            self.choose_and_import,
            "Ctrl+I",
            status_tip=self.tr("Import meetings from .ics files (Google, Outlook, Apple, invites)"),
        )
        self.triage_action = menus.action(
            self,
            self.tr("Ne&w people…"),
            self.show_triage,
            "Ctrl+Shift+P",
            status_tip=self.tr("People from your calendar who are not in your contacts yet"),
        )
        self.actions: list[QAction] = [self.import_action, self.triage_action]
        # Drops over a child that does not take them (lists, labels) bubble up to here.
        parent.setAcceptDrops(True)
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # the drag events all derive from it
            files = _dropped_files(event)
            if files:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.start(files)
                return True
        return super().eventFilter(watched, event)

    def start(self, files: Sequence[Path]) -> ImportDialog | None:
        """Open the import window and start importing (returns at once)."""
        if self.dialog is not None and self.dialog.running:
            ask.error(
                self.parent_widget,
                self.tr("Import calendar"),
                self.tr("An import is already running; wait for it to finish."),
            )
            self.dialog.raise_()
            return None
        if not files:
            return None
        dialog = ImportDialog(self.parent_widget, self.vault, self.bus, files, self.clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.open()  # window-modal, non-blocking: the app keeps painting
        dialog.start()
        return dialog

    def choose_and_import(self) -> ImportDialog | None:
        filters = ";;".join(
            (
                self.tr("Calendars and invitations")
                + " (*.ics *.ical *.ifb *.icalendar *.eml *.mbox)",
                self.tr("Calendars") + " (*.ics *.ical *.ifb *.icalendar)",
                self.tr("E-mail messages") + " (*.eml)",
                self.tr("All files") + " (*)",
            )
        )
        files = native.open_file_names(self.parent_widget, self.tr("Import calendar"), filters)
        return self.start(files) if files else None

    def offer_files(self, paths: Sequence[Path]) -> ImportDialog | None:
        """Files given on the command line (``ichigo FILE.ics``): ask first, then import."""
        files = calendar_files(paths)
        if not files:
            return None
        names = ", ".join(f.name for f in files[:3]) + (" …" if len(files) > 3 else "")
        if not ask.confirm(
            self.parent_widget,
            self.tr("Import calendar"),
            self.tr("Import {files} into your vault?").format(files=names),
            self.tr("Import"),
        ):
            return None
        return self.start(files)

    def show_triage(self, encounter_id: int | None = None) -> QDialog:
        if self.triage_dialog is not None:
            self.triage_dialog.close()  # one triage window at a time
        dialog = open_triage(self.parent_widget, self.vault, self.bus, encounter_id, self.clock)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.triage_dialog = dialog
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        # Deletion comes later than close: forget only the window that really went.
        if self.triage_dialog is dialog:
            self.triage_dialog = None
        if self.dialog is dialog:
            self.dialog = None
