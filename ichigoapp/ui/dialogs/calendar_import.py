"""Calendar import in the app: File > Import calendar…, drag and drop, files from the
command line; progress with Cancel, a summary, then the new-people triage.

The import runs in a worker thread. The store keeps one connection per thread, so the
worker opens its own transactions (``vault.transaction`` called inside the thread); the
GUI thread only reads the report it hands back.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.triage import new_people
from ichigoapp.store import Vault
from ichigoapp.ui import dialogs, native_dialogs
from ichigoapp.ui.base import Clock, system_clock
from ichigoapp.ui.events import EventBus
from ichigoapp.ui.triage import TriageWidget, open_triage
from ichigoapp.ui.worker import Worker

if TYPE_CHECKING:
    from ichigoapp.services.importing import ImportReport
    from ichigoapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)

CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb", ".icalendar")
CALENDAR_FILTER = "Calendars (*.ics *.ical *.ifb *.icalendar);;All files (*)"
PHASES = {"reading": "Reading", "saving": "Saving"}

Importer = Callable[..., "ImportReport"]


def import_calendar(*args: Any, **kwargs: Any) -> ImportReport:
    """services.importing.import_calendar, imported on first use: the importer brings
    icalendar and recurring-ical-events, which the app's start-up does not need."""
    from ichigoapp.services.importing import import_calendar as run_import

    return run_import(*args, **kwargs)


def merge_reports(into: ImportReport, part: ImportReport) -> None:
    """Add one file's report to the running total (files are imported one by one so
    the progress can name the file)."""
    for name in (
        "files",
        "events_seen",
        "created",
        "updated",
        "unchanged",
        "cancelled",
        "files_failed",
    ):
        setattr(into, name, getattr(into, name) + getattr(part, name))
    into.errors += part.errors
    into.new_people_emails |= part.new_people_emails
    into.new_people = len(into.new_people_emails)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary_text(report: ImportReport) -> str:
    """What the import did, in a sentence or two a person reads."""
    files = plural(report.files, "file")
    head = f"Read {plural(report.events_seen, 'event')} from {files}."
    counts = (
        f"{report.created} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.cancelled} cancelled."
    )
    people = (
        f"{plural(report.new_people, 'new person', 'new people')} to meet."
        if report.new_people
        else "Everyone in these meetings is already in your contacts."
    )
    return f"{head}\n{counts}\n{people}"


