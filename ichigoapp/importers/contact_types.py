"""The records every contact importer produces (as ``ics_types`` does for calendars).

Plain dataclasses: the import service maps :class:`ContactRecord` onto the model, and
the vCard export writes one back out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ichigoapp.importers.contact_fields import guess_link_label
from ichigoapp.importers.normalise import is_email_address, normalise_email

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
    # What the user wrote in Ichigo, carried by its vCard export (X-ICHIGO-*, PRONOUNS).
    pronouns: str = ""
    pronunciation: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    met_through: str = ""  # the introducer's name, for people reading the card
    interests: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    keep_in_touch_days: int | None = None

    def add_email(self, address: str, label: str = "") -> None:
        """Add an address once, normalised; the first label seen wins."""
        normalised = normalise_email(address)
        if is_email_address(normalised) and all(normalised != known for known, _ in self.emails):
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
