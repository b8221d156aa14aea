"""Importing a contacts file: progress, then what happened and what was skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView, QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.ui.dialogs.import_progress import ImportProgressDialog

if TYPE_CHECKING:
    from ichigoapp.services.contacts_io import ContactImportReport
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


class ContactImportSummary(QObject):
    """The summary's sentences: a QObject so Qt translates them, plurals included."""

    def text(self, report: ContactImportReport) -> str:
        # Product names stay as they are in every language.
        source = {"linkedin": "LinkedIn", "google": "Google", "vcard": "vCard"}.get(
            report.source_kind, report.source_kind or self.tr("the file")
        )
        text = self.tr(
            "From {source}: {created} new, {updated} updated, {unchanged} unchanged."
        ).format(
            source=source,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
        )
        if report.merged:
            text += "\n" + self.tr(
                "Merged %n contact(s) the file showed to be someone you already had.",
                "",
                report.merged,
            )
        if report.possible_duplicates:
            text += "\n" + self.tr(
                "%n possible duplicate(s): a new contact may be someone you already have (a "
                "shared name, say). They were kept apart; review them in Contacts › Duplicates…",
                "",
                report.possible_duplicates,
            )
        if report.skipped:
            text += "\n" + self.tr("Skipped %n row(s) (see below).", "", len(report.skipped))
        return text


def contact_import_summary(report: ContactImportReport) -> str:
    return ContactImportSummary().text(report)


class ContactImportDialog(ImportProgressDialog):
    """The import is one transaction: it cannot be cancelled halfway, and is quick."""

    def __init__(self, parent: QWidget | None, vault: Vault, bus: EventBus, path: Path) -> None:
        # self.tr works before QDialog.__init__ (its context is the class's name).
        super().__init__(
            parent,
            self.tr("Import contacts"),
            self.tr("Importing {file}").format(file=path.name),
            self.tr(
                "People already in your contacts (the same address, phone or profile) are "
                "updated, not duplicated; a shared name alone never joins two people."
            ),
            names=(
                self.tr("Contact import progress"),
                self.tr("Contact import summary"),
                self.tr("Skipped rows"),
            ),
            problem_headers=[self.tr("Where"), self.tr("Why it was skipped")],
        )
        self.vault = vault
        self.bus = bus
        self.path = path
        self.report: ContactImportReport | None = None
        self.failure = ""
        self.setMinimumWidth(520)
        self.skipped = self.problems
        self.skipped.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.close_button.setDefault(True)

    def start(self) -> None:
        path, transaction = self.path, self.vault.transaction

        def run(progress: Callable[[int, int, str], None]) -> ContactImportReport:
            # Here, not at the top: the vCard reader (vobject) is not needed to start up.
            from ichigoapp.services.contacts_io import import_contacts_file

            return import_contacts_file(transaction, path, lambda d, t: progress(d, t, ""))

        self.run(run)

    def succeeded(self, result: object) -> None:
        from ichigoapp.services.contacts_io import ContactImportReport

        assert isinstance(result, ContactImportReport)
        self.report = result
        self.list_problems(
            [[s.get("where", ""), s.get("reason", "")] for s in result.skipped],
            [["", s.get("reason", "")] for s in result.skipped],
        )
        self.show_summary(self.tr("Contacts imported"), contact_import_summary(result))
        self.bus.data_changed.emit()
        self.bus.status.emit(self.tr("Imported contacts from {file}").format(file=self.path.name))

    def failed(self, exc: BaseException) -> None:
        self.failure = (
            exc.message if isinstance(exc, IchigoError) else f"{type(exc).__name__}: {exc}"
        )
        self.skipped.setVisible(False)
        self.show_summary(
            self.tr("Nothing imported"),
            self.tr("{reason}\n\nYour contacts were not changed.").format(reason=self.failure),
        )

    def reject(self) -> None:
        if self.running:
            return  # one transaction: it finishes (or rolls back) on its own, quickly
        super().reject()
