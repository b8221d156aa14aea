"""Turn VEVENT groups (from :mod:`ics_split`) into :class:`IcsEvent` values.

This is the part that may run in a worker process, so it takes and returns plain
picklable values. Division of labour, for speed and robustness:

* icalendar parses only the time properties (DTSTART, DTEND, DURATION, RRULE, RDATE,
  EXDATE, RECURRENCE-ID, SEQUENCE). Those are what need its knowledge of time zones,
  and recurring_ical_events expands series from them. Plain lines skip its text parser
  (see _plain_component); plain single events skip it altogether (ics_times.fast_times).
* Text, attendees and links are read from the raw lines (ics_details), much cheaper
  than having icalendar build property objects for a dozen ATTENDEE lines per event.

Many groups are parsed as one small calendar; if icalendar rejects it, we retry group by
group and then block by block, so one bad VEVENT only costs itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import icalendar
import recurring_ical_events
import x_wr_timezone

from ichigoapp.i18n import _
from ichigoapp.importers.ics_details import EventDetails, read_details
from ichigoapp.importers.ics_split import Group
from ichigoapp.importers.ics_times import (
    Times,
    dt_of,
    fast_times,
    floating_zone,
    original_after_range,
    recurrence_key,
    times_of,
    to_utc,
    tz_name,
)
from ichigoapp.importers.ics_types import IcsEvent, IcsProblem

# Properties whose broken value we drop (and report) while keeping the event.
_DROPPABLE = frozenset({"DTEND", "DURATION", "RDATE", "EXDATE", "RRULE"})


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


def _event_text(group: Group, block_index: int, details: EventDetails) -> str:
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


_Item = tuple[Group, int, EventDetails]
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


def _plain_component(group: Group, block_index: int, details: EventDetails) -> Any:
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
    tzids = {t for g, _b, _d in items for t in g.tzids}
    return icalendar.Calendar.from_ical(_calendar_text(job, events, tzids))


def _components(job: ChunkJob, cal: Any) -> _Found:
    """The calendar's VEVENTs by (group index, block index)."""
    if job.x_wr_timezone:
        cal = x_wr_timezone.to_standard(cal)
    found: _Found = {}
    for comp in cal.walk("VEVENT"):
        g, _sep, b = str(comp.get("X-ICHIGO-REF", "")).partition(".")
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


def _make_event(
    times: Times,
    details: EventDetails,
    group: Group,
    job: ChunkJob,
    in_series: bool,
    source: Times | None = None,
) -> IcsEvent:
    floating = floating_zone(job.x_wr_timezone)
    start_v = times.start
    all_day = not isinstance(start_v, datetime)
    start = to_utc(start_v, floating)
    end: datetime
    if times.end is not None:
        end = to_utc(times.end, floating)
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
    recurrence_id = recurrence_key(rid_v, floating) if rid_v is not None else ""
    if in_series and source is not None and times.this_and_future:
        recurrence_id = original_after_range(start_v, source, floating) or recurrence_id
    return IcsEvent(
        uid=details.uid,
        recurrence_id=recurrence_id,
        sequence=details.sequence,
        title=details.title,
        start=start,
        end=end,
        tz_name=None if all_day else tz_name(start_v, details),
        all_day=all_day,
        location=details.location,
        description=details.description,
        join_url=details.join_url,
        cancelled=details.cancelled,
        attendees=details.attendees,
        content_hash=group.hash,
        method=job.method,
    )


def _check_component(comp: Any, details: EventDetails, problems: list[IcsProblem]) -> bool:
    """Report broken properties; drop the ones we can do without. False: unusable."""
    for name, message in list(getattr(comp, "errors", []) or []):
        if name in _DROPPABLE and name in comp:
            del comp[name]
            raw = details.raw.get(name, "")
            problems.append(
                IcsProblem(
                    details.uid,
                    _(
                        "{event}: {name} '{raw}' could not be read and was ignored ({message})"
                    ).format(event=details.label(), name=name, raw=raw, message=message),
                )
            )
    start = dt_of(comp, "DTSTART")
    if not isinstance(start, date):
        if "DTSTART" in details.raw:
            problems.append(
                IcsProblem(
                    details.uid,
                    _("{event}: DTSTART '{raw}' is not a date").format(
                        event=details.label(), raw=details.raw["DTSTART"]
                    ),
                )
            )
        else:
            problems.append(
                IcsProblem(
                    details.uid,
                    _("{event}: has no start time (DTSTART)").format(event=details.label()),
                )
            )
        return False
    if "RECURRENCE-ID" in details.raw and not isinstance(dt_of(comp, "RECURRENCE-ID"), date):
        problems.append(
            IcsProblem(
                details.uid,
                _("{event}: RECURRENCE-ID '{raw}' is not a date").format(
                    event=details.label(), raw=details.raw["RECURRENCE-ID"]
                ),
            )
        )
        return False
    return True


