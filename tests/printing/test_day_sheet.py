"""The day sheet: a whole day's meetings on one A4/Letter page, read back with pdftotext."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ichigoapp import i18n
from ichigoapp.printing.prep_cards import CardSize, SheetLayout, write_day_sheet
from ichigoapp.services.common import day_start
from ichigoapp.services.prep_card import PrepCard, cards_for_range
from tests.pdf import pdf_pages, pdf_text
from tests.prep_data import MEETING_START, NOW, big_meeting, history, meeting, person, unmatched


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """The sheet's dates and times as CLDR writes them for en_GB (24-hour clock)."""
    i18n.activate(i18n.Choice("en", "en_GB"))
    yield
    i18n.activate(i18n.Choice("en", "en_US"))


pytestmark = pytest.mark.usefixtures("qapp")

DAY = date(2026, 5, 4)


def _cards(session: Session) -> list[PrepCard]:
    return cards_for_range(session, day_start(DAY), day_start(DAY + timedelta(days=1)), NOW)


def _an_ordinary_day(session: Session) -> None:
    hanako = person(session, "Hanako Sato", 1)
    history(session, hanako, 1, meetings=2, long=False)
    ken = person(session, "Ken Ito", 2)
    review = meeting(session, "Partnership review", [hanako, ken], intention="hear her plans")
    unmatched(session, review, "Newcomer Nakamura", "newcomer@example.com")
    meeting(session, "Lunch with Ken", [ken], start=MEETING_START.replace(hour=12))
    meeting(session, "Focus time", [], start=MEETING_START.replace(hour=16))


@pytest.mark.parametrize("size", [CardSize.A4, CardSize.LETTER])
def test_a_day_on_one_page_in_order_with_a_line_per_person(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    _an_ordinary_day(session)
    out = tmp_path / "day.pdf"

    assert write_day_sheet(DAY, _cards(session), out, size) == 1

    assert pdf_pages(out) == 1
    text = pdf_text(out, layout=True)
    assert "Monday 4 May 2026" in text and "3 MEETINGS" in text
    # In order, each with its time and people.
    assert text.index("09:30 Partnership review") < text.index("12:30 Lunch with Ken")
    assert text.index("Lunch with Ken") < text.index("16:30 Focus time")
    # Hanako's one line is her note for next time; Ken, never met, gets who he is.
    assert "Hanako Sato · Next time next-time 1.0" in text
    assert "Ken Ito · Head of Partnerships, Company 2" in text
    assert "New to you Newcomer Nakamura" in text
    assert "Intention hear her plans" in text
    assert "No one else on the invitation" in text  # focus time


@pytest.mark.parametrize("slots", [12, 40])
def test_a_full_day_keeps_everyone_and_never_cuts_a_meeting(
    session: Session, tmp_path: Path, slots: int
) -> None:
    """40 people in one meeting and many more meetings: one page while the known people
    beyond the first few can be named rather than given a line; a day that still does
    not fit runs over pages, where a meeting that does not fit the rest of a page
    starts on the next one, whole. Nobody is ever dropped."""
    made = big_meeting(session, 40, 4, start=MEETING_START.replace(hour=6))
    known = person(session, "Hanako Sato", 100)
    for n in range(slots):
        start = MEETING_START.replace(hour=8) + timedelta(minutes=20 * n)
        meeting(session, f"Slot {n:02d}", [known, made.contact_ids[0]], start=start)
    out = tmp_path / "full.pdf"

    pages = write_day_sheet(DAY, _cards(session), out, CardSize.A4)

    assert pages == pdf_pages(out)
    assert (pages == 1) == (slots == 12)
    text = pdf_text(out)
    for n in range(40):
        assert f"Person{n:02d} Surname" in text
    assert "Person02 Surname · Next time next-time 2.0" in text  # the best known get lines
    if pages > 1:
        assert f"{pages}/{pages}" in text
    for n in range(slots):
        # Each meeting's title and its people are on the same page.
        page = next(p for p in range(1, pages + 1) if f"Slot {n:02d}" in pdf_text(out, p))
        after = pdf_text(out, page, layout=True).split(f"Slot {n:02d}", 1)[1]
        assert "Hanako Sato" in after.split("Slot", 1)[0]


def test_text_from_invitations_is_printed_literally(session: Session, tmp_path: Path) -> None:
    hanako = person(session, "Hanako <b>Sato</b>", 1)
    meeting(session, "Kickoff <i>now</i> & then", [hanako], intention="<script>x</script>")
    out = tmp_path / "day.pdf"

    write_day_sheet(DAY, _cards(session), out, CardSize.A4)

    text = pdf_text(out)
    assert "Kickoff <i>now</i> & then" in text
    assert "Hanako <b>Sato</b>" in text and "<script>x</script>" in text


def test_only_a4_and_letter(session: Session) -> None:
    with pytest.raises(ValueError, match="A4 or US Letter"):
        SheetLayout(CardSize.A6)
