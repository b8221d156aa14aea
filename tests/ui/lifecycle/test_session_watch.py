"""Lock when the user walks away: suspend, screen lock and user switch arrive as D-Bus
signals (here from a fake logind and screen saver on a real private bus), and idle time
is read off the wall clock, so a sleep counts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ichigoapp.store import Vault, open_vault
from ichigoapp.store.engine import secret_of
from ichigoapp.ui.lifecycle.autolock import AutoLock
from ichigoapp.ui.lifecycle.session_watch import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionWatch,
    windows_lock_reason,
)
from ichigoapp.ui.main_window import MainWindow
from tests.desktop_bus import BusService, FakeLogind, needs_dbus
from tests.ui.conftest import NOW


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def locking(vault: Vault, qtbot: Any) -> Any:
    """A window under auto-lock (15 minutes), on a clock the test moves."""
    clock = Clock()
    window = MainWindow(vault, [], clock)  # a lock deletes it: not qtbot's to close
    window.show()
    qtbot.waitExposed(window)

    def unlock(path: Path, _parent: Any) -> Vault:
        return open_vault(path)

    lock = AutoLock(window, minutes=15, unlock=unlock, clock=clock)
    yield lock, clock
    if lock.lock_screen is not None:
        lock.lock_screen.close()
    if lock.window is not None:
        lock.window.close()


class ScreenSaver(BusService):
    name = "org.freedesktop.ScreenSaver"

    def answer(self, member: str, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]] | None:
        return ("b", (False,)) if member == "GetActive" else None

    def activate(self, on: bool) -> None:
        path, interface = "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"
        self.emit(path, interface, "ActiveChanged", "b", (on,))


@pytest.fixture
def logind(session_bus: str) -> Any:
    service = FakeLogind(session_bus)
    yield service
    service.stop()


@pytest.fixture
def watch(locking: Any, session_bus: str) -> Any:
    """What the app runs, listening on the private bus (standing in for both the
    system and the session bus) and asking ``locking``'s auto-lock to lock."""
    lock, _clock = locking
    watcher = SessionWatch()
    watcher.lock_requested.connect(lock.lock)

    def start() -> SessionWatch:
        watcher.start(system=session_bus, session=session_bus)
        return watcher

    yield start
    watcher.stop()


@needs_dbus
def test_suspend_locks_at_once(
    locking: Any, logind: FakeLogind, watch: Any, qtbot: Any, vault: Vault
) -> None:
    lock, _clock = locking
    key = secret_of(vault.engine)
    assert watch().watching == ["suspend", "screen lock", "user switch", "screen saver"]
    logind.prepare_for_sleep(False)  # resuming says nothing
    qtbot.wait(300)
    assert not lock.is_locked
    logind.prepare_for_sleep(True)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert lock.lock_reason == "suspend"
    # The key that opened the vault is overwritten in memory, not merely dropped.
    assert key.wiped and not any(key._buffer)


@needs_dbus
def test_only_this_sessions_lock_signal_locks(
    locking: Any, logind: FakeLogind, watch: Any, qtbot: Any
) -> None:
    lock, _clock = locking
    assert watch().session_path == logind.session_path
    logind.lock_session("/org/freedesktop/login1/session/_32")  # someone else's
    qtbot.wait(300)
    assert not lock.is_locked
    logind.lock_session()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert lock.lock_reason == "screen lock"


@needs_dbus
def test_a_switch_of_user_locks(locking: Any, logind: FakeLogind, watch: Any, qtbot: Any) -> None:
    lock, _clock = locking
    watch()
    logind.switch_user_away()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert lock.lock_reason == "user switch"


@needs_dbus
def test_the_screen_saver_locks(locking: Any, session_bus: str, watch: Any, qtbot: Any) -> None:
    lock, _clock = locking
    saver = ScreenSaver(session_bus)
    try:
        assert watch().watching == ["screen saver"]  # no logind here: still heard
        saver.activate(True)
        qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
        assert lock.lock_reason == "screen saver"
    finally:
        saver.stop()


def test_a_sleep_counts_as_idle_time(locking: Any) -> None:
    """The laptop slept 20 minutes: the timer did not see them, the wall clock did."""
    lock, clock = locking
    clock.now += timedelta(minutes=14)
    lock.check_idle()
    assert not lock.is_locked
    clock.now += timedelta(minutes=6)
    lock.check_idle()
    assert lock.is_locked and lock.lock_reason == "idle"


def test_without_any_bus_only_idle_time_locks(
    locking: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lock, _clock = locking
    nowhere = f"unix:path={tmp_path / 'no-bus'}"
    watch = SessionWatch()
    assert watch.start(system=nowhere, session=nowhere) == []
    assert not lock.is_locked


def test_windows_messages_that_lock() -> None:
    assert windows_lock_reason(WM_POWERBROADCAST, PBT_APMSUSPEND) == "suspend"
    assert windows_lock_reason(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) == "screen lock"
    assert windows_lock_reason(WM_WTSSESSION_CHANGE, 0x8) is None  # an unlock
    assert windows_lock_reason(WM_POWERBROADCAST, 0x12) is None  # a resume
