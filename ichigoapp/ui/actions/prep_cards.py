"""File > Print prep cards… and Print the day…: a day's cards, or the day on one sheet,
printed or saved as one PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ichigoapp.ui import menus
from ichigoapp.ui.clock import Clock

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.dialogs.print_day import PrintDayDialog


class PrepCards(QObject):
    def __init__(self, parent: QWidget, vault: Vault, clock: Clock) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.vault = vault
        self.clock = clock
        self.dialog: PrintDayDialog | None = None
        self.action = menus.action(
            self,
            self.tr("&Print prep cards…"),
            self.open_day_dialog,
            "Ctrl+P",
            status_tip=self.tr("One prep card per meeting of tomorrow or a chosen day"),
        )
        self.sheet_action = menus.action(
            self,
            self.tr("Print the &day…"),
            lambda: self.open_day_dialog(sheet=True),
            "Ctrl+Alt+P",
            status_tip=self.tr(
                "Every meeting of a day on one A4 or Letter page, a line for each person"
            ),
        )
        self.actions: list[QAction] = [self.action, self.sheet_action]

    def open_day_dialog(self, *, sheet: bool = False) -> PrintDayDialog:
        # Printing (QtPrintSupport, the card layout) loads when first used.
        from ichigoapp.ui.dialogs.print_day import PrintDayDialog

        dialog = PrintDayDialog(self.parent_widget, self.vault, self.clock, sheet=sheet)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
