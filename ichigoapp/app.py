"""The GUI entry point: QApplication, unlock, wiring, main window."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(vault_path: Path, files: list[Path] | None = None) -> int:
    """Open the app on ``vault_path`` (created on first run); returns the exit code."""
    from PySide6.QtWidgets import QApplication

    from ichigoapp.ui.main_window import open_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Ichigo")
    app.setOrganizationName("Ichigo")
    window = open_main_window(vault_path, files or [])
    if window is None:
        return 3
    window.show()
    return int(app.exec())


def main() -> int:
    from ichigoapp import paths

    return run_gui(paths.default_vault_path(), [Path(a) for a in sys.argv[1:]])
