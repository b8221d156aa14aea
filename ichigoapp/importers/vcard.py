"""vCard 2.1, 3.0 and 4.0 (Apple Contacts, Google, Outlook, Thunderbird, phones).

Line unfolding, quoted-printable, parameter and group parsing are vobject's
(``getLogicalLines`` and ``textLineToContentLine``). We stop below vobject's component
layer on purpose:

* its vCard behaviour treats every card as 3.0 and splits every text value at unescaped
  commas, keeping only the first part, which cuts ``data:`` photo URIs, URLs and notes;
* ``readComponents`` gives up on the whole file at the first bad card, and we want to
  skip that one card and import the rest.

So cards are framed here (BEGIN/END) and values are unescaped per property type.

vobject's content-line regex backtracks exponentially on some malformed parameter lists
(``A;B=,,,,,,,,,,,,,,,,,,,,,,,,"``), so each line is first checked with a possessive
(linear) pattern of the same grammar; only lines that pass reach vobject.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote_to_bytes

from vobject.base import ContentLine, VObjectError, getLogicalLines, textLineToContentLine

from ichigoapp.i18n import _
from ichigoapp.importers.birthday import NO_YEAR, parse_birthday
from ichigoapp.importers.contact_fields import clean_label, join_nonempty, parse_iso_date
from ichigoapp.importers.contact_types import (
    SOURCE_VCARD,
    ContactParseResult,
    ContactRecord,
    SkippedRow,
)
from ichigoapp.importers.normalise import is_email_address, normalise_email

# group.NAME;PARAM=v,"v";PARAM: the same grammar as vobject's, but possessive, so a line
# that does not match fails in linear time. Only the part before the value is checked.
_SAFE_LINE = re.compile(
    r"(?:[A-Za-z0-9_-]++\.)?[A-Za-z0-9_-]++"
    r'(?:;[A-Za-z0-9_-]++(?:[=,](?:"[^"]*+"|[^";:,]*+))*+)*+:'
)
_BEGIN = "BEGIN:VCARD"
_END = "END:VCARD"

# TYPE values that say how, not which: they are not labels a user would recognise.
_NOT_LABELS = {"internet", "pref", "voice", "x400", "msg", "text", "uri", "x-internet"}
_TYPE_RENAMES = {"cell": "mobile"}

# Properties with a field of their own, or that are only the file's bookkeeping.
_DROPPED = {"VERSION", "PRODID", "BEGIN", "END"}

# Ichigo's own properties, written by vcard_export so a round trip keeps these fields.
X_CONNECTED_ON = "X-ICHIGO-CONNECTED-ON"
X_EXTRA = "X-ICHIGO-EXTRA"
X_EXTRA_KEY = "X-KEY"
X_PRONUNCIATION = "X-ICHIGO-PRONUNCIATION"
# Readings as iOS, macOS and Android write them.
X_PHONETIC_FAMILY = "X-PHONETIC-LAST-NAME"
X_PHONETIC_GIVEN = "X-PHONETIC-FIRST-NAME"
X_HOW_WE_MET = "X-ICHIGO-HOW-WE-MET"
X_MET_ON = "X-ICHIGO-MET-ON"
X_MET_THROUGH = "X-ICHIGO-MET-THROUGH"
X_INTERESTS = "X-ICHIGO-INTERESTS"
X_DETAIL = "X-ICHIGO-DETAIL"
X_DETAIL_LABEL = "X-LABEL"
X_KEEP_IN_TOUCH = "X-ICHIGO-KEEP-IN-TOUCH-DAYS"


class CardError(Exception):
    """One card cannot be read; its message is the SkippedRow reason."""


@dataclass(slots=True)
class _Line:
    """A content line with its value still vCard-escaped."""

    number: int
    raw: str
    group: str  # upper-case, "" when ungrouped
    name: str  # upper-case
    params: dict[str, list[str]]
    types: list[str]  # TYPE values and vCard 2.1 bare parameters, lower-case
    value: str


# --- value decoding ----------------------------------------------------------------------


def _split_unescaped(value: str, separator: str) -> list[str]:
    """Split at separators not preceded by a backslash, leaving escapes in place."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in value:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def unescape_text(value: str) -> str:
    r"""vCard TEXT unescaping: ``\n`` -> newline, ``\,`` ``\;`` ``\\`` -> the character.
    An unknown escape keeps its character, as most readers do."""
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        following = next(chars, "")
        out.append("\n" if following in ("n", "N") else following)
    return "".join(out)


