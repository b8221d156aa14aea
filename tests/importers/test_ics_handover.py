"""parse_ics's ``on_events``: events handed over while the rest of the file is read.

The importer saves them as they come (DESIGN section 6, import speed), so what is
handed over early must be exactly what would have been returned, each event once, and
nothing that a later part of the same file could still change.
"""

from __future__ import annotations

from datetime import date

import pytest

from ichigoapp.importers.ics import IcsEvent, parse_ics
from tests.importers.bigcal import make_calendar

WINDOW = {"window_start": date(2020, 1, 1), "window_end": date(2030, 1, 1)}


def _calendar(method: str, uid: str, summary: str, sequence: int = 0) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{summary}",
        "DTSTART:20250304T120000Z",
        "DTEND:20250304T130000Z",
        "ORGANIZER;CN=Mio Tanaka:mailto:mio@example.org",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Kofi:mailto:kofi@example.com",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def _file() -> bytes:
    """A big calendar, then an invite and its cancellation (one UID in two calendars
    of different METHOD: two groups), and a reply to a meeting of its own UID."""
    return b"\r\n".join(
        [
            make_calendar(500, seed=11),
            _calendar("REQUEST", "lunch@example.org", "Lunch"),
            _calendar("CANCEL", "lunch@example.org", "Lunch", sequence=1),
            _calendar("REPLY", "answer@example.org", "Answered"),
        ]
    )


def _key(event: IcsEvent) -> tuple[str, str]:
    return (event.uid, event.recurrence_id)


@pytest.mark.parametrize("workers", [1, 2])
def test_handed_over_and_returned_events_are_exactly_the_events(workers: int) -> None:
    data = _file()
    plain = parse_ics(data, workers=workers, **WINDOW)
    handed: list[IcsEvent] = []
    calls: list[int] = []

    def take(events: list[IcsEvent]) -> None:
        calls.append(len(events))
        handed.extend(events)

    streamed = parse_ics(data, workers=workers, on_events=take, **WINDOW)
    assert len(calls) > 1  # chunk by chunk, not all at the end
    assert len({_key(e) for e in handed}) == len(handed)  # each event once
    assert sorted(handed + streamed.events, key=_key) == sorted(plain.events, key=_key)
    assert streamed.problems == plain.problems
    assert streamed.group_hashes == plain.group_hashes
    # What the same file can still change, or what answers a meeting, waits for the end.
    assert {e.uid for e in streamed.events} == {"lunch@example.org", "answer@example.org"}
    [lunch] = [e for e in streamed.events if e.uid == "lunch@example.org"]
    assert lunch.cancelled and lunch.sequence == 1


def test_an_exception_from_on_events_reaches_the_caller_unchanged() -> None:
    class Full(Exception):
        pass

    def refuse(events: list[IcsEvent]) -> None:
        raise Full("disk full")

    with pytest.raises(Full, match="disk full"):
        parse_ics(make_calendar(50, seed=3), on_events=refuse, **WINDOW)


def test_a_big_file_read_by_the_automatic_pool_gives_the_same_events() -> None:
    """Big enough for the worker process to be started before the file is split."""
    from ichigoapp.importers import ics

    data = make_calendar(3000, seed=13)
    guess = data.count(b"BEGIN:VEVENT") + ics._SERIES_WEIGHT * data.count(b"RRULE")
    assert guess > ics.PARALLEL_MIN_WEIGHT
    alone = parse_ics(data, workers=1, **WINDOW)
    handed: list[IcsEvent] = []
    pooled = parse_ics(data, on_events=handed.extend, early_workers=True, **WINDOW)
    assert sorted(handed + pooled.events, key=_key) == sorted(alone.events, key=_key)
    assert pooled.problems == alone.problems == []
    # Read again with every group known: the pool started early is not needed at all.
    known = set(alone.group_hashes)
    again = parse_ics(data, known_hashes=known.__contains__, early_workers=True, **WINDOW)
    assert again.events == [] and again.skipped_unchanged == len(known)
