"""First run and unlock: keychain, passphrase (new and existing), errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.meta import VaultMeta
from ichigoapp.ui.dialogs import passphrase
from ichigoapp.ui.lifecycle import unlock
from ichigoapp.ui.main_window import MainWindow, open_main_window
from tests.ui.conftest import DialogLog


def test_first_run_creates_a_keychain_vault_and_shows_the_window(
    tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "new" / "ichigo.vault"
    window = open_main_window(path, [])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert path.exists()
    meta = VaultMeta.read(path)
    assert meta is not None and meta.key_mode is KeyMode.KEYCHAIN
    assert window.today.isVisible()
    assert "keychain" in window.vault_label.text()


@pytest.mark.usefixtures("failing_keyring")
def test_no_keychain_asks_for_a_new_passphrase_twice(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def drive(dialog: passphrase.PassphraseDialog) -> int:
        assert dialog.new and dialog.confirm_edit is not None
        qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery")
        qtbot.keyClicks(dialog.confirm_edit, "correct horse battery!")
        dialog.ok_button.click()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert not dialog.error_label.isHidden()
        seen.append(dialog.error_label.text())
        qtbot.keyClicks(dialog.confirm_edit, "correct horse battery")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", drive)
    path = tmp_path / "pp.vault"
    window = open_main_window(path, [])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert seen == ["The two passphrases do not match."]
    assert window.vault.key_mode is KeyMode.PASSPHRASE
    window.close()
    # The passphrase typed really is the key.
    with open_vault(path, passphrase="correct horse battery") as v:
        assert v.key_mode is KeyMode.PASSPHRASE


@pytest.mark.usefixtures("failing_keyring")
def test_new_passphrase_dialog_warns_that_it_cannot_be_recovered(qtbot: Any) -> None:
    dialog = passphrase.PassphraseDialog(None, Path("x.vault"), new=True)
    qtbot.addWidget(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "cannot be recovered" in texts


def test_wrong_passphrase_says_so_and_allows_retry(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.vault"
    create_vault(path, mode=KeyMode.PASSPHRASE, passphrase="the right words").close()
    attempts: list[str] = []

    def drive(dialog: passphrase.PassphraseDialog) -> int:
        assert not dialog.new
        attempts.append(dialog.error_label.text() if not dialog.error_label.isHidden() else "")
        qtbot.keyClicks(
            dialog.passphrase_edit, "wrong words" if len(attempts) == 1 else "the right words"
        )
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", drive)
    window = open_main_window(path, [])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert attempts[0] == ""
    assert "does not open" in attempts[1]
    assert len(attempts) == 2


def test_cancelling_the_passphrase_gives_up_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.vault"
    create_vault(path, mode=KeyMode.PASSPHRASE, passphrase="the right words").close()
    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", lambda self: 0)
    assert open_main_window(path, []) is None


def test_vault_in_use_shows_a_clear_message(vault: Any, dialog_log: DialogLog) -> None:
    # The `vault` fixture holds the write lock, like another running Ichigo.
    assert unlock.obtain_vault(vault.path) is None
    assert dialog_log.errors[0][0] == "Ichigo is already open"
    assert "another Ichigo" in dialog_log.errors[0][1]


@pytest.mark.usefixtures("locked_keyring")
def test_failing_keychain_on_unlock_is_explained(tmp_path: Path, dialog_log: DialogLog) -> None:
    import keyring

    from tests.keyrings import MemoryKeyring

    path = tmp_path / "kc.vault"
    locked = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    create_vault(path, mode=KeyMode.KEYCHAIN).close()
    keyring.set_keyring(locked)
    assert unlock.obtain_vault(path) is None
    title, text = dialog_log.errors[0]
    assert title == "Cannot unlock the vault"
    assert "keychain" in text


def test_demo_mode_fills_a_new_vault(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICHIGO_DEMO", "1")
    window = open_main_window(tmp_path / "demo.vault", [])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.contacts)
    assert window.contacts.model.rowCount() >= 35
    assert window.today.overview is not None and window.today.overview.upcoming


@pytest.mark.usefixtures("failing_keyring")
def test_a_weak_new_passphrase_is_refused_until_confirmed(qtbot: Any) -> None:
    dialog = passphrase.PassphraseDialog(None, Path("x.vault"), new=True)
    qtbot.addWidget(dialog)
    assert dialog.confirm_edit is not None
    qtbot.keyClicks(dialog.passphrase_edit, "password123")
    assert dialog.strength_label.text().startswith("very weak")
    qtbot.keyClicks(dialog.confirm_edit, "password123")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text().startswith("This passphrase is very weak")
    assert not dialog.weak_ok.isHidden()

    dialog.weak_ok.setChecked(True)  # the user insists, knowingly
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.usefixtures("failing_keyring")
def test_a_strong_new_passphrase_goes_through_at_once(qtbot: Any) -> None:
    dialog = passphrase.PassphraseDialog(None, Path("x.vault"), new=True)
    qtbot.addWidget(dialog)
    assert dialog.confirm_edit is not None
    qtbot.keyClicks(dialog.passphrase_edit, "quiet harbour lantern 47")
    qtbot.keyClicks(dialog.confirm_edit, "quiet harbour lantern 47")
    assert "strong" in dialog.strength_label.text()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.weak_ok.isHidden()
