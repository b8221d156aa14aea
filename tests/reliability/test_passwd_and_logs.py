"""Key changes (old secret stops working, keychain entries tidy) and secrets never logged."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from ichigoapp.errors import KeyUnavailable, WrongKey
from ichigoapp.services import contacts
from ichigoapp.services.importing import import_calendar
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.meta import VaultMeta
from tests.importers.bigcal import make_calendar
from tests.reliability.helpers import NEW_PASSPHRASE, PASSPHRASE


def test_passphrase_to_keychain_and_back(tmp_path: Path, memory_keyring: Any) -> None:
    path = tmp_path / "v.vault"
    with create_vault(path, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Hanako"))
    with open_vault(path, passphrase=PASSPHRASE) as vault:
        vault.change_key(KeyMode.KEYCHAIN)
    with pytest.raises((WrongKey, KeyUnavailable)):
        open_vault(path, secret=__import__("ichigoapp").store.Secret.passphrase(PASSPHRASE))
    assert len(memory_keyring.store) == 1
    open_vault(path).close()  # silently, from the keychain
    keychain_entry = next(iter(memory_keyring.store))
    with open_vault(path) as vault:
        vault.change_key(KeyMode.PASSPHRASE, NEW_PASSPHRASE)
    # The keychain key stays only for the backups made with it (store/rekey.py).
    assert list(memory_keyring.store) == [keychain_entry]
    retired = VaultMeta.read(path)
    assert retired is not None and retired.retired_keys == (1,)
    with pytest.raises(WrongKey):
        open_vault(path, passphrase=PASSPHRASE)
    with open_vault(path, passphrase=NEW_PASSPHRASE) as vault, vault.session() as s:
        assert [c.display_name for c in contacts.list_contacts(s)] == ["Hanako"]
    meta = VaultMeta.read(path)
    assert meta is not None and meta.pending is None and meta.key_generation == 2
    backups = sorted(p.name for p in (tmp_path / "v.vault.backups").glob("*.vault"))
    assert any("before-passwd" in b for b in backups) and any("after-passwd" in b for b in backups)


def test_interrupted_change_after_rekey_is_finished_on_open(
    tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate death between rekey and the meta switch: the pending key is tried."""
    from ichigoapp.store import rekey

    path = tmp_path / "v.vault"
    create_vault(path, passphrase=PASSPHRASE).close()

    def die(*_a: Any, **_k: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(rekey, "finish_key_change", die)
    with pytest.raises(KeyboardInterrupt), open_vault(path, passphrase=PASSPHRASE) as vault:
        vault.change_key(KeyMode.KEYCHAIN)
    monkeypatch.undo()
    meta = VaultMeta.read(path)
    assert meta is not None and meta.pending is not None and meta.key_mode is KeyMode.PASSPHRASE
    with open_vault(path, passphrase=PASSPHRASE) as vault:  # old one refused, new one works
        assert vault.key_mode is KeyMode.KEYCHAIN
    settled = VaultMeta.read(path)
    assert settled is not None and settled.pending is None
    assert settled.key_mode is KeyMode.KEYCHAIN


def test_no_secret_in_logs_over_a_full_flow(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, memory_keyring: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "v.vault"
    cal = tmp_path / "c.ics"
    cal.write_bytes(make_calendar(50, seed=3))
    with create_vault(path, passphrase=PASSPHRASE) as vault:
        import_calendar(vault.transaction, [cal])
    with pytest.raises(WrongKey):
        open_vault(path, passphrase=PASSPHRASE + "x")
    with open_vault(path, passphrase=PASSPHRASE) as vault:
        vault.change_key(KeyMode.KEYCHAIN)
        raw_hex = next(iter(memory_keyring.store.values()))
        vault.change_key(KeyMode.PASSPHRASE, NEW_PASSPHRASE)
    open_vault(path, passphrase=NEW_PASSPHRASE).close()
    assert caplog.records  # the flow did log (so the check means something)
    for secret in (PASSPHRASE, NEW_PASSPHRASE, raw_hex, raw_hex.upper()):
        assert secret not in caplog.text
