"""Change the shareable fields of a vCard someone else wrote, and nothing else.

An address book's card belongs to the phone as much as to Ichigo: it holds what Ichigo
does not understand (Apple's ``item1.X-ABLabel`` groups, ``X-SOCIALPROFILE``, IMPP,
custom phone labels, a photo, notes, categories). When Ichigo changes a card it rewrites
only the properties of the fields that changed; every other line goes back byte for
byte, folding included. New cards are written in the version the server asked for.

The shareable fields (:class:`Shared`) are what a contact and a card have in common:
names, e-mails, phones, company, title, links, birthday, photo, address, pronouns.
Notes, personal details and everything else Ichigo holds are not among them and are
never written here.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from ichigoapp.i18n import _
from ichigoapp.importers.birthday import NO_YEAR, birthday_vcard, has_year
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.normalise import normalise_email
from ichigoapp.importers.vcard import (
    CardError,
    parse_vcards,
    read_content_line,
    unescape_text,
)
from ichigoapp.importers.vcard_export import (
    EMAIL_TYPES,
    TEL_TYPES,
    URL_TYPES,
    _image_type,
    escape_text,
    fold,
    labelled,
)

SCALARS = (
    "display_name",
    "given_name",
    "family_name",
    "company",
    "title",
    "location",
    "pronouns",
    "birthday",
    "photo",
)
LISTS = ("emails", "phones", "links")
VERSIONS = ("3.0", "4.0")

# The properties each field is written to (links also read X-SOCIALPROFILE).
_PROPERTIES: dict[str, tuple[str, ...]] = {
    "display_name": ("FN",),
    "given_name": ("N",),
    "family_name": ("N",),
    "company": ("ORG",),
    "title": ("TITLE",),
    "location": ("ADR",),
    "pronouns": ("PRONOUNS",),
    "birthday": ("BDAY",),
    "photo": ("PHOTO",),
    "emails": ("EMAIL",),
    "phones": ("TEL",),
    "links": ("URL", "X-SOCIALPROFILE"),
}


@dataclass(frozen=True)
class Shared:
    """The fields a contact and a card share, comparable: the birthday as its vCard 4
    value, the photo as the SHA-256 of its bytes, lists as their values in order."""

    display_name: str = ""
    given_name: str = ""
    family_name: str = ""
    company: str = ""
    title: str = ""
    location: str = ""
    pronouns: str = ""
    birthday: str = ""
    photo: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Shared | None:
        if not text:
            return None
        data: dict[str, Any] = json.loads(text)
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {
            k: tuple(v) if k in LISTS else v for k, v in data.items() if k in names
        }
        return cls(**values)


def photo_digest(photo: bytes | None) -> str:
    return hashlib.sha256(photo).hexdigest() if photo else ""


def phone_value(number: str) -> str:
    number = " ".join(number.split())
    return number[len("tel:") :] if number.lower().startswith("tel:") else number


def shared_of(record: ContactRecord) -> Shared:
    """The shareable fields of a card read by :func:`parse_vcards` (or of a contact put
    in the same shape)."""
    return Shared(
        display_name=record.display_name.strip(),
        given_name=record.given_name.strip(),
        family_name=record.family_name.strip(),
        company=record.company.strip(),
        title=record.title.strip(),
        location=record.location.strip(),
        pronouns=record.pronouns.strip(),
        birthday=birthday_vcard(record.birthday) if record.birthday else "",
        photo=photo_digest(record.photo),
        emails=tuple(dict.fromkeys(e for e, _ in record.emails)),
        phones=tuple(dict.fromkeys(phone_value(p) for p, _ in record.phones)),
        links=tuple(dict.fromkeys(u.strip() for u, _ in record.links)),
    )


def read_card(text: str) -> ContactRecord:
    """The one card of an address book member; CardError when it is not one."""
    parsed = parse_vcards(text)
    if not parsed.records:
        raise CardError(parsed.skipped[0].reason if parsed.skipped else _("not a vCard"))
    return parsed.records[0]


@dataclass
class Delta:
    """What one side changed since the version both agreed on: scalar fields with their
    new value, list values added and removed."""

    scalars: dict[str, str] = field(default_factory=dict)
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, set[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.scalars or any(self.added.values()) or any(self.removed.values()))

    def fields(self) -> set[str]:
        return (
            set(self.scalars)
            | {k for k, v in self.added.items() if v}
            | {k for k, v in self.removed.items() if v}
        )

    def destructive(self, before: Shared) -> bool:
        """Whether applying it replaces or removes a value ``before`` held."""
        if any(self.removed.get(name) for name in LISTS):
            return True
        return any(getattr(before, name) for name in self.scalars)


def delta(base: Shared, now: Shared) -> Delta:
    out = Delta()
    for name in SCALARS:
        if getattr(now, name) != getattr(base, name):
            out.scalars[name] = getattr(now, name)
    for name in LISTS:
        old, new = getattr(base, name), getattr(now, name)
        out.added[name] = [v for v in new if v not in old]
        out.removed[name] = {v for v in old if v not in new}
    return out


def without(change: Delta, other: Delta) -> Delta:
    """``change`` less the scalar fields ``other`` also changed (to another value): on a
    true conflict the first side's value stands."""
    return replace(
        change,
        scalars={
            k: v
            for k, v in change.scalars.items()
            if k not in other.scalars or other.scalars[k] == v
        },
    )


