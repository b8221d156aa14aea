"""The GUI entry point: QApplication, unlock, wiring, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from ichigoapp.errors import EXIT_LOCKED, EXIT_OK


def run_gui(vault_path: Path, files: list[Path] | None = None) -> int:
    """Open the app on ``vault_path`` (created on first run); returns the exit code."""
    from PySide6.QtWidgets import QApplication

    from ichigoapp.ui import theme
    from ichigoapp.ui.main_window import APPLICATION, ORGANIZATION, open_main_window

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Ichigo")
    app.setDesktopFileName("ichigo")
    theme.apply(app)
    window = open_main_window(vault_path, files or [])
    if window is None:
        # Cancelled, locked or in use elsewhere: the reason has been shown.
        return EXIT_LOCKED
    window.show()
    code = int(app.exec())
    return code if code else EXIT_OK


def main() -> int:
    from ichigoapp import paths

    return run_gui(paths.default_vault_path(), [Path(a) for a in sys.argv[1:]])
