"""Contacts in and out, and the vault's safety copies: File > Import contacts…,
Export…, Back up now…, Restore….

Reading and writing files runs off the GUI thread; each worker does its vault work
through ``vault.transaction()`` in its own thread (connections are per thread).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
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

from ichigoapp.errors import BadInput, IchigoError
from ichigoapp.store import KeyMode, Vault
from ichigoapp.store.restore import restore_vault
from ichigoapp.ui import dialogs, native_dialogs
from ichigoapp.ui.events import EventBus
from ichigoapp.ui.worker import Worker, call_off_gui_thread

if TYPE_CHECKING:
    from ichigoapp.services.contacts_io import ContactImportReport
    from ichigoapp.ui.main_window import MainWindow

CONTACTS_FILTER = (
    "Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)"
)
EXPORT_FILTER = "vCard, contacts only (*.vcf);;JSON, everything (*.json)"
VAULT_FILTER = "Ichigo vault (*.vault);;All files (*)"


def contact_import_summary(report: ContactImportReport) -> str:
    source = {"linkedin": "LinkedIn", "google": "Google", "vcard": "vCard"}.get(
        report.source_kind, report.source_kind or "the file"
    )
    text = (
        f"From {source}: {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged."
    )
    if report.skipped:
        n = len(report.skipped)
        text += f"\n{n} {'row was' if n == 1 else 'rows were'} skipped (see below)."
    return text


class ContactImportDialog(QDialog):
    """Progress while a contacts file imports, then what happened and what was skipped."""

    def __init__(self, parent: QWidget | None, vault: Vault, bus: EventBus, path: Path) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.path = path
        self.report: ContactImportReport | None = None
        self.failure = ""
        self.running = False
        self._worker: Worker | None = None
        self.setWindowTitle("Import contacts")
        self.setMinimumWidth(520)

        self.pages = QStackedWidget()
        progress_page = QWidget()
        pv = QVBoxLayout(progress_page)
        title = QLabel(f"Importing {path.name}")
        title.setObjectName("sectionTitle")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName("Contact import progress")
        note = QLabel("People already in your contacts are updated, not duplicated.")
        note.setObjectName("muted")
        note.setWordWrap(True)
        pv.addWidget(title)
        pv.addWidget(self.bar)
        pv.addWidget(note)
        pv.addStretch(1)
        self.pages.addWidget(progress_page)

        summary_page = QWidget()
        sv = QVBoxLayout(summary_page)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Contact import summary")
        self.skipped = QTreeWidget()
        self.skipped.setAccessibleName("Skipped rows")
        self.skipped.setHeaderLabels(["Where", "Why it was skipped"])
        self.skipped.setRootIsDecorated(False)
        self.skipped.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        close = QPushButton("Close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        sv.addWidget(self.summary_title)
        sv.addWidget(self.summary)
        sv.addWidget(self.skipped, 1)
        sv.addLayout(row)
        self.pages.addWidget(summary_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def start(self) -> None:
        path, transaction = self.path, self.vault.transaction

        def run(progress: Callable[[int, int, str], None]) -> ContactImportReport:
            # Here, not at the top: the vCard reader (vobject) is not needed to start up.
            from ichigoapp.services.contacts_io import import_contacts_file

            return import_contacts_file(transaction, path, lambda d, t: progress(d, t, ""))

        self.running = True
        self._worker = Worker(run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.start()

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _stop(self) -> None:
        self.running = False
        if self._worker is not None:
            self._worker.wait()

    def _on_finished(self, report: ContactImportReport) -> None:
        self._stop()
        self.report = report
        self.summary_title.setText("Contacts imported")
        self.summary.setText(contact_import_summary(report))
        for skip in report.skipped:
            item = QTreeWidgetItem([skip.get("where", ""), skip.get("reason", "")])
            item.setToolTip(1, skip.get("reason", ""))
            self.skipped.addTopLevelItem(item)
        self.skipped.setVisible(bool(report.skipped))
        self.pages.setCurrentIndex(1)
        self.bus.data_changed.emit()
        self.bus.status.emit(f"Imported contacts from {self.path.name}")

    def _on_failed(self, exc: BaseException) -> None:
        self._stop()
        self.failure = (
            exc.message if isinstance(exc, IchigoError) else f"{type(exc).__name__}: {exc}"
        )
        self.summary_title.setText("Nothing imported")
        self.summary.setText(f"{self.failure}\n\nYour contacts were not changed.")
        self.skipped.setVisible(False)
        self.pages.setCurrentIndex(1)

    def reject(self) -> None:
        if self.running:
            return  # one transaction: it finishes (or rolls back) on its own, quickly
        super().reject()


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def _same_file(a: Path, b: Path) -> bool:
    return a.expanduser().absolute() == b.expanduser().absolute()


class ContactsInOut(QObject):
    """The File menu's Import contacts…, Export…, Back up now… and Restore…."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_dialog: ContactImportDialog | None = None
        self.restored_windows: list[MainWindow] = []
        self.import_action = window.add_file_action(
            "Import &contacts…",
            self.import_contacts,
            status_tip="LinkedIn or Google contacts (CSV), or a vCard file",
        )
        self.export_action = window.add_file_action(
            "E&xport…", self.export, status_tip="Contacts as vCard, or everything as JSON"
        )
        self.backup_action = window.add_file_action(
            "&Back up now…", self.backup_now, status_tip="An encrypted copy of your vault"
        )
        self.restore_action = window.add_file_action(
            "&Restore…", self.restore, status_tip="Make a new vault from a backup"
        )

    @property
    def vault(self) -> Vault:
        return self.window.vault

    # --- import --------------------------------------------------------------------------
    def import_contacts(self, path: Path | None = None) -> ContactImportDialog | None:
        if path is None:
            path = native_dialogs.open_file_name(self.window, "Import contacts", CONTACTS_FILTER)
        if path is None:
            return None
        dialog = ContactImportDialog(self.window, self.vault, self.window.bus, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    # --- export --------------------------------------------------------------------------
    def export(self) -> Path | None:
        stamp = date.today().isoformat()
        chosen = native_dialogs.save_file_name(
            self.window, "Export", f"ichigo-contacts-{stamp}.vcf", EXPORT_FILTER
        )
        if chosen is None:
            return None
        kind = "json" if chosen.suffix.lower() == ".json" else "vcard"
        path = chosen if chosen.suffix else chosen.with_suffix(".vcf")
        what = "everything in your vault" if kind == "json" else "your contacts"
        if not dialogs.confirm(
            self.window,
            "Export is not encrypted",
            f"{path.name} will hold {what} as plain text, readable by anyone who gets the "
            "file. Your vault stays encrypted; this copy will not be.\n\nKeep it somewhere "
            "safe and delete it when you no longer need it.",
            "Export",
        ):
            return None
        vault = self.vault

        def write() -> int:
            from ichigoapp.services.contacts_io import export_to_file

            with vault.transaction() as session:
                return export_to_file(session, kind, path)

        try:
            with _Busy():
                count = call_off_gui_thread(write)
        except IchigoError as exc:
            dialogs.error(self.window, "Could not export", exc.message)
            return None
        noun = "contact" if count == 1 else "contacts"
        self.window.bus.status.emit(f"Exported {count} {noun} to {path}")
        dialogs.inform(
            self.window,
            "Export finished",
            f"Exported {count} {noun} to\n{path}\n\nThis file is not encrypted.",
        )
        return path

    # --- backup and restore ----------------------------------------------------------------
    def backup_now(self) -> Path | None:
        stamp = date.today().isoformat()
        suggested = f"{self.vault.path.stem}-backup-{stamp}.vault"
        chosen = native_dialogs.save_file_name(
            self.window, "Back up vault", suggested, VAULT_FILTER
        )
        if chosen is None:
            return None
        target = chosen if chosen.suffix else chosen.with_suffix(".vault")
        vault = self.vault
        try:
            if _same_file(target, vault.path):
                raise BadInput("that is the vault itself; choose another file for the backup")
            with _Busy():
                written = call_off_gui_thread(lambda: vault.backup_to(target))
        except (OSError, IchigoError) as exc:
            message = exc.message if isinstance(exc, IchigoError) else (exc.strerror or str(exc))
            dialogs.error(self.window, "Backup failed", message)
            return None
        if vault.key_mode is KeyMode.KEYCHAIN:
            key = (
                "It opens with the same key, kept in this computer's keychain: to restore "
                "it elsewhere, that keychain entry must come along."
            )
        else:
            key = "It opens with the same passphrase as your vault."
        self.window.bus.status.emit(f"Backed up to {written}")
        dialogs.inform(
            self.window,
            "Backup saved",
            f"An encrypted copy of your vault is at\n{written}\n\n{key}",
        )
        return written

    def restore(self) -> Vault | None:
        source = native_dialogs.open_file_name(self.window, "Restore from backup", VAULT_FILTER)
        if source is None:
            return None
        if not dialogs.confirm(
            self.window,
            "Restore a backup",
            f"Ichigo will make a new vault from {source.name}. Your current vault "
            f"({self.vault.path.name}) is not touched, and neither is the backup.\n\n"
            "Next, choose where to put the new vault.",
            "Choose…",
        ):
            return None
        target = native_dialogs.save_file_name(
            self.window,
            "Save the restored vault as",
            f"{source.stem}-restored.vault",
            VAULT_FILTER,
        )
        if target is None:
            return None
        target = target if target.suffix else target.with_suffix(".vault")
        try:
            if _same_file(target, self.vault.path) or _same_file(target, source):
                raise BadInput("restore into a new file, not over the vault or the backup")
            from ichigoapp.ui.unlock import ask_passphrase

            with _Busy():
                restored = restore_vault(
                    source,
                    target,
                    ask_passphrase=lambda _prompt: ask_passphrase(self.window, source, new=False),
                )
        except (OSError, IchigoError) as exc:
            message = exc.message if isinstance(exc, IchigoError) else (exc.strerror or str(exc))
            dialogs.error(self.window, "Restore failed", message)
            return None
        if dialogs.confirm(
            self.window,
            "Backup restored",
            f"The backup is now a new vault at\n{restored.path}\n\nYour current vault was "
            "not changed. Open the restored vault in a new window?",
            "Open it",
        ):
            self.open_restored(restored)
        else:
            restored.close()  # release its lock: it opens later with `ichigo --vault PATH`
            self.window.bus.status.emit(f"Restored to {restored.path}")
        return restored

    def open_restored(self, restored: Vault) -> MainWindow:
        from ichigoapp.ui.main_window import MainWindow

        other = MainWindow(restored, [], self.window.clock)
        other.setWindowTitle(f"Ichigo — {restored.path.name}")
        self.restored_windows.append(other)
        other.show()
        return other
