"""Hand-written .ics fixtures: what a user would notice after importing them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.ics import IcsEvent, IcsParseResult, parse_ics

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
WINDOW = {"window_start": date(2020, 1, 1), "window_end": date(2030, 1, 1)}


def parse(name: str, **kwargs: object) -> IcsParseResult:
    return parse_ics((DATA / name).read_bytes(), **WINDOW, **kwargs)  # type: ignore[arg-type]


def only(result: IcsParseResult) -> IcsEvent:
    assert len(result.events) == 1, result.events
    return result.events[0]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_outlook_invite() -> None:
    result = parse("outlook_invite.ics")
    assert result.method == "REQUEST"
    assert result.problems == []
    event = only(result)
    assert event.title == "Q3 planning"
    assert event.start == utc(2024, 9, 17, 17, 0)  # 10:00 PDT
    assert event.end == utc(2024, 9, 17, 18, 30)
    assert event.tz_name == "America/Los_Angeles"
    assert event.recurrence_id == ""
    assert event.sequence == 0
    assert not event.cancelled
    assert event.uid.startswith("040000008200E00074C5B7101A82E008")
    assert event.join_url.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert "Conf Room Fuji (8)" in event.location
    emails = [a.email for a in event.attendees]
    assert emails == [
        "hanako.tanaka@example.com",
        "bob.smith@example.com",
        "chiamaka.okafor@example.org",
        "me@example.com",
    ]
    assert "room-fuji@example.com" not in emails  # a room is a place, not a person
    organizer = event.attendees[0]
    assert organizer.is_organizer and organizer.role == "ORGANIZER"
    assert organizer.name == "Hanako Tanaka"
    chiamaka = event.attendees[2]
    assert chiamaka.name == "Okafor, Chiamaka"
    assert chiamaka.role == "OPT-PARTICIPANT" and chiamaka.reply_status == "NEEDS-ACTION"
    assert "Quarterly planning" in event.description


def test_outlook_update_moves_and_raises_sequence() -> None:
    first = only(parse("outlook_invite.ics"))
    update = only(parse("outlook_invite_update.ics"))
    assert (update.uid, update.recurrence_id) == (first.uid, first.recurrence_id)
    assert update.sequence == 1
    assert update.start == utc(2024, 9, 18, 17, 0)
    assert update.content_hash != first.content_hash


def test_outlook_cancel() -> None:
    result = parse("outlook_invite_cancel.ics")
    assert result.method == "CANCEL"
    event = only(result)
    assert event.cancelled
    assert event.sequence == 2
    assert event.uid == only(parse("outlook_invite.ics")).uid


def test_google_weekly_series() -> None:
    result = parse("google_weekly_series.ics")
    assert result.problems == []
    assert result.components_seen == 2
    events = sorted(result.events, key=lambda e: e.start)
    # COUNT=10 minus one EXDATE; the moved occurrence replaces its original.
    assert len(events) == 9
    assert len({e.recurrence_id for e in events}) == 9
    assert {e.uid for e in events} == {"7kukuqrfedlm2f9t0vq3pcnsvj@google.com"}
    rids = [e.recurrence_id for e in events]
    assert rids[:4] == [
        "20240305T090000Z",
        "20240312T090000Z",
        "20240326T090000Z",
        "20240402T080000Z",
    ]  # 10:00 Berlin, before and after DST
    assert "20240319T090000Z" not in rids  # the EXDATE
    moved = next(e for e in events if e.recurrence_id == "20240326T090000Z")
    assert moved.start == utc(2024, 3, 27, 14, 0)  # Wednesday 15:00 CET
    assert moved.title == "Team sync (moved)"
    assert moved.sequence == 1
    assert all(e.tz_name == "Europe/Berlin" for e in events)
    assert all(e.join_url == "https://meet.google.com/abc-defg-hij" for e in events)
    juergen = events[0].attendees[0]
    assert juergen.email == "juergen.mueller@example.de" and juergen.is_organizer
    assert juergen.name == "Jürgen Müller" and juergen.reply_status == "ACCEPTED"


def test_series_outside_window_is_not_expanded() -> None:
    data = (DATA / "google_weekly_series.ics").read_bytes()
    result = parse_ics(data, window_start=date(2024, 4, 1), window_end=date(2024, 4, 20))
    assert sorted(e.recurrence_id for e in result.events) == [
        "20240402T080000Z",
        "20240409T080000Z",
        "20240416T080000Z",
    ]


def test_zoom_link_in_location() -> None:
    event = only(parse("zoom_invite.ics"))
    assert event.join_url == "https://us02web.zoom.us/j/85212345678?pwd=aBcDeF12345"
    assert event.start == utc(2024, 10, 15, 10, 0)
    assert event.tz_name == "Asia/Tokyo"
    assert event.title == "Coffee with Yuki"
    assert [a.email for a in event.attendees] == ["taro.sato@example.jp"]


def test_latin1_zurich_round_trips() -> None:
    raw = (DATA / "latin1_zurich.ics").read_bytes()
    assert "Zürich".encode("latin-1") in raw  # the fixture really is latin-1
    event = only(parse("latin1_zurich.ics"))
    assert event.location == "Zürich, Bahnhofstrasse 1"
    assert [a.name for a in event.attendees] == ["Sabine Keller", "Jürg Müller"]


def test_partly_broken_keeps_the_rest() -> None:
    result = parse("partly_broken.ics")
    assert [e.title for e in result.events] == ["Breakfast with Amara", "Call with Kwame"]
    assert result.components_seen == 3
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.uid == "abc"
    assert problem.message == (
        "event 'Board meeting' (UID abc): DTSTART 'INVALID-DATE' is not a date"
    )


def test_own_address_is_returned_and_organizer_merged() -> None:
    event = only(parse("own_address_among_attendees.ics"))
    assert [a.email for a in event.attendees] == ["me@example.com", "priya.sharma@example.in"]
    me = event.attendees[0]
    assert me.is_organizer and me.role == "CHAIR" and me.reply_status == "ACCEPTED"


def test_alarm_attendee_is_not_a_guest() -> None:
    event = only(parse("alarm_attendee.ics"))
    assert event.title == "Dentist"
    assert event.attendees == ()


def test_windows_zone_without_vtimezone() -> None:
    event = only(parse("romance_no_vtimezone.ics"))
    assert event.tz_name == "Europe/Paris"
    assert event.start == utc(2024, 7, 2, 12, 0)  # 14:00 CEST
    assert event.title == "Point hebdo avec François"


def test_bare_vevent_all_day() -> None:
    event = only(parse("bare_vevent.ics"))
    assert event.all_day and event.tz_name is None
    assert event.start == utc(2024, 3, 15)
    assert event.end == utc(2024, 3, 16)
    assert event.title == "Hanako's birthday"


def test_two_calendars() -> None:
    result = parse("two_calendars.ics")
    assert result.method == "PUBLISH"  # of the first calendar
    assert [e.title for e in result.events] == ["Team A standup", "Team B standup"]


def test_bom_crlf_folded() -> None:
    event = only(parse("bom_crlf_folded.ics"))
    assert event.title == (
        "Interview: Małgorzata Kowalska about the São Paulo office and the new Tokyo team"
    )
    assert event.description == "Line one\nLine two with a fold in the middle of a word"
    assert event.attendees[0].email == "m.kowalska@example.pl"
    assert event.attendees[0].name == "Małgorzata Kowalska"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n", b"hello world", b"\x00\x01\x02", b"BEGIN:VCARD\r\nFN:Bob\r\nEND:VCARD\r\n"],
)
def test_unreadable_files_raise_import_failed(data: bytes) -> None:
    with pytest.raises(ImportFailed):
        parse_ics(data, **WINDOW)


def test_empty_calendar_is_fine() -> None:
    result = parse_ics(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", **WINDOW)
    assert result.events == [] and result.problems == [] and result.components_seen == 0


def test_missing_uid_gets_stable_synthetic_uid() -> None:
    data = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T100000Z\nSUMMARY:Tea\n"
        b"END:VEVENT\nBEGIN:VEVENT\nDTSTART:20240101T100000Z\nSUMMARY:Tea\nEND:VEVENT\n"
        b"END:VCALENDAR\n"
    )
    first = parse_ics(data, **WINDOW)
    again = parse_ics(data, **WINDOW)
    uids = [e.uid for e in first.events]
    assert len(set(uids)) == 2 and all(u.startswith("ichigo-") for u in uids)
    assert uids == [e.uid for e in again.events]


def test_floating_time_uses_x_wr_timezone() -> None:
    data = (
        b"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Asia/Tokyo\nBEGIN:VEVENT\nUID:f1\n"
        b"DTSTART:20240601T090000\nDTEND:20240601T100000\nSUMMARY:Float\nEND:VEVENT\n"
        b"END:VCALENDAR\n"
    )
    event = only(parse_ics(data, **WINDOW))
    assert event.start == utc(2024, 6, 1, 0, 0)
    assert event.tz_name == "Asia/Tokyo"


def test_end_before_start_is_swapped_and_missing_end_sanitised() -> None:
    data = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:s1\nDTSTART:20240601T100000Z\n"
        b"DTEND:20240601T090000Z\nEND:VEVENT\nBEGIN:VEVENT\nUID:s2\n"
        b"DTSTART:20240601T100000Z\nDURATION:PT45M\nEND:VEVENT\nBEGIN:VEVENT\nUID:s3\n"
        b"DTSTART;VALUE=DATE:20240601\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    by_uid = {e.uid: e for e in parse_ics(data, **WINDOW).events}
    assert (by_uid["s1"].start, by_uid["s1"].end) == (utc(2024, 6, 1, 9), utc(2024, 6, 1, 10))
    assert by_uid["s1"].title == "(no title)"
    assert by_uid["s2"].end == utc(2024, 6, 1, 10, 45)
    assert by_uid["s3"].end == utc(2024, 6, 2)


def test_cancelled_override_in_series() -> None:
    data = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:w\nDTSTART:20240102T100000Z\n"
        b"DTEND:20240102T110000Z\nRRULE:FREQ=WEEKLY;COUNT=3\nSUMMARY:Weekly\nEND:VEVENT\n"
        b"BEGIN:VEVENT\nUID:w\nRECURRENCE-ID:20240109T100000Z\nDTSTART:20240109T100000Z\n"
        b"DTEND:20240109T110000Z\nSTATUS:CANCELLED\nSUMMARY:Weekly\nEND:VEVENT\n"
        b"END:VCALENDAR\n"
    )
    events = {e.recurrence_id: e for e in parse_ics(data, **WINDOW).events}
    assert set(events) == {"20240102T100000Z", "20240109T100000Z", "20240116T100000Z"}
    assert events["20240109T100000Z"].cancelled
    assert not events["20240102T100000Z"].cancelled


def test_progress_reaches_total() -> None:
    calls: list[tuple[int, int]] = []
    parse("google_weekly_series.ics", progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1] == (2, 2)
