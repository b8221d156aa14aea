"""SIGKILL at any step leaves an openable, intact vault with all of a change or none.

Each run copies a prepared vault, starts the real command stopped at a named point
(tests/reliability/pause.py: before the work, in the middle of its transaction, just
before and just after its commit, between the steps of a key change or a restore),
kills it there, then reopens the file and checks PRAGMA integrity_check,
cipher_integrity_check and the all-or-nothing outcome expected at that point.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from ichigoapp.services import contacts
from ichigoapp.services.importing import import_calendar
from ichigoapp.store import KeyMode, create_vault, open_vault
from ichigoapp.store.meta import VaultMeta
from tests.cli_helpers import python
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
    kill_at,
)

EVENTS = 600
# Where an import is killed, and whether its encounters are there afterwards.
# The import writes its rows on the raw driver, so the points name its functions.
WRITTEN = "ichigoapp.services.importing:encounter_fts_bulk_insert"
IMPORT_POINTS = [
    ("CALL:ichigoapp.services.importing:_import_one", False),  # the file not yet read
    (f"CALL:{WRITTEN}", False),  # encounters and people written, not committed
    (f"COMMIT:CALL:{WRITTEN}", False),  # everything written, the commit next
    (f"COMMITTED:CALL:{WRITTEN}", True),  # just committed
]


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


@pytest.fixture(scope="module")
def imported_total(tmp_path_factory: pytest.TempPathFactory, calendar: Path, template: Path) -> int:
    """How many encounters a whole import of the calendar makes."""
    full = copy_vault(template, tmp_path_factory.mktemp("full") / "v.vault")
    env = env_for(tmp_path_factory.mktemp("home"))
    done = python(ichigo("--vault", str(full), "--json", "import", str(calendar)), env)
    assert done.returncode == 0, done.stderr
    total = count(full, PASSPHRASE, "SELECT count(*) FROM encounter")
    assert total >= EVENTS
    return total


@pytest.mark.parametrize(("point", "kept"), IMPORT_POINTS)
def test_killed_import_is_all_or_nothing(
    tmp_path: Path, calendar: Path, template: Path, imported_total: int, point: str, kept: bool
) -> None:
    vault = copy_vault(template, tmp_path / "v.vault")
    kill_at(point, ichigo("--vault", str(vault), "import", str(calendar)), env_for(tmp_path / "h"))
    _intact(vault, PASSPHRASE)
    found = count(vault, PASSPHRASE, "SELECT count(*) FROM encounter")
    assert found == (imported_total if kept else 0)
    assert count(vault, PASSPHRASE, "SELECT count(*) FROM contact") == 1
    # and the app itself opens it (page check, migrations, daily backup)
    with open_vault(vault, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.execute(text("SELECT count(*) FROM encounter")).scalar() == found


MERGE_SCRIPT = """
import sys
from pathlib import Path
from ichigoapp.services.merging import merge_contacts
from ichigoapp.store import open_vault
with open_vault(Path(sys.argv[1])) as vault, vault.transaction() as s:
    merge_contacts(s, int(sys.argv[2]), int(sys.argv[3]))
