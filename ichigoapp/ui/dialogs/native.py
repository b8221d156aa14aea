"""File and print dialogs, each behind one small function.

Like ``ui.dialogs`` for message boxes: tests monkeypatch these instead of racing a
native modal dialog, so no test can hang on one. Keep them free of app logic.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def open_file_names(parent: QWidget | None, caption: str, filters: str) -> list[Path]:
    """Files the user chose to open (empty if cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, caption, "", filters)
    return [Path(n) for n in names]


def open_file_name(parent: QWidget | None, caption: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(name) if name else None


def save_file_name(
    parent: QWidget | None, caption: str, suggested: str, filters: str
) -> Path | None:
    """Where to write a new file; the native dialog asks before overwriting."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


def print_dialog(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_preview(
    parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
) -> None:
    """Qt's print preview, painting with ``paint``; it prints from its own toolbar."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 1000)
    dialog.exec()
