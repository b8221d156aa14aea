"""What the dialogs that add a calendar link, a CalDAV account or an address book share:
a name, the address, user and password, how often to sync, "Test connection" and a
line saying what it found. The password field is cleared by the caller once used: it
lives on only inside the vault."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.sources import DEFAULT_EVERY_MINUTES
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.worker import busy_cursor, call_off_gui_thread

T = TypeVar("T")

if TYPE_CHECKING:
    from ichigoapp.services.syncing import SyncReport
    from ichigoapp.ui.actions.calendar_sync import CalendarSync


class AccountDialog(QDialog):
    """Subclasses lay the fields out, fill ``found`` in ``test_connection`` and say in
    ``forget_found`` how to clear what a test showed."""

    def __init__(self, parent: QWidget, name: str, prompt: str, ok_text: str) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.found: list[Any] = []
        self.name = QLineEdit(name)
        self.url = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.every = QSpinBox()
        self.every.setRange(5, 24 * 60)  # as services/sources.check_every allows
        self.every.setSingleStep(5)
        self.every.setSuffix(self.tr(" min"))
        self.every.setValue(DEFAULT_EVERY_MINUTES)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.found_label = QLabel(prompt)
        self.found_label.setObjectName("muted")
        self.found_label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a server
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @staticmethod
    def fit_hint(field: QLineEdit) -> None:
        """Wide enough for its hint in every language (the hint says what to paste)."""
        field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 16)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def watch_fields(self) -> None:
        """Once laid out: editing the address or login forgets what a test found."""
        for field in (self.name, self.url, self.user, self.password):
            field.textChanged.connect(self._changed)
        self.update_ok()

    def _changed(self) -> None:
        if self.sender() is not self.name and self.found:
            self.found = []  # another server or login: test again
            self.forget_found()
            self.found_label.setText(self.prompt)
        self.update_ok()

    def filled(self) -> bool:
        return bool(self.name.text().strip() and self.url.text().strip())

    def discover(self, find: Callable[[str, str, str, str], list[T]]) -> list[T] | None:
        """``find(url, user, password, name)`` off the GUI thread, for "Test connection";
        on failure the reason is shown under the fields and None returned."""
        url, user = self.url.text().strip(), self.user.text().strip()
        password, name = self.password.text(), self.name.text().strip()
        try:
            with busy_cursor():
                return call_off_gui_thread(lambda: find(url, user, password, name))
        except IchigoError as exc:
            self.found_label.setText(exc.message)
            return None

    def test_connection(self) -> None:
        raise NotImplementedError

    def forget_found(self) -> None:
        raise NotImplementedError

    def update_ok(self) -> None:
        raise NotImplementedError


def add_and_report(
    parent: QWidget, sync: CalendarSync, failed: str, add: Callable[[], tuple[int, SyncReport]]
) -> SyncReport | None:
    """Run ``add`` (add a source and sync it once) off the GUI thread; on failure say
    why under the title ``failed`` and return None, else refresh what shows sources."""
    try:
        with busy_cursor():
            _source_id, report = call_off_gui_thread(add)
    except IchigoError as exc:
        ask.error(parent, failed, exc.message)
        return None
    sync.bus.data_changed.emit()
    sync.show_status()
    return report
