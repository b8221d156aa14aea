"""Lock when the user walks away: on suspend, on screen lock, on a switch of user.

Linux (systemd-logind and the desktop's screen saver, over D-Bus):

* ``org.freedesktop.login1.Manager.PrepareForSleep(true)`` on the system bus: the
  machine is about to suspend or hibernate;
* ``org.freedesktop.login1.Session.Lock`` for this login session (loginctl
  lock-session, and what most desktops send when the screen locks), and the session's
  ``Active`` property turning false (another user switched in);
* ``ActiveChanged(true)`` of ``org.freedesktop.ScreenSaver`` or
  ``org.gnome.ScreenSaver`` on the session bus: the screen saver or lock came on.

Windows: ``WM_POWERBROADCAST``/``PBT_APMSUSPEND`` and ``WM_WTSSESSION_CHANGE`` with
``WTS_SESSION_LOCK`` (after ``WTSRegisterSessionNotification``) reach a native event filter
(:func:`watch_windows`). macOS: ``NSWorkspaceWillSleepNotification``
and the distributed ``com.apple.screenIsLocked`` through PyObjC where it is installed
(:func:`watch_macos`). Neither is tested on this project's CI, which runs Linux.

Each only asks for the lock (:attr:`SessionWatch.lock_requested`); auto-lock does it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal

from ichigoapp.ui.desktop_bus import Bus, BusUnavailable

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


class SessionWatch(QObject):
    """Emits ``lock_requested(reason)`` when the session says the user is away."""

    lock_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buses: list[Bus] = []
        self.session_path: str | None = None
        self.watching: list[str] = []  # what is being listened to, for the tests and logs

    def start(self, system: str = "SYSTEM", session: str = "SESSION") -> list[str]:
        """Listen on the system bus (logind) and the session bus (screen savers);
        returns what could be watched. ``system``/``session`` name the buses (tests
        give the address of a private bus)."""
        if sys.platform.startswith("linux") or os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            self._watch_logind(system)
            self._watch_screen_saver(session)
        log.info("locking on: %s", ", ".join(self.watching) or "idle time only")
        return self.watching

    def stop(self) -> None:
        for bus in self._buses:
            bus.close()
        self._buses.clear()

    def _open(self, name: str) -> Bus | None:
        try:
            bus = Bus(name)
        except BusUnavailable as exc:
            log.info("no %s D-Bus: %s", name.lower() if name.isupper() else "given", exc)
            return None
        self._buses.append(bus)
        return bus

    def _watch_logind(self, address: str) -> None:
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        bus = self._open(address)
        if bus is None:
            return
        try:
            (running,) = bus.call(message_bus.NameHasOwner(LOGIN1))
            if not running:  # no systemd-logind (a container, another init system)
                log.info("no logind on the system bus")
                return
            bus.listen(
                MatchRule(type="signal", interface=MANAGER, member="PrepareForSleep"),
                self._on_sleep,
            )
            self.watching.append("suspend")
        except Exception as exc:  # a bus that refuses match rules: nothing to watch
            log.info("cannot watch for suspend: %s", type(exc).__name__)
            return
        self.session_path = _own_session(bus)
        if self.session_path is None:
            return
        bus.listen(
            MatchRule(type="signal", interface=SESSION, member="Lock", path=self.session_path),
            lambda _m: self.lock_requested.emit("screen lock"),
        )
        bus.listen(
            MatchRule(
                type="signal",
                interface="org.freedesktop.DBus.Properties",
                member="PropertiesChanged",
                path=self.session_path,
            ),
            self._on_session_properties,
        )
        self.watching += ["screen lock", "user switch"]

    def _watch_screen_saver(self, address: str) -> None:
        from jeepney import MatchRule

        bus = self._open(address)
        if bus is None:
            return
        for interface in SCREEN_SAVERS:
            try:
                bus.listen(
                    MatchRule(type="signal", interface=interface, member="ActiveChanged"),
                    self._on_screen_saver,
                )
            except Exception as exc:
                log.info("cannot watch %s: %s", interface, type(exc).__name__)
                return
        self.watching.append("screen saver")

    # On the bus's thread: a Qt signal, queued to the GUI thread, does the rest.
    def _on_sleep(self, message: Any) -> None:
        (starting,) = message.body
        if starting:
            self.lock_requested.emit("suspend")

    def _on_screen_saver(self, message: Any) -> None:
        (active,) = message.body
        if active:
            self.lock_requested.emit("screen saver")

    def _on_session_properties(self, message: Any) -> None:
        interface, changed, _invalidated = message.body
        if interface != SESSION:
            return
        active = changed.get("Active")
        if active is not None and active[1] is False:
            self.lock_requested.emit("user switch")


def _own_session(bus: Bus) -> str | None:
    """This login session's object path at logind, if there is one."""
    from jeepney import DBusAddress, new_method_call

    manager = DBusAddress(LOGIN1_PATH, bus_name=LOGIN1, interface=MANAGER)
    session_id = os.environ.get("XDG_SESSION_ID")
    try:
        if session_id:
            (path,) = bus.call(new_method_call(manager, "GetSession", "s", (session_id,)))
        else:
            (path,) = bus.call(new_method_call(manager, "GetSessionByPID", "u", (os.getpid(),)))
    except Exception as exc:  # no logind (containers, other init systems), no session
        log.info("no logind session to watch: %s", type(exc).__name__)
        return None
    return str(path)


# ---------------------------------------------------------------------------- Windows

WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7


def windows_lock_reason(message: int, wparam: int) -> str | None:
    """What a window message means for the lock (MainWindow.nativeEvent on Windows)."""
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "suspend"
    if message == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return "screen lock"
        if wparam in (WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT):
            return "user switch"
    return None


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Window messages of power and session changes, read as they arrive (Windows)."""

    def __init__(self, lock: Callable[[str], None]) -> None:
        super().__init__()
        self._lock = lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            reason = windows_lock_reason(msg.message, msg.wParam)
            if reason is not None:
                self._lock(reason)
        return False, 0


def watch_windows(window_id: int, lock: Callable[[str], None]) -> WindowsSessionFilter | None:
    """Lock on suspend, screen lock and user switch (Windows): the session messages are
    sent to ``window_id`` once registered (NOTIFY_FOR_THIS_SESSION)."""
    if sys.platform != "win32":
        return None
    import ctypes

    from PySide6.QtCore import QCoreApplication

    ctypes.windll.wtsapi32.WTSRegisterSessionNotification(window_id, 0)
    native = WindowsSessionFilter(lock)
    app = QCoreApplication.instance()
    if app is not None:
        app.installNativeEventFilter(native)
    return native


# ---------------------------------------------------------------------------- macOS


def watch_macos(lock: Callable[[str], None]) -> bool:
    """Lock on sleep and screen lock through PyObjC (optional on macOS)."""
    if sys.platform != "darwin":
        return False
    try:
        from AppKit import NSWorkspace
        from Foundation import NSDistributedNotificationCenter
    except ImportError:
        log.info("PyObjC is not installed: locking on idle time only")
        return False
    workspace = NSWorkspace.sharedWorkspace().notificationCenter()
    workspace.addObserverForName_object_queue_usingBlock_(
        "NSWorkspaceWillSleepNotification", None, None, lambda _n: lock("suspend")
    )
    NSDistributedNotificationCenter.defaultCenter().addObserverForName_object_queue_usingBlock_(
        "com.apple.screenIsLocked", None, None, lambda _n: lock("screen lock")
    )
    return True
