"""The gettext side of translation: activating a language, plurals, pseudo, CLDR formats."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from ichigoapp import i18n
from ichigoapp.i18n import Choice

SATURDAY_2PM = datetime(2026, 12, 5, 14, 0)


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    i18n.activate(Choice("en", "en_US"))


def test_japanese_dates_times_and_durations() -> None:
    i18n.activate(Choice("ja", "ja_JP"))
    assert i18n.format_datetime(SATURDAY_2PM) == "2026年12月5日(土) 14:00"
    assert i18n.format_long_day(SATURDAY_2PM) == "2026年12月5日土曜日"
    assert i18n.format_day_short(SATURDAY_2PM) == "12月5日(土)"
    assert i18n.format_duration(timedelta(minutes=90)) == "1時間30分"
    assert i18n.first_weekday() == 6  # Sunday


def test_british_and_american_english_differ_as_cldr_says() -> None:
    i18n.activate(Choice("en", "en_GB"))
    # CLDR 46 writes "Sat, 5 Dec 2026" but "Sat 5 Dec": English with the day first
    # goes without the comma, as the app's windows do.
    assert i18n.format_day(SATURDAY_2PM) == "Sat 5 Dec 2026"
    assert i18n.format_datetime(SATURDAY_2PM) == "Sat 5 Dec 2026 14:00"
    assert i18n.format_long_day(SATURDAY_2PM) == "Saturday 5 December 2026"
    assert i18n.format_day_short(SATURDAY_2PM) == "Sat 5 Dec"
    assert i18n.format_time(SATURDAY_2PM) == "14:00"
    assert i18n.first_weekday() == 0  # Monday
    i18n.activate(Choice("en", "en_US"))
    assert i18n.format_day(SATURDAY_2PM) == "Sat, Dec 5, 2026"
    assert i18n.format_long_day(SATURDAY_2PM) == "Saturday, December 5, 2026"
    assert i18n.format_time(SATURDAY_2PM) == "2:00\u00a0PM"
    assert i18n.format_date(date(2026, 12, 5)) == "Dec 5, 2026"
    assert i18n.format_duration(timedelta(minutes=45)) == "45 min"
    assert i18n.first_weekday() == 6


def test_activating_japanese_translates_and_english_does_not() -> None:
    i18n.activate(Choice("ja", "ja_JP"))
    assert i18n._("with {people}") == "{people}と"
    assert i18n.ngettext("in %(n)d day", "in %(n)d days", 3) % {"n": 3} == "あと3日"
    assert i18n.pgettext("end", ".") == "。"
    i18n.activate(Choice("en", "en_GB"))
    assert i18n._("with {people}") == "with {people}"
    assert i18n.ngettext("in %(n)d day", "in %(n)d days", 1) % {"n": 1} == "in 1 day"


def test_activate_is_idempotent_and_remembers_the_choice() -> None:
    first = i18n.activate(Choice("ja", "ja_JP"))
    again = i18n.activate(Choice("ja", "ja_JP"))
    assert first == again == i18n.active()


def test_pseudo_wraps_every_message_and_keeps_placeholders() -> None:
    i18n.activate(Choice("pseudo", "en_GB"))
    text = i18n._("Wrote {n} prep cards to {file}")
    assert text.startswith("⟦") and text.endswith("⟧")
    assert "{n}" in text and "{file}" in text
    assert len(text) >= len("Wrote {n} prep cards to {file}") * 1.3
    one = i18n.ngettext("%(n)d meeting", "%(n)d meetings", 1) % {"n": 1}
    assert one.startswith("⟦") and "1" in one


def test_a_locale_cldr_does_not_know_formats_as_us_english() -> None:
    """LANG=xx_YY (a typo, a private locale) must not stop a command from printing."""
    i18n.activate(i18n.choose(environ={"LANG": "xx_YY.UTF-8"}))
    assert i18n.active().locale == "xx_YY"
    assert i18n.format_datetime(SATURDAY_2PM) == "Sat, Dec 5, 2026 2:00\u00a0PM"
    assert i18n.format_duration(timedelta(minutes=45)) == "45 min"
