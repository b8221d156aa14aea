"""Cheap text-level split of an .ics file into VEVENT groups, before any icalendar parsing.

Why this exists: ``icalendar.Calendar.from_ical`` of a 10,000-event file takes seconds,
and most re-imports are of a file that barely changed. Here we only decode, unfold, find
the VEVENT / VTIMEZONE blocks and the calendar-level METHOD and X-WR-TIMEZONE, keep the
property lines the importer uses, and group VEVENTs by UID (a series' master and its
overrides must be expanded together). Each group gets a hash of everything that determines
its events, so the caller can skip groups it already has without parsing them at all.

Nothing here raises for any input; oddities are recorded for the caller to report.
"""

from __future__ import annotations

import hashlib
import re
import time
import zoneinfo
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ichigoapp.importers.windows_zones import windows_to_iana

# Bump when the way events are derived from the text changes, so stored hashes from an
# older importer no longer match and the groups are read again.
PARSER_VERSION = "ichigo-ics-1"

# Properties of a VEVENT the importer reads. Everything else (DTSTAMP, CREATED,
# LAST-MODIFIED, X-MOZ-*, VALARM, ...) is dropped here: it does not change an encounter,
# Google rewrites DTSTAMP on every export (so hashing it would defeat "unchanged"), and
# icalendar has less to parse. Broken values in dropped properties (a VALARM TRIGGER of
# "PT-2H", a CREATED in year 0000) therefore cannot spoil an otherwise fine event.
TIME_PROPS = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)
INFO_PROPS = frozenset(
    {
        "UID",
        "SEQUENCE",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "URL",
        "X-ALT-DESC",
        "CONFERENCE",
        "STATUS",
        "ATTENDEE",
        "ORGANIZER",
    }
)
KEPT_PROPS = TIME_PROPS | INFO_PROPS

_NAME = re.compile(r"[A-Za-z0-9_-]*")
# A fold is a line break followed by one space or TAB. Blank lines before the
# continuation occur too (Mozilla Calendar 1.0 wrote "VERSION\n\n :2.0").
_UNFOLD = re.compile(r"\n+[ \t]")
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*'
_PARAM = re.compile(rf';([^=;:"]*)=({_PARAM_VALUE})')
# A well-formed content line: NAME, parameters, ':' and the value. Each parameter can
# only end where the next ';' or the ':' begins, so this matches exactly when reading
# parameter after parameter (as the fallback in split_line does) reaches the ':'.
_CONTENT_LINE = re.compile(rf'([A-Za-z0-9_-]*)((?:;[^=;:"]*={_PARAM_VALUE})*):(.*)', re.S)


@dataclass(slots=True)
class CalendarInfo:
    """Calendar-level facts that change how its events read."""

    method: str = ""
    x_wr_timezone: str = ""


@dataclass(slots=True)
class Block:
    """One VEVENT: its kept top-level property lines, unfolded, in file order."""

    lines: list[str]
    calendar: int  # index into SplitFile.calendars; -1 for a bare VEVENT
    line_no: int  # 1-based line of BEGIN:VEVENT in the unfolded text, for messages
    complete: bool = True
    uid: str = ""
    dtstart: str = ""
    summary: str = ""
    recurring: bool = False
    tzids: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Group:
    """VEVENTs sharing a UID within calendars of the same METHOD and X-WR-TIMEZONE."""

    index: int
    uid: str
    synthetic_uid: bool
    method: str
    x_wr_timezone: str
    blocks: list[Block]
    recurring: bool
    tzids: list[str]
    hash: str = ""


@dataclass(slots=True)
class SplitFile:
    calendars: list[CalendarInfo]
    blocks: list[Block]
    incomplete: list[Block]
    timezones: dict[str, str]  # TZID -> VTIMEZONE text (first definition wins)
    recognisable: bool


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM or not), else line by line cp1252, then latin-1.

    Line by line because concatenated calendars can mix encodings; cp1252 before latin-1
    because Outlook on Windows writes cp1252 (curly quotes, euro sign) far more often
    than true ISO-8859-1, and both agree on letters such as "ü". Never U+FFFD.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out: list[str] = []
    for raw in data.split(b"\n"):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                out.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                out.append(raw.decode("latin-1"))
    return "\n".join(out)


