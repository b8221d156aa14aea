"""Small helpers shared by the services: normalising input, looking things up."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, NotFound
from ichigoapp.i18n import N_, _, ngettext
from ichigoapp.importers.birthday import parse_birthday
from ichigoapp.importers.normalise import is_email_address, normalise_email
from ichigoapp.model import Base

# Days and instants live in services/when.py (no SQLAlchemy); callers may take them here.
from ichigoapp.services.when import day_start as day_start
from ichigoapp.services.when import iso as iso
from ichigoapp.services.when import local_zone as local_zone
from ichigoapp.services.when import parse_day as parse_day

M = TypeVar("M", bound=Base)


def checked_email(raw: str) -> str:
    """An address the user typed, normalised; a clear error when it is not one."""
    value = normalise_email(raw)
    if not is_email_address(value):
        raise BadInput(_("'%(text)s' is not an email address") % {"text": raw})
    return value


# "No <thing> with id N" for the things looked up by id, one whole message each.
_NOT_FOUND = {
    "attendee": N_("no attendee with id %(id)d"),
    "contact": N_("no contact with id %(id)d"),
    "encounter": N_("no encounter with id %(id)d"),
    "promise": N_("no promise with id %(id)d"),
    "reflection": N_("no reflection with id %(id)d"),
}


def get_or_fail(session: Session, model: type[M], ident: int, what: str) -> M:
    obj = session.get(model, ident)
    if obj is None:
        message = _NOT_FOUND.get(what)
        raise NotFound(
            _(message) % {"id": ident}
            if message
            else _("no {what} with id {id}").format(what=what, id=ident)
        )
    return obj


def parse_instant(text: str, what: str = "time") -> datetime:
    """ISO 8601 date-time; a time without offset is taken in the local zone."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(
            _("%(what)s '%(text)s' is not an ISO 8601 date-time (e.g. 2026-05-04T09:30)")
            % {"what": what, "text": text}
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=local_zone())
    return value.astimezone(UTC)


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 file", "3 files", "2 new people" (``many`` where adding an s is wrong).

    The nouns Ichigo counts are in the catalogue with their plural forms (Japanese
    has one form and counter words: 3件, 3人); any other noun counts in English.
    """
    counted = _COUNTED.get(one)
    if counted is not None:
        return counted(n) % {"n": n}
    return f"{n} {one if n == 1 else (many or one + 's')}"


# ngettext needs its words written out to be extracted: one entry per noun counted.
_COUNTED: dict[str, Callable[[int], str]] = {
    "birthday": lambda n: ngettext("%(n)d birthday", "%(n)d birthdays", n),
    "contact": lambda n: ngettext("%(n)d contact", "%(n)d contacts", n),
    "encounter": lambda n: ngettext("%(n)d encounter", "%(n)d encounters", n),
    "file": lambda n: ngettext("%(n)d file", "%(n)d files", n),
    "hour": lambda n: ngettext("%(n)d hour", "%(n)d hours", n),
    "invitation": lambda n: ngettext("%(n)d invitation", "%(n)d invitations", n),
    "meeting": lambda n: ngettext("%(n)d meeting", "%(n)d meetings", n),
    "message": lambda n: ngettext("%(n)d message", "%(n)d messages", n),
    "minute": lambda n: ngettext("%(n)d minute", "%(n)d minutes", n),
    "person": lambda n: ngettext("%(n)d person", "%(n)d people", n),
    "promise": lambda n: ngettext("%(n)d promise", "%(n)d promises", n),
    "reflection": lambda n: ngettext("%(n)d reflection", "%(n)d reflections", n),
    "source": lambda n: ngettext("%(n)d source", "%(n)d sources", n),
}


_TYPED_BIRTHDAY = re.compile(r"\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}")


def parse_birthday_input(text: str, what: str = "birthday") -> date:
    """A birthday typed by the user: YYYY-MM-DD, or --MM-DD when the year is not known."""
    typed = _TYPED_BIRTHDAY.fullmatch(text.strip())
    birthday = parse_birthday(text) if typed else None
    if birthday is None:
        raise BadInput(
            _("%(what)s '%(text)s' is not a date (YYYY-MM-DD, or --MM-DD without the year)")
            % {"what": what, "text": text}
        )
    return birthday


def clean_text(value: str | None) -> str:
    return (value or "").strip()
