"""The page check and daily backup run after the first paint, when due (after a crash,
before the daily backup, once a day), and damage found then is offered a restore just
as at unlock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ichigoapp.services import contacts
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.backup import auto_backups
from ichigoapp.store.meta import last_check, record_check

PAGE = 4096


def _vault_with_people(path: Path) -> Path:
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault, vault.transaction() as s:
        for i in range(150):
            contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="n" * 300))
    return path


def test_daily_backup_is_made_after_the_window_is_shown(tmp_path: Path, qtbot: Any) -> None:
    from ichigoapp.ui.main_window import open_main_window

    path = _vault_with_people(tmp_path / "v.vault")
    window = open_main_window(path, [])
    assert window is not None
    qtbot.addWidget(window)
    assert auto_backups(path) == []  # nothing read every page before the window existed
    window.show()
    qtbot.waitUntil(lambda: len(auto_backups(path)) == 1, timeout=20_000)
    assert window.maintenance is not None
    with qtbot.waitSignal(window.maintenance.done, timeout=20_000, raising=False):
        pass
    window.close()


def test_damage_found_after_start_offers_the_backup(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ichigoapp.ui.lifecycle import damaged
    from ichigoapp.ui.main_window import MainWindow, open_main_window

    path = _vault_with_people(tmp_path / "v.vault")
    with open_vault(path):  # the daily backup: a good copy from before the damage
        pass
    # The last check of every page was a day ago: the start's maintenance checks again.
    record_check(path, ok=True, at=datetime.now(UTC) - timedelta(days=1))
    data = bytearray(path.read_bytes())
    data[5 * PAGE + 300] ^= 0x40
    path.write_bytes(bytes(data))

    offered: list[str] = []
    monkeypatch.setattr(
        damaged, "choose_restore", lambda _p, _t, _text, details: offered.append(details) or True
    )
    window = open_main_window(path, [])
    assert window is not None  # opening no longer reads every page
    qtbot.addWidget(window)
    window.show()

    def restored_window() -> MainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.vault.path.name == "v-restored.vault":
                return widget
        return None

    qtbot.waitUntil(lambda: restored_window() is not None, timeout=20_000)
    replacement = restored_window()
    assert replacement is not None
    qtbot.addWidget(replacement)
    assert offered and "backup" in offered[0]
    assert replacement.vault.path == tmp_path / "v-restored.vault"
    with replacement.vault.session() as s:
        assert len(contacts.list_contacts(s)) == 150
    replacement.close()


def test_a_start_within_a_day_of_the_last_check_reads_no_more_than_it_shows(
    tmp_path: Path, qtbot: Any
) -> None:
    from ichigoapp.ui.main_window import open_main_window

    path = _vault_with_people(tmp_path / "v.vault")
    with open_vault(path):  # checked every page and made the day's backup
        pass
    checked = last_check(path)
    assert checked is not None and checked.ok
    window = open_main_window(path, [])
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.maintenance is not None, timeout=20_000)
    assert window.maintenance is not None
    window.maintenance.wait()  # its work ended (there was none)
    assert last_check(path) == checked  # no new check
    assert len(auto_backups(path)) == 1  # nor a second backup
    window.close()


def test_after_a_crash_the_app_checks_every_page_again(tmp_path: Path) -> None:
    path = _vault_with_people(tmp_path / "v.vault")
    with open_vault(path):
        pass
    with open_vault(path, verify=False) as vault:
        assert not vault.check_due()  # closed cleanly, checked today, backed up today
    (path.with_name(path.name + ".lock")).write_bytes(b"open\n")  # a writer died
    with open_vault(path, verify=False) as vault:
        assert vault.check_due()
        assert vault.maintain_if_due()
    checked = last_check(path)
    assert checked is not None and checked.ok
