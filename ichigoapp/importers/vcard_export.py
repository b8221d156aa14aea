"""Write contacts as vCard 4.0 (RFC 6350): CRLF, folded at 75 octets, TEXT escaped.

What comes out reads back through :mod:`ichigoapp.importers.vcard` with the same names,
e-mails, phones, company, title, notes, links, tags, birthday and photo, and what
Ichigo adds (pronouns as RFC 9554's PRONOUNS; pronunciation, how-we-met, met-on,
interests, personal details and keep-in-touch cadence as X-ICHIGO-* properties).
Labels that are not vCard TYPE values ("linkedin", "assistant") are written the way
Apple Contacts does, as a grouped ``X-ABLabel``, which Apple, Google and Thunderbird
all show.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Iterator

from ichigoapp.importers.birthday import birthday_vcard
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.vcard import (
    X_CONNECTED_ON,
    X_DETAIL,
    X_DETAIL_LABEL,
    X_EXTRA,
    X_EXTRA_KEY,
    X_HOW_WE_MET,
    X_INTERESTS,
    X_KEEP_IN_TOUCH,
    X_MET_ON,
    X_MET_THROUGH,
    X_PRONUNCIATION,
    CardError,
    read_content_line,
)

_CRLF = "\r\n"
_FOLD_OCTETS = 75
PRODID = "-//Ichigo//Ichigo contacts//EN"

# Labels that are TYPE values in RFC 6350 for each property (after "mobile" -> "cell").
EMAIL_TYPES = {"home", "work"}
TEL_TYPES = {"home", "work", "cell", "voice", "fax", "video", "pager", "text", "textphone"}
URL_TYPES = {"home", "work"}

# Properties this module writes from the record's fields: an `extra` line with one of
# these names would duplicate or contradict them.
_GENERATED = {
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "FN",
    "N",
    "EMAIL",
    "TEL",
    "URL",
    "X-SOCIALPROFILE",
    "ORG",
    "TITLE",
    "NOTE",
    "CATEGORIES",
    "PHOTO",
    "PRONOUNS",
    X_CONNECTED_ON,
    X_EXTRA,
    X_PRONUNCIATION,
    X_HOW_WE_MET,
    X_MET_ON,
    X_INTERESTS,
    X_DETAIL,
    X_KEEP_IN_TOUCH,
}
_PROPERTY_NAME = re.compile(r"[A-Za-z0-9-]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    """TEXT escaping (RFC 6350 3.4): backslash, comma, semicolon, newline."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _param(value: str) -> str:
    """A parameter value; DQUOTE cannot be escaped in vCard, so it becomes a quote mark."""
    value = _CONTROL.sub("", value.replace('"', "'").replace("\n", " ").replace("\r", " "))
    return f'"{value}"' if any(ch in value for ch in ",;:") else value


def fold(line: str) -> str:
    """Fold one content line at 75 octets without splitting a UTF-8 sequence."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8", "surrogatepass"))
        if size + width > _FOLD_OCTETS:
            pieces.append("".join(current))
            current = [" "]  # the continuation's leading space counts toward its 75
            size = 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return _CRLF.join(pieces) + _CRLF


def _image_type(photo: bytes) -> str:
    if photo.startswith(b"\x89PNG"):
        return "image/png"
    if photo.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if photo.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if photo[:4] == b"RIFF" and photo[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


class _Groups:
    """Hands out group names for Apple-style labels. "ichigo" avoids clashing with the
    "itemN" groups that raw lines kept in `extra` may carry."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"ichigo{self.count}"


def labelled(
    name: str, value: str, label: str, types: set[str], next_group: Callable[[], str]
) -> list[str]:
    """A property with its label: as TYPE when vCard has the words, else as Apple's
    grouped X-ABLabel (with a group name from ``next_group``)."""
    tokens = ["cell" if t == "mobile" else t for t in label.split()]
    if not tokens:
        return [f"{name}:{value}"]
    if all(t in types for t in tokens):
        return [f"{name};TYPE={_param(','.join(tokens))}:{value}"]
    group = next_group()
    return [f"{group}.{name}:{value}", f"{group}.X-ABLabel:{escape_text(label)}"]