def _single_events(
    group: Group, singles: list[tuple[Times, EventDetails]], job: ChunkJob
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

    def times(self, source_times: Times | None) -> Times | None:
        if source_times is None:
            return None
        # A generated occurrence (its source has no RECURRENCE-ID): its original start
        # is its start.
        generated = source_times.rid is None
        return Times(
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
    group: Group, comps: list[tuple[Any, EventDetails]], job: ChunkJob
) -> tuple[list[IcsEvent], list[IcsProblem]]:
    problems: list[IcsProblem] = []
    usable = [(c, d) for c, d in comps if _check_component(c, d, problems)]
    if not usable:
        return [], problems
    recurring = any("RRULE" in c or "RDATE" in c for c, _d in usable)
    if not recurring:
        singles: list[tuple[Times, EventDetails]] = []
        for comp, details in usable:
            times = times_of(comp)
            if times is not None:
                singles.append((times, details))
        single_events, more = _single_events(group, singles, job)
        return single_events, problems + more
    by_ref = {str(c.get("X-ICHIGO-REF")): (c, d) for c, d in usable}
    sub = icalendar.Calendar()
    for comp, _d in usable:
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
                group.uid,
                _("{event}: its repeat rule could not be expanded ({problem})").format(
                    event=label, problem=_one_line(exc)
                ),
            )
        )
        return [], problems
    events: list[IcsEvent] = []
    source_times: dict[str, Times | None] = {}
    for occ in occurrences:
        comp = occ.source if isinstance(occ, _LightOccurrence) else occ
        ref = str(comp.get("X-ICHIGO-REF"))
        source, details = by_ref.get(ref, usable[0])
        if ref not in source_times:
            source_times[ref] = times_of(source)
        times = occ.times(source_times[ref]) if isinstance(occ, _LightOccurrence) else times_of(occ)
        if times is None:
            continue
        try:
            events.append(
                _make_event(times, details, group, job, in_series=True, source=source_times[ref])
            )
        except Exception as exc:
            problems.append(IcsProblem(details.uid, f"{details.label()}: {_one_line(exc)}"))
    return events, problems


def warm_up() -> None:
    """Nothing: sent to a new worker process so that it starts (and imports this
    module, icalendar and recurring_ical_events) before the first chunk is ready."""


def parse_chunk(job: ChunkJob) -> list[GroupOutcome]:
    """Parse all groups of a chunk. Never raises: failures become problems."""
    outcomes: dict[int, GroupOutcome] = {
        g.index: GroupOutcome(g.index, [], [], len(g.blocks)) for g in job.groups
    }
    items: list[_Item] = []
    fast: dict[int, list[tuple[Times, EventDetails]]] = {}
    for group in job.groups:
        for b, block in enumerate(group.blocks):
            try:
                details = read_details(block, job.method)
                outcomes[group.index].problems.extend(
                    IcsProblem(details.uid, f"{details.label()}: {note}") for note in details.notes
                )
                times = None if group.recurring else fast_times(details, job.x_wr_timezone)
            except Exception as exc:  # defensive: our own reading must not stop the file
                outcomes[group.index].problems.append(
                    IcsProblem(
                        block.uid,
                        _("event (UID {uid}): {problem}").format(
                            uid=block.uid, problem=_one_line(exc)
                        ),
                    )
                )
                continue
            if times is not None:
                fast.setdefault(group.index, []).append((times, details))
            else:
                items.append((group, b, details))
    found, failed = _parse_items(job, items) if items else ({}, [])
    for (group, _b, details), error in failed:
        outcomes[group.index].problems.append(
            IcsProblem(
                details.uid,
                _("{event}: could not be read ({problem})").format(
                    event=details.label(), problem=_one_line(error)
                ),
            )
        )
    per_group: dict[int, list[tuple[Any, EventDetails]]] = {}
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
