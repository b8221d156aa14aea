"""The one place that decides when two records name the same person.

Every importer, every sync and every matcher compares addresses and profile links in
the forms made here and nowhere else (DESIGN section 2, identity). Pure functions: no
database, no I/O.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import phonenumbers

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def normalise_email(raw: str) -> str:
    """An address as Ichigo stores and compares it: trimmed, without angle brackets or a
    ``mailto:`` prefix (in any case), lower-cased. It may still not be an address (an
    invite's ``ATTENDEE:urn:...``); :func:`is_email_address` tells."""
    value = raw.strip().strip("<>").strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    return value.strip().strip("<>").strip().lower()


def is_email_address(normalised: str) -> bool:
    """One "@" with something on both sides and no white space."""
    return bool(_EMAIL.match(normalised))


def normalise_phone(raw: str, region: str | None = None) -> str:
    """A phone number as Ichigo compares it: E.164 ("+819012345678") for every way of
    writing it ("090-1234-5678" in Japan, "+81 90 1234 5678", "tel:+81-90..."). A number
    without a country code is read as one of ``region`` (ISO 3166 code such as "JP").
    "" when it cannot be a phone number, or has no country code and no region is known:
    such a number is kept as written but proves nothing."""
    value = raw.strip()
    if value[:4].lower() == "tel:":
        value = value[4:]
    try:
        number = phonenumbers.parse(value, region.upper() if region else None)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def linkedin_profile_key(url: str) -> str:
    """A key that is equal for every spelling of one LinkedIn profile URL
    ("https://www.linkedin.com/in/JoseAlvarez/", "linkedin.com/in/josealvarez?trk=x"
    -> "linkedin.com/in/josealvarez"); "" when the URL is not a LinkedIn profile."""
    try:
        parts = urlsplit(url.strip() if "//" in url else f"//{url.strip()}")
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return ""
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    if len(segments) < 2 or segments[0] not in ("in", "pub"):
        return ""
    return f"linkedin.com/{segments[0]}/{segments[1]}"


# Rooms booked as attendees without CUTYPE=ROOM: Google's resource calendars, and
# mailboxes or names that say so in the languages offices use. Names are read more
# strictly than mailboxes: "Maria Sala" is a person, "sala.reuniones@" is a room.
_ROOM_DOMAINS = ("resource.calendar.google.com",)
_ROOM_MAILBOX_WORDS = re.compile(
    r"(?<![a-z])(room|rooms|conf|conference|meetingroom|boardroom|salle|sala|raum|"
    r"besprechungsraum|konferenzraum|vergaderzaal|resource|resources)(?![a-z])",
    re.IGNORECASE,
)
_ROOM_NAME_WORDS = re.compile(
    r"(?<![a-z])(room|boardroom|meetingroom|besprechungsraum|konferenzraum|vergaderzaal)"
    r"(?![a-z])|^(salle|sala) (de|des|du|del|da)\b",
    re.IGNORECASE,
)
_ROOM_SCRIPTS = ("会議室", "会议室", "회의실", "応接室")


_MAILBOX_SEPARATORS = re.compile(r"[._+\-\d]+")
_ROOM_SCRIPT_MARKS = re.compile("|".join(_ROOM_SCRIPTS))


def looks_like_room(email: str, name: str) -> bool:
    """Whether an attendee is a place (``conf-room-4b@``, "Meeting Room 2", 会議室A)
    rather than a person."""
    return address_looks_like_room(normalise_email(email), name)


def address_looks_like_room(normalised: str, name: str) -> bool:
    """:func:`looks_like_room` for an address already in :func:`normalise_email`'s
    form (an importer reading thousands of attendees normalises each once)."""
    local, _, domain = normalised.partition("@")
    if domain.endswith(_ROOM_DOMAINS):
        return True
    if _ROOM_MAILBOX_WORDS.search(_MAILBOX_SEPARATORS.sub(" ", local)):
        return True
    if _ROOM_NAME_WORDS.search(name.strip()):
        return True
    return _ROOM_SCRIPT_MARKS.search(name) is not None or (
        _ROOM_SCRIPT_MARKS.search(local) is not None
    )
