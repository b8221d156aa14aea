"""SQLCipher's settings are pinned (compatibility 4, 256,000 PBKDF2 rounds) and checked.

The vaults in tests/data/vaults/ were made by Ichigo before the settings were pinned
(commit 0b762367, SQLCipher 4.12's defaults), one per key mode; they must keep opening.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from ichigoapp.errors import VaultError, WrongKey
from ichigoapp.services import contacts
from ichigoapp.store import open_vault
from ichigoapp.store.cipher import EXPECTED, KDF_ITER
from tests.cli_helpers import REPO, cli_env

DATA = Path(__file__).resolve().parents[1] / "data" / "vaults"
LEGACY_PASSPHRASE = "legacy vault passphrase 4K"
# The keychain fixture's key, as the keychain held it when the vault was made.
LEGACY_KEY_ENTRY = "vault-87dc6b80-2622-4590-95c3-c794f887be4e"
LEGACY_KEY = "f8b6d573e5c800a143802bf26edaa54e3f3df426421f678caa03bfffa1b8cf49"


def _copy_fixture(name: str, where: Path) -> Path:
    target = where / name
    shutil.copyfile(DATA / name, target)
    shutil.copyfile(DATA / f"{name}.meta.json", where / f"{name}.meta.json")
    return target


def _settings(path: Path, key_sql: str, compatibility: int | None = None) -> dict[str, str]:
    """Open ``path`` with bare SQLCipher (its own defaults, or ``compatibility``)."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {key_sql}")
        if compatibility is not None:
            conn.execute(f"PRAGMA cipher_compatibility = {compatibility}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        rows = conn.execute("PRAGMA cipher_settings").fetchall()
    finally:
        conn.close()
    return dict(str(r[0]).removeprefix("PRAGMA ").rstrip(";").split(" = ") for r in rows)


def test_a_passphrase_vault_made_before_the_pinning_still_opens(tmp_path: Path) -> None:
    path = _copy_fixture("legacy-passphrase.ichigo", tmp_path)
    with open_vault(path, passphrase=LEGACY_PASSPHRASE) as vault, vault.session() as s:
        [person] = contacts.list_contacts(s)
    assert person.display_name == "Hanako Legacy"
    assert _settings(path, f"'{LEGACY_PASSPHRASE}'", compatibility=4) == EXPECTED


def test_a_keychain_vault_made_before_the_pinning_still_opens(
    tmp_path: Path, memory_keyring: Any
) -> None:
    memory_keyring.store[("ichigo", LEGACY_KEY_ENTRY)] = LEGACY_KEY
    path = _copy_fixture("legacy-keychain.ichigo", tmp_path)
    with open_vault(path) as vault, vault.session() as s:
        [person] = contacts.list_contacts(s)
    assert person.display_name == "Taro Legacy"


# A process whose SQLCipher defaults are not version 4's: a future SQLCipher, say. Ichigo
# must still make version 4 vaults (and backups) there, or they would not open elsewhere.
OTHER_DEFAULTS = """
import sys
from pathlib import Path
import sqlcipher3
conn = sqlcipher3.connect(":memory:")
conn.execute("PRAGMA cipher_default_compatibility = 3")
conn.close()
from ichigoapp.store import KeyMode, create_vault
with create_vault(Path(sys.argv[1]), mode=KeyMode.PASSPHRASE, passphrase=sys.argv[2]) as v:
    v.backup_to(Path(sys.argv[3]))
"""


def test_vaults_and_backups_are_sqlcipher_4_whatever_the_library_defaults(
    tmp_path: Path,
) -> None:
    vault, backup = tmp_path / "v.vault", tmp_path / "b.vault"
    passphrase = "pinned settings passphrase 8R"
    subprocess.run(
        [sys.executable, "-c", OTHER_DEFAULTS, str(vault), passphrase, str(backup)],
        cwd=REPO,
        env=cli_env(tmp_path / "home", None),
        check=True,
        capture_output=True,
        timeout=120,
    )
    for made in (vault, backup):
        found = _settings(made, f"'{passphrase}'")  # this process: SQLCipher 4 defaults
        assert found == EXPECTED
        assert found["kdf_iter"] == str(KDF_ITER)
        with pytest.raises(sqlcipher3.DatabaseError):
            _settings(made, f"'{passphrase}'", compatibility=3)


def _sqlcipher3_vault(path: Path, passphrase: str) -> None:
    """A database encrypted with SQLCipher 3's settings (64,000 rounds of SHA-1, 1 KiB
    pages), as an older tool or an old copy of the library would write it."""
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{passphrase}'")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, display_name TEXT)")
    conn.commit()
    conn.close()
    meta = {"format": 1, "vault_id": "old-settings", "key_mode": "passphrase"}
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta))


def test_a_vault_with_other_settings_is_named_as_such_and_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.vault"
    passphrase = "an older tool passphrase 3W"
    _sqlcipher3_vault(path, passphrase)
    before = path.read_bytes()

    with pytest.raises(VaultError) as refused:
        open_vault(path, passphrase=passphrase)

    assert not isinstance(refused.value, WrongKey)
    message = refused.value.message
    assert "SQLCipher 3" in message and "cipher_migrate" in message and "untouched" in message
    assert passphrase not in message
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]
    # A wrong passphrase is still called what it is.
    with pytest.raises(WrongKey):
        open_vault(path, passphrase="not the passphrase at all")
