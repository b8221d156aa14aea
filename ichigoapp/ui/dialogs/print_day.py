"""File > Print prep cards…: one card for every meeting of tomorrow or a chosen day, or
the whole day on one sheet (File > Print the day…)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.printing.prep_cards import CardSize
from ichigoapp.services.common import day_start
from ichigoapp.services.prep_card import PrepCard, cards_for_range
from ichigoapp.services.today import local_today
from ichigoapp.ui import fmt
from ichigoapp.ui.card_output import (
    PdfOutput,
    pdf_filter,
    print_with_progress,
    printer_for,
    sheet_paper_combo,
    with_pdf_suffix,
)
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs import native

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault


class PrintDayDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        vault: Vault,
        clock: Clock = system_clock,
        *,
        sheet: bool = False,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.clock = clock
        self.pages = 0
        self.output = PdfOutput(self, count_in_message=True)
        self.output.busy_changed.connect(lambda _busy: self._set_enabled())
        self.output.saved.connect(self._saved)
        self.message = self.output.message
        self.setWindowTitle(self.tr("Print prep cards"))
        self.setMinimumWidth(460)
        tomorrow = local_today(clock()) + timedelta(days=1)
        self.tomorrow_radio = QRadioButton(
            self.tr("&Tomorrow, {day}").format(day=fmt.full_day(tomorrow))
        )
        self.other_radio = QRadioButton(self.tr("&Another day:"))
        self.date_edit = QDateEdit(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(fmt.date_pattern(weekday=True))  # the locale's order
        self.date_edit.setAccessibleName(self.tr("Day to print"))
        # They sit in different layouts, so exclusivity needs a group.
        self.day_choice = QButtonGroup(self)
        self.day_choice.addButton(self.tomorrow_radio)
        self.day_choice.addButton(self.other_radio)
        self.tomorrow_radio.setChecked(True)
        for radio in (self.tomorrow_radio, self.other_radio):
            radio.toggled.connect(self._update)
        self.date_edit.dateChanged.connect(lambda _d: self._pick_other())
        other = QWidget()
        other_row = QHBoxLayout(other)
        other_row.setContentsMargins(0, 0, 0, 0)
        other_row.addWidget(self.other_radio)
        other_row.addWidget(self.date_edit, 1)
        self.size_box = self.output.size_box
        self.paper_box = sheet_paper_combo()
        self.cards_radio = QRadioButton(self.tr("A &card for each meeting"))
        self.sheet_radio = QRadioButton(self.tr("The whole day on one s&heet"))
        self.sheet_radio.setToolTip(
            self.tr(
                "Every meeting of the day in order on one A4 or Letter page, "
                "with one line for each person"
            )
        )
        self.layout_choice = QButtonGroup(self)
        for radio in (self.cards_radio, self.sheet_radio):
            self.layout_choice.addButton(radio)
        (self.sheet_radio if sheet else self.cards_radio).setChecked(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setAccessibleName(self.tr("Meetings that day"))

        form = QFormLayout()
        form.addRow(self.tr("Day:"), self.tomorrow_radio)
        form.addRow("", other)
        form.addRow(self.tr("Print:"), self.cards_radio)
        form.addRow("", self.sheet_radio)
        form.addRow(self.tr("Card &size:"), self.size_box)
        form.addRow(self.tr("&Paper:"), self.paper_box)
        self.form = form
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_day)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.output.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.count = 0
        for radio in (self.cards_radio, self.sheet_radio):
            radio.toggled.connect(self._update)
        self._update()

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

    @property
    def sheet(self) -> bool:
        """The whole day on one sheet rather than a card for each meeting."""
        return self.sheet_radio.isChecked()

    def _update(self) -> None:
        sheet = self.sheet
        self.form.setRowVisible(self.size_box, not sheet)
        self.form.setRowVisible(self.paper_box, sheet)
        self.setWindowTitle(self.tr("Print the day") if sheet else self.tr("Print prep cards"))
        day, cards_of = self._range()
        with self.vault.session() as session:
            self.count = len(cards_of(session))
        when = fmt.full_day(day)
        if self.count and sheet:
            self.count_label.setText(
                self.tr(
                    "%n meeting(s) on {day}, in order on one page, with a line for each person.",
                    "",
                    self.count,
                ).format(day=when)
            )
        elif self.count == 1:
            self.count_label.setText(self.tr("One meeting on {day}: one card.").format(day=when))
        elif self.count:
            self.count_label.setText(
                self.tr(
                    "%n meeting(s) on {day}: one card each, in one document.", "", self.count
                ).format(day=when)
            )
        else:
            self.count_label.setText(
                self.tr(
                    "No meetings on {day}, so there is nothing to print "
                    "(cancelled meetings get no card)."
                ).format(day=when)
            )
        self._set_enabled()

    def _set_enabled(self) -> None:
        busy = self.output.busy
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.count > 0 and not busy)
        for widget in (
            self.tomorrow_radio,
            self.other_radio,
            self.date_edit,
            self.cards_radio,
            self.sheet_radio,
            self.size_box,
            self.paper_box,
        ):
            widget.setEnabled(not busy)

    @property
    def card_size(self) -> CardSize:
        """The paper: the card size chosen, or for a day sheet A4 or US Letter."""
        if self.sheet:
            return CardSize(str(self.paper_box.currentData()))
        return self.output.card_size

    @property
    def saved_path(self) -> Path | None:
        return self.output.saved_path

    def save_pdf(self) -> bool:
        """Ask where, then write the day's cards on a worker; True when writing started."""
        if self.count == 0 or self.output.busy:
            return False
        day, cards_of = self._range()
        if self.sheet:
            name = self.tr("Day sheet {day}.pdf").format(day=day.isoformat())
            caption = self.tr("Save the day sheet as PDF")
        else:
            name = self.tr("Prep cards {day}.pdf").format(day=day.isoformat())
            caption = self.tr("Save the prep cards as PDF")
        chosen = native.save_file_name(self, caption, name, pdf_filter())
        if chosen is None:
            return False
        vault = self.vault

        def make_cards() -> list[PrepCard]:
            # In the worker thread: its own connection, through a transaction of its own.
            with vault.transaction() as session:
                return cards_of(session)

        sheet_of = day if self.sheet else None
        self.output.write(make_cards, with_pdf_suffix(chosen), self.card_size, sheet_of)
        return True

    def _saved(self, path: Path, pages: int) -> None:
        self.pages = pages
        if pages == 0:  # the meetings were cancelled meanwhile
            self.message.setText(self.tr("No meetings left to print that day."))
            return
        if self.sheet:
            self.message.setText(self.tr("Saved the day sheet to {path}").format(path=path))
            return
        self.message.setText(self.tr("Saved %n card(s) to {path}", "", pages).format(path=path))

    def print_day(self) -> int:
        day, cards_of = self._range()
        with self.vault.session() as session:
            cards = cards_of(session)
        if not cards:
            return 0
        printer = printer_for(self.card_size)
        if not native.print_dialog(self, printer):
            return 0
        pages = print_with_progress(self, cards, printer, day if self.sheet else None)
        if self.sheet:
            self.message.setText(self.tr("Sent the day sheet to the printer."))
        else:
            self.message.setText(self.tr("Sent %n card(s) to the printer.", "", pages))
        return pages

    def reject(self) -> None:
        if self.output.busy:
            return  # let the PDF finish; the worker still holds the file
        super().reject()
