"""Promises: mine and theirs, open and done, with due dates; mark done or reopen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QPushButton, QVBoxLayout

from ichigoapp.services.lists import promise_rows
from ichigoapp.services.reflections import set_promise_done
from ichigoapp.services.today import PromiseItem, local_today
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs.thanks import ThanksDialog, open_followup_dialog
from ichigoapp.ui.models import PromiseTableModel, RowFilterProxy, RowRole
from ichigoapp.ui.pages.base import Page
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr
from ichigoapp.ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

translate = QCoreApplication.translate
# The filters' choices, in English (the code compares them), shown translated.
STATES = (
    QT_TRANSLATE_NOOP("PromisesView", "Open"),
    QT_TRANSLATE_NOOP("PromisesView", "Done"),
    QT_TRANSLATE_NOOP("PromisesView", "All"),
)
DIRECTIONS = (
    QT_TRANSLATE_NOOP("PromisesView", "Both ways"),
    QT_TRANSLATE_NOOP("PromisesView", "Mine"),
    QT_TRANSLATE_NOOP("PromisesView", "Theirs"),
)


class PromisesView(Page):
    title = QT_TRANSLATE_NOOP("MainWindow", "Promises")

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self.model = PromiseTableModel(self)
        self.proxy = RowFilterProxy.over(self.model)

        self.state = QComboBox()
        self.state.setAccessibleName(translate("PromisesView", "Show promises"))
        self.state.addItems([translate("PromisesView", state) for state in STATES])
        self.direction = QComboBox()
        self.direction.setAccessibleName(translate("PromisesView", "Whose promises"))
        self.direction.addItems([translate("PromisesView", way) for way in DIRECTIONS])
        self.state.currentIndexChanged.connect(self._apply_predicate)
        self.direction.currentIndexChanged.connect(self._apply_predicate)
        self.done_button = QPushButton(translate("PromisesView", "Mark done"))
        self.done_button.setAccessibleName(translate("PromisesView", "Mark promise done"))
        self.done_button.clicked.connect(lambda: self.set_done(True))
        self.reopen_button = QPushButton(translate("PromisesView", "Reopen"))
        self.reopen_button.setAccessibleName(translate("PromisesView", "Reopen promise"))
        self.reopen_button.clicked.connect(lambda: self.set_done(False))
        self.followup_button = QPushButton(translate("PromisesView", "&Follow up…"))
        self.followup_button.setAccessibleName(
            translate("PromisesView", "Draft a follow-up on this promise")
        )
        self.followup_button.setToolTip(
            translate("PromisesView", "Draft a message to them about a promise you made")
        )
        self.followup_button.clicked.connect(lambda _=False: self.follow_up())
        self.followup_dialog: ThanksDialog | None = None
        self.encounter_button = QPushButton(translate("PromisesView", "Open encounter"))
        self.encounter_button.setAccessibleName(
            translate("PromisesView", "Open the encounter of this promise")
        )
        self.encounter_button.clicked.connect(self._open_encounter)

        self.list = ListPanel(
            self.proxy,
            translate("PromisesView", "Promises list"),
            translate("PromisesView", "Filter promises…"),
            translate("PromisesView", "Filter promises"),
            sort=(PromiseTableModel.COL_DUE, Qt.SortOrder.AscendingOrder),
            before=[self.state, self.direction],
            buttons=[
                self.done_button,
                self.reopen_button,
                self.followup_button,
                self.encounter_button,
            ],
            margins=(12, 12, 12, 12),
        )
        self.filter, self.table, self.count_label = self.list.parts()
        self.filter.textChanged.connect(self.proxy.set_text)
        self.table.horizontalHeader().setSectionResizeMode(
            PromiseTableModel.COL_TEXT, QHeaderView.ResizeMode.Stretch
        )
        for col, width in ((0, 110), (1, 120), (3, 170), (4, 170)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _index: self.toggle_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self._apply_predicate()
        self._on_current(QModelIndex(), QModelIndex())

    def _apply_predicate(self) -> None:
        state = STATES[self.state.currentIndex()]
        direction = DIRECTIONS[self.direction.currentIndex()]

        def keep(row: PromiseItem) -> bool:
            if state == "Open" and row.done_on is not None:
                return False
            if state == "Done" and row.done_on is None:
                return False
            if direction == "Mine" and not row.mine:
                return False
            return not (direction == "Theirs" and row.mine)

        self.proxy.set_predicate(keep)
        self._update_count()

    def _update_count(self) -> None:
        today = local_today(self.clock())
        overdue = sum(1 for r in self.model.rows() if r.overdue(today))
        text = tr("%n shown", "", self.proxy.rowCount())
        if overdue:
            text += " · " + tr("%n overdue", "", overdue)
        self.count_label.setText(text)

    def reload(self) -> None:
        keep = self.current_id()
        with self.vault.session() as session:
            self.model.set_rows(promise_rows(session), self.clock())
        self._update_count()
        if keep is not None:
            self._select(keep)
        self._on_current(self.table.currentIndex(), QModelIndex())

    def current_row(self) -> PromiseItem | None:
        index = self.table.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        return row if isinstance(row, PromiseItem) else None

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.promise_id if row else None

    def _select(self, promise_id: int) -> bool:
        return self.list.select(promise_id, clear_filter=False, quiet=False)

    def show_open(self) -> None:
        """Every open promise, soonest due first (from Today's "N more…")."""
        self.filter.clear()
        self.state.setCurrentIndex(STATES.index("Open"))
        self.direction.setCurrentIndex(0)
        self.table.sortByColumn(PromiseTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)

    def open_promise(self, promise_id: int) -> None:
        self.ensure_loaded()
        if not self._select(promise_id):
            # Show everything so the promise is visible whatever its state.
            self.filter.clear()
            self.state.setCurrentIndex(STATES.index("All"))
            self.direction.setCurrentIndex(0)
            self._select(promise_id)
        self.table.setFocus()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(RowRole) if current.isValid() else None
        item = row if isinstance(row, PromiseItem) else None
        self.done_button.setEnabled(item is not None and item.done_on is None)
        self.reopen_button.setEnabled(item is not None and item.done_on is not None)
        self.encounter_button.setEnabled(item is not None and item.encounter_id is not None)
        # A follow-up is for a promise of mine still open, to someone.
        self.followup_button.setEnabled(
            item is not None and item.mine and item.done_on is None and item.contact_id is not None
        )

    def set_done(self, done: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        today = local_today(self.clock())
        if self.write(
            translate("PromisesView", "update the promise"),
            lambda s: set_promise_done(s, row.promise_id, done, today),
        ):
            self.bus.status.emit(
                translate("PromisesView", "Promise marked done")
                if done
                else translate("PromisesView", "Promise reopened")
            )

    def toggle_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.set_done(row.done_on is None)

    def follow_up(self) -> ThanksDialog | None:
        """The follow-up draft of the current promise (mine, still open)."""
        row = self.current_row()
        if row is None or not row.mine or row.done_on is not None:
            return None
        self.followup_dialog = open_followup_dialog(self, self.vault, self.bus, row.promise_id)
        return self.followup_dialog

    def _open_encounter(self) -> None:
        row = self.current_row()
        if row is not None and row.encounter_id is not None:
            self.bus.open_encounter.emit(row.encounter_id)
