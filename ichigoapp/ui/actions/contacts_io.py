"""Contacts in and out: File > Import contacts… and Export….

Reading and writing files runs off the GUI thread; the worker does its vault work
through ``vault.transaction()`` in its own thread (connections are per thread).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.ui import menus
from ichigoapp.ui.dialogs import ask, native
from ichigoapp.ui.dialogs.contact_import import ContactImportDialog
from ichigoapp.ui.worker import busy_cursor, call_off_gui_thread

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


class ContactsInOut(QObject):
    def __init__(self, parent: QWidget, vault: Vault, bus: EventBus) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.vault = vault
        self.bus = bus
        self.import_dialog: ContactImportDialog | None = None
        self.import_action = menus.action(
            self,
            self.tr("Import &contacts…"),
            self.import_contacts,
            status_tip=self.tr("LinkedIn or Google contacts (CSV), or a vCard file"),
        )
        self.export_action = menus.action(
            self,
            self.tr("E&xport…"),
            self.export,
            status_tip=self.tr("Contacts as vCard, or everything as JSON"),
        )
        self.actions: list[QAction] = [self.import_action, self.export_action]

    def import_contacts(self, path: Path | None = None) -> ContactImportDialog | None:
        if path is None:
            filters = ";;".join(
                (
                    self.tr("Contacts") + " (*.vcf *.vcard *.csv)",
                    "vCard (*.vcf *.vcard)",
                    "CSV (*.csv)",
                    self.tr("All files") + " (*)",
                )
            )
            path = native.open_file_name(self.parent_widget, self.tr("Import contacts"), filters)
        if path is None:
            return None
        dialog = ContactImportDialog(self.parent_widget, self.vault, self.bus, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def export(self) -> Path | None:
        stamp = date.today().isoformat()
        filters = ";;".join(
            (
                self.tr("vCard, contacts only") + " (*.vcf)",
                self.tr("JSON, everything") + " (*.json)",
            )
        )
        suggested = f"ichigo-contacts-{stamp}.vcf"  # a file name: the same in every language
        chosen = native.save_file_name(self.parent_widget, self.tr("Export"), suggested, filters)
        if chosen is None:
            return None
        kind = "json" if chosen.suffix.lower() == ".json" else "vcard"
        path = chosen if chosen.suffix else chosen.with_suffix(".vcf")
        if kind == "json":
            warning = self.tr(
                "{file} will hold everything in your vault as plain text, readable by anyone "
                "who gets the file. Fields you marked private are in it too. Your vault stays "
                "encrypted; this copy will not be.\n\nKeep it somewhere safe and delete it "
                "when you no longer need it."
            )
        else:
            warning = self.tr(
                "{file} will hold your contacts as plain text, readable by anyone who gets "
                "the file. Fields you marked private are left out. Your vault stays "
                "encrypted; this copy will not be.\n\nKeep it somewhere safe and delete it "
                "when you no longer need it."
            )
        if not ask.confirm(
            self.parent_widget,
            self.tr("Export is not encrypted"),
            warning.format(file=path.name),
            self.tr("Export"),
        ):
            return None
        vault = self.vault

        def write() -> int:
            from ichigoapp.services.contacts_io import export_to_file

            with vault.transaction() as session:
                return export_to_file(session, kind, path)

        try:
            with busy_cursor():
                count = call_off_gui_thread(write)
        except IchigoError as exc:
            ask.error(self.parent_widget, self.tr("Could not export"), exc.message)
            return None
        self.bus.status.emit(
            self.tr("Exported %n contact(s) to {path}", "", count).format(path=path)
        )
        ask.inform(
            self.parent_widget,
            self.tr("Export finished"),
            self.tr(
                "Exported %n contact(s) to\n{path}\n\nThis file is not encrypted.", "", count
            ).format(path=path),
        )
        return path
