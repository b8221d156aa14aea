"""File > Calendars… and Sync now, driven as a user would, against real loopback servers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from ichigoapp.services.sources import SourceKind
from ichigoapp.store import Vault
from ichigoapp.ui.dialogs.calendars import AddSourceDialog, CalendarsDialog
from ichigoapp.ui.main_window import MainWindow
from tests.servers import FeedServer, Radicale, Route, event, feed
from tests.ui.conftest import NOW, DialogLog

INGRID = ("Ingrid Solberg", "ingrid@example.org")
COFFEE = event("coffee@x", "20261210T100000Z", "Coffee with Ingrid", attendees=(INGRID,))
LUNCH = event("lunch@x", "20261211T120000Z", "Lunch with Ingrid", attendees=(INGRID,))


def open_dialog(window: MainWindow) -> CalendarsDialog:
    window.file_actions.sync.calendars_action.trigger()
    dialog = window.file_actions.sync.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def rows(dialog: CalendarsDialog) -> list[list[str]]:
    table = dialog.table
    out = []
    for n in range(table.topLevelItemCount()):
        item = table.topLevelItem(n)
        assert item is not None
        out.append([item.text(c) for c in (0, 1, 2, 3, 5)])
    return out


def add_link(qtbot: Any, dialog: CalendarsDialog, name: str, url: str) -> bool:
    adding = AddSourceDialog(dialog, SourceKind.ICS)
    qtbot.addWidget(adding)
    qtbot.keyClicks(adding.name, name)
    qtbot.keyClicks(adding.url, url)
    return dialog._add(adding)


def titles(window: MainWindow) -> list[str]:
    window.encounters.ensure_loaded()
    model = window.encounters.table.model()
    return sorted(str(model.index(r, 1).data()) for r in range(model.rowCount()))


def test_a_pasted_link_is_added_synced_and_shown_with_its_result(
    window: MainWindow, qtbot: Any, feed_server: FeedServer, dialog_log: DialogLog
) -> None:
    feed_server.serve("/secret/basic.ics", feed(COFFEE))
    dialog = open_dialog(window)
    assert dialog.empty.isVisible() and rows(dialog) == []

    assert add_link(qtbot, dialog, "Work", feed_server.url("/secret/basic.ics"))
    assert dialog_log.errors == []
    assert rows(dialog) == [["Work", "Calendar link", "—", "every 15 min", "1 new meeting"]]
    assert not dialog.empty.isVisible()
    window.file_actions.sync.show_status()
    assert window.sync_label.isVisible()
    assert window.sync_label.text().startswith("Synced")


def test_a_link_that_fails_is_explained_and_not_kept(
    window: MainWindow, qtbot: Any, feed_server: FeedServer, dialog_log: DialogLog
) -> None:
    feed_server.routes["/login"] = Route(
        body=b"<html><body>Sign in</body></html>", content_type="text/html"
    )
    dialog = open_dialog(window)
    assert not add_link(qtbot, dialog, "Work", feed_server.url("/login"))
    assert dialog_log.errors == [
        (
            "Could not add the calendar",
            "'Work': this address returned a web page, not a calendar; the calendar was not added",
        )
    ]
    assert rows(dialog) == []


def test_a_caldav_account_is_tested_its_calendars_ticked_and_followed(
    window: MainWindow, qtbot: Any, radicale: Radicale, dialog_log: DialogLog
) -> None:
    radicale.make_calendar("Work", "work").save_event(COFFEE)
    radicale.make_calendar("Family", "family").save_event(LUNCH)
    dialog = open_dialog(window)
    adding = AddSourceDialog(dialog, SourceKind.CALDAV)
    qtbot.addWidget(adding)
    qtbot.keyClicks(adding.url, radicale.url)
    qtbot.keyClicks(adding.user, radicale.user)
    ok = adding.buttons.buttons()[0]
    assert not ok.isEnabled()  # no calendar chosen yet

    qtbot.keyClicks(adding.password, "wrong")
    adding.test_button.click()
    assert adding.found_label.text() == "the server refused the password for 'Work'"
    adding.password.clear()
    qtbot.keyClicks(adding.password, radicale.password)
    adding.test_button.click()
    names = [adding.calendars.item(n).text() for n in range(adding.calendars.count())]
    assert sorted(names) == ["Family", "Work"]
    family = adding.calendars.item(names.index("Family"))
    family.setCheckState(Qt.CheckState.Unchecked)
    assert [c.name for c in adding.chosen()] == ["Work"]

    assert dialog._add(adding)
    assert rows(dialog) == [["Work", "CalDAV account", "Work", "every 15 min", "1 new meeting"]]
    assert titles(window) == ["Coffee with Ingrid"]


def test_sync_now_brings_changes_and_removing_keeps_the_meetings(
    window: MainWindow, qtbot: Any, feed_server: FeedServer, dialog_log: DialogLog
) -> None:
    feed_server.serve("/cal.ics", feed(COFFEE))
    dialog = open_dialog(window)
    add_link(qtbot, dialog, "Work", feed_server.url("/cal.ics"))
    feed_server.serve("/cal.ics", feed(COFFEE, LUNCH))

    sync = window.file_actions.sync
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        window.file_actions.sync.sync_action.trigger()  # F5
    assert titles(window) == ["Coffee with Ingrid", "Lunch with Ingrid"]
    assert rows(dialog)[0][4] == "1 new meeting"

    # The server goes away: the status bar says so, the meetings stay.
    feed_server.routes["/cal.ics"] = Route(status=503)
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.sync_now()
    assert rows(dialog)[0][4] == "127.0.0.1 answered with an error (HTTP 503)"
    assert window.sync_label.text() == "'Work' did not sync — see File › Calendars…"

    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    dialog_log.choose_answer = 0  # keep the meetings
    dialog.remove()
    assert dialog_log.chooses == ["Stop following 'Work'?"]
    assert rows(dialog) == []
    assert titles(window) == ["Coffee with Ingrid", "Lunch with Ingrid"]


def test_the_schedule_syncs_what_is_due_and_after_the_clock_jumps(
    vault: Vault, qtbot: Any, feed_server: FeedServer
) -> None:
    now = [NOW]
    window = MainWindow(vault, [], lambda: now[0])
    qtbot.addWidget(window)
    feed_server.serve("/cal.ics", feed(COFFEE))
    dialog = open_dialog(window)
    add_link(qtbot, dialog, "Work", feed_server.url("/cal.ics"))
    sync = window.file_actions.sync
    requests = len(feed_server.requests)

    sync.start()  # just synced: nothing is due
    assert sync.worker is None and len(feed_server.requests) == requests

    now[0] += timedelta(minutes=16)  # past the 15-minute interval
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.tick()
    assert len(feed_server.requests) == requests + 1

    now[0] += timedelta(minutes=1)
    sync.tick()  # not due again yet
    assert sync.worker is None and len(feed_server.requests) == requests + 1

    now[0] += timedelta(hours=3)  # the laptop slept: every calendar syncs at once
    with qtbot.waitSignal(sync.synced, timeout=20_000):
        sync.tick()
    assert len(feed_server.requests) == requests + 2
    sync.end_work()
    sync.tick()
    assert sync.worker is None


def test_a_window_opened_after_an_unlock_keeps_the_calendars_in_sync(
    window: MainWindow, qtbot: Any
) -> None:
    # The window an unlock makes (ui/lifecycle/autolock.py) has no start-up check, so
    # its schedule starts when it is shown; closing the vault stops it.
    sync = window.file_actions.sync
    qtbot.waitUntil(sync.timer.isActive, timeout=5_000)
    window.finish_background_work()
    assert not sync.timer.isActive()
