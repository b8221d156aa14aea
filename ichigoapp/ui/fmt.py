"""How times and dates read in the UI: local zone, short, human, in the user's locale.

Dates and times go through ``QLocale()`` (the default locale, which
``ui/translation.install`` sets from the language choice): "Sat 5 Dec 2026 14:00" in
British English, "Sat, Dec 5, 2026 2:00 PM" in US English, "2026年12月5日(土) 14:00" in
Japanese. The patterns are derived from the locale's own long date format, so a
locale without a hand-made rule still reads as its speakers expect. Words ("Today",
"3 days ago") are Qt translations (context ``fmt``), counted ones with Qt's numerus.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

# Light modules only (no SQLAlchemy, no model): the Today page formats its first
# screen before they are imported (ui/main_window.py).
from ichigoapp.importers.birthday import has_year
from ichigoapp.services.when import local_zone
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr

translate = QCoreApplication.translate


def local(value: datetime) -> datetime:
    return value.astimezone(local_zone())


# --- patterns ----------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _date_pattern(locale_name: str, weekday: bool, year: bool, short_month: bool) -> str:
    locale = QLocale(locale_name)
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    if weekday:
        # Japanese and Chinese put the weekday after the day: 5日(土).
        pattern = re.sub(r"([日일])\s*dddd", r"\1(ddd)", pattern)
        pattern = pattern.replace("dddd", "ddd")
        if locale.language() == QLocale.Language.English:
            pattern = re.sub(r"^ddd, d ", "ddd d ", pattern)  # "Sat 5 Dec", not "Sat, 5 Dec"
    else:
        pattern = re.sub(r"dddd[,.]?\s*|\s*,?\s*dddd", "", pattern)
    if not year:
        pattern = re.sub(r"y+[年년]\s*|y+\.\s*|,?\s*y+", "", pattern)
    if short_month:
        pattern = pattern.replace("MMMM", "MMM")
    return pattern.strip(" ,")


def date_pattern(*, weekday: bool = False, year: bool = True, short_month: bool = True) -> str:
    """A QDate pattern of the current locale: "ddd d MMM yyyy", "yyyy年M月d日(ddd)"."""
    return _date_pattern(QLocale().name(), weekday, year, short_month)


def time_pattern() -> str:
    """The locale's short time: "HH:mm" (en_GB, ja: "H:mm"), "h:mm AP" (en_US)."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


def date_entry_pattern() -> str:
    """For date edits: the locale's short date with a four-digit year."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: date, **kwargs: bool) -> str:
    return QLocale().toString(_qdate(value), date_pattern(**kwargs))


def clock(value: datetime) -> str:
    """The local time of day: "14:00", "2:00 PM"."""
    moment = local(value)
    return QLocale().toString(QTime(moment.hour, moment.minute), time_pattern())


def _with_time(day_text: str, value: datetime) -> str:
    return translate("fmt", "{date} {time}").format(date=day_text, time=clock(value))


def date_time(value: datetime) -> str:
    """The full local date and time: "Sat 5 Dec 2026 14:00", "2026年12月5日(土) 14:00"."""
    moment = local(value)
    return _with_time(_date(moment.date(), weekday=True), moment)


def qdatetime_pattern() -> str:
    """For date-time edits: the weekday, date and time in the current locale."""
    return f"{date_pattern(weekday=True)}  {time_pattern()}"


# --- phrases -----------------------------------------------------------------------------
def when(value: datetime | None, now: datetime | None = None) -> str:
    """'Today 09:30', 'Tomorrow 14:00', 'Thu 7 May 10:00', or '12 Mar 2025'."""
    if value is None:
        return ""
    moment = local(value)
    if now is None:
        return date_time(value)
    today = local(now).date()
    delta = (moment.date() - today).days
    if delta == 0:
        return translate("fmt", "Today {time}").format(time=clock(value))
    if delta == 1:
        return translate("fmt", "Tomorrow {time}").format(time=clock(value))
    if delta == -1:
        return translate("fmt", "Yesterday {time}").format(time=clock(value))
    if 0 < delta < 7:
        return _with_time(_date(moment.date(), weekday=True, year=False), value)
    if moment.year == today.year:
        return _with_time(_date(moment.date(), year=False), value)
    return _date(moment.date())


def day(value: date | None) -> str:
    """'5 Dec 2026', 'Dec 5, 2026', '2026年12月5日'."""
    return _date(value) if value is not None else ""


def weekday(value: date) -> str:
    """'Sat 5 Dec', '12月5日(土)'."""
    return _date(value, weekday=True, year=False)


def full_day(value: date) -> str:
    """'Saturday 5 December', '12月5日 土曜日' (a page's heading)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"y+[年년]\s*|y+\.\s*|,?\s*y+", "", pattern)
    pattern = re.sub(r"([日일])dddd", r"\1 dddd", pattern)
    if QLocale().language() == QLocale.Language.English:
        pattern = re.sub(r"^dddd, d ", "dddd d ", pattern)
    return QLocale().toString(_qdate(value), pattern.strip(" ,"))


def birthday(value: date | None) -> str:
    """'1 July 1985', or '1 July' when the year is not known."""
    if value is None:
        return ""
    if not has_year(value):
        # The QDate needs a year; a leap year keeps 29 February.
        value = value.replace(year=2000)
        return _date(value, year=False, short_month=False)
    return _date(value, short_month=False)


def ago(value: datetime | None, now: datetime) -> str:
    if value is None:
        return translate("fmt", "never")
    days = (local(now).date() - local(value).date()).days
    if days <= 0:
        return translate("fmt", "today")
    if days == 1:
        return translate("fmt", "yesterday")
    if days < 60:
        return tr("%n day(s) ago", "", days)
    if days < 730:
        return tr("%n month(s) ago", "", days // 30)
    return tr("%n year(s) ago", "", days // 365)


def due(value: date | None, today: date, *, start: bool = False) -> str:
    """'due in 3 days', 'overdue by 1 day'...; ``start``: as a sentence begins it."""
    if value is None:
        text = translate("fmt", "no due date")
    else:
        days = (value - today).days
        if days < 0:
            text = tr("overdue by %n day(s)", "", -days)
        elif days == 0:
            text = translate("fmt", "due today")
        elif days == 1:
            text = translate("fmt", "due tomorrow")
        else:
            text = tr("due in %n day(s)", "", days)
    return text[:1].upper() + text[1:] if start else text


# --- names of stored values --------------------------------------------------------------
_STATUS = {
    "planned": QT_TRANSLATE_NOOP("fmt", "Planned"),
    "held": QT_TRANSLATE_NOOP("fmt", "Held"),
    "cancelled": QT_TRANSLATE_NOOP("fmt", "Cancelled"),
}
_KIND = {
    "meeting": QT_TRANSLATE_NOOP("fmt", "Meeting"),
    "call": QT_TRANSLATE_NOOP("fmt", "Call"),
    "coffee": QT_TRANSLATE_NOOP("fmt", "Coffee"),
    "meal": QT_TRANSLATE_NOOP("fmt", "Meal"),
    "event": QT_TRANSLATE_NOOP("fmt", "Event"),
    "message": QT_TRANSLATE_NOOP("fmt", "Message"),
    "other": QT_TRANSLATE_NOOP("fmt", "Other"),
}


def status_name(value: str) -> str:
    """An encounter's status as shown: "Planned", "予定"."""
    return translate("fmt", _STATUS[value]) if value in _STATUS else value.capitalize()


def kind_name(value: str) -> str:
    """An encounter's kind as shown: "Coffee", "コーヒー"."""
    return translate("fmt", _KIND[value]) if value in _KIND else value.capitalize()
