"""Calendar sources the user follows: add, list, change, remove (DESIGN section 7a).

A source's link and password are kept in the vault only; everything that leaves this
module for a person or a script shows the link redacted (``sync.addresses.redact``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput, NotFound
from ichigoapp.i18n import _, format_time, ngettext, pgettext
from ichigoapp.model import (
    REMOVED_FROM_CALENDAR,
    Encounter,
    EncounterStatus,
    Promise,
    Reflection,
    Source,
    SourceItem,
    SourceKind,
    Tag,
)
from ichigoapp.model.source import DEFAULT_EVERY_MINUTES, MAX_EVERY_MINUTES, MIN_EVERY_MINUTES
from ichigoapp.sync.addresses import host_of, normalise_url, redact

__all__ = [
    "ADDRESS_BOOK_KINDS",
    "CALENDAR_KINDS",
    "DEFAULT_EVERY_MINUTES",
    "FollowedCalendar",
    "SourceKind",
    "add_source",
    "address_book_dict",
    "host_of",
    "list_sources",
    "normalise_url",
    "remove_source",
    "source_dict",
    "withdraw",
]


@dataclass(frozen=True)
class FollowedCalendar:
    url: str
    name: str
    token: str = ""


def followed_calendars(source: Source) -> list[FollowedCalendar]:
    return [
        FollowedCalendar(c["url"], c["name"], c.get("token", ""))
        for c in json.loads(source.calendars or "[]")
    ]


def set_followed_calendars(source: Source, calendars: list[FollowedCalendar]) -> None:
    source.calendars = json.dumps(
        [{"url": c.url, "name": c.name, "token": c.token} for c in calendars]
    )


def check_every(minutes: int) -> int:
    if not MIN_EVERY_MINUTES <= minutes <= MAX_EVERY_MINUTES:
        raise BadInput(
            _("sync every %(n)d minutes? Choose from %(least)d minutes to a day (%(most)d minutes)")
            % {"n": minutes, "least": MIN_EVERY_MINUTES, "most": MAX_EVERY_MINUTES}
        )
    return minutes


def check_name(session: Session, name: str, *, other_than: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise BadInput(_("a calendar source needs a name (say 'Work')"))
    clash = session.scalar(
        select(Source.id).where(func.lower(Source.name) == name.lower(), Source.id != other_than)
    )
    if clash is not None:
        raise BadInput(_("there is already a calendar source called '%(name)s'") % {"name": name})
    return name


def add_source(
    session: Session,
    *,
    name: str,
    kind: SourceKind,
    url: str,
    username: str = "",
    password: str = "",
    calendars: list[FollowedCalendar] | None = None,
    every_minutes: int = DEFAULT_EVERY_MINUTES,
    push: str = "none",
) -> Source:
    """Remember a source (not synced yet). CalDAV sources name the calendars followed;
    an address book says which contacts it receives (:func:`check_push`)."""
    if kind == SourceKind.CALDAV and not calendars:
        raise BadInput(_("no calendar of that account was chosen to follow"))
    if kind == SourceKind.CARDDAV and (not calendars or len(calendars) > 1):
        raise BadInput(_("an address book link follows exactly one address book"))
    source = Source(
        name=check_name(session, name),
        kind=kind.value,
        url=normalise_url(url),
        username=username,
        password=password,
        every_minutes=check_every(every_minutes),
        push=check_push(session, push) if kind == SourceKind.CARDDAV else "none",
    )
    set_followed_calendars(source, calendars or [])
    session.add(source)
    session.flush()
    return source


def check_push(session: Session, push: str) -> str:
    """Which contacts an address book receives: "none" (pull only), "all", or
    "tag:NAME" (the contacts with that tag, which must exist)."""
    push = push.strip()
    if push in ("none", "all"):
        return push
    kind, _sep, tag = push.partition(":")
    if kind != "tag" or not tag.strip():
        raise BadInput(_("push must be all, none or tag:TAG, not '%(push)s'") % {"push": push})
    tag = " ".join(tag.split())
    if session.scalar(select(Tag.id).where(Tag.name == tag)) is None:
        raise BadInput(_("no contact has the tag '%(tag)s'") % {"tag": tag})
    return f"tag:{tag}"


def describe_push(push: str) -> str:
    """Which contacts an address book receives, in words ("pull only"...)."""
    if push == "none":
        return _("pull only")
    if push == "all":
        return _("both ways, all contacts")
    return _("both ways, contacts tagged %(tag)s") % {"tag": push.removeprefix("tag:")}


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(_("no calendar source with id %(id)d") % {"id": source_id})
    return source


CALENDAR_KINDS = (SourceKind.ICS.value, SourceKind.CALDAV.value)
ADDRESS_BOOK_KINDS = (SourceKind.CARDDAV.value,)


def list_sources(session: Session, kinds: Sequence[str] | None = None) -> list[Source]:
    """Every source (calendars and address books), or those of ``kinds``."""
    query = select(Source).order_by(func.lower(Source.name), Source.id)
    if kinds is not None:
        query = query.where(Source.kind.in_(kinds))
    return list(session.scalars(query))


def address_book_dict(source: Source) -> dict[str, Any]:
    """The shape of ``ichigo addressbooks list --json`` (README, "Address books")."""
    return {
        "id": source.id,
        "name": source.name,
        "url": redact(source.url),
        "push": source.push,
        "last_sync": _iso(source.last_sync),
        "last_error": source.last_error,
    }


def source_dict(source: Source) -> dict[str, Any]:
    """The shape of ``ichigo calendars list --json`` (README, "Calendar sources")."""
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "url": redact(source.url),
        "calendars": [c.name for c in followed_calendars(source)],
        "every_minutes": source.every_minutes,
        "last_sync": _iso(source.last_sync),
        "last_error": source.last_error,
    }


def last_counts(source: Source) -> dict[str, int]:
    counts: dict[str, int] = json.loads(source.last_counts or "{}")
    return counts


def set_every(session: Session, source_id: int, minutes: int) -> None:
    get_source(session, source_id).every_minutes = check_every(minutes)


def remove_source(session: Session, source_id: int, *, forget_meetings: bool = False) -> int:
    """Stop following a source. Its meetings stay unless ``forget_meetings``; then the
    ones nothing of the user's hangs on (and no other source lists) are deleted, the
    others are marked removed from calendar. Returns how many meetings went."""
    source = get_source(session, source_id)
    uids = set(session.scalars(select(SourceItem.uid).where(SourceItem.source_id == source.id)))
    session.delete(source)
    session.flush()
    if not forget_meetings:
        return 0
    still_listed = set(
        session.scalars(select(SourceItem.uid).where(SourceItem.uid.in_(uids)).distinct())
    )
    removed = 0
    for uid in sorted(uids - still_listed):
        removed += withdraw(session, uid)
    return removed


def has_users_words(session: Session, encounter: Encounter) -> bool:
    """Whether the user wrote anything on this encounter (then it is never deleted)."""
    if encounter.intention.strip() or encounter.notes.strip():
        return True
    if any(not p.from_calendar for p in encounter.participations):
        return True  # someone the user added by hand
    if session.scalar(select(Reflection.id).where(Reflection.encounter_id == encounter.id)):
        return True
    return (
        session.scalar(select(Promise.id).where(Promise.encounter_id == encounter.id)) is not None
    )


def withdraw(session: Session, uid: str, recurrence_ids: set[str] | None = None) -> int:
    """A calendar stopped listing ``uid`` (or these occurrences of it): delete what holds
    nothing of the user's, mark the rest cancelled, "removed from calendar". Returns how
    many encounters changed."""
    query = select(Encounter).where(Encounter.ical_uid == uid)
    changed = 0
    for encounter in session.scalars(query):
        if recurrence_ids is not None and encounter.recurrence_id not in recurrence_ids:
            continue
        if encounter.status_reason == REMOVED_FROM_CALENDAR:
            continue
        if has_users_words(session, encounter):
            encounter.status = EncounterStatus.CANCELLED.value
            encounter.status_reason = REMOVED_FROM_CALENDAR
        else:
            session.delete(encounter)
        changed += 1
    session.flush()
    return changed


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def due_sources(
    session: Session, now: datetime, attempted: dict[int, datetime] | None = None
) -> list[int]:
    """The sources whose interval has passed since their last sync (or since the last
    attempt, for one that failed: it is tried again at its interval, not at once)."""
    attempted = attempted or {}
    due = []
    for source in list_sources(session):
        last = max(
            (t for t in (source.last_sync, attempted.get(source.id)) if t is not None),
            default=None,
        )
        if last is None or (now - last).total_seconds() >= source.every_minutes * 60:
            due.append(source.id)
    return due


def sync_status(session: Session, now: datetime) -> str:
    """One line for the status bar: "Synced 2 min ago", "Offline — last synced 09:12",
    or the source that fails. Empty when no calendar is followed."""
    sources = list_sources(session)
    if not sources:
        return ""
    synced = [s.last_sync for s in sources if s.last_sync is not None]
    last = max(synced) if synced else None
    failing = [s for s in sources if s.last_error]
    offline = all("(offline?)" in (s.last_error or "") for s in failing)
    if failing and offline and len(failing) == len(sources):
        if last is None:
            return _("Offline — not synced yet")
        return _("Offline — last synced %(time)s") % {"time": format_time(last.astimezone())}
    if failing:
        names = pgettext("list", ", ").join(_("'%(name)s'") % {"name": s.name} for s in failing[:2])
        if len(failing) > 2:
            names = ngettext(
                "%(names)s and %(n)d more", "%(names)s and %(n)d more", len(failing) - 2
            ) % {
                "names": names,
                "n": len(failing) - 2,
            }
        return _("%(names)s did not sync — see File › Calendars…") % {"names": names}
    if last is None:
        return _("Calendars not synced yet")
    minutes = int((now - last).total_seconds() // 60)
    if minutes < 1:
        return _("Synced just now")
    if minutes < 60:
        return ngettext("Synced %(n)d min ago", "Synced %(n)d min ago", minutes) % {"n": minutes}
    return _("Synced at %(time)s") % {"time": format_time(last.astimezone())}
