"""Sync figures of ``make bench`` (the live calendars issue):

* ``sync_first_ratio``: the first sync of a 2,000-event CalDAV calendar on a loopback
  Radicale, over a file import of the same events into a fresh vault (same rounds).
* ``sync_noop_ms``: a second sync of that calendar with nothing changed.
* ``carddav_noop_ms``: a second sync of a 2,000-card address book linked both ways
  (push all) with nothing changed on either side.

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
SYNC_CARDS = 2_000
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


FIRST = ["Ingrid", "Lena", "Kofi", "Hanako", "Diego", "Amara", "Jonas", "Mei", "Tomás",
         "Priya", "Olu", "Sven", "Aiko", "Fatima", "Luca", "Noor", "Emeka", "Sofia", "Kenji",
         "Marta", "Yusuf", "Elin", "Rafael", "Chiara", "Arjun", "Ines", "Bram", "Leila",
         "Mateo", "Astrid", "Ravi", "Zofia", "Kwame", "Ana", "Felix", "Rin", "Omar", "Hedda",
         "Tariq", "Greta"]  # fmt: skip
LAST = ["Solberg", "Fischer", "Mensah", "Sato", "Fernández", "Okafor", "Berg", "Chen",
        "Silva", "Nair", "Adeyemi", "Lund", "Tanaka", "Haddad", "Rossi", "Kaur", "Eze",
        "Novak", "Mori", "Costa", "Aydin", "Holm", "Ramos", "Conti", "Iyer", "Pereira",
        "Visser", "Farah", "Díaz", "Lind", "Rao", "Wójcik", "Boateng", "Sousa", "Weber",
        "Ito", "Khalil", "Strand", "Aziz", "Krause", "Moreau", "Ueda", "Quist", "Yamada",
        "Petrov", "Dahl", "Ncube", "Vega", "Horvat", "Abe"]  # fmt: skip


def _card(i: int) -> str:
    """A phone-shaped vCard 3.0 (grouped label, social profile); every name distinct,
    a few dozen people at each company, as in a real address book."""
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    return "\r\n".join([
        "BEGIN:VCARD", "VERSION:3.0", f"UID:bench-card-{i}", f"N:{last};{first};;;",
        f"FN:{first} {last}", f"ORG:Company {i % 60};", f"TITLE:Role {i % 40}",
        f"item1.EMAIL;type=INTERNET:{first.lower()}.{i}@cards.example",
        "item1.X-ABLabel:_$!<Work>!$_", f"TEL;type=CELL:+47 4{i:07d}",
        f"X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/bench{i}",
        "END:VCARD", "",
    ])  # fmt: skip


def _address_book(root: Path, n: int) -> None:
    """An address book "contacts" of ``n`` cards in Radicale's folder at ``root``."""
    book = root / "collections" / "collection-root" / "alice" / "contacts"
    if (book / ".done").exists():
        return
    book.mkdir(parents=True, exist_ok=True)
    (book / ".Radicale.props").write_text(
        json.dumps({"tag": "VADDRESSBOOK", "D:displayname": "Phone"})
    )  # fmt: skip
    for i in range(n):
        (book / f"card-{i}.vcf").write_text(_card(i), encoding="utf-8")
    (book / ".done").write_text("")


def _report_alone(server: Any, vault: Any, source_id: int) -> float:
    """Milliseconds Radicale takes to answer the no-change sync REPORT by itself."""
    from ichigoapp.model import Source

    with vault.session() as session:
        book = json.loads(session.get(Source, source_id).calendars)[0]
    body = (
        '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:" '
        'xmlns:card="urn:ietf:params:xml:ns:carddav"><d:sync-token>'
        f"{book['token']}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/>"
        "<card:address-data/></d:prop></d:sync-collection>"
    )
    times = []
    headers = {"Depth": "0", "Content-Type": "application/xml"}
    with server.http() as http:
        for _ in range(3):
            t0 = time.perf_counter()
            answer = http.request("REPORT", book["url"], data=body.encode(), headers=headers)
            times.append((time.perf_counter() - t0) * 1000)
            assert answer.status_code == 207, answer.status_code
    return sorted(times)[1]


def bench_sync(rounds: int, scratch: Callable[[str], Any], fresh_vault: Callable[[Path], Any],
               log: Callable[[str], None]) -> dict[str, Any]:  # fmt: skip
    from ichigoapp.services.addressbooks import discover_address_books
    from ichigoapp.services.importing import import_calendar
    from ichigoapp.services.sources import SourceKind
    from ichigoapp.services.syncing import add_and_sync, discover_calendars, sync_source

    n = vaultgen.scaled(SYNC_EVENTS)
    cards = vaultgen.scaled(SYNC_CARDS)
    root, whole = _storage(n)
    _address_book(root, cards)
    server = start_radicale(root)
    first, files, noop, card_noop, server_only = [], [], [], [], []
    created = 0
    try:
        found = discover_calendars(server.url, server.user, server.password, "Bench")
        books = discover_address_books(server.url, server.user, server.password, "Phone")
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
            with scratch("cards") as folder, fresh_vault(folder) as vault:
                source_id, report = add_and_sync(
                    vault.transaction, name="Phone", kind=SourceKind.CARDDAV, url=server.url,
                    username=server.user, password=server.password, calendars=books,
                    push="all",
                )  # fmt: skip
                assert report.pulled_created == cards and not report.pushed_created, report
                t0 = time.perf_counter()
                again = sync_source(vault.transaction, source_id)
                card_noop.append(time.perf_counter() - t0)
                assert again.ok and again.not_modified, again
                server_only.append(_report_alone(server, vault, source_id))
            log(
                f"  sync round {r + 1}: file import {files[-1]:.2f} s, first sync "
                f"{first[-1]:.2f} s, second sync {noop[-1] * 1000:.0f} ms, second "
                f"address book sync {card_noop[-1] * 1000:.0f} ms"
            )
    finally:
        server.stop()
    ratios = sorted(f / i for f, i in zip(first, files, strict=True))
    return {
        "sync_first_ratio": ratios[len(ratios) // 2],
        "sync_noop_ms": sorted(noop)[len(noop) // 2] * 1000,
        "carddav_noop_ms": sorted(card_noop)[len(card_noop) // 2] * 1000,
        "detail": {
            "events": n,
            "cards": cards,
            # The same sync REPORT sent by a bare HTTP client: Radicale's own share.
            "carddav_report_alone_ms": round(sorted(server_only)[len(server_only) // 2], 1),
            "events_created": created,
            "file_import_s": round(sorted(files)[len(files) // 2], 3),
            "first_sync_s": round(sorted(first)[len(first) // 2], 3),
        },
    }
