"""vCard 3.0 and 4.0 from Apple, phones and hand-edited files."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from ichigoapp.importers.birthday import birthday_text
from ichigoapp.importers.contact_types import ContactParseResult, ContactRecord
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.vcard import parse_vcards

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def parse_fixture(name: str) -> ContactParseResult:
    return detect_and_parse((DATA / name).read_bytes(), name)


def by_name(result: ContactParseResult) -> dict[str, ContactRecord]:
    return {record.display_name: record for record in result.records}


def test_apple_grouped_labels_are_cleaned() -> None:
    result = parse_fixture("apple_grouped.vcf")
    assert result.source_kind == "vcard"
    johnny = by_name(result)["Johnny Appleseed"]
    assert johnny.emails == [
        ("johnny@apple.com", "home"),
        ("j.appleseed@orchard.example", "orchard"),
    ]
    assert johnny.phones == [("+1 (555) 010-0199", "mobile"), ("+1 555 010 0200", "main")]
    assert johnny.links == [
        ("https://www.linkedin.com/in/johnnyappleseed", "homepage"),
        ("https://twitter.com/johnny", "twitter"),
    ]


def test_apple_card_fields() -> None:
    johnny = by_name(parse_fixture("apple_grouped.vcf"))["Johnny Appleseed"]
    assert (johnny.given_name, johnny.family_name) == ("Johnny", "Appleseed")
    assert johnny.company == "Apple, Inc."
    assert johnny.extra["department"] == "Orchards"
    assert johnny.title == "Chief Planter"
    assert johnny.notes == "Likes apples, pears and plums.\nAllergic to nuts."
    assert johnny.birthday == date(1980, 3, 21)
    assert johnny.tags == ["Friends", "Orchard Club"]
    assert johnny.location == "Cupertino, CA, USA"
    assert johnny.photo is not None and johnny.photo.startswith(PNG_SIGNATURE)


def test_unknown_properties_kept_with_their_labels() -> None:
    johnny = by_name(parse_fixture("apple_grouped.vcf"))["Johnny Appleseed"]
    assert johnny.extra["X-ABRELATEDNAMES"] == "item6.X-ABRELATEDNAMES:Jane Appleseed"
    assert "item6.X-ABLabel:_$!<Spouse>!$_" in johnny.extra["X-ABLABEL"]
    assert johnny.extra["ADR"].endswith(":;;1 Infinite Loop;Cupertino;CA;95014;USA")
    # the labels that were used for e-mails and phones are not repeated in extra
    assert "Orchard" not in johnny.extra["X-ABLABEL"]


def test_broken_photo_drops_only_the_photo() -> None:
    result = parse_fixture("apple_grouped.vcf")
    broken = by_name(result)["Photo Broken"]
    assert broken.photo is None
    assert broken.emails == [("photo.broken@example.com", "work")]
    assert result.skipped == []


def test_vcard4_several_cards() -> None:
    result = parse_fixture("vcard4_multi.vcf")
    assert [r.display_name for r in result.records] == [
        "Dr. Ada Lovelace",
        "Grace Hopper",
        "Alan Turing",  # no FN: built from N
        "only.address@example.net",  # nothing but an address
    ]
    ada = result.records[0]
    assert ada.emails == [("ada@analytical.example", "work"), ("ada@home.example", "home")]
    assert ada.phones == [("+44-20-7946-0000", "mobile"), ("+44 20 7946 0001", "work fax")]
    assert ada.links == [("https://example.org/ada?a=1,b=2", "work")]
    assert ada.birthday == date(1815, 12, 10)
    assert ada.photo is not None and ada.photo.startswith(PNG_SIGNATURE)
    assert ada.tags == ["Mathematics", "Pioneers"]
    assert ada.notes == "First programmer.\nWrote the Notes."
    assert ada.extra["X-CUSTOM"] == "X-CUSTOM;X-PARAM=1:kept value"
    assert ada.extra["UID"] == "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert ada.extra["ANNIVERSARY"] == "ANNIVERSARY:18350708"


def test_birthday_without_year_is_kept_not_guessed() -> None:
    grace = by_name(parse_fixture("vcard4_multi.vcf"))["Grace Hopper"]
    assert grace.birthday is not None and birthday_text(grace.birthday) == "--12-09"
    assert "BDAY" not in grace.extra
    apple = "BEGIN:VCARD\r\nFN:Noel\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-12-24\r\nEND:VCARD\r\n"
    (noel,) = parse_vcards(apple).records
    assert noel.birthday is not None and birthday_text(noel.birthday) == "--12-24"
    (unknown,) = parse_vcards(apple.replace("1604-12-24", "around Christmas")).records
    assert unknown.birthday is None and "around Christmas" in unknown.extra["BDAY"]


def test_escaped_values() -> None:
    (john,) = parse_fixture("escaped_values.vcf").records
    assert john.display_name == "Smith, John"
    assert john.family_name == "Smith;Jr"
    assert john.company == "Smith, Jones & Partners; LLP"
    assert john.extra["department"] == "Legal, Tax"
    assert john.title == "Partner, Senior"
    assert john.notes == "Line one\nLine two, with comma; and semicolon \\ backslash"
    assert john.tags == ["Law,Tax", "Clients"]
    assert john.emails == [("john.smith@sjp.example", "work")]


def test_one_bad_card_is_skipped_and_the_rest_import() -> None:
    result = parse_fixture("one_bad_card.vcf")
    assert [r.display_name for r in result.records] == ["First Good", "Third Good"]
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert skipped.where == "card 2"
    assert "is not a vCard property" in skipped.reason
    assert "this line has no colon" in skipped.reason


def test_latin1_file_decodes_without_replacement_characters() -> None:
    raw = (DATA / "latin1_card.vcf").read_bytes()
    assert "François".encode("latin-1") in raw  # really latin-1, not UTF-8
    (francois,) = parse_fixture("latin1_card.vcf").records
    assert francois.display_name == "François Müller"
    assert francois.company == "Café Crème SARL"
    assert francois.notes == "Straße 5, Zürich - très bien"  # a bare comma is kept
    assert "\ufffd" not in repr(francois)


def test_cp1252_punctuation() -> None:
    data = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Renée “Rae” Dupont\r\nNOTE:5 €\r\nEND:VCARD\r\n"
    (rae,) = detect_and_parse(data.encode("cp1252")).records
    assert rae.display_name == "Renée “Rae” Dupont"
    assert rae.notes == "5 €"


def test_vcard21_quoted_printable_and_bare_types() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupr=C3=A9;=C3=89lise;;;\r\n"
        "TEL;WORK;VOICE:+33 1 23 45 67 89\r\n"
        "EMAIL;INTERNET;HOME:elise@example.fr\r\n"
        "END:VCARD\r\n"
    )
    (elise,) = parse_vcards(text).records
    assert elise.display_name == "Élise Dupré"
    assert elise.phones == [("+33 1 23 45 67 89", "work")]
    assert elise.emails == [("elise@example.fr", "home")]


def test_photo_with_apple_base64_parameter() -> None:
    png = base64.b64encode(PNG_SIGNATURE + b"rest").decode()
    text = f"BEGIN:VCARD\nVERSION:3.0\nFN:Pic\nPHOTO;BASE64:\n  {png}\nEND:VCARD\n"
    (pic,) = parse_vcards(text).records
    assert pic.photo == PNG_SIGNATURE + b"rest"


def test_card_with_nothing_to_name_it_is_skipped() -> None:
    result = parse_vcards("BEGIN:VCARD\nVERSION:4.0\nNOTE:who?\nEND:VCARD\n")
    assert result.records == []
    assert result.skipped[0].where == "card 1"
    assert result.skipped[0].reason == "no name, e-mail address, phone or company"


def test_card_cut_short_still_imports() -> None:
    result = parse_vcards(
        "BEGIN:VCARD\nFN:Half\nBEGIN:VCARD\nFN:Whole\nEND:VCARD\nBEGIN:VCARD\nFN:Tail"
    )
    assert [r.display_name for r in result.records] == ["Half", "Whole", "Tail"]


def test_pathological_parameter_list_does_not_hang() -> None:
    # vobject's own line regex backtracks exponentially on this; the guard must reject it
    line = "X-A;B=" + "," * 60 + '"'
    result = parse_vcards(f"BEGIN:VCARD\nFN:Slow\n{line}\nEND:VCARD\n")
    assert result.records == []
    assert "is not a vCard property" in result.skipped[0].reason
