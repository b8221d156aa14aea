"""Turn VEVENT groups (from :mod:`ics_split`) into :class:`IcsEvent` values.

This is the part that may run in a worker process, so it takes and returns plain
picklable values. Division of labour, for speed and robustness:

* icalendar parses only the time properties (DTSTART, DTEND, DURATION, RRULE, RDATE,
  EXDATE, RECURRENCE-ID, SEQUENCE). Those are what need its knowledge of time zones,
  and recurring_ical_events expands series from them. Plain lines skip its text parser
  (see _plain_component); plain single events skip icalendar altogether (_fast_times).
* Text, attendees and links are read here from the raw lines, which is much cheaper
  than having icalendar build property objects for a dozen ATTENDEE lines per event.

Many groups are parsed as one small calendar; if icalendar rejects it, we retry group by
group and then block by block, so one bad VEVENT only costs itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone

from ichigoapp.importers.ics_split import (
    TIME_PROPS,
    Block,
    Group,
    param_value,
    resolve_tzid,
    split_line,
    unescape_text,
)
from ichigoapp.importers.ics_types import IcsAttendee, IcsEvent, IcsProblem
from ichigoapp.importers.normalise import normalise_email

# Single-valued time properties: a second DTSTART (seen in the wild) would make icalendar
# return a list and recurring_ical_events fail, so only the first one is kept.
_SINGLE = frozenset({"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"})
# Properties whose broken value we drop (and report) while keeping the event.
_DROPPABLE = frozenset({"DTEND", "DURATION", "RDATE", "EXDATE", "RRULE"})
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT"}
)

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
class ChunkJob:
    """Groups sharing METHOD and X-WR-TIMEZONE, with what is needed to parse them."""

    method: str
    x_wr_timezone: str  # an IANA name we resolved, or "" (then floating = machine zone)
    groups: list[Group]
    timezones: dict[str, str]  # VTIMEZONE texts for TZIDs we could not resolve ourselves
    window_start: date
    window_end: date


@dataclass(slots=True)
class GroupOutcome:
    index: int
    events: list[IcsEvent]
    problems: list[IcsProblem]
    blocks: int


@dataclass(slots=True)
class _Details:
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
        return f"event '{title}' (UID {self.uid})"


def _find_join_url(texts: list[str]) -> str:
    for text in texts:
        for m in _URL.finditer(text):
            url = m.group(0).rstrip(".,;:)]}>!?*")
            if _JOIN_HOST.match(url):
                return url
    return ""


def _details(block: Block, method: str) -> _Details:
    d = _Details(uid=block.uid)
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
                d.notes.append(f"has more than one {name}; the first one is used")
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
    d.join_url = _find_join_url([location, description, url, alt_desc, *conferences])
    d.attendees = _merge_people(organizer, people)
    if dropped:
        d.notes.append(f"lists more than {MAX_ATTENDEES} attendees; {dropped} were left out")
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
    return IcsAttendee(email, cn, role, partstat, False), cutype in _ROOM_TYPES


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


def _event_text(group: Group, block_index: int, details: _Details) -> str:
    lines = ["BEGIN:VEVENT", f"UID:g{group.index}", f"X-ICHIGO-REF:{group.index}.{block_index}"]
    lines += details.time_lines
    if details.sequence:
        lines.append(f"SEQUENCE:{details.sequence}")
    lines.append("END:VEVENT")
    return "\n".join(lines)


def _calendar_text(job: ChunkJob, events: list[str], tzids: set[str]) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ichigo//importer//EN"]
    if job.x_wr_timezone:
        head.append(f"X-WR-TIMEZONE:{job.x_wr_timezone}")
    head += [job.timezones[t] for t in sorted(tzids) if t in job.timezones]
    return "\n".join([*head, *events, "END:VCALENDAR", ""])


_Item = tuple[Group, int, _Details]
_Found = dict[tuple[int, int], Any]

# A time property line in its plainest form: upper case, only TZID and VALUE parameters
# with simple values, no quotes or escapes anywhere. icalendar's content-line parser (a
# Python loop over every character, then a parameter parser) splits such a line exactly
# as this regex does, so for these lines _plain_component does the rest of what its
# parser does: the same value types, parameters and time zone lookup, without the text.
_PLAIN_TIME_LINE = re.compile(
    r"(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RRULE)((?:;(?:TZID|VALUE)=[A-Za-z0-9_/+-]+)*)"
    r":([A-Z0-9=;,+-]+)"
)
# The properties whose TZID parameter icalendar's parser passes to the value type.
_TZID_PROPS = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE"})


def _plain_component(group: Group, block_index: int, details: _Details) -> Any:
    """The VEVENT of _event_text as icalendar would parse it, or None if a line is not
    plain or a value does not parse (then the text goes through icalendar's parser)."""
    props: list[tuple[str, str, str]] = [
        ("UID", "", f"g{group.index}"),
        ("X-ICHIGO-REF", "", f"{group.index}.{block_index}"),
    ]
    for line in details.time_lines:
        m = _PLAIN_TIME_LINE.fullmatch(line)
        if m is None or (m.group(1) == "RRULE" and m.group(2)):
            return None  # a VALUE on RRULE would change the value type icalendar picks
        props.append((m.group(1), m.group(2), m.group(3)))
    if details.sequence:
        props.append(("SEQUENCE", "", str(details.sequence)))
    comp = icalendar.Event()
    try:
        for name, param_text, value in props:
            pairs = [part.split("=", 1) for part in param_text.split(";")[1:]]
            params = icalendar.Parameters(pairs)
            if len(params) != len(pairs):
                return None  # a repeated parameter
            factory: Any = icalendar.Event.types_factory.for_property(name)
            tzid = params.get("TZID") if name in _TZID_PROPS else None
            prop = factory(factory.from_ical(value, tzid) if tzid else factory.from_ical(value))
            prop.params = params
            comp.add(name, prop, encode=False)
    except Exception:  # icalendar's parser records these as errors; let it
        return None
    return comp


def _calendar(job: ChunkJob, items: list[_Item], events: list[str]) -> Any:
    """icalendar's Calendar of the VEVENT texts ``events`` and the VTIMEZONEs items use."""
    tzids = {t for g, _, _ in items for t in g.tzids}
    return icalendar.Calendar.from_ical(_calendar_text(job, events, tzids))


def _components(job: ChunkJob, cal: Any) -> _Found:
    """The calendar's VEVENTs by (group index, block index)."""
    if job.x_wr_timezone:
        cal = x_wr_timezone.to_standard(cal)
    found: _Found = {}
    for comp in cal.walk("VEVENT"):
        g, _, b = str(comp.get("X-ICHIGO-REF", "")).partition(".")
        found[(int(g), int(b))] = comp
    return found


def _parse_items(job: ChunkJob, items: list[_Item]) -> tuple[_Found, list[tuple[_Item, Exception]]]:
    """Components for the items: plain ones built directly, the rest parsed as text."""
    try:
        # The VTIMEZONEs first, as in the text: icalendar caches them for TZID lookups.
        cal = _calendar(job, items, [])
        rest: list[_Item] = []
        for item in items:
            comp = _plain_component(*item)
            if comp is None:
                rest.append(item)
            else:
                cal.add_component(comp)
        found = _components(job, cal) if len(rest) < len(items) else {}
    except Exception:  # the text parse below meets the same trouble and reports it
        return _parse_texts(job, items)
    more, failed = _parse_texts(job, rest) if rest else ({}, [])
    found.update(more)
    return found, failed


def _parse_texts(job: ChunkJob, items: list[_Item]) -> tuple[_Found, list[tuple[_Item, Exception]]]:
    """Parse items as one calendar; on failure split by group, then by block."""
    try:
        return _components(
            job, _calendar(job, items, [_event_text(g, b, d) for g, b, d in items])
        ), []
    except Exception as exc:
        if len(items) == 1:
            return {}, [(items[0], exc)]
        by_group: dict[int, list[_Item]] = {}
        for item in items:
            by_group.setdefault(item[0].index, []).append(item)
        parts = list(by_group.values())
        if len(parts) == 1:
            parts = [[item] for item in items]
        found: _Found = {}
        failed: list[tuple[_Item, Exception]] = []
        for part in parts:
            f, e = _parse_texts(job, part)
            found.update(f)
            failed.extend(e)
        return found, failed


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _dt(comp: Any, name: str) -> Any:
    """The parsed value (date, datetime, timedelta) of a property, or None."""
    prop = comp.get(name)
    if prop is None:
        return None
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    try:
        return getattr(prop, "dt", None)
    except Exception:  # icalendar's broken-property placeholder raises on access
        return None


@dataclass(slots=True)
class _Times:
    """The time facts of one VEVENT or occurrence, however they were parsed."""

    start: date
    end: date | None = None
    duration: timedelta | None = None
    rid: date | None = None
    this_and_future: bool = False


def _times_of(comp: Any) -> _Times | None:
    start = _dt(comp, "DTSTART")
    if not isinstance(start, date):
        return None
    end = _dt(comp, "DTEND")
    duration = _dt(comp, "DURATION")
    rid = _dt(comp, "RECURRENCE-ID")
    prop = comp.get("RECURRENCE-ID")
    params: Any = getattr(prop, "params", None)
    range_param = str(params.get("RANGE", "")) if params else ""
    return _Times(
        start=start,
        end=end if isinstance(end, date) else None,
        duration=duration if isinstance(duration, timedelta) else None,
        rid=rid if isinstance(rid, date) else None,
        this_and_future=range_param.upper() == "THISANDFUTURE",
    )


# A time property line in its plainest form: only TZID and VALUE parameters, a basic
# DATE or DATE-TIME value. Anything else is left to icalendar to accept or reject.
_FAST_LINE = re.compile(
    r"(DTSTART|DTEND|RECURRENCE-ID)"
    r"((?:;TZID=(?:\"[^\";:]*\"|[^\";:]*)|;VALUE=(?:DATE|DATE-TIME))*)"
    r":(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?[ \t]*"
)


def _fast_times(details: _Details, job: ChunkJob) -> _Times | None:
    """Read plain DTSTART/DTEND/RECURRENCE-ID values without icalendar, or give up.

    Most events in real files are a start and an end in UTC, a known zone or a date.
    For those, building icalendar objects is most of the import time, and the result
    is the same datetime with the same zoneinfo zone. Anything else (DURATION, rules,
    other parameters, odd values) returns None and goes through icalendar.
    """
    values: dict[str, date] = {}
    xwr = ZoneInfo(job.x_wr_timezone) if job.x_wr_timezone else None
    for line in details.time_lines:
        m = _FAST_LINE.fullmatch(line)
        if not m or m.group(1) in values:
            return None
        name, params, year, month, day, hour, minute, second, utc = m.groups()
        tzid = ""
        value_type = ""
        for part in params.split(";")[1:]:
            key, _, val = part.partition("=")
            if key == "TZID":
                tzid = param_value(val)
            else:
                value_type = val
        try:
            if hour is None:
                if tzid or value_type == "DATE-TIME":
                    return None
                values[name] = date(int(year), int(month), int(day))
                continue
            if value_type == "DATE":
                return None
            zone: tzinfo | None = None
            if utc:
                if tzid:
                    return None
                zone = UTC
            elif tzid:
                iana = resolve_tzid(tzid)
                if iana is None:
                    return None
                zone = ZoneInfo(iana)
            value = datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=zone
            )
        except (ValueError, OverflowError):
            return None  # let icalendar produce the error message
        if xwr is not None:
            # What x_wr_timezone does for the icalendar path: UTC and floating times are
            # read in the calendar's X-WR-TIMEZONE.
            if value.tzinfo is None:
                value = value.replace(tzinfo=xwr)
            elif value.tzinfo is UTC:
                value = value.astimezone(xwr)
        values[name] = value
    start = values.get("DTSTART")
    if start is None:
        return None
    return _Times(start=start, end=values.get("DTEND"), rid=values.get("RECURRENCE-ID"))


