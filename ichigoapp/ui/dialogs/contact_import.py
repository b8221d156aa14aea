"""Importing a contacts file: progress, then what happened and what was skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.ui.dialogs.import_progress import ImportProgressDialog
from ichigoapp.ui.fmt import plural

if TYPE_CHECKING:
    from ichigoapp.services.contacts_io import ContactImportReport
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


def contact_import_summary(report: ContactImportReport) -> str:
    source = {"linkedin": "LinkedIn", "google": "Google", "vcard": "vCard"}.get(
        report.source_kind, report.source_kind or "the file"
    )
    text = (
        f"From {source}: {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged."
    )
    if report.merged:
        merged = plural(report.merged, "contact")
        text += f"\nMerged {merged} the file showed to be someone you already had."
    if report.possible_duplicates:
        pairs = plural(report.possible_duplicates, "possible duplicate")
        text += (
            f"\n{pairs}: a new contact may be someone you already have (a shared name, "
            "say). They were kept apart; review them in Contacts › Duplicates…"
        )
    if report.skipped:
        n = len(report.skipped)
        text += f"\n{n} {'row was' if n == 1 else 'rows were'} skipped (see below)."
    return text


class ContactImportDialog(ImportProgressDialog):
    """The import is one transaction: it cannot be cancelled halfway, and is quick."""

    def __init__(self, parent: QWidget | None, vault: Vault, bus: EventBus, path: Path) -> None:
        super().__init__(
            parent,
            "Import contacts",
            f"Importing {path.name}",
            "People already in your contacts (the same address, phone or profile) are "
            "updated, not duplicated; a shared name alone never joins two people.",
            names=("Contact import progress", "Contact import summary", "Skipped rows"),
            problem_headers=["Where", "Why it was skipped"],
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
        self.show_summary("Contacts imported", contact_import_summary(result))
        self.bus.data_changed.emit()
        self.bus.status.emit(f"Imported contacts from {self.path.name}")

    def failed(self, exc: BaseException) -> None:
        self.failure = (
            exc.message if isinstance(exc, IchigoError) else f"{type(exc).__name__}: {exc}"
        )
        self.skipped.setVisible(False)
        self.show_summary("Nothing imported", f"{self.failure}\n\nYour contacts were not changed.")

    def reject(self) -> None:
        if self.running:
            return  # one transaction: it finishes (or rolls back) on its own, quickly
        super().reject()
