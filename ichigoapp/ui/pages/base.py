"""What every page of the main window shares: access to the vault and lazy refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ichigoapp.ui.changes import commit
from ichigoapp.ui.clock import Clock, system_clock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


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

    def paged_count(
        self, noun: str, loaded: int, complete: bool, searched: str, count: Callable[[Session], int]
    ) -> str:
        """What a list loaded a page at a time says about its length: every row is
        loaded, or the search goes on as the user scrolls, or how many there are in all
        (``count``, asked only then) and how many of the newest are loaded."""
        if complete:
            return f"{loaded} {noun}"
        if searched:
            return f"{loaded}+ found · scroll for more"
        with self.vault.session() as session:
            total = count(session)
        return f"{total} {noun} · newest {loaded} loaded"

    def write(self, what: str, change: Callable[[Session], object]) -> bool:
        """Run one change in one transaction; user errors are shown, not raised.

        Returns True when the change was committed (and tells every view).
        """
        return commit(self, self.vault, self.bus, what, change)
