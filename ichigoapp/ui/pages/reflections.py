"""Reflections: every reflection, newest first, searchable; open one to edit it."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.lists import ReflectionRow, reflection_count, reflection_rows
from ichigoapp.ui import fmt
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.models import ReflectionTableModel, RowFilterProxy, RowRole
from ichigoapp.ui.pages.base import Page
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr
from ichigoapp.ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

translate = QCoreApplication.translate
SECTIONS = (
    (QT_TRANSLATE_NOOP("ReflectionsView", "What I learned"), "learned"),
    (QT_TRANSLATE_NOOP("ReflectionsView", "What went well"), "went_well"),
    (QT_TRANSLATE_NOOP("ReflectionsView", "What to do better"), "improve"),
    (QT_TRANSLATE_NOOP("ReflectionsView", "Gratitude"), "gratitude"),
    (QT_TRANSLATE_NOOP("ReflectionsView", "Next time"), "next_time"),
)


class ReflectionsView(Page):
    title = QT_TRANSLATE_NOOP("MainWindow", "Reflections")

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self.model = ReflectionTableModel(self)
        self.proxy = RowFilterProxy.over(self.model)
        self.unsent_only = QCheckBox(translate("ReflectionsView", "Thanks not sent"))
        self.unsent_only.setAccessibleName(
            translate("ReflectionsView", "Only reflections whose thanks are not sent")
        )
        self.unsent_only.toggled.connect(lambda _on: self.reload())
        self.list = ListPanel(
            self.proxy,
            translate("ReflectionsView", "Reflections list"),
            translate("ReflectionsView", "Search reflections…"),
            translate("ReflectionsView", "Search reflections"),
            sort=(ReflectionTableModel.COL_DATE, Qt.SortOrder.DescendingOrder),
            after=[self.unsent_only],
            buttons=None,  # the count sits under the reflection, beside its button
            margins=(12, 12, 12, 6),
        )
        self.filter, self.table, self.count_label = self.list.parts()
        self.search = self.list.search_the_vault(self.reload)
        self.table.horizontalHeader().setSectionResizeMode(
            ReflectionTableModel.COL_LEARNED, QHeaderView.ResizeMode.Stretch
        )
        for col, width in ((0, 110), (1, 220), (2, 160), (4, 220)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())

        self.reader = QTextBrowser()
        self.reader.setAccessibleName(translate("ReflectionsView", "Reflection"))
        self.reader.setOpenLinks(False)
        self.reader.anchorClicked.connect(
            lambda url: self.bus.open_encounter.emit(int(url.toString().split(":")[1]))
        )
        self.edit_button = QPushButton(translate("ReflectionsView", "Edit reflection…"))
        self.edit_button.setAccessibleName(translate("ReflectionsView", "Edit reflection"))
        self.edit_button.clicked.connect(self.edit_current)
        self.edit_button.setEnabled(False)

        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(12, 6, 12, 12)
        bv.addWidget(self.reader, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        bv.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("reflectionsSplitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def show_unsent_thanks(self) -> None:
        """List the reflections whose thanks are still to be said (from Today)."""
        self.filter.clear()
        if self.unsent_only.isChecked():
            self.reload()
        else:
            self.unsent_only.setChecked(True)  # reloads

    def reload(self) -> None:
        self._stale = False
        text, unsent = self.search.text, self.unsent_only.isChecked()

        def fetch(offset: int, limit: int) -> list[ReflectionRow]:
            with self.vault.session() as session:
                return reflection_rows(
                    session, text, unsent_thanks=unsent, offset=offset, limit=limit
                )

        now: datetime = self.clock()
        self.model.set_pager(fetch, now)
        self.count_label.setText(
            self.paged_count(
                lambda n: tr("%n reflection(s)", "", n),
                self.model.rowCount(),
                self.model.complete,
                text,
                lambda session: reflection_count(session, unsent_thanks=unsent),
            )
        )
        self.reader.clear()
        self.edit_button.setEnabled(False)

    def current_row(self) -> ReflectionRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = index.data(RowRole)
        return row if isinstance(row, ReflectionRow) else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(RowRole) if current.isValid() else None
        self.edit_button.setEnabled(isinstance(row, ReflectionRow))
        if not isinstance(row, ReflectionRow):
            self.reader.clear()
            return
        parts = [
            f'<h3><a href="encounter:{row.encounter_id}">{escape(row.encounter_title)}</a></h3>',
            f"<p><small>{escape(fmt.when(row.start))} · "
            f"{escape(translate('ReflectionsView', ', ').join(row.people))}"
            "</small></p>",
        ]
        for label, field in SECTIONS:
            value = getattr(row, field)
            if value:
                text = escape(value).replace("\n", "<br>")
                heading = escape(translate("ReflectionsView", label))
                parts.append(f"<p><b>{heading}</b><br>{text}</p>")
        if row.gratitude:
            sent = escape(
                translate("ReflectionsView", "Thanks sent.")
                if row.thanks_sent
                else translate("ReflectionsView", "Thanks not sent yet.")
            )
            parts.append(f"<p><i>{sent}</i></p>")
        self.reader.setHtml("".join(parts))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.bus.reflect_on.emit(row.encounter_id)
