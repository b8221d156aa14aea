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
from dataclasses import dataclass, field
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


@dataclass
class RecordingNotifications:
    """org.freedesktop.Notifications on ``address``, answering from a thread."""

    address: str
    capabilities: list[str] = field(default_factory=lambda: ["actions", "body"])
    shown: list[Shown] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._commands: queue.Queue[tuple[str, str, tuple[Any, ...]]] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        assert self._ready.wait(10), "the notification server did not start"

    def press(self, notification_id: int, action: str) -> None:
        """What a user does by clicking a button: the server says so on the bus."""
        self._commands.put(("ActionInvoked", "us", (notification_id, action)))

    def dismiss(self, notification_id: int) -> None:
        self._commands.put(("NotificationClosed", "uu", (notification_id, 2)))  # 2: dismissed

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        from jeepney import DBusAddress, MessageType, new_method_return, new_signal
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        emitter = DBusAddress(PATH, interface=SERVICE)
        with open_dbus_connection(bus=self.address) as conn:
            conn.send_and_get_reply(message_bus.RequestName(SERVICE))
            self._ready.set()
            while not self._stop.is_set():
                while not self._commands.empty():
                    signal, signature, body = self._commands.get()
                    conn.send(new_signal(emitter, signal, signature, body))
                try:
                    message = conn.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if message.header.message_type != MessageType.method_call:
                    continue
                member = message.header.fields.get(_member())
                if member == "GetCapabilities":
                    conn.send(new_method_return(message, "as", (self.capabilities,)))
                elif member == "GetServerInformation":
                    info = ("recorder", "ichigo-tests", "1", "1.2")
                    conn.send(new_method_return(message, "ssss", info))
                elif member == "Notify":
                    app, _replaces, _icon, summary, body, actions, hints, _timeout = message.body
                    number = len(self.shown) + 1
                    self.shown.append(Shown(number, app, summary, body, list(actions), hints))
                    conn.send(new_method_return(message, "u", (number,)))
                elif member == "CloseNotification":
                    conn.send(new_method_return(message))


def _member() -> Any:
    from jeepney.low_level import HeaderFields

    return HeaderFields.member
