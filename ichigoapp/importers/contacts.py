"""Contact import: the shared records and the entry point that picks an importer.

Every importer here is pure: bytes (or decoded text) in, plain dataclasses out. Nothing
touches the database or Qt; the import service maps :class:`ContactRecord` onto the model.

For any input bytes, :func:`detect_and_parse` either returns a result or raises
:class:`~ichigoapp.errors.ImportFailed` with a one-line message; rows or cards that cannot
be read are reported as :class:`SkippedRow` and the rest still import.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from urllib.parse import urlsplit

from ichigoapp.errors import ImportFailed

SOURCE_LINKEDIN = "linkedin"
SOURCE_GOOGLE = "google"
SOURCE_VCARD = "vcard"


@dataclass(slots=True)
class ContactRecord:
    """One person as a file described them, before matching against the vault."""

    display_name: str
    given_name: str = ""
    family_name: str = ""
    # (normalised lower-case address, label e.g. "work")
    emails: list[tuple[str, str]] = field(default_factory=list)
    # (number as given, label)
    phones: list[tuple[str, str]] = field(default_factory=list)
    # (url, label e.g. "linkedin")
    links: list[tuple[str, str]] = field(default_factory=list)
    company: str = ""
    title: str = ""
    location: str = ""
    notes: str = ""
    connected_on: date | None = None
    birthday: date | None = None
    tags: list[str] = field(default_factory=list)
    # Whatever the file said that has no field of its own, so nothing is lost. vCard:
    # property name -> its content line(s) as written (several joined by "\n"); CSV:
    # column header -> cell. "department" holds an organisation's department.
    extra: dict[str, str] = field(default_factory=dict)
    photo: bytes | None = None

    def add_email(self, address: str, label: str = "") -> None:
        """Add an address once, normalised; the first label seen wins."""
        normalised = normalise_email(address)
        if normalised and all(normalised != known for known, _ in self.emails):
            self.emails.append((normalised, label))

    def add_phone(self, number: str, label: str = "") -> None:
        """Add a number once, as given (formatting is the user's, not ours)."""
        number = " ".join(number.split())
        if number and all(number != known for known, _ in self.phones):
            self.phones.append((number, label))

    def add_link(self, url: str, label: str = "") -> None:
        """Add a link once; an unlabelled link is labelled by its site when known."""
        url = url.strip()
        if url and all(url != known for known, _ in self.links):
            self.links.append((url, label or guess_link_label(url)))

    def add_tag(self, tag: str) -> None:
        tag = " ".join(tag.split())
        if tag and tag not in self.tags:
            self.tags.append(tag)

    def add_extra(self, key: str, value: str) -> None:
        """Keep a value; a repeated key keeps every value, one per line."""
        if not value:
            return
        if key in self.extra:
            self.extra[key] = f"{self.extra[key]}\n{value}"
        else:
            self.extra[key] = value


@dataclass(slots=True)
class SkippedRow:
    """A row or card that was not imported, and why, for the import report."""

    where: str  # "row 7" / "card 3"
    reason: str  # one clear line


@dataclass(slots=True)
class ContactParseResult:
    source_kind: str  # "linkedin", "google", "vcard"
    records: list[ContactRecord]
    skipped: list[SkippedRow]


# --- text helpers shared by the importers ------------------------------------------------

_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def decode_text(data: bytes) -> str:
    """Decode a contacts file: UTF-8 (with or without BOM), else cp1252, else latin-1.

    UTF-16 with a BOM is accepted too because Outlook and older Google exports write it.
    latin-1 maps every byte, so this never fails and never yields U+FFFD.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").replace("\x00", "")
        except UnicodeDecodeError:
            pass  # a BOM-like start on a file that is not UTF-16; try the others
    text: str | None = None
    for encoding in ("utf-8-sig", *_FALLBACK_ENCODINGS):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # unreachable: latin-1 decodes anything; kept for the type checker
        text = data.decode("latin-1")
    # NUL never belongs in a contact and confuses the csv module and vobject alike.
    return text.replace("\x00", "")


def normalise_email(address: str) -> str:
    """Lower-case, trimmed, without "mailto:" or angle brackets; "" if not an address."""
    address = address.strip().strip("<>").strip()
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:") :]
    address = address.strip().lower()
    if "@" not in address or any(ch.isspace() for ch in address):
        return ""
    return address


_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def clean_label(label: str) -> str:
    """A label as a user would say it: Apple's ``_$!<Home>!$_`` and Google's ``* Work``
    both become "home"/"work". Labels are lower-cased so the same label from two sources
    compares equal."""
    label = label.strip()
    apple = _APPLE_LABEL.fullmatch(label)
    if apple:
        label = apple.group(1)
    label = label.lstrip("*").strip()
    return " ".join(label.split()).lower()


_LINK_SITES = (
    ("linkedin.com", "linkedin"),
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("github.com", "github"),
    ("facebook.com", "facebook"),
    ("instagram.com", "instagram"),
    ("mastodon.social", "mastodon"),
    ("bsky.app", "bluesky"),
)


def guess_link_label(url: str) -> str:
    """The site name ("linkedin") for a known profile host; "" for any other site."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    for site, label in _LINK_SITES:
        if host == site or host.endswith(f".{site}"):
            return label
    return ""


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


def join_nonempty(parts: list[str], sep: str = " ") -> str:
    return sep.join(part.strip() for part in parts if part and part.strip())


def read_csv_rows(text: str, name: str = "The file") -> list[list[str]]:
    """All rows of a CSV text; quoted commas, doubled quotes and CRLF handled by csv."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=False))
    except csv.Error as exc:  # e.g. a cell over csv's size limit: the file is unusable
        raise ImportFailed(f"{name} could not be read as CSV: {exc}.") from exc


_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def parse_iso_date(value: str) -> date | None:
    """1985-04-15 or 19850415 (a time after it is ignored); None when there is no full
    date, e.g. a birthday without a year ("--04-15")."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# --- detection ---------------------------------------------------------------------------

_VCARD_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


def detect_and_parse(data: bytes, filename: str = "") -> ContactParseResult:
    """Read a contacts file of any supported kind, chosen by its content.

    The extension is only used in messages: a LinkedIn export renamed to .txt or a vCard
    saved as .csv still imports. Raises ImportFailed when the file as a whole cannot be
    read; everything else is reported row by row in the result.
    """
    # Imported here, not at the top: the importers import the records from this module.
    from ichigoapp.importers.google_csv import is_google_header, parse_google_rows
    from ichigoapp.importers.linkedin_csv import find_linkedin_header, parse_linkedin_rows
    from ichigoapp.importers.vcard import parse_vcards

    name = PurePath(filename).name if filename else "The file"
    if not data.strip():
        raise ImportFailed(f"{name} is empty.")
    text = decode_text(data)
    if _VCARD_BEGIN.search(text):
        return parse_vcards(text)
    if not text.strip():
        raise ImportFailed(f"{name} is empty.")

    rows = read_csv_rows(text, name)
    header_at = find_linkedin_header(rows)
    if header_at is not None:
        return parse_linkedin_rows(rows, header_at)
    first = next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if first is not None and is_google_header(rows[first]):
        return parse_google_rows(rows, first)
    if filename.lower().endswith((".vcf", ".vcard")):
        raise ImportFailed(f"{name} has no BEGIN:VCARD, so it is not a vCard file.")
    raise ImportFailed(
        f"{name} is not a contacts file Ichigo can read "
        "(expected a vCard, a LinkedIn Connections.csv or a Google Contacts CSV)."
    )