def apply_delta(shared: Shared, change: Delta) -> Shared:
    values: dict[str, object] = dict(change.scalars)
    for name in LISTS:
        kept = [v for v in getattr(shared, name) if v not in change.removed.get(name, set())]
        kept += [v for v in change.added.get(name, []) if v not in kept]
        values[name] = tuple(kept)
    return replace(shared, **values)  # type: ignore[arg-type]


# --- the card's lines ------------------------------------------------------------------


@dataclass
class _Physical:
    text: str  # as written, folded, with its line break
    unfolded: str


def _physical_lines(text: str) -> list[_Physical]:
    out: list[_Physical] = []
    for line in text.splitlines(keepends=True):
        if out and line[:1] in (" ", "\t"):
            out[-1].text += line
            out[-1].unfolded += line[1:].rstrip("\r\n")
        elif line.strip():
            out.append(_Physical(line, line.rstrip("\r\n")))
    return out


def _name(unfolded: str) -> tuple[str, str]:
    """(group, property name), upper-case, without parsing parameters."""
    head = unfolded.split(":", 1)[0].split(";", 1)[0]
    group, _, name = head.rpartition(".")
    return group.upper(), name.upper()


def _value_of(unfolded: str, name: str) -> str:
    """The comparable value of an EMAIL, TEL, URL or X-SOCIALPROFILE line."""
    try:
        line = read_content_line(unfolded, 0)
    except CardError:
        return ""
    text = unescape_text(line.value)
    if name == "EMAIL":
        return normalise_email(text)
    if name == "TEL":
        return phone_value(text)
    return text.strip()


def _scalar_lines(name: str, want: ContactRecord, version: str, old: str) -> list[str]:
    """The line(s) for one scalar field's property; ``old`` is the line being replaced
    (its unknown components are kept: a middle name, a department)."""
    if name == "FN":
        return [f"FN:{escape_text(want.display_name)}"]
    if name == "N":
        parts = _components(old) if old else []
        parts += [""] * (5 - len(parts))
        parts[0] = escape_text(want.family_name)
        if escape_text(want.given_name) != _joined(parts[1:3]):
            parts[1], parts[2] = escape_text(want.given_name), ""
        return [f"N:{';'.join(parts)}"]
    if name == "ORG":
        parts = _components(old) if old else []
        if not want.company and len(parts) <= 1:
            return []
        parts = parts or [""]
        parts[0] = escape_text(want.company)
        return [f"ORG:{';'.join(parts)}"]
    if name == "TITLE":
        return [f"TITLE:{escape_text(want.title)}"] if want.title else []
    if name == "ADR":
        return [f"ADR:;;;{escape_text(want.location)};;;"] if want.location else []
    if name == "PRONOUNS":
        return [f"PRONOUNS:{escape_text(want.pronouns)}"] if want.pronouns else []
    if name == "BDAY":
        return [_bday(want.birthday, version)] if want.birthday else []
    if name == "PHOTO":
        return [_photo(want.photo, version)] if want.photo else []
    raise AssertionError(name)


def _components(unfolded: str) -> list[str]:
    """The still-escaped components of a structured value (N, ORG)."""
    value = unfolded.split(":", 1)[1] if ":" in unfolded else ""
    parts: list[str] = []
    current = ""
    escaped = False
    for ch in value:
        if escaped:
            current += ch
            escaped = False
        elif ch == "\\":
            current += ch
            escaped = True
        elif ch == ";":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _joined(parts: list[str]) -> str:
    return " ".join(p for p in parts if p)


def _bday(birthday: date, version: str) -> str:
    if version == "4.0":
        return f"BDAY:{birthday_vcard(birthday)}"
    if has_year(birthday):
        return f"BDAY:{birthday:%Y-%m-%d}"
    return f"BDAY;X-APPLE-OMIT-YEAR={NO_YEAR}:{NO_YEAR}-{birthday:%m-%d}"  # as Apple writes it


