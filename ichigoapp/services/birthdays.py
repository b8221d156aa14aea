"""Birthdays coming up: a reason to get in touch, shown with the keep-in-touch list."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ichigoapp.importers.birthday import NO_YEAR as NO_YEAR  # for the views, which see no model
from ichigoapp.importers.birthday import birthday_soon as birthday_soon
from ichigoapp.importers.birthday import has_year as has_year
from ichigoapp.services import today_read
from ichigoapp.services.today_items import BIRTHDAY_DAYS as BIRTHDAY_DAYS
from ichigoapp.services.today_items import BirthdayItem as BirthdayItem


def birthdays_soon(
    session: Session, today: date, within: int = BIRTHDAY_DAYS
) -> tuple[BirthdayItem, ...]:
    """Everyone whose birthday falls within ``within`` days of ``today``, soonest first."""
    session.flush()
    conn = session.connection().connection.driver_connection
    return today_read.birthdays_soon(conn, today, within)
