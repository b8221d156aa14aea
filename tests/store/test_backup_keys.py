"""Backups across key changes: one rule (store/rekey.py ``release_retired_keys``).

An earlier keychain key stays in the keychain, under its own versioned entry, for as
long as a backup in the vault's backup folder was made with it; when the last such
backup is rotated out, the key is deleted too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ichigoapp.services import contacts
from ichigoapp.services.settings import write_setting
from ichigoapp.store import KeyMode, create_vault, migrate, open_vault
from ichigoapp.store.backup import auto_backups, backups_in_folder
from ichigoapp.store.meta import VaultMeta
from ichigoapp.store.restore import restore_vault

NEW_PASSPHRASE = "a brand new passphrase 9Z"


def _names(path: Path) -> list[str]:
    with open_vault(path, write=False) as vault, vault.session() as s:
        return [c.display_name for c in contacts.list_contacts(s)]


def _entries(keyring: Any) -> set[str]:
    return {entry for service, entry in keyring.store if service == "ichigo"}


@pytest.mark.parametrize("to", [KeyMode.KEYCHAIN, KeyMode.PASSPHRASE])
def test_a_backup_made_before_a_key_change_restores_after_it(
    tmp_path: Path, memory_keyring: Any, to: KeyMode
) -> None:
    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Hanako Sato"))
        first = vault.meta.keyring_entry
        before = vault.auto_backup("daily")
        assert before is not None
        vault.change_key(to, NEW_PASSPHRASE if to is KeyMode.PASSPHRASE else None)
        assert vault.meta.retired_keys == (0,)

    assert first in _entries(memory_keyring)  # kept: backups were made with it
    with restore_vault(before, tmp_path / "restored.vault") as restored:
        assert restored.key_mode is KeyMode.KEYCHAIN
    assert _names(tmp_path / "restored.vault") == ["Hanako Sato"]


def test_the_old_key_goes_once_its_backups_are_rotated_out(
    tmp_path: Path, memory_keyring: Any
) -> None:
    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        with vault.transaction() as s:
            write_setting(s, "backup_keep", "2")
        first = vault.meta.keyring_entry
        vault.auto_backup("daily")
        vault.change_key(KeyMode.KEYCHAIN)  # "before-passwd" (old key), "after-passwd" (new)
        current = vault.meta.keyring_entry
        assert {first, current} <= _entries(memory_keyring)

        vault.auto_backup("daily")  # keeps the last two: after-passwd and this one
        assert not any("before-passwd" in p.name for p in auto_backups(path))

        assert first not in _entries(memory_keyring)
        assert current in _entries(memory_keyring)
        assert vault.meta.retired_keys == ()
    meta = VaultMeta.read(path)
    assert meta is not None and meta.retired_keys == ()
    # Every backup left opens with a key the keychain still holds.
    for backup in auto_backups(path):
        with restore_vault(backup, tmp_path / f"r-{backup.stem}.vault"):
            pass


def test_a_kept_key_survives_an_interrupted_release(
    tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries are deleted before the meta forgets them: a crash in between costs an
    extra delete next time, never a backup without its key."""
    from ichigoapp.store import rekey

    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        vault.change_key(KeyMode.KEYCHAIN)
    meta = VaultMeta.read(path)
    assert meta is not None and meta.retired_keys == (0,)
    for backup in backups_in_folder(path):
        backup.unlink()  # the user cleared the folder by hand

    def die(_meta: VaultMeta, _path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(VaultMeta, "write", die)
    with pytest.raises(KeyboardInterrupt):
        rekey.release_retired_keys(path, meta)
    monkeypatch.undo()
    assert meta.entry_for(0) not in _entries(memory_keyring)
    assert rekey.release_retired_keys(path, meta).retired_keys == ()


def test_a_keychain_vault_s_backup_before_a_migration_restores(
    tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch, newer_migrations: Path
) -> None:
    """The backup made before a schema upgrade carries its key note like every other."""
    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault, vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Yuki Kato"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer_migrations)
    monkeypatch.setattr(migrate, "HEAD", "9999_test")
    open_vault(path).close()

    [before] = [p for p in backups_in_folder(path) if "-before-" in p.name]
    meta = VaultMeta.read(before)
    assert meta is not None and meta.key_mode is KeyMode.KEYCHAIN
    with restore_vault(before, tmp_path / "restored.vault"):
        pass
    assert _names(tmp_path / "restored.vault") == ["Yuki Kato"]
