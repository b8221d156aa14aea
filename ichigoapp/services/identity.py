"""Who in the vault a record is: the one matcher every import and sync uses.

DESIGN section 2: two records are one person only on strong evidence: the same
normalised email address, the same phone number (E.164), the same LinkedIn profile,
or the same vCard UID. A name alone, or a name and a company, never joins two people:
such a record becomes a new contact, and the pair is offered among the possible
duplicates (services/duplicates.py) for the user to decide.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.normalise import linkedin_profile_key, normalise_phone
from ichigoapp.model import Contact
from ichigoapp.services.settings import read_setting

PHONE_REGION_SETTING = "phone_region"


def phone_region(session: Session) -> str | None:
    """The country of a phone number written without "+": the vault's ``phone_region``
    setting, else the country of the system's locale ("ja_JP" -> "JP"), else none."""
    stored = read_setting(session, PHONE_REGION_SETTING)
    if stored:
        return stored.strip().upper()
    for name in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if name and "_" in name:
            country = name.split("_", 1)[1][:2]
            if country.isalpha() and len(country) == 2:
                return country.upper()
    return None


def vcard_uid(extra: dict[str, str]) -> str:
    """The UID a vCard gave (kept among the extra properties), or ""."""
    line = (extra or {}).get("UID", "").split("\n", 1)[0]
    return line.split(":", 1)[1].strip() if ":" in line else ""


class PersonIndex:
    """The contacts of a vault by their strong evidence, loaded once per import."""

    def __init__(self, session: Session, contacts: Iterable[Contact] | None = None) -> None:
        self.region = phone_region(session)
        self.by_email: dict[str, Contact] = {}
        self.by_phone: dict[str, Contact] = {}
        self.by_linkedin: dict[str, Contact] = {}
        self.by_uid: dict[str, Contact] = {}
        for contact in session.scalars(select(Contact)) if contacts is None else contacts:
            self.remember(contact)

    def remember(self, contact: Contact) -> None:
        for e in contact.emails:
            self.by_email.setdefault(e.email, contact)
        for p in contact.phones:
            key = normalise_phone(p.number, self.region)
            if key:
                self.by_phone.setdefault(key, contact)
        for link in contact.links:
            key = linkedin_profile_key(link.url)
            if key:
                self.by_linkedin.setdefault(key, contact)
        uid = vcard_uid(contact.extra)
        if uid:
            self.by_uid.setdefault(uid, contact)

    def find(self, record: ContactRecord) -> Contact | None:
        """The contact ``record`` describes, or None: then it is someone new."""
        uid = vcard_uid(record.extra)
        if uid and uid in self.by_uid:
            return self.by_uid[uid]
        for email, _label in record.emails:
            if email in self.by_email:
                return self.by_email[email]
        for number, _label in record.phones:
            key = normalise_phone(number, self.region)
            if key and key in self.by_phone:
                return self.by_phone[key]
        for url, _label in record.links:
            key = linkedin_profile_key(url)
            if key and key in self.by_linkedin:
                return self.by_linkedin[key]
        return None