def _floating_zone(job: ChunkJob) -> tzinfo | None:
    return ZoneInfo(job.x_wr_timezone) if job.x_wr_timezone else None


def _to_utc(value: date, floating: tzinfo | None) -> datetime:
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None or value.utcoffset() is None:
        if floating is not None:
            return value.replace(tzinfo=floating).astimezone(UTC)
        # Floating time with no X-WR-TIMEZONE: the machine's local zone, as a calendar
        # app on this machine would show it. astimezone() on a naive value uses the C
        # library's local rules, so DST is right for each date.
        try:
            return value.astimezone(UTC)
        except (OverflowError, OSError, ValueError):
            return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _tz_name(value: date, details: _Details) -> str | None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    tz = value.tzinfo
    if tz is UTC:
        return None
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key:
        return None if key in _UTC_NAMES else key
    if value.utcoffset() == timedelta(0) and str(tz) in ("UTC", "UTC+00:00"):
        return None
    return resolve_tzid(details.start_tzid) if details.start_tzid else None


def _rid(value: date, floating: tzinfo | None) -> str:
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    return _to_utc(value, floating).strftime("%Y%m%dT%H%M%SZ")


def _original_after_range(start_v: date, source: _Times, floating: tzinfo | None) -> str:
    """Original start of an occurrence shifted by a RANGE=THISANDFUTURE override.

    recurring_ical_events gives every later occurrence the override's own RECURRENCE-ID,
    which would make them all one encounter; the original start is the occurrence's
    start minus the shift the override applied.
    """
    src_start, src_rid = source.start, source.rid
    if src_rid is None:
        return ""
    if isinstance(start_v, datetime) and isinstance(src_start, datetime):
        shift = _to_utc(src_start, floating) - _to_utc(src_rid, floating)
        original = _to_utc(start_v, floating) - shift
        if isinstance(src_rid, datetime):
            return original.strftime("%Y%m%dT%H%M%SZ")
        return original.strftime("%Y%m%d")
    if not isinstance(start_v, datetime) and not isinstance(src_start, datetime):
        day_shift = src_start - (src_rid.date() if isinstance(src_rid, datetime) else src_rid)
        return (start_v - day_shift).strftime("%Y%m%d")
    return ""


