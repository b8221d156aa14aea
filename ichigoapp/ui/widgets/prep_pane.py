"""Prep cards in the app: a live preview for one encounter, and a day's cards at once.

The preview is ``render_preview``: exactly the page that prints. The chosen size is
remembered. Saving a PDF runs in a worker thread (a whole day can take a moment);
printing paints on the GUI thread, as a QPrinter wants, behind a progress dialog.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ichigoapp.errors import IchigoError
from ichigoapp.printing.prep_cards import (
    CardLayout,
    CardSize,
    page_layout,
    print_cards,
    render_preview,
    write_pdf,
)
from ichigoapp.services.common import day_start
from ichigoapp.services.prep_card import PrepCard, build_prep_card, cards_for_range
from ichigoapp.services.today import local_today
from ichigoapp.store import Vault
from ichigoapp.ui import dialogs, native_dialogs
from ichigoapp.ui.base import Clock, system_clock
from ichigoapp.ui.worker import Worker

if TYPE_CHECKING:
    from ichigoapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SIZE_KEY = "prep/size"
PDF_FILTER = "PDF documents (*.pdf)"
PREVIEW_WIDTH = 440  # logical pixels: readable beside the buttons, fits a laptop screen
SIZE_ORDER = (CardSize.A6, CardSize.A5, CardSize.A4, CardSize.LETTER, CardSize.INDEX)


def remembered_size() -> CardSize:
    from ichigoapp.ui.main_window import settings  # late: main_window imports this module

    value = settings().value(SIZE_KEY, CardSize.A6.value)
    try:
        return CardSize(str(value))
    except ValueError:
        return CardSize.A6


def remember_size(size: CardSize) -> None:
    from ichigoapp.ui.main_window import settings

    store = settings()
    store.setValue(SIZE_KEY, size.value)
    store.sync()


def size_combo() -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName("Card size")
    for size in SIZE_ORDER:
        combo.addItem(size.label, size.value)
    combo.setCurrentIndex(max(0, combo.findData(remembered_size().value)))
    return combo


def safe_file_name(text: str) -> str:
    # Titles come from invites: keep them readable but never a path or a device name.
    cleaned = re.sub(r"[^\w\s.,()&+-]", "", text, flags=re.UNICODE).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:80] or "meeting"


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def warm_up_layout(size: CardSize) -> None:
    """Create the printing module's shared font and measuring device on the GUI thread
    before a worker uses them, so those Qt objects belong to a thread that lives on."""
    CardLayout(size)


class PdfJob(QObject):
    """Write cards to a PDF in a worker thread; ``make_cards`` also runs there, so any
    vault reading happens on the worker's own connection.

    A QObject living on the GUI thread: the worker's signals reach its methods queued,
    so the callbacks (which touch widgets) never run on the worker thread. (A plain
    lambda would be called directly in the emitting thread.)
    """

    def __init__(
        self,
        make_cards: Callable[[], Sequence[PrepCard]],
        path: Path,
        size: CardSize,
        on_progress: Callable[[int, int], None],
        on_done: Callable[[int], None],
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        warm_up_layout(size)
        self._on_progress = on_progress
        self._on_done = on_done
        self._on_failed = on_failed

        def run(progress: Callable[[int, int, str], None]) -> int:
            cards = make_cards()
            if not cards:
                return 0
            return write_pdf(cards, path, size, lambda d, t: progress(d, t, ""))

        self.worker = Worker(run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.running = True
        self.worker.start()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self._on_progress(done, total)

    def _finished(self, pages: int) -> None:
        self.running = False
        self.worker.wait()
        self._on_done(pages)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.worker.wait()
        self._on_failed(exc)


def _print_with_progress(parent: QWidget, cards: Sequence[PrepCard], printer: QPrinter) -> int:
    """Paint on the GUI thread (QPrinter is not for workers), showing progress."""
    progress = QProgressDialog("Printing prep cards…", "", 0, len(cards), parent)
    progress.setCancelButton(None)  # a half-sent print job helps nobody
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    try:
        return print_cards(cards, printer, None, lambda d, _t: progress.setValue(d))
    finally:
        progress.close()
        progress.deleteLater()


def _paint_preview(cards: Sequence[PrepCard], printer: QPrinter) -> None:
    print_cards(cards, printer, None)


def _printer_for(size: CardSize) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(size))
    printer.setDocName("Ichigo prep cards")
    return printer


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, IchigoError):
        return exc.message
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    log.error("prep card output failed", exc_info=exc)
    return f"{type(exc).__name__}: {exc}"


class PrepPane(QWidget):
    """The card of one encounter: preview, size, Print…, Save as PDF…."""

    pdf_saved = Signal(object)  # Path

    def __init__(
        self,
        vault: Vault,
        encounter_id: int,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.encounter_id = encounter_id
        self.clock = clock
        self.card: PrepCard | None = None
        self.preview_image_size = QSize()
        self.job: PdfJob | None = None
        self.saved_path: Path | None = None

        self.size_box = size_combo()
        self.size_box.currentIndexChanged.connect(self._size_changed)
        self.preview_button = QPushButton("Print preview…")
        self.preview_button.setAccessibleName("Print preview of the prep card")
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button = QPushButton("Print…")
        self.print_button.setAccessibleName("Print the prep card")
        self.print_button.clicked.connect(self.print_card)
        self.pdf_button = QPushButton("Save as PDF…")
        self.pdf_button.setObjectName("primary")
        self.pdf_button.setAccessibleName("Save the prep card as PDF")
        self.pdf_button.clicked.connect(self.save_pdf)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Card &size:"))
        bar.itemAt(0).widget().setBuddy(self.size_box)  # type: ignore[union-attr]
        bar.addWidget(self.size_box)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)

        self.preview = QLabel()
        self.preview.setAccessibleName("Prep card preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A thin edge so a white card reads as paper on a white window.
        self.preview.setStyleSheet("QLabel { background: white; border: 1px solid #bbb; }")
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(False)
        self.preview_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_scroll.setWidget(self.preview)
        self.preview_scroll.setMinimumWidth(PREVIEW_WIDTH + 40)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.preview_scroll, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.load()

    @property
    def card_size(self) -> CardSize:
        return CardSize(str(self.size_box.currentData()))

    def load(self) -> None:
        """(Re)build the card from the vault and draw it."""
        try:
            with self.vault.session() as session:
                self.card = build_prep_card(session, self.encounter_id, self.clock())
        except IchigoError as exc:
            self.card = None
            self.preview.clear()
            self.message.setText(f"No prep card: {exc.message}.")
        else:
            self.message.setText("")
        self._set_enabled()
        self.refresh_preview()

    def _set_enabled(self) -> None:
        busy = self.job is not None and self.job.running
        ready = self.card is not None and not busy
        for widget in (self.preview_button, self.print_button, self.pdf_button):
            widget.setEnabled(ready)
        # The layout objects are shared with a PDF being written: no re-render meanwhile.
        self.size_box.setEnabled(not busy)

    def _size_changed(self) -> None:
        remember_size(self.card_size)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        if self.card is None:
            return
        width_in = page_layout(self.card_size).fullRect(QPageLayout.Unit.Inch).width()
        ratio = self.devicePixelRatioF() or 1.0
        dpi = PREVIEW_WIDTH * ratio / width_in
        image = render_preview(self.card, self.card_size, dpi)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview_image_size = image.size()
        self.preview.setPixmap(pixmap)
        self.preview.resize(pixmap.deviceIndependentSize().toSize())

    # --- output --------------------------------------------------------------------------
    def suggested_name(self) -> str:
        if self.card is None:
            return "prep-card.pdf"
        return f"Prep card - {safe_file_name(self.card.title)} - {self.card.start:%Y-%m-%d}.pdf"

    def save_pdf(self) -> PdfJob | None:
        card = self.card
        if card is None or (self.job is not None and self.job.running):
            return None
        chosen = native_dialogs.save_file_name(
            self, "Save prep card as PDF", self.suggested_name(), PDF_FILTER
        )
        if chosen is None:
            return None
        path = with_pdf_suffix(chosen)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(f"Writing {path.name}…")
        self.job = PdfJob(
            lambda: [card],
            path,
            self.card_size,
            self._on_progress,
            lambda pages: self._saved(path),
            self._failed,
            self,
        )
        self._set_enabled()
        return self.job

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _saved(self, path: Path) -> None:
        self.progress.setVisible(False)
        self.saved_path = path
        self.message.setText(f"Saved {path}")
        self._set_enabled()
        self.pdf_saved.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.message.setText("")
        self._set_enabled()
        dialogs.error(self, "Could not save the PDF", _error_text(exc))

    def print_card(self) -> bool:
        if self.card is None:
            return False
        printer = _printer_for(self.card_size)
        if not native_dialogs.print_dialog(self, printer):
            return False
        # The paper chosen in the dialog wins; typography follows the nearest card size.
        _print_with_progress(self, [self.card], printer)
        return True

    def print_preview(self) -> None:
        card = self.card
        if card is None:
            return
        native_dialogs.print_preview(
            self, _printer_for(self.card_size), lambda printer: _paint_preview([card], printer)
        )


class PrepCardDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, vault: Vault, encounter_id: int, clock: Clock = system_clock
    ) -> None:
        super().__init__(parent)
        self.pane = PrepPane(vault, encounter_id, clock, self)
        title = self.pane.card.title if self.pane.card is not None else "Prep card"
        self.setWindowTitle(f"Prep card · {title}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        # Tall enough for the whole card at its preview width, but never off screen.
        height = self.pane.preview.height() + 130 if self.pane.card is not None else 300
        self.resize(max(self.pane.sizeHint().width(), 640), min(900, height))

    def reject(self) -> None:
        if self.pane.job is not None and self.pane.job.running:
            return  # the PDF is still being written; closing would orphan the worker
        super().reject()


def open_prep_card(
    parent: QWidget, vault: Vault, encounter_id: int, clock: Clock = system_clock
) -> PrepCardDialog:
    """The card of one encounter in its own window (non-blocking)."""
    dialog = PrepCardDialog(parent, vault, encounter_id, clock)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


# --- a day's cards ------------------------------------------------------------------------


class PrintDayDialog(QDialog):
    """File > Print prep cards…: every meeting of tomorrow or a chosen day."""

    def __init__(self, parent: QWidget | None, vault: Vault, clock: Clock = system_clock) -> None:
        super().__init__(parent)
        self.vault = vault
        self.clock = clock
        self.job: PdfJob | None = None
        self.saved_path: Path | None = None
        self.pages = 0
        self.setWindowTitle("Print prep cards")
        self.setMinimumWidth(460)
        tomorrow = local_today(clock()) + timedelta(days=1)
        self.tomorrow_radio = QRadioButton(f"&Tomorrow, {tomorrow:%A} {tomorrow.day} {tomorrow:%B}")
        self.other_radio = QRadioButton("&Another day:")
        self.date_edit = QDateEdit(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day to print")
        # They sit in different layouts, so exclusivity needs a group.
        self.day_choice = QButtonGroup(self)
        self.day_choice.addButton(self.tomorrow_radio)
        self.day_choice.addButton(self.other_radio)
        self.tomorrow_radio.setChecked(True)
        for radio in (self.tomorrow_radio, self.other_radio):
            radio.toggled.connect(self._update)
        self.date_edit.dateChanged.connect(lambda _d: self._pick_other())
        other = QHBoxLayout()
        other.addWidget(self.other_radio)
        other.addWidget(self.date_edit, 1)
        self.size_box = size_combo()
        self.size_box.currentIndexChanged.connect(
            lambda _i: remember_size(CardSize(str(self.size_box.currentData())))
        )
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setAccessibleName("Meetings that day")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Day:", self.tomorrow_radio)
        form.addRow("", self._holder(other))
        form.addRow("Card &size:", self.size_box)
        self.print_button = QPushButton("Print…")
        self.print_button.clicked.connect(self.print_day)
        self.pdf_button = QPushButton("Save as PDF…")
        self.pdf_button.setObjectName("primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.count = 0
        self._update()

    @staticmethod
    def _holder(layout: QHBoxLayout) -> QWidget:
        holder = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(layout)
        return holder

    def _pick_other(self) -> None:
        self.other_radio.setChecked(True)
        self._update()

    def day(self) -> date:
        if self.tomorrow_radio.isChecked():
            return local_today(self.clock()) + timedelta(days=1)
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self._pick_other()

    def _range(self) -> tuple[date, Callable[[Session], list[PrepCard]]]:
        day = self.day()
        start, end = day_start(day), day_start(day + timedelta(days=1))
        now = self.clock()
        return day, lambda session: cards_for_range(session, start, end, now)

    def _update(self) -> None:
        day, cards_of = self._range()
        with self.vault.session() as session:
            self.count = len(cards_of(session))
        when = f"{day:%A} {day.day} {day:%B}"
        if self.count:
            self.count_label.setText(
                f"1 meeting on {when}: one card."
                if self.count == 1
                else f"{self.count} meetings on {when}: one card each, in one document."
            )
        else:
            self.count_label.setText(
                f"No meetings on {when}, so there is nothing to print "
                "(cancelled meetings get no card)."
            )
        self._set_enabled()

    def _set_enabled(self) -> None:
        busy = self.job is not None and self.job.running
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.count > 0 and not busy)
        for widget in (self.tomorrow_radio, self.other_radio, self.date_edit, self.size_box):
            widget.setEnabled(not busy)

    @property
    def card_size(self) -> CardSize:
        return CardSize(str(self.size_box.currentData()))

    def save_pdf(self) -> PdfJob | None:
        if self.count == 0 or (self.job is not None and self.job.running):
            return None
        day, cards_of = self._range()
        chosen = native_dialogs.save_file_name(
            self, "Save prep cards as PDF", f"Prep cards {day.isoformat()}.pdf", PDF_FILTER
        )
        if chosen is None:
            return None
        path = with_pdf_suffix(chosen)
        vault = self.vault

        def make_cards() -> list[PrepCard]:
            # In the worker thread: its own connection, through a transaction of its own.
            with vault.transaction() as session:
                return cards_of(session)

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(f"Writing {path.name}…")
        self.job = PdfJob(
            make_cards,
            path,
            self.card_size,
            self._on_progress,
            lambda pages: self._saved(path, pages),
            self._failed,
            self,
        )
        self._set_enabled()
        return self.job

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.message.setText(f"Writing card {done} of {total}…")

    def _saved(self, path: Path, pages: int) -> None:
        self.progress.setVisible(False)
        self.saved_path = path
        self.pages = pages
        self._set_enabled()
        if pages == 0:  # the meetings were cancelled meanwhile
            self.message.setText("No meetings left to print that day.")
            return
        noun = "card" if pages == 1 else "cards"
        self.message.setText(f"Saved {pages} {noun} to {path}")

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.message.setText("")
        self._set_enabled()
        dialogs.error(self, "Could not save the PDF", _error_text(exc))

    def print_day(self) -> int:
        _day, cards_of = self._range()
        with self.vault.session() as session:
            cards = cards_of(session)
        if not cards:
            return 0
        printer = _printer_for(self.card_size)
        if not native_dialogs.print_dialog(self, printer):
            return 0
        pages = _print_with_progress(self, cards, printer)
        self.message.setText(f"Sent {pages} {'card' if pages == 1 else 'cards'} to the printer.")
        return pages

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return  # let the PDF finish; the worker still holds the file
        super().reject()


class PrepCards:
    """The main window's File > Print prep cards… entry."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: PrintDayDialog | None = None
        self.action = window.add_file_action(
            "&Print prep cards…",
            self.open_day_dialog,
            "Ctrl+P",
            status_tip="One prep card per meeting of tomorrow or a chosen day",
        )

    def open_day_dialog(self) -> PrintDayDialog:
        dialog = PrintDayDialog(self.window, self.window.vault, self.window.clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
