"""What stays on screen while the vault is locked: its name and an Unlock button."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class LockScreen(QWidget):
    """What is left on screen while locked: the vault's name and an Unlock button."""

    unlock_requested = Signal()

    def __init__(self, vault_path: Path) -> None:
        super().__init__()
        self.setWindowTitle(translate("LockScreen", "Ichigo — locked"))
        self.setObjectName("lockScreen")
        self.setMinimumSize(360, 180)
        self.pending_files: list[Path] = []
        layout = QVBoxLayout(self)
        label = QLabel(
            translate(
                "LockScreen",
                "<h3>Ichigo is locked</h3><p>{vault} was closed after a while without use, "
                "so nobody else can read it.</p>",
            ).format(vault=escape(vault_path.name))
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.unlock_button = QPushButton(translate("LockScreen", "&Unlock…"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock_requested.emit)
        layout.addWidget(self.unlock_button)

    def receive_files(self, paths: list[Path]) -> None:
        """Files from a later launch wait here until the vault is unlocked again."""
        self.pending_files.extend(Path(p) for p in paths)
        self.raise_()
        self.activateWindow()
