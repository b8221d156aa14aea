"""Changing a vault's key (``ichigo passwd``): passphrase <-> keychain, or a new passphrase.

:meth:`Vault.change_key <ichigoapp.store.vault.Vault.change_key>` runs the steps below;
this module never sees a ``Vault``, only its file, engine and meta.

The order is what makes it crash-safe; a process killed between any two steps leaves a
vault that opens with the old key or with the new one, and the meta file says how:

1. an encrypted backup under the old key (``before-passwd``);
2. a new keychain key is stored under a *new* entry name (keychain target only);
3. the meta records the change as ``pending`` (old mode and entry stay current);
4. ``PRAGMA rekey`` rewrites every page in one transaction: the commit point;
5. the meta switches to the new mode and generation;
6. the old keychain entry is retired (keychain source only): kept under its own name
   while backups made with it remain in the backup folder, deleted once they are
   rotated out (``release_retired_keys``);
7. a backup under the new key (``after-passwd``), so the newest backup opens with it.

If the process dies after 4 and before 5, the next unlock finds the old key refused and
``pending`` set, tries the new key, and finishes 5-6 itself (``finish_key_change``). If
it dies before 4, the next write-open drops the pending note (``abandon_key_change``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import Engine

from ichigoapp.errors import BadInput, KeyUnavailable, VaultError
from ichigoapp.i18n import _
from ichigoapp.store import keys
from ichigoapp.store.backup import keychain_generations_needed
from ichigoapp.store.engine import close_engine, make_engine
from ichigoapp.store.keys import KeychainUnavailable, KeyMode, PlaintextKeychain, Secret
from ichigoapp.store.meta import PendingKey, VaultMeta

log = logging.getLogger(__name__)


def _new_secret(meta: VaultMeta, target: VaultMeta, passphrase: str | None) -> Secret:
    if target.key_mode is KeyMode.PASSPHRASE:
        if not passphrase:
            raise BadInput(_("a new passphrase is needed (ICHIGO_NEW_PASSPHRASE or the prompt)"))
        return Secret.passphrase(passphrase)
    raw = keys.new_raw_key()
    try:
        keys.store_key(target.keyring_entry, raw)
        # Some backends accept a write and drop it; only trust what reads back.
        if keys.load_key(target.keyring_entry) != raw:
            raise KeychainUnavailable(_("the keychain did not keep the key"))
    except PlaintextKeychain as exc:
        raise keys.insecure_keychain(
            exc, _("nothing was changed: the vault keeps its passphrase")
        ) from None
    except KeychainUnavailable as exc:
        keys.delete_key(target.keyring_entry)
        raise KeyUnavailable(
            _(
                "cannot store the new key in the system keychain ({problem}); nothing was changed"
            ).format(problem=exc)
        ) from None
    return Secret.raw(raw)


def change_key(
    path: Path,
    engine: Engine,
    old: VaultMeta,
    old_secret: Secret,
    to: KeyMode,
    passphrase: str | None,
    backup: Callable[[str], object],
) -> tuple[Engine, VaultMeta]:
    """Steps 1 to 6 for the vault at ``path``, open for writing on ``engine``.

    ``to`` KEYCHAIN makes a fresh random key in the keychain (also when the vault already
    uses one: a key rotation); PASSPHRASE uses ``passphrase``. ``backup(reason)`` makes an
    automatic backup under the current key. Returns an engine keyed with the new secret
    and the new meta; ``engine`` is disposed. :meth:`Vault.change_key` is the caller.
    """
    old = old.settled()
    target = replace(old, key_mode=to, key_generation=old.key_generation + 1)
    if to is KeyMode.PASSPHRASE and passphrase and old_secret.matches(passphrase):
        raise BadInput(_("the new passphrase is the same as the old one; nothing was changed"))

    backup("before-passwd")  # 1
    new_secret = _new_secret(old, target, passphrase)  # 2
    pending = replace(old, pending=PendingKey(to, target.key_generation))
    try:
        pending.write(path)  # 3
        _rekey(path, engine, new_secret)  # 4
    except BaseException:
        # Nothing was re-encrypted (rekey is one transaction): back to the old state.
        if target.key_mode is KeyMode.KEYCHAIN:
            keys.delete_key(target.keyring_entry)
        old.write(path)
        raise
    new_engine = make_engine(path, new_secret)
    try:
        settled = finish_key_change(path, old=old, new=target)  # 5, 6
    except BaseException:
        new_engine.dispose()
        raise
    log.info("changed the key of %s to %s mode", path, to.value)
    return new_engine, settled


def _rekey(path: Path, engine: Engine, secret: Secret) -> None:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        try:
            # From the key's buffer (sqlite3_rekey), never as SQL text; only the
            # driver's own words are passed on.
            secret.rekey(raw)
        except Exception as exc:
            raise VaultError(
                _("could not change the key of {path} ({problem}); the old key still works").format(
                    path=path, problem=type(exc).__name__
                )
            ) from None
    # Close every pooled connection (they were keyed with the old secret) and wipe it.
    close_engine(engine)


def finish_key_change(path: Path, *, old: VaultMeta, new: VaultMeta) -> VaultMeta:
    """Steps 5-6: the file is under the new key; make the meta say so, and retire the
    old keychain entry (kept while backups made with it remain). Returns the meta."""
    if old.key_mode is KeyMode.KEYCHAIN and old.keyring_entry != new.keyring_entry:
        new = replace(new, retired_keys=tuple(sorted({*new.retired_keys, old.key_generation})))
    new.write(path)
    return release_retired_keys(path, new)


def release_retired_keys(path: Path, meta: VaultMeta) -> VaultMeta:
    """Delete the retired keychain entries that no backup in the folder needs any more.

    The rule for backups across key changes: an earlier keychain key stays in the
    keychain, under its own versioned entry, as long as a backup in the vault's backup
    folder was made with it; once the last one is rotated out, the key goes too. (An
    earlier *passphrase* is never stored: backups made under it need it typed.)
    Entries go first, then the meta: a crash in between leaves only an entry to delete
    again next time, never a backup without its key.
    """
    if not meta.retired_keys:
        return meta
    needed = keychain_generations_needed(path, meta.vault_id)
    keep = tuple(g for g in meta.retired_keys if g in needed)
    for generation in meta.retired_keys:
        if generation not in needed:
            keys.delete_key(meta.entry_for(generation))
    if keep == meta.retired_keys:
        return meta
    settled = replace(meta, retired_keys=keep)
    settled.write(path)
    log.info("removed %d retired keychain key(s) of %s", len(meta.retired_keys) - len(keep), path)
    return settled


def abandon_key_change(path: Path, meta: VaultMeta) -> VaultMeta:
    """The rekey never happened: forget the pending change and any key made for it."""
    target = meta.pending_meta()
    settled = meta.settled()
    settled.write(path)
    if (
        target is not None
        and target.key_mode is KeyMode.KEYCHAIN
        and target.keyring_entry != settled.keyring_entry
    ):
        keys.delete_key(target.keyring_entry)
    return settled
