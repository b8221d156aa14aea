"""The vault's key through the real `ichigo` command: where it may be kept, how strong a
new passphrase must be, and backups that outlive a key change (docs/SECURITY.md)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import cli_env, run_cli
from tests.keyrings import FILE_BACKEND, FILE_ENV, PLAINTEXT_BACKEND, PLAINTEXT_ENV

STRONG = "quiet harbour lantern 47"


def _plaintext_env(tmp_path: Path, passphrase: str | None) -> tuple[dict[str, str], Path]:
    """A clear-text keyring (tests/keyrings.py), its file kept under ``tmp_path``."""
    env = cli_env(tmp_path / "home", passphrase)
    env["PYTHON_KEYRING_BACKEND"] = PLAINTEXT_BACKEND
    env[PLAINTEXT_ENV] = str(tmp_path / "clear.json")
    return env, tmp_path / "clear.json"


def _keyring_file_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A working keychain shared by several `ichigo` processes (tests/keyrings.py)."""
    env = cli_env(tmp_path / "home", None)
    keyring_file = tmp_path / "keyring.json"
    env["PYTHON_KEYRING_BACKEND"] = FILE_BACKEND
    env[FILE_ENV] = str(keyring_file)
    return env, keyring_file


# ---------------------------------------------------------------- plaintext keychains


def test_init_refuses_a_plaintext_keyring_and_offers_a_passphrase(tmp_path: Path) -> None:
    env, clear_file = _plaintext_env(tmp_path, passphrase=None)
    vault = tmp_path / "v.ichigo"

    for args in (["init", "--keychain"], ["init"]):
        refused = run_cli("--vault", str(vault), *args, env=env)
        assert refused.code == 3, refused.err
        [line] = refused.err.splitlines()
        assert "PlaintextKeyring" in line and "unencrypted" in line
        assert "ichigo init --passphrase" in line and "ICHIGO_PASSPHRASE" in line
        assert "Traceback" not in refused.err
        assert not vault.exists() and not vault.with_name("v.ichigo.meta.json").exists()
    # Nothing of the vault's key was written to the clear-text file on the way.
    assert not clear_file.exists() or "ichigo" not in clear_file.read_text()


def test_init_with_a_passphrase_works_where_the_keyring_is_plaintext(tmp_path: Path) -> None:
    env, clear_file = _plaintext_env(tmp_path, passphrase=STRONG)
    vault = tmp_path / "v.ichigo"

    made = run_cli("--vault", str(vault), "--json", "init", env=env)

    assert made.code == 0, made.err
    assert made.json()["key_mode"] == "passphrase"
    assert not clear_file.exists() or "ichigo" not in clear_file.read_text()
    # Asking for the keychain explicitly is still refused, with the passphrase set or not.
    other = tmp_path / "w.ichigo"
    refused = run_cli("--vault", str(other), "init", "--keychain", env=env)
    assert refused.code == 3 and "unencrypted" in refused.err
    assert not other.exists()


def test_passwd_to_the_keychain_is_refused_where_it_is_plaintext(tmp_path: Path) -> None:
    env, clear_file = _plaintext_env(tmp_path, passphrase=STRONG)
    vault = tmp_path / "v.ichigo"
    assert run_cli("--vault", str(vault), "init", env=env).code == 0

    refused = run_cli("--vault", str(vault), "passwd", "--to-keychain", env=env)

    assert refused.code == 3, refused.err
    assert "unencrypted" in refused.err and "nothing was changed" in refused.err
    assert run_cli("--vault", str(vault), "contacts", "list", env=env).code == 0
    assert not clear_file.exists() or "ichigo" not in clear_file.read_text()


# ---------------------------------------------------------------- passphrase strength


def test_init_refuses_a_weak_passphrase_unless_told(tmp_path: Path) -> None:
    vault = tmp_path / "v.ichigo"
    weak = cli_env(tmp_path / "home", passphrase="hunter2")

    refused = run_cli("--vault", str(vault), "init", "--passphrase", env=weak)

    assert refused.code == 2, refused.err
    [line] = refused.err.splitlines()
    assert "weak" in line and "--allow-weak-passphrase" in line
    assert "very common password" in line  # zxcvbn's own reason
    assert "hunter2" not in line  # the passphrase is never repeated back
    assert not vault.exists()

    allowed = run_cli(
        "--vault", str(vault), "init", "--passphrase", "--allow-weak-passphrase", env=weak
    )
    assert allowed.code == 0, allowed.err
    assert run_cli("--vault", str(vault), "contacts", "list", env=weak).code == 0


def test_a_strong_passphrase_needs_no_confirmation(tmp_path: Path) -> None:
    vault = tmp_path / "v.ichigo"
    env = cli_env(tmp_path / "home", passphrase="correct horse battery staple")
    made = run_cli("--vault", str(vault), "init", "--passphrase", env=env)
    assert made.code == 0, made.err


def test_passwd_refuses_a_weak_new_passphrase_unless_told(tmp_path: Path) -> None:
    vault = tmp_path / "v.ichigo"
    env = cli_env(tmp_path / "home", passphrase=STRONG)
    assert run_cli("--vault", str(vault), "init", env=env).code == 0

    weak_new = env | {"ICHIGO_NEW_PASSPHRASE": "password1"}
    refused = run_cli("--vault", str(vault), "passwd", env=weak_new)
    assert refused.code == 2, refused.err
    assert "very weak" in refused.err and "--allow-weak-passphrase" in refused.err
    # Nothing changed: the old passphrase still opens the vault.
    assert run_cli("--vault", str(vault), "contacts", "list", env=env).code == 0

    allowed = run_cli("--vault", str(vault), "passwd", "--allow-weak-passphrase", env=weak_new)
    assert allowed.code == 0, allowed.err
    now = cli_env(tmp_path / "home", passphrase="password1")
    assert run_cli("--vault", str(vault), "contacts", "list", env=now).code == 0


# ---------------------------------------------------------------- backups and passwd


def test_a_keychain_backup_made_before_passwd_restores_after_it(tmp_path: Path) -> None:
    env, keyring_file = _keyring_file_env(tmp_path)
    vault = tmp_path / "v.ichigo"
    v = ["--vault", str(vault)]
    assert run_cli(*v, "init", "--keychain", env=env).code == 0
    added = run_cli(*v, "contacts", "add", "--name", "Hanako Sato", env=env)
    assert added.code == 0, added.err
    saved = tmp_path / "before.vault"
    assert run_cli(*v, "backup", str(saved), env=env).code == 0

    for args in (["passwd"], ["passwd", "--to-passphrase"]):  # a new key, then a passphrase
        changed = run_cli(
            *v, *args, env=env | {"ICHIGO_PASSPHRASE": STRONG, "ICHIGO_NEW_PASSPHRASE": STRONG}
        )
        assert changed.code == 0, changed.err
        assert "still open" in changed.out or "still need" in changed.out

        # The backup made with the very first key still restores, without any passphrase.
        target = tmp_path / f"restored-{len(args)}.ichigo"
        restored = run_cli("--vault", str(target), "restore", str(saved), env=env)
        assert restored.code == 0, restored.err
        listed = run_cli("--vault", str(target), "--json", "contacts", "list", env=env)
        assert [c["name"] for c in listed.json()] == ["Hanako Sato"]
    # ... because each earlier key is kept under its own versioned entry.
    vault_id = json.loads(vault.with_name("v.ichigo.meta.json").read_text())["vault_id"]
    entries = json.loads(keyring_file.read_text())
    assert f"ichigo/vault-{vault_id}" in entries and f"ichigo/vault-{vault_id}-k1" in entries
