"""A second launch hands its files to the first instance (ui/lifecycle/single_instance.py).

Both ends live in this process: the "second launch" waits for its acknowledgement in
a local event loop, so the first instance's server answers meanwhile, exactly as it
would across two processes.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ichigoapp.store import Vault
from ichigoapp.ui.lifecycle import single_instance
from ichigoapp.ui.lifecycle.single_instance import (
    SingleInstance,
    claim,
    send_to_running,
    server_name,
)


class Background:
    """Run ``fn`` on a thread and keep its result (or exception) for the test."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self.result = fn()
        except BaseException as exc:
            self.error = exc

    def done(self) -> bool:
        return not self.thread.is_alive()

    def value(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.result


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Sockets go to a private runtime dir (short path: sun_path is ~104 bytes)."""
    where = Path(tempfile.mkdtemp(prefix="ichigo-rt-", dir=None if os.name == "nt" else "/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(where))
    yield where
    shutil.rmtree(where, ignore_errors=True)


@pytest.fixture
def vault_file(tmp_path: Path) -> Path:
    return tmp_path / "vaults" / "my.vault"


@pytest.fixture
def first(qapp: Any, runtime_dir: Path, vault_file: Path) -> Iterator[SingleInstance]:
    instance = claim(vault_file, [])
    assert instance is not None, "nobody else runs, so this launch becomes the instance"
    yield instance
    instance.close()


class Receiver(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[Path] = []

    def receive_files(self, paths: list[Path]) -> None:
        self.got.extend(paths)


def test_the_name_is_per_vault_and_per_user_and_hides_the_path(
    runtime_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = server_name(tmp_path / "a.vault")
    assert a == server_name(tmp_path / "x" / ".." / "a.vault")  # the same file, resolved
    assert a != server_name(tmp_path / "b.vault")
    assert "a.vault" not in a
    assert a.startswith(str(runtime_dir))
    monkeypatch.setattr(single_instance, "_user", lambda: "someone-else")
    assert server_name(tmp_path / "a.vault") != a


def test_second_launch_hands_files_to_the_first(
    first: SingleInstance,
    vault_file: Path,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The second process has its own working directory: paths must arrive absolute.
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(first.files_received, timeout=5000) as signal:
        second = claim(vault_file, [Path("invite.ics"), Path("/x/b.vcf")])
    assert second is None, "the second launch stops after handing over"
    assert signal.args == [[tmp_path / "invite.ics", Path("/x/b.vcf").absolute()]]
    # No window yet (still unlocking): the files wait, then go to the window.
    receiver = Receiver()
    first.attach(receiver)
    assert receiver.got == [tmp_path / "invite.ics", Path("/x/b.vcf").absolute()]
    assert first.take_queued() == []


def test_files_reach_the_main_window_once_attached(
    first: SingleInstance,
    vault: Vault,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ichigoapp.ui.dialogs import ask
    from ichigoapp.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, text: str, _action: str = "OK") -> bool:
        asked.append(text)
        return False  # "not now": nothing is imported

    monkeypatch.setattr(ask, "confirm", confirm)
    window = MainWindow(vault, [])
    qtbot.addWidget(window)
    first.attach(window)
    window.showMinimized()
    with qtbot.waitSignal(window.files_received, timeout=5000) as signal:
        assert send_to_running(first.name, [tmp_path / "later.ics"])
    assert signal.args == [[tmp_path / "later.ics"]]
    # Brought to front, and the import is offered (ui/actions/calendar_import.py offers it).
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
    qtbot.waitUntil(lambda: any("later.ics" in text for text in asked), timeout=2000)


def test_a_launch_without_files_only_raises_the_window(
    first: SingleInstance, vault_file: Path, qtbot: Any
) -> None:
    receiver = Receiver()
    first.attach(receiver)
    with qtbot.waitSignal(first.files_received, timeout=5000) as signal:
        assert claim(vault_file, []) is None
    assert signal.args == [[]]
    assert receiver.got == []
    assert receiver.isVisible()


@pytest.mark.skipif(sys.platform == "win32", reason="speaks to a Unix socket directly")
def test_garbage_on_the_socket_is_ignored(first: SingleInstance, qtbot: Any) -> None:
    def send_garbage() -> bytes:
        # A plain socket on a thread: it blocks without holding up the server.
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(first.name)
            sock.sendall(b'{"files": [1, 2]}\n')
            return sock.recv(100)  # b"" once the server hangs up

    received: list[Any] = []
    first.files_received.connect(received.append)
    garbage = Background(send_garbage)
    qtbot.waitUntil(garbage.done, timeout=5000)
    assert garbage.value() == b"", "hung up without an acknowledgement"
    assert received == []
    # Still serving afterwards.
    assert send_to_running(first.name, [Path("/ok.ics")])
    assert received == [[Path("/ok.ics")]]


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_stale_socket_from_a_crash_is_replaced(
    qapp: Any, runtime_dir: Path, vault_file: Path, qtbot: Any
) -> None:
    name = server_name(vault_file)
    # What a crashed instance leaves: a socket file nobody listens on.
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(name)
    dead.close()
    assert Path(name).exists()
    instance = claim(vault_file, [])
    assert instance is not None
    try:
        assert instance.server.isListening()
        with qtbot.waitSignal(instance.files_received, timeout=5000) as signal:
            assert claim(vault_file, [Path("/after-crash.ics")]) is None
        assert signal.args == [[Path("/after-crash.ics")]]
    finally:
        instance.close()


def test_two_vaults_run_side_by_side(qapp: Any, runtime_dir: Path, tmp_path: Path) -> None:
    one = claim(tmp_path / "one.vault", [])
    two = claim(tmp_path / "two.vault", [])
    assert one is not None and two is not None
    assert one.name != two.name
    one.close()
    two.close()


def test_a_real_second_process_hands_over_and_exits(
    first: SingleInstance, vault_file: Path, qtbot: Any, tmp_path: Path
) -> None:
    invite = tmp_path / "invite.ics"
    invite.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    received: list[Any] = []
    first.files_received.connect(received.append)
    # `ichigo --vault V gui FILE`, as the desktop entry's Exec line runs it.
    proc = subprocess.Popen(
        [sys.executable, "-m", "ichigoapp", "--vault", str(vault_file), "gui", str(invite)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    finally:
        if proc.poll() is None:
            proc.kill()
    _out, err = proc.communicate()
    assert proc.returncode == 0, err.decode()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [[invite]]
