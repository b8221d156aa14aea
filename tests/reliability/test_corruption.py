"""A flipped byte: a clear message naming the vault and the newest good backup; the file
is never deleted or replaced, and no empty vault appears in its place."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

import pytest

from ichigoapp.errors import VaultCorrupt, WrongKey
from ichigoapp.services import contacts
from ichigoapp.store import KeyMode, create_vault, open_vault
from tests.cli_helpers import cli_env, run_cli
from tests.reliability.helpers import PASSPHRASE

PAGE = 4096


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _make(path: Path, **kw: Any) -> Path:
    with create_vault(path, **kw) as vault, vault.transaction() as s:
        for i in range(150):
            contacts.add_contact(s, contacts.ContactInput(name=f"P{i}", notes="x" * 300))
    # Opening makes the daily automatic backup (a good one), then we close cleanly.
    with open_vault(path, passphrase=kw.get("passphrase")):
        pass
    return path


@pytest.mark.parametrize("mode", [KeyMode.PASSPHRASE, KeyMode.KEYCHAIN])
def test_flipped_first_page_names_the_backup(tmp_path: Path, mode: KeyMode) -> None:
    kw: dict[str, Any] = (
        {"passphrase": PASSPHRASE} if mode is KeyMode.PASSPHRASE else {"mode": KeyMode.KEYCHAIN}
    )
    path = _make(tmp_path / "v.vault", **kw)
    _flip(path, 100)  # inside page 1, past the salt
    before = _sha(path)
    with pytest.raises(VaultCorrupt) as info:
        open_vault(path, passphrase=kw.get("passphrase"))
    assert str(path) in info.value.message and "restore" in info.value.message
    assert info.value.backup is not None and info.value.backup.name in info.value.message
    assert _sha(path) == before  # untouched, not deleted, not recreated


def test_a_wrong_passphrase_is_still_called_a_possible_wrong_key(tmp_path: Path) -> None:
    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    with pytest.raises(WrongKey, match=r"wrong passphrase or key .* or the file is damaged"):
        open_vault(path, passphrase="not it")


def test_flips_anywhere_are_caught_on_open(tmp_path: Path) -> None:
    """Twenty random single-byte flips, each in a fresh copy: never opens silently."""
    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    pristine = path.read_bytes()
    rng = random.Random(20240521)
    for n in range(20):
        offset = rng.randrange(len(pristine)) if n else 20
        copy = tmp_path / f"c{n}.vault"
        data = bytearray(pristine)
        data[offset] ^= 1 << rng.randrange(8)
        copy.write_bytes(bytes(data))
        with pytest.raises((VaultCorrupt, WrongKey)) as info:
            open_vault(copy, passphrase=PASSPHRASE, write=False)
        assert str(copy) in info.value.message, offset
        assert copy.read_bytes() == bytes(data)


def test_cli_says_damaged_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    _flip(path, 3 * PAGE + 500)  # a page in the middle
    env = cli_env(tmp_path / "home", PASSPHRASE)
    for args in (["contacts", "list"], ["contacts", "add", "--name", "X"]):
        result = run_cli("--vault", str(path), *args, env=env)
        assert result.code == 2, result.err
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
        assert "damaged" in result.err and "restore" in result.err
        assert ".backups" in result.err  # names the newest good automatic backup
    assert path.exists()


def test_damage_met_in_a_query_is_a_vault_error(tmp_path: Path) -> None:
    """A page that goes bad while the vault is open surfaces as VaultCorrupt, not a raw
    DatabaseError (the engine's handle_error maps it everywhere)."""
    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    vault = open_vault(path, passphrase=PASSPHRASE, write=False)
    try:
        vault.engine.dispose()
        size = path.stat().st_size
        for page in range(2, size // PAGE):
            _flip(path, page * PAGE + 200)
        with pytest.raises(VaultCorrupt, match="damaged"), vault.session() as s:
            contacts.list_contacts(s)
    finally:
        vault.close()


def test_gui_offers_restore_into_a_new_file(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ichigoapp.ui.dialogs import ask
    from ichigoapp.ui.lifecycle import damaged, unlock

    path = _make(tmp_path / "v.vault", mode=KeyMode.KEYCHAIN)
    _flip(path, 3 * PAGE + 10)
    before = _sha(path)
    asked: list[str] = []
    monkeypatch.setattr(
        damaged, "choose_restore", lambda _p, _t, text, details: asked.append(details) or True
    )
    told: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(ask, "error", lambda _p, _t, text: told.append("ERROR " + text))
    unlocked = unlock.obtain_vault(path)
    assert unlocked is not None and asked and told and not told[0].startswith("ERROR")
    try:
        assert unlocked.vault.path == tmp_path / "v-restored.vault"
        with unlocked.vault.session() as s:
            assert len(contacts.list_contacts(s)) == 150
    finally:
        unlocked.vault.close()
    assert _sha(path) == before


def test_after_a_restore_in_the_app_the_next_start_opens_the_restored_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default vault was damaged and restored beside itself: neither the app nor the
    command line opens the damaged file again."""
    from ichigoapp import paths
    from ichigoapp.ui.dialogs import ask
    from ichigoapp.ui.lifecycle import damaged, unlock

    home = tmp_path / "home"
    monkeypatch.setenv("ICHIGO_HOME", str(home))
    monkeypatch.delenv("ICHIGO_VAULT", raising=False)
    monkeypatch.setenv("ICHIGO_PASSPHRASE", PASSPHRASE)
    path = paths.default_vault_path()
    path.parent.mkdir(parents=True)
    _make(path, mode=KeyMode.PASSPHRASE, passphrase=PASSPHRASE)
    _flip(path, 3 * PAGE + 10)
    monkeypatch.setattr(damaged, "choose_restore", lambda *_a: True)
    monkeypatch.setattr(ask, "inform", lambda *_a: None)
    monkeypatch.setattr(damaged, "ask_passphrase", lambda *_a, **_k: PASSPHRASE)
    unlocked = unlock.obtain_vault(path)
    assert unlocked is not None
    restored = unlocked.vault.path
    unlocked.vault.close()
    assert restored != path

    assert paths.default_vault_path() == restored
    env = cli_env(home, PASSPHRASE)
    env.pop("ICHIGO_VAULT", None)
    listed = run_cli("--json", "contacts", "list", env=env)
    assert listed.code == 0, listed.err
    assert len(listed.json()) == 150
    # An explicit vault still wins.
    monkeypatch.setenv("ICHIGO_VAULT", str(path))
    assert paths.default_vault_path() == path


def test_ichigo_check_reads_every_page_and_says_sound_or_damaged(tmp_path: Path) -> None:
    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    env = cli_env(tmp_path / "home", PASSPHRASE)
    sound = run_cli("--vault", str(path), "check", env=env)
    assert sound.code == 0 and sound.out.startswith(f"The vault {path} is sound")
    assert run_cli("--vault", str(path), "check", "--json", env=env).json()["ok"] is True
    size = path.stat().st_size
    _flip(path, (size // PAGE - 2) * PAGE + 300)  # a page near the end, read by no command
    quick = run_cli("--vault", str(path), "meetings", "--json", env=env)
    assert quick.code == 0, quick.err  # an everyday command no longer reads every page
    damaged = run_cli("--vault", str(path), "check", env=env)
    assert damaged.code == 2 and damaged.err.count("\n") == 1
    assert "damaged" in damaged.err and "restore" in damaged.err


def test_after_a_writer_died_the_next_command_checks_every_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    from ichigoapp.store.lock import left_open

    path = _make(tmp_path / "v.vault", passphrase=PASSPHRASE)
    assert not left_open(path)  # closed cleanly
    writer = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from ichigoapp.store import open_vault; "
         f"v = open_vault(__import__('pathlib').Path({str(path)!r}), passphrase={PASSPHRASE!r}); "
         "print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, env=cli_env(tmp_path / "home", PASSPHRASE),
    )  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "open\n"
        assert not left_open(path)  # a writer at work is no sign of damage
    finally:
        writer.kill()
        writer.wait()
    assert left_open(path)
    size = path.stat().st_size
    _flip(path, (size // PAGE - 2) * PAGE + 300)
    env = cli_env(tmp_path / "home", PASSPHRASE)
    result = run_cli("--vault", str(path), "meetings", "--json", env=env)
    assert result.code == 2 and "damaged" in result.err, result.err
