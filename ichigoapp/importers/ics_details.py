"""What one VEVENT says besides its times, read from its raw lines: title, place,
description, join link, status, sequence and the people invited.

Reading these ourselves is much cheaper than having icalendar build property objects
for a dozen ATTENDEE lines per event (see ics_parse).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ichigoapp.i18n import _
from ichigoapp.importers.ics_split import (
    TIME_PROPS,
    Block,
    param_value,
    resolve_tzid,
    split_line,
    unescape_text,
)
from ichigoapp.importers.ics_types import IcsAttendee
from ichigoapp.importers.normalise import address_looks_like_room, normalise_email

# Single-valued time properties: a second DTSTART (seen in the wild) would make icalendar
# return a list and recurring_ical_events fail, so only the first one is kept.
_SINGLE = frozenset({"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"})

_URL = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
_JOIN_HOST = re.compile(
    r"^https?://(?:[a-z0-9-]+\.)*"
    r"(?:teams\.microsoft\.com|teams\.live\.com|zoom\.us|zoomgov\.com|meet\.google\.com"
    r"|webex\.com)(?:[/:?#]|$)",
    re.IGNORECASE,
)
_ROOM_TYPES = frozenset({"ROOM", "RESOURCE"})
# A hostile or broken invite may list a million attendees; no real meeting has more
# than this, and storing them all would bloat the vault and the prep card.
MAX_ATTENDEES = 2000


@dataclass(slots=True)
class EventDetails:
    """What we read ourselves from one VEVENT's raw lines."""

    uid: str
    title: str = ""
    location: str = ""
    description: str = ""
    join_url: str = ""
    cancelled: bool = False
    sequence: int = 0
    attendees: tuple[IcsAttendee, ...] = ()
    start_tzid: str = ""
    raw: dict[str, str] = field(default_factory=dict)  # first raw value per time property
    notes: list[str] = field(default_factory=list)  # oddities to report, event still kept
    time_lines: list[str] = field(default_factory=list)

    def label(self) -> str:
        title = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        return _("event '{title}' (UID {uid})").format(title=title, uid=self.uid)


def find_join_url(texts: list[str]) -> str:
    for text in texts:
        for m in _URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]}>!?*")
            if _JOIN_HOST.match(url):
                return url
    return ""


def read_details(block: Block, method: str) -> EventDetails:
    d = EventDetails(uid=block.uid)
    organizer: IcsAttendee | None = None
    people: list[IcsAttendee] = []
    rooms: list[str] = []
    location = description = url = alt_desc = ""
    conferences: list[str] = []
    summary_seen = False
    dropped = 0
    for line in block.lines:
        if len(people) >= MAX_ATTENDEES and line[:8].upper() == "ATTENDEE":
            dropped += 1  # counted before split_line: the cap must also bound the work
            continue
        name, params, value = split_line(line)
        if name == "ATTENDEE" or name == "ORGANIZER":  # the commonest lines first
            person, is_room = _person(name, params, value)
            if person is None:
                continue
            if is_room:
                room = person.name or person.email
                if room and room not in rooms:
                    rooms.append(room)
            elif name == "ORGANIZER":
                organizer = organizer or person
            else:
                people.append(person)
        elif name in TIME_PROPS:
            if name not in d.raw:
                d.raw[name] = value.strip()
            elif name in _SINGLE:
                note = _("has more than one {name}; the first one is used")
                d.notes.append(note.format(name=name))
                continue
            if name == "RRULE" and not value.strip():
                continue  # an empty "RRULE:" (seen in holiday feeds) means no rule
            tz_param = ""
            for key, raw in params:
                if key == "TZID":
                    tz_param = raw
            if tz_param:
                tzid = param_value(tz_param)
                if name == "DTSTART":
                    d.start_tzid = tzid
                iana = resolve_tzid(tzid)
                if iana and iana != tz_param:
                    # Hand icalendar a name it surely knows (Windows names, odd case,
                    # leading slashes), so the instant does not depend on its lookups.
                    line = line.replace(f"TZID={tz_param}", f"TZID={iana}", 1)
            d.time_lines.append(line)
        elif name == "SUMMARY" and not summary_seen:
            summary_seen = True
            d.title = unescape_text(value).strip()
        elif name == "LOCATION" and not location:
            location = unescape_text(value).strip()
        elif name == "DESCRIPTION" and not description:
            description = unescape_text(value).strip()
        elif name == "URL" and not url:
            url = value.strip()
        elif name == "X-ALT-DESC" and not alt_desc:
            alt_desc = html.unescape(unescape_text(value))
        elif name == "CONFERENCE":
            conferences.append(value.strip())
        elif name == "STATUS":
            d.cancelled = d.cancelled or value.strip().upper() == "CANCELLED"
        elif name == "SEQUENCE":
            try:
                d.sequence = max(0, int(value.strip()))
            except ValueError:
                d.sequence = 0
    d.title = d.title or "(no title)"
    d.cancelled = d.cancelled or method == "CANCEL"
    d.description = description
    # Rooms are places: Outlook often already names the room in LOCATION; add the rest.
    extra = [r for r in rooms if r.lower() not in location.lower()]
    d.location = "; ".join([p for p in (location, *extra) if p])
    d.join_url = find_join_url([location, description, url, alt_desc, *conferences])
    d.attendees = _merge_people(organizer, people)
    if dropped:
        d.notes.append(
            _("lists more than {limit} attendees; {dropped} were left out").format(
                limit=MAX_ATTENDEES, dropped=dropped
            )
        )
    return d


def _person(
    name: str, params: list[tuple[str, str]], value: str
) -> tuple[IcsAttendee | None, bool]:
    email = normalise_email(value)
    cn = role = partstat = cutype = ""
    for key, raw in params:
        if key == "CN":
            cn = param_value(raw).strip()
        elif key == "ROLE":
            role = param_value(raw).strip().upper()
        elif key == "PARTSTAT":
            partstat = param_value(raw).strip().upper()
        elif key == "CUTYPE":
            cutype = param_value(raw).strip().upper()
    if not email and not cn:
        return None, False
    if name == "ORGANIZER":
        return IcsAttendee(email, cn, "ORGANIZER", partstat, True), cutype in _ROOM_TYPES
    room = cutype in _ROOM_TYPES or (
        cutype in ("", "UNKNOWN") and address_looks_like_room(email, cn)
    )
    return IcsAttendee(email, cn, role, partstat, False), room


def _merge_people(
    organizer: IcsAttendee | None, people: list[IcsAttendee]
) -> tuple[IcsAttendee, ...]:
    """Deduplicate by email (by name when there is none); the organizer comes first."""
    merged: dict[str, IcsAttendee] = {}

    def key(p: IcsAttendee) -> str:
        return p.email or "\0" + p.name.lower()

    if organizer is not None:
        merged[key(organizer)] = organizer
    for p in people:
        k = key(p)
        prev = merged.get(k)
        if prev is None:
            merged[k] = p
        elif prev.is_organizer and prev.role == "ORGANIZER":
            # The organizer also listed as attendee: the attendee line says more.
            merged[k] = IcsAttendee(
                p.email, p.name or prev.name, p.role or "ORGANIZER", p.reply_status, True
            )
        elif not prev.name and p.name:
            merged[k] = IcsAttendee(
                prev.email,
                p.name,
                prev.role or p.role,
                prev.reply_status or p.reply_status,
                prev.is_organizer,
            )
    return tuple(merged.values())