def _components(value: str) -> list[str]:
    """The ';'-separated parts of N, ADR and ORG, unescaped."""
    return [unescape_text(part) for part in _split_unescaped(value, ";")]


def _text_list(value: str) -> list[str]:
    """The ','-separated values of CATEGORIES, unescaped."""
    return [unescape_text(part) for part in _split_unescaped(value, ",")]


def _decode_photo(line: _Line) -> bytes | None:
    """The image bytes of a PHOTO line, or None when it is a link or is broken.

    Accepts 3.0 ``ENCODING=b``, Apple's bare ``BASE64`` and 4.0 ``data:`` URIs. A photo
    that does not decode is dropped, never the card.
    """
    value = "".join(line.value.split())
    encoding = {v.lower() for v in line.params.get("ENCODING", [])}
    try:
        if value.lower().startswith("data:"):
            head, _, payload = value.partition(",")
            if ";base64" in head.lower():
                data = base64.b64decode(payload, validate=True)
            else:
                data = unquote_to_bytes(payload)
        elif encoding & {"b", "base64"} or "base64" in line.types:
            data = base64.b64decode(value, validate=True)
        else:
            return None
    except (binascii.Error, ValueError):
        return None
    return data or None


def _parse_bday(line: _Line) -> date | None:
    """The birthday, with or without a year (``--0415``; Apple writes its year 1604 with
    X-APPLE-OMIT-YEAR), or None when it is not a date (the line then stays in ``extra``)."""
    birthday = parse_birthday(unescape_text(line.value))
    if birthday is not None and "X-APPLE-OMIT-YEAR" in line.params:
        return birthday.replace(year=NO_YEAR)
    return birthday


# --- card framing ------------------------------------------------------------------------


def _logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """Unfolded lines with their first physical line number.

    vobject's quoted-printable-aware reader re-reads the growing line on every folded
    continuation (quadratic on a folded photo), so it is only used when the file has
    quoted-printable values at all (vCard 2.1).
    """
    allow_qp = "QUOTED-PRINTABLE" in text.upper()
    for line, number in getLogicalLines(io.StringIO(text), allow_qp):
        yield line.rstrip("\r\n"), max(number, 1)


def read_content_line(raw: str, number: int) -> _Line:
    if not _SAFE_LINE.match(raw):
        raise CardError(
            _("line {number} is not a vCard property: {text}").format(
                number=number, text=_snippet(raw)
            )
        )
    try:
        content: ContentLine = textLineToContentLine(raw, number)
    except VObjectError as exc:
        raise CardError(
            _("line {number} is not a vCard property: {text}").format(
                number=number, text=_snippet(raw)
            )
        ) from exc
    except (UnicodeDecodeError, LookupError, ValueError) as exc:
        # quoted-printable with a CHARSET Python does not know, or bytes that are not it
        raise CardError(
            _("line {number} has text in an unknown encoding").format(number=number)
        ) from exc
    params: dict[str, list[str]] = {
        str(key).upper(): [str(v) for v in values] for key, values in content.params.items()
    }
    types: list[str] = []
    for value in [*params.get("TYPE", []), *(str(p) for p in content.singletonparams)]:
        types.extend(part.strip().lower() for part in value.split(",") if part.strip())
    return _Line(
        number=number,
        raw=raw,
        group=(content.group or "").upper(),
        name=str(content.name).upper(),
        params=params,
        types=types,
        value=str(content.value),
    )


def _snippet(raw: str, limit: int = 40) -> str:
    shown = raw if len(raw) <= limit else raw[: limit - 1] + "…"
    return repr(shown)


@dataclass(slots=True)
class _RawCard:
    number: int
    lines: list[tuple[str, int]]


def _frame_cards(text: str) -> Iterator[_RawCard]:
    """Group the logical lines into cards. Lines outside BEGIN/END are ignored; a card
    cut short (no END, or a new BEGIN first) still yields what it has."""
    current: list[tuple[str, int]] | None = None
    count = 0
    for raw, number in _logical_lines(text):
        marker = raw.strip().upper().replace(" ", "")
        if marker == _BEGIN:
            if current is not None:
                yield _RawCard(count, current)
            count += 1
            current = []
        elif marker == _END:
            if current is not None:
                yield _RawCard(count, current)
            current = None
        elif current is not None:
            current.append((raw, number))
    if current is not None:
        yield _RawCard(count, current)