def _make_event(
    times: _Times,
    details: _Details,
    group: Group,
    job: ChunkJob,
    in_series: bool,
    source: _Times | None = None,
) -> IcsEvent:
    floating = _floating_zone(job)
    start_v = times.start
    all_day = not isinstance(start_v, datetime)
    start = _to_utc(start_v, floating)
    end: datetime
    if times.end is not None:
        end = _to_utc(times.end, floating)
    elif times.duration is not None:
        end = start + times.duration
    elif all_day:
        end = start + timedelta(days=1)
    else:
        end = start
    if end < start:
        # As khal does: a single event with its times the wrong way round is swapped;
        # an occurrence of a series keeps its start (its identity) and is clamped.
        start, end = (start, start) if in_series else (end, start)
    rid_v = times.rid
    if rid_v is None and in_series:
        rid_v = start_v
    recurrence_id = _rid(rid_v, floating) if rid_v is not None else ""
    if in_series and source is not None and times.this_and_future:
        recurrence_id = _original_after_range(start_v, source, floating) or recurrence_id
    return IcsEvent(
        uid=details.uid,
        recurrence_id=recurrence_id,
        sequence=details.sequence,
        title=details.title,
        start=start,
        end=end,
        tz_name=None if all_day else _tz_name(start_v, details),
        all_day=all_day,
        location=details.location,
        description=details.description,
        join_url=details.join_url,
        cancelled=details.cancelled,
        attendees=details.attendees,
        content_hash=group.hash,
    )


