"""Birthdays coming up: a reason to get in touch, shown with the keep-in-touch list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.importers.birthday import NO_YEAR as NO_YEAR  # for the views, which see no model
from ichigoapp.importers.birthday import birthday_in, next_birthday
from ichigoapp.importers.birthday import birthday_soon as birthday_soon
from ichigoapp.importers.birthday import has_year as has_year
from ichigoapp.model import Contact
from ichigoapp.services.names import full_name

BIRTHDAY_DAYS = 7  # how far ahead Today looks


@dataclass(frozen=True, slots=True)
class BirthdayItem:
    contact_id: int
    name: str
    on: date  # the day it falls on next
    days: int  # 0 today, 1 tomorrow...

    @property
    def said(self) -> str:
        """ "Birthday in 3 days"."""
        return birthday_in(self.days)


def birthdays_soon(
    session: Session, today: date, within: int = BIRTHDAY_DAYS
) -> tuple[BirthdayItem, ...]:
    """Everyone whose birthday falls within ``within`` days of ``today``, soonest first."""
    rows = session.execute(
        select(
            Contact.id,
            Contact.display_name,
            Contact.birthday,
            Contact.given_name,
            Contact.family_name,
            Contact.name_order,
        ).where(Contact.birthday.is_not(None))
    ).all()
    items = []
    for contact_id, name, born, given, family, order in rows:
        if born is None:
            continue  # filtered by the query; here for the type checker
        on = next_birthday(born, today)
        if (on - today).days <= within:
            shown = full_name(name, given, family, order)
            items.append(BirthdayItem(contact_id, shown, on, (on - today).days))
    return tuple(sorted(items, key=lambda b: (b.days, b.name.casefold(), b.contact_id)))
