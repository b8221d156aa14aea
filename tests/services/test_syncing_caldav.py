"""CalDAV accounts followed live: a real Radicale on loopback, changed between syncs by
another client (the ``caldav`` library in the test, not Ichigo's code)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from ichigoapp.errors import BadInput, SyncFailed
from ichigoapp.model import REMOVED_FROM_CALENDAR, Encounter, Participation, SourceKind
from ichigoapp.services import reflections
from ichigoapp.services.sources import FollowedCalendar, add_source
from ichigoapp.services.syncing import (
    SyncReport,
    discover_calendars,
    pick_calendars,
    sync_source,
)
from ichigoapp.store import Vault
from tests.servers import Radicale, event, feed, start_radicale

TODAY = date(2026, 12, 3)
INGRID = ("Ingrid Solberg", "ingrid@example.org")
LENA = ("Lena Fischer", "lena@example.org")
KOFI = ("Kofi Mensah", "kofi@example.com")

STANDUP = event(
    "standup@x",
    "20261207T090000Z",
    "Weekly standup",
    attendees=(LENA,),
    extra="RRULE:FREQ=WEEKLY;COUNT=4",
)


def follow(vault: Vault, server: Radicale, *names: str, password: str = "") -> int:
    found = discover_calendars(server.url, server.user, server.password, "Work")
    chosen = pick_calendars(found, list(names))
    with vault.transaction() as session:
        return add_source(
            session,
            name="Work",
            kind=SourceKind.CALDAV,
            url=server.url,
            username=server.user,
            password=password or server.password,
            calendars=[FollowedCalendar(c.url, c.name) for c in chosen],
        ).id


def sync(vault: Vault, source_id: int) -> SyncReport:
    return sync_source(vault.transaction, source_id, today=TODAY)


def meetings(vault: Vault) -> dict[str, tuple[str, str]]:
    """(title, start) -> status (with the reason) and attendees, as the app lists them."""
    out: dict[str, Any] = {}
    with vault.session() as session:
        for e in session.scalars(select(Encounter).order_by(Encounter.start)):
            status = e.status + (f" ({e.status_reason})" if e.status_reason else "")
            people = ", ".join(sorted(p.name for p in e.participations))
            out[f"{e.title} {e.start:%m-%d %H:%M}"] = (status, people)
    return out


def test_discovery_lists_event_calendars_and_a_missing_name_is_explained(
    radicale: Radicale,
) -> None:
    radicale.make_calendar("Work", "work")
    radicale.make_calendar("Family", "family")
    radicale.make_calendar("Chores", "chores", components=["VTODO"])
    found = discover_calendars(radicale.url, radicale.user, radicale.password, "Work")
    assert sorted(c.name for c in found) == ["Family", "Work"]
    assert [c.name for c in pick_calendars(found, ["work"])] == ["Work"]
    with pytest.raises(BadInput, match=r"no calendar called 'Holidays'.*'Family'"):
        pick_calendars(found, ["Holidays"])
    with pytest.raises(SyncFailed, match=r"^the server refused the password for 'Work'$"):
        discover_calendars(radicale.url, radicale.user, "wrong", "Work")


def test_every_kind_of_change_on_the_server_shows_up_and_a_quiet_sync_changes_nothing(
    vault: Vault, radicale: Radicale
) -> None:
    work = radicale.make_calendar("Work", "work")
    work.save_event(event("coffee@x", "20261210T100000Z", "Coffee", attendees=(INGRID,)))
    work.save_event(event("lunch@x", "20261211T120000Z", "Lunch", attendees=(LENA,)))
    work.save_event(event("talk@x", "20261212T150000Z", "Talk", attendees=(INGRID,)))
    work.save_event(event("demo@x", "20261214T130000Z", "Demo", attendees=(KOFI,)))
    work.save_event(event("board@x", "20261215T080000Z", "Board", attendees=(INGRID,)))
    work.save_event(STANDUP)
    source = follow(vault, radicale)
    first = sync(vault, source)
    assert (first.ok, first.created) == (True, 9)  # five meetings and four standups
    with vault.transaction() as session:
        lunch = session.scalar(select(Encounter).where(Encounter.title == "Lunch"))
        assert lunch is not None
        reflections.reflect(session, lunch.id, reflections.ReflectionInput(learned="Has twins"))

    # Another client changes the calendar.
    other = radicale.client().calendar(url=work.url)
    other.save_event(event("dinner@x", "20261216T190000Z", "Dinner", attendees=(KOFI,)))
    moved = other.event_by_uid("coffee@x")
    moved.data = event("coffee@x", "20261210T150000Z", "Coffee", attendees=(INGRID,), sequence=1)
    moved.save()
    cancelled = other.event_by_uid("demo@x")
    cancelled.data = event(
        "demo@x", "20261214T130000Z", "Demo", attendees=(KOFI,), sequence=1,
        extra="STATUS:CANCELLED",
    )  # fmt: skip
    cancelled.save()
    other.event_by_uid("lunch@x").delete()  # reflected on
    other.event_by_uid("talk@x").delete()  # nothing written
    series = other.event_by_uid("standup@x")
    # The library's save gave the series SEQUENCE:1; an override carries the series'
    # revision, as calendar programs write them.
    override = event(
        "standup@x", "20261214T110000Z", "Weekly standup (moved)", attendees=(LENA,),
        extra="RECURRENCE-ID:20261214T090000Z", sequence=1,
    )  # fmt: skip
    series.data = feed(STANDUP, override).decode()
    series.save()
    board = other.event_by_uid("board@x")
    board.data = event("board@x", "20261215T080000Z", "Board", attendees=(INGRID, LENA), sequence=1)
    board.save()

    second = sync(vault, source)
    assert second.ok, second.error
    assert (second.created, second.removed, second.cancelled) == (1, 2, 1)
    assert meetings(vault) == {
        "Coffee 12-10 15:00": ("planned", "Ingrid Solberg"),
        "Lunch 12-11 12:00": (f"cancelled ({REMOVED_FROM_CALENDAR})", "Lena Fischer"),
        "Weekly standup 12-07 09:00": ("planned", "Lena Fischer"),
        "Weekly standup (moved) 12-14 11:00": ("planned", "Lena Fischer"),
        "Demo 12-14 13:00": ("cancelled", "Kofi Mensah"),
        "Board 12-15 08:00": ("planned", "Ingrid Solberg, Lena Fischer"),
        "Dinner 12-16 19:00": ("planned", "Kofi Mensah"),
        "Weekly standup 12-21 09:00": ("planned", "Lena Fischer"),
        "Weekly standup 12-28 09:00": ("planned", "Lena Fischer"),
    }
    with vault.session() as session:
        lunch = session.scalar(select(Encounter).where(Encounter.title == "Lunch"))
        assert lunch is not None and lunch.reflection is not None

    third = sync(vault, source)
    assert third.ok and third.not_modified
    assert (third.created, third.updated, third.removed) == (0, 0, 0)


def test_a_meeting_moved_between_two_followed_calendars_stays_one_meeting(
    vault: Vault, radicale: Radicale
) -> None:
    work = radicale.make_calendar("Work", "work")
    family = radicale.make_calendar("Family", "family")
    work.save_event(event("visit@x", "20261218T170000Z", "Visit", attendees=(INGRID,)))
    source = follow(vault, radicale)
    sync(vault, source)
    with vault.transaction() as session:
        visit = session.scalar(select(Encounter).where(Encounter.title == "Visit"))
        assert visit is not None
        visit.intention = "Bring the book"
        visit_id = visit.id

    family.save_event(event("visit@x", "20261218T170000Z", "Visit", attendees=(INGRID,)))
    radicale.client().calendar(url=work.url).event_by_uid("visit@x").delete()
    report = sync(vault, source)
    assert report.ok and report.removed == 0
    with vault.session() as session:
        [visit] = session.scalars(select(Encounter)).all()
        assert (visit.id, visit.status, visit.intention) == (visit_id, "planned", "Bring the book")


def test_a_wrong_password_or_a_stopped_server_changes_nothing_and_the_next_sync_completes(
    vault: Vault, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = start_radicale(tmp_path / "dav")
    try:
        work = server.make_calendar("Work", "work")
        work.save_event(event("coffee@x", "20261210T100000Z", "Coffee", attendees=(INGRID,)))
        source = follow(vault, server)
        assert sync(vault, source).created == 1
        work.save_event(event("lunch@x", "20261211T120000Z", "Lunch", attendees=(LENA,)))
    finally:
        server.stop()

    report = sync(vault, source)
    assert report.error == "'Work': could not reach 127.0.0.1 (offline?)"
    assert list(meetings(vault)) == ["Coffee 12-10 10:00"]

    again = start_radicale(tmp_path / "dav", port=int(server.url.rsplit(":", 1)[1].strip("/")))
    try:
        assert sync(vault, source).created == 1
    finally:
        again.stop()
    assert list(meetings(vault)) == ["Coffee 12-10 10:00", "Lunch 12-11 12:00"]


def test_a_refused_password_is_one_line_and_the_attendees_wait_for_triage(
    vault: Vault, radicale: Radicale
) -> None:
    work = radicale.make_calendar("Work", "work")
    work.save_event(event("coffee@x", "20261210T100000Z", "Coffee", attendees=(INGRID,)))
    source = follow(vault, radicale, password="wonderland")
    assert sync(vault, source).new_people == 1
    with vault.session() as session:
        [part] = session.scalars(select(Participation)).all()
        assert (part.email, part.contact_id) == ("ingrid@example.org", None)
    with vault.transaction() as session:
        from ichigoapp.model import Source

        stored = session.get(Source, source)
        assert stored is not None
        stored.password = "changed elsewhere"
    report = sync(vault, source)
    assert report.error == "the server refused the password for 'Work'"
