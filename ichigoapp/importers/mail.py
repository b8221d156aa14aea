"""Invitations inside e-mail: messages (.eml), mbox files and Maildir folders.

Only the standard library: ``email`` (policy ``default``) finds every ``text/calendar``
part and ``.ics`` attachment at any depth (alternatives, mixed, a forwarded
``message/rfc822``), decoded by its transfer encoding and charset; ``mailbox`` reads
mailboxes one message at a time. Mail bodies are never kept: only the calendar parts
leave this module. No database, no Qt.

What a file is comes from its bytes, never its name (:func:`sniff`): a calendar, a
message, an mbox, an Outlook ``.msg`` (not read: its format needs a library whose licence
does not fit Ichigo's), or something else, which is refused.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path

from ichigoapp.errors import ImportFailed
from ichigoapp.i18n import _

# Beyond these a message is refused (a bomb of parts) or a part skipped (a huge one).
MAX_PARTS = 500
MAX_DEPTH = 20
MAX_CALENDAR_PART_BYTES = 20 * 1024 * 1024
MAX_MESSAGE_BYTES = 60 * 1024 * 1024

_CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar")
# A cheap look before a message is parsed at all: no invite can hide without these.
_MAYBE_INVITE = re.compile(rb"text/calendar|application/ics|\.ics\b|BEGIN:VCALENDAR", re.I)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]?[^\r\n]*\r?\n", re.M)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Kind(StrEnum):
    CALENDAR = "calendar"
    MESSAGE = "message"
    MBOX = "mbox"
    MAILDIR = "maildir"
    OUTLOOK_MSG = "outlook-msg"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CalendarPart:
    """One calendar found in a message, as bytes ready for the calendar reader."""

    data: bytes
    method: str  # the part's ``method`` parameter, upper case, or ""


@dataclass
class MessageInvites:
    subject: str
    date: datetime | None
    parts: list[CalendarPart] = field(default_factory=list)


def sniff(path: Path) -> Kind:
    """What ``path`` holds, from its content (a folder: a Maildir or nothing)."""
    if path.is_dir():
        return Kind.MAILDIR if (path / "cur").is_dir() and (path / "new").is_dir() else Kind.UNKNOWN
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> Kind:
    if head.startswith(_OLE2):
        return Kind.OUTLOOK_MSG
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16, as some Windows tools write
        head = head.decode("utf-16", "ignore").encode("utf-8")
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    upper = text[:200].upper()
    if upper.startswith((b"BEGIN:VCALENDAR", b"BEGIN:VEVENT")):
        return Kind.CALENDAR
    if text.startswith(b"From ") and b"\n" in text:
        second = text.split(b"\n", 1)[1]
        if _HEADER_LINE.match(second):
            return Kind.MBOX
    if _looks_like_headers(text):
        return Kind.MESSAGE
    if not text or b"BEGIN:" in text[: 64 * 1024].upper():
        # Calendar-like (a bare VTIMEZONE, a vendor wrapper) or empty: the calendar
        # reader decides, and says why when it cannot.
        return Kind.CALENDAR
    return Kind.UNKNOWN


def _looks_like_headers(text: bytes) -> bool:
    """RFC 5322: header lines up to a blank line, with the fields a message has."""
    end = re.search(rb"\r?\n\r?\n", text)
    block = text[: end.start() + 1] if end else text
    names = set()
    for line in block.splitlines():
        if not line or line[:1] in (b" ", b"\t"):
            continue  # a folded continuation
        name, colon, _ = line.partition(b":")
        if not colon or not re.fullmatch(rb"[!-9;-~]+", name):
            return False
        names.add(name.lower())
    return bool(names & {b"from", b"date", b"subject", b"message-id", b"mime-version"}) and bool(
        names & {b"from", b"to", b"content-type", b"mime-version"}
    )


def read_message(data: bytes, name: str = "") -> MessageInvites:
    """Every calendar part of one RFC 5322 message (``name`` for messages about it)."""
    name = name or _("the message")
    if len(data) > MAX_MESSAGE_BYTES:
        raise ImportFailed(
            _("{name} is {size} MB; messages larger than {limit} MB are not read").format(
                name=name,
                size=len(data) // (1024 * 1024),
                limit=MAX_MESSAGE_BYTES // (1024 * 1024),
            )
        )
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this is a bug or a pathology
        raise ImportFailed(
            _("{name} could not be read as an e-mail message").format(name=name)
        ) from exc
    found = MessageInvites(subject=_header(message, "subject"), date=_date(message))
    if not _MAYBE_INVITE.search(data):
        return found
    for count, (part, depth) in enumerate(_walk(message, 0), start=1):
        if count > MAX_PARTS:
            raise ImportFailed(
                _("{name} has more than {limit} parts; not read").format(name=name, limit=MAX_PARTS)
            )
        if depth > MAX_DEPTH:
            raise ImportFailed(
                _("{name} nests parts more than {limit} deep; not read").format(
                    name=name, limit=MAX_DEPTH
                )
            )
        calendar = _calendar_part(part)
        if calendar is not None:
            found.parts.append(calendar)
    return found


def _walk(part: Message, depth: int) -> Iterator[tuple[Message, int]]:
    """Every part, depth first, with its depth (``Message.walk`` does not say it, and
    recursion is bounded here, not by Python's stack)."""
    stack = [(part, depth)]
    while stack:
        current, level = stack.pop()
        yield current, level
        if level > MAX_DEPTH:
            continue
        if current.is_multipart():
            children = current.get_payload()
            if isinstance(children, list):
                stack.extend(
                    (child, level + 1) for child in reversed(children) if isinstance(child, Message)
                )


def _calendar_part(part: Message) -> CalendarPart | None:
    content_type = part.get_content_type()
    filename = (part.get_filename() or "").lower()
    if content_type not in _CALENDAR_TYPES and not filename.endswith((".ics", ".ical", ".vcs")):
        return None
    if part.is_multipart():
        return None
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return None
    if len(payload) > MAX_CALENDAR_PART_BYTES:
        return None  # no real invitation is this big
    charset = part.get_content_charset()
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
        # An unknown charset, bytes it cannot decode, or a name no codec lookup accepts
        # (a NUL in it raises ValueError): then the calendar is read leniently.
        with contextlib.suppress(LookupError, ValueError):
            payload = payload.decode(charset).encode("utf-8")
    method = str(part.get_param("method", "") or "").strip().upper()
    return CalendarPart(payload, method)


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name, "")
        return " ".join(str(value).split())
    except Exception:  # a header so broken the parser gives up on it
        return ""


def _date(message: Message) -> datetime | None:
    raw = _header(message, "date")
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def invites_in_mailbox(path: Path, kind: Kind) -> tuple[int, list[MessageInvites]]:
    """How many messages were looked at, and the ones with invitations in date order
    (updates and cancellations then land after what they change)."""
    seen = 0
    found: list[tuple[datetime, int, MessageInvites]] = []
    box: mailbox.Mailbox[mailbox.Message] = (
        mailbox.mbox(path, create=False)
        if kind == Kind.MBOX
        else mailbox.Maildir(path, create=False)
    )
    try:
        for n, key in enumerate(box.iterkeys(), start=1):
            seen += 1
            data = box.get_bytes(key)
            if not _MAYBE_INVITE.search(data):
                continue
            try:
                invites = read_message(data, f"message {n} of {path.name}")
            except ImportFailed:
                continue  # one broken message does not stop the mailbox
            if invites.parts:
                when = invites.date or datetime.min.replace(tzinfo=UTC)
                found.append((when, n, invites))
    finally:
        box.close()
    found.sort(key=lambda item: (item[0], item[1]))
    return seen, [invites for _when, _n, invites in found]