# --- one card to one record --------------------------------------------------------------


def _label(line: _Line, group_labels: dict[str, str]) -> str:
    """Apple's X-ABLabel for the line's group wins; else its TYPE values."""
    if line.group and line.group in group_labels:
        return group_labels[line.group]
    kept = [_TYPE_RENAMES.get(t, t) for t in line.types if t not in _NOT_LABELS]
    # "home" and "work" come first so that TYPE=fax,work reads "work fax".
    kept.sort(key=lambda t: (t not in ("home", "work"),))
    return " ".join(dict.fromkeys(kept))


def _extra_line(line: _Line) -> str:
    """The line as it was, for ``extra``; a folded quoted-printable value keeps no raw
    newlines so each entry stays one line."""
    return line.raw.replace("\r\n", "\\n").replace("\n", "\\n")


def _record_from_lines(lines: list[_Line]) -> ContactRecord:
    group_labels = {
        line.group: clean_label(unescape_text(line.value))
        for line in lines
        if line.name == "X-ABLABEL" and line.group
    }
    used_groups: set[str] = set()
    record = ContactRecord(display_name="")
    formatted_name = ""
    name_parts: list[str] = []
    org: list[str] = []
    notes: list[str] = []
    locations: list[str] = []

    for line in lines:
        name = line.name
        label_used = True
        if name == "FN":
            formatted_name = formatted_name or unescape_text(line.value).strip()
        elif name == "N" and not name_parts:
            name_parts = [part.strip() for part in _components(line.value)]
        elif name == "EMAIL":
            address = unescape_text(line.value)
            record.add_email(address, _label(line, group_labels))
            if not is_email_address(normalise_email(address)):
                record.add_extra(name, _extra_line(line))  # not an address; keep it
        elif name == "TEL":
            number = unescape_text(line.value).strip()
            if number.lower().startswith("tel:"):  # vCard 4.0 VALUE=uri
                number = number[len("tel:") :]
            record.add_phone(number, _label(line, group_labels))
        elif name in ("URL", "X-SOCIALPROFILE"):
            record.add_link(unescape_text(line.value), _label(line, group_labels))
        elif name == "ORG" and not org:
            org = [part.strip() for part in _components(line.value)]
        elif name == "TITLE" and not record.title:
            record.title = unescape_text(line.value).strip()
        elif name == "NOTE":
            notes.append(unescape_text(line.value).strip())
        elif name == "CATEGORIES":
            for tag in _text_list(line.value):
                record.add_tag(tag)
        elif name == "BDAY" and record.birthday is None and _parse_bday(line) is not None:
            record.birthday = _parse_bday(line)
        elif name == "PHOTO" and record.photo is None and _decode_photo(line) is not None:
            record.photo = _decode_photo(line)
        elif name == "PHOTO" and _is_photo_link(line):
            record.add_extra(name, _extra_line(line))  # a URL is worth keeping; data is not
        elif name == "PHOTO":
            pass  # a broken or second photo: dropped, the card still imports
        elif name == X_CONNECTED_ON:
            record.connected_on = parse_iso_date(unescape_text(line.value))
        elif name in _ICHIGO_FIELDS and _read_ichigo_field(record, line):
            pass
        elif name == X_EXTRA and line.params.get(X_EXTRA_KEY):
            record.add_extra(line.params[X_EXTRA_KEY][0], unescape_text(line.value))
        elif name == "X-ABLABEL" and line.group:
            continue  # attached to another line; kept with it if that one is kept
        elif name in _DROPPED:
            continue
        else:
            label_used = False
            if name == "ADR":
                parts = _components(line.value) + [""] * 7
                locations.append(join_nonempty([parts[3], parts[4], parts[6]], ", "))
                if not line.group and not line.params and not any(parts[:3] + parts[4:]):
                    continue  # only a place name, as vcard_export writes `location`
            record.add_extra(name, _extra_line(line))
        if label_used and line.group:
            used_groups.add(line.group)

    # A label whose line went to `extra` goes with it, so the pair can be written back.
    for line in lines:
        if line.name == "X-ABLABEL" and line.group and line.group not in used_groups:
            record.add_extra(line.name, _extra_line(line))

    given = join_nonempty(name_parts[1:3]) if len(name_parts) > 1 else ""
    family = name_parts[0] if name_parts else ""
    if not record.pronunciation:
        # The reading phones and Apple Contacts keep (a Japanese name's yomigana), family
        # name first as readings are written; the lines also stay in `extra`.
        phonetic = {
            line.name: unescape_text(line.value).strip()
            for line in lines
            if line.name in (X_PHONETIC_FAMILY, X_PHONETIC_GIVEN)
        }
        record.pronunciation = join_nonempty(
            [phonetic.get(X_PHONETIC_FAMILY, ""), phonetic.get(X_PHONETIC_GIVEN, "")]
        )
    record.given_name = given
    record.family_name = family
    if org:
        record.company = org[0]
        department = join_nonempty(org[1:], ", ")
        if department:
            record.extra["department"] = department
    record.notes = "\n\n".join(note for note in notes if note)
    record.location = next((loc for loc in locations if loc), "")
    prefix = name_parts[3] if len(name_parts) > 3 else ""
    suffix = name_parts[4] if len(name_parts) > 4 else ""
    record.display_name = (
        formatted_name
        or join_nonempty([prefix, given, family, suffix])
        or record.company
        or (record.emails[0][0] if record.emails else "")
        or (record.phones[0][0] if record.phones else "")
    )
    return record


