"""Plain result types of the .ics importer (re-exported by :mod:`ichigoapp.importers.ics`).

They live in their own module so the worker processes can build them without importing
the orchestration code, and so pickling between processes stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any


@dataclass(frozen=True, slots=True)
class IcsAttendee:
    email: str  # lower-case, no "mailto:", stripped; "" if none
    name: str  # CN with RFC 6868 escapes decoded; "" if none
    role: str  # ROLE, e.g. "REQ-PARTICIPANT"; "ORGANIZER" for an organizer-only line
    reply_status: str  # PARTSTAT, e.g. "ACCEPTED"; "" if none
    is_organizer: bool

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its values in one call: a frozen slots dataclass's own state
        # protocol sets field by field in Python, which made pickling the events and
        # attendees a worker sends back a noticeable part of an import.
        return (IcsAttendee, _ATTENDEE_VALUES(self))


@dataclass(frozen=True, slots=True)
class IcsEvent:
    uid: str
    recurrence_id: str  # "" if not part of a series; else original start, UTC or date
    sequence: int
    title: str
    start: datetime  # aware, UTC
    end: datetime | None  # aware, UTC, >= start
    tz_name: str | None  # IANA zone of DTSTART; None for UTC, floating and all-day
    all_day: bool
    location: str
    description: str
    join_url: str
    cancelled: bool
    attendees: tuple[IcsAttendee, ...]
    content_hash: str  # the hash of the group this event came from
    # The calendar's METHOD ("REQUEST", "CANCEL", "REPLY", "PUBLISH" or ""): a REPLY is
    # one attendee's answer, not the organizer's event.
    method: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (IcsEvent, _EVENT_VALUES(self))  # see IcsAttendee.__reduce__


# Every field, in the order the constructor takes them.
_ATTENDEE_VALUES = attrgetter(*IcsAttendee.__dataclass_fields__)
_EVENT_VALUES = attrgetter(*IcsEvent.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class IcsProblem:
    uid: str | None
    message: str


@dataclass(slots=True)
class IcsParseResult:
    method: str
    events: list[IcsEvent]
    problems: list[IcsProblem]
    components_seen: int
    skipped_unchanged: int
    # Hash of every group in the file, skipped or not, in file order. Extra to the agreed
    # API: a service that remembers these can also skip groups that yield no event in
    # the window (a finished series) or only problems.
    group_hashes: list[str] = field(default_factory=list)
    # The UID of every group in the file, skipped or not: what a followed calendar
    # still lists (a sync marks the UIDs it stopped listing).
    uids: list[str] = field(default_factory=list)
