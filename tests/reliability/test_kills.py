"""SIGKILL at any moment leaves an openable, intact vault with all of a change or none.

Each run copies a prepared vault, starts the real command in a subprocess, kills it at a
point spread over the command's measured duration, then reopens the file and checks
PRAGMA integrity_check, cipher_integrity_check and the all-or-nothing count.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from ichigoapp.services import contacts
from ichigoapp.services.importing import import_calendar
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.meta import VaultMeta
from tests.importers.bigcal import make_calendar
from tests.reliability.helpers import (
    NEW_PASSPHRASE,
    PASSPHRASE,
    copy_vault,
    count,
    env_for,
    file_keyring_env,
    ichigo,
    integrity,
    run_and_kill,
    timed_run,
)

# Fractions of the full run time at which to kill. The early ones land in start-up and
# the daily backup, the middle ones in parsing, the late ones in the write and commit.
KILL_POINTS = (0.5, 0.75, 0.9, 0.98)
EVENTS = 600


def _intact(path: Path, key: str) -> None:
    cipher, full = integrity(path, key)
    assert cipher == [], cipher
    assert full == ["ok"], full


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cal") / "big.ics"
    path.write_bytes(make_calendar(EVENTS, seed=8))
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("tpl") / "template.vault"
    with create_vault(path, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Existing Person", notes="keep me"))
    yield path


def test_killed_import_is_all_or_nothing(tmp_path: Path, calendar: Path, template: Path) -> None:
    full = copy_vault(template, tmp_path / "full" / "v.vault")
    env = env_for(tmp_path / "home")
    took, done = timed_run(ichigo("--vault", str(full), "--json", "import", str(calendar)), env)
    assert done.returncode == 0, done.stderr
    total = count(full, PASSPHRASE, "SELECT count(*) FROM encounter")
    assert total >= EVENTS
    outcomes = []
    for n, fraction in enumerate(KILL_POINTS):
        vault = copy_vault(template, tmp_path / f"k{n}" / "v.vault")
        killed = run_and_kill(ichigo("--vault", str(vault), "import", str(calendar)), env,
                              took * fraction)  # fmt: skip
        _intact(vault, PASSPHRASE)
        found = count(vault, PASSPHRASE, "SELECT count(*) FROM encounter")
        assert found in (0, total), (fraction, found, total)
        assert count(vault, PASSPHRASE, "SELECT count(*) FROM contact") == 1
        # and the app itself opens it (quick_check, migrations, daily backup)
        with open_vault(vault, passphrase=PASSPHRASE) as v, v.session() as s:
            assert s.execute(text("SELECT count(*) FROM encounter")).scalar() == found
        outcomes.append((killed, found))
    # The kills must really have hit a running import, on both sides of its commit.
    assert sum(killed for killed, _ in outcomes) >= 2, outcomes
    assert any(killed and found == 0 for killed, found in outcomes), outcomes


MERGE_SCRIPT = """
import sys
from pathlib import Path
from ichigoapp.services.contacts import merge_contacts
from ichigoapp.store import open_vault
with open_vault(Path(sys.argv[1])) as vault, vault.transaction() as s:
    merge_contacts(s, int(sys.argv[2]), int(sys.argv[3]))
