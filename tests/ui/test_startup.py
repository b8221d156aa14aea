"""Start-up: the window appears as soon as the keychain key has opened the vault, and
the vault's pages follow; problems found while opening are explained, nothing is lost."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ichigoapp.app import _first_window, _start_opening
from ichigoapp.store import KeyMode, create_vault, keys, open_vault
from ichigoapp.store.keycheck import keychain_secret
from ichigoapp.store.lock import OPEN_MARK, left_open, lock_path_for
from ichigoapp.ui import main_window
from ichigoapp.ui.main_window import PAGE_TITLES, MainWindow
from tests.cli_helpers import REPO, python
from tests.keyrings import FILE_BACKEND
from tests.ui import seed
from tests.ui.conftest import NOW, DialogLog


def _closed_keychain_vault(path: Path) -> None:
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        seed.build(vault, NOW)


def _opening(path: Path, qtbot: Any) -> MainWindow:
    secret = keychain_secret(path)
    assert secret is not None
    window = MainWindow.opening(path, secret, [], lambda: NOW)
    qtbot.addWidget(window)
    return window


def test_the_frame_shows_first_then_the_vault_fills_it(vault_path: Path, qtbot: Any) -> None:
    _closed_keychain_vault(vault_path)
    window = _opening(vault_path, qtbot)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        window.show()
        # Before the vault is open: its name, no pages yet, nothing to click.
        assert window.loading.text() == f"Opening {vault_path.name}…"
        assert not window.nav.isEnabled() and not window.menuBar().isEnabled()
        assert [window.nav.item(n).text() for n in range(window.nav.count())] == list(PAGE_TITLES)
    assert window.attached and window.nav.isEnabled() and window.menuBar().isEnabled()
    assert window.current_page() is window.today
    shown = "\n".join(label.text() for label in window.today.findChildren(QLabel))
    assert "Coffee with Hanako" in shown
    window.search.setText("Hanako")
    # The page check and the daily backup run after the pages are up.
    qtbot.waitUntil(lambda: window.maintenance is not None, timeout=20_000)
    window.close()
    assert not window.isVisible()


def test_a_vault_in_use_is_explained_and_the_window_closes(
    vault_path: Path, qtbot: Any, dialog_log: DialogLog
) -> None:
    _closed_keychain_vault(vault_path)
    window = _opening(vault_path, qtbot)
    with open_vault(vault_path), qtbot.waitSignal(window.open_failed, timeout=20_000):
        window.show()
    assert window.failed and not window.isVisible()
    assert [title for title, _text in dialog_log.errors] == ["Ichigo is already open"]


def test_closing_while_opening_closes_the_vault_too(
    vault_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _closed_keychain_vault(vault_path)
    # The opening worker waits here until the window has been closed.
    closed = threading.Event()
    monkeypatch.setattr(main_window, "import_pages", lambda: closed.wait(30))
    for wait_for_the_worker in (False, True):
        closed.clear()
        window = _opening(vault_path, qtbot)
        window.show()
        if wait_for_the_worker:
            qtbot.waitUntil(lambda w=window: w._open_worker is not None, timeout=20_000)
        window.close()
        assert not window.isVisible()
        closed.set()
        # The opened vault reaches the closed window, which closes it again.
        qtbot.waitUntil(lambda w=window: w._open_worker is None, timeout=20_000)
        assert not window.attached and not window.isVisible()
        # The writer lock is free again: the vault opens for writing.
        with open_vault(vault_path) as again:
            assert again.path == vault_path


def test_today_shows_the_vault_before_it_is_open_and_works_once_it_is(
    vault_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_vault(vault_path, mode=KeyMode.KEYCHAIN) as vault:
        world = seed.build(vault, NOW)
    # The opening worker waits here, after reading Today, before opening the vault.
    release = threading.Event()
    monkeypatch.setattr(main_window, "import_pages", lambda: release.wait(30))
    window = _opening(vault_path, qtbot)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.data_shown, timeout=20_000)
        # The week's meeting is on screen while the vault is still opening.
        assert not window.attached and not window.nav.isEnabled()
        shown = "\n".join(label.text() for label in window.today.findChildren(QLabel))
        assert "Coffee with Hanako" in shown
        first = window.today
        # A click in that moment does nothing (the promise stays open, nothing breaks).
        qtbot.mouseClick(first.promise_buttons[world.promise], Qt.MouseButton.LeftButton)
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.attached, timeout=20_000)
    # The same page, not read again, and now its buttons work.
    assert window.today is first and world.promise in first.promise_buttons
    qtbot.mouseClick(first.promise_buttons[world.promise], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: world.promise not in window.today.promise_buttons, timeout=5_000)
    window.close()


def test_a_quit_while_opening_closes_the_vault_cleanly(
    vault_path: Path, qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quit that skips closing the window (the session ends) while the vault is still
    opening: the next start must not take it for a crash (and check every page)."""
    _closed_keychain_vault(vault_path)
    release = threading.Event()
    monkeypatch.setattr(main_window, "import_pages", lambda: release.wait(30))
    window = _opening(vault_path, qtbot)
    window.show()
    qtbot.waitUntil(lambda: window.data_shown, timeout=20_000)
    release.set()
    qapp.aboutToQuit.emit()  # what QApplication.quit() sends first
    assert not left_open(vault_path)
    with open_vault(vault_path) as again:  # the writer's lock is free
        assert again.path == vault_path


