"""Notifications through the desktop's own service, the tray's balloon where there is
none.

On Linux that service is ``org.freedesktop.Notifications`` on the session bus (the
Desktop Notifications Specification 1.2): a notification may carry action buttons, and
the server says which one the user pressed (``ActionInvoked``). What Ichigo shows is
:class:`Notice`; :attr:`DesktopNotifications.action_invoked` gives back the notice's
key and the action's, on the GUI thread.

Texts are never logged. Where the server reads markup in the body, the body is escaped:
a meeting's title from an invitation is shown as it was written.
"""

from __future__ import annotations

import html
import logging
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from ichigoapp.ui.desktop_bus import Bus, BusUnavailable

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
DESKTOP_ENTRY = "io.github.ichigo.Ichigo"  # packaging/<this>.desktop: the server's icon and name
DEFAULT_ACTION = "default"  # the spec's key for a click on the notification itself
TRAY_MESSAGE_MS = 15000


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification: ``key`` names it for the actions (a reminder's key)."""

    key: str
    title: str
    body: str
    # (action key, button label); the first is also what a click on the notice does.
    actions: tuple[tuple[str, str], ...] = ()


class DesktopNotifications(QObject):
    """Shows notices; emits ``action_invoked(notice key, action key)`` when the user
    presses a button (or clicks the notice: its first action)."""

    action_invoked = Signal(str, str)

    def __init__(self, parent: QObject | None = None, app_name: str = "Ichigo") -> None:
        super().__init__(parent)
        self.app_name = app_name
        self.tray: QSystemTrayIcon | None = None  # the fallback, set by the tray's owner
        self._bus: Bus | None = None
        self._capabilities: frozenset[str] = frozenset()
        self._shown: dict[int, Notice] = {}  # server's id -> notice, until closed
        self._lock = threading.Lock()
        self._last_tray_notice: Notice | None = None

    # ------------------------------------------------------------------ connection

    def start(self) -> bool:
        """Connect to the desktop's notification service; False when there is none
        (then notices go to the tray, if any)."""
        if self._bus is not None:
            return True
        try:
            from jeepney import DBusAddress, MatchRule, new_method_call

            bus = Bus("SESSION")
        except BusUnavailable as exc:
            log.info("desktop notifications unavailable: %s", exc)
            return False
        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        try:
            (capabilities,) = bus.call(new_method_call(address, "GetCapabilities"))
        except Exception as exc:  # no server on this bus, or it failed: not fatal
            log.info("no desktop notification service: %s", type(exc).__name__)
            bus.close()
            return False
        self._capabilities = frozenset(capabilities)
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        bus.listen(rule, self._on_signal)
        self._bus = bus
        self._address = address
        return True

    @property
    def on_desktop(self) -> bool:
        """True when notices go to the desktop's service (not the tray)."""
        return self._bus is not None

    @property
    def has_buttons(self) -> bool:
        return "actions" in self._capabilities

    def stop(self) -> None:
        if self._bus is not None:
            self._bus.close()
            self._bus = None

    # ------------------------------------------------------------------ showing

    def show(self, notice: Notice) -> bool:
        """Show ``notice``; False when there is nowhere to show it."""
        if self._bus is not None and self._notify(notice):
            return True
        if self.tray is not None and self.tray.isVisible():
            self._last_tray_notice = notice
            self.tray.showMessage(
                notice.title, notice.body, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
            )
            return True
        return False

    def _notify(self, notice: Notice) -> bool:
        from jeepney import new_method_call

        assert self._bus is not None
        body = notice.body
        if "body-markup" in self._capabilities:
            body = html.escape(body, quote=False)
        actions: list[str] = []
        if self.has_buttons:
            for number, (key, label) in enumerate(notice.actions):
                if number == 0:
                    actions += [DEFAULT_ACTION, label]  # a click on the notice does it too
                actions += [key, label]
        hints: dict[str, tuple[str, Any]] = {
            "desktop-entry": ("s", DESKTOP_ENTRY),
            "category": ("s", "x-ichigo.reminder"),
            "urgency": ("y", 1),
        }
        message = new_method_call(
            self._address,
            "Notify",
            "susssasa{sv}i",
            (self.app_name, 0, DESKTOP_ENTRY, notice.title, body, actions, hints, -1),
        )
        try:
            (server_id,) = self._bus.call(message)
        except Exception as exc:  # the service went away: the tray may still show it
            log.warning("a notification could not be shown: %s", type(exc).__name__)
            return False
        with self._lock:
            self._shown[int(server_id)] = notice
        return True

    # ------------------------------------------------------------------ answers

    def _on_signal(self, message: Any) -> None:
        """On the bus's thread: the user pressed a button, or a notice closed."""
        from jeepney.low_level import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            server_id, action = message.body
            with self._lock:
                notice = self._shown.get(int(server_id))
            if notice is None:
                return  # another application's notification
            if action == DEFAULT_ACTION:
                if not notice.actions:
                    return
                action = notice.actions[0][0]
            self.action_invoked.emit(notice.key, str(action))  # queued to the GUI thread
        elif member == "NotificationClosed":
            server_id = message.body[0]
            with self._lock:
                self._shown.pop(int(server_id), None)

    def tray_message_clicked(self) -> None:
        """The tray's balloon was clicked: the last notice's first action."""
        notice = self._last_tray_notice
        if notice is not None and notice.actions:
            self.action_invoked.emit(notice.key, notice.actions[0][0])