def unfold_text(text: str) -> str:
    """Normalise CRLF / lone CR to LF and undo folding."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n\n " in text or "\n\n\t" in text:
        return _UNFOLD.sub("", text)
    # str.replace is several times faster than the regex on multi-megabyte files.
    return text.replace("\n ", "").replace("\n\t", "")


def prop_name(line: str) -> str:
    m = _NAME.match(line)
    return m.group(0).upper() if m else ""


def split_line(line: str) -> tuple[str, list[tuple[str, str]], str]:
    """Split a content line into (NAME, [(PARAM, raw value)], value), leniently.

    Quoted parameter values may hold ';', ':' and ','. A line whose parameters make no
    sense still yields its value (everything after the first ':' outside quotes).
    """
    m = _CONTENT_LINE.match(line)
    if m:
        # The common case: one regex for the whole line, then one for its parameters.
        name, param_text, value = m.groups()
        if not param_text:
            return name.upper(), [], value
        return name.upper(), [(k.strip().upper(), v) for k, v in _PARAM.findall(param_text)], value
    name = prop_name(line)
    pos = len(name)
    params: list[tuple[str, str]] = []
    while pos < len(line) and line[pos] == ";":
        m = _PARAM.match(line, pos)
        if not m:
            break
        params.append((m.group(1).strip().upper(), m.group(2)))
        pos = m.end()
    if pos < len(line) and line[pos] == ":":
        return name, params, line[pos + 1 :]
    # Malformed parameters: take the value after the first ':' that is not quoted.
    in_quotes = False
    for i in range(pos, len(line)):
        ch = line[i]
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            return name, params, line[i + 1 :]
    return name, params, ""


def param_value(raw: str) -> str:
    """A parameter value without its quotes, RFC 6868 caret escapes decoded."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == '"' and raw[-1] == '"':
        raw = raw[1:-1]
    if "^" in raw:
        raw = re.sub(
            r"\^(.)",
            lambda m: {"n": "\n", "N": "\n", "'": '"', "^": "^"}.get(m.group(1), "^" + m.group(1)),
            raw,
        )
    return raw


def unescape_text(value: str) -> str:
    r"""RFC 5545 TEXT unescaping: \n \N \, \; \\ ."""
    if "\\" not in value:
        return value
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@lru_cache(maxsize=1)
def _available_zones() -> frozenset[str]:
    try:
        return frozenset(zoneinfo.available_timezones())
    except Exception:  # a broken tzdata install must not stop an import
        return frozenset()


@lru_cache(maxsize=512)
def resolve_tzid(tzid: str) -> str | None:
    """The IANA name for a TZID as calendars write it, or None if we cannot tell.

    Accepts IANA names, Windows names (any case), quoted values, a leading '/' and
    "globally unique" ids such as /freeassociation.sourceforge.net/Europe/Berlin.
    """
    cleaned = tzid.strip().strip('"').strip()
    zones = _available_zones()
    if cleaned in zones:
        return cleaned
    windows = windows_to_iana(cleaned)
    if windows:
        return windows
    stripped = cleaned.strip("/")
    if stripped in zones:
        return stripped
    parts = stripped.split("/")
    for start in range(1, len(parts)):
        candidate = "/".join(parts[start:])
        if candidate in zones and "/" in candidate:
            return candidate
    return None


def local_zone_key() -> str:
    """Identifies the machine's zone rules, which decide how floating times read."""
    return f"{time.tzname}|{time.timezone}|{time.altzone}"


