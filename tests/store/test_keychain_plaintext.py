"""A keychain that keeps secrets in a plain file never receives a vault key.

keyrings.alt's PlaintextKeyring is what users meet: Debian and pip users get it beside
keyring, and keyring picks it (or a chainer that falls back to it) where no desktop
keychain answers; tests/keyrings.PlaintextKeyring is marked the same way. The
command line's tests (tests/cli/test_cli_keys.py) cover `ichigo init`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.chainer import ChainerBackend

from ichigoapp.errors import InsecureKeychain, KeyUnavailable
from ichigoapp.store import KeyMode, create_vault, keys, open_vault
from ichigoapp.store.restore import restore_vault
from tests.keyrings import PLAINTEXT_BACKEND, PLAINTEXT_ENV, MemoryKeyring, PlaintextKeyring


@pytest.fixture
def clear_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlaintextKeyring]:
    """A plaintext keyring, its file under ``tmp_path``."""
    monkeypatch.setenv(PLAINTEXT_ENV, str(tmp_path / "clear.json"))
    backend = PlaintextKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _clear_file_text(backend: PlaintextKeyring) -> str:
    path = Path(backend.file_path)
    return path.read_text() if path.exists() else ""


class FallbackChain(ChainerBackend):
    """keyring's chainer over a working keychain and the plaintext file behind it, as
    keyring builds one where both are installed."""

    def __init__(self, members: list[Any]) -> None:
        super().__init__()
        self.members = members

    @property  # type: ignore[misc]
    def backends(self) -> list[Any]:  # type: ignore[override]
        return self.members


def test_a_vault_key_is_never_put_in_a_plaintext_keyring(
    tmp_path: Path, clear_keyring: PlaintextKeyring
) -> None:
    path = tmp_path / "v.vault"
    with pytest.raises(InsecureKeychain) as refused:
        create_vault(path, mode=KeyMode.KEYCHAIN)
    assert "PlaintextKeyring" in refused.value.message
    assert "passphrase" in refused.value.message
    assert not path.exists()
    assert "ichigo" not in _clear_file_text(clear_keyring)

    # Without a mode, the vault is made with the passphrase given instead.
    with create_vault(path, passphrase="quiet harbour lantern 47") as vault:
        assert vault.key_mode is KeyMode.PASSPHRASE
    assert "ichigo" not in _clear_file_text(clear_keyring)


def test_a_chain_that_falls_back_to_a_plaintext_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PLAINTEXT_ENV, str(tmp_path / "clear.json"))
    good = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(FallbackChain([good, PlaintextKeyring()]))
    try:
        assert keys.plaintext_backend() == PLAINTEXT_BACKEND
        with pytest.raises(InsecureKeychain):
            create_vault(tmp_path / "v.vault", mode=KeyMode.KEYCHAIN)
    finally:
        keyring.set_keyring(previous)
    assert good.store == {}
    # The same chain without the plaintext file is a keychain like any other.
    keyring.set_keyring(FallbackChain([good]))
    try:
        assert keys.plaintext_backend() is None
        create_vault(tmp_path / "w.vault", mode=KeyMode.KEYCHAIN).close()
    finally:
        keyring.set_keyring(previous)
    assert len(good.store) == 1


def test_a_gui_first_run_learns_why_and_can_fall_back(
    tmp_path: Path, clear_keyring: PlaintextKeyring
) -> None:
    """The app's first run tries the keychain and, on KeyUnavailable, shows the message
    and asks for a passphrase (ui/lifecycle/unlock.py): the refusal must be one."""
    with pytest.raises(KeyUnavailable) as refused:
        create_vault(tmp_path / "v.vault", mode=KeyMode.KEYCHAIN)
    assert isinstance(refused.value, InsecureKeychain)
    assert "\n" not in refused.value.message


def test_a_keychain_vault_is_not_moved_into_a_plaintext_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Key rotation and restore store keys too; neither may use a plaintext file."""
    path = tmp_path / "v.vault"
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        backup = vault.backup_to(tmp_path / "saved.vault")
    monkeypatch.setenv(PLAINTEXT_ENV, str(tmp_path / "clear.json"))
    clear = PlaintextKeyring()
    for (service, entry), value in memory_keyring.store.items():
        clear.set_password(service, entry, value)  # as if it had been there before
    keyring.set_keyring(clear)

    with open_vault(path) as vault, pytest.raises(InsecureKeychain, match="nothing was changed"):
        vault.change_key(KeyMode.KEYCHAIN)
    with pytest.raises(InsecureKeychain, match="nothing was restored"):
        restore_vault(backup, tmp_path / "restored.vault")
    assert not (tmp_path / "restored.vault").exists()
    # Only the entry put there by hand: no new key, no restored vault's key.
    assert _clear_file_text(clear).count("vault") == 1
