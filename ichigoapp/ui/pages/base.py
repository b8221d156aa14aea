"""What every page of the main window shares: access to the vault and lazy refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget
from sqlalchemy.orm import Session

from ichigoapp.errors import IchigoError
from ichigoapp.store import Vault
from ichigoapp.ui import dialogs
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.events import EventBus

__all__ = ["Clock", "Page", "VaultSearch", "list_table", "system_clock"]


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
        try:
            with self.vault.transaction() as session:
                change(session)
        except IchigoError as exc:
            dialogs.error(self, f"Could not {what}", exc.message)
            return False
        self.bus.data_changed.emit()
        return True


def list_table(
    model: QAbstractItemModel,
    accessible_name: str,
    sort_column: int | None = None,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """The read-only, row-wise, single-selection table every list view shows; sortable
    by its headers when given a ``sort_column`` (else the rows keep the model's order)."""
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    if sort_column is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    return table


class VaultSearch(QObject):
    """The filter of a list loaded a page at a time.

    What is typed narrows the loaded rows at once (``narrow``); when only part of the
    list is loaded, the vault itself is searched once the typing pauses: ``text`` becomes
    the typed words and ``reload`` is called to fetch the matching rows.
    """

    DELAY_MS = 250

    def __init__(
        self,
        parent: QObject,
        typed: Callable[[], str],
        narrow: Callable[[str], None],
        fully_loaded: Callable[[], bool],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.text = ""  # what the loaded rows were searched for ("" = every row)
        self._typed = typed
        self._narrow = narrow
        self._fully_loaded = fully_loaded
        self._reload = reload
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self._search)

    def changed(self, text: str) -> None:
        self._narrow(text)
        if self.text or not self._fully_loaded():
            self._timer.start()

    def reset(self) -> None:
        """Forget the search (the caller clears the field and reloads)."""
        self._timer.stop()
        self.text = ""

    def _search(self) -> None:
        text = self._typed().strip()
        if text != self.text:
            self.text = text
            self._reload()
