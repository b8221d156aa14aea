"""New people in their own window (File > New people…, or Today's "N new" badge)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.widgets.triage import TriageWidget

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


class TriageDialog(QDialog):
    """The triage in its own window (from the menu or Today's "N new" badge)."""

    def __init__(
        self,
        parent: QWidget | None,
        vault: Vault,
        bus: EventBus,
        encounter_id: int | None = None,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New people"))
        self.resize(860, 520)
        self.triage = TriageWidget(vault, bus, encounter_id, clock, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.triage, 1)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        # The bus outlives this dialog: stop listening so a closed dialog never reloads.
        with contextlib.suppress(RuntimeError, TypeError):
            self.triage.bus.data_changed.disconnect(self.triage.reload)
        super().done(result)


def open_triage(
    parent: QWidget,
    vault: Vault,
    bus: EventBus,
    encounter_id: int | None = None,
    clock: Clock = system_clock,
) -> TriageDialog:
    """Show the triage window-modal and return at once (never blocks a test)."""
    dialog = TriageDialog(parent, vault, bus, encounter_id, clock)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
