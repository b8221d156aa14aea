"""Merge two contacts: both side by side, choose which to keep, confirm, back up, merge.

Nothing happens until the user confirms; the vault is backed up first
(``auto_backup("before-merge")``) and Edit › Undo merge takes the last one back
(services/merge_undo.py) while the kept contact is unchanged.
"""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.contacts import contact_detail
from ichigoapp.services.duplicates import not_duplicates
from ichigoapp.services.merge_undo import MergeRecord, merge_with_undo
from ichigoapp.ui.changes import commit
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

log = logging.getLogger(__name__)

# (label, key in contact_detail); the labels are translated where shown
_FIELDS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("MergeDialog", "Emails"), "emails"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Phones"), "phones"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Company"), "company"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Title"), "title"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Location"), "location"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Pronouns"), "pronouns"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Pronunciation"), "pronunciation"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Birthday"), "birthday"),
    (QT_TRANSLATE_NOOP("MergeDialog", "How we met"), "how_we_met"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Met through"), "met_through"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Keep in touch (days)"), "cadence_days"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Interests"), "interests"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Details"), "details"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Tags"), "tags"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Links"), "links"),
    (QT_TRANSLATE_NOOP("MergeDialog", "Notes"), "notes"),
)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, dict):  # a personal detail
        return f"{value['label']}: {value['value']}" if value.get("label") else value["value"]
    return "" if value is None else str(value)


class MergeDialog(QDialog):
    """Two contacts side by side; the one kept receives everything of the other."""

    merged = Signal(int)  # the id kept

    def __init__(
        self, parent: QWidget | None, vault: Vault, bus: EventBus, first_id: int, second_id: int
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.ids = (first_id, second_id)
        with vault.session() as session:
            self.details = [contact_detail(session, i) for i in self.ids]
        self.setWindowTitle(self.tr("Merge contacts"))
        self.setMinimumWidth(640)

        intro = QLabel(
            self.tr(
                "Are these the same person? Choose which contact to keep. It receives every "
                "address, phone, detail, encounter, reflection and promise of the other, and "
                "its empty fields are filled from it; where both say something different, "
                "the kept one's stays and the other's becomes a personal detail, so nothing "
                "is lost. The other contact is then removed. Ichigo backs up your vault first."
            )
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.keep_buttons: list[QRadioButton] = []
        group = QButtonGroup(self)
        for col, detail in enumerate(self.details, start=1):
            keep = self.tr("Keep {name}").format(name=detail["name"])
            radio = QRadioButton(keep.replace("&", "&&"))  # a name's "&" is no mnemonic
            radio.setAccessibleName(keep)
            font = radio.font()
            font.setBold(True)
            radio.setFont(font)
            group.addButton(radio)
            self.keep_buttons.append(radio)
            grid.addWidget(radio, 0, col)
        self.keep_buttons[0].setChecked(True)
        for radio in self.keep_buttons:
            radio.toggled.connect(lambda _on: self._update_button())

        rows: list[tuple[str, list[str]]] = [
            (self.tr(label), [_text(d[key]) for d in self.details]) for label, key in _FIELDS
        ]
        rows += [
            (self.tr("Encounters"), [str(len(d["encounters"])) for d in self.details]),
            (self.tr("Reflections"), [str(len(d["reflections"])) for d in self.details]),
            (self.tr("Promises"), [str(len(d["promises"])) for d in self.details]),
        ]
        row_no = 1
        for label, values in rows:
            if not any(values):
                continue  # a field neither has would only be noise
            name = QLabel(label)
            name.setObjectName("muted")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row_no, 0)
            for col, value in enumerate(values, start=1):
                cell = QLabel(escape(value).replace("\n", "<br>") or "<i>—</i>")
                cell.setTextFormat(Qt.TextFormat.RichText)
                cell.setWordWrap(True)
                cell.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAccessibleName(
                    self.tr("{field} of contact {number}").format(field=label, number=col)
                )
                grid.addWidget(cell, row_no, col)
            row_no += 1
        grid.setRowStretch(row_no, 1)
        table = QWidget()
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(table)

        self.merge_button = QPushButton()
        self.merge_button.setObjectName("primary")
        self.merge_button.clicked.connect(self.merge)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)  # the safe answer is the default
        # Shown when the pair was a suggestion (offer_telling_apart).
        self.apart_button = QPushButton(self.tr("&Not the same person"))
        self.apart_button.setToolTip(self.tr("Remembered: this pair is never suggested again"))
        self.apart_button.clicked.connect(self.tell_apart)
        self.apart_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.apart_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.merge_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._update_button()
        self.resize(720, min(640, 220 + 34 * row_no))

    def offer_telling_apart(self) -> None:
        """For a suggested pair: a third answer, "these are two people"."""
        self.apart_button.show()

    def tell_apart(self) -> bool:
        if not commit(
            self,
            self.vault,
            self.bus,
            self.tr("remember they are different people"),
            lambda session: not_duplicates(session, *self.ids),
        ):
            return False
        self.bus.status.emit(self.tr("Noted: not the same person"))
        self.reject()
        return True

    def keep_and_other(self) -> tuple[int, int]:
        keep = 0 if self.keep_buttons[0].isChecked() else 1
        return self.ids[keep], self.ids[1 - keep]

    def set_keep(self, contact_id: int) -> None:
        self.keep_buttons[self.ids.index(contact_id)].setChecked(True)

    def _names(self) -> tuple[str, str]:
        keep, other = self.keep_and_other()
        names = {i: str(d["name"]) for i, d in zip(self.ids, self.details, strict=True)}
        return names[keep], names[other]

    def _update_button(self) -> None:
        keep, _other = self._names()
        self.merge_button.setText(self.tr("Merge into {name}").format(name=keep.replace("&", "&&")))

    def merge(self) -> bool:
        keep_id, other_id = self.keep_and_other()
        keep, other = self._names()
        if not ask.confirm(
            self,
            self.tr("Merge contacts"),
            self.tr(
                "Merge {other} into {keep}?\n\nEverything of {other} moves to {keep}; "
                "{other} is then removed. A backup of your vault is made first, and "
                "Edit › Undo merge takes it back until you change the kept contact."
            ).format(other=other, keep=keep),
            self.tr("Merge"),
        ):
            return False
        try:
            backup = self.vault.auto_backup("before-merge")
        except (OSError, IchigoError) as exc:
            # No safety net, no merge: the user can free space and try again.
            message = exc.message if isinstance(exc, IchigoError) else str(exc)
            ask.error(
                self,
                self.tr("Could not back up before merging"),
                self.tr("{reason}\n\nNothing was merged.").format(reason=message),
            )
            return False
        log.info("backed up before merge to %s", backup)
        done: list[MergeRecord] = []
        if not commit(
            self,
            self.vault,
            self.bus,
            self.tr("merge the contacts"),
            lambda session: done.append(merge_with_undo(session, keep_id, other_id)),
        ):
            return False
        self.bus.merged.emit(done[0])
        self.bus.status.emit(
            self.tr("Merged {other} into {keep} (Edit › Undo merge takes it back)").format(
                other=other, keep=keep
            )
        )
        self.merged.emit(keep_id)
        self.accept()
        return True


def open_merge_dialog(
    parent: QWidget, vault: Vault, bus: EventBus, first_id: int, second_id: int
) -> MergeDialog:
    """Window-modal and non-blocking, so the caller (and a test) goes on at once."""
    dialog = MergeDialog(parent, vault, bus, first_id, second_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
