"""A real, private session D-Bus for tests, and a notification server that records.

``dbus-daemon`` (Debian package ``dbus-daemon``) runs with a minimal configuration of
our own on an abstract socket, so nothing of the machine's session (a real
notification daemon, auto-started services) takes part. :class:`RecordingNotifications`
owns ``org.freedesktop.Notifications`` on it, answers as a desktop would, remembers
every Notify call and can press a notification's button like a user.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"

needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="dbus-daemon not installed (Debian: dbus-daemon)"
)


@contextmanager
def private_session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh session bus; DBUS_SESSION_BUS_ADDRESS points at it until the end."""
    config = tmp_path / "session.conf"
    config.write_text(CONFIG, encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


@dataclass
class Shown:
    """One Notify call as the server received it."""

    id: int
    app_name: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, Any]


class BusService:
    """A service owning ``name`` on the bus at ``address``, answering method calls from
    a thread (``answer``) and sending signals when told to (``emit``), as a real
    desktop service would."""

    name = ""

    def __init__(self, address: str) -> None:
        self.address = address
        self._signals: queue.Queue[tuple[str, str, str, str, tuple[Any, ...]]] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        assert self._ready.wait(10), f"{self.name} did not start"

    def answer(self, member: str, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]] | None:
        """The reply's signature and values for a call of ``member``; None: no such method."""
        raise NotImplementedError

    def emit(self, path: str, interface: str, member: str, signature: str, body: Any) -> None:
        self._signals.put((path, interface, member, signature, tuple(body)))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(bus=self.address) as conn:
            conn.send_and_get_reply(message_bus.RequestName(self.name))
            self._ready.set()
            while not self._stop.is_set():
                while not self._signals.empty():
                    path, interface, member, signature, body = self._signals.get()
                    emitter = DBusAddress(path, interface=interface)
                    conn.send(new_signal(emitter, member, signature, body))
                try:
                    message = conn.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if message.header.message_type != MessageType.method_call:
                    continue
                reply = self.answer(message.header.fields.get(_member()), message.body)
                if reply is None:
                    conn.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
                else:
                    conn.send(new_method_return(message, *reply))


class RecordingNotifications(BusService):
    """org.freedesktop.Notifications, remembering every notice; ``press`` is a user's
    click on one of its buttons."""

    name = SERVICE

    def __init__(self, address: str, capabilities: list[str] | None = None) -> None:
        self.capabilities = capabilities or ["actions", "body"]
        self.shown: list[Shown] = []
        super().__init__(address)

    def press(self, notification_id: int, action: str) -> None:
        self.emit(PATH, SERVICE, "ActionInvoked", "us", (notification_id, action))

    def dismiss(self, notification_id: int) -> None:
        self.emit(PATH, SERVICE, "NotificationClosed", "uu", (notification_id, 2))  # dismissed

    def answer(self, member: str, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]] | None:
        if member == "GetCapabilities":
            return "as", (self.capabilities,)
        if member == "GetServerInformation":
            return "ssss", ("recorder", "ichigo-tests", "1", "1.2")
        if member == "Notify":
            app, _replaces, _icon, summary, text, actions, hints, _timeout = body
            number = len(self.shown) + 1
            self.shown.append(Shown(number, app, summary, text, list(actions), hints))
            return "u", (number,)
        if member == "CloseNotification":
            return "", ()
        return None


class FakeLogind(BusService):
    """org.freedesktop.login1 as systemd-logind offers it: this process's session, and
    the signals it sends on suspend, lock-session and a switch of user."""

    name = "org.freedesktop.login1"
    session_path = "/org/freedesktop/login1/session/_31"

    def answer(self, member: str, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]] | None:
        if member in ("GetSession", "GetSessionByPID"):
            return "o", (self.session_path,)
        return None

    def prepare_for_sleep(self, starting: bool) -> None:
        manager = "org.freedesktop.login1.Manager"
        self.emit("/org/freedesktop/login1", manager, "PrepareForSleep", "b", (starting,))

    def lock_session(self, path: str | None = None) -> None:
        session = "org.freedesktop.login1.Session"
        self.emit(path or self.session_path, session, "Lock", "", ())

    def switch_user_away(self) -> None:
        changed = {"Active": ("b", False)}
        self.emit(
            self.session_path,
            "org.freedesktop.DBus.Properties",
            "PropertiesChanged",
            "sa{sv}as",
            ("org.freedesktop.login1.Session", changed, []),
        )


def _member() -> Any:
    from jeepney.low_level import HeaderFields

    return HeaderFields.member