# These find a line by the "\n" before it rather than by "^" in MULTILINE mode: a pattern
# that starts with a literal lets the regex engine skip from line break to line break,
# where "^" is tried at every character (this made split() about 40% cheaper). split()
# puts a "\n" before the whole text and _fill_block one before each VEVENT body for this.
_MARKER = re.compile(r"\n[ \t]*(BEGIN|END)[ \t]*:[ \t]*([^\n]*?)[ \t]*(?![^\n])", re.I)
_KEPT_LINE = re.compile(
    r"\n((?:" + "|".join(sorted(re.escape(p) for p in KEPT_PROPS)) + r")(?=[;:])[^\n]*)",
    re.I,
)
_UID_LINE = re.compile(r"\n(UID(?=[;:])[^\n]*)", re.I)
_RECURRING = re.compile(r"\n(?:RRULE[^:\n]*:[ \t]*\S|RDATE(?=[;:]))", re.I)
_TZID_PARAM = re.compile(
    r"\n(?:DTSTART|DTEND|RDATE|EXDATE|RECURRENCE-ID);[^\n]*?TZID=(\"[^\"\n]*\"|[^;:\n]*)",
    re.I,
)
_CAL_PROP = re.compile(r"^(METHOD|X-WR-TIMEZONE)(?=[;:]).*$", re.M | re.I)
_TZID_LINE = re.compile(r"^TZID(?=[;:]).*$", re.M | re.I)


def split(text: str) -> SplitFile:
    """Find calendars, VTIMEZONEs and VEVENT blocks in the text.

    Works on BEGIN/END markers found by one regex over the whole text, and extracts
    the kept property lines of each VEVENT with another: no Python loop over the
    ~15 lines of every event, which is what makes an unchanged re-import cheap.
    """
    text = "\n" + unfold_text(text)  # see _MARKER
    calendars: list[CalendarInfo] = []
    blocks: list[Block] = []
    incomplete: list[Block] = []
    timezones: dict[str, str] = {}
    recognisable = False

    stack: list[tuple[str, int]] = []  # open components outside VEVENT/VTIMEZONE
    event: Block | None = None
    event_parts: list[str] = []
    event_depth = 0  # nesting inside the VEVENT (VALARM etc.), whose lines are skipped
    tz_start = -1
    tz_depth = 0
    pos = 0  # end of the previous marker
    line_no = 0  # of the unfolded text (after the "\n" put first), up to ``counted``
    counted = 0

    def finish_event(complete: bool) -> None:
        nonlocal event
        if event is None:
            return
        _fill_block(event, "\n".join(event_parts))
        event.complete = complete
        (blocks if complete else incomplete).append(event)
        event = None

    for m in _MARKER.finditer(text):
        kind = m.group(1).upper()
        comp = m.group(2).upper()
        line_start = m.start() + 1  # the match begins with the "\n" before the line
        segment_start, segment_end = pos, line_start
        pos = m.end()
        if tz_start >= 0:
            tz_depth += 1 if kind == "BEGIN" else -1
            if tz_depth == 0:
                body = text[tz_start:pos]
                tz_line = _TZID_LINE.search(body)
                if tz_line:
                    tzid = split_line(tz_line.group(0))[2].strip()
                    if tzid and tzid not in timezones:
                        timezones[tzid] = body
                tz_start = -1
            continue
        if event is not None:
            if event_depth == 0 and segment_end > segment_start:
                event_parts.append(text[segment_start:segment_end])
            if kind == "BEGIN":
                if comp == "VEVENT":
                    finish_event(False)  # an unterminated VEVENT: report it, go on
                else:
                    event_depth += 1
                    continue
            elif comp == "VEVENT":
                finish_event(True)
                continue
            else:
                event_depth = max(0, event_depth - 1)
                continue
        elif stack and stack[-1][0] == "VCALENDAR" and segment_end > segment_start:
            info = calendars[stack[-1][1]]
            for prop in _CAL_PROP.finditer(text, segment_start, segment_end):
                name, _, value = split_line(prop.group(0))
                if name == "METHOD" and not info.method:
                    info.method = value.strip().upper()
                elif name == "X-WR-TIMEZONE" and not info.x_wr_timezone:
                    info.x_wr_timezone = value.strip()
        if kind == "BEGIN":
            if comp == "VEVENT":
                recognisable = True
                line_no += text.count("\n", counted, line_start)
                counted = line_start
                cal = next((i for c, i in reversed(stack) if c == "VCALENDAR"), -1)
                event = Block(lines=[], calendar=cal, line_no=line_no)
                event_parts = []
                event_depth = 0
            elif comp == "VTIMEZONE":
                recognisable = True
                tz_start, tz_depth = line_start, 1
            else:
                if comp == "VCALENDAR":
                    recognisable = True
                    calendars.append(CalendarInfo())
                stack.append((comp, len(calendars) - 1))
        else:
            # Pop to the matching BEGIN; a stray END is ignored.
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == comp:
                    del stack[i:]
                    break
    if event is not None:
        if event_depth == 0 and len(text) > pos:
            event_parts.append(text[pos:])
        finish_event(False)
    return SplitFile(calendars, blocks, incomplete, timezones, recognisable)