def test_a_vault_left_open_is_not_read_before_it_is_checked(vault_path: Path, qtbot: Any) -> None:
    """After a crash the full open checks every page first: nothing is shown before."""
    _closed_keychain_vault(vault_path)
    lock_path_for(vault_path).write_bytes(OPEN_MARK)  # what a writer that died leaves
    shown: list[object] = []
    window = _opening(vault_path, qtbot)
    window._first_overview.connect(shown.append)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        window.show()
    assert shown == [] and window.data_shown
    window.close()


class HangingKeyring(keyring.backend.KeyringBackend):
    """A keychain whose every request hangs (a D-Bus service that never answers)."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked += 1
        self.release.wait(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("hanging")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("hanging")


def test_a_hanging_keychain_is_waited_for_once_then_explained(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog, qapp: Any
) -> None:
    _closed_keychain_vault(vault_path)
    monkeypatch.setattr(keys, "KEYRING_TIMEOUT_S", 0.3)
    monkeypatch.setattr(keys, "_stuck", None)
    hanging = HangingKeyring()
    keyring.set_keyring(hanging)  # the autouse memory keyring is put back afterwards
    try:
        # The quick unlock gives up, then the ordinary path explains without asking the
        # stuck keychain a second time (which cost a second timeout).
        key, first = _start_opening(vault_path)
        assert _first_window(vault_path, key.result(), first, [], lambda _w: None) is None
        assert hanging.asked == 1
        [(title, text)] = dialog_log.errors
        assert title == "Cannot unlock the vault"
        assert "did not answer in time" in text
    finally:
        hanging.release.set()
    # Once the keychain answers again it is asked again.
    assert keys._stuck is not None
    keys._stuck.result(timeout=10)
    assert keys.load_key("anything") is None
    assert hanging.asked == 2


PROBE = """
import json, sys
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

HEAVY = ("sqlalchemy", "alembic", "icalendar", "jinja2", "vobject")
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            window = watched.window()
            if isinstance(window, QMainWindow):
                if getattr(window, "attached", False):
                    key = "content"
                elif getattr(window, "data_shown", False):
                    key = "today"  # read before the vault is open
                else:
                    key = "frame"
                if key not in seen:
                    seen[key] = [m for m in HEAVY if m in sys.modules]
                    # PySide builds a type on first use; Qt's namespace takes ~25 ms.
                    if "Qt" in vars(PySide6.QtCore):
                        seen[key].append("PySide6.QtCore.Qt")
                if key == "content":
                    seen["icon"] = not QApplication.windowIcon().isNull()
                    QTimer.singleShot(0, QApplication.instance().quit)
        return False

app = QApplication([])
watch = Watch()
app.installEventFilter(watch)
from ichigoapp.cli import main  # the desktop entry runs `ichigo gui`
main(["--vault", sys.argv[1], "gui"])
print(json.dumps(seen))
"""


def test_the_window_paints_before_sqlalchemy_loads(vault_path: Path, tmp_path: Path) -> None:
    """What the start-up time rests on (DESIGN section 6; timed by `make bench`)."""
    keyring_file = tmp_path / "keyring.json"
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO),
        PYTHON_KEYRING_BACKEND=FILE_BACKEND,
        ICHIGO_TEST_KEYRING=str(keyring_file),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    (tmp_path / "run").mkdir(mode=0o700)
    create = (
        "import sys\nfrom pathlib import Path\n"
        "from ichigoapp.store import KeyMode, create_vault\n"
        "create_vault(Path(sys.argv[1]), mode=KeyMode.KEYCHAIN).close()"
    )
    made = python(["-c", create, str(vault_path)], env)
    assert made.returncode == 0, made.stderr
    done = python(["-c", PROBE, str(vault_path)], env)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # A frame without data, unless Today was read before the window was built.
    assert seen.get("frame", []) == []
    # The Today page comes with the vault's data before SQLAlchemy (it uses Qt's namespace).
    assert seen["today"] in ([], ["PySide6.QtCore.Qt"])
    # Only SQLAlchemy itself once the pages are up; importing and printing load theirs
    # when first used.
    assert seen["content"][0] == "sqlalchemy" and seen["content"][1:] in ([], ["PySide6.QtCore.Qt"])
    # The window icon, set after the first paint, is there by the time the pages are.
    assert seen["icon"] is True
