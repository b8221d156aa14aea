"""LinkedIn Connections.csv as LinkedIn really writes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ichigoapp.importers.contact_types import ContactParseResult, ContactRecord
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.linkedin_csv import parse_connected_on

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def parse_fixture(name: str) -> ContactParseResult:
    return detect_and_parse((DATA / name).read_bytes(), name)


def by_name(result: ContactParseResult) -> dict[str, ContactRecord]:
    return {record.display_name: record for record in result.records}


def test_connections_found_past_the_preamble() -> None:
    result = parse_fixture("linkedin_connections.csv")
    assert result.source_kind == "linkedin"
    assert [r.display_name for r in result.records] == [
        "José Álvarez",
        "山田 太郎",
        "Zoë O'Brien",
        "Ana Silva",
    ]


def test_fields_survive_quoting_and_case() -> None:
    people = by_name(parse_fixture("linkedin_connections.csv"))
    jose = people["José Álvarez"]
    assert (jose.given_name, jose.family_name) == ("José", "Álvarez")
    assert jose.company == "Acme, Inc."
    assert jose.emails == []  # LinkedIn leaves most addresses out
    assert jose.links == [("https://www.linkedin.com/in/josealvarez", "linkedin")]
    assert people["山田 太郎"].title == 'Engineer, "Platform" team'
    assert people["山田 太郎"].emails == [("taro.yamada@example.jp", "")]
    assert people["Zoë O'Brien"].company == "Smith, Jones & Partners LLP"
    assert people["Zoë O'Brien"].title == 'Director of "Fun"'
    assert people["Ana Silva"].family_name == "Silva"  # trailing space trimmed


def test_connected_on_in_every_style() -> None:
    people = by_name(parse_fixture("linkedin_connections.csv"))
    assert people["José Álvarez"].connected_on == date(2024, 3, 12)
    assert people["山田 太郎"].connected_on == date(2022, 2, 7)
    assert people["Zoë O'Brien"].connected_on == date(2022, 2, 7)


def test_nameless_row_is_reported_and_blank_row_is_not() -> None:
    result = parse_fixture("linkedin_connections.csv")
    assert len(result.skipped) == 1
    assert result.skipped[0].where == "row 9"
    assert "no first or last name" in result.skipped[0].reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2024", date(2024, 3, 12)),
        ("7-Feb-22", date(2022, 2, 7)),
        ("07 Feb 2022", date(2022, 2, 7)),
        ("2021-11-30", date(2021, 11, 30)),
        ("31 Feb 2022", None),
        ("someday", None),
        ("", None),
    ],
)
def test_parse_connected_on(text: str, expected: date | None) -> None:
    assert parse_connected_on(text) == expected
