"""The prep card of one encounter in the app: a live preview, its size, Print…, Save as PDF….

The preview is ``render_preview``: exactly the page that prints. Saving a PDF runs on a
worker thread (card_output.PdfOutput); printing paints on the GUI thread, as a QPrinter
wants, behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ichigoapp.errors import IchigoError
from ichigoapp.printing.prep_cards import CardSize, page_layout, print_cards, render_preview
from ichigoapp.services.prep_card import PrepCard, build_prep_card
from ichigoapp.ui.card_output import (
    PDF_FILTER,
    PdfOutput,
    print_with_progress,
    printer_for,
    safe_file_name,
    with_pdf_suffix,
)
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs import native
from ichigoapp.ui.widgets.buttons import button

if TYPE_CHECKING:
    from ichigoapp.store import Vault

translate = QCoreApplication.translate
PREVIEW_WIDTH = 440  # logical pixels: readable beside the buttons, fits a laptop screen


class PrepPane(QWidget):
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
        self.output = PdfOutput(self)
        self.output.busy_changed.connect(lambda _busy: self._set_enabled())
        self.output.saved.connect(self._saved)
        self.message = self.output.message

        self.size_box = self.output.size_box
        self.size_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preview_button = button(
            translate("PrepPane", "Print preview…"),
            translate("PrepPane", "Print preview of the prep card"),
        )
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button = button(
            translate("PrepPane", "Print…"), translate("PrepPane", "Print the prep card")
        )
        self.print_button.clicked.connect(self.print_card)
        self.pdf_button = button(
            translate("PrepPane", "Save as PDF…"),
            translate("PrepPane", "Save the prep card as PDF"),
        )
        self.pdf_button.setObjectName("primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        size_label = QLabel(translate("PrepPane", "Card &size:"))
        size_label.setBuddy(self.size_box)
        bar = QHBoxLayout()
        bar.addWidget(size_label)
        bar.addWidget(self.size_box)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)

        self.preview = QLabel()
        self.preview.setAccessibleName(translate("PrepPane", "Prep card preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A thin edge so a white card reads as paper on a white window.
        self.preview.setStyleSheet("QLabel { background: white; border: 1px solid #bbb; }")
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(False)
        self.preview_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_scroll.setWidget(self.preview)
        self.preview_scroll.setMinimumWidth(PREVIEW_WIDTH + 40)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.preview_scroll, 1)
        layout.addWidget(self.output.progress)
        layout.addWidget(self.message)
        self.load()

    @property
    def card_size(self) -> CardSize:
        return self.output.card_size

    @property
    def saved_path(self) -> Path | None:
        return self.output.saved_path

    @property
    def busy(self) -> bool:
        return self.output.busy

    def load(self) -> None:
        """(Re)build the card from the vault and draw it."""
        try:
            with self.vault.session() as session:
                self.card = build_prep_card(session, self.encounter_id, self.clock())
        except IchigoError as exc:
            self.card = None
            self.preview.clear()
            self.message.setText(
                translate("PrepPane", "No prep card: {reason}.").format(reason=exc.message)
            )
        else:
            self.message.setText("")
        self._set_enabled()
        self.refresh_preview()

    def _set_enabled(self) -> None:
        busy = self.output.busy
        ready = self.card is not None and not busy
        for widget in (self.preview_button, self.print_button, self.pdf_button):
            widget.setEnabled(ready)
        # The layout objects are shared with a PDF being written: no re-render meanwhile.
        self.size_box.setEnabled(not busy)

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
            return translate("PrepPane", "prep-card.pdf")
        return translate("PrepPane", "Prep card - {title} - {date}.pdf").format(
            title=safe_file_name(self.card.title), date=f"{self.card.start:%Y-%m-%d}"
        )

    def save_pdf(self) -> bool:
        """Ask where, then write the PDF on a worker; True when writing started."""
        card = self.card
        if card is None or self.output.busy:
            return False
        chosen = native.save_file_name(
            self, translate("PrepPane", "Save prep card as PDF"), self.suggested_name(), PDF_FILTER
        )
        if chosen is None:
            return False
        self.output.write(lambda: [card], with_pdf_suffix(chosen), self.card_size)
        return True

    def _saved(self, path: Path, _pages: int) -> None:
        self.message.setText(translate("PrepPane", "Saved {path}").format(path=path))
        self.pdf_saved.emit(path)

    def print_card(self) -> bool:
        if self.card is None:
            return False
        printer = printer_for(self.card_size)
        if not native.print_dialog(self, printer):
            return False
        print_with_progress(self, [self.card], printer)
        return True

    def print_preview(self) -> None:
        card = self.card
        if card is None:
            return

        def paint(printer: QPrinter) -> None:
            print_cards([card], printer, None)

        native.print_preview(self, printer_for(self.card_size), paint)
