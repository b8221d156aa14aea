"""What every page of the main window shares: access to the vault and lazy refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from ichigoapp.errors import IchigoError
from ichigoapp.store import Vault
from ichigoapp.ui import dialogs
from ichigoapp.ui.events import EventBus

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class Page(QWidget):
    """A view over the vault. Refreshes when shown after the data changed, so hidden
    pages cost nothing while the user works elsewhere."""

    title = ""

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__()
        self.vault = vault
        self.bus = bus
        self.clock = clock
        self._stale = True
        bus.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def write(self, what: str, change: Callable[[Session], object]) -> bool:
        """Run one change in one transaction; user errors are shown, not raised.

        Returns True when the change was committed (and tells every view).
        """
        try:
            with self.vault.transaction() as session:
                change(session)
        except IchigoError as exc:
            dialogs.error(self, f"Could not {what}", exc.message)
            return False
        self.bus.data_changed.emit()
        return True
