"""Prep cards in the app: preview, remembered size, Save as PDF, print, a day's cards."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from ichigoapp.model import EncounterStatus
from ichigoapp.printing.prep_cards import CardSize
from ichigoapp.services.common import local_zone
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.store import Vault
from ichigoapp.ui import fmt
from ichigoapp.ui.dialogs import native
from ichigoapp.ui.dialogs.prep_card import PrepCardDialog
from ichigoapp.ui.dialogs.print_day import PrintDayDialog
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.widgets.prep_pane import PrepPane
from tests.pdf import pdf_pages, pdf_text
from tests.ui import seed
from tests.ui.conftest import NOW

WAIT_MS = 20000

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) not installed",
)


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def save(_parent: Any, caption: str, suggested: str, _filters: str) -> Path:
        asked.append(suggested)
        return path

    monkeypatch.setattr(native, "save_file_name", save)
    return asked


def test_preview_renders_and_the_size_is_remembered(vault: Vault, qtbot: Any) -> None:
    world = seed.build(vault, NOW)
    pane = PrepPane(vault, world.upcoming, lambda: NOW)
    qtbot.addWidget(pane)
    assert pane.card is not None and pane.card.title == "Coffee with Hanako"
    pixmap = pane.preview.pixmap()
    assert not pixmap.isNull()
    assert pane.card_size is CardSize.A6
    a6 = pane.preview_image_size
    pane.size_box.setCurrentIndex(pane.size_box.findData("a4"))
    # Same preview width, a longer page: the preview follows the paper's proportions.
    assert pane.preview_image_size.height() / pane.preview_image_size.width() == pytest.approx(
        297 / 210, rel=0.02
    )
    assert pane.preview_image_size != a6
    again = PrepPane(vault, world.upcoming, lambda: NOW)
    qtbot.addWidget(again)
    assert again.card_size is CardSize.A4


def test_a_cancelled_meeting_has_no_card(vault: Vault, qtbot: Any) -> None:
    world = seed.build(vault, NOW)
    pane = PrepPane(vault, world.cancelled, lambda: NOW)
    qtbot.addWidget(pane)
    assert pane.card is None
    assert "cancelled" in pane.message.text()
    assert not pane.pdf_button.isEnabled() and not pane.print_button.isEnabled()


@needs_poppler
def test_save_as_pdf_writes_the_card(
    vault: Vault, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = seed.build(vault, NOW)
    pane = PrepPane(vault, world.upcoming, lambda: NOW)
    qtbot.addWidget(pane)
    asked = _save_to(monkeypatch, tmp_path / "coffee")  # no suffix: .pdf is added
    with qtbot.waitSignal(pane.pdf_saved, timeout=WAIT_MS):
        assert pane.save_pdf()
    assert asked[0].startswith("Prep card - Coffee with Hanako - ")
    out = tmp_path / "coffee.pdf"
    assert pane.saved_path == out
    text = pdf_text(out)
    assert "Coffee with Hanako" in text
    assert "Hanako Sato" in text
    assert pdf_pages(out) == 1
    assert pane.pdf_button.isEnabled()


@needs_poppler
def test_print_goes_through_the_print_dialog(
    vault: Vault, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = seed.build(vault, NOW)
    pane = PrepPane(vault, world.upcoming, lambda: NOW)
    qtbot.addWidget(pane)
    out = tmp_path / "printed.pdf"

    def print_dialog(_parent: Any, printer: QPrinter) -> bool:
        # What a user choosing "Print to file" does; the card prints on the GUI thread.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(native, "print_dialog", print_dialog)
    assert pane.print_card()
    assert "Coffee with Hanako" in pdf_text(out)
    monkeypatch.setattr(native, "print_dialog", lambda *_: False)
    assert not pane.print_card()


def test_encounter_detail_opens_the_prep_card(window: MainWindow, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    view = window.encounters
    window.open_encounter(world.upcoming)
    assert view.prep_button.isEnabled()
    dialog = view.open_prep_card()
    assert isinstance(dialog, PrepCardDialog)
    qtbot.addWidget(dialog)
    assert dialog.pane.card is not None and dialog.windowTitle().endswith("Coffee with Hanako")
    dialog.close()
    window.open_encounter(world.cancelled)
    assert not view.prep_button.isEnabled()


def _day_with_meetings(vault: Vault) -> date:
    day = (NOW.astimezone(local_zone()) + timedelta(days=3)).date()
    at = datetime.combine(day, time(10), tzinfo=local_zone())
    with vault.transaction() as s:
        for n, (title, status) in enumerate(
            [
                ("Tea with Hanako", EncounterStatus.PLANNED),
                ("Dinner that fell through", EncounterStatus.CANCELLED),
                ("Solar roadmap", EncounterStatus.PLANNED),
            ]
        ):
            add_encounter(
                s,
                EncounterInput(title=title, start=at + timedelta(hours=2 * n), status=status.value),
            )
    return day


@needs_poppler
def test_print_cards_for_a_day_writes_one_pdf_page_per_meeting(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = _day_with_meetings(window.vault)
    prep = window.file_actions.prep
    assert prep.action.shortcut().toString() == "Ctrl+P"
    dialog = prep.open_day_dialog()
    assert isinstance(dialog, PrintDayDialog)
    assert dialog.tomorrow_radio.isChecked()
    dialog.set_day(day)
    assert dialog.count == 2  # the cancelled meeting gets no card
    assert dialog.count_label.text().startswith("2 meetings on ")
    _save_to(monkeypatch, tmp_path / "day.pdf")
    dialog.save_pdf()
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=WAIT_MS)
    assert dialog.pages == 2
    out = tmp_path / "day.pdf"
    assert pdf_pages(out) == 2
    text = pdf_text(out)
    assert "Tea with Hanako" in text and "Solar roadmap" in text
    assert "Dinner that fell through" not in text
    assert "Saved 2 cards" in dialog.message.text()
    dialog.close()


@needs_poppler
def test_print_the_day_puts_every_meeting_on_one_sheet(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = _day_with_meetings(window.vault)
    prep = window.file_actions.prep
    assert prep.sheet_action.shortcut().toString() == "Ctrl+Alt+P"
    prep.sheet_action.trigger()
    dialog = prep.dialog
    assert isinstance(dialog, PrintDayDialog)
    assert dialog.sheet and dialog.windowTitle() == "Print the day"
    assert dialog.paper_box.isVisibleTo(dialog) and not dialog.size_box.isVisibleTo(dialog)
    dialog.set_day(day)
    assert "2 meetings on " in dialog.count_label.text()
    assert "one page" in dialog.count_label.text()
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(CardSize.LETTER.value))
    asked = _save_to(monkeypatch, tmp_path / "sheet.pdf")
    dialog.save_pdf()
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=WAIT_MS)
    out = tmp_path / "sheet.pdf"
    assert asked == [f"Day sheet {day.isoformat()}.pdf"]
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert text.index("Tea with Hanako") < text.index("Solar roadmap")
    assert "Dinner that fell through" not in text
    assert "Saved the day sheet" in dialog.message.text()
    # US Letter, as chosen, and remembered for the next sheet.
    assert (
        "612 x 792 pts"
        in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    )
    dialog.close()
    again = prep.open_day_dialog(sheet=True)
    assert again.card_size is CardSize.LETTER
    # Back to cards: the card size shows again, the paper does not.
    again.cards_radio.setChecked(True)
    assert again.size_box.isVisibleTo(again) and not again.paper_box.isVisibleTo(again)
    assert again.windowTitle() == "Print prep cards"
    again.close()


def test_a_day_without_meetings_says_so(window: MainWindow) -> None:
    dialog = window.file_actions.prep.open_day_dialog()
    dialog.set_day(date(2001, 1, 1))
    assert dialog.count == 0
    # The day as the locale writes it: "Monday, January 1" in US English.
    day = fmt.full_day(date(2001, 1, 1))
    assert "Monday" in day and dialog.count_label.text().startswith(f"No meetings on {day}")
    assert not dialog.pdf_button.isEnabled() and not dialog.print_button.isEnabled()
    dialog.close()


def test_prep_pane_is_a_widget_for_any_container(vault: Vault, qtbot: Any) -> None:
    world = seed.build(vault, NOW)
    holder = QWidget()
    qtbot.addWidget(holder)
    pane = PrepPane(vault, world.upcoming, lambda: NOW, holder)
    assert pane.parent() is holder
