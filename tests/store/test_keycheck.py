"""The start-up unlock without SQLAlchemy: a key it returns always opens the vault,
and anything out of the ordinary is left to the full open (which explains it)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import keyring

from ichigoapp.store import KeyMode, create_vault, keys
from ichigoapp.store.keycheck import keychain_secret, opens_with
from ichigoapp.store.meta import PendingKey, VaultMeta


def _keychain_vault(path: Path) -> VaultMeta:
    create_vault(path, mode=KeyMode.KEYCHAIN).close()
    meta = VaultMeta.read(path)
    assert meta is not None
    return meta


def test_a_keychain_vault_unlocks_with_its_checked_key(vault_path: Path) -> None:
    meta = _keychain_vault(vault_path)
    secret = keychain_secret(vault_path)
    assert secret is not None and secret.mode is KeyMode.KEYCHAIN
    assert secret.raw_key() == keys.load_key(meta.keyring_entry)
    assert opens_with(vault_path, secret)


def test_a_passphrase_vault_or_a_missing_one_is_left_to_the_full_open(
    vault_path: Path, tmp_path: Path
) -> None:
    create_vault(vault_path, passphrase="correct horse").close()
    assert keychain_secret(vault_path) is None
    assert keychain_secret(tmp_path / "nowhere.vault") is None


def test_a_missing_or_wrong_keychain_entry_gives_none(vault_path: Path) -> None:
    meta = _keychain_vault(vault_path)
    keyring.set_password(keys.KEYRING_SERVICE, meta.keyring_entry, "ab" * 32)
    assert keychain_secret(vault_path) is None
    keyring.delete_password(keys.KEYRING_SERVICE, meta.keyring_entry)
    assert keychain_secret(vault_path) is None


def test_a_pending_key_change_is_left_to_the_full_open(vault_path: Path) -> None:
    meta = _keychain_vault(vault_path)
    dataclasses.replace(meta, pending=PendingKey(KeyMode.PASSPHRASE, 2)).write(vault_path)
    assert keychain_secret(vault_path) is None


def test_a_damaged_first_page_gives_none_and_leaves_the_file_as_it_was(
    vault_path: Path,
) -> None:
    _keychain_vault(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[100:140] = b"\0" * 40
    vault_path.write_bytes(bytes(data))
    assert keychain_secret(vault_path) is None
    assert vault_path.read_bytes() == bytes(data)