def _check_component(comp: Any, details: _Details, problems: list[IcsProblem]) -> bool:
    """Report broken properties; drop the ones we can do without. False: unusable."""
    for name, message in list(getattr(comp, "errors", []) or []):
        if name in _DROPPABLE and name in comp:
            del comp[name]
            raw = details.raw.get(name, "")
            problems.append(
                IcsProblem(
                    details.uid,
                    f"{details.label()}: {name} '{raw}' "
                    f"could not be read and was ignored ({message})",
                )
            )
    start = _dt(comp, "DTSTART")
    if not isinstance(start, date):
        if "DTSTART" in details.raw:
            problems.append(
                IcsProblem(
                    details.uid,
                    f"{details.label()}: DTSTART '{details.raw['DTSTART']}' is not a date",
                )
            )
        else:
            problems.append(
                IcsProblem(details.uid, f"{details.label()}: has no start time (DTSTART)")
            )
        return False
    if "RECURRENCE-ID" in details.raw and not isinstance(_dt(comp, "RECURRENCE-ID"), date):
        problems.append(
            IcsProblem(
                details.uid,
                f"{details.label()}: RECURRENCE-ID '{details.raw['RECURRENCE-ID']}' is not a date",
            )
        )
        return False
    return True


def _single_events(
    group: Group, singles: list[tuple[_Times, _Details]], job: ChunkJob
) -> tuple[list[IcsEvent], list[IcsProblem]]:
    events: list[IcsEvent] = []
    problems: list[IcsProblem] = []
    for times, details in singles:
        try:
            events.append(_make_event(times, details, group, job, in_series=False))
        except Exception as exc:
            problems.append(IcsProblem(details.uid, f"{details.label()}: {_one_line(exc)}"))
    return events, problems


