"""LinkedIn's ``Connections.csv`` (Settings > Data privacy > Get a copy of your data).

The export starts with a "Notes:" preamble whose length LinkedIn has changed over time,
so the header row is found by its content rather than by skipping a fixed number of
lines. Most rows have no e-mail address: LinkedIn only exports it when the connection
allowed it.
"""

from __future__ import annotations

import re
from datetime import date

from ichigoapp.i18n import _
from ichigoapp.importers.contact_fields import join_nonempty, parse_iso_date
from ichigoapp.importers.contact_types import (
    SOURCE_LINKEDIN,
    ContactParseResult,
    ContactRecord,
    SkippedRow,
)

# How far into the file the header may be; the preamble is a handful of lines.
_HEADER_SEARCH_ROWS = 50

_FIRST = "first name"
_LAST = "last name"
_URL = "url"
_EMAIL = "email address"
_COMPANY = "company"
_POSITION = "position"
_CONNECTED = "connected on"
_KNOWN = {_FIRST, _LAST, _URL, _EMAIL, _COMPANY, _POSITION, _CONNECTED}

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# "12 Mar 2024", "07 Feb 2022", "7-Feb-22": LinkedIn's styles over the years. Month
# names are matched here rather than with strptime("%b"), which follows the OS locale.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-/.]+([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})")


def _key(cell: str) -> str:
    return " ".join(cell.strip().lower().split())


def is_linkedin_header(row: list[str]) -> bool:
    keys = {_key(cell) for cell in row}
    # Google's layout also has First/Last Name; "Connected On" or a bare "URL" next to
    # them is LinkedIn's, and Google never has either.
    return {_FIRST, _LAST} <= keys and bool({_CONNECTED, _URL} & keys)


def find_linkedin_header(rows: list[list[str]]) -> int | None:
    """Index of the header row, scanning past the preamble; None if this is not LinkedIn."""
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if is_linkedin_header(row):
            return index
    return None


def parse_connected_on(value: str) -> date | None:
    """LinkedIn's "Connected On": "12 Mar 2024", "7-Feb-22", "07 Feb 2022" or ISO."""
    value = value.strip()
    if not value:
        return None
    match = _DAY_MONTH_YEAR.fullmatch(value)
    if match is None:
        return parse_iso_date(value)
    month = _MONTHS.get(match.group(2).lower())
    if month is None:
        return None
    year = int(match.group(3))
    if len(match.group(3)) == 2:
        year += 2000  # LinkedIn dates from 2003 on; "22" is 2022
    try:
        return date(year, month, int(match.group(1)))
    except ValueError:
        return None


def parse_linkedin_rows(rows: list[list[str]], header_at: int) -> ContactParseResult:
    """Turn the rows after the header into records; row numbers are the file's own (the
    line a spreadsheet shows), so the user can find a skipped row."""
    header = [_key(cell) for cell in rows[header_at]]
    columns = {name: i for i, name in reversed(list(enumerate(header))) if name}
    records: list[ContactRecord] = []
    skipped: list[SkippedRow] = []

    for index in range(header_at + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue  # LinkedIn leaves blank lines; they are not people

        def cell(name: str, row: list[str] = row) -> str:
            i = columns.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        given, family = cell(_FIRST), cell(_LAST)
        display = join_nonempty([given, family])
        if not display:
            reason = _("no first or last name (LinkedIn hides some members)")
            skipped.append(SkippedRow(_("row {number}").format(number=index + 1), reason))
            continue
        record = ContactRecord(
            display_name=display,
            given_name=given,
            family_name=family,
            company=cell(_COMPANY),
            title=cell(_POSITION),
        )
        record.add_email(cell(_EMAIL))
        if cell(_URL):
            record.add_link(cell(_URL), "linkedin")
        connected = cell(_CONNECTED)
        record.connected_on = parse_connected_on(connected)
        if connected and record.connected_on is None:
            record.add_extra(rows[header_at][columns[_CONNECTED]].strip(), connected)
        for i, name in enumerate(header):
            if name not in _KNOWN and i < len(row) and row[i].strip():
                record.add_extra(rows[header_at][i].strip() or f"column {i + 1}", row[i].strip())
        records.append(record)
    return ContactParseResult(SOURCE_LINKEDIN, records, skipped)
