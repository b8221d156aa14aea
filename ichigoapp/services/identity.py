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
import re
from collections.abc import Iterable, Sequence

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.importers.normalise import linkedin_profile_key, normalise_phone
from ichigoapp.model import Contact
from ichigoapp.services.settings import read_setting, write_setting

PHONE_REGION_SETTING = "phone_region"
_LOCALE_COUNTRY = re.compile(r"[a-z]{2,3}_([A-Z]{2})(?![A-Za-z])")


def phone_region(session: Session) -> str | None:
    """The country of a phone number written without "+": the vault's ``phone_region``
    setting, else the country of the system's locale ("ja_JP" -> "JP"), else none."""
    stored = read_setting(session, PHONE_REGION_SETTING)
    if stored:
        return stored.strip().upper()
    named = [os.environ.get(name, "") for name in ("LC_ALL", "LC_CTYPE", "LANG")]
    said = next((name for name in named if name), None)
    # Only a locale that names a country ("ja_JP.UTF-8"); "C" or "POSIX" name none.
    match = _LOCALE_COUNTRY.match(said if said is not None else locale.getlocale()[0] or "")
    return match.group(1) if match else None


def set_phone_region(session: Session, region: str) -> str:
    """Read numbers written without "+" as numbers of ``region`` (an ISO 3166 code such
    as "JP"); returns it upper-cased. Refuses a code the phone library does not know."""
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise BadInput(
            _("'{region}' is not a country code for phone numbers (JP, DE, US...)").format(
                region=region
            )
        )
    write_setting(session, PHONE_REGION_SETTING, code)
    return code


def vcard_uid(extra: dict[str, str]) -> str:
    """The UID a vCard gave (kept among the extra properties), or ""."""
    line = (extra or {}).get("UID", "").split("\n", 1)[0]
    return line.split(":", 1)[1].strip() if ":" in line else ""


class PersonIndex:
    """The contacts of a vault by their strong evidence, loaded once per import."""

    def __init__(self, session: Session, contacts: Iterable[Contact] | None = None) -> None:
        self.region = phone_region(session)
        self.by_key: dict[str, Contact] = {}
        for contact in session.scalars(select(Contact)) if contacts is None else contacts:
            self.remember(contact)

    def keys(
        self,
        emails: Iterable[str],
        phones: Iterable[str],
        links: Iterable[str],
        extra: dict[str, str],
    ) -> set[str]:
        """The evidence of a person: each key proves who it belongs to."""
        found = {f"email:{e}" for e in emails if e}
        found |= {f"phone:{k}" for k in (normalise_phone(p, self.region) for p in phones) if k}
        found |= {f"profile:{k}" for k in map(linkedin_profile_key, links) if k}
        uid = vcard_uid(extra)
        if uid:
            found.add(f"uid:{uid}")
        return found

    def record_keys(self, record: ContactRecord) -> set[str]:
        return self.keys(
            (e for e, _ in record.emails),
            (p for p, _ in record.phones),
            (u for u, _ in record.links),
            record.extra,
        )

    def remember(self, contact: Contact) -> None:
        emails = [e.email for e in contact.emails]
        phones = [p.number for p in contact.phones]
        links = [link.url for link in contact.links]
        for key in self.keys(emails, phones, links, contact.extra or {}):
            self.by_key.setdefault(key, contact)

    def forget(self, contact: Contact) -> None:
        for key in [k for k, c in self.by_key.items() if c is contact]:
            del self.by_key[key]

    def owner(self, key: str) -> Contact | None:
        return self.by_key.get(key)

    def find(self, record: ContactRecord) -> Contact | None:
        """The contact ``record`` describes, or None: then it is someone new."""
        return next(iter(self.matches(record)), None)

    def matches(self, record: ContactRecord) -> list[Contact]:
        """Every contact sharing evidence with ``record``, lowest id first."""
        found = {id(c): c for k in self.record_keys(record) if (c := self.by_key.get(k))}
        return sorted(found.values(), key=lambda c: c.id)


def people(records: Sequence[ContactRecord], index: PersonIndex) -> list[list[int]]:
    """The records that are one person, as groups of positions in ``records``.

    Records sharing any evidence, directly or through other records or a contact of the
    vault, are one person: the groups do not depend on the records' order. Each group
    lists its records in file order; the groups come in the order of their first record.
    """
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, record in enumerate(records):
        keys = index.record_keys(record)
        keys |= {f"contact:{c.id}" for c in index.matches(record)}
        for key in keys:
            if key in first_with:
                a, b = root(first_with[key]), root(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first_with[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
