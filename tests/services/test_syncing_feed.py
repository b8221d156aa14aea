"""Calendar links followed live: a real HTTP server on loopback, changed between syncs."""

from __future__ import annotations

import logging
import ssl
import threading
from datetime import date

import pytest
import trustme
from sqlalchemy import func, select

from ichigoapp.errors import BadInput
from ichigoapp.model import REMOVED_FROM_CALENDAR, Encounter, Source, SourceKind
from ichigoapp.services import reflections
from ichigoapp.services.importing import import_calendar
from ichigoapp.services.sources import add_source, remove_source, source_dict
from ichigoapp.services.syncing import SyncReport, sync_source, sync_sources
from ichigoapp.store import Vault
from ichigoapp.sync.feed import Limits
from tests.servers import FeedServer, Route, event, feed, start_feed_server, stop_feed_server

TODAY = date(2026, 12, 3)
TOKEN = "private-4f9c2e1b7d3a8f6e0c5b9a2d"
PATH = f"/calendar/ical/ada%40example.org/{TOKEN}/basic.ics"
INGRID = ("Ingrid Solberg", "ingrid@example.org")
LENA = ("Lena Fischer", "lena@example.org")

COFFEE = event("coffee@x", "20261210T100000Z", "Coffee with Ingrid", attendees=(INGRID,))
LUNCH = event("lunch@x", "20261211T120000Z", "Lunch with Lena", attendees=(LENA,))
TALK = event("talk@x", "20261212T150000Z", "Talk rehearsal", attendees=(INGRID, LENA))


def follow(vault: Vault, server: FeedServer, name: str = "Work", path: str = PATH) -> int:
    with vault.transaction() as session:
        return add_source(session, name=name, kind=SourceKind.ICS, url=server.url(path)).id


def sync(vault: Vault, source_id: int, **kwargs: object) -> SyncReport:
    return sync_source(vault.transaction, source_id, today=TODAY, **kwargs)  # type: ignore[arg-type]


def titles(vault: Vault) -> dict[str, str]:
    with vault.session() as session:
        return {
            e.title: e.status + (f" ({e.status_reason})" if e.status_reason else "")
            for e in session.scalars(select(Encounter))
        }


def test_a_link_syncs_its_meetings_and_an_unchanged_feed_costs_one_request(
    vault: Vault, feed_server: FeedServer
) -> None:
    feed_server.serve(PATH, feed(COFFEE, LUNCH))
    source = follow(vault, feed_server)

    first = sync(vault, source)
    assert (first.ok, first.created, first.new_people) == (True, 2, 2)
    assert titles(vault) == {"Coffee with Ingrid": "planned", "Lunch with Lena": "planned"}

    second = sync(vault, source)
    assert second.ok and second.not_modified
    assert (second.created, second.updated) == (0, 0)
    # The second request carried the first answer's ETag and got a 304.
    assert feed_server.hits(PATH)[-1]["if-none-match"] == feed_server.routes[PATH].etag


def test_an_unchanged_body_without_etags_is_not_applied_again(
    vault: Vault, feed_server: FeedServer
) -> None:
    feed_server.serve(PATH, feed(COFFEE), etag=False)
    source = follow(vault, feed_server)
    assert sync(vault, source).created == 1
    again = sync(vault, source)
    assert again.not_modified and again.unchanged == 0
    assert "if-none-match" not in feed_server.hits(PATH)[-1]


