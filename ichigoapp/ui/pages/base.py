"""What every page of the main window shares: access to the vault and lazy refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ichigoapp.ui.changes import commit
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.translation import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

translate = QCoreApplication.translate


class Page(QWidget):
    """A view over the vault. Refreshes when shown after the data changed, so hidden
    pages cost nothing while the user works elsewhere."""

    title = ""

    def __init__(self, vault: Vault | None, bus: EventBus, clock: Clock = system_clock) -> None:
        """``vault`` is None only for the Today page shown before the vault is open
        (ui/main_window.py), which is given it with :meth:`attach_vault`."""
        super().__init__()
        self._vault = vault
        self.bus = bus
        self.clock = clock
        self._stale = True
        bus.data_changed.connect(self._on_data_changed)

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is still opening")
        return self._vault

    @property
    def has_vault(self) -> bool:
        return self._vault is not None

    def attach_vault(self, vault: Vault) -> None:
        self._vault = vault

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
        self,
        counted: Callable[[int], str],
        loaded: int,
        complete: bool,
        searched: str,
        count: Callable[[Session], int],
    ) -> str:
        """What a list loaded a page at a time says about its length: every row is
        loaded, or the search goes on as the user scrolls, or how many there are in all
        (``count``, asked only then) and how many of the newest are loaded.
        ``counted(n)`` says "n encounters" in the user's language."""
        if complete:
            return counted(loaded)
        if searched:
            return tr("%n+ found · scroll for more", "", loaded)
        with self.vault.session() as session:
            total = count(session)
        newest = tr("newest %n loaded", "", loaded)
        return f"{counted(total)} · {newest}"

    def write(self, what: str, change: Callable[[Session], object]) -> bool:
        """Run one change in one transaction; user errors are shown, not raised.

        Returns True when the change was committed (and tells every view).
        """
        return commit(self, self.vault, self.bus, what, change)


class ListDetailPage(Page):
    """A list beside the editable detail of one of its rows (Contacts, Encounters).

    Save and Cancel are enabled while there are unsaved edits; until a row is chosen a
    short hint stands where the detail goes.
    """

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self._dirty = False
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        # Titles and names come from invites and cards: shown as written, never as markup.
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(translate("ListDetailPage", "Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(translate("ListDetailPage", "Save (Ctrl+S)"))
        self.save_button.clicked.connect(lambda _=False: self.save())
        self.cancel_button = QPushButton(translate("ListDetailPage", "Cancel"))
        self.cancel_button.clicked.connect(lambda _=False: self.cancel())

    def arrange(
        self,
        list_side: QWidget,
        detail: list[tuple[QWidget, int]],
        *,
        buttons: tuple[QWidget, ...] = (),
        placeholder: str,
        splitter_name: str,
        stretch: tuple[int, int],
    ) -> None:
        """Lay the page out: ``list_side`` on the left; on the right ``detail`` (widgets
        with their stretch) over ``buttons``, then Cancel and Save."""
        self.detail_widget = QWidget()
        column = QVBoxLayout(self.detail_widget)
        column.setContentsMargins(6, 12, 12, 12)
        for widget, widget_stretch in detail:
            column.addWidget(widget, widget_stretch)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        column.addLayout(row)
        self.placeholder = QLabel(placeholder)
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.placeholder, 1)
        right_column.addWidget(self.detail_widget, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName(splitter_name)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, stretch[0])
        self.splitter.setStretchFactor(1, stretch[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._show_detail(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty)

    def _show_detail(self, show: bool) -> None:
        self.detail_widget.setVisible(show)
        self.placeholder.setVisible(not show)

    def save(self) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        raise NotImplementedError
