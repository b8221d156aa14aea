"""The importer over the shared corpus of real-world .ics files (DESIGN.md section 4).

The corpus lives outside the repository (``../shared/corpus/ics``) and is never copied
in. ``expected_import.tsv`` is the oracle: the number of distinct (UID, RECURRENCE-ID)
encounters with the window 2020-01-01 .. 2030-01-01.
"""

from __future__ import annotations

import csv
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.ics import IcsParseResult, parse_ics

CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "ics").resolve()
WINDOW = {"window_start": date(2020, 1, 1), "window_end": date(2030, 1, 1)}

# Where we believe the oracle is wrong: file -> (our count, why).
ORACLE_WRONG: dict[str, tuple[int, str]] = {
    "khal/event_dt_multi_uid.ics": (
        2,
        # Two VEVENTs share UID "def" and neither has a RECURRENCE-ID. Identity is
        # (UID, RECURRENCE-ID) (RFC 5545 3.8.4.7, DESIGN.md section 4), so they are one
        # encounter, updated by the later one; the oracle counted VEVENT components.
        "same UID without RECURRENCE-ID is one event",
    ),
}

# Files the libraries cannot read (readable=no) that we read completely, without a
# problem worth telling the user about: file -> (events, why).
READ_DESPITE_ORACLE: dict[str, tuple[int, str]] = {
    "icalendar/issue_104_broken_calendar.ics": (
        1,
        "the stray 'X' line is at calendar level; the VEVENT itself is fine",
    ),
    "icalendar/fuzz_testcase_vtimezone_lone_cr.ics": (
        0,
        "only a garbled VTIMEZONE and no event: nothing to import, nothing lost",
    ),
    "icalendar/parsing_error_in_UTC_offset.ics": (
        0,
        "only a VTIMEZONE (with an impossible offset) and no event",
    ),
    "icalevents/icloud.ics": (
        12,
        "the bad TZOFFSETFROM:+5328 is in VTIMEZONEs of IANA zones, which we resolve "
        "by name without reading the definition",
    ),
    "khal/invalid_tzoffset.ics": (
        1,
        "bad offset in the Europe/Berlin VTIMEZONE, resolved by name as above",
    ),
    "khal/non_dst_error.ics": (
        2,
        "the broken TRIGGER is in a VALARM, which the importer does not read",
    ),
}


def _rows() -> list[dict[str, str]]:
    table = CORPUS / "expected_import.tsv"
    if not table.is_file():
        return []
    with table.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = _rows()
pytestmark = pytest.mark.skipif(
    not ROWS, reason=f"shared .ics corpus not found at {CORPUS} (it lives outside the repo)"
)


def _check_well_formed(result: IcsParseResult) -> None:
    for event in result.events:
        assert event.start.tzinfo is not None
        assert event.start.utcoffset() == timedelta(0)
        assert event.start.tzinfo == UTC
        assert event.end is not None and event.end >= event.start
        assert event.title
        assert "\ufffd" not in event.title + event.location + event.description
        assert event.content_hash


def _parse(name: str) -> IcsParseResult | ImportFailed:
    data = (CORPUS / name).read_bytes()
    try:
        return parse_ics(data, **WINDOW)
    except ImportFailed as exc:
        return exc


def _count(result: IcsParseResult) -> int:
    return len({(e.uid, e.recurrence_id) for e in result.events})


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["readable"] == "yes"], ids=lambda r: r["file"]
)
def test_readable_file_gives_expected_encounters(row: dict[str, str]) -> None:
    outcome = _parse(row["file"])
    if isinstance(outcome, ImportFailed):
        # Zero-byte and unrecognisable files: "cannot be read at all" is the right
        # answer and means zero encounters.
        assert row["expected_encounters"] == "0", str(outcome)
        return
    _check_well_formed(outcome)
    expected = int(row["expected_encounters"])
    if row["file"] in ORACLE_WRONG:
        expected = ORACLE_WRONG[row["file"]][0]
    assert _count(outcome) == expected


@pytest.mark.parametrize("row", [r for r in ROWS if r["readable"] == "no"], ids=lambda r: r["file"])
def test_unreadable_file_fails_cleanly_or_reports(row: dict[str, str]) -> None:
    outcome = _parse(row["file"])
    if isinstance(outcome, ImportFailed):
        assert outcome.message
        return
    _check_well_formed(outcome)
    if row["file"] in READ_DESPITE_ORACLE:
        assert _count(outcome) == READ_DESPITE_ORACLE[row["file"]][0]
        return
    assert outcome.problems, "a file the libraries cannot read must report what failed"
    for problem in outcome.problems:
        assert problem.message and "\n" not in problem.message


def test_corpus_agreement_is_high() -> None:
    readable = [r for r in ROWS if r["readable"] == "yes"]
    agree = 0
    for row in readable:
        outcome = _parse(row["file"])
        got = 0 if isinstance(outcome, ImportFailed) else _count(outcome)
        agree += got == int(row["expected_encounters"])
    assert agree >= 0.95 * len(readable)
    assert len(readable) - agree == len(ORACLE_WRONG)