print("merged")
"""


@pytest.fixture(scope="module")
def merge_base(
    tmp_path_factory: pytest.TempPathFactory, calendar: Path, template: Path
) -> tuple[Path, int, int]:
    """A vault whose ~1,000 attendances belong to the contact about to be merged away."""
    base = copy_vault(template, tmp_path_factory.mktemp("merge") / "v.vault")
    with open_vault(base, passphrase=PASSPHRASE) as vault:
        import_calendar(vault.transaction, [calendar])
        with vault.transaction() as s:
            keep = contacts.add_contact(s, contacts.ContactInput(name="Keep", emails=["k@x.org"]))
            other = contacts.add_contact(
                s, contacts.ContactInput(name="Other", emails=["o@x.org"], notes="note")
            )
            keep_id, other_id = keep.id, other.id
            s.execute(text("UPDATE participation SET contact_id = :o"), {"o": other_id})
    return base, keep_id, other_id


@pytest.mark.parametrize(
    ("point", "merged"),
    [
        ("STATEMENT:^UPDATE participation", False),
        ("COMMIT:^DELETE FROM contact ", False),
        ("COMMITTED:^DELETE FROM contact ", True),
    ],
)
def test_killed_merge_is_all_or_nothing(
    tmp_path: Path, merge_base: tuple[Path, int, int], point: str, merged: bool
) -> None:
    base, keep_id, other_id = merge_base
    parts = count(base, PASSPHRASE, "SELECT count(*) FROM participation")
    assert parts > 1000
    env = env_for(tmp_path / "home")
    args = ["-c", MERGE_SCRIPT]
    full = copy_vault(base, tmp_path / "full" / "v.vault")
    done = python([*args, str(full), str(keep_id), str(other_id)], env)
    assert done.returncode == 0, done.stderr
    # A whole merge also folds duplicate attendances of one encounter into one.
    merged_parts = count(full, PASSPHRASE, "SELECT count(*) FROM participation")

    vault = copy_vault(base, tmp_path / "killed" / "v.vault")
    kill_at(point, [*args, str(vault), str(keep_id), str(other_id)], env)
    _intact(vault, PASSPHRASE)
    people = count(vault, PASSPHRASE, "SELECT count(*) FROM contact")
    on_keep = count(
        vault,
        PASSPHRASE,
        f"SELECT count(*) FROM participation WHERE contact_id = {keep_id}",  # noqa: S608
    )
    total = count(vault, PASSPHRASE, "SELECT count(*) FROM participation")
    before, after = (3, 0, parts), (2, merged_parts, merged_parts)
    assert (people, on_keep, total) == (after if merged else before)


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    source = copy_vault(template, tmp_path_factory.mktemp("src") / "v.vault")
    with open_vault(source, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        for i in range(800):
            contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="n" * 300))
    with open_vault(source, passphrase=PASSPHRASE) as vault:
        return vault.backup_to(source.parent / "saved.vault")


@pytest.mark.parametrize(
    ("point", "restored"),
    [
        ("CALL:ichigoapp.store.restore:export_copy", False),  # nothing copied yet
        ("CALL:ichigoapp.store.meta:VaultMeta.write#1", False),  # the copy made, no meta
        ("CALL:ichigoapp.store.meta:VaultMeta.write#2", False),  # before the target's meta
        ("CALL:ichigoapp.store.restore:open_vault", True),  # renamed into place
    ],
)
def test_killed_restore_leaves_no_half_vault(
    tmp_path: Path, backup: Path, point: str, restored: bool
) -> None:
    env = env_for(tmp_path / "home")
    before = backup.read_bytes()
    target = tmp_path / "r.vault"
    kill_at(point, ichigo("--vault", str(target), "restore", str(backup)), env)
    assert backup.read_bytes() == before  # the source is never touched
    assert target.exists() == restored
    if restored:
        _intact(target, PASSPHRASE)
        assert count(target, PASSPHRASE, "SELECT count(*) FROM contact") == 801
    else:
        # Nothing under the final name; running the restore again cleans up and works.
        again = python(ichigo("--vault", str(target), "restore", str(backup)), env)
        assert again.returncode == 0, again.stderr
    with open_vault(target, passphrase=PASSPHRASE) as v, v.session() as s:
        assert s.execute(text("SELECT count(*) FROM contact")).scalar() == 801


# Where a key change is killed, and which key opens the vault afterwards.
KEY_CHANGE_POINTS = [
    ("CALL:ichigoapp.store.rekey:_new_secret", "old"),  # after the backup, nothing else
    ("CALL:ichigoapp.store.rekey:_rekey", "old"),  # the change noted as pending
    ("CALL:ichigoapp.store.rekey:finish_key_change", "new"),  # re-encrypted, meta pending
    ("CALL:ichigoapp.store.vault:Vault.auto_backup@after-passwd", "new"),  # all but the backup
]


@pytest.fixture(scope="module")
def key_base(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    base = copy_vault(template, tmp_path_factory.mktemp("keys") / "v.vault")
    with open_vault(base, passphrase=PASSPHRASE) as vault, vault.transaction() as s:
        for i in range(800):
            contacts.add_contact(s, contacts.ContactInput(name=f"Person {i}", notes="n" * 300))
    return base


@pytest.mark.parametrize("direction", ["passphrase", "to-keychain"])
@pytest.mark.parametrize(("point", "opens_with"), KEY_CHANGE_POINTS)
def test_killed_key_change_leaves_a_working_key(
    tmp_path: Path, key_base: Path, direction: str, point: str, opens_with: str
) -> None:
    """The old key or the new one opens it, as the step reached says; never neither."""
    keyring_file = tmp_path / "keyring.json"
    flag = ["--to-keychain"] if direction == "to-keychain" else []
    env = file_keyring_env(
        tmp_path / "home",
        keyring_file,
        ICHIGO_PASSPHRASE=PASSPHRASE,
        ICHIGO_NEW_PASSPHRASE=NEW_PASSPHRASE,
    )
    vault = copy_vault(key_base, tmp_path / "v.vault")
    kill_at(point, ichigo("--vault", str(vault), "passwd", *flag), env)

    # Reopen as a user would, with the passphrase they know at that moment; the meta
    # (and a change found pending) says what else to try.
    known = NEW_PASSPHRASE if opens_with == "new" and direction == "passphrase" else PASSPHRASE
    env_open = file_keyring_env(tmp_path / "home", keyring_file, ICHIGO_PASSPHRASE=known)
    result = python(ichigo("--vault", str(vault), "--json", "contacts", "list"), env_open)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 801
    if opens_with == "old":
        _intact(vault, PASSPHRASE)
        meta = VaultMeta.read(vault)
        assert meta is not None and meta.key_mode is KeyMode.PASSPHRASE
    elif direction == "passphrase":
        _intact(vault, NEW_PASSPHRASE)
        with pytest.raises(Exception, match="file is not a database"):
            integrity(vault, PASSPHRASE)
    else:
        [stored] = json.loads(keyring_file.read_text()).values()
        _intact(vault, f"x'{stored}'")


# A sync killed where it writes: the fetched feed goes through the same bulk import.
SYNC_POINTS = [
    ("CALL:ichigoapp.services.syncing:_apply_feed", False),  # fetched, nothing written
    (f"CALL:{WRITTEN}", False),
    (f"COMMIT:CALL:{WRITTEN}", False),
    (f"COMMITTED:CALL:{WRITTEN}", True),
]


@pytest.mark.parametrize(("point", "kept"), SYNC_POINTS)
def test_killed_sync_is_all_or_nothing_and_the_next_sync_completes(
    tmp_path: Path,
    calendar: Path,
    template: Path,
    imported_total: int,
    feed_server: Any,
    point: str,
    kept: bool,
) -> None:
    from ichigoapp.services.sources import SourceKind, add_source

    feed_server.serve("/work.ics", calendar.read_bytes())
    vault = copy_vault(template, tmp_path / "v.vault")
    with open_vault(vault, passphrase=PASSPHRASE) as v, v.transaction() as s:
        add_source(s, name="Work", kind=SourceKind.ICS, url=feed_server.url("/work.ics"))
    env = env_for(tmp_path / "h") | {"NO_PROXY": "127.0.0.1"}
    kill_at(point, ichigo("--vault", str(vault), "sync"), env)
    _intact(vault, PASSPHRASE)
    found = count(vault, PASSPHRASE, "SELECT count(*) FROM encounter")
    assert found == (imported_total if kept else 0)

    done = python(ichigo("--vault", str(vault), "--json", "sync"), env)
    assert done.returncode == 0, done.stderr
    [report] = json.loads(done.stdout)["sources"]
    assert report["ok"] and report["error"] is None
    _intact(vault, PASSPHRASE)
    assert count(vault, PASSPHRASE, "SELECT count(*) FROM encounter") == imported_total
