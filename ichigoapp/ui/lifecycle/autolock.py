"""Auto-lock: after a stretch without keyboard or mouse input, close the vault and hide it.

Idle means no input anywhere in the app (an application-wide event filter restarts one
single-shot QTimer on every key, click, wheel or touch). When it fires, the lock:

* closes any open dialog, saves the window layout and destroys the main window, so no
  view, model or form keeps a contact or a note in memory or on screen;
* closes every vault connection and releases the writer lock (``vault.close()``), which
  drops the engine that held the key (Python cannot wipe a string, but nothing in the
  app refers to it any more);
* shows a small lock screen whose "Unlock…" runs the ordinary unlock
  (lifecycle/unlock.py) and builds a fresh main window on the reopened vault.

Idle time is measured on the wall clock, so a laptop that slept counts the sleep (a
QTimer's monotonic clock does not, on Linux); suspend, a screen lock and a switch of user
lock at once (lifecycle/session_watch.py).

The timeout is the vault setting ``autolock_minutes`` if set, else the QSettings value of
the same name, else 15 minutes; 0 turns auto-lock off. Unsaved edits in an open form
leave the screen with the lock but are kept inside the vault (services/drafts.py) and
put back, still unsaved, after the unlock.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ichigoapp.services.settings import read_setting
from ichigoapp.store import Vault
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.lifecycle.lock_screen import LockScreen
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.settings import settings

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 15
SETTING = "autolock_minutes"
WALL_CHECK_MS = 30_000  # how often idle time is read off the wall clock

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)

Unlocker = Callable[[Path, QWidget | None], Vault | None]
"""Reopens the vault at a path (asking what must be asked); None if the user gave up."""


def _parse_minutes(value: object) -> int | None:
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return None


def autolock_minutes(vault: Vault | None) -> int:
    """The configured idle time: vault setting, else QSettings, else 15 minutes."""
    if vault is not None:
        with contextlib.suppress(Exception), vault.session() as session:
            stored = read_setting(session, SETTING)
            minutes = _parse_minutes(stored) if stored is not None else None
            if minutes is not None:
                return minutes
    minutes = _parse_minutes(settings().value(SETTING))
    return DEFAULT_MINUTES if minutes is None else minutes


def default_unlock(path: Path, parent: QWidget | None) -> Vault | None:
    from ichigoapp.ui.lifecycle.unlock import obtain_vault

    unlocked = obtain_vault(path, parent)
    return None if unlocked is None else unlocked.vault


class AutoLock(QObject):
    """Locks ``window`` after ``minutes`` without input; ``timer`` is public for tests."""

    about_to_lock = Signal()  # the vault is still open: last chance to read from it
    locked = Signal()
    unlocked = Signal(object)  # the new MainWindow

    def __init__(
        self,
        window: MainWindow,
        *,
        minutes: int | None = None,
        unlock: Unlocker = default_unlock,
        on_window: Callable[[object], None] | None = None,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = window
        self.clock = clock
        self.last_input = clock()
        self.lock_reason = ""  # why the last lock came ("idle", "suspend", ...)
        self.vault_path = window.vault.path
        self.lock_screen: LockScreen | None = None
        self._unlock = unlock
        # Whoever must follow the current window (the single-instance file hand-over).
        self._on_window = on_window
        self.minutes = autolock_minutes(window.vault) if minutes is None else minutes
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, self.minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        # The wall clock's view of idleness: catches a sleep the timer did not see.
        self.wall = QTimer(self)
        self.wall.setInterval(WALL_CHECK_MS)
        self.wall.timeout.connect(self.check_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if self.minutes > 0:
            self.timer.start()
            self.wall.start()

    @property
    def is_locked(self) -> bool:
        return self.window is None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.window is not None and self.minutes > 0:
            self.timer.start()  # restarts the countdown
            self.last_input = self.clock()
        return False

    def check_idle(self) -> None:
        """Lock if the wall clock says the user has been away long enough."""
        idle = self.clock() - self.last_input
        if self.minutes > 0 and idle >= timedelta(minutes=self.minutes):
            self.lock("idle")

    def lock(self, reason: str = "idle") -> None:
        window = self.window
        if window is None:
            return
        self.lock_reason = reason
        # Half-typed forms are closed below; what they held stays, inside the vault.
        try:
            window.keep_drafts()
        except Exception:  # a vault that fails now must not keep the screen unlocked
            log.exception("unsaved edits could not be kept over the lock")
        self.about_to_lock.emit()
        self.timer.stop()
        self.wall.stop()
        self.window = None
        screen = LockScreen(self.vault_path)
        screen.unlock_requested.connect(self.unlock)
        self.lock_screen = screen
        # Shown before the window goes, so the app never has zero windows (and quits);
        # a window kept in the tray locks out of sight (the tray offers Unlock).
        if window.isVisible() or QApplication.quitOnLastWindowClosed():
            screen.show()
        if self._on_window is not None:
            self._on_window(screen)
        _close_dialogs()
        window.save_layout()
        window.hide()
        window.finish_background_work()
        window.vault.close()
        # Destroys every view, model and form with the data they showed.
        window.deleteLater()
        self.locked.emit()

    def unlock(self) -> MainWindow | None:
        screen = self.lock_screen
        if screen is None:
            return self.window
        vault = self._unlock(self.vault_path, screen)
        if vault is None:
            return None  # stay locked; the reason (if any) has been shown
        window = MainWindow(vault, screen.pending_files)
        self.window = window
        self.lock_screen = None
        window.show()
        window.restore_drafts()
        screen.close()
        screen.deleteLater()
        if self._on_window is not None:
            self._on_window(window)
        self.last_input = self.clock()
        if self.minutes > 0:
            self.timer.start()
            self.wall.start()
        self.unlocked.emit(window)
        return window


def _close_dialogs() -> None:
    # A modal dialog (a message box, the reflection editor) may show vault data and runs
    # its own event loop; close them all, innermost first.
    for _ in range(20):
        widget = QApplication.activeModalWidget()
        if widget is None:
            break
        widget.close()
    for widget in QApplication.topLevelWidgets():
        if (
            widget.isVisible()
            and widget.objectName() != "lockScreen"
            and not isinstance(widget, MainWindow)
        ):
            widget.close()


def install_autolock(
    window: MainWindow, on_window: Callable[[object], None] | None = None
) -> AutoLock:
    """Start auto-lock for the app's main window (kept alive by the QApplication), and
    lock at once on suspend, screen lock and user switch."""
    from ichigoapp.ui.lifecycle.session_watch import SessionWatch, watch_macos, watch_windows

    app = QApplication.instance()
    autolock = AutoLock(window, on_window=on_window, parent=app)
    watch = SessionWatch(app)
    watch.lock_requested.connect(autolock.lock)
    # After start-up's own work: the buses answer within milliseconds, or not at all.
    QTimer.singleShot(1000, watch.start)
    watch_windows(int(window.winId()), watch.lock_requested.emit)
    watch_macos(watch.lock_requested.emit)
    return autolock
