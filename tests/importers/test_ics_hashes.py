"""Skipping unchanged groups by hash, and that hashes move only with their group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ichigoapp.importers.ics import parse_ics
from tests.importers.bigcal import make_calendar

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
WINDOW = {"window_start": date(2020, 1, 1), "window_end": date(2030, 1, 1)}


def _calendar() -> bytes:
    """Two fixtures in one file: a series with an override and two single events."""
    series = (DATA / "google_weekly_series.ics").read_bytes()
    two = (DATA / "two_calendars.ics").read_bytes()
    return series + two


def test_known_hashes_skip_everything() -> None:
    data = _calendar()
    first = parse_ics(data, **WINDOW)
    assert first.events and first.skipped_unchanged == 0
    known = {e.content_hash for e in first.events}
    assert known == set(first.group_hashes)
    asked: list[str] = []

    def is_known(h: str) -> bool:
        asked.append(h)
        return h in known

    again = parse_ics(data, known_hashes=is_known, **WINDOW)
    assert again.events == []
    assert again.problems == []
    assert again.skipped_unchanged == len(first.group_hashes) == 3
    assert again.components_seen == first.components_seen
    assert sorted(asked) == sorted(first.group_hashes)


def test_every_occurrence_carries_its_group_hash() -> None:
    result = parse_ics(_calendar(), **WINDOW)
    series = [e for e in result.events if e.recurrence_id]
    assert len(series) == 9
    assert len({e.content_hash for e in series}) == 1  # master and override: one group


def test_changing_one_event_changes_only_its_group_hash() -> None:
    data = _calendar()
    before = parse_ics(data, **WINDOW).group_hashes
    changed = data.replace(b"SUMMARY:Team B standup", b"SUMMARY:Team B retro")
    after = parse_ics(changed, **WINDOW).group_hashes
    differing = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert differing == [2]
    # Changing the override changes the series' group, nothing else.
    moved = data.replace(
        b"DTSTART;TZID=Europe/Berlin:20240327T150000", b"DTSTART;TZID=Europe/Berlin:20240327T160000"
    )
    after = parse_ics(moved, **WINDOW).group_hashes
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [0]


def test_dtstamp_and_alarms_do_not_change_hashes() -> None:
    """Google rewrites DTSTAMP on every export; that must not force a re-import."""
    data = _calendar()
    before = parse_ics(data, **WINDOW).group_hashes
    restamped = data.replace(b"DTSTAMP:20240401T120000Z", b"DTSTAMP:20250101T000000Z")
    assert parse_ics(restamped, **WINDOW).group_hashes == before


def test_window_change_rehashes_only_series() -> None:
    data = _calendar()
    before = parse_ics(data, **WINDOW).group_hashes
    after = parse_ics(data, window_start=date(2021, 1, 1), window_end=date(2030, 1, 1)).group_hashes
    assert [a != b for a, b in zip(before, after, strict=True)] == [True, False, False]


def test_partial_skip_returns_only_changed_groups() -> None:
    data = _calendar()
    known = set(parse_ics(data, **WINDOW).group_hashes)
    changed = data.replace(b"SUMMARY:Team B standup", b"SUMMARY:Team B retro")
    result = parse_ics(changed, known_hashes=known.__contains__, **WINDOW)
    assert [e.title for e in result.events] == ["Team B retro"]
    assert result.skipped_unchanged == 2


def test_worker_processes_give_the_same_result() -> None:
    data = make_calendar(400, seed=7)
    alone = parse_ics(data, workers=1, **WINDOW)
    pooled = parse_ics(data, workers=2, **WINDOW)
    assert alone.events == pooled.events
    assert alone.problems == pooled.problems == []
    assert alone.group_hashes == pooled.group_hashes
    assert alone.components_seen == 400


def test_whole_file_fallback_finds_events() -> None:
    from ichigoapp.importers.ics import _fallback_split
    from ichigoapp.importers.ics_split import SplitFile

    data = (DATA / "two_calendars.ics").read_bytes()
    nothing = SplitFile(calendars=[], blocks=[], incomplete=[], timezones={}, recognisable=True)
    found = _fallback_split(data, nothing)
    assert [b.uid for b in found.blocks] == ["team-a-1@example.com", "team-b-1@example.com"]