def _extra_lines(key: str, value: str, record: ContactRecord) -> list[str]:
    """Raw vCard lines kept by the importer go back verbatim; anything else (a CSV
    column, a line that no longer parses) is carried in X-ICHIGO-EXTRA."""
    if key == "department":
        return []  # written inside ORG
    if _PROPERTY_NAME.fullmatch(key) and key.upper() not in _GENERATED:
        lines = [_CONTROL.sub("", line) for line in value.split("\n")]
        try:
            parsed = [read_content_line(line, 0) for line in lines]
        except CardError:
            parsed = []
        if parsed and all(line.name == key.upper() for line in parsed):
            if key.upper() == "BDAY" and record.birthday is not None:
                return []
            if key.upper() == X_MET_THROUGH and record.met_through:
                return []
            return lines
    return [f"{X_EXTRA};{X_EXTRA_KEY}={_param(key)}:{escape_text(value)}"]


def _ichigo_lines(record: ContactRecord) -> Iterator[str]:
    """What the user wrote in Ichigo that vCard has no property for."""
    for name, value in (
        ("PRONOUNS", record.pronouns),
        (X_PRONUNCIATION, record.pronunciation),
        (X_HOW_WE_MET, record.how_we_met),
        (X_MET_THROUGH, record.met_through),
    ):
        if value:
            yield f"{name}:{escape_text(value)}"
    if record.met_on is not None:
        yield f"{X_MET_ON}:{record.met_on:%Y-%m-%d}"
    if record.interests:
        yield f"{X_INTERESTS}:" + ",".join(escape_text(i) for i in record.interests)
    for label, value in record.details:
        param = f";{X_DETAIL_LABEL}={_param(label)}" if label else ""
        yield f"{X_DETAIL}{param}:{escape_text(value)}"
    if record.keep_in_touch_days:
        yield f"{X_KEEP_IN_TOUCH}:{record.keep_in_touch_days}"


def _card_lines(record: ContactRecord) -> Iterator[str]:
    groups = _Groups()
    yield "BEGIN:VCARD"
    yield "VERSION:4.0"
    yield f"PRODID:{PRODID}"
    yield f"FN:{escape_text(record.display_name)}"
    if record.given_name or record.family_name:
        yield f"N:{escape_text(record.family_name)};{escape_text(record.given_name)};;;"
    department = record.extra.get("department", "")
    if record.company or department:
        org = escape_text(record.company)
        yield f"ORG:{org};{escape_text(department)}" if department else f"ORG:{org}"
    if record.title:
        yield f"TITLE:{escape_text(record.title)}"
    for address, label in record.emails:
        yield from labelled("EMAIL", escape_text(address), label, EMAIL_TYPES, groups.next)
    for number, label in record.phones:
        yield from labelled("TEL", escape_text(number), label, TEL_TYPES, groups.next)
    for url, label in record.links:
        # URI values are not TEXT: a comma in a URL is not escaped.
        yield from labelled("URL", _CONTROL.sub("", url), label, URL_TYPES, groups.next)
    if record.location and "ADR" not in {key.upper() for key in record.extra}:
        yield f"ADR:;;;{escape_text(record.location)};;;"
    if record.birthday is not None:
        yield f"BDAY:{birthday_vcard(record.birthday)}"
    if record.connected_on is not None:
        yield f"{X_CONNECTED_ON}:{record.connected_on:%Y-%m-%d}"
    if record.tags:
        yield "CATEGORIES:" + ",".join(escape_text(tag) for tag in record.tags)
    if record.notes:
        yield f"NOTE:{escape_text(record.notes)}"
    yield from _ichigo_lines(record)
    for key, value in record.extra.items():
        yield from _extra_lines(key, value, record)
    if record.photo:
        encoded = base64.b64encode(record.photo).decode("ascii")
        yield f"PHOTO:data:{_image_type(record.photo)};base64,{encoded}"
    yield "END:VCARD"


def export_vcards(records: Iterable[ContactRecord]) -> str:
    """All records as one vCard 4.0 text (CRLF line ends, folded, escaped)."""
    return "".join(fold(line) for record in records for line in _card_lines(record))
