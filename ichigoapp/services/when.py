"""Days and instants as the user reads and types them, without SQLAlchemy.

Kept apart from ``services/common.py`` (which re-exports them) so that the command
line's quick read path (``services/quick_read.py``) can turn ``--from``/``--to`` into
instants and print times without loading the ORM.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def parse_day(text: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(
            _("%(what)s '%(text)s' is not a date (YYYY-MM-DD)") % {"what": what, "text": text}
        ) from None


def day_start(day: date) -> datetime:
    """Local midnight of ``day`` as a UTC instant."""
    return datetime.combine(day, time.min, tzinfo=local_zone()).astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with offset, in the local zone (what a user reads)."""
    if value is None:
        return None
    return value.astimezone(local_zone()).isoformat()
