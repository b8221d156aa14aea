"""A contact with every field filled, for tests that must see nothing lost."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ichigoapp.services import contacts
from ichigoapp.services.contacts import ContactInput


def full_contact(session: Session, n: int, introducer: int) -> int:
    """A contact with every field filled, each value saying whose it is."""
    contact = contacts.add_contact(
        session,
        ContactInput(
            name=f"Person {n}",
            given_name=f"Given {n}",
            family_name=f"Family {n}",
            emails=[f"p{n}@example.org", f"p{n}@home.example"],
            phones=[f"+81 90 0000 000{n}"],
            links=[f"https://www.linkedin.com/in/person{n}"],
            company=f"Company {n}",
            title=f"Title {n}",
            location=f"City {n}",
            how_we_met=f"Met at event {n}",
            met_on=date(2020, n, 1),
            met_through_id=introducer,
            interests=[f"interest {n}", "tea"],
            details=[(f"Detail {n}", f"value {n}", n == 2)],
            notes=f"Notes of {n}",
            tags=[f"tag{n}", "shared"],
            keep_in_touch_days=30 * n,
            private_fields=["location"] if n == 1 else ["notes", "birthday"],
            birthday=date(1980 + n, n, n),
            pronouns=f"pronouns {n}",
            pronunciation=f"reading {n}",
        ),
    )
    contact.photo = f"photo of {n}".encode()
    contact.extra = {f"X-FIELD-{n}": f"X-FIELD-{n}:{n}", "X-SHARED": f"X-SHARED:{n}"}
    session.flush()
    return contact.id