print("merged")
"""


def test_killed_merge_is_all_or_nothing(tmp_path: Path, calendar: Path, template: Path) -> None:
    base = copy_vault(template, tmp_path / "base" / "v.vault")
    with open_vault(base, passphrase=PASSPHRASE) as vault:
        import_calendar(vault.transaction, [calendar])
        with vault.transaction() as s:
            keep = contacts.add_contact(s, contacts.ContactInput(name="Keep", emails=["k@x.org"]))
            other = contacts.add_contact(
                s, contacts.ContactInput(name="Other", emails=["o@x.org"], notes="note")
            )
            keep_id, other_id = keep.id, other.id
            s.execute(text("UPDATE participation SET contact_id = :o"), {"o": other_id})
    parts = count(base, PASSPHRASE, "SELECT count(*) FROM participation")
    assert parts > 1000
    env = env_for(tmp_path / "home")
    args = ["-c", MERGE_SCRIPT]
    import sys

    full = copy_vault(base, tmp_path / "full" / "v.vault")
    took, done = timed_run([sys.executable, *args, str(full), str(keep_id), str(other_id)], env)
    assert done.returncode == 0, done.stderr
    assert count(full, PASSPHRASE, "SELECT count(*) FROM contact") == 2
    # A whole merge also folds duplicate attendances of one encounter into one.
    merged_parts = count(full, PASSPHRASE, "SELECT count(*) FROM participation")
    outcomes = []
    for n, fraction in enumerate(KILL_POINTS):
        vault = copy_vault(base, tmp_path / f"k{n}" / "v.vault")
        killed = run_and_kill([sys.executable, *args, str(vault), str(keep_id), str(other_id)],
                              env, took * fraction)  # fmt: skip
        _intact(vault, PASSPHRASE)
        people = count(vault, PASSPHRASE, "SELECT count(*) FROM contact")
        on_keep = count(
            vault,
            PASSPHRASE,
            f"SELECT count(*) FROM participation WHERE contact_id = {keep_id}",  # noqa: S608
        )
        total = count(vault, PASSPHRASE, "SELECT count(*) FROM participation")
        before, after = (3, 0, parts), (2, merged_parts, merged_parts)
        assert (people, on_keep, total) in (before, after), (fraction, people, on_keep, total)
        outcomes.append(killed)
    assert sum(outcomes) >= 1


def test_killed_restore_leaves_no_half_vault(tmp_path: Path, template: Path) -> None:
    source = copy_vault(template, tmp_path / "src" / "v.vault")
    with open_vault(source, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        for i in range(800):
            contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="n" * 300))
    with open_vault(source, passphrase=PASSPHRASE) as vault:
        backup = vault.backup_to(tmp_path / "saved.vault")
    env = env_for(tmp_path / "home")
    full = tmp_path / "full" / "r.vault"
    took, done = timed_run(ichigo("--vault", str(full), "restore", str(backup)), env)
    assert done.returncode == 0, done.stderr
    before = backup.read_bytes()
    hits = 0
    for n, fraction in enumerate(KILL_POINTS):
        target = tmp_path / f"k{n}" / "r.vault"
        hits += run_and_kill(ichigo("--vault", str(target), "restore", str(backup)), env,
                             took * fraction)  # fmt: skip
        assert backup.read_bytes() == before  # the source is never touched
        if target.exists():
            _intact(target, PASSPHRASE)
            assert count(target, PASSPHRASE, "SELECT count(*) FROM contact") == 801
        else:
            # Nothing under the final name; running the restore again cleans up and works.
            again = timed_run(ichigo("--vault", str(target), "restore", str(backup)), env)[1]
            assert again.returncode == 0, again.stderr
        with open_vault(target, passphrase=PASSPHRASE) as v, v.session() as s:
            assert s.execute(text("SELECT count(*) FROM contact")).scalar() == 801
    assert hits >= 1  # timing varies; at least one kill must land mid-command


@pytest.mark.parametrize("direction", ["passphrase", "to-keychain"])
def test_killed_key_change_leaves_a_working_key(
    tmp_path: Path, template: Path, direction: str
) -> None:
    """Old key or new key opens it (and the meta agrees); never neither."""
    keyring_file = tmp_path / "keyring.json"
    base = copy_vault(template, tmp_path / "base" / "v.vault")
    with open_vault(base, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        for i in range(800):
            contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="n" * 300))
    if direction == "to-passphrase":
        # Start from a keychain vault: move the base there first, through the CLI.
        env0 = file_keyring_env(tmp_path / "home", keyring_file, ICHIGO_PASSPHRASE=PASSPHRASE)
        done = timed_run(ichigo("--vault", str(base), "passwd", "--to-keychain"), env0)[1]
        assert done.returncode == 0, done.stderr
    saved_keyring = keyring_file.read_text() if keyring_file.exists() else None
    flag = {"passphrase": [], "to-keychain": ["--to-keychain"],
            "to-passphrase": ["--to-passphrase"]}[direction]  # fmt: skip
    env = file_keyring_env(tmp_path / "home", keyring_file, ICHIGO_NEW_PASSPHRASE=NEW_PASSPHRASE)
    if direction != "to-passphrase":
        env["ICHIGO_PASSPHRASE"] = PASSPHRASE

    def reset_keyring() -> None:
        if saved_keyring is None:
            keyring_file.unlink(missing_ok=True)
        else:
            keyring_file.write_text(saved_keyring)

    full = copy_vault(base, tmp_path / "full" / "v.vault")
    took, done = timed_run(ichigo("--vault", str(full), "passwd", *flag), env)
    assert done.returncode == 0, done.stderr
    hits = 0
    states = []
    for n, fraction in enumerate(KILL_POINTS):
        reset_keyring()
        vault = copy_vault(base, tmp_path / f"k{n}" / "v.vault")
        hits += run_and_kill(ichigo("--vault", str(vault), "passwd", *flag), env, took * fraction)
        # Reopen as a user would: the meta says how, the environment offers the new
        # passphrase where one is needed (a to-passphrase change cut after the rekey).
        open_env = {"ICHIGO_PASSPHRASE": NEW_PASSPHRASE if direction != "to-keychain"
                    else PASSPHRASE}  # fmt: skip
        result = None
        for candidate in dict.fromkeys([open_env["ICHIGO_PASSPHRASE"], PASSPHRASE]):
            env_open = file_keyring_env(tmp_path / "home", keyring_file,
                                        ICHIGO_PASSPHRASE=candidate)  # fmt: skip
            result = timed_run(ichigo("--vault", str(vault), "--json", "contacts", "list"),
                               env_open)[1]  # fmt: skip
            if result.returncode == 0:
                break
        assert result is not None and result.returncode == 0, (fraction, result.stderr)
        assert len(json.loads(result.stdout)) == 801
        meta = VaultMeta.read(vault)
        assert meta is not None
        states.append(meta.key_mode)
        key = _working_key(vault, keyring_file, meta)
        _intact(vault, key)
    assert hits >= 1  # timing varies; at least one kill must land mid-command
    if direction == "to-keychain":
        assert KeyMode.KEYCHAIN in states or KeyMode.PASSPHRASE in states, states


def _working_key(vault: Path, keyring_file: Path, meta: VaultMeta) -> str:
    if meta.key_mode is KeyMode.KEYCHAIN:
        stored = json.loads(keyring_file.read_text())[f"ichigo/{meta.keyring_entry}"]
        return f"x'{stored}'"
    for candidate in (NEW_PASSPHRASE, PASSPHRASE):
        try:
            integrity(vault, candidate)
            return candidate
        except Exception:  # noqa: S112 - try the other passphrase
            continue
    raise AssertionError("no passphrase opens the vault")