def _fill_block(block: Block, body: str) -> None:
    """Set the kept lines and the facts grouping and hashing need, from a VEVENT body."""
    body = "\n" + body  # see _MARKER
    block.lines = _KEPT_LINE.findall(body)
    uid_line = _UID_LINE.search(body)
    if uid_line:
        block.uid = split_line(uid_line.group(1))[2].strip()
    block.recurring = _RECURRING.search(body) is not None
    for raw in _TZID_PARAM.findall(body):
        block.tzids.add(param_value(raw))
    if not block.uid:
        # Only UID-less events need these, for their synthetic UID.
        for line in block.lines:
            name = prop_name(line)
            if name == "DTSTART" and not block.dtstart:
                block.dtstart = split_line(line)[2].strip()
            elif name == "SUMMARY" and not block.summary:
                block.summary = split_line(line)[2]


def group_blocks(split_file: SplitFile, window_start: date, window_end: date) -> list[Group]:
    """Group VEVENT blocks by UID and hash each group (see module docstring)."""
    groups: dict[tuple[str, str, str], Group] = {}
    synthetic_seen: dict[tuple[str, str], int] = {}
    ordered: list[Group] = []
    for block in split_file.blocks:
        info = split_file.calendars[block.calendar] if block.calendar >= 0 else CalendarInfo()
        uid = block.uid
        synthetic = not uid
        if synthetic:
            # Stable across re-imports of the same file: the n-th UID-less event with
            # this start and title always gets the same id, whatever else changes.
            key = (block.dtstart, block.summary)
            n = synthetic_seen.get(key, 0)
            synthetic_seen[key] = n + 1
            digest = hashlib.sha1(  # noqa: S324 - an id, not security
                f"{block.dtstart}\0{block.summary}\0{n}".encode()
            ).hexdigest()
            uid = f"ichigo-{digest}"
            block.uid = uid
        gkey = (uid, info.method, info.x_wr_timezone)
        group = groups.get(gkey)
        if group is None or synthetic:
            group = Group(
                index=len(ordered),
                uid=uid,
                synthetic_uid=synthetic,
                method=info.method,
                x_wr_timezone=info.x_wr_timezone,
                blocks=[],
                recurring=False,
                tzids=[],
            )
            groups[gkey] = group
            ordered.append(group)
        group.blocks.append(block)
        group.recurring = group.recurring or block.recurring
        for tzid in block.tzids:
            if tzid not in group.tzids:
                group.tzids.append(tzid)
    zone_key = local_zone_key()
    for group in ordered:
        h = hashlib.sha256()
        h.update(f"{PARSER_VERSION}\0{group.method}\0{group.x_wr_timezone}\0".encode())
        h.update(f"{zone_key}\0{group.uid}\0".encode())
        if group.recurring:
            h.update(f"{window_start.isoformat()}\0{window_end.isoformat()}\0".encode())
        for tzid in sorted(group.tzids):
            h.update(f"{tzid}\0{split_file.timezones.get(tzid, '')}\0".encode())
        for block in group.blocks:
            h.update("\n".join(block.lines).encode("utf-8", "surrogatepass"))
            h.update(b"\0\0")
        group.hash = h.hexdigest()
    return ordered
