"""Names on the prep card: in their own order, bare, a Japanese name's reading above it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ichigoapp.printing.prep_cards import CardSize, render_html, write_pdf
from ichigoapp.services.prep_card import build_prep_card
from tests.pdf import pdf_text
from tests.prep_data import NOW, meeting, person

pytestmark = pytest.mark.usefixtures("qapp")


def test_names_in_their_order_with_the_reading_above(session: Session, tmp_path: Path) -> None:
    hanako = person(
        session,
        "花子 佐藤",
        1,
        given_name="花子",
        family_name="佐藤",
        pronunciation="サトウ ハナコ",
    )
    zsofia = person(
        session,
        "Zsófia Horváth",
        2,
        given_name="Zsófia",
        family_name="Horváth",
        name_order="family-first",
        pronunciation="ZHO-fee-ah",
    )
    enc = meeting(session, "打ち合わせ", [hanako, zsofia])
    card = build_prep_card(session, enc.id, now=NOW)
    out = tmp_path / "names.pdf"
    write_pdf([card], out, CardSize.A6)

    text = pdf_text(out)
    # The reading comes right before the name it says, on a line of its own above it.
    assert "サトウ ハナコ 佐藤花子 · first meeting" in text
    page = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(out), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    assert lines[lines.index("佐藤花子 · first meeting") - 1] == "サトウ ハナコ"
    # A pronunciation that is no kana reading follows the name, as before.
    assert "Horváth Zsófia (ZHO-fee-ah) · first meeting" in text
    assert "(サトウ ハナコ)" not in text
    assert not any(honorific in text for honorific in ("さん", "様"))


def test_a_private_reading_is_not_printed(session: Session) -> None:
    hanako = person(
        session,
        "佐藤花子",
        1,
        pronunciation="さとう はなこ",
        private_fields=["pronunciation"],
    )
    enc = meeting(session, "打ち合わせ", [hanako])
    html = render_html(build_prep_card(session, enc.id, now=NOW), CardSize.A6)
    assert "さとう" not in html
    assert 'class="reading"' not in html