@dataclass(slots=True)
class _LightOccurrence:
    """An occurrence as recurring_ical_events computed it, without a component copy."""

    start: date
    end: Any
    source: Any

    def times(self, source_times: _Times | None) -> _Times | None:
        if source_times is None:
            return None
        # A generated occurrence (its source has no RECURRENCE-ID): its original start
        # is its start.
        generated = source_times.rid is None
        return _Times(
            start=self.start,
            end=self.end if isinstance(self.end, date) else None,
            duration=self.end if isinstance(self.end, timedelta) else None,
            rid=self.start if generated else source_times.rid,
            this_and_future=False if generated else source_times.this_and_future,
        )


class _LightQuery(recurring_ical_events.CalendarQuery):  # type: ignore[misc]
    """Returns occurrences without copying the component for each one.

    Copying a component per occurrence was half of the expansion time, and we only
    need start, end and which VEVENT it came from. ``calendar_query=`` is the library's
    documented hook; should its internals change, we fall back to its own copies.
    """

    def _occurrences_to_components(self, occurrences: list[Any]) -> list[Any]:
        out: list[Any] = []
        for occ in occurrences:
            source = getattr(getattr(occ, "_adapter", None), "_component", None)
            start = getattr(occ, "start", None)
            if source is None or not isinstance(start, date):
                out.append(occ.as_component(self.keep_recurrence_attributes))
            else:
                out.append(_LightOccurrence(start, getattr(occ, "end", None), source))
        return out


