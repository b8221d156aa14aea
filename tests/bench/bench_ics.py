"""Benchmark of the .ics importer against one icalendar parse (DESIGN.md section 6).

Run: ``.venv/bin/python tests/bench/bench_ics.py [n_events]``. Prints the ratios
first-import / icalendar-parse (target <= 0.7) and unchanged-re-import / icalendar-parse
(target <= 0.1). Not collected by pytest; timings are never asserted in tests.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import icalendar

from ichigoapp.importers.ics import parse_ics
from tests.importers.bigcal import make_calendar

WINDOW = {"window_start": date(2022, 1, 1), "window_end": date(2027, 1, 1)}


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    n_events = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    data = make_calendar(n_events, seed=42)
    print(f"calendar: {n_events} VEVENTs, {len(data) / 1e6:.2f} MB")

    result = parse_ics(data, **WINDOW)
    known = {e.content_hash for e in result.events}
    again = parse_ics(data, known_hashes=known.__contains__, **WINDOW)
    assert not again.events, "an unchanged file must skip every group"

    # Interleave the three measurements and keep each one's best, so a burst of load
    # from other processes does not land on one side of the ratio only.
    reference = first = rerun = float("inf")
    for _ in range(rounds):
        reference = min(reference, _timed(lambda: icalendar.Calendar.from_ical(data)))
        first = min(first, _timed(lambda: parse_ics(data, **WINDOW)))
        rerun = min(
            rerun, _timed(lambda: parse_ics(data, known_hashes=known.__contains__, **WINDOW))
        )
    print(f"icalendar.Calendar.from_ical: {reference:.2f} s")
    print(
        f"first import: {first:.2f} s, {len(result.events)} events, "
        f"{len(result.problems)} problems -> ratio {first / reference:.3f} (target 0.7)"
    )
    print(
        f"unchanged re-import: {rerun:.2f} s, skipped {again.skipped_unchanged} groups "
        f"-> ratio {rerun / reference:.3f} (target 0.1)"
    )


if __name__ == "__main__":
    main()
