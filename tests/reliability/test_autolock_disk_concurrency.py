"""Auto-lock closes and hides the vault; full or read-only disks say so; one writer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ichigoapp.errors import VaultWriteFailed
from ichigoapp.services import contacts
from ichigoapp.store import KeyMode, create_vault, open_vault
from tests.cli_helpers import cli_env, run_cli
from tests.reliability.helpers import PASSPHRASE, spawn


def test_autolock_closes_hides_and_unlocks(tmp_path: Path, qtbot: Any) -> None:
    from ichigoapp.ui.lifecycle.autolock import AutoLock
    from ichigoapp.ui.main_window import MainWindow

    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault, vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Hanako Sato"))
    window = MainWindow(open_vault(path))
    qtbot.addWidget(window)
    window.show()
    reopened: list[Any] = []

    def unlock(p: Path, _parent: Any) -> Any:
        reopened.append(open_vault(p))
        return reopened[-1]

    lock = AutoLock(window, minutes=15, unlock=unlock)
    assert lock.timer.isActive() and lock.timer.interval() == 15 * 60_000
    lock.timer.stop()
    # Any key press anywhere restarts the idle countdown.
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )
    assert lock.timer.isActive()
    lock.timer.timeout.emit()  # the idle time is up
    assert lock.is_locked and not window.isVisible()
    assert lock.lock_screen is not None and lock.lock_screen.isVisible()
    # The connection is closed and the writer lock released: another writer gets in.
    open_vault(path).close()
    lock.lock_screen.unlock_button.click()
    assert not lock.is_locked and lock.window is not None and lock.window.isVisible()
    assert lock.window.vault is reopened[0]
    lock.window.close()


def _tmpfs(where: Path) -> bool:
    where.mkdir()
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def test_full_disk_loses_nothing_saved(tmp_path: Path) -> None:
    small = tmp_path / "small"
    if not _tmpfs(small):
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        path = small / "v.vault"
        with create_vault(path, passphrase=PASSPHRASE) as vault:
            with vault.transaction() as s:
                contacts.add_contact(s, contacts.ContactInput(name="Saved Before"))
            big = "z" * 2000
            with pytest.raises(VaultWriteFailed, match="disk is full"), vault.transaction() as s:
                for i in range(4000):
                    contacts.add_contact(s, contacts.ContactInput(name=f"P{i}", notes=big))
        (small / "v.vault.backups").exists() and shutil.rmtree(small / "v.vault.backups")
        with open_vault(path, passphrase=PASSPHRASE, write=False) as vault, vault.session() as s:
            assert [c.display_name for c in contacts.list_contacts(s)] == ["Saved Before"]
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_read_only_location_is_a_clear_error(tmp_path: Path) -> None:
    err = VaultWriteFailed
    import errno

    from ichigoapp.store.recovery import user_error_for

    mapped = user_error_for(OSError(errno.EROFS, "Read-only file system", "/x"), tmp_path, None)
    assert isinstance(mapped, err) and "read-only" in mapped.message
    import sqlcipher3

    mapped = user_error_for(
        sqlcipher3.OperationalError("attempt to write a readonly database"),
        tmp_path / "v.vault",
        None,
    )
    assert isinstance(mapped, err) and "read-only" in mapped.message


def test_reader_works_and_second_writer_is_told_busy(tmp_path: Path) -> None:
    path = tmp_path / "v.vault"
    env = cli_env(tmp_path / "home", PASSPHRASE)
    assert run_cli("--vault", str(path), "init", env=env).code == 0
    holder = spawn(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from ichigoapp.store import open_vault; v = open_vault(Path(sys.argv[1])); "
            "print('ready', flush=True); sys.stdin.read()",
            str(path),
        ],
        env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        reading = run_cli("--vault", str(path), "meetings", env=env)
        assert reading.code == 0, reading.err
        writing = run_cli("--vault", str(path), "contacts", "add", "--name", "X", env=env)
        assert writing.code == 3 and "open in another" in writing.err
    finally:
        holder.communicate("", timeout=30)
    assert run_cli("--vault", str(path), "contacts", "add", "--name", "X", env=env).code == 0
