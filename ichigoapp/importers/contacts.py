"""Contact import: the entry point that recognises a file and picks its importer.

Every importer is pure: bytes (or decoded text) in, the plain records of
``contact_types`` out. Nothing touches the database or Qt; the import service maps
:class:`ContactRecord` onto the model.

For any input bytes, :func:`detect_and_parse` either returns a result or raises
:class:`~ichigoapp.errors.ImportFailed` with a one-line message; rows or cards that cannot
be read are reported as :class:`SkippedRow` and the rest still import.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ichigoapp.errors import ImportFailed
from ichigoapp.i18n import _
from ichigoapp.importers.contact_fields import decode_text, read_csv_rows
from ichigoapp.importers.contact_types import ContactParseResult
from ichigoapp.importers.google_csv import is_google_header, parse_google_rows
from ichigoapp.importers.linkedin_csv import find_linkedin_header, parse_linkedin_rows
from ichigoapp.importers.vcard import parse_vcards

# --- detection ---------------------------------------------------------------------------

_VCARD_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


def detect_and_parse(data: bytes, filename: str = "") -> ContactParseResult:
    """Read a contacts file of any supported kind, chosen by its content.

    The extension is only used in messages: a LinkedIn export renamed to .txt or a vCard
    saved as .csv still imports. Raises ImportFailed when the file as a whole cannot be
    read; everything else is reported row by row in the result.
    """
    name = PurePath(filename).name if filename else _("The file")
    if not data.strip():
        raise ImportFailed(_("{name} is empty.").format(name=name))
    text = decode_text(data)
    if _VCARD_BEGIN.search(text):
        return parse_vcards(text)
    if not text.strip():
        raise ImportFailed(_("{name} is empty.").format(name=name))

    rows = read_csv_rows(text, name)
    header_at = find_linkedin_header(rows)
    if header_at is not None:
        return parse_linkedin_rows(rows, header_at)
    first = next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if first is not None and is_google_header(rows[first]):
        return parse_google_rows(rows, first)
    if filename.lower().endswith((".vcf", ".vcard")):
        raise ImportFailed(
            _("{name} has no BEGIN:VCARD, so it is not a vCard file.").format(name=name)
        )
    raise ImportFailed(
        _(
            "{name} is not a contacts file Ichigo can read "
            "(expected a vCard, a LinkedIn Connections.csv or a Google Contacts CSV)."
        ).format(name=name)
    )
