"""Every modal question the app asks goes through here.

Tests monkeypatch these functions instead of racing a modal event loop, so no test can
hang on a message box. Keep them small and free of app logic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ichigoapp.ui.dialogs.contact_picker import ContactPicker

if TYPE_CHECKING:
    from ichigoapp.services.lists import ContactChoice


def confirm(parent: QWidget | None, title: str, text: str, action: str = "") -> bool:
    """Ask before something that cannot be undone; the safe answer is the default.

    Callers pass ``title``, ``text`` and ``action`` already translated."""
    from PySide6.QtCore import QCoreApplication, Qt

    action = action or QCoreApplication.translate("ask", "OK")

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a name from outside
    ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def pick_contact(
    parent: QWidget | None, title: str, prompt: str, choices: Sequence[ContactChoice]
) -> int | None:
    """The id of the contact the user picked, or None if they cancelled."""
    picker = ContactPicker(parent, title, prompt, choices)
    if picker.exec() != QDialog.DialogCode.Accepted:
        return None
    return picker.chosen()


def choose(
    parent: QWidget | None, title: str, text: str, detail: str, options: Sequence[str]
) -> int | None:
    """One of ``options`` (buttons, the first the default), or None for Cancel. The
    text is shown literally (it may hold names from outside)."""
    from PySide6.QtCore import Qt

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(detail)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return next((n for n, button in enumerate(buttons) if button is clicked), None)