def _photo(photo: bytes, version: str) -> str:
    encoded = base64.b64encode(photo).decode("ascii")
    kind = _image_type(photo)
    if version == "4.0":
        return f"PHOTO:data:{kind};base64,{encoded}"
    short = kind.split("/", 1)[1].upper() if kind.startswith("image/") else "JPEG"
    return f"PHOTO;ENCODING=b;TYPE={short}:{encoded}"


def _version(lines: list[_Physical]) -> str:
    for line in lines:
        if _name(line.unfolded)[1] == "VERSION":
            return line.unfolded.split(":", 1)[-1].strip()
    return "3.0"


def edit_card(text: str, want: ContactRecord, changed: set[str]) -> str:
    """``text`` (one vCard) with the properties of the ``changed`` fields rewritten to
    ``want``'s values; every other line exactly as it was."""
    lines = _physical_lines(text)
    version = _version(lines)
    properties = {p for name in changed for p in _PROPERTIES[name]}
    lists = {name: list_values(want, name) for name in LISTS if name in changed}
    kept: list[str] = []
    dropped_groups: set[str] = set()
    kept_groups: set[str] = set()
    present: dict[str, set[str]] = {name: set() for name in lists}
    written: set[str] = set()
    end = "END:VCARD\r\n"
    for line in lines:
        group, name = _name(line.unfolded)
        if name == "END":
            end = line.text
            continue
        if name not in properties:
            kept.append(line.text)
            if group and name != "X-ABLABEL":  # a label is kept only with its line
                kept_groups.add(group)
            continue
        field_name = next(f for f in changed if name in _PROPERTIES[f])
        if field_name in lists:
            value = _value_of(line.unfolded, name)
            if value in lists[field_name] and value not in present[field_name]:
                present[field_name].add(value)
                kept.append(line.text)
                if group:
                    kept_groups.add(group)
            elif group:
                dropped_groups.add(group)
            continue
        if name in written:
            continue  # a second FN, TITLE...: the first one is the field
        written.add(name)
        kept += [fold(new) for new in _scalar_lines(name, want, version, line.unfolded)]
    # Labels of lines that were dropped go with them.
    orphans = dropped_groups - kept_groups
    kept = [
        line
        for line in kept
        if not (_name(line.split("\n", 1)[0])[1] == "X-ABLABEL"
                and _name(line.split("\n", 1)[0])[0] in orphans)
    ]  # fmt: skip
    for name in sorted(properties - written - {"EMAIL", "TEL", "URL", "X-SOCIALPROFILE"}):
        kept += [fold(new) for new in _scalar_lines(name, want, version, "")]
    groups = _free_groups({_name(line)[0] for line in kept})
    for field_name, values in lists.items():
        for value, label in values.items():
            if value not in present[field_name]:
                kept += [fold(new) for new in _list_lines(field_name, value, label, groups)]
    return "".join(kept) + end


def list_values(want: ContactRecord, name: str) -> dict[str, str]:
    """value -> label, in the comparable form of :func:`shared_of`."""
    if name == "emails":
        return {normalise_email(e): label for e, label in want.emails}
    if name == "phones":
        return {phone_value(p): label for p, label in want.phones}
    return {u.strip(): label for u, label in want.links}


def _free_groups(used: set[str]) -> Iterator[str]:
    number = 0
    while True:
        number += 1
        if f"ICHIGO{number}" not in used:
            yield f"ichigo{number}"


def _list_lines(name: str, value: str, label: str, groups: Iterator[str]) -> list[str]:
    def group() -> str:
        return next(groups)

    if name == "emails":
        return labelled("EMAIL", escape_text(value), label, EMAIL_TYPES, group)
    if name == "phones":
        return labelled("TEL", escape_text(value), label, TEL_TYPES, group)
    return labelled("URL", value, label, URL_TYPES, group)


def new_card(want: ContactRecord, uid: str, version: str) -> str:
    """A new card with ``want``'s shareable fields, in vCard ``version``."""
    from ichigoapp.importers.vcard_export import PRODID

    head = [f"VERSION:{version}", f"PRODID:{PRODID}", f"UID:{escape_text(uid)}"]
    if version == "3.0":
        head.append("N:;;;;")  # required in 3.0; rewritten below
    skeleton = "BEGIN:VCARD\r\n" + "".join(fold(line) for line in head) + "END:VCARD\r\n"
    return edit_card(skeleton, want, set(SCALARS) | set(LISTS))
