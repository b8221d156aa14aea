"""Importing calendars: progress with Cancel, a summary, then the new-people triage.

Files are imported one by one, each in its own transaction, so the progress can name
the file and a cancel keeps the calendars finished before it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.services.triage import new_people
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs.import_progress import ImportProgressDialog
from ichigoapp.ui.widgets.triage import TriageWidget

if TYPE_CHECKING:
    from ichigoapp.services.importing import ImportReport
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

log = logging.getLogger(__name__)

TRIAGE = 2  # the dialog's third page

Importer = Callable[..., "ImportReport"]


def import_calendar(*args: Any, **kwargs: Any) -> ImportReport:
    """services.importing.import_calendar, imported on first use: the importer brings
    icalendar and recurring-ical-events, which the app's start-up does not need."""
    from ichigoapp.services.importing import import_calendar as run_import

    return run_import(*args, **kwargs)


class ImportSummary(QObject):
    """What an import did, in a sentence or two a person reads (a QObject so Qt
    translates it, plurals included)."""

    def text(self, report: ImportReport) -> str:
        events = self.tr("%n event(s)", "", report.events_seen)
        if report.messages:
            head = self.tr("Read {events} from {invitations} in {messages}.").format(
                events=events,
                invitations=self.tr("%n invitation(s)", "", report.invites),
                messages=self.tr("%n e-mail message(s)", "", report.messages),
            )
        else:
            head = self.tr("Read {events} from {files}.").format(
                events=events, files=self.tr("%n file(s)", "", report.files)
            )
        counts = self.tr(
            "{created} new, {updated} updated, {unchanged} unchanged, {cancelled} cancelled."
        ).format(
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            cancelled=report.cancelled,
        )
        people = (
            self.tr("%n new person/people to meet.", "", report.new_people)
            if report.new_people
            else self.tr("Everyone in these meetings is already in your contacts.")
        )
        return f"{head}\n{counts}\n{people}"

    def importing(self, files: Sequence[Path]) -> str:
        if len(files) == 1:
            return self.tr("Importing {file}").format(file=files[0].name)
        return self.tr("Importing %n calendar(s)", "", len(files))

    def phases(self) -> dict[str, str]:
        """The progress line of each phase of an import; {where} is the file."""
        return {"reading": self.tr("Reading {where}"), "saving": self.tr("Saving {where}")}

    def where(self, path: Path, number: int, count: int) -> str:
        if count == 1:
            return path.name
        return self.tr("{file} ({number} of {count})").format(
            file=path.name, number=number, count=count
        )


def summary_text(report: ImportReport) -> str:
    """What the import did, in a sentence or two a person reads."""
    return ImportSummary().text(report)


