"""Google Contacts CSV, in both layouts Google has exported.

Current (contacts.google.com, "Google CSV"): ``First Name, Middle Name, Last Name, ...,
Organization Name, Organization Title, Labels, E-mail 1 - Label, E-mail 1 - Value, ...``.
Legacy (old Gmail export): ``Name, Given Name, Additional Name, Family Name, ...,
Group Membership, E-mail 1 - Type, E-mail 1 - Value, ..., Organization 1 - Name, ...``.

Columns are mapped by header name, never by position: the numbered groups (E-mail N,
Phone N, Address N, Website N...) vary from file to file. One cell may hold several
values separated by " ::: ". Outlook's CSV uses similar names (E-mail Address, Company,
Job Title) and maps through the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ichigoapp.i18n import _
from ichigoapp.importers.birthday import parse_birthday
from ichigoapp.importers.contact_fields import (
    clean_label,
    join_nonempty,
)
from ichigoapp.importers.contact_types import (
    SOURCE_GOOGLE,
    ContactParseResult,
    ContactRecord,
    SkippedRow,
)

_MULTI_SEPARATOR = ":::"
# Google's system groups: every contact is in "* myContacts", so it says nothing.
_SYSTEM_GROUPS = {"mycontacts", "my contacts"}

_NUMBERED = re.compile(r"(?P<kind>.+?) (?P<n>\d+) - (?P<part>.+)")
# Outlook writes "E-mail 2 Address" rather than Google's "E-mail 2 - Value".
_OUTLOOK_EMAIL = re.compile(r"e-mail(?: (?P<n>\d+))? address")
_OUTLOOK_PHONES = {
    "mobile phone": "mobile",
    "business phone": "work",
    "business phone 2": "work",
    "home phone": "home",
    "home phone 2": "home",
    "other phone": "other",
    "primary phone": "",
    "business fax": "work fax",
    "home fax": "home fax",
}

_GIVEN = ("first name", "given name")
_MIDDLE = ("middle name", "additional name")
_FAMILY = ("last name", "family name")
_PREFIX = ("name prefix", "title")
_SUFFIX = ("name suffix", "suffix")
_FULL = ("name",)
# Readings (a Japanese name's yomigana): today's columns, then the older export's.
_PHONETIC_FAMILY = ("phonetic last name", "family name yomi")
_PHONETIC_GIVEN = ("phonetic first name", "given name yomi")
_PHONETIC_FULL = ("yomi name",)
_NICKNAME = ("nickname",)
_FILE_AS = ("file as",)
_COMPANY = ("organization name", "organization 1 - name", "company")
_TITLE = ("organization title", "organization 1 - title", "job title")
_DEPARTMENT = ("organization department", "organization 1 - department", "department")
_NOTES = ("notes",)
_BIRTHDAY = ("birthday",)
_TAGS = ("labels", "group membership", "categories")
_LOCATION = ("location",)
_WEB_PAGE = ("web page",)


def _key(cell: str) -> str:
    return " ".join(cell.strip().lower().split())


def is_google_header(row: list[str]) -> bool:
    """The first row of a Google (or Outlook) contacts CSV."""
    keys = {_key(cell) for cell in row}
    current = {"first name", "last name"} <= keys and bool(
        keys & {"middle name", "labels", "e-mail 1 - value", "phone 1 - value", "e-mail address"}
    )
    legacy = {"given name", "family name"} <= keys and bool(
        keys & {"name", "group membership", "e-mail 1 - value"}
    )
    return current or legacy


def split_multi(value: str) -> list[str]:
    """Split a multi-value cell: "a@x.com ::: b@y.com" -> ["a@x.com", "b@y.com"]."""
    return [part.strip() for part in value.split(_MULTI_SEPARATOR) if part.strip()]


@dataclass(slots=True)
class _Row:
    """One data row with lookups by header name; remembers which cells were used so the
    rest can be kept in ``extra``."""

    header: list[str]
    keys: list[str]
    cells: list[str]
    used: set[int] = field(default_factory=set)

    def get(self, names: tuple[str, ...]) -> str:
        for i, key in enumerate(self.keys):
            if key in names and i < len(self.cells):
                self.used.add(i)
                value = self.cells[i].strip()
                if value:
                    return value
        return ""

    def groups(self) -> dict[tuple[str, int], dict[str, str]]:
        """Numbered columns by (kind, n): {("e-mail", 1): {"value": ..., "label": ...}}."""
        found: dict[tuple[str, int], dict[str, str]] = {}
        for i, key in enumerate(self.keys):
            match = _NUMBERED.fullmatch(key)
            if match and i < len(self.cells):
                slot = found.setdefault((match.group("kind"), int(match.group("n"))), {})
                slot[match.group("part")] = self.cells[i].strip()
        return found

    def use_group(self, kind: str, n: int) -> None:
        prefix = f"{kind} {n} - "
        self.used.update(i for i, key in enumerate(self.keys) if key.startswith(prefix))


def _pairs(values: str, labels: str) -> list[tuple[str, str]]:
    """Pair " ::: "-separated values with their labels; one label may cover them all."""
    items = split_multi(values)
    names = [clean_label(label) for label in split_multi(labels)] if labels else []
    if len(names) == len(items):
        return list(zip(items, names, strict=True))
    first = names[0] if names else ""
    return [(item, first) for item in items]


def _location(row: _Row, groups: dict[tuple[str, int], dict[str, str]]) -> str:
    """A short "City, Region, Country" for the contact card; the full addresses stay in
    ``extra`` because their columns are deliberately not marked used."""
    location = row.get(_LOCATION)
    if location:
        return location
    for kind, n in sorted(groups):
        if kind != "address":
            continue
        parts = groups[(kind, n)]
        first = [split_multi(parts.get(name, "")) for name in ("city", "region", "country")]
        short = join_nonempty([values[0] if values else "" for values in first], ", ")
        if short:
            return short
        formatted = split_multi(parts.get("formatted", ""))
        if formatted:
            return join_nonempty(formatted[0].splitlines(), ", ")
    return ""


def _record(row: _Row) -> ContactRecord | None:
    given, middle, family = row.get(_GIVEN), row.get(_MIDDLE), row.get(_FAMILY)
    prefix, suffix = row.get(_PREFIX), row.get(_SUFFIX)
    groups = row.groups()
    record = ContactRecord(
        display_name=row.get(_FULL) or join_nonempty([prefix, given, middle, family, suffix]),
        given_name=join_nonempty([given, middle]),
        family_name=family,
        company=row.get(_COMPANY),
        title=row.get(_TITLE),
        notes=row.get(_NOTES),
        pronunciation=join_nonempty([row.get(_PHONETIC_FAMILY), row.get(_PHONETIC_GIVEN)])
        or row.get(_PHONETIC_FULL),
    )
    department = row.get(_DEPARTMENT)
    if department:
        record.extra["department"] = department

    for (kind, n), parts in sorted(groups.items()):
        label = parts.get("label") or parts.get("type") or ""
        if kind == "e-mail":
            for address, name in _pairs(parts.get("value", ""), label):
                record.add_email(address, name)
            row.use_group(kind, n)
        elif kind == "phone":
            for number, name in _pairs(parts.get("value", ""), label):
                record.add_phone(number, name)
            row.use_group(kind, n)
        elif kind == "website":
            for url, name in _pairs(parts.get("value", ""), label):
                record.add_link(url, name)
            row.use_group(kind, n)
    for i, key in enumerate(row.keys):
        outlook = _OUTLOOK_EMAIL.fullmatch(key)
        if outlook and i < len(row.cells):
            row.used.add(i)
            for address in split_multi(row.cells[i]):
                record.add_email(address)
        elif key in _OUTLOOK_PHONES and i < len(row.cells):
            row.used.add(i)
            for number in split_multi(row.cells[i]):
                record.add_phone(number, _OUTLOOK_PHONES[key])
    for url in split_multi(row.get(_WEB_PAGE)):
        record.add_link(url)

    for tag in split_multi(row.get(_TAGS)):
        cleaned = tag.lstrip("*").strip()
        if cleaned.lower() not in _SYSTEM_GROUPS:
            record.add_tag(cleaned)

    birthday = row.get(_BIRTHDAY)
    record.birthday = parse_birthday(birthday) if birthday else None
    if birthday and record.birthday is None:
        row.used.discard(row.keys.index("birthday"))  # not a date: keep it in extra
    record.location = _location(row, groups)

    if not record.display_name:
        record.display_name = (
            row.get(_NICKNAME)
            or row.get(_FILE_AS)
            or record.company
            or (record.emails[0][0] if record.emails else "")
            or (record.phones[0][0] if record.phones else "")
        )
    if not record.display_name:
        return None

    for i, header in enumerate(row.header):
        if i not in row.used and i < len(row.cells) and row.cells[i].strip():
            record.add_extra(header.strip() or f"column {i + 1}", row.cells[i].strip())
    return record


def parse_google_rows(rows: list[list[str]], header_at: int) -> ContactParseResult:
    header = rows[header_at]
    keys = [_key(cell) for cell in header]
    records: list[ContactRecord] = []
    skipped: list[SkippedRow] = []
    for index in range(header_at + 1, len(rows)):
        cells = rows[index]
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are not people
        record = _record(_Row(header, keys, cells))
        if record is None:
            skipped.append(
                SkippedRow(
                    _("row {number}").format(number=index + 1),
                    _("no name, e-mail address, phone or company"),
                )
            )
        else:
            records.append(record)
    return ContactParseResult(SOURCE_GOOGLE, records, skipped)
