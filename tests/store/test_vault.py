"""The vault keeps notes encrypted at rest and refuses every unsafe shortcut."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import text

from ichigoapp.errors import (
    KeyUnavailable,
    NotEncrypted,
    VaultExists,
    VaultInUse,
    VaultMissing,
    VaultTooNew,
    WrongKey,
)
from ichigoapp.services import contacts
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store import engine as engine_module
from ichigoapp.store.engine import secret_of
from ichigoapp.store.keys import SecretWiped
from ichigoapp.store.meta import VaultMeta, meta_path_for

MARKER = "PLAINTEXT-MARKER-7f3a9 tea with oat milk"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _vault_files(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_notes_are_not_readable_on_disk(vault_path: Path) -> None:
    vault = create_vault(vault_path, mode=KeyMode.KEYCHAIN)
    with vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Hanako Sato", notes=MARKER))
    # Look while the vault is open (WAL and shared memory exist) and after closing.
    for _ in range(2):
        for f in _vault_files(vault_path):
            if f.is_file():
                data = f.read_bytes()
                assert MARKER.encode() not in data, f.name
                assert b"Hanako" not in data, f.name
        vault.close()
    assert not vault_path.read_bytes().startswith(b"SQLite format 3")


def test_key_is_set_before_any_statement_and_never_as_sql_text(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_vault(vault_path, passphrase="correct horse").close()
    traces: list[list[str]] = []
    real_connect = sqlcipher3.connect

    class Traced(sqlcipher3.Connection):  # type: ignore[misc]
        def set_key(self, key: Any) -> Any:
            self.statements.append("<set_key>")
            return super().set_key(key)

    def traced_connect(*args: Any, **kwargs: Any) -> Any:
        conn = real_connect(*args, factory=Traced, **kwargs)
        conn.statements = []
        traces.append(conn.statements)
        conn.set_trace_callback(conn.statements.append)
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", traced_connect)
    with open_vault(vault_path, passphrase="correct horse") as vault, vault.session() as s:
        assert s.execute(text("SELECT count(*) FROM contact")).scalar() == 0
    assert traces
    for statements in traces:
        assert statements[0] == "<set_key>"
        assert not any("correct horse" in statement for statement in statements)


def test_a_closed_vault_keeps_no_key(vault_path: Path) -> None:
    vault = create_vault(vault_path, passphrase="correct horse")
    secret = secret_of(vault.engine)
    assert secret.matches("correct horse")
    vault.close()
    assert secret.wiped
    assert bytes(secret._buffer) == bytes(len(b"correct horse"))
    with pytest.raises(SecretWiped, match="locked"):
        vault.engine.connect()


def test_a_plain_sqlite_driver_is_refused(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_vault(vault_path, passphrase="pw").close()
    before = _sha(vault_path)
    monkeypatch.setattr(engine_module, "driver", lambda: sqlite3)
    with pytest.raises(NotEncrypted):
        open_vault(vault_path, passphrase="pw")
    assert _sha(vault_path) == before


def test_wrong_passphrase_leaves_the_file_unchanged(vault_path: Path) -> None:
    vault = create_vault(vault_path, passphrase="right one")
    with vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Kofi Mensah"))
    vault.close()
    before = _sha(vault_path)
    with pytest.raises(WrongKey, match="wrong passphrase") as info:
        open_vault(vault_path, passphrase="wrong one")
    assert "wrong one" not in str(info.value) and "right one" not in str(info.value)
    assert _sha(vault_path) == before
    # and it still opens with the right one
    with open_vault(vault_path, passphrase="right one") as vault, vault.session() as s:
        assert [c.display_name for c in contacts.list_contacts(s)] == ["Kofi Mensah"]


@pytest.mark.parametrize(
    "passphrase", ['it\'s "quoted"', "back\\slash\\\\", "日本語のパスワード ümlaut", "x'00ff'"]
)
def test_passphrases_with_quotes_backslashes_and_unicode_round_trip(
    vault_path: Path, passphrase: str
) -> None:
    vault = create_vault(vault_path, passphrase=passphrase)
    assert vault.key_mode is KeyMode.PASSPHRASE
    vault.close()
    open_vault(vault_path, passphrase=passphrase).close()
    with pytest.raises(WrongKey):
        open_vault(vault_path, passphrase=passphrase + " ")


def test_keychain_mode_keeps_a_random_raw_key(vault_path: Path, memory_keyring: Any) -> None:
    vault = create_vault(vault_path)
    assert vault.key_mode is KeyMode.KEYCHAIN
    vault.close()
    [(service, _entry)] = memory_keyring.store.keys()
    assert service == "ichigo"
    [stored] = memory_keyring.store.values()
    assert len(bytes.fromhex(stored)) == 32
    meta = meta_path_for(vault_path).read_text()
    assert stored not in meta and "keychain" in meta
    open_vault(vault_path).close()  # unlocks silently from the keychain


def test_failing_keychain_falls_back_to_passphrase(
    vault_path: Path, failing_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(KeyUnavailable, match="ICHIGO_PASSPHRASE"):
        create_vault(vault_path)
    assert not vault_path.exists()
    monkeypatch.setenv("ICHIGO_PASSPHRASE", "from the environment")
    create_vault(vault_path).close()
    meta = VaultMeta.read(vault_path)
    assert meta is not None and meta.key_mode is KeyMode.PASSPHRASE
    open_vault(vault_path).close()
    monkeypatch.delenv("ICHIGO_PASSPHRASE")
    with pytest.raises(KeyUnavailable, match="ICHIGO_PASSPHRASE"):
        open_vault(vault_path)


def test_locked_keychain_falls_back_to_passphrase(vault_path: Path, locked_keyring: None) -> None:
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return "typed at the prompt"

    create_vault(vault_path, ask_passphrase=ask).close()
    assert asked
    open_vault(vault_path, ask_passphrase=ask).close()


def test_missing_keychain_entry_names_the_recovery_path(
    vault_path: Path, memory_keyring: Any
) -> None:
    create_vault(vault_path).close()
    memory_keyring.store.clear()
    with pytest.raises(KeyUnavailable, match="restore") as info:
        open_vault(vault_path)
    assert "never makes a new key" in str(info.value)
    assert memory_keyring.store == {}  # no new key was made


def test_init_over_an_existing_vault_is_refused(vault_path: Path) -> None:
    create_vault(vault_path, passphrase="one").close()
    before = _sha(vault_path)
    with pytest.raises(VaultExists):
        create_vault(vault_path, passphrase="two")
    with pytest.raises(VaultExists):
        create_vault(vault_path)
    assert _sha(vault_path) == before
    open_vault(vault_path, passphrase="one").close()


def test_init_over_an_unrelated_file_is_refused(tmp_path: Path) -> None:
    precious = tmp_path / "thesis.vault"
    precious.write_text("my thesis")
    with pytest.raises(VaultExists):
        create_vault(precious, passphrase="pw")
    assert precious.read_text() == "my thesis"


def test_opening_a_missing_vault_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing, match="ichigo init"):
        open_vault(tmp_path / "nothing.vault", passphrase="pw")


def test_a_second_writer_is_refused(vault_path: Path) -> None:
    first = create_vault(vault_path, passphrase="pw")
    with pytest.raises(VaultInUse, match="open in another"):
        open_vault(vault_path, passphrase="pw")
    # readers are welcome while the writer works
    with open_vault(vault_path, passphrase="pw", write=False) as reader, reader.session() as s:
        assert contacts.list_contacts(s) == []
    first.close()
    open_vault(vault_path, passphrase="pw").close()


def test_fresh_vault_is_migrated_to_head_with_pragmas(vault_path: Path) -> None:
    from ichigoapp.store import migrate

    with create_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.head_revision()
        with vault.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()


def test_a_vault_from_a_newer_version_is_refused(vault_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault, vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
    before = _sha(vault_path)
    with pytest.raises(VaultTooNew, match="newer version"):
        open_vault(vault_path, passphrase="pw")
    assert _sha(vault_path) == before


def test_backup_is_encrypted_and_opens_with_the_same_key(vault_path: Path, tmp_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Amara Okafor", notes=MARKER))
        copy = vault.backup_to(tmp_path / "copy.vault")
    assert MARKER.encode() not in copy.read_bytes()
    VaultMeta.read(vault_path).write(copy)  # type: ignore[union-attr]
    with open_vault(copy, passphrase="pw") as restored, restored.session() as s:
        assert [c.notes for c in contacts.list_contacts(s)] == [MARKER]


def test_secrets_never_reach_the_log(vault_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "s3cret-passphrase-do-not-log"
    with create_vault(vault_path, passphrase=secret) as vault:
        assert secret not in repr(vault.engine) and secret not in str(vault.engine.url)
        with vault.transaction() as s:
            contacts.add_contact(s, contacts.ContactInput(name="Lars", notes=MARKER))
    with pytest.raises(WrongKey):
        open_vault(vault_path, passphrase=secret + "x")
    assert secret not in caplog.text
    assert MARKER not in caplog.text


def test_a_worker_threads_connection_closes_cleanly_with_the_vault(
    vault_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The import worker opens its own connection; lock and quit close it from the GUI
    thread, which must not log an error (nor leave the connection open)."""
    import threading

    vault = create_vault(vault_path, passphrase="correct horse")

    def work() -> None:
        with vault.session() as s:
            assert s.execute(text("SELECT count(*) FROM contact")).scalar() == 0

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    with caplog.at_level(logging.WARNING):
        vault.close()
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