class ImportDialog(QDialog):
    """Progress, then summary, then triage: one window for one import."""

    import_done = Signal(object)  # the ImportReport, or None when cancelled / failed

    def __init__(
        self,
        parent: QWidget | None,
        vault: Vault,
        bus: EventBus,
        files: Sequence[Path],
        clock: Clock = system_clock,
        importer: Importer = import_calendar,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.files = [Path(f) for f in files]
        self.clock = clock
        self.importer = importer
        self.report: ImportReport | None = None
        self.failure = ""
        self.cancelled = False
        self.running = False
        self._cancel = threading.Event()
        self._worker: Worker | None = None
        self.triage: TriageWidget | None = None
        self.setWindowTitle("Import calendar")
        self.setMinimumWidth(680)

        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        # --- progress --------------------------------------------------------------------
        progress_page = QWidget()
        pv = QVBoxLayout(progress_page)
        title = QLabel(
            "Importing "
            + (self.files[0].name if len(self.files) == 1 else plural(len(self.files), "calendar"))
        )
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        self.phase_label = QLabel("Starting…")
        self.phase_label.setAccessibleName("Import progress")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.setAccessibleName("Import progress bar")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.clicked.connect(self.request_cancel)
        note = QLabel(
            "Each file is saved whole or not at all; cancelling keeps your vault as it was."
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        pv.addWidget(title)
        pv.addWidget(self.phase_label)
        pv.addWidget(self.bar)
        pv.addWidget(note)
        pv.addStretch(1)
        pv.addLayout(row)
        self.pages.addWidget(progress_page)

        # --- summary ---------------------------------------------------------------------
        summary_page = QWidget()
        sv = QVBoxLayout(summary_page)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors_label = QLabel()
        self.errors_label.setWordWrap(True)
        self.errors = QTreeWidget()
        self.errors.setAccessibleName("Import problems")
        self.errors.setHeaderLabels(["File", "Event", "Problem"])
        self.errors.setRootIsDecorated(False)
        self.errors.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # full text in the tooltip
        header = self.errors.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.errors.setColumnWidth(1, 140)
        self.triage_button = QPushButton("Meet the new people…")
        self.triage_button.setObjectName("primary")
        self.triage_button.setAccessibleName("Triage new people")
        self.triage_button.clicked.connect(self.show_triage)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.triage_button)
        sv.addWidget(self.summary_title)
        sv.addWidget(self.summary)
        sv.addWidget(self.errors_label)
        sv.addWidget(self.errors, 1)
        sv.addStretch(0)
        sv.addLayout(buttons)
        self.pages.addWidget(summary_page)

        # --- triage (built when reached: it queries the vault) --------------------------
        self.triage_page = QWidget()
        self.triage_layout = QVBoxLayout(self.triage_page)
        self.triage_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.triage_page)

    # --- running -------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the import in a worker thread (returns at once)."""
        files, importer, cancel = list(self.files), self.importer, self._cancel
        transaction = self.vault.transaction

        def run(progress: Callable[[int, int, str], None]) -> ImportReport:
            from ichigoapp.services.importing import ImportReport

            total = ImportReport()
            for n, path in enumerate(files, start=1):
                where = path.name if len(files) == 1 else f"{path.name} ({n} of {len(files)})"

                def on_progress(phase: str, done: int, count: int, where: str = where) -> None:
                    progress(done, count, f"{PHASES.get(phase, phase.capitalize())} {where}")

                part = importer(
                    transaction, [path], progress=on_progress, should_cancel=cancel.is_set
                )
                merge_reports(total, part)
            return total

        self.running = True
        self._worker = Worker(run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.start()

    def request_cancel(self) -> None:
        if not self.running:
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.phase_label.setText("Cancelling…")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            return
        self.phase_label.setText(f"{message}: {done:,} of {total:,}" if total else message)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _finish_worker(self) -> None:
        self.running = False
        if self._worker is not None:
            self._worker.wait()

    def _on_finished(self, report: ImportReport) -> None:
        self._finish_worker()
        self.report = report
        self._show_summary(report)
        # Encounters and attendees changed: every view refreshes itself.
        self.bus.data_changed.emit()
        self.bus.status.emit(f"Imported {plural(report.events_seen, 'event')}")
        self.import_done.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        from ichigoapp.services.importing import ImportCancelled

        self._finish_worker()
        if isinstance(exc, ImportCancelled):
            self.cancelled = True
            title = "Import cancelled"
            text = "Nothing from the file being read was saved; your vault is as it was."
            if len(self.files) > 1:
                text += " Calendars finished before you cancelled were kept."
        elif isinstance(exc, IchigoError):
            self.failure = exc.message
            title, text = "Import failed", f"{exc.message}\n\nNothing was changed."
        else:
            log.error("calendar import failed", exc_info=exc)
            self.failure = f"{type(exc).__name__}: {exc}"
            title = "Import failed"
            text = f"An unexpected error stopped the import ({self.failure}). Nothing was changed."
        self.summary_title.setText(title)
        self.summary.setText(text)
        self.errors_label.setVisible(False)
        self.errors.setVisible(False)
        self.triage_button.setVisible(False)
        self.pages.setCurrentIndex(1)
        self.bus.data_changed.emit()  # earlier files of a multi-file import were kept
        self.import_done.emit(None)

    def _show_summary(self, report: ImportReport) -> None:
        failed = report.files_failed == report.files and report.files > 0
        self.summary_title.setText("Nothing imported" if failed else "Import finished")
        self.summary.setText(summary_text(report))
        self.errors.clear()
        for problem in report.errors:
            item = QTreeWidgetItem(
                [
                    Path(str(problem.get("file") or "")).name,
                    str(problem.get("uid") or "(whole file)"),
                    str(problem.get("message") or ""),
                ]
            )
            item.setToolTip(0, str(problem.get("file") or ""))
            item.setToolTip(2, str(problem.get("message") or ""))
            self.errors.addTopLevelItem(item)
        n = len(report.errors)
        self.errors_label.setText(
            f"<b>{plural(n, 'problem')}</b>: these parts could not be read; "
            "everything else was imported."
            if n
            else ""
        )
        self.errors_label.setVisible(bool(n))
        self.errors.setVisible(bool(n))
        with self.vault.session() as session:
            waiting = len(new_people(session, now=self.clock()))
        self.triage_button.setVisible(waiting > 0)
        self.triage_button.setText(f"Meet {plural(waiting, 'new person', 'new people')}…")
        if waiting:
            self.triage_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.pages.setCurrentIndex(1)

    def show_triage(self) -> TriageWidget:
        if self.triage is None:
            self.triage = TriageWidget(self.vault, self.bus, None, self.clock, self)
            done = QPushButton("Done")
            done.clicked.connect(self.accept)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(done)
            self.triage_layout.addWidget(self.triage, 1)
            self.triage_layout.addLayout(row)
        self.setWindowTitle("New people")
        self.resize(max(self.width(), 860), max(self.height(), 520))
        self.pages.setCurrentIndex(2)
        return self.triage

    # --- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        # Escape or the window's close button while importing means "cancel", and the
        # dialog stays until the worker has rolled back and stopped.
        if self.running:
            self.request_cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.request_cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.triage is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.bus.data_changed.disconnect(self.triage.reload)
        super().done(result)


# --- wiring into the main window --------------------------------------------------------


def calendar_files(paths: Sequence[Path]) -> list[Path]:
    return [Path(p) for p in paths if Path(p).suffix.lower() in CALENDAR_SUFFIXES]


def _dropped_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return calendar_files([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])


class CalendarImport(QObject):
    """The main window's calendar entries: menu actions, drops, command-line files and
    Today's "N new" badges. One import runs at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None
        self.triage_dialog: QDialog | None = None
        self.import_action = window.add_file_action(
            "&Import calendar…",
            self.choose_and_import,
            "Ctrl+I",
            status_tip="Import meetings from .ics files (Google, Outlook, Apple, invites)",
        )
        self.triage_action = window.add_file_action(
            "Ne&w people…",
            self.show_triage,
            "Ctrl+Shift+P",
            status_tip="People from your calendar who are not in your contacts yet",
        )
        # Drops over a child that does not take them (lists, labels) bubble up to here.
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        triage_requested: Any = getattr(window.today, "triage_requested", None)
        if triage_requested is not None:
            triage_requested.connect(self.show_triage)
        files_received: Any = getattr(window, "files_received", None)
        if files_received is not None:  # files from a second `ichigo FILE.ics` launch
            files_received.connect(lambda _files: self.offer_pending_files())
        if window.pending_files:
            # After the window is shown, so the question has a parent on screen.
            QTimer.singleShot(0, self.offer_pending_files)

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
            dialogs.error(
                self.window,
                "Import calendar",
                "An import is already running; wait for it to finish.",
            )
            self.dialog.raise_()
            return None
        if not files:
            return None
        w = self.window
        dialog = ImportDialog(w, w.vault, w.bus, files, w.clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.open()  # window-modal, non-blocking: the app keeps painting
        dialog.start()
        return dialog

    def choose_and_import(self) -> ImportDialog | None:
        files = native_dialogs.open_file_names(self.window, "Import calendar", CALENDAR_FILTER)
        return self.start(files) if files else None

    def offer_pending_files(self) -> ImportDialog | None:
        """Files given on the command line (``ichigo FILE.ics``): ask first, then import."""
        files = calendar_files(self.window.pending_files)
        self.window.pending_files = []
        if not files:
            return None
        names = ", ".join(f.name for f in files[:3]) + (" …" if len(files) > 3 else "")
        if not dialogs.confirm(
            self.window, "Import calendar", f"Import {names} into your vault?", "Import"
        ):
            return None
        return self.start(files)

    def show_triage(self, encounter_id: int | None = None) -> QDialog:
        w = self.window
        if self.triage_dialog is not None:
            self.triage_dialog.close()  # one triage window at a time
        dialog = open_triage(w, w.vault, w.bus, encounter_id, w.clock)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.triage_dialog = dialog
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        # Deletion comes later than close: forget only the window that really went.
        if self.triage_dialog is dialog:
            self.triage_dialog = None
        if self.dialog is dialog:
            self.dialog = None