def test_changes_on_the_server_show_up_and_what_the_user_wrote_stays(
    vault: Vault, feed_server: FeedServer
) -> None:
    feed_server.serve(PATH, feed(COFFEE, LUNCH, TALK))
    source = follow(vault, feed_server)
    sync(vault, source)
    with vault.transaction() as session:
        lunch = session.scalar(select(Encounter).where(Encounter.title == "Lunch with Lena"))
        assert lunch is not None
        reflections.reflect(
            session, lunch.id, reflections.ReflectionInput(learned="Runs marathons")
        )

    moved = event(
        "coffee@x", "20261210T140000Z", "Coffee with Ingrid", attendees=(INGRID,), sequence=1
    )
    dinner = event("dinner@x", "20261213T190000Z", "Dinner with Ingrid", attendees=(INGRID,))
    # Lunch (reflected on) and the talk (nothing written) are gone from the feed.
    feed_server.serve(PATH, feed(moved, dinner))
    report = sync(vault, source)
    assert (report.created, report.updated, report.removed) == (1, 1, 2)
    assert titles(vault) == {
        "Coffee with Ingrid": "planned",
        "Dinner with Ingrid": "planned",
        "Lunch with Lena": f"cancelled ({REMOVED_FROM_CALENDAR})",
    }
    with vault.session() as session:
        coffee = session.scalar(select(Encounter).where(Encounter.title == "Coffee with Ingrid"))
        assert coffee is not None and coffee.start.hour == 14
        assert len(coffee.reschedules) == 1

    # Listed again: it comes back, its reflection with it.
    feed_server.serve(PATH, feed(moved, dinner, LUNCH))
    sync(vault, source)
    assert titles(vault)["Lunch with Lena"] == "planned"


def test_the_same_uid_from_a_file_and_a_link_is_one_meeting(
    vault: Vault, feed_server: FeedServer, tmp_path: pytest.TempPathFactory
) -> None:
    invite = tmp_path / "invite.ics"  # type: ignore[operator]
    invite.write_bytes(feed(COFFEE))
    import_calendar(vault.transaction, [invite], window=(date(2026, 1, 1), date(2027, 12, 1)))
    feed_server.serve(PATH, feed(COFFEE, LUNCH))
    report = sync(vault, follow(vault, feed_server))
    assert report.created == 1
    with vault.session() as session:
        assert session.scalar(select(func.count()).select_from(Encounter)) == 2


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (
            Route(
                body=b"<!DOCTYPE html><html><body>Sign in</body></html>", content_type="text/html"
            ),
            "'Work': this address returned a web page, not a calendar",
        ),
        (Route(status=401), "the server refused the password for 'Work'"),
        (Route(status=404), "'Work': 127.0.0.1 has no calendar at this address (HTTP 404)"),
        (Route(status=500), "'Work': 127.0.0.1 answered with an error (HTTP 500)"),
        (Route(body=b"this is not a calendar"), "'Work': This is not an iCalendar"),
        (Route(size=60 * 1024 * 1024), "'Work': the calendar at 127.0.0.1 is larger than 50 MB"),
        (Route(body=feed(COFFEE, LUNCH), cut=True), "'Work': the connection to 127.0.0.1 broke"),
    ],
)
def test_a_failing_link_says_why_in_one_line_and_changes_nothing(
    vault: Vault, feed_server: FeedServer, route: Route, message: str
) -> None:
    feed_server.serve(PATH, feed(COFFEE))
    source = follow(vault, feed_server)
    sync(vault, source)
    feed_server.routes[PATH] = route
    report = sync(vault, source, limits=Limits())
    assert not report.ok
    assert report.error is not None and report.error.startswith(message)
    assert "\n" not in report.error and TOKEN not in report.error
    assert titles(vault) == {"Coffee with Ingrid": "planned"}
    with vault.session() as session:
        shown = source_dict(session.get(Source, source) or Source())
    assert shown["last_error"] == report.error


def test_redirects_are_followed_up_to_five(vault: Vault, feed_server: FeedServer) -> None:
    feed_server.serve("/final.ics", feed(COFFEE))
    for hop in range(5):
        target = "/final.ics" if hop == 4 else f"/hop{hop + 1}"
        feed_server.routes[f"/hop{hop}"] = Route(status=302, location=target)
    assert sync(vault, follow(vault, feed_server, path="/hop0")).created == 1

    feed_server.routes["/hop4"] = Route(status=302, location="/hop5")
    feed_server.routes["/hop5"] = Route(status=301, location="/final.ics")
    report = sync(vault, follow(vault, feed_server, name="Loop", path="/hop0"))
    assert report.error == "'Loop': 127.0.0.1 redirected more than 5 times"


