"""One Ichigo window per vault: a second launch hands its files to the first.

``ichigo invite.ics`` (or a double click through the desktop entry) while Ichigo is
already open on the same vault must not start a second process: that one would only
find the vault locked. Instead it connects to a QLocalServer the first instance runs,
sends the files as one JSON line, waits for a short acknowledgement and exits; the
first instance raises its window and offers the files for import.

The server name is derived from the user and the resolved vault path, so two vaults
(or two users on one machine) never talk to each other. On Unix the server is a socket
file that survives a crash; :func:`claim` notices that nobody answers on it and
replaces it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
ACK = b"ok\n"
# A launch carries a handful of paths; anything far bigger is not one of ours.
MAX_MESSAGE = 1 << 20
CONNECT_TIMEOUT_MS = 1000
# The first instance may be busy for a moment (deriving a passphrase key runs on the
# GUI thread); the message waits in the socket buffer meanwhile, so a slow answer
# still counts as delivered.
ACK_TIMEOUT_MS = 5000


class FileReceiver(Protocol):
    """What the main window offers: take files from a later launch."""

    def receive_files(self, paths: list[Path]) -> None: ...


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry / no login name (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(vault_path: Path) -> str:
    """The local-server name for this user and vault.

    Hashed, because vault paths can be long or contain characters a socket name or a
    Windows pipe name cannot (and need not be visible to other users in /tmp).
    """
    vault = os.path.normcase(str(vault_path.expanduser().resolve()))
    digest = hashlib.sha256(f"{_user()}\0{vault}".encode()).hexdigest()[:24]
    name = f"ichigo-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        # The per-user runtime directory (mode 0700) rather than the shared /tmp.
        candidate = str(Path(runtime) / f"{name}.sock")
        if len(candidate.encode()) < 100:  # sun_path holds 104-108 bytes
            return candidate
    return name


def encode_message(files: list[Path]) -> bytes:
    # Absolute paths: the receiving process has its own working directory.
    paths = [str(Path(f).expanduser().absolute()) for f in files]
    return json.dumps({"v": PROTOCOL_VERSION, "files": paths}).encode() + b"\n"


def decode_message(data: bytes) -> list[Path] | None:
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(message, dict) or not isinstance(message.get("files"), list):
        return None
    files = message["files"]
    if not all(isinstance(f, str) and f for f in files):
        return None
    return [Path(f) for f in files]


class _Waiter:
    """Wait for a socket's signals in a local event loop instead of ``waitFor*()``.

    The blocking ``waitFor*`` calls hold Python's GIL and stop this thread's event
    loop; the local loop keeps the process responsive and lets a server living in the
    same process (tests, or a nested launch) answer.
    """

    def __init__(self, socket: QLocalSocket) -> None:
        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.loop.quit)
        for signal in (
            socket.connected,
            socket.disconnected,
            socket.readyRead,
            socket.errorOccurred,
            socket.bytesWritten,
        ):
            signal.connect(self.loop.quit)

    def until(self, done: Callable[[], bool], timeout_ms: int) -> bool:
        deadline = QDeadlineTimer(timeout_ms)
        while not done():
            remaining = deadline.remainingTime()
            if remaining <= 0:
                return False
            self.timer.start(remaining)
            self.loop.exec()
        self.timer.stop()
        return True


def _connect(name: str) -> tuple[QLocalSocket, _Waiter] | None:
    socket = QLocalSocket()
    waiter = _Waiter(socket)
    socket.connectToServer(name)
    state = QLocalSocket.LocalSocketState
    waiter.until(lambda: socket.state() != state.ConnectingState, CONNECT_TIMEOUT_MS)
    if socket.state() != state.ConnectedState:
        # ServerNotFound (no socket file) or ConnectionRefused (a stale one).
        log.debug("no running instance: %s", socket.errorString())
        socket.abort()
        return None
    return socket, waiter


def send_to_running(name: str, files: list[Path]) -> bool:
    """Hand ``files`` to the instance serving ``name``; False when nobody is there."""
    connected = _connect(name)
    if connected is None:
        return False
    socket, waiter = connected
    socket.write(encode_message(files))
    reply = bytearray()

    def answered() -> bool:
        reply.extend(socket.readAll().data())
        return ACK in reply or socket.state() != QLocalSocket.LocalSocketState.ConnectedState

    if not (waiter.until(answered, ACK_TIMEOUT_MS) and ACK in reply):
        log.warning("the running Ichigo did not confirm; it will read the files when free")
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The first instance's listening end.

    Files that arrive before the main window exists (the unlock dialog is still up)
    are queued and handed over by :meth:`attach`.
    """

    files_received = Signal(list)  # list[Path]

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        # Unix: the socket file is made readable/writable by this user only.
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.queued: list[Path] = []
        self.target: FileReceiver | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    # --- serving -------------------------------------------------------------------------
    def listen(self) -> bool:
        """Start serving; replaces a socket file left behind by a crashed instance.

        False only when a live instance took the name meanwhile (the caller hands off).
        """
        if self.server.listen(self.name):
            return True
        if self.server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("single-instance server unavailable: %s", self.server.errorString())
            return True  # run without it rather than refuse to start
        if _alive(self.name):
            return False
        log.info("removing a stale single-instance socket")
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.warning("single-instance server unavailable: %s", self.server.errorString())
        return True

    def close(self) -> None:
        self.server.close()

    def full_server_name(self) -> str:
        return str(self.server.fullServerName())

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = bytearray()
            # Bound slots, not lambdas holding the socket: a closure would keep the
            # Python wrapper alive past the C++ object that the server deletes.
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            # Data may have arrived before the signal was connected.
            self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _on_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._drop(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += socket.readAll().data()
        if len(buffer) > MAX_MESSAGE:
            log.warning("ignoring an oversized single-instance message")
            self._drop(socket)
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._buffers[socket] = bytearray()
        files = decode_message(line)
        if files is None:
            log.warning("ignoring a malformed single-instance message")
            self._drop(socket)
            return
        socket.write(ACK)
        socket.flush()
        # Later, from the event loop: taking the files may open a modal question
        # ("Import invite.ics?"), and the second launch should not wait on the user.
        QTimer.singleShot(0, self, lambda: self._deliver(files))

    def _drop(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.disconnectFromServer()
            socket.deleteLater()

    # --- handing over --------------------------------------------------------------------
    def _deliver(self, files: list[Path]) -> None:
        self.files_received.emit(files)
        if self.target is None:
            self.queued.extend(files)
            # Still unlocking: at least show the user the dialog that waits for them.
            modal = QApplication.activeModalWidget()
            if modal is not None:
                bring_to_front(modal)
            return
        if files:
            self.target.receive_files(files)
        if isinstance(self.target, QWidget):
            bring_to_front(self.target)

    def take_queued(self) -> list[Path]:
        queued, self.queued = self.queued, []
        return queued

    def attach(self, target: FileReceiver) -> None:
        """From now on files go to ``target``; anything queued goes there first."""
        self.target = target
        queued = self.take_queued()
        if queued:
            target.receive_files(queued)


def _alive(name: str) -> bool:
    connected = _connect(name)
    if connected is not None:
        connected[0].disconnectFromServer()
    return connected is not None


def claim(
    vault_path: Path, files: list[Path], parent: QObject | None = None
) -> SingleInstance | None:
    """Become the instance for ``vault_path``, or hand ``files`` to the one running.

    None means another instance took the files and this process should exit.
    """
    name = server_name(vault_path)
    # Twice: two launches at the same moment can both miss each other once.
    for _attempt in range(2):
        if send_to_running(name, files):
            return None
        instance = SingleInstance(name, parent)
        if instance.listen():
            return instance
        instance.deleteLater()
    if send_to_running(name, files):
        return None
    # Something keeps answering and vanishing; run without the handoff rather than not at all.
    log.warning("could not become the single instance; continuing without it")
    return SingleInstance(name, parent)


def bring_to_front(widget: QWidget) -> None:
    """Un-minimise, raise and focus ``widget`` (window managers may only flash it)."""
    from PySide6.QtCore import Qt  # not at start-up (see ui/main_window.py's imports)

    window = widget.window()
    if window.isMinimized():
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
    window.show()
    window.raise_()
    window.activateWindow()
