"""The meeting moment through a day, on a fake clock: reminders reach a real session
D-Bus notification server on time, once, discreetly while locked, and their buttons
open the prep card and the reflection editor; Today follows the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ichigoapp.services import reminders
from ichigoapp.store import Vault, open_vault
from ichigoapp.ui.dialogs.prep_card import PrepCardDialog
from ichigoapp.ui.lifecycle.autolock import AutoLock
from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.notifications import DesktopNotifications
from tests.desktop_bus import RecordingNotifications, needs_dbus
from tests.ui import seed
from tests.ui.conftest import NOW

pytestmark = needs_dbus


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Day:
    """The seeded vault's coffee tomorrow, a clock the test moves and the desktop's
    notification server."""

    world: seed.World
    start: datetime
    end: datetime
    clock: FakeClock
    notifications: DesktopNotifications
    server: RecordingNotifications

    def moment(self, window: MainWindow, autolock: AutoLock | None = None) -> MeetingMoment:
        return MeetingMoment(window, self.notifications, clock=self.clock, autolock=autolock)


@pytest.fixture
def day(
    vault: Vault,
    notifications: DesktopNotifications,
    notification_server: RecordingNotifications,
) -> Day:
    from ichigoapp.model import Encounter

    world = seed.build(vault, NOW)
    with vault.session() as s:
        coffee = s.get(Encounter, world.upcoming)
        assert coffee is not None and coffee.end is not None
        start, end = coffee.start, coffee.end
    return Day(world, start, end, FakeClock(start), notifications, notification_server)


def _window(vault: Vault, clock: FakeClock, qtbot: Any, *, locks: bool = False) -> MainWindow:
    window = MainWindow(vault, [], clock)
    if not locks:  # a lock deletes the window itself; qtbot must not close it again
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _coffee(server: RecordingNotifications) -> list[Any]:
    return [n for n in server.shown if "Hanako" in n.summary or "Coffee" in n.summary]


def test_a_day_of_one_meeting(vault: Vault, day: Day, qtbot: Any) -> None:
    start, end, clock, world = day.start, day.end, day.clock, day.world
    notifications, notification_server = day.notifications, day.server
    clock.now = start - timedelta(minutes=40)
    window = _window(vault, clock, qtbot)
    moment = day.moment(window)

    moment.tick()
    assert _coffee(notification_server) == []  # 40 minutes before: not yet

    clock.now = start - timedelta(minutes=30)
    moment.tick()
    (before,) = _coffee(notification_server)
    assert before.summary.startswith("Coffee with Hanako at ")
    assert "Hanako Sato" in before.body and "Lena Fischer (new)" in before.body
    assert "open-card" in before.actions and "print" in before.actions

    clock.now += timedelta(minutes=1)
    moment.tick()
    assert len(_coffee(notification_server)) == 1  # never twice

    # "Open prep card" opens that meeting's card.
    with qtbot.waitSignal(notifications.action_invoked, timeout=5000):
        notification_server.press(before.id, "open-card")
    qtbot.waitUntil(lambda: _open_card() is not None, timeout=5000)
    card = _open_card()
    assert card is not None and card.pane.card is not None
    assert card.pane.card.encounter_id == world.upcoming
    card.close()

    # Today shows it ahead; once it has ended it waits for a reflection, without F5.
    window.show_page(window.today)
    assert window.today.overview is not None
    assert world.upcoming in [m.encounter_id for m in window.today.overview.upcoming]
    clock.now = end + timedelta(minutes=5)
    moment.tick()
    awaiting = [m.encounter_id for m in window.today.overview.awaiting_reflection]
    assert world.upcoming in awaiting

    after = _coffee(notification_server)[-1]
    assert after.summary.startswith("How did it go with Hanako")
    with qtbot.waitSignal(notifications.action_invoked, timeout=5000):
        notification_server.press(after.id, "reflect")
    qtbot.waitUntil(lambda: window.reflection_editor is not None, timeout=5000)
    assert window.reflection_editor is not None
    assert window.reflection_editor.encounter_id == world.upcoming
    window.reflection_editor.reject()


def _open_card() -> PrepCardDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PrepCardDialog) and widget.isVisible():
            return widget
    return None


def test_a_laptop_that_slept_says_only_what_is_still_timely(
    vault: Vault, day: Day, qtbot: Any
) -> None:
    start, end, clock, notification_server = day.start, day.end, day.clock, day.server
    clock.now = start - timedelta(hours=2)
    window = _window(vault, clock, qtbot)
    moment = day.moment(window)
    moment.tick()

    # Asleep through the reminder before and the one after: waking says neither.
    clock.now = end + timedelta(minutes=30)
    moment.tick()
    assert _coffee(notification_server) == []

    # A restart (a new window and schedule on the same vault) repeats nothing either.
    clock.now = start - timedelta(minutes=29)
    again = day.moment(window)
    again.tick()
    assert len(_coffee(notification_server)) == 1
    third = day.moment(window)
    third.tick()
    assert len(_coffee(notification_server)) == 1


def test_while_locked_a_reminder_names_nobody_and_is_not_repeated_after(
    vault: Vault, day: Day, qtbot: Any
) -> None:
    start, clock = day.start, day.clock
    notifications, notification_server = day.notifications, day.server
    clock.now = start - timedelta(hours=1)
    window = _window(vault, clock, qtbot, locks=True)
    reopened: list[Vault] = []

    def unlock(path: Path, _parent: Any) -> Vault:
        reopened.append(open_vault(path))
        return reopened[-1]

    lock = AutoLock(window, minutes=15, unlock=unlock)
    moment = day.moment(window, autolock=lock)
    moment.tick()
    lock.lock()
    assert moment.locked

    clock.now = start - timedelta(minutes=30)
    moment.tick()
    discreet = notification_server.shown[-1]
    assert discreet.summary == "A meeting starts in 30 minutes"
    assert discreet.body == ""
    assert discreet.actions == ["default", "Unlock…", "unlock", "Unlock…"]
    everything = " ".join(f"{n.summary} {n.body}" for n in notification_server.shown)
    for private in ("Hanako", "Lena", "Coffee", "meet.example.com"):
        assert private not in everything

    # Its button shows the lock screen, not the data.
    with qtbot.waitSignal(notifications.action_invoked, timeout=5000):
        notification_server.press(discreet.id, "unlock")
    assert lock.lock_screen is not None and lock.lock_screen.isVisible()

    count = len(notification_server.shown)
    assert lock.lock_screen is not None
    lock.lock_screen.unlock_button.click()
    assert not moment.locked and moment.window is lock.window
    clock.now += timedelta(minutes=1)
    moment.tick()
    assert len(notification_server.shown) == count  # shown while locked: not again
    assert lock.window is not None
    with lock.window.vault.session() as s:
        before_key = reminders.plan(s, start - timedelta(minutes=31), start)[0].key
        assert reminders.shown_keys(s, [before_key]) == {before_key}
    lock.window.close()
    lock.window.deleteLater()


def test_discreet_notifications_chosen_while_unlocked(vault: Vault, day: Day, qtbot: Any) -> None:
    with vault.transaction() as s:
        reminders.set_discreet_notifications(s, True)
    day.clock.now = day.start - timedelta(minutes=30)
    day.moment(_window(vault, day.clock, qtbot)).tick()
    summaries = [n.summary for n in day.server.shown]
    assert "A meeting starts in 30 minutes" in summaries
    assert not any("Hanako" in f"{n.summary} {n.body}" for n in day.server.shown)
