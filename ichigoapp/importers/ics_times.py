"""The times of one VEVENT or occurrence: parsed by icalendar, or read plainly where
that gives the same answer faster, and turned into UTC instants and zone names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from ichigoapp.importers.ics_details import EventDetails
from ichigoapp.importers.ics_split import param_value, resolve_tzid

_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT"}
)


def dt_of(comp: Any, name: str) -> Any:
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
class Times:
    """The time facts of one VEVENT or occurrence, however they were parsed."""

    start: date
    end: date | None = None
    duration: timedelta | None = None
    rid: date | None = None
    this_and_future: bool = False


def times_of(comp: Any) -> Times | None:
    start = dt_of(comp, "DTSTART")
    if not isinstance(start, date):
        return None
    end = dt_of(comp, "DTEND")
    duration = dt_of(comp, "DURATION")
    rid = dt_of(comp, "RECURRENCE-ID")
    prop = comp.get("RECURRENCE-ID")
    params: Any = getattr(prop, "params", None)
    range_param = str(params.get("RANGE", "")) if params else ""
    return Times(
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


def fast_times(details: EventDetails, x_wr_timezone: str) -> Times | None:
    """Read plain DTSTART/DTEND/RECURRENCE-ID values without icalendar, or give up.

    Most events in real files are a start and an end in UTC, a known zone or a date.
    For those, building icalendar objects is most of the import time, and the result
    is the same datetime with the same zoneinfo zone. Anything else (DURATION, rules,
    other parameters, odd values) returns None and goes through icalendar.
    """
    values: dict[str, date] = {}
    xwr = ZoneInfo(x_wr_timezone) if x_wr_timezone else None
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
    return Times(start=start, end=values.get("DTEND"), rid=values.get("RECURRENCE-ID"))


def floating_zone(x_wr_timezone: str) -> tzinfo | None:
    return ZoneInfo(x_wr_timezone) if x_wr_timezone else None


def to_utc(value: date, floating: tzinfo | None) -> datetime:
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


def tz_name(value: date, details: EventDetails) -> str | None:
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


def recurrence_key(value: date, floating: tzinfo | None) -> str:
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    return to_utc(value, floating).strftime("%Y%m%dT%H%M%SZ")


def original_after_range(start_v: date, source: Times, floating: tzinfo | None) -> str:
    """Original start of an occurrence shifted by a RANGE=THISANDFUTURE override.

    recurring_ical_events gives every later occurrence the override's own RECURRENCE-ID,
    which would make them all one encounter; the original start is the occurrence's
    start minus the shift the override applied.
    """
    src_start, src_rid = source.start, source.rid
    if src_rid is None:
        return ""
    if isinstance(start_v, datetime) and isinstance(src_start, datetime):
        shift = to_utc(src_start, floating) - to_utc(src_rid, floating)
        original = to_utc(start_v, floating) - shift
        if isinstance(src_rid, datetime):
            return original.strftime("%Y%m%dT%H%M%SZ")
        return original.strftime("%Y%m%d")
    if not isinstance(start_v, datetime) and not isinstance(src_start, datetime):
        day_shift = src_start - (src_rid.date() if isinstance(src_rid, datetime) else src_rid)
        return (start_v - day_shift).strftime("%Y%m%d")
    return ""
