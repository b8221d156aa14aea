"""Sync figures of ``make bench`` (the live calendars issue):

* ``sync_first_ratio``: the first sync of a 2,000-event CalDAV calendar on a loopback
  Radicale, over a file import of the same events into a fresh vault (same rounds).
* ``sync_noop_ms``: a second sync of that calendar with nothing changed.

The calendar is written straight into Radicale's storage folder (one ``.ics`` per event,
as Radicale keeps them) once per bench directory; putting 2,000 events through the
protocol would time the test setup, not Ichigo.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench import vaultgen
from tests.servers import event, feed, start_radicale

SYNC_EVENTS = 2_000
NAMES = ["Ingrid Solberg", "Lena Fischer", "Kofi Mensah", "Hanako Sato", "Diego Fernández"]


def _events(n: int) -> list[str]:
    rng = random.Random(7)
    first = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    first -= timedelta(days=300)
    out = []
    for i in range(n):
        start = first + timedelta(days=rng.randrange(600), hours=rng.randrange(10))
        people = tuple(
            (name, f"{name.split()[0].lower()}{k}@example.org")
            for k, name in enumerate(rng.sample(NAMES, rng.randrange(1, 4)))
        )
        out.append(event(f"bench-{i}@ichigo", f"{start:%Y%m%dT%H%M%SZ}", f"Meeting {i}",
                         attendees=people))  # fmt: skip
    return out


def _storage(n: int) -> tuple[Path, bytes]:
    """Radicale's folder with user "alice" and a calendar "work" of ``n`` events, and
    the same events as one .ics file."""
    root = vaultgen.bench_dir() / f"radicale-{n}"
    events = _events(n)
    calendar = root / "collections" / "collection-root" / "alice" / "work"
    if not (calendar / ".done").exists():
        calendar.mkdir(parents=True, exist_ok=True)
        (calendar / ".Radicale.props").write_text(
            json.dumps({"tag": "VCALENDAR", "D:displayname": "Work"})
        )  # fmt: skip
        for i, text in enumerate(events):
            (calendar / f"bench-{i}.ics").write_text(text, encoding="utf-8")
        (calendar / ".done").write_text("")
    return root, feed(*events)


def bench_sync(rounds: int, scratch: Callable[[str], Any], fresh_vault: Callable[[Path], Any],
               log: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    from ichigoapp.services.importing import import_calendar
    from ichigoapp.services.sources import SourceKind
    from ichigoapp.services.syncing import add_and_sync, discover_calendars, sync_source

    n = vaultgen.scaled(SYNC_EVENTS)
    root, whole = _storage(n)
    server = start_radicale(root)
    first, files, noop = [], [], []
    created = 0
    try:
        found = discover_calendars(server.url, server.user, server.password, "Bench")
        for r in range(rounds):
            with scratch("import") as folder, fresh_vault(folder) as vault:
                path = folder / "same.ics"
                path.write_bytes(whole)
                t0 = time.perf_counter()
                import_calendar(vault.transaction, [path])
                files.append(time.perf_counter() - t0)
            with scratch("sync") as folder, fresh_vault(folder) as vault:
                t0 = time.perf_counter()
                source_id, report = add_and_sync(
                    vault.transaction, name="Bench", kind=SourceKind.CALDAV, url=server.url,
                    username=server.user, password=server.password, calendars=found,
                )  # fmt: skip
                first.append(time.perf_counter() - t0)
                created = report.created
                t0 = time.perf_counter()
                again = sync_source(vault.transaction, source_id)
                noop.append(time.perf_counter() - t0)
                assert again.ok and again.not_modified, again
            log(
                f"  sync round {r + 1}: file import {files[-1]:.2f} s, first sync "
                f"{first[-1]:.2f} s, second sync {noop[-1] * 1000:.0f} ms"
            )
    finally:
        server.stop()
    ratios = sorted(f / i for f, i in zip(first, files, strict=True))
    return {
        "sync_first_ratio": ratios[len(ratios) // 2],
        "sync_noop_ms": sorted(noop)[len(noop) // 2] * 1000,
        "detail": {
            "events": n,
            "events_created": created,
            "file_import_s": round(sorted(files)[len(files) // 2], 3),
            "first_sync_s": round(sorted(first)[len(first) // 2], 3),
        },
    }
