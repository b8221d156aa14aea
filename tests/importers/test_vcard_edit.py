"""Changing a card someone else wrote: only the changed fields' lines are rewritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ichigoapp.importers.birthday import NO_YEAR
from ichigoapp.importers.vcard_edit import (
    Shared,
    apply_delta,
    delta,
    edit_card,
    new_card,
    read_card,
    shared_of,
    without,
)

PHOTO_LINE = "PHOTO;ENCODING=b;TYPE=PNG:" + "iVBORw0KGgo" * 12
# As an iPhone writes a card: 3.0, grouped labels, a folded photo, things Ichigo does not
# read (IMPP, X-SOCIALPROFILE, a custom label on a phone, a note of the phone's own).
PHONE_CARD = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 18.1//EN\r\n"
    "UID:9B1C-44\r\n"
    "N:Solberg;Ingrid;Marie;;\r\n"
    "FN:Ingrid Solberg\r\n"
    "ORG:Fjord Studio;Research\r\n"
    "TITLE:Designer\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ingrid@fjord.example\r\n"
    "item1.X-ABLabel:_$!<Work>!$_\r\n"
    "item2.TEL:+47 912 34 567\r\n"
    "item2.X-ABLabel:Boat\r\n"
    "IMPP;X-SERVICE-TYPE=Signal;type=pref:x-apple:ingrid.77\r\n"
    "X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/ingrid\r\n"
    "NOTE:Gate code 4711\r\n"
    f"{PHOTO_LINE[:75]}\r\n {PHOTO_LINE[75:]}\r\n"
    "CATEGORIES:Design,Oslo\r\n"
    "END:VCARD\r\n"
)


def lines(card: str) -> list[str]:
    return card.split("\r\n")


def test_a_new_title_rewrites_only_the_title_line() -> None:
    want = read_card(PHONE_CARD)
    want.title = "Partner"
    edited = edit_card(PHONE_CARD, want, {"title"})
    assert edited == PHONE_CARD.replace("TITLE:Designer", "TITLE:Partner")


def test_a_removed_email_takes_its_label_and_a_new_one_is_added() -> None:
    want = read_card(PHONE_CARD)
    want.emails = [("ingrid@solberg.example", "home")]
    edited = edit_card(PHONE_CARD, want, {"emails"})
    assert "ingrid@fjord.example" not in edited
    assert "item1." not in edited  # the Work label went with its address
    assert "EMAIL;TYPE=home:ingrid@solberg.example" in lines(edited)
    assert "item2.X-ABLabel:Boat" in lines(edited)  # the phone's own label stays
    assert read_card(edited).emails == [("ingrid@solberg.example", "home")]


def test_middle_name_and_department_survive_a_name_and_company_change() -> None:
    want = read_card(PHONE_CARD)
    want.family_name, want.company = "Berg", "Nordlys"
    edited = edit_card(PHONE_CARD, want, {"family_name", "company"})
    assert "N:Berg;Ingrid;Marie;;" in lines(edited)
    assert "ORG:Nordlys;Research" in lines(edited)


def test_a_new_card_reads_back_the_same_in_both_versions() -> None:
    want = read_card(PHONE_CARD)
    want.notes = "never on a card"
    want.pronouns = "she/her"
    want.birthday = date(NO_YEAR, 2, 29)
    for version in ("3.0", "4.0"):
        card = new_card(want, "u-1", version)
        assert f"VERSION:{version}" in lines(card)
        assert "never on a card" not in card
        back = read_card(card)
        assert shared_of(back) == replace(shared_of(want), photo=shared_of(want).photo)
        assert back.birthday == date(NO_YEAR, 2, 29)
    assert "PHOTO;ENCODING=b;TYPE=PNG:" in new_card(want, "u-1", "3.0")
    assert "PHOTO:data:image/png;base64," in new_card(want, "u-1", "4.0")


def test_both_sides_changes_merge_and_the_first_side_wins_a_true_conflict() -> None:
    base = Shared(display_name="Ingrid", title="Designer", phones=("1",), emails=("a@x.io",))
    server = replace(base, phones=("2",), title="Lead")
    ichigo = replace(base, title="Partner", emails=("a@x.io", "b@x.io"))
    from_server, from_us = delta(base, server), delta(base, ichigo)
    card = apply_delta(server, from_us)
    contact = apply_delta(ichigo, without(from_server, from_us))
    assert card == replace(base, title="Partner", phones=("2",), emails=("a@x.io", "b@x.io"))
    assert contact == card
    assert from_server.destructive(base) and not delta(base, replace(base, company="X"))\
        .destructive(base)  # fmt: skip
