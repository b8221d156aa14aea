"""Possible duplicates: the pairs that may be one person, for the user to decide.

Ichigo never joins two contacts on its own guess (services/duplicates.py says why each
pair is here). "Compare…" opens both side by side to merge them; "Not the same person"
is remembered and the pair is never suggested again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.duplicates import find_duplicates, not_duplicates
from ichigoapp.services.lists import contact_choices
from ichigoapp.ui.changes import commit
from ichigoapp.ui.dialogs.merge import MergeDialog, open_merge_dialog

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

_PAIR = Qt.ItemDataRole.UserRole


class DuplicatesDialog(QDialog):
    """Every suggested pair with its reason; compare, merge or tell apart."""

    def __init__(self, parent: QWidget | None, vault: Vault, bus: EventBus) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.merge_dialog: MergeDialog | None = None
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(720, 460)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.pairs = QTreeWidget()
        self.pairs.setAccessibleName(self.tr("Possible duplicates"))
        self.pairs.setRootIsDecorated(False)
        self.pairs.setHeaderLabels([self.tr("Contact"), self.tr("Contact"), self.tr("Why")])
        self.pairs.setAlternatingRowColors(True)
        header = self.pairs.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.pairs.itemActivated.connect(lambda _item, _col: self.compare())
        self.pairs.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.compare_button = QPushButton(self.tr("&Compare…"))
        self.compare_button.setObjectName("primary")
        self.compare_button.setToolTip(
            self.tr("See both side by side and merge them if they are one")
        )
        self.compare_button.clicked.connect(self.compare)
        self.apart_button = QPushButton(self.tr("&Not the same person"))
        self.apart_button.setToolTip(self.tr("Remembered: this pair is never suggested again"))
        self.apart_button.clicked.connect(self.tell_apart)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apart_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.compare_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.pairs, 1)
        layout.addLayout(buttons)
        bus.data_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        chosen = self.current_pair()
        with self.vault.session() as session:
            suggestions = find_duplicates(session)
            names = {c.contact_id: c for c in contact_choices(session)}
        self.pairs.clear()
        for suggestion in suggestions:
            cells = []
            for contact_id in suggestion.ids:
                choice = names.get(contact_id)
                name = choice.name if choice is not None else f"#{contact_id}"
                subtitle = choice.subtitle if choice is not None else ""
                cells.append(f"{name} — {subtitle}" if subtitle else name)
            item = QTreeWidgetItem([*cells, suggestion.reason])
            item.setData(0, _PAIR, suggestion.ids)
            self.pairs.addTopLevelItem(item)
            if suggestion.ids == chosen:
                self.pairs.setCurrentItem(item)
        first = self.pairs.topLevelItem(0)
        if self.pairs.currentItem() is None and first is not None:
            self.pairs.setCurrentItem(first)
        count = self.pairs.topLevelItemCount()
        self.intro.setText(
            self.tr(
                "%n pair(s) of contacts may be the same person. Ichigo never joins two "
                "contacts on a guess: compare each pair and merge it, or say they are "
                "different people and Ichigo will not ask again.",
                "",
                count,
            )
            if count
            else self.tr("No possible duplicates: every contact looks like a different person.")
        )
        self._update_buttons()

    def current_pair(self) -> tuple[int, int] | None:
        item = self.pairs.currentItem()
        if item is None:
            return None
        first, second = item.data(0, _PAIR)
        return int(first), int(second)

    def _update_buttons(self) -> None:
        has_pair = self.current_pair() is not None
        self.compare_button.setEnabled(has_pair)
        self.apart_button.setEnabled(has_pair)

    def compare(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        self.merge_dialog = open_merge_dialog(self, self.vault, self.bus, *pair)
        self.merge_dialog.offer_telling_apart()

    def tell_apart(self) -> None:
        pair = self.current_pair()
        if pair is not None and commit(
            self,
            self.vault,
            self.bus,
            self.tr("remember they are different people"),
            lambda session: not_duplicates(session, *pair),
        ):
            self.bus.status.emit(self.tr("Noted: not the same person"))


def open_duplicates_dialog(parent: QWidget, vault: Vault, bus: EventBus) -> DuplicatesDialog:
    """Non-blocking, so the caller (and a test) goes on at once."""
    dialog = DuplicatesDialog(parent, vault, bus)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
