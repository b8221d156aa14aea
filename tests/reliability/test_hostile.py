"""Huge or hostile calendars: bounded work and memory, capped attendees, more fuzzing."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from ichigoapp.importers.ics import parse_ics
from ichigoapp.importers.ics_details import MAX_ATTENDEES
from tests.cli_helpers import python

HUGE = """
import resource, sys, time
from datetime import date
from ichigoapp.importers.ics import parse_ics
head = b"BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nUID:a\\r\\nDTSTART:20250101T100000Z\\r\\n"
tail = b"END:VEVENT\\r\\nEND:VCALENDAR\\r\\n"
if sys.argv[1] == "line":
    data = head + b"SUMMARY:" + b"x" * (50 * 1024 * 1024) + b"\\r\\n" + tail
else:
    data = head + b"".join(b"ATTENDEE;CN=P%d:mailto:p%d@example.com\\r\\n" % (i, i)
                           for i in range(1_000_000)) + tail
r = parse_ics(data, window_start=date(2020, 1, 1), window_end=date(2030, 1, 1), workers=1)
print(len(r.events), max((len(e.attendees) for e in r.events), default=0), len(r.problems),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.parametrize("kind", ["line", "attendees"])
def test_huge_inputs_are_bounded(kind: str) -> None:
    """A 50 MB line and a million ATTENDEE lines: linear work, bounded memory (a
    quadratic splitter would blow the timeout)."""
    done = python(["-c", HUGE, kind], None, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    events, attendees, problems, rss_mb = map(int, done.stdout.split())
    assert events == 1
    assert rss_mb < 1500, rss_mb
    if kind == "attendees":
        assert attendees == MAX_ATTENDEES and problems == 1


def test_attendee_cap_is_reported() -> None:
    lines = b"".join(b"ATTENDEE:mailto:p%d@example.com\r\n" % i for i in range(MAX_ATTENDEES + 5))
    data = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20250101T100000Z\r\n"
        + lines
        + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = parse_ics(data, window_start=date(2020, 1, 1), window_end=date(2030, 1, 1), workers=1)
    assert len(result.events[0].attendees) == MAX_ATTENDEES
    assert any("5 were left out" in p.message for p in result.problems)


# `make fuzz` sets ICHIGO_FUZZ_EXAMPLES to run the importers' own properties (from
# tests/importers) with many more examples; in `make test` they run there, bounded.
FUZZ_EXAMPLES = int(os.environ.get("ICHIGO_FUZZ_EXAMPLES", "0"))
fuzz = pytest.mark.skipif(not FUZZ_EXAMPLES, reason="set ICHIGO_FUZZ_EXAMPLES (make fuzz)")


def _run_more(module: object) -> int:
    """Re-run every hypothesis property of ``module`` with FUZZ_EXAMPLES examples."""
    ran = 0
    for name in dir(module):
        test = getattr(module, name)
        handle = getattr(test, "hypothesis", None)
        if not name.startswith("test_") or handle is None:
            continue
        rerun = settings(
            max_examples=FUZZ_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(given(**handle._given_kwargs)(handle.inner_test))
        rerun()
        ran += 1
    return ran


@fuzz
def test_fuzz_ics() -> None:
    from tests.importers import test_ics_fuzz

    assert _run_more(test_ics_fuzz)


@fuzz
def test_fuzz_contacts() -> None:
    from tests.importers import test_contacts_detect

    assert _run_more(test_contacts_detect)
