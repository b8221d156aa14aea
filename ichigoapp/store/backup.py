"""Encrypted copies of a vault, made with SQLCipher's own export.

The copy is keyed with the same secret, so it opens exactly like the original.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ichigoapp.errors import BadInput, VaultCorrupt, VaultError
from ichigoapp.i18n import _
from ichigoapp.paths import create_private, make_private_dir
from ichigoapp.store import cipher
from ichigoapp.store.keys import KeyMode, Secret
from ichigoapp.store.meta import VaultMeta


def backup_dir_for(vault: Path) -> Path:
    return vault.parent / f"{vault.name}.backups"


def export_copy(conn: Connection, destination: Path, secret: Secret) -> None:
    """Copy the whole database behind ``conn`` into a new encrypted file, checked.

    Written under a temporary name, verified page by page (HMACs and structure) while
    still attached, then renamed: a crash or a bad copy never leaves a file under the
    final name.
    """
    destination = destination.absolute()
    if destination.exists():
        raise BadInput(
            _("{path} already exists; choose another file name").format(path=destination)
        )
    make_private_dir(destination.parent)
    partial = destination.with_name(destination.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    if conn.in_transaction():
        raise RuntimeError("export_copy needs a connection outside a transaction")
    cipher.pin_defaults()  # the attached copy is keyed with the process's defaults
    cursor = raw.cursor()
    try:
        # Owner-only from the start: SQLCipher fills the empty file and keeps its mode.
        create_private(partial)
        # Bound parameters: the key never appears in SQL text.
        cursor.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), secret.bound()))
        try:
            problems = cipher.mismatches(cipher.settings(cursor, "backup"))
            cursor.execute("SELECT sqlcipher_export('backup')")
            problems += [str(r[0]) for r in cursor.execute("PRAGMA backup.cipher_integrity_check")]
            # fetchall: a half-read statement would keep the attached file busy.
            check = [str(r[0]) for r in cursor.execute("PRAGMA backup.quick_check").fetchall()]
            if check != ["ok"]:
                problems += check or ["no answer"]
        finally:
            cursor.execute("DETACH DATABASE backup")
        if problems:
            raise VaultCorrupt(
                _("the copy at {path} failed its check: {problem}").format(
                    path=destination, problem=problems[0]
                )
            )
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    finally:
        cursor.close()
    partial.replace(destination)


AUTO_PREFIX = "auto"
DEFAULT_KEEP = 7


def cipher_problems(conn: Connection) -> list[str]:
    """SQLCipher's page-level check (HMAC of every page) plus SQLite's structure check.

    Returns what is wrong; a check that cannot even run counts as a problem.
    """
    try:
        problems = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
        result = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as exc:
        return [str(exc.orig)]
    if result != ["ok"]:
        problems += result or ["no answer from the integrity check"]
    return problems


def auto_backups(vault: Path) -> list[Path]:
    """Automatic backups of ``vault``, oldest first (names carry a sortable UTC stamp)."""
    folder = backup_dir_for(vault)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{vault.stem}-{AUTO_PREFIX}-*.vault"))


def prune_auto_backups(vault: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; returns what was removed."""
    backups = auto_backups(vault)
    doomed = backups[: max(0, len(backups) - max(keep, 1))]
    for path in doomed:
        for leftover in (path, path.with_name(path.name + ".meta.json")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return doomed


def backups_in_folder(vault: Path) -> list[Path]:
    """Every backup in ``vault``'s backup folder (automatic, before a migration...),
    oldest first by name within each kind."""
    folder = backup_dir_for(vault)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.vault") if p.is_file())


def keychain_generations_needed(vault: Path, vault_id: str) -> set[int]:
    """The keychain key generations that backups of this vault in its folder were made
    with: those keys must stay in the keychain for the backups to restore."""
    needed: set[int] = set()
    for backup in backups_in_folder(vault):
        try:
            meta = VaultMeta.read(backup)
        except VaultError:
            continue  # a damaged note says nothing about which key it needs
        if meta is not None and meta.vault_id == vault_id and meta.key_mode is KeyMode.KEYCHAIN:
            needed.add(meta.key_generation)
    return needed
