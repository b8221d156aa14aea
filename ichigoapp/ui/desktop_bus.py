"""The desktop's D-Bus (session or system bus) for notifications and, later, session
events such as suspend and screen lock.

jeepney speaks D-Bus in pure Python with explicit signatures: a notification's id is
a uint32, which QtDBus cannot be told from Python. It comes with keyring's Secret
Service backend on Linux, so it costs no extra download there. A thread of jeepney's
receives the bus's messages; :meth:`Bus.listen` hands matching signals to a handler
on a thread of ours, which forwards them as Qt signals (queued to the GUI thread).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

CALL_TIMEOUT_S = 2.0  # a desktop service that does not answer in 2 s is not there


class BusUnavailable(Exception):
    """There is no such bus here (no desktop session, not Linux, a sandbox...)."""


class Bus:
    """One connection to a message bus, with blocking calls and signal listeners."""

    def __init__(self, bus: str = "SESSION") -> None:
        try:
            from jeepney.io.threading import DBusRouter, open_dbus_connection
        except ImportError as exc:  # not on Linux: jeepney is a Linux-only dependency
            raise BusUnavailable("jeepney is not installed") from exc
        try:
            self._conn = open_dbus_connection(bus=bus)
        except (OSError, KeyError, ValueError, RuntimeError) as exc:
            # KeyError: no DBUS_SESSION_BUS_ADDRESS; OSError: nobody listening there.
            raise BusUnavailable(f"no {bus.lower()} bus: {type(exc).__name__}") from None
        self._router = DBusRouter(self._conn)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._filters: list[Any] = []

    def call(self, message: Any, timeout: float = CALL_TIMEOUT_S) -> tuple[Any, ...]:
        """Send a method call and return the reply's values; an error reply raises
        jeepney's DBusErrorResponse, no reply in time TimeoutError."""
        from jeepney.wrappers import unwrap_msg

        reply = self._router.send_and_get_reply(message, timeout=timeout)
        body: tuple[Any, ...] = unwrap_msg(reply)
        return body

    def listen(self, rule: Any, handler: Callable[[Any], None]) -> None:
        """Call ``handler(message)`` on a thread of ours for every message matching
        ``rule`` (a jeepney MatchRule), from now until :meth:`close`."""
        from jeepney.bus_messages import message_bus

        self.call(message_bus.AddMatch(rule))
        messages: queue.Queue[Any] = queue.Queue(maxsize=256)
        self._filters.append(self._router.filter(rule, queue=messages))

        def pump() -> None:
            while not self._stop.is_set():
                try:
                    message = messages.get(timeout=0.2)
                except queue.Empty:
                    continue
                try:
                    handler(message)
                except Exception:  # a bad message must not end the listening
                    log.exception("a D-Bus signal could not be handled")

        thread = threading.Thread(target=pump, name="ichigo-dbus", daemon=True)
        thread.start()
        self._threads.append(thread)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        for handle in self._filters:
            handle.close()
        self._router.close()
        self._conn.close()
