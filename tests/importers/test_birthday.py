"""Birthdays with and without a year, as people read and write them."""

from __future__ import annotations

from datetime import date

import pytest

from ichigoapp.importers.birthday import (
    birthday_soon,
    birthday_text,
    birthday_vcard,
    next_birthday,
    parse_birthday,
)


@pytest.mark.parametrize(
    ("written", "text", "vcard"),
    [
        ("1985-04-15", "1985-04-15", "19850415"),
        ("19850415", "1985-04-15", "19850415"),
        ("1985-04-15T00:00:00Z", "1985-04-15", "19850415"),
        ("--04-15", "--04-15", "--0415"),
        ("--0229", "--02-29", "--0229"),
    ],
)
def test_every_way_of_writing_a_birthday_reads_and_writes_back(
    written: str, text: str, vcard: str
) -> None:
    birthday = parse_birthday(written)
    assert birthday is not None
    assert (birthday_text(birthday), birthday_vcard(birthday)) == (text, vcard)
    assert parse_birthday(vcard) == parse_birthday(text) == birthday


@pytest.mark.parametrize("junk", ["", "April", "--13-01", "1985-02-30", "--0230", "85-04-15"])
def test_what_is_not_a_day_is_not_a_birthday(junk: str) -> None:
    assert parse_birthday(junk) is None


def test_the_next_birthday_crosses_the_year_and_keeps_29_february_in_other_years() -> None:
    assert next_birthday(date(1990, 1, 2), date(2026, 12, 30)) == date(2027, 1, 2)
    assert next_birthday(date(1990, 12, 30), date(2026, 12, 30)) == date(2026, 12, 30)
    leap = parse_birthday("--02-29")
    assert leap is not None
    assert next_birthday(leap, date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_birthday(leap, date(2028, 2, 1)) == date(2028, 2, 29)


def test_a_birthday_soon_is_said_in_words() -> None:
    day = date(2026, 12, 30)
    said = [birthday_soon(date(1990, 1, n), day, 3) for n in (1, 2, 3)]
    assert said == ["Birthday in 2 days", "Birthday in 3 days", ""]
    assert birthday_soon(date(1990, 12, 30), day, 3) == "Birthday today"
    assert birthday_soon(date(1990, 12, 31), day, 3) == "Birthday tomorrow"
    assert birthday_soon(date(1990, 12, 29), day, 3) == ""  # passed: a year away
