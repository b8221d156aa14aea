"""Mutated calendars: only ImportFailed may come out, and results stay well-formed."""

from __future__ import annotations

import re
from datetime import UTC, date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.ics import parse_ics

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
SEEDS = [
    (DATA / name).read_bytes()
    for name in (
        "google_weekly_series.ics",
        "outlook_invite.ics",
        "partly_broken.ics",
        "latin1_zurich.ics",
        "bom_crlf_folded.ics",
    )
]
RID = re.compile(r"\d{8}(T\d{6}Z)?")

# Bytes that matter to the parser: separators, folding, escapes, high bytes, NUL.
NASTY = st.sampled_from(
    [
        b":",
        b";",
        b"\r",
        b"\n",
        b" ",
        b"\t",
        b"\\",
        b'"',
        b",",
        b"=",
        b"\x00",
        b"\xff",
        b"\xc3",
        b"BEGIN:VEVENT",
        b"END:VEVENT",
        b"BEGIN:VALARM",
        b"RRULE:FREQ=DAILY",
        b"TZID=",
        b"Z",
        b"99999999",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "delete_line", "dup_line", "insert"]))
        if not data:
            break
        if op == "flip":
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[draw(st.integers(0, len(data) - 1)) :]
        elif op in ("delete_line", "dup_line"):
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if op == "delete_line":
                del lines[i]
            else:
                lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
        else:
            i = draw(st.integers(0, len(data)))
            piece = draw(st.one_of(NASTY, st.binary(min_size=1, max_size=12)))
            data[i:i] = piece
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_calendar_never_crashes(data: bytes) -> None:
    try:
        result = parse_ics(
            data, window_start=date(2020, 1, 1), window_end=date(2030, 1, 1), workers=1
        )
    except ImportFailed as exc:
        assert exc.message
        return
    for event in result.events:
        assert event.start.tzinfo == UTC and event.start.utcoffset() == timedelta(0)
        assert event.end is not None and event.end.tzinfo == UTC
        assert event.end >= event.start
        assert event.recurrence_id == "" or RID.fullmatch(event.recurrence_id)
        assert event.title and event.uid
        assert "\ufffd" not in event.title + event.location
    for problem in result.problems:
        assert problem.message
    assert result.components_seen >= 0 and result.skipped_unchanged == 0


def test_a_broken_begin_line_read_by_the_fallback_keeps_latin1_letters() -> None:
    """Found by the property above: with 'B EGIN:VEVENT' the line scanner finds no event
    and icalendar reads the file; it decoded the Latin-1 'ü' as U+FFFD."""
    data = (DATA / "latin1_zurich.ics").read_bytes().replace(b"BEGIN:VEVENT", b"B EGIN:VEVENT")
    result = parse_ics(data, window_start=date(2020, 1, 1), window_end=date(2030, 1, 1), workers=1)
    assert [e.location for e in result.events] == ["Zürich, Bahnhofstrasse 1"]
