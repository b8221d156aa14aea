"""vCard 4.0 export, read back by the importer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.vcard import parse_vcards
from ichigoapp.importers.vcard_export import export_vcards, fold

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
ALL_FIXTURES = sorted(p.name for p in DATA.iterdir())
FIELDS = (
    "display_name",
    "given_name",
    "family_name",
    "emails",
    "phones",
    "company",
    "title",
    "notes",
    "links",
    "tags",
    "birthday",
    "connected_on",
    "location",
    "photo",
)


def fields(record: ContactRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in FIELDS}


@pytest.mark.parametrize("fixture", ALL_FIXTURES)
def test_round_trip_of_every_fixture(fixture: str) -> None:
    original = detect_and_parse((DATA / fixture).read_bytes(), fixture).records
    text = export_vcards(original)
    again = detect_and_parse(text.encode("utf-8"), "export.vcf")
    assert again.skipped == []
    assert [fields(r) for r in again.records] == [fields(r) for r in original]


def test_round_trip_of_awkward_values() -> None:
    record = ContactRecord(
        display_name="Ōno, Kei; “K” \\ the second",
        given_name="Kei",
        family_name="Ōno",
        emails=[("kei@example.jp", "work"), ("k@example.jp", "private, mostly")],
        phones=[("+81 3-1234-5678", "mobile"), ("+81 3-0000-0000", "work fax")],
        links=[("https://www.linkedin.com/in/kei", "linkedin"), ("https://x.example/a,b;c", "")],
        company="Ōno; Sons, Ltd.",
        title="CTO, Research",
        location="Osaka, Japan",
        notes="Line 1\nLine 2, with comma; semicolon\nand \\ backslash " + "長い" * 80,
        connected_on=date(2020, 1, 2),
        birthday=date(1979, 2, 28),
        tags=["a,b", "c;d", "Tea Club"],
        extra={"department": "Lab", "Favourite tea": "genmaicha\nhot", "X-FOO": "X-FOO:bar"},
        photo=b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
    )
    (back,) = parse_vcards(export_vcards([record])).records
    assert fields(back) == fields(record)
    assert back.extra == {
        "department": "Lab",
        "Favourite tea": "genmaicha\nhot",
        "X-FOO": "X-FOO:bar",
    }


def test_output_is_crlf_and_folded_at_75_octets() -> None:
    record = ContactRecord(display_name="Zoë", notes="é" * 200, photo=b"\x89PNG" + b"x" * 300)
    text = export_vcards([record])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)


def test_fold_never_splits_a_character() -> None:
    folded = fold("NOTE:" + "🍓" * 40)
    for piece in folded.split("\r\n")[:-1]:
        piece.encode("utf-8")  # every piece is whole characters
        assert len(piece.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == "NOTE:" + "🍓" * 40 + "\r\n"


def test_labels_become_types_or_apple_labels() -> None:
    record = ContactRecord(
        display_name="L",
        emails=[("a@x.example", "work"), ("b@x.example", "linkedin")],
        phones=[("1", "mobile")],
    )
    text = export_vcards([record])
    assert "EMAIL;TYPE=work:a@x.example\r\n" in text
    assert "ichigo1.EMAIL:b@x.example\r\nichigo1.X-ABLabel:linkedin\r\n" in text
    assert "TEL;TYPE=cell:1\r\n" in text