# Text properties that are one field each (PRONOUNS is RFC 9554's).
_ICHIGO_TEXT = {
    "PRONOUNS": "pronouns",
    X_PRONUNCIATION: "pronunciation",
    X_HOW_WE_MET: "how_we_met",
}
_ICHIGO_FIELDS = {*_ICHIGO_TEXT, X_MET_ON, X_INTERESTS, X_DETAIL, X_KEEP_IN_TOUCH}


def _read_ichigo_field(record: ContactRecord, line: _Line) -> bool:
    """Fill the record's field from one of Ichigo's properties; False when the value
    does not fit (the line then stays in ``extra``, so nothing is lost)."""
    text = unescape_text(line.value).strip()
    if line.name in _ICHIGO_TEXT:
        attr = _ICHIGO_TEXT[line.name]
        if text and not getattr(record, attr):
            setattr(record, attr, text)
            return True
        return not text
    if line.name == X_MET_ON:
        record.met_on = record.met_on or parse_iso_date(text)
        return record.met_on is not None
    if line.name == X_INTERESTS:
        record.interests += [i for i in _text_list(line.value) if i not in record.interests]
        return True
    if line.name == X_DETAIL:
        label = " ".join(line.params.get(X_DETAIL_LABEL, []))
        if text and (label, text) not in record.details:
            record.details.append((label, text))
        return True
    if text.isdigit() and 0 < int(text) <= 3650:  # X_KEEP_IN_TOUCH: days, up to ten years
        record.keep_in_touch_days = int(text)
        return True
    return False


def _is_photo_link(line: _Line) -> bool:
    value = line.value.strip().lower()
    return value.startswith(("http://", "https://")) or "uri" in (
        v.lower() for v in line.params.get("VALUE", [])
    )


def _parse_card(card: _RawCard) -> ContactRecord:
    lines = [read_content_line(raw, number) for raw, number in card.lines]
    record = _record_from_lines(lines)
    if not record.display_name:
        raise CardError(_("no name, e-mail address, phone or company"))
    return record


def parse_vcards(text: str) -> ContactParseResult:
    """Every card in a decoded vCard file. A card that cannot be read becomes a
    SkippedRow ("card 3") and the others still import."""
    records: list[ContactRecord] = []
    skipped: list[SkippedRow] = []
    for card in _frame_cards(text):
        where = _("card {number}").format(number=card.number)
        try:
            records.append(_parse_card(card))
        except CardError as exc:
            skipped.append(SkippedRow(where, str(exc)))
        except Exception as exc:
            # vobject is third-party code fed hostile input: whatever it raises for one
            # card must not lose the others, and must not escape to the caller.
            skipped.append(
                SkippedRow(
                    where, _("could not be read ({problem})").format(problem=type(exc).__name__)
                )
            )
    return ContactParseResult(SOURCE_VCARD, records, skipped)
