"""What protects an open vault, read off the vault itself (``ichigo security``).

Everything here is what can be known after the fact: the key mode, the SQLCipher
settings in force, the last full check, each backup in the vault's backup folder and
whether the key it names still opens it, and the weaknesses found on this system
(files other accounts can read, a keychain that stores in clear, core dumps allowed).
A weak passphrase cannot be among them: Ichigo never keeps the passphrase to rate it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ichigoapp.errors import VaultError
from ichigoapp.i18n import _
from ichigoapp.paths import readable_by_others
from ichigoapp.store import cipher, keys
from ichigoapp.store.backup import backup_dir_for, backups_in_folder
from ichigoapp.store.hardening import core_dumps_allowed
from ichigoapp.store.keycheck import opens_with
from ichigoapp.store.keys import KeychainUnavailable, KeyMode, Secret
from ichigoapp.store.meta import CheckRecord, VaultMeta, last_check, meta_path_for
from ichigoapp.store.vault import Vault, companion_files


@dataclass(frozen=True)
class Weakness:
    code: str  # stable, for scripts: readable_by_others, plaintext_keychain, ...
    message: str  # one line for the user, saying what to do


@dataclass(frozen=True)
class BackupKey:
    """One backup in the folder, and the key that opens it."""

    path: Path
    made: datetime
    key_mode: KeyMode | None  # None: no key note beside it
    key_generation: int | None
    key: str  # which key, in words ("the current key", "a kept keychain key"...)
    opens: bool | None  # tried with that key; None when the key cannot be tried here


@dataclass(frozen=True)
class VaultAudit:
    path: Path
    key_mode: KeyMode
    sqlcipher: str
    cipher: str
    settings: dict[str, str]
    last_check: CheckRecord | None
    backups: list[BackupKey]
    weaknesses: list[Weakness]

    @property
    def kdf(self) -> dict[str, Any]:
        found = cipher.describe(self.settings)
        # A keychain key is 32 random bytes, used as it is: PBKDF2 only guards a passphrase.
        found["derives_key"] = self.key_mode is KeyMode.PASSPHRASE
        return found


def audit_vault(vault: Vault) -> VaultAudit:
    """Read what protects ``vault`` (open, unlocked); tries each backup's key."""
    secret = vault._secret()
    with vault.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        try:
            settings = cipher.settings(cursor)
            version = str(cursor.execute("PRAGMA cipher_version").fetchone()[0])
            name = str(cursor.execute("PRAGMA cipher").fetchone()[0])
        finally:
            cursor.close()
    backups = [_backup_key(b, vault.meta, secret) for b in backups_in_folder(vault.path)]
    return VaultAudit(
        path=vault.path,
        key_mode=vault.key_mode,
        sqlcipher=version,
        cipher=name,
        settings=settings,
        last_check=last_check(vault.path),
        backups=backups,
        weaknesses=_weaknesses(vault, backups),
    )


def _backup_key(backup: Path, current: VaultMeta, secret: Secret) -> BackupKey:
    made = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    try:
        meta = VaultMeta.read(backup)
    except VaultError:
        meta = None
    if meta is None:
        # Made before backups carried a key note (before a migration, say): most likely
        # under the key of its time, which is often still the current one.
        if opens_with(backup, secret):
            return BackupKey(backup, made, None, None, _("the current key"), True)
        return BackupKey(backup, made, None, None, _("unknown (no key note beside it)"), None)
    mode, generation = meta.key_mode, meta.key_generation
    if (mode, generation) == (current.key_mode, current.key_generation):
        return BackupKey(
            backup, made, mode, generation, _("the current key"), opens_with(backup, secret)
        )
    if mode is KeyMode.PASSPHRASE:
        return BackupKey(backup, made, mode, generation, _("an earlier passphrase"), None)
    try:
        raw = keys.load_key(meta.entry_for(generation))
    except KeychainUnavailable:
        return BackupKey(
            backup, made, mode, generation, _("a keychain key (keychain locked)"), None
        )
    if raw is None:
        return BackupKey(backup, made, mode, generation, _("a keychain key no longer kept"), False)
    return BackupKey(
        backup,
        made,
        mode,
        generation,
        _("an earlier keychain key, kept (generation {generation})").format(generation=generation),
        opens_with(backup, Secret.raw(raw)),
    )


def _weaknesses(vault: Vault, backups: list[BackupKey]) -> list[Weakness]:
    found: list[Weakness] = []
    folder = backup_dir_for(vault.path)
    files = [vault.path, *companion_files(vault.path)]
    for backup in backups:
        files += [backup.path, meta_path_for(backup.path)]
    if folder.is_dir():
        files += [f for f in folder.iterdir() if f.is_file() and f not in files]
    for file in files:
        if readable_by_others(file):
            mode = file.stat().st_mode & 0o777
            found.append(
                Weakness(
                    "readable_by_others",
                    _(
                        "{file} can be read by other accounts on this computer (mode "
                        "{mode}); make it private with `chmod 600 '{file}'`"
                    ).format(file=file, mode=f"{mode:04o}"),
                )
            )
    if vault.key_mode is KeyMode.KEYCHAIN or vault.meta.retired_keys:
        clear = keys.plaintext_backend()
        if clear is not None:
            found.append(
                Weakness(
                    "plaintext_keychain",
                    _(
                        "the vault key is kept by the keychain backend {backend}, which "
                        "stores it unencrypted in a file; protect the vault with a passphrase "
                        "instead (`ichigo passwd --to-passphrase`) or set up an encrypted "
                        "keychain"
                    ).format(backend=clear),
                )
            )
    if core_dumps_allowed():
        found.append(
            Weakness(
                "core_dumps_allowed",
                _(
                    "this process could not turn core dumps off: a crash could write the "
                    "unlocked vault's memory to disk"
                ),
            )
        )
    for backup in backups:
        if backup.opens is False:
            found.append(
                Weakness(
                    "backup_does_not_open",
                    _(
                        "the backup {path} does not open with the key it was made with "
                        "({key}); it cannot be restored from this computer"
                    ).format(path=backup.path, key=backup.key),
                )
            )
    return found