class ImportDialog(ImportProgressDialog):
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
        self.files = [Path(f) for f in files]
        # self.tr works before QDialog.__init__ (its context is the class's name).
        super().__init__(
            parent,
            self.tr("Import calendar"),
            ImportSummary().importing(self.files),
            self.tr(
                "Each file is saved whole or not at all; cancelling keeps your vault as it was."
            ),
            names=(
                self.tr("Import progress bar"),
                self.tr("Import summary"),
                self.tr("Import problems"),
            ),
            problem_headers=[self.tr("File"), self.tr("Event"), self.tr("Problem")],
        )
        self.vault = vault
        self.bus = bus
        self.clock = clock
        self.importer = importer
        self.report: ImportReport | None = None
        self.failure = ""
        self.cancelled = False
        self._cancel = threading.Event()
        self.triage: TriageWidget | None = None
        self.setMinimumWidth(680)

        self.phase_label = QLabel(self.tr("Starting…"))
        self.phase_label.setAccessibleName(self.tr("Import progress"))
        self.progress_layout.insertWidget(1, self.phase_label)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        self.progress_layout.addLayout(row)

        self.errors = self.problems
        self.errors.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # full text in the tooltip
        header = self.errors.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.errors.setColumnWidth(1, 140)
        self.errors_label = QLabel()
        self.errors_label.setWordWrap(True)
        self.summary_layout.insertWidget(2, self.errors_label)
        self.triage_button = QPushButton(self.tr("Meet the new people…"))
        self.triage_button.setObjectName("primary")
        self.triage_button.setAccessibleName(self.tr("Triage new people"))
        self.triage_button.clicked.connect(self.show_triage)
        self.summary_buttons.addWidget(self.triage_button)

        # The triage is built when reached: it queries the vault.
        self.triage_page = QWidget()
        self.triage_layout = QVBoxLayout(self.triage_page)
        self.triage_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.triage_page)

    # --- running -------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the import in a worker thread (returns at once)."""
        files, importer, cancel = list(self.files), self.importer, self._cancel
        transaction = self.vault.transaction
        # Translated here, on the GUI thread; the worker only fills them in.
        words = ImportSummary()
        phases = words.phases()
        wheres = [words.where(path, n, len(files)) for n, path in enumerate(files, start=1)]

        def run(progress: Callable[[int, int, str], None]) -> ImportReport:
            from ichigoapp.services.importing import ImportReport

            total = ImportReport()
            for path, where in zip(files, wheres, strict=True):

                def on_progress(phase: str, done: int, count: int, where: str = where) -> None:
                    line = phases.get(phase, phase.capitalize() + " {where}")
                    progress(done, count, line.format(where=where))

                total.add(
                    importer(transaction, [path], progress=on_progress, should_cancel=cancel.is_set)
                )
            return total

        self.run(run)

    def request_cancel(self) -> None:
        if not self.running:
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.phase_label.setText(self.tr("Cancelling…"))

    def show_progress(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            return
        locale = QLocale()
        self.phase_label.setText(
            self.tr("{step}: {done} of {total}").format(
                step=message, done=locale.toString(done), total=locale.toString(total)
            )
            if total
            else message
        )
        super().show_progress(done, total, message)

    def succeeded(self, result: object) -> None:
        from ichigoapp.services.importing import ImportReport

        assert isinstance(result, ImportReport)
        self.report = result
        self._show_report(result)
        # Encounters and attendees changed: every view refreshes itself.
        self.bus.data_changed.emit()
        self.bus.status.emit(self.tr("Imported %n event(s)", "", result.events_seen))
        self.import_done.emit(result)

    def failed(self, exc: BaseException) -> None:
        from ichigoapp.services.importing import ImportCancelled

        if isinstance(exc, ImportCancelled):
            self.cancelled = True
            title = self.tr("Import cancelled")
            text = self.tr("Nothing from the file being read was saved; your vault is as it was.")
            if len(self.files) > 1:
                text += " " + self.tr("Calendars finished before you cancelled were kept.")
        elif isinstance(exc, IchigoError):
            self.failure = exc.message
            title = self.tr("Import failed")
            text = self.tr("{reason}\n\nNothing was changed.").format(reason=exc.message)
        else:
            log.error("calendar import failed", exc_info=exc)
            self.failure = f"{type(exc).__name__}: {exc}"
            title = self.tr("Import failed")
            text = self.tr(
                "An unexpected error stopped the import ({reason}). Nothing was changed."
            ).format(reason=self.failure)
        self.errors_label.setVisible(False)
        self.errors.setVisible(False)
        self.triage_button.setVisible(False)
        self.show_summary(title, text)
        self.bus.data_changed.emit()  # earlier files of a multi-file import were kept
        self.import_done.emit(None)

    def _show_report(self, report: ImportReport) -> None:
        failed = report.files_failed == report.files and report.files > 0
        self.list_problems(
            [
                [
                    Path(str(p.get("file") or "")).name,
                    str(p.get("uid") or self.tr("(whole file)")),
                    str(p.get("message") or ""),
                ]
                for p in report.errors
            ],
            [[str(p.get("file") or ""), "", str(p.get("message") or "")] for p in report.errors],
        )
        n = len(report.errors)
        self.errors_label.setText(
            self.tr(
                "<b>%n problem(s)</b>: these parts could not be read; everything else was "
                "imported.",
                "",
                n,
            )
            if n
            else ""
        )
        self.errors_label.setVisible(bool(n))
        with self.vault.session() as session:
            waiting = len(new_people(session, now=self.clock()))
        self.triage_button.setVisible(waiting > 0)
        self.triage_button.setText(self.tr("Meet %n new person/people…", "", waiting))
        if waiting:
            self.triage_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.show_summary(
            self.tr("Nothing imported") if failed else self.tr("Import finished"),
            summary_text(report),
        )

    def show_triage(self) -> TriageWidget:
        if self.triage is None:
            self.triage = TriageWidget(self.vault, self.bus, None, self.clock, self)
            done = QPushButton(self.tr("Done"))
            done.clicked.connect(self.accept)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(done)
            self.triage_layout.addWidget(self.triage, 1)
            self.triage_layout.addLayout(row)
        self.setWindowTitle(self.tr("New people"))
        self.resize(max(self.width(), 860), max(self.height(), 520))
        self.pages.setCurrentIndex(TRIAGE)
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
