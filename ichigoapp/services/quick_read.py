"""Read commands in plain SQL on a :class:`~ichigoapp.store.reader.Reader`: no ORM.

``ichigo meetings`` on a big vault spent most of its time importing SQLAlchemy and the
model and mapping rows to objects it only turned into JSON. Here the same rows come
from two plain queries and are shaped exactly as ``encounters.meeting_dict`` shapes
them; tests run both paths on the same vaults and compare their output byte for byte.

The model stays the one definition of the schema: :data:`COLUMNS` names every table
and column read here, and a test checks each against the model's metadata. Times are
stored as SQLAlchemy's SQLite ``DATETIME`` text of the UTC instant (``model/types.py``),
which sorts as time does; ``today_read.stored`` writes a bound the same way.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ichigoapp.services.today_read import instant, stored
from ichigoapp.services.when import iso
from ichigoapp.store.reader import Reader, open_reader

if TYPE_CHECKING:
    from ichigoapp.services.today_items import TodayOverview
    from ichigoapp.store.keys import Secret

log = logging.getLogger(__name__)

# Every table and column this module reads (tests/services/test_quick_read.py checks
# them against ichigoapp.model's metadata).
COLUMNS: dict[str, tuple[str, ...]] = {
    "encounter": ("id", "ical_uid", "title", "start", "end", "status", "location", "join_url"),
    "participation": ("id", "encounter_id", "contact_id", "email", "name"),
    "contact": ("id", "display_name"),
}

# The statuses of model.EncounterStatus, as stored.
PLANNED, HELD, CANCELLED = "planned", "held", "cancelled"

_MEETINGS = """
SELECT id, ical_uid, title, start, "end", status, location, join_url
FROM encounter WHERE start >= ? AND start < ? ORDER BY start, id
"""
# The ORM loads attendees by encounter through ix_participation_encounter_contact, so
# they come in (contact_id, id) order, unmatched attendees first; the same here.
_ATTENDEES = """
SELECT p.encounter_id, p.contact_id, p.email, p.name, c.display_name
FROM participation AS p LEFT JOIN contact AS c ON c.id = p.contact_id
WHERE p.encounter_id IN (SELECT id FROM encounter WHERE start >= ? AND start < ?)
ORDER BY p.encounter_id, p.contact_id, p.id
"""


def effective_status(status: str, start: datetime, end: datetime | None, now: datetime) -> str:
    """``model.effective_status`` on plain values: a planned meeting whose time has
    passed counts as held unless cancelled (a test compares the two on every case)."""
    if status in (CANCELLED, HELD):
        return status
    return HELD if (end or start) <= now else PLANNED


def meetings(reader: Reader, start: datetime, end: datetime, now: datetime) -> list[dict[str, Any]]:
    """The rows of ``ichigo meetings --json`` for encounters starting in [start, end)."""
    window = (stored(start), stored(end))
    people: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for encounter_id, contact_id, email, name, display_name in reader.rows(_ATTENDEES, window):
        label = display_name if display_name is not None else (name or email)
        people[encounter_id].append(
            {"name": label, "email": email or None, "contact_id": contact_id}
        )
    out = []
    for ident, uid, title, first, last, status, location, join_url in reader.rows(
        _MEETINGS, window
    ):
        begins, ends = instant(first), instant(last)
        assert begins is not None
        out.append(
            {
                "id": ident,
                "uid": uid,
                "title": title,
                "start": iso(begins),
                "end": iso(ends),
                "status": effective_status(status, begins, ends, now),
                "location": location,
                "join_url": join_url,
                "attendees": people.get(ident, []),
            }
        )
    return out


def vault_meetings(
    path: Path, start: datetime, end: datetime, now: datetime
) -> list[dict[str, Any]] | None:
    """:func:`meetings` on the vault at ``path`` through the quick path; None where the
    vault must be opened the ordinary way (``store/reader.py`` says when)."""
    with open_reader(path) as reader:
        return None if reader is None else meetings(reader, start, end, now)


def vault_today(path: Path, now: datetime, secret: Secret | None = None) -> TodayOverview | None:
    """The Today overview (``today_read.read_overview``, without possible duplicates)
    of the vault at ``path`` through the quick path; None where it must be opened the
    ordinary way. ``secret``: the key, when the caller has it (see ``open_reader``)."""
    from ichigoapp.services.today_read import read_overview

    with open_reader(path, secret) as reader:
        return None if reader is None else reader.run(lambda conn: read_overview(conn, now))


def first_look(path: Path, now: datetime, secret: Secret) -> TodayOverview | None:
    """:func:`vault_today` for the app's first screen, which never fails for it: None
    where the vault is not ordinary or the read failed. The full open follows, fills
    the page and explains what is wrong, if anything is."""
    try:
        return vault_today(path, now, secret=secret)
    except Exception as exc:
        log.info("Today not read before opening: %s", type(exc).__name__)
        return None