def _group_events(
    group: Group, comps: list[tuple[Any, _Details]], job: ChunkJob
) -> tuple[list[IcsEvent], list[IcsProblem]]:
    problems: list[IcsProblem] = []
    usable = [(c, d) for c, d in comps if _check_component(c, d, problems)]
    if not usable:
        return [], problems
    recurring = any("RRULE" in c or "RDATE" in c for c, _ in usable)
    if not recurring:
        singles: list[tuple[_Times, _Details]] = []
        for comp, details in usable:
            times = _times_of(comp)
            if times is not None:
                singles.append((times, details))
        single_events, more = _single_events(group, singles, job)
        return single_events, problems + more
    by_ref = {str(c.get("X-ICHIGO-REF")): (c, d) for c, d in usable}
    sub = icalendar.Calendar()
    for comp, _ in usable:
        sub.add_component(comp)
    label = usable[0][1].label()
    try:
        occurrences = list(
            recurring_ical_events.of(sub, calendar_query=_LightQuery).between(
                job.window_start, job.window_end
            )
        )
    except Exception as exc:
        problems.append(
            IcsProblem(
                group.uid, f"{label}: its repeat rule could not be expanded ({_one_line(exc)})"
            )
        )
        return [], problems
    events: list[IcsEvent] = []
    source_times: dict[str, _Times | None] = {}
    for occ in occurrences:
        comp = occ.source if isinstance(occ, _LightOccurrence) else occ
        ref = str(comp.get("X-ICHIGO-REF"))
        source, details = by_ref.get(ref, usable[0])
        if ref not in source_times:
            source_times[ref] = _times_of(source)
        if isinstance(occ, _LightOccurrence):
            times = occ.times(source_times[ref])
        else:
            times = _times_of(occ)
        if times is None:
            continue
        try:
            events.append(
                _make_event(times, details, group, job, in_series=True, source=source_times[ref])
            )
        except Exception as exc:
            problems.append(IcsProblem(details.uid, f"{details.label()}: {_one_line(exc)}"))
    return events, problems


def parse_chunk(job: ChunkJob) -> list[GroupOutcome]:
    """Parse all groups of a chunk. Never raises: failures become problems."""
    outcomes: dict[int, GroupOutcome] = {
        g.index: GroupOutcome(g.index, [], [], len(g.blocks)) for g in job.groups
    }
    items: list[_Item] = []
    fast: dict[int, list[tuple[_Times, _Details]]] = {}
    for group in job.groups:
        for b, block in enumerate(group.blocks):
            try:
                details = _details(block, job.method)
                outcomes[group.index].problems.extend(
                    IcsProblem(details.uid, f"{details.label()}: {note}") for note in details.notes
                )
                times = None if group.recurring else _fast_times(details, job)
            except Exception as exc:  # defensive: our own reading must not stop the file
                outcomes[group.index].problems.append(
                    IcsProblem(block.uid, f"event (UID {block.uid}): {_one_line(exc)}")
                )
                continue
            if times is not None:
                fast.setdefault(group.index, []).append((times, details))
            else:
                items.append((group, b, details))
    found, failed = _parse_items(job, items) if items else ({}, [])
    for (group, _, details), error in failed:
        outcomes[group.index].problems.append(
            IcsProblem(details.uid, f"{details.label()}: could not be read ({_one_line(error)})")
        )
    per_group: dict[int, list[tuple[Any, _Details]]] = {}
    for group, b, details in items:
        comp = found.get((group.index, b))
        if comp is not None:
            per_group.setdefault(group.index, []).append((comp, details))
    for group in job.groups:
        comps = per_group.get(group.index)
        singles = fast.get(group.index)
        if not comps and not singles:
            continue
        try:
            events, problems = _group_events(group, comps, job) if comps else ([], [])
            if singles:
                more_events, more_problems = _single_events(group, singles, job)
                events += more_events
                problems += more_problems
        except Exception as exc:
            label = (comps or [])[0][1].label() if comps else f"event (UID {group.uid})"
            events = []
            problems = [IcsProblem(group.uid, f"{label}: could not be read ({_one_line(exc)})")]
        outcomes[group.index].events.extend(events)
        outcomes[group.index].problems.extend(problems)
    return list(outcomes.values())
