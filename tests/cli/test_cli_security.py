"""`ichigo security`: what protects the vault, which key opens each backup, what is weak."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from ichigoapp.services.settings import write_setting
from ichigoapp.store import open_vault
from tests.cli_helpers import Result, cli_env, run_cli
from tests.keyrings import FILE_BACKEND, FILE_ENV, PLAINTEXT_BACKEND, PLAINTEXT_ENV

PASSPHRASE = "test passphrase"


def _security(vault: Path, env: dict[str, str]) -> dict[str, Any]:
    done = run_cli("--vault", str(vault), "--json", "security", env=env)
    assert done.code == 0, done.err
    report: dict[str, Any] = done.json()
    return report


def test_a_new_passphrase_vault_reports_its_protection(
    tmp_path: Path, env: dict[str, str], vault_file: Path
) -> None:
    report = _security(vault_file, env)

    assert set(report) >= {
        "key_mode", "kdf", "cipher", "last_check", "autolock_minutes", "backups", "weaknesses"
    }  # fmt: skip
    assert report["key_mode"] == "passphrase"
    assert report["kdf"] == {
        "algorithm": "PBKDF2_HMAC_SHA512",
        "iterations": 256000,
        "cipher_compatibility": 4,
        "hmac": "HMAC_SHA512",
        "page_size": 4096,
        "derives_key": True,
    }
    assert report["cipher"] == "AES-256-CBC"
    assert report["last_check"] is None and report["autolock_minutes"] is None
    assert report["weaknesses"] == []

    assert run_cli("--vault", str(vault_file), "check", env=env).code == 0
    check = _security(vault_file, env)["last_check"]
    assert check["ok"] is True and check["at"].startswith("20")

    text = run_cli("--vault", str(vault_file), "security", env=env)
    assert text.code == 0, text.err
    assert "256,000 rounds of PBKDF2_HMAC_SHA512" in text.out
    assert "Weaknesses found: none" in text.out
    assert "{" not in text.out  # for people, not JSON


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_files_other_accounts_can_read_are_weaknesses(
    tmp_path: Path, env: dict[str, str], vault_file: Path
) -> None:
    assert run_cli("--vault", str(vault_file), "contacts", "add", "--name", "A", env=env).code == 0
    [backup] = (vault_file.parent / "v.ichigo.backups").glob("*.vault")  # the daily backup
    vault_file.chmod(0o644)
    backup.chmod(0o640)

    report = _security(vault_file, env)

    found = {w["code"] for w in report["weaknesses"]}
    assert found == {"readable_by_others"}
    messages = " ".join(w["message"] for w in report["weaknesses"])
    assert str(vault_file) in messages and str(backup) in messages
    assert "chmod 600" in messages
    # While `security` itself has the vault open, SQLite's WAL and SHM files take the
    # vault's mode: they are named too.
    assert f"{vault_file}-wal" in messages
    text: Result = run_cli("--vault", str(vault_file), "security", env=env)
    assert f"Weaknesses found: {len(report['weaknesses'])}" in text.out
    assert "(mode 0644)" in text.out and "(mode 0640)" in text.out


def test_auto_lock_from_the_vault_settings(
    tmp_path: Path, env: dict[str, str], vault_file: Path
) -> None:
    for minutes, weak in (("5", False), ("0", True)):
        with open_vault(vault_file, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
            write_setting(s, "autolock_minutes", minutes)
        report = _security(vault_file, env)
        assert report["autolock_minutes"] == int(minutes)
        assert ("autolock_off" in {w["code"] for w in report["weaknesses"]}) is weak


def test_backups_and_the_key_that_opens_each(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "home", None)
    keyring_file = tmp_path / "keyring.json"
    env |= {"PYTHON_KEYRING_BACKEND": FILE_BACKEND, FILE_ENV: str(keyring_file)}
    vault = tmp_path / "v.ichigo"
    v = ["--vault", str(vault)]
    assert run_cli(*v, "init", "--keychain", env=env).code == 0
    assert run_cli(*v, "passwd", env=env).code == 0  # a new random key

    report = _security(vault, env)

    assert report["key_mode"] == "keychain" and report["kdf"]["derives_key"] is False
    keys = {Path(b["path"]).name.split("-", 3)[-1]: b for b in report["backups"]}
    before, after = keys["before-passwd.vault"], keys["after-passwd.vault"]
    assert before["key"] == "an earlier keychain key, kept (generation 0)"
    assert before["key_generation"] == 0 and before["opens"] is True
    assert after["key"] == "the current key" and after["opens"] is True
    assert report["weaknesses"] == []

    # Someone removes the kept key from the keychain: the report says what that means.
    entries = json.loads(keyring_file.read_text())
    vault_id = json.loads(vault.with_name("v.ichigo.meta.json").read_text())["vault_id"]
    del entries[f"ichigo/vault-{vault_id}"]
    keyring_file.write_text(json.dumps(entries))
    report = _security(vault, env)
    made_with_it = [b["path"] for b in report["backups"] if b["key_generation"] == 0]
    assert len(made_with_it) == 2  # the daily backup and "before-passwd"
    assert {w["code"] for w in report["weaknesses"]} == {"backup_does_not_open"}
    assert sorted(w["message"].split()[2] for w in report["weaknesses"]) == sorted(made_with_it)
    assert all(b["opens"] is False for b in report["backups"] if b["key_generation"] == 0)


def test_a_keychain_vault_whose_key_sits_in_a_plaintext_keyring(tmp_path: Path) -> None:
    """A vault made before plaintext keyrings were refused: its key is reported at risk."""
    env = cli_env(tmp_path / "home", None)
    keyring_file = tmp_path / "keyring.json"
    file_env = env | {"PYTHON_KEYRING_BACKEND": FILE_BACKEND, FILE_ENV: str(keyring_file)}
    vault = tmp_path / "v.ichigo"
    assert run_cli("--vault", str(vault), "init", "--keychain", env=file_env).code == 0
    # The same key, moved into a clear-text keyring's file.
    clear_env = env | {
        "PYTHON_KEYRING_BACKEND": PLAINTEXT_BACKEND,
        PLAINTEXT_ENV: str(tmp_path / "clear.json"),
    }
    [(name, value)] = json.loads(keyring_file.read_text()).items()
    service, entry = name.split("/", 1)
    moved = run_cli_python(
        "import keyring, sys; keyring.set_password(*sys.argv[1:4])",
        [service, entry, value],
        clear_env,
    )
    assert moved.code == 0, moved.err

    report = _security(vault, clear_env)

    [weak] = report["weaknesses"]
    assert weak["code"] == "plaintext_keychain"
    assert "PlaintextKeyring" in weak["message"] and "passwd --to-passphrase" in weak["message"]


def run_cli_python(script: str, args: list[str], env: dict[str, str]) -> Result:
    from tests.cli_helpers import python

    done = python(["-c", script, *args], env)
    return Result(done.returncode, done.stdout, done.stderr)
