"""One search field over everything: results grouped by kind in a list under it.

The list is a child of the main window (not a separate popup window) so the keyboard
stays in the field: Up/Down move through hits, Enter opens one, Escape closes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QListView, QWidget

from ichigoapp.services.search import SearchHit, search
from ichigoapp.ui import fmt
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ichigoapp.store import Vault

KindRole = Qt.ItemDataRole.UserRole + 10
TargetRole = Qt.ItemDataRole.UserRole + 11

translate = QCoreApplication.translate
_GROUP_TITLES = {
    "contact": QT_TRANSLATE_NOOP("MainWindow", "Contacts"),
    "encounter": QT_TRANSLATE_NOOP("MainWindow", "Encounters"),
    "reflection": QT_TRANSLATE_NOOP("MainWindow", "Reflections"),
    "promise": QT_TRANSLATE_NOOP("MainWindow", "Promises"),
}


def _local_when(stored: str) -> str:
    """The search service gives an encounter's stored UTC start; show it locally."""
    try:
        moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    except ValueError:
        return stored
    return fmt.when(moment)


class SearchResultsModel(QStandardItemModel):
    """Hits with a non-selectable heading row before each kind."""

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.clear()
        heading_font = QFont()
        heading_font.setBold(True)
        last_kind = None
        for hit in hits:
            if hit.kind != last_kind:
                heading = QStandardItem(
                    translate("MainWindow", _GROUP_TITLES.get(hit.kind, hit.kind))
                )
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFont(heading_font)
                self.appendRow(heading)
                last_kind = hit.kind
            subtitle = _local_when(hit.subtitle) if hit.kind == "encounter" else hit.subtitle
            text = hit.title + (f"  —  {subtitle}" if subtitle else "")
            item = QStandardItem("    " + text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setData(hit.kind, KindRole)
            item.setData(hit.target_id, TargetRole)
            item.setToolTip(text)
            self.appendRow(item)


class SearchField(QLineEdit):
    """The search box; emits ``chosen(kind, target_id)`` when a hit is opened."""

    chosen = Signal(str, int)

    def __init__(self, vault: Vault, host: QWidget) -> None:
        super().__init__()
        self.vault = vault
        self.setPlaceholderText(
            translate("SearchField", "Search people, meetings, notes…  (Ctrl+K)")
        )
        self.setAccessibleName(translate("SearchField", "Search"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.model = SearchResultsModel(self)
        self.popup = QListView(host)
        self.popup.setObjectName("searchResults")
        self.popup.setAccessibleName(translate("SearchField", "Search results"))
        self.popup.setModel(self.model)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setUniformItemSizes(True)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.popup.hide()
        self.popup.clicked.connect(lambda index: self._open(index.row()))
        self.textChanged.connect(self._search)
        self.installEventFilter(self)

    def _search(self, text: str) -> None:
        if not text.strip():
            self.model.clear()
            self.popup.hide()
            return
        with self.vault.session() as session:
            hits = search(session, text, limit_per_kind=8)
        self.model.set_hits(hits)
        if not hits:
            self.model.appendRow(QStandardItem(translate("SearchField", "No matches")))
            self.model.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._place()
        self.popup.show()
        self.popup.raise_()
        self._move(+1, from_row=-1)

    def _place(self) -> None:
        host = self.popup.parentWidget()
        assert host is not None
        origin = self.mapTo(host, QPoint(0, self.height() + 2))
        rows = min(self.model.rowCount(), 16)
        height = rows * max(self.popup.sizeHintForRow(0), 20) + 8
        width = max(self.width(), 520)
        x = min(origin.x(), host.width() - width - 8)
        self.popup.setGeometry(max(x, 0), origin.y(), width, height)

    def selectable_rows(self) -> list[int]:
        return [
            r
            for r in range(self.model.rowCount())
            if self.model.item(r).flags() & Qt.ItemFlag.ItemIsSelectable
        ]

    def _move(self, step: int, from_row: int | None = None) -> None:
        rows = self.selectable_rows()
        if not rows:
            return
        current = self.popup.currentIndex().row() if from_row is None else from_row
        candidates = [r for r in rows if (r > current if step > 0 else r < current)]
        if not candidates:
            return
        target = candidates[0] if step > 0 else candidates[-1]
        self.popup.setCurrentIndex(self.model.index(target, 0))

    def _open(self, row: int) -> None:
        item = self.model.item(row)
        if item is None or not (item.flags() & Qt.ItemFlag.ItemIsSelectable):
            return
        self.popup.hide()
        self.chosen.emit(str(item.data(KindRole)), int(item.data(TargetRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
                self._move(+1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.popup.isVisible():
                row = self.popup.currentIndex().row()
                if row < 0 and self.selectable_rows():
                    row = self.selectable_rows()[0]
                self._open(row)
                return True
            if key == Qt.Key.Key_Escape:
                if self.popup.isVisible():
                    self.popup.hide()
                else:
                    self.clear()
                return True
        if watched is self and event.type() == QEvent.Type.FocusOut:
            # Give a click on a result time to land before hiding.
            from PySide6.QtCore import QTimer

            QTimer.singleShot(150, self._hide_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()