def test_a_redirect_to_plain_http_elsewhere_is_refused(
    vault: Vault, feed_server: FeedServer
) -> None:
    feed_server.routes[PATH] = Route(status=302, location="http://calendar.example/basic.ics")
    report = sync(vault, follow(vault, feed_server))
    assert report.error is not None
    assert "calendar.example was given with plain http://" in report.error


def test_plain_http_beyond_loopback_is_refused_when_added(vault: Vault) -> None:
    with vault.transaction() as session, pytest.raises(BadInput, match="only fetches calendars"):
        add_source(session, name="W", kind=SourceKind.ICS, url="http://calendar.example/a.ics")


def test_a_slow_server_times_out_and_an_unreachable_one_is_named(
    vault: Vault, feed_server: FeedServer
) -> None:
    hold = threading.Event()
    feed_server.routes[PATH] = Route(body=feed(COFFEE), hold=hold)
    source = follow(vault, feed_server)
    report = sync(vault, source, limits=Limits(connect_s=0.5, total_s=0.5))
    hold.set()
    assert report.error == "'Work': 127.0.0.1 did not answer in time"

    with vault.transaction() as session:
        gone = add_source(
            session, name="Gone", kind=SourceKind.ICS, url="http://127.0.0.1:9/cal.ics"
        ).id
    assert sync(vault, gone).error == "'Gone': could not reach 127.0.0.1 (offline?)"


def test_one_failing_source_does_not_stop_the_others(vault: Vault, feed_server: FeedServer) -> None:
    feed_server.serve(PATH, feed(COFFEE))
    follow(vault, feed_server)
    feed_server.routes["/broken.ics"] = Route(status=500)
    follow(vault, feed_server, name="Broken", path="/broken.ics")
    reports = sync_sources(vault.transaction, today=TODAY)
    assert [(r.name, r.ok) for r in reports] == [("Broken", False), ("Work", True)]
    assert titles(vault) == {"Coffee with Ingrid": "planned"}


def test_tls_is_verified_and_an_untrusted_certificate_refused(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    running = start_feed_server(tls=context)
    try:
        running.feed.serve(PATH, feed(COFFEE))
        report = sync(vault, follow(vault, running.feed))
    finally:
        stop_feed_server(running)
    assert report.error == "'Work': the certificate of 127.0.0.1 is not trusted by this computer"


def test_the_link_and_password_stay_out_of_logs_and_listings(
    vault: Vault, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every library's debug output too
    feed_server.serve(PATH, feed(COFFEE))
    with vault.transaction() as session:
        source = add_source(
            session,
            name="Work",
            kind=SourceKind.ICS,
            url=feed_server.url(PATH),
            username="ada",
            password="correct horse battery",
        ).id
    sync(vault, source)
    feed_server.routes[PATH] = Route(status=401)
    failed = sync(vault, source)
    with vault.session() as session:
        listed = source_dict(session.get(Source, source) or Source())
    assert listed["url"] == f"http://127.0.0.1:{feed_server.port}/…/basic.ics"
    shown = f"{listed} {failed.to_json()} {caplog.text}"
    assert TOKEN not in shown and "correct horse battery" not in shown
    # It was sent, as basic authentication, to the server it was given for.
    assert feed_server.hits(PATH)[0]["authorization"].startswith("Basic ")


def test_removing_a_source_keeps_its_meetings_unless_asked(
    vault: Vault, feed_server: FeedServer
) -> None:
    feed_server.serve(PATH, feed(COFFEE, LUNCH))
    source = follow(vault, feed_server)
    sync(vault, source)
    with vault.transaction() as session:
        assert remove_source(session, source) == 0
    assert len(titles(vault)) == 2

    source = follow(vault, feed_server)
    sync(vault, source)
    with vault.transaction() as session:
        coffee = session.scalar(select(Encounter).where(Encounter.title == "Coffee with Ingrid"))
        assert coffee is not None
        coffee.intention = "Ask about the Oslo office"
    with vault.transaction() as session:
        assert remove_source(session, source, forget_meetings=True) == 2
    assert titles(vault) == {"Coffee with Ingrid": f"cancelled ({REMOVED_FROM_CALENDAR})"}
