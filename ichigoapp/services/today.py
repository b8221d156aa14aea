"""The Today overview: plain snapshots of the vault, built without Qt.

Views hold frozen rows (``services/today_items.py``, re-exported here) instead of ORM
objects, so nothing lazy-loads after its session has closed and a view refreshes by
calling one function again (the list views' rows live in ``services/lists.py``). The
Today overview answers "what needs me now?": meetings ahead (with new people to
triage), meetings that ended without a reflection, promises due, unsent thanks, people
past their keep-in-touch cadence or with a birthday coming, and how many contacts may
be one person.

The queries are those of ``services/today_read.py``, which reads Today without
SQLAlchemy (the app, before the model is imported); here they run on the session's
own connection (:func:`raw`), so what the tray, the reminders, the lists and the
command line see is what Today shows, from one implementation.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ichigoapp.services import today_read
from ichigoapp.services.common import iso
from ichigoapp.services.duplicates import find_duplicates
from ichigoapp.services.today_items import BIRTHDAY_DAYS as BIRTHDAY_DAYS
from ichigoapp.services.today_items import HORIZON_DAYS as HORIZON_DAYS
from ichigoapp.services.today_items import REFLECT_WINDOW_DAYS as REFLECT_WINDOW_DAYS
from ichigoapp.services.today_items import TODAY_LIMIT as TODAY_LIMIT
from ichigoapp.services.today_items import UPCOMING_LIMIT as UPCOMING_LIMIT
from ichigoapp.services.today_items import Attendee as Attendee
from ichigoapp.services.today_items import BirthdayItem as BirthdayItem
from ichigoapp.services.today_items import KeepInTouchItem as KeepInTouchItem
from ichigoapp.services.today_items import Listing as Listing
from ichigoapp.services.today_items import MeetingItem as MeetingItem
from ichigoapp.services.today_items import PromiseItem as PromiseItem
from ichigoapp.services.today_items import ThanksItem as ThanksItem
from ichigoapp.services.today_items import TodayOverview as TodayOverview
from ichigoapp.services.today_items import local_today as local_today


def raw(session: Session) -> Any:
    """The session's DB-API connection, its pending changes flushed: what
    ``today_read`` runs on, inside the session's transaction."""
    session.flush()
    return session.connection().connection.driver_connection


def upcoming_meetings(
    session: Session, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings not cancelled that have not ended and start within ``days``."""
    return today_read.upcoming_meetings(raw(session), now, days, limit)


def awaiting_reflection(
    session: Session, now: datetime, days: int = REFLECT_WINDOW_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings with people that ended in the last ``days`` and have no reflection."""
    return today_read.awaiting_reflection(raw(session), now, days, limit)


def promises_due(
    session: Session, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[PromiseItem]:
    """Open promises that are overdue or due within ``days`` (either direction)."""
    return today_read.promises_due(raw(session), now, days, limit)


def unsent_thanks(session: Session, limit: int | None = None) -> Listing[ThanksItem]:
    """Gratitude noted in a reflection but not yet said, newest meeting first: a row
    for each person of the meeting still to thank (alphabetically), or one row for a
    meeting without anyone known by name."""
    return today_read.unsent_thanks(raw(session), limit)


def past_cadence(last_met: datetime | None, cadence_days: int | None, now: datetime) -> bool:
    """True for someone with a cadence not met within it (or never met)."""
    if cadence_days is None:
        return False
    return last_met is None or now - last_met > timedelta(days=cadence_days)


def keep_in_touch(
    session: Session, now: datetime, limit: int | None = None
) -> Listing[KeepInTouchItem]:
    """People with a cadence whose last encounter is older than it (or who were never met),
    leaving out those the user already has a meeting booked with (after ``now``).

    Longest overdue first; people never met after those.
    """
    return today_read.keep_in_touch(raw(session), now, limit)


def today_overview(
    session: Session, now: datetime, limit: int | None = None, *, duplicates: bool = True
) -> TodayOverview:
    """What needs me now; with ``limit``, each section's first items and its count.

    Counting the possible duplicates compares every contact with the others (a second
    on ten thousand); ``duplicates=False`` leaves it to the caller (the app counts them
    off its GUI thread) and reports none."""
    overview = today_read.read_overview(raw(session), now, limit)
    if not duplicates:
        return overview
    return dataclasses.replace(overview, possible_duplicates=len(find_duplicates(session)))


def _meeting_json(meeting: MeetingItem) -> dict[str, Any]:
    return {
        "id": meeting.encounter_id,
        "title": meeting.title,
        "start": iso(meeting.start),
        "end": iso(meeting.end),
        "location": meeting.location,
        "join_url": meeting.join_url,
        "attendees": [
            {"name": a.label, "email": a.email or None, "contact_id": a.contact_id}
            for a in meeting.attendees
        ],
        "new_people": meeting.new_people,
    }


def overview_json(overview: TodayOverview) -> dict[str, list[dict[str, Any]]]:
    """The shape of ``today --json``: the rows of each section of Today, dates in ISO."""
    today = local_today(overview.now)
    return {
        "week_ahead": [_meeting_json(m) for m in overview.upcoming],
        "awaiting_reflection": [_meeting_json(m) for m in overview.awaiting_reflection],
        "promises_due": [
            {
                "id": p.promise_id,
                "text": p.text,
                "direction": p.direction,
                "due": p.due.isoformat() if p.due is not None else None,
                "overdue": p.overdue(today),
                "contact_id": p.contact_id,
                "contact_name": p.contact_name,
                "encounter_id": p.encounter_id,
                "encounter_title": p.encounter_title,
            }
            for p in overview.promises_due
        ],
        "thanks_to_send": [
            {
                "encounter_id": t.encounter_id,
                "title": t.title,
                "start": iso(t.start),
                "gratitude": t.gratitude,
                "people": list(t.people),
                "contact_id": t.contact_id,
                "contact_name": t.name or None,
            }
            for t in overview.unsent_thanks
        ],
        "keep_in_touch": [
            {
                "contact_id": k.contact_id,
                "name": k.name,
                "cadence_days": k.cadence_days,
                "last_met": iso(k.last_met),
                "days_since": k.days_since(overview.now),
            }
            for k in overview.keep_in_touch
        ],
        "birthdays": [
            {"contact_id": b.contact_id, "name": b.name, "on": b.on.isoformat(), "days": b.days}
            for b in overview.birthdays
        ],
    }
