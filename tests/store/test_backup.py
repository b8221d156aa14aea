"""Encrypted backups: made, checked, rotated, and restored into a new vault."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ichigoapp.errors import VaultCorrupt, VaultExists
from ichigoapp.model import Setting
from ichigoapp.services import contacts
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.backup import auto_backups
from ichigoapp.store.restore import restore_vault

NOTE = "BACKUP-MARKER remembers the anniversary"


def _names(vault_path: Path, **kw: Any) -> list[str]:
    with open_vault(vault_path, **kw) as vault, vault.session() as s:
        return [c.display_name for c in contacts.list_contacts(s)]


def test_keychain_backup_restores_into_a_new_vault(tmp_path: Path, memory_keyring: Any) -> None:
    original = tmp_path / "main.vault"
    with create_vault(original, mode=KeyMode.KEYCHAIN) as vault:
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Chiara Rossi", notes=NOTE))
        backup = vault.backup_to(tmp_path / "out" / "saved.vault")
    assert NOTE.encode() not in backup.read_bytes()

    restored = tmp_path / "restored.vault"
    restore_vault(backup, restored).close()
    assert _names(restored) == ["Chiara Rossi"]
    # the restored vault has its own keychain entry holding the same key
    assert len(memory_keyring.store) == 2
    assert len(set(memory_keyring.store.values())) == 1
    assert _names(original) == ["Chiara Rossi"]


def test_passphrase_backup_restores_with_the_same_passphrase(tmp_path: Path) -> None:
    original = tmp_path / "main.vault"
    with create_vault(original, passphrase="pw one") as vault:
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Tomás Ruiz"))
        backup = vault.backup_to(tmp_path / "saved.vault")
    restore_vault(backup, tmp_path / "new.vault", passphrase="pw one").close()
    assert _names(tmp_path / "new.vault", passphrase="pw one") == ["Tomás Ruiz"]


def test_restoring_leaves_the_backup_exactly_as_it_was(tmp_path: Path) -> None:
    """A backup on a USB stick or in a synced folder: restoring reads it, never writes
    to it (SQLite's switch to WAL would rewrite its first page) or beside it."""
    with create_vault(tmp_path / "main.vault", passphrase="pw one") as vault:
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Tomás Ruiz"))
        backup = vault.backup_to(tmp_path / "stick" / "saved.vault")
    before = {p.name: p.read_bytes() for p in backup.parent.iterdir()}
    restore_vault(backup, tmp_path / "new.vault", passphrase="pw one").close()
    assert {p.name: p.read_bytes() for p in backup.parent.iterdir()} == before
    assert _names(tmp_path / "new.vault", passphrase="pw one") == ["Tomás Ruiz"]


def test_restore_never_overwrites(tmp_path: Path) -> None:
    with create_vault(tmp_path / "a.vault", passphrase="pw") as vault:
        backup = vault.backup_to(tmp_path / "saved.vault")
    with pytest.raises(VaultExists):
        restore_vault(backup, tmp_path / "a.vault", passphrase="pw")


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    with create_vault(tmp_path / "a.vault", passphrase="pw") as vault:
        with vault.transaction() as s:
            for i in range(200):
                contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="x" * 200))
        backup = vault.backup_to(tmp_path / "saved.vault")
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped bit in the middle of a page
    backup.write_bytes(bytes(data))
    with pytest.raises(VaultCorrupt):
        restore_vault(backup, tmp_path / "new.vault", passphrase="pw")
    assert not (tmp_path / "new.vault").exists()


def test_daily_backup_on_open_is_rotated(vault_path: Path) -> None:
    create_vault(vault_path, passphrase="pw").close()
    with open_vault(vault_path, passphrase="pw") as vault:
        assert len(auto_backups(vault_path)) == 1  # the first open of the day
        with vault.transaction() as s:
            s.add(Setting(key="backup_keep", value="3"))
        for _ in range(5):
            vault.auto_backup("before-merge")
        # a fresh daily backup exists, so opening again adds none
        assert vault.auto_backup("daily", max_age=timedelta(hours=20)) is None
    open_vault(vault_path, passphrase="pw").close()
    kept = auto_backups(vault_path)
    assert len(kept) == 3
    assert all("before-merge" in p.name for p in kept)
    with open_vault(vault_path, passphrase="pw") as vault, vault.session() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "backup_keep")) == "3"
