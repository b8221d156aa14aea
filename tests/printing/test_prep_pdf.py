"""Prep cards on paper, checked as a reader would: pdftotext and page counts."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage
from sqlalchemy.orm import Session

from ichigoapp.model import Contact, Encounter, EncounterStatus, PromiseDirection
from ichigoapp.printing.prep_cards import (
    CardLayout,
    CardSize,
    SafeTextDocument,
    initials,
    print_cards,
    render_html,
    render_preview,
    write_pdf,
)
from ichigoapp.services import encounters as encounter_svc
from ichigoapp.services.prep_card import PrepCard, build_prep_card, cards_for_range
from ichigoapp.store import KeyMode, create_vault
from tests.pdf import pdf_pages, pdf_text
from tests.prep_data import MEETING_START, NOW, big_meeting, history, meeting, person, unmatched

pytestmark = pytest.mark.usefixtures("qapp")

ALL_SIZES = list(CardSize)


def test_a_card_says_what_to_know(session: Session, tmp_path: Path) -> None:
    hanako = person(session, "Hanako Sato", 1)
    history(session, hanako, 1, meetings=2, long=False)
    ken = person(session, "Ken Ito", 2)
    enc = meeting(session, "Partnership review", [hanako, ken], intention="hear her plans")
    unmatched(session, enc, "Newcomer Nakamura", "newcomer@example.com")
    card = build_prep_card(session, enc.id, now=NOW)

    out = tmp_path / "card.pdf"
    assert write_pdf([card], out, CardSize.A6) == 1

    text = pdf_text(out)
    assert pdf_pages(out) == 1
    for expected in (
        "Partnership review",
        "treat this as the only one",
        "hear her plans",
        "Hanako Sato",
        "Ken Ito",
        "Newcomer Nakamura",
        "new to you",
        "promise-mine 1.0",
        "promise-theirs 1.0",
        "next-time 1.0",
        "gratitude 1.0",
        "thanks not sent yet",
        "Ask how it went",
        "first meeting",  # Ken has no history yet
        "1 hr 30 min",
    ):
        assert expected in text, expected


def test_empty_intention_leaves_a_line_to_write_on(session: Session) -> None:
    enc = meeting(session, "No intention yet", [person(session, "A Person", 1)])
    html = render_html(build_prep_card(session, enc.id, now=NOW), CardSize.A6)
    assert "treat this as the only one" in html
    assert 'class="blank"' in html


@pytest.mark.parametrize("size", ALL_SIZES)
def test_one_page_per_card_in_start_order(session: Session, tmp_path: Path, size: CardSize) -> None:
    cid = person(session, "Day Person", 1)
    history(session, cid, 1, meetings=3)
    for hour, title in ((15, "Third"), (8, "First"), (11, "Second")):
        meeting(session, f"{title} meeting", [cid], start=MEETING_START.replace(hour=hour))
    gone = meeting(session, "Cancelled meeting", [cid], start=MEETING_START.replace(hour=12))
    encounter_svc.set_status(session, gone.id, EncounterStatus.CANCELLED)
    day = MEETING_START.replace(hour=0, minute=0)
    cards = cards_for_range(session, day, day + timedelta(days=1), now=NOW)
    seen: list[tuple[int, int]] = []

    out = tmp_path / f"day-{size.value}.pdf"
    pages = write_pdf(cards, out, size, progress=lambda done, total: seen.append((done, total)))

    assert pages == 3 == pdf_pages(out)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    for page, title in enumerate(("First", "Second", "Third"), start=1):
        assert f"{title} meeting" in pdf_text(out, page)
    assert "Cancelled" not in pdf_text(out)


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> PrepCard:
    """25 attendees with long histories; a card is plain data, so build it once."""
    path = tmp_path_factory.mktemp("crowd") / "crowd.vault"
    vault = create_vault(path, mode=KeyMode.PASSPHRASE, passphrase="crowd")
    with vault, vault.session() as session:
        made = big_meeting(session, people=25, rich=25)
        return build_prep_card(session, made.encounter_id, now=NOW)


@pytest.mark.parametrize("size", ALL_SIZES)
def test_a_big_meeting_drops_nobody_and_runs_over_pages_only_when_it_must(
    crowd: PrepCard, tmp_path: Path, size: CardSize
) -> None:
    out = tmp_path / f"crowd-{size.value}.pdf"
    pages = write_pdf([crowd], out, size)
    assert pages == pdf_pages(out)
    text = pdf_text(out)
    for someone in crowd.attendees:  # 25 people with long histories: each once, with a line
        assert text.count(f"{someone.name} ") == 1, someone.name
        assert " ".join(someone.next_time.split()[:2]) in text, someone.name
    if size in (CardSize.A4, CardSize.LETTER, CardSize.A5):
        assert pages == 1
    else:  # 25 people's lines do not fit a pocket card: it runs over, marked
        assert 1 < pages <= 4
        assert f"1/{pages}" in text and f"{pages}/{pages}" in text


def test_a_big_meeting_on_a6_keeps_the_best_known_in_full(crowd: PrepCard, tmp_path: Path) -> None:
    out = tmp_path / "crowd.pdf"
    write_pdf([crowd], out, CardSize.A6)
    text = pdf_text(out)

    best = crowd.attendees[0]
    assert best.encounters_before == max(a.encounters_before for a in crowd.attendees)
    # The best-known person in full: history, promises, notes for next time...
    assert best.name in text
    assert best.next_time.split()[0] in text
    assert "treat this as the only one" in text
    assert "Head of Partnerships" in text
    # ...and everyone else they know on one line: the note for next time, not the rest.
    last = crowd.attendees[-1]
    assert f"{last.name} · Next time" in text
    assert last.learned.split()[0] + " " + last.learned.split()[1] not in text


@pytest.mark.parametrize("size", [CardSize.A6, CardSize.INDEX])
def test_six_people_known_well_and_thirty_guests_all_fit(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    made = big_meeting(session, people=6, rich=6)
    enc = session.get(Encounter, made.encounter_id)
    assert enc is not None
    for n in range(30):
        unmatched(session, enc, f"Guest{n:02d} Visitor", f"guest{n}@example.org")
    card = build_prep_card(session, enc.id, now=NOW)
    out = tmp_path / "big.pdf"
    pages = write_pdf([card], out, size)
    text = pdf_text(out)
    assert pages <= 2
    for someone in card.attendees[:6]:
        assert " ".join(someone.next_time.split()[:2]) in text, someone.name
    for n in range(30):
        assert f"Guest{n:02d}" in text


def test_private_things_are_never_printed(session: Session, tmp_path: Path) -> None:
    cid = person(
        session,
        "Private Person",
        1,
        details=[("health", "SECRETDETAIL", True), ("tea", "oolong", False)],
        location="SECRETCITY",
        interests=["SECRETINTEREST"],
        notes="SECRETNOTE",
        how_we_met="SECRETHOWWEMET",
        pronouns="SECRETPRONOUNS",
        pronunciation="SECRETREADING",
        birthday=MEETING_START.date(),
        private_fields=[
            "location",
            "interests",
            "notes",
            "how_we_met",
            "emails",
            *("pronouns", "pronunciation", "birthday"),
        ],
    )
    enc = meeting(session, "Discreet", [cid])
    out = tmp_path / "private.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, CardSize.A4)

    text = pdf_text(out)
    assert "Private Person" in text and "oolong" in text
    for secret in ("SECRET", "p1@example.com", "irthday"):
        assert secret not in text


def test_a_name_is_said_right_and_a_birthday_soon_is_noted(
    session: Session, tmp_path: Path
) -> None:
    yamada = person(
        session,
        "山田 太郎",
        1,
        pronunciation="やまだ たろう",
        pronouns="he/him",
        birthday=(MEETING_START + timedelta(days=3)).date().replace(year=1980),
    )
    far = person(session, "Far Birthday", 2, birthday=(MEETING_START - timedelta(days=1)).date())
    enc = meeting(session, "Introductions", [yamada, far])
    out = tmp_path / "names.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, CardSize.A6)

    text = " ".join(pdf_text(out).split())
    # The kana reading of a name in kanji is printed above it, as furigana are.
    assert "やまだ たろう 山田 太郎 · he/him · first meeting · birthday in 3 days" in text
    assert "Far Birthday · first meeting" in text
    assert text.count("birthday") == 1


HOSTILE = '<b>Board</b><img src="file:///etc/passwd"><script>x()</script>'


def test_invite_markup_is_printed_as_text_and_loads_nothing(
    session: Session, tmp_path: Path
) -> None:
    cid = person(session, '<img src="http://example.com/x.png">Eve', 1)
    enc = meeting(session, HOSTILE, [cid], location="<i>room</i>")
    card = build_prep_card(session, enc.id, now=NOW)

    layout = CardLayout(CardSize.A6)
    layout.lay_out(card)
    assert layout.doc.refused == []  # nothing even asked to load
    # The only pictures are the monograms the card draws itself.
    tags = re.findall(r"<img[^>]*>", layout.html)
    assert len(tags) == 1 and 'src="ichigo-avatar:' in tags[0]
    assert layout.doc.toPlainText().count(HOSTILE) == 1

    out = tmp_path / "hostile.pdf"
    write_pdf([card], out, CardSize.A6)
    text = pdf_text(out)
    assert HOSTILE.replace(" ", "") in text.replace(" ", "")
    assert '<img src="http://example.com/x.png">Eve' in text
    assert "<i>room</i>" in text


def test_the_document_refuses_to_load_resources(qapp: object) -> None:
    # The second wall: even markup that got through could not fetch a file.
    doc = SafeTextDocument()
    doc.setHtml('<p>x<img src="file:///etc/passwd"></p>')
    doc.size()  # force layout, which asks for the image
    assert "file:///etc/passwd" in doc.refused
    assert doc.resource(2, QUrl("file:///etc/passwd")) is None


def test_japanese_and_accents_survive(session: Session, tmp_path: Path) -> None:
    cid = person(session, "山田 太郎", 1, company="株式会社いちご", location="Zürich")
    enc = meeting(session, "Café in Zürich — 打ち合わせ", [cid])
    out = tmp_path / "intl.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, CardSize.A6)

    text = pdf_text(out)
    for expected in ("山田 太郎", "株式会社いちご", "Zürich", "Café", "打ち合わせ"):
        assert expected in text, expected


def test_preview_is_the_printed_page(session: Session) -> None:
    enc = meeting(session, "Preview", [person(session, "A Person", 1)])
    card = build_prep_card(session, enc.id, now=NOW)
    image = render_preview(card, CardSize.A6, dpi=72)
    # A6 is 105 x 148 mm: 298 x 420 points.
    assert abs(image.width() - 298) <= 1 and abs(image.height() - 420) <= 1
    assert not image.isNull()


def test_print_cards_on_a_printer_one_page_each(session: Session, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    cid = person(session, "Printed Person", 1)
    first = meeting(session, "Printed one", [cid])
    second = meeting(session, "Printed two", [cid], start=MEETING_START.replace(hour=12))
    cards = [build_prep_card(session, e.id, now=NOW) for e in (first, second)]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))

    assert print_cards(cards, printer, CardSize.A5) == 2

    assert pdf_pages(out) == 2
    assert "Printed two" in pdf_text(out, 2)


def test_people_who_declined_are_listed_apart(session: Session, tmp_path: Path) -> None:
    ana = person(session, "Ana Lima", 1)
    enc = meeting(session, "Roadmap review", [ana])
    unmatched(session, enc, "Kofi Mensah", "kofi@example.com")
    enc.participations[-1].reply_status = "DECLINED"
    session.flush()
    out = tmp_path / "declined.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, CardSize.A6)
    text = " ".join(pdf_text(out).split())
    assert "Declined: Kofi Mensah" in text
    assert text.count("Kofi Mensah") == 1  # not also among those attending


def test_a_room_from_an_older_import_is_not_printed_as_a_person(
    session: Session, tmp_path: Path
) -> None:
    ana = person(session, "Ana Lima", 1)
    enc = meeting(session, "Roadmap review", [ana])
    unmatched(session, enc, "Conf Room 4B", "conf-room-4b@example.org")
    card = build_prep_card(session, enc.id, now=NOW)
    assert [a.name for a in card.attendees] == ["Ana Lima"]


@pytest.mark.parametrize("size", [CardSize.A4, CardSize.A6])
def test_a_long_note_is_printed_once_an_overdue_promise_says_so_and_met_is_set_apart(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    from ichigoapp.services import reflections

    ana = person(session, "Ana Lima", 1, how_we_met="At the Oslo design week")
    history(session, ana, 1, meetings=1)
    before = meeting(session, "Earlier", [ana], start=MEETING_START - timedelta(days=3))
    before.status = EncounterStatus.HELD.value
    long_note = "Ask about crime novels, " + "the ones set in Bergen she recommended, " * 3
    reflections.reflect(session, before.id, reflections.ReflectionInput(next_time=long_note))
    reflections.add_promise(session, text="send the Bergen article",
                            direction=PromiseDirection.MINE, encounter_id=before.id,
                            contact_id=ana, due=(NOW - timedelta(days=5)).date())  # fmt: skip
    enc = meeting(session, "Roadmap review", [ana])
    out = tmp_path / "card.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, size)
    text = " ".join(pdf_text(out).split())
    assert text.count("Ask about crime novels") == 1  # not as "Next time" and as a question
    assert "recommended,." not in text and "recommended.." not in text
    assert "overdue since Apr 28, 2026" in text  # said in words, not only in red
    assert "At the Oslo design week · since Mar 4, 2023" in text  # set apart by " · "


@pytest.mark.parametrize("size", [CardSize.A6, CardSize.INDEX, CardSize.A4])
def test_without_an_intention_there_are_lines_to_write_on_7_mm_apart(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    from tests.pdf import rule_rows_mm

    enc = meeting(session, "No intention yet", [person(session, "A Person", 1)])
    out = tmp_path / "card.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, size)
    first, second, *_ = rule_rows_mm(out, tmp_path)
    assert 7.0 <= second - first <= 9.0, (first, second)


@pytest.mark.parametrize("size", [CardSize.A6, CardSize.A4])
def test_the_agenda_is_printed_once_without_joining_instructions(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    from tests.importers.test_agenda import TEAMS

    ana = person(session, "Ana Lima", 1)
    enc = meeting(session, "Quarterly review", [ana],
                  description=TEAMS.replace("Q3 numbers", "Q3 <b>numbers</b>"))  # fmt: skip
    out = tmp_path / "card.pdf"
    write_pdf([build_prep_card(session, enc.id, now=NOW)], out, size)
    text = " ".join(pdf_text(out).split())
    assert "Agenda 1. Q3 <b>numbers</b> · 2. Hiring plan, see docs.google.com" in text
    assert text.count("Q3 <b>numbers</b>") == 1
    for noise in ("Meeting ID", "Passcode", "teams.microsoft.com", "+1 323"):
        assert noise not in text


@pytest.mark.parametrize("size", [CardSize.A6, CardSize.A4])
def test_room_left_on_a_card_becomes_lines_for_notes(
    session: Session, tmp_path: Path, size: CardSize
) -> None:
    from tests.pdf import rule_rows_mm

    enc = meeting(session, "Short one", [person(session, "A Person", 1)], intention="listen")
    out = tmp_path / "card.pdf"
    assert write_pdf([build_prep_card(session, enc.id, now=NOW)], out, size) == 1
    assert "Notes" in pdf_text(out)
    rows = rule_rows_mm(out, tmp_path)  # the intention is set: every grey line is for notes
    assert len(rows) >= 3
    gaps = [b - a for a, b in pairwise(rows)]
    assert all(7.0 <= gap <= 9.0 for gap in gaps), gaps


def test_a_full_card_keeps_its_room_for_people(crowd: PrepCard, tmp_path: Path) -> None:
    from tests.pdf import rule_rows_mm

    out = tmp_path / "crowd.pdf"
    write_pdf([crowd], out, CardSize.A4)
    assert len(rule_rows_mm(out, tmp_path)) == 2  # the intention's two lines, no notes


def _solid_png(colour: str) -> bytes:
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_a_photo_or_a_monogram_beside_each_name(session: Session) -> None:
    ken = person(session, "Ken Ito", 1)
    session.get(Contact, ken).photo = _solid_png("#1f5fbf")  # type: ignore[union-attr]
    hanako = person(session, "Hanako Sato", 2)
    enc = meeting(session, "Both of them", [ken, hanako])
    card = build_prep_card(session, enc.id, now=NOW)

    image = render_preview(card, CardSize.A6, dpi=150)

    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert "#1f5fbf" in colours  # Ken's photo
    assert "#f3e4e7" in colours  # Hanako's monogram, no photo
    assert (initials("Hanako Sato"), initials("佐藤花子"), initials("  ")) == ("HS", "佐", "?")
