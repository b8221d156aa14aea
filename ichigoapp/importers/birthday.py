"""Birthdays, with or without a year.

Many people share the day but not the year (Google Contacts writes ``--07-01``,
vCard ``--0701``). Such a birthday is stored as a date in :data:`NO_YEAR`, as Apple
Contacts does (``X-APPLE-OMIT-YEAR=1604``): a leap year, so 29 February is kept, and one
no living person was born in. Everything that shows or writes a birthday goes through
this module, so the sentinel year never reaches a user.
"""

from __future__ import annotations

import re
from datetime import date

NO_YEAR = 1604

_FULL = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_YEARLESS = re.compile(r"--(\d{2})-?(\d{2})")


def parse_birthday(value: str) -> date | None:
    """``1985-04-15``, ``19850415``, ``--04-15`` or ``--0415`` (a time after a full date
    is ignored); None for anything else, including days that do not exist."""
    value = value.strip()
    yearless = _YEARLESS.fullmatch(value)
    full = None if yearless else _FULL.match(value)
    try:
        if yearless:
            return date(NO_YEAR, int(yearless.group(1)), int(yearless.group(2)))
        if full:
            return date(int(full.group(1)), int(full.group(2)), int(full.group(3)))
    except ValueError:
        return None
    return None


def has_year(birthday: date) -> bool:
    return birthday.year != NO_YEAR


def birthday_text(birthday: date) -> str:
    """ISO 8601 as ``contacts show`` prints it: ``1985-04-15``, or ``--04-15``."""
    return birthday.isoformat() if has_year(birthday) else f"--{birthday:%m-%d}"


def birthday_vcard(birthday: date) -> str:
    """The vCard 4 BDAY value (RFC 6350 4.3.1): ``19850415`` or ``--0415``."""
    return f"{birthday:%Y%m%d}" if has_year(birthday) else f"--{birthday:%m%d}"


def next_birthday(birthday: date, today: date) -> date:
    """The next day (today included) the birthday falls on. 29 February is kept on
    28 February in other years, as most people born then celebrate."""
    when = _in_year(birthday, today.year)
    return when if when >= today else _in_year(birthday, today.year + 1)


def _in_year(birthday: date, year: int) -> date:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    day = 28 if (birthday.month, birthday.day) == (2, 29) and not leap else birthday.day
    return date(year, birthday.month, day)


def days_to_birthday(birthday: date, day: date) -> int:
    """Days from ``day`` to the birthday's next occurrence: 0 when it is that day."""
    return (next_birthday(birthday, day) - day).days


def birthday_soon(birthday: date, day: date, within: int) -> str:
    """ "Birthday today", "Birthday tomorrow", "Birthday in 3 days" when the birthday is at
    most ``within`` days after ``day``; "" otherwise."""
    days = days_to_birthday(birthday, day)
    return birthday_in(days) if days <= within else ""


def birthday_in(days: int) -> str:
    """ "Birthday today", "Birthday tomorrow" or "Birthday in N days"."""
    from ichigoapp.i18n import _, ngettext

    if days == 0:
        return _("Birthday today")
    if days == 1:
        return _("Birthday tomorrow")
    return ngettext("Birthday in %(n)d day", "Birthday in %(n)d days", days) % {"n": days}
