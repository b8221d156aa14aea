"""How times and dates read in the UI: local zone, short, human."""

from __future__ import annotations

from datetime import date, datetime

from ichigoapp.services.birthdays import has_year
from ichigoapp.services.common import local_zone
from ichigoapp.services.common import plural as plural  # the views say it as the CLI does


def local(value: datetime) -> datetime:
    return value.astimezone(local_zone())


def when(value: datetime | None, now: datetime | None = None) -> str:
    """'Today 09:30', 'Tomorrow 14:00', 'Thu 7 May 10:00', or '12 Mar 2025'."""
    if value is None:
        return ""
    moment = local(value)
    if now is None:
        return moment.strftime("%a %-d %b %Y %H:%M")
    today = local(now).date()
    delta = (moment.date() - today).days
    clock = moment.strftime("%H:%M")
    if delta == 0:
        return f"Today {clock}"
    if delta == 1:
        return f"Tomorrow {clock}"
    if delta == -1:
        return f"Yesterday {clock}"
    if 0 < delta < 7:
        return moment.strftime("%a %-d %b ") + clock
    if moment.year == today.year:
        return moment.strftime("%-d %b ") + clock
    return moment.strftime("%-d %b %Y")


def day(value: date | None) -> str:
    return value.strftime("%-d %b %Y") if value is not None else ""


def weekday(value: date) -> str:
    """'Sat 5 Dec'."""
    return value.strftime("%a %-d %b")


def birthday(value: date | None) -> str:
    """'1 July 1985', or '1 July' when the year is not known."""
    if value is None:
        return ""
    return value.strftime("%-d %B %Y" if has_year(value) else "%-d %B")


def ago(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "never"
    days = (local(now).date() - local(value).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"


def due(value: date | None, today: date) -> str:
    if value is None:
        return "no due date"
    days = (value - today).days
    if days < 0:
        return f"overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {days} days"
