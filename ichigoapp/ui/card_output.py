"""Prep cards leaving the app: the remembered card size, PDFs written off the GUI
thread, and printers.

``ichigoapp.printing`` lays the cards out (QtGui only); this adds what needs widgets:
the QPrinter, the progress shown while a PDF is written, the error dialog.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QProgressDialog, QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.printing.prep_cards import (
    CardLayout,
    CardSize,
    page_layout,
    print_cards,
    print_day_sheet,
    write_day_sheet,
    write_pdf,
)
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.settings import settings
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP
from ichigoapp.ui.worker import Worker

if TYPE_CHECKING:
    from ichigoapp.services.prep_card import PrepCard

log = logging.getLogger(__name__)

SIZE_KEY = "prep/size"
PDF_FILTER = "PDF documents (*.pdf)"
SIZE_ORDER = (CardSize.A6, CardSize.A5, CardSize.A4, CardSize.LETTER, CardSize.INDEX)
# The sizes as the boxes name them (CardSize.label is the English of the same).
SIZE_LABELS = {
    CardSize.A6: QT_TRANSLATE_NOOP("card_output", "A6"),
    CardSize.A5: QT_TRANSLATE_NOOP("card_output", "A5"),
    CardSize.A4: QT_TRANSLATE_NOOP("card_output", "A4"),
    CardSize.LETTER: QT_TRANSLATE_NOOP("card_output", "US Letter"),
    CardSize.INDEX: QT_TRANSLATE_NOOP("card_output", "4×6 in index card"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("card_output", text)


def pdf_filter() -> str:
    """The save dialog's file type, in the user's language (``PDF_FILTER`` in English)."""
    return QCoreApplication.translate("card_output", "PDF documents (*.pdf)")


def size_label(size: CardSize) -> str:
    return _tr(SIZE_LABELS[size])


def remembered_size() -> CardSize:
    value = settings().value(SIZE_KEY, CardSize.A6.value)
    try:
        return CardSize(str(value))
    except ValueError:
        return CardSize.A6


def remember_size(size: CardSize) -> None:
    store = settings()
    store.setValue(SIZE_KEY, size.value)
    store.sync()


def size_combo() -> QComboBox:
    """The card sizes, the remembered one chosen; a change is remembered."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("card_output", "Card size"))
    for size in SIZE_ORDER:
        combo.addItem(size_label(size), size.value)
    combo.setCurrentIndex(max(0, combo.findData(remembered_size().value)))
    combo.currentIndexChanged.connect(lambda _i: remember_size(CardSize(str(combo.currentData()))))
    return combo


SHEET_PAPER_KEY = "prep/sheet-paper"


def remembered_sheet_paper() -> CardSize:
    """A4, or US Letter where the locale measures in inches, until the user picks."""
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    fallback = CardSize.LETTER if us else CardSize.A4
    value = str(settings().value(SHEET_PAPER_KEY, fallback.value))
    return CardSize.LETTER if value == CardSize.LETTER.value else CardSize.A4


def sheet_paper_combo() -> QComboBox:
    """The day sheet's paper (A4 or US Letter), remembered like the card size."""
    combo = QComboBox()
    combo.setAccessibleName(QCoreApplication.translate("card_output", "Paper"))
    for size in (CardSize.A4, CardSize.LETTER):
        combo.addItem(size_label(size), size.value)
    combo.setCurrentIndex(max(0, combo.findData(remembered_sheet_paper().value)))

    def remember(_index: int) -> None:
        store = settings()
        store.setValue(SHEET_PAPER_KEY, str(combo.currentData()))
        store.sync()

    combo.currentIndexChanged.connect(remember)
    return combo


def safe_file_name(text: str) -> str:
    # Titles come from invites: keep them readable but never a path or a device name.
    cleaned = re.sub(r"[^\w\s.,()&+-]", "", text, flags=re.UNICODE).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:80] or "meeting"


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def printer_for(size: CardSize) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(size))
    printer.setDocName(QCoreApplication.translate("card_output", "Ichigo prep cards"))
    return printer


def print_with_progress(
    parent: QWidget, cards: Sequence[PrepCard], printer: QPrinter, sheet_of: date | None = None
) -> int:
    """Paint on the GUI thread (QPrinter is not for workers), showing progress. The
    paper chosen in the print dialog wins; typography follows the nearest card size.
    With ``sheet_of``, that day's sheet instead of a card each."""
    if sheet_of is not None:
        return print_day_sheet(sheet_of, cards, printer)
    progress = QProgressDialog(
        QCoreApplication.translate("card_output", "Printing prep cards…"), "", 0, len(cards), parent
    )
    progress.setCancelButton(None)  # a half-sent print job helps nobody
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    try:
        return print_cards(cards, printer, None, lambda d, _t: progress.setValue(d))
    finally:
        progress.close()
        progress.deleteLater()


def error_text(exc: BaseException) -> str:
    if isinstance(exc, IchigoError):
        return exc.message
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    log.error("prep card output failed", exc_info=exc)
    return f"{type(exc).__name__}: {exc}"


class PdfOutput(QObject):
    """Cards written to a PDF on a worker thread, shown in a progress bar and a message
    line, at the size chosen in a box (``size_box``, ``progress`` and ``message``: the
    owner puts them in its layout).

    Lives on the GUI thread, so the worker's signals reach its methods queued and the
    widgets are only touched here. ``make_cards`` runs on the worker, so any vault
    reading happens on the worker's own connection.
    """

    saved = Signal(object, int)  # the Path, the pages written (0: no cards after all)
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget, *, count_in_message: bool = False) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.count_in_message = count_in_message
        self.size_box = size_combo()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        self.worker: Worker | None = None
        self.saved_path: Path | None = None
        self._path: Path | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None

    @property
    def card_size(self) -> CardSize:
        """The size chosen in ``size_box`` (and remembered for next time)."""
        return CardSize(str(self.size_box.currentData()))

    def write(
        self,
        make_cards: Callable[[], Sequence[PrepCard]],
        path: Path,
        size: CardSize,
        sheet_of: date | None = None,
    ) -> None:
        """Write the cards (or, with ``sheet_of``, that day's sheet) to ``path``."""
        if self.busy:
            return
        # The printing module's shared font and measuring device are made here, on the
        # GUI thread, so those Qt objects belong to a thread that lives on.
        CardLayout(size)

        def run(progress: Callable[[int, int, str], None]) -> int:
            cards = make_cards()
            if not cards:
                return 0
            if sheet_of is not None:
                return write_day_sheet(sheet_of, cards, path, size)
            return write_pdf(cards, path, size, lambda d, t: progress(d, t, ""))

        self._path = path
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Writing {file}…").format(file=path.name))
        self.worker = Worker(run)
        self.worker.progress.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        self.busy_changed.emit(True)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self.count_in_message:
            self.message.setText(
                self.tr("Writing card {done} of {total}…").format(done=done, total=total)
            )

    def _stop(self) -> None:
        assert self.worker is not None
        self.worker.wait()
        self.worker = None
        self.progress.setVisible(False)
        self.busy_changed.emit(False)

    def _finished(self, pages: int) -> None:
        self._stop()
        self.saved_path = self._path
        self.saved.emit(self._path, pages)

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        self.message.setText("")
        ask.error(self.parent_widget, self.tr("Could not save the PDF"), error_text(exc))
