"""The list every page shows: a filter field, a read-only table, buttons and a count.

Contacts, Encounters, Reflections and Promises each build one :class:`ListPanel`
around their proxy model; a list loaded a page at a time adds a :class:`VaultSearch`
so that typing searches the vault, not only the rows already loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.ui.models import RowFilterProxy, RowTableModel


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


def filter_field(placeholder: str, accessible_name: str) -> QLineEdit:
    field = QLineEdit(placeholderText=placeholder)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(True)
    return field


def muted_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    return label


class ListPanel(QWidget):
    """Controls ``above``, a row with the filter field between ``before`` and ``after``,
    the table, then ``buttons`` with the count at the row's end (no row when ``buttons``
    is None: the page shows ``count_label`` where it likes)."""

    def __init__(
        self,
        proxy: RowFilterProxy,
        table_name: str,
        placeholder: str,
        filter_name: str,
        *,
        sort: tuple[int, Qt.SortOrder] | None = None,
        above: QLayout | None = None,
        before: Sequence[QWidget] = (),
        after: Sequence[QWidget] = (),
        buttons: Sequence[QWidget] | None = (),
        margins: tuple[int, int, int, int] = (12, 12, 6, 12),
    ) -> None:
        super().__init__()
        self.proxy = proxy
        self.filter = filter_field(placeholder, filter_name)
        column, order = sort if sort is not None else (None, Qt.SortOrder.AscendingOrder)
        self.table = list_table(proxy, table_name, column, order)
        self.count_label = muted_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        if above is not None:
            layout.addLayout(above)
        if before or after:
            row = QHBoxLayout()
            for widget in before:
                row.addWidget(widget)
            row.addWidget(self.filter, 1)
            for widget in after:
                row.addWidget(widget)
            layout.addLayout(row)
        else:
            layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        if buttons is not None:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            row.addWidget(self.count_label)
            layout.addLayout(row)

    def parts(self) -> tuple[QLineEdit, QTableView, QLabel]:
        """The filter field, the table and the count, for the page to keep at hand."""
        return self.filter, self.table, self.count_label

    def search_the_vault(self, reload: Callable[[], None]) -> VaultSearch:
        """Typing narrows the loaded rows at once and, while the list is loaded only in
        part, searches the vault when the typing pauses (then ``reload``)."""
        search = VaultSearch(
            self, self.filter.text, self.proxy.set_text, lambda: self.source.complete, reload
        )
        self.filter.textChanged.connect(search.changed)
        return search

    @property
    def source(self) -> RowTableModel[object]:
        model = self.proxy.sourceModel()
        assert isinstance(model, RowTableModel)
        return model

    def select(self, ident: int, *, clear_filter: bool = True, quiet: bool = True) -> bool:
        """Make the row of ``ident`` current and scroll to it; False when it is not
        loaded (or, without ``clear_filter``, filtered out). ``quiet`` keeps the
        table's currentRowChanged from firing (the caller loads the detail itself)."""
        row = self.source.row_of_id(ident)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.source.index(row, 0))
        if not index.isValid():
            if not clear_filter:
                return False
            self.filter.clear()  # filtered out: clear the filter so it can be shown
            index = self.proxy.mapFromSource(self.source.index(row, 0))
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True) if quiet else False
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if quiet:
            selection.blockSignals(blocked)
        self.table.scrollTo(index)
        return True


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
