"""Google Contacts CSV: the current layout and the legacy Gmail one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ichigoapp.importers.birthday import birthday_text
from ichigoapp.importers.contact_types import ContactParseResult, ContactRecord
from ichigoapp.importers.contacts import detect_and_parse

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def parse_fixture(name: str) -> ContactParseResult:
    return detect_and_parse((DATA / name).read_bytes(), name)


def by_name(result: ContactParseResult) -> dict[str, ContactRecord]:
    return {record.display_name: record for record in result.records}


def test_current_layout_maps_columns_by_name() -> None:
    result = parse_fixture("google_contacts_current.csv")
    assert result.source_kind == "google"
    hanako = by_name(result)["Hanako Sato"]
    assert hanako.company == "Sato & Co., Ltd."
    assert hanako.title == "CEO"
    assert hanako.extra["department"] == "Board"
    assert hanako.birthday == date(1985, 4, 15)
    assert hanako.notes == "Prefers green tea\nLoves Kyoto in autumn"
    assert hanako.emails == [
        ("hanako.sato@example.com", "work"),
        ("hanako@home.example", "home"),
        ("hanako.alt@home.example", "home"),
    ]
    assert hanako.phones == [("+81 90-1234-5678", "mobile")]
    assert hanako.links == [("https://www.linkedin.com/in/hanakosato", "profile")]
    assert hanako.location == "Tokyo, Japan"


def test_labels_without_my_contacts() -> None:
    people = by_name(parse_fixture("google_contacts_current.csv"))
    assert people["Hanako Sato"].tags == ["Friends", "Tea Club"]
    assert people["Noel Winter"].tags == ["starred"]


def test_nothing_is_lost() -> None:
    people = by_name(parse_fixture("google_contacts_current.csv"))
    extra = people["Hanako Sato"].extra
    assert extra["Custom Field 1 - Value"] == "sencha"
    assert extra["Address 1 - Street"] == "1-2-3 Ginza"
    # a birthday without a year is a birthday all the same, and is not kept twice
    noel = people["Noel Winter"].birthday
    assert noel is not None and birthday_text(noel) == "--12-24"
    assert "Birthday" not in people["Noel Winter"].extra


def test_address_only_contact_is_named_by_address_and_empty_row_reported() -> None:
    result = parse_fixture("google_contacts_current.csv")
    assert "solo@example.org" in by_name(result)
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("row 4", "no name, e-mail address, phone or company")
    ]


def test_legacy_layout_with_multi_values() -> None:
    result = parse_fixture("google_contacts_legacy.csv")
    assert result.source_kind == "google"
    assert result.skipped == []
    marie = by_name(result)["Marie Curie"]
    assert (marie.given_name, marie.family_name) == ("Marie", "Curie")
    assert marie.emails == [("marie@radium.fr", "work"), ("marie.curie@home.example", "home")]
    assert marie.phones == [("+33 6 12 34 56 78", "mobile"), ("+33 6 87 65 43 21", "mobile")]
    assert marie.company == "Institut du Radium, Paris"
    assert marie.title == "Director"
    assert marie.location == "Paris, France"
    assert marie.tags == ["Science", "VIP"]
    assert marie.birthday == date(1867, 11, 7)
    assert marie.extra == {"Hobby": "Cycling"}
    bob = by_name(result)['Bob "The Builder" Smith']
    assert bob.emails == [("bob@build.example", "other")]
    assert bob.company == "Build, Inc."
    assert bob.tags == []
