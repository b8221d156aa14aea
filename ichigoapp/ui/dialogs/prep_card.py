"""The prep card of one encounter in a window of its own (Encounters > Prep card…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.widgets.prep_pane import PrepPane

if TYPE_CHECKING:
    from ichigoapp.store import Vault


class PrepCardDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, vault: Vault, encounter_id: int, clock: Clock = system_clock
    ) -> None:
        super().__init__(parent)
        self.pane = PrepPane(vault, encounter_id, clock, self)
        if self.pane.card is not None:
            # The title is the invitation's own text: never translated.
            self.setWindowTitle(self.tr("Prep card · {title}").format(title=self.pane.card.title))
        else:
            self.setWindowTitle(self.tr("Prep card"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        # Tall enough for the whole card at its preview width, but never off screen.
        height = self.pane.preview.height() + 130 if self.pane.card is not None else 300
        self.resize(max(self.pane.sizeHint().width(), 640), min(900, height))

    def reject(self) -> None:
        if self.pane.busy:
            return  # the PDF is still being written; closing would orphan the worker
        super().reject()


def open_prep_card(
    parent: QWidget, vault: Vault, encounter_id: int, clock: Clock = system_clock
) -> PrepCardDialog:
    """The card of one encounter in its own window (non-blocking)."""
    dialog = PrepCardDialog(parent, vault, encounter_id, clock)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
