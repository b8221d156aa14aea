"""Restoring a backup into a new vault; the backup itself is never touched."""

from __future__ import annotations

from pathlib import Path

from ichigoapp.errors import KeyUnavailable, VaultCorrupt, VaultError, VaultExists, VaultMissing
from ichigoapp.i18n import _
from ichigoapp.store import keys
from ichigoapp.store.backup import cipher_problems, export_copy
from ichigoapp.store.engine import make_engine
from ichigoapp.store.keys import KeyMode, Secret
from ichigoapp.store.meta import VaultMeta, meta_path_for
from ichigoapp.store.vault import PassphraseAsker, Vault, open_vault, unlock_secret

RESTORING_SUFFIX = ".restoring"


def _restoring_path(target: Path) -> Path:
    return target.with_name(target.name + RESTORING_SUFFIX)


def _clear_interrupted_restore(target: Path) -> None:
    """Remove what a restore killed before its final rename left behind.

    Only our own leftovers go: the ``.restoring`` copy, its meta, the target's meta when
    it names the same new vault, and the keychain entry made for it.
    """
    staging = _restoring_path(target)
    if target.exists() or not (staging.exists() or meta_path_for(staging).exists()):
        return
    try:
        staged_meta = VaultMeta.read(staging)
        target_meta = VaultMeta.read(target)
    except VaultError:
        return
    if target_meta is not None:
        if staged_meta is None or target_meta.vault_id != staged_meta.vault_id:
            return  # not ours: leave it alone (and the restore will refuse)
        meta_path_for(target).unlink(missing_ok=True)
    if staged_meta is not None and staged_meta.key_mode is KeyMode.KEYCHAIN:
        keys.delete_key(staged_meta.keyring_entry)
    for leftover in (staging, meta_path_for(staging), staging.with_name(staging.name + ".partial")):
        leftover.unlink(missing_ok=True)


def restore_vault(
    source: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    ask_passphrase: PassphraseAsker | None = None,
    secret: Secret | None = None,
) -> Vault:
    """Make a new vault at ``target`` from the backup ``source``; ``source`` is untouched.

    The backup is checked page by page first. The new vault keeps the backup's key (in
    keychain mode, under its own keychain entry) and is migrated if it is older.

    Crash safety: the copy is made under ``TARGET.restoring`` with its meta and keychain
    entry, then the target's meta is written and the copy renamed into place last. A
    restore killed at any moment leaves either no vault at ``target`` (and running the
    restore again cleans up and works) or the complete, openable one.
    """
    source = source.expanduser().absolute()
    target = target.expanduser().absolute()
    if not source.is_file():
        raise VaultMissing(_("no backup at {path}").format(path=source))
    _clear_interrupted_restore(target)
    if target.exists() or meta_path_for(target).exists():
        raise VaultExists(_("{path} already exists; restore into a new file").format(path=target))
    meta = VaultMeta.read(source) or VaultMeta(vault_id="unknown", key_mode=KeyMode.PASSPHRASE)
    if secret is None:
        secret = unlock_secret(source, meta, passphrase=passphrase, ask_passphrase=ask_passphrase)
    staging = _restoring_path(target)
    engine = make_engine(source, secret, copy=True)
    try:
        with engine.connect() as conn:
            problems = cipher_problems(conn)
        if problems:
            raise VaultCorrupt(
                _("the backup {path} is damaged: {problem}").format(
                    path=source, problem=problems[0]
                )
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        # A fresh connection: ATTACH/DETACH cannot happen inside the check's transaction.
        with engine.connect() as conn:
            export_copy(conn, staging, secret)
    finally:
        engine.dispose()
    new_meta = VaultMeta.new(meta.key_mode)
    try:
        new_meta.write(staging)
        if meta.key_mode is KeyMode.KEYCHAIN:
            _keep_key(new_meta.keyring_entry, secret)
        new_meta.write(target)
        staging.replace(target)  # the commit point
    except BaseException:
        if not target.exists():
            _clear_interrupted_restore(target)
        raise
    meta_path_for(staging).unlink(missing_ok=True)
    return open_vault(target, secret=secret)


def _keep_key(entry: str, secret: Secret) -> None:
    """The restored vault's own keychain entry, holding the backup's key."""
    try:
        keys.store_key(entry, secret.raw_key())
    except keys.PlaintextKeychain as exc:
        raise keys.insecure_keychain(
            exc, _("nothing was restored: restore it on a system with an encrypted keychain")
        ) from None
    except keys.KeychainUnavailable as exc:
        raise KeyUnavailable(
            _(
                "cannot keep the restored vault's key in the system keychain ({problem}); "
                "nothing was restored: unlock the keychain and try again"
            ).format(problem=exc)
        ) from None
