"""Creating, unlocking and closing a vault.

A vault is one SQLCipher file plus two small non-secret companions: ``NAME.meta.json``
(key mode and id) and ``NAME.lock`` (the single-writer lock). The key is either 32
random bytes kept in the OS keychain or a passphrase given straight to SQLCipher.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ichigoapp.errors import (
    IchigoError,
    KeyUnavailable,
    VaultError,
    VaultExists,
    VaultMissing,
    WrongKey,
)
from ichigoapp.i18n import _
from ichigoapp.paths import create_private, make_private_dir
from ichigoapp.store import keys, migrate, rekey
from ichigoapp.store.backup import (
    AUTO_PREFIX,
    DEFAULT_KEEP,
    auto_backups,
    backup_dir_for,
    export_copy,
    prune_auto_backups,
)
from ichigoapp.store.engine import CACHE_KIB, close_engine, make_engine, secret_of
from ichigoapp.store.keys import KeychainUnavailable, KeyMode, PlaintextKeychain, Secret
from ichigoapp.store.lock import WriterLock, left_open, lock_path_for
from ichigoapp.store.meta import VaultMeta, check_path_for, meta_path_for, record_check
from ichigoapp.store.sqlfunctions import install as install_sql_functions

log = logging.getLogger(__name__)
# The full-text triggers call a function of ours: every connection gets it.
install_sql_functions()

DAILY = timedelta(hours=20)

PassphraseAsker = Callable[[str], str | None]
"""Asks the user for a passphrase; given a prompt, returns it or None if declined."""


def companion_files(path: Path) -> list[Path]:
    """Files that belong to the vault at ``path`` (WAL, shared memory, meta, lock)."""
    return [
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        meta_path_for(path),
        lock_path_for(path),
        check_path_for(path),
    ]


class Vault:
    """An unlocked vault: an engine, a session factory and (if writable) the lock."""

    def __init__(self, path: Path, meta: VaultMeta, engine: Engine, lock: WriterLock | None):
        self.path = path
        self.meta = meta
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._secret_mode = meta.key_mode

    @property
    def key_mode(self) -> KeyMode:
        return self.meta.key_mode

    @property
    def writable(self) -> bool:
        return self._lock is not None and self._lock.held

    def session(self) -> Session:
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back whole."""
        with self._sessions.begin() as session:
            yield session

    def backup_to(self, destination: Path) -> Path:
        """Write an encrypted copy (same key) to ``destination``, verify it, return it.

        A small non-secret ``.meta.json`` goes beside the copy so that it can be opened
        or restored with the same key mode.
        """
        destination = destination.expanduser().absolute()
        with self.engine.connect() as conn:
            export_copy(conn, destination, self._secret())
        self.meta.for_backup().write(destination)
        return destination

    def auto_backup(self, reason: str = "daily", max_age: timedelta | None = None) -> Path | None:
        """Keep rotated encrypted backups beside the vault.

        With ``max_age`` (the daily backup on open) nothing is written when the newest
        automatic backup is younger than that. The count kept is the vault setting
        ``backup_keep`` (default 7).
        """
        now = datetime.now(UTC)
        if max_age is not None and not backup_due(self.path, max_age):
            return None
        stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
        target = (
            backup_dir_for(self.path) / f"{self.path.stem}-{AUTO_PREFIX}-{stamp}-{reason}.vault"
        )
        self.backup_to(target)
        prune_auto_backups(self.path, self._backup_keep())
        if self.meta.retired_keys:
            self.meta = rekey.release_retired_keys(self.path, self.meta)
        return target

    def daily_backup(self) -> Path | None:
        """The daily automatic backup, unless one is younger than a day; a failure is
        logged, never a reason to lock the user out of their notes (a full disk...)."""
        try:
            return self.auto_backup("daily", max_age=DAILY)
        except (OSError, IchigoError) as exc:
            log.warning("automatic backup of %s failed: %s", self.path, exc)
            return None

    def maintain(self) -> None:
        """What opening with ``verify`` does, for callers that deferred it: check every
        page (raises VaultCorrupt) and, when writable, make the daily backup."""
        verify_pages(self.path, self.engine, self._secret())
        if self.writable:
            self.daily_backup()

    def check_due(self) -> bool:
        """Whether every page should be read now: after the last writer died without
        closing the vault, before the daily backup, and once a day (DAILY) otherwise.
        Between, SQLCipher's HMAC refuses a damaged page whenever one is read."""
        from ichigoapp.store.meta import last_check

        if self._lock is not None and self._lock.unclean:
            return True
        if self.writable and backup_due(self.path):
            return True
        last = last_check(self.path)
        return last is None or not last.ok or datetime.now(UTC) - last.at >= DAILY

    def maintain_if_due(self) -> bool:
        """:meth:`maintain` when :meth:`check_due` (the app's background maintenance:
        a start within a day of the last check reads no more than it shows)."""
        if not self.check_due():
            return False
        self.maintain()
        return True

    def _backup_keep(self) -> int:
        from sqlalchemy import select

        from ichigoapp.model import Setting

        with self.session() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == "backup_keep"))
        try:
            return max(1, int(value)) if value is not None else DEFAULT_KEEP
        except ValueError:
            return DEFAULT_KEEP

    def _secret(self) -> Secret:
        # The engine holds the key; reuse it rather than keeping another copy.
        return secret_of(self.engine)

    def change_key(self, to: KeyMode, passphrase: str | None = None) -> VaultMeta:
        """Re-encrypt the vault (open for writing) under a new key; returns the new meta.

        ``to`` KEYCHAIN makes a fresh random key in the keychain (also when the vault
        already uses one: a key rotation); PASSPHRASE uses ``passphrase``. The steps and
        why a kill between any two of them loses nothing: store/rekey.py.
        """
        if not self.writable:
            raise VaultError(_("the vault must be open for writing to change its key"))
        engine, meta = rekey.change_key(
            self.path, self.engine, self.meta, self._secret(), to, passphrase, self.auto_backup
        )
        self.engine = engine
        self.meta = meta
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        try:
            self.auto_backup("after-passwd")  # step 7: the newest backup opens with the new key
        except (OSError, VaultError) as exc:
            log.warning("backup after the key change of %s failed: %s", self.path, exc)
        return meta

    def close(self) -> None:
        """Close the vault: every connection, the writer's lock, and the key, which is
        overwritten in memory (a locked app keeps no key)."""
        close_engine(self.engine)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ask(asker: PassphraseAsker | None, prompt: str) -> str | None:
    env = keys.passphrase_from_env()
    if env:
        return env
    if asker is not None:
        return asker(prompt)
    return None


def create_vault(
    path: Path,
    *,
    mode: KeyMode | None = None,
    passphrase: str | None = None,
    ask_passphrase: PassphraseAsker | None = None,
) -> Vault:
    """Create a new, empty vault at ``path``. Never touches an existing file.

    ``mode`` None means: a passphrase if one was given (argument or ICHIGO_PASSPHRASE),
    else the keychain if a working backend exists, else ask for a passphrase.
    """
    path = path.expanduser().absolute()
    if path.exists() or meta_path_for(path).exists():
        raise VaultExists(_vault_exists(path))
    make_private_dir(path.parent)

    secret, meta = _new_secret(path, mode, passphrase, ask_passphrase)
    lock = WriterLock(path)
    lock.acquire()
    engine = None
    try:
        try:
            # Owner-only from the first byte; SQLCipher gives its WAL and SHM the same mode.
            create_private(path)
        except FileExistsError:  # someone raced us between the check and the lock
            raise VaultExists(_vault_exists(path)) from None
        engine = make_engine(path, secret)
        migrate.upgrade(engine)
        meta.write(path)
    except BaseException:
        if engine is not None:
            engine.dispose()
        lock.release()
        _remove_half_made(path)
        if meta.key_mode is KeyMode.KEYCHAIN:
            keys.delete_key(meta.keyring_entry)
        raise
    log.info("created vault %s (%s mode)", path, meta.key_mode.value)
    return Vault(path, meta, engine, lock)


def _new_secret(
    path: Path,
    mode: KeyMode | None,
    passphrase: str | None,
    ask_passphrase: PassphraseAsker | None,
) -> tuple[Secret, VaultMeta]:
    if passphrase is None and mode is not KeyMode.KEYCHAIN:
        passphrase = keys.passphrase_from_env()
    explicit = mode
    if mode is None:
        mode = KeyMode.PASSPHRASE if passphrase else KeyMode.KEYCHAIN

    refused: KeyUnavailable | None = None
    if mode is KeyMode.KEYCHAIN:
        meta = VaultMeta.new(KeyMode.KEYCHAIN)
        raw = keys.new_raw_key()
        try:
            if explicit is None and not keys.keychain_usable():
                raise KeychainUnavailable(_("no keychain backend"))
            keys.store_key(meta.keyring_entry, raw)
            # Some backends accept a write and drop it; only trust what reads back.
            if keys.load_key(meta.keyring_entry) != raw:
                raise KeychainUnavailable(_("the keychain did not keep the key"))
            return Secret.raw(raw), meta
        except PlaintextKeychain as exc:
            refused = keys.insecure_keychain(
                exc,
                _(
                    "protect the vault with a passphrase instead (`ichigo init --passphrase` "
                    "in a terminal, or ICHIGO_PASSPHRASE)"
                ),
            )
            if explicit is KeyMode.KEYCHAIN:
                raise refused from None
            log.info("the keychain stores secrets in clear; using a passphrase")
        except KeychainUnavailable as exc:
            if explicit is KeyMode.KEYCHAIN:
                raise KeyUnavailable(
                    _(
                        "cannot store the vault key in the keychain ({problem}); "
                        "create the vault with a passphrase instead"
                    ).format(problem=exc)
                ) from None
            # Locked, failing or hanging keychain: a passphrase protects the vault instead.
            log.info("keychain unusable (%s); using a passphrase", exc)

    if not passphrase and ask_passphrase is not None:
        passphrase = ask_passphrase(_("New passphrase for %(path)s") % {"path": path})
    if not passphrase:
        if refused is not None:
            raise refused
        raise KeyUnavailable(
            _(
                "no keychain is available and no passphrase was given: set ICHIGO_PASSPHRASE "
                "or run this in a terminal to choose one"
            )
        )
    return Secret.passphrase(passphrase), VaultMeta.new(KeyMode.PASSPHRASE)


def _vault_exists(path: Path) -> str:
    return _("a vault already exists at %(path)s; refusing to create a new one") % {"path": path}


def _remove_half_made(path: Path) -> None:
    for leftover in [path, *companion_files(path)]:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def unlock_secret(
    path: Path,
    meta: VaultMeta,
    *,
    passphrase: str | None = None,
    ask_passphrase: PassphraseAsker | None = None,
) -> Secret:
    """Find the secret for an existing vault: keychain entry or passphrase."""
    if meta.key_mode is KeyMode.KEYCHAIN:
        try:
            raw = keys.load_key(meta.keyring_entry)
        except KeychainUnavailable as exc:
            raise KeyUnavailable(
                _(
                    "the vault %(path)s keeps its key in the system keychain, which is not "
                    "available (%(reason)s); unlock the keychain and try again"
                )
                % {"path": path, "reason": exc}
            ) from None
        if raw is None:
            raise KeyUnavailable(
                _(
                    "the system keychain has no key for the vault %(path)s (service "
                    "'%(service)s', entry '%(entry)s'); restore that keychain entry, or "
                    "restore a backup into a new vault with `ichigo --vault NEW restore "
                    "BACKUP`. Ichigo never makes a new key for an existing vault."
                )
                % {"path": path, "service": keys.KEYRING_SERVICE, "entry": meta.keyring_entry}
            )
        return Secret.raw(raw)

    if passphrase is None:
        passphrase = _ask(ask_passphrase, _("Passphrase for %(path)s") % {"path": path})
    if not passphrase:
        raise KeyUnavailable(
            _(
                "the vault %(path)s is protected by a passphrase: set ICHIGO_PASSPHRASE "
                "or run the command in a terminal to be asked for it"
            )
            % {"path": path}
        )
    return Secret.passphrase(passphrase)


def backup_due(path: Path, max_age: timedelta = DAILY) -> bool:
    """Whether the vault's newest automatic backup is older than ``max_age`` (or none)."""
    existing = auto_backups(path)
    if not existing:
        return True
    newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
    return datetime.now(UTC) - newest >= max_age


def open_vault(
    path: Path,
    *,
    passphrase: str | None = None,
    ask_passphrase: PassphraseAsker | None = None,
    write: bool = True,
    lock_wait_s: float = 0.0,
    secret: Secret | None = None,
    verify: bool | Literal["auto"] = True,
) -> Vault:
    """Unlock an existing vault. ``write`` takes the single-writer lock.

    Runs pending migrations (after an encrypted backup). With ``verify`` (the default)
    every page is checked and, when writing, the daily automatic backup is made; the GUI
    passes False and calls :meth:`Vault.maintain` off the GUI thread once its window is
    up, so a large vault does not delay the first paint by seconds. "auto" (the command
    line) checks only where it pays: after a writer died without closing the vault, and
    before the daily backup; SQLCipher's HMAC refuses a damaged page whenever one is
    read anyway, and ``ichigo check`` checks everything on demand.
    """
    path = path.expanduser().absolute()
    if not path.exists():
        raise VaultMissing(
            _("no vault at %(path)s; create one with `ichigo init`") % {"path": path}
        )
    meta = VaultMeta.read(path) or VaultMeta(vault_id="unknown", key_mode=KeyMode.PASSPHRASE)
    if secret is None:
        secret = unlock_secret(path, meta, passphrase=passphrase, ask_passphrase=ask_passphrase)

    lock: WriterLock | None = None
    if write:
        lock = WriterLock(path)
        lock.acquire(wait_s=lock_wait_s)
    if verify == "auto":
        unclean = lock.unclean if lock is not None else left_open(path)
        verify = unclean or (write and backup_due(path))
        if unclean:
            log.info("the last writer of %s did not close it: checking every page", path)
    try:
        engine, meta = _open_engine(
            path, meta, secret, ask_passphrase, writable=write, verify=verify
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    vault = Vault(path, meta, engine, lock)
    if write and verify:
        vault.daily_backup()
    return vault


def _open_engine(
    path: Path,
    meta: VaultMeta,
    secret: Secret,
    ask_passphrase: PassphraseAsker | None,
    *,
    writable: bool,
    verify: bool = True,
) -> tuple[Engine, VaultMeta]:
    """An engine that opened and passed its checks, and the meta that goes with it.

    A key change interrupted after ``PRAGMA rekey`` (meta still ``pending``) leaves the
    file under the new key: if the current key fails, the pending one is tried, and on
    success (when writing) the meta is settled as the change would have done.
    """
    engine = make_engine(path, secret)
    try:
        _check_and_migrate(path, engine, secret, meta, writable=writable, verify=verify)
    except WrongKey:
        engine.dispose()
        target = meta.pending_meta()
        if target is None:
            raise
        new_secret = _pending_secret(path, meta, target, secret, ask_passphrase)
        if new_secret is None:
            raise WrongKey(
                _(
                    "the vault {path} does not open with its old key: a key change was "
                    "interrupted, so it now opens with the new one; give the new passphrase "
                    "(ICHIGO_PASSPHRASE, or run `ichigo meetings` in a terminal)"
                ).format(path=path)
            ) from None
        engine = make_engine(path, new_secret)
        try:
            _check_and_migrate(path, engine, new_secret, target, writable=writable, verify=verify)
        except BaseException:
            engine.dispose()
            raise
        if writable:
            target = rekey.finish_key_change(path, old=meta, new=target)
        return engine, target
    except BaseException:
        engine.dispose()
        raise
    if writable and meta.pending is not None:
        # The current key still works: the rekey never happened. Forget the change.
        meta = rekey.abandon_key_change(path, meta)
    return engine, meta


def _pending_secret(
    path: Path,
    meta: VaultMeta,
    target: VaultMeta,
    tried: Secret,
    ask_passphrase: PassphraseAsker | None,
) -> Secret | None:
    if target.key_mode is KeyMode.KEYCHAIN:
        return keys.keychain_secret_or_none(target.keyring_entry)
    if meta.key_mode is KeyMode.PASSPHRASE:
        return None  # passphrase to passphrase: the one given was the one to try
    typed = _ask(
        ask_passphrase,
        _("New passphrase for {path} (a key change was interrupted)").format(path=path),
    )
    if not typed or tried.matches(typed):
        return None
    return Secret.passphrase(typed)


CHECK_CACHE_KIB = 2 * 1024


def verify_pages(path: Path, engine: Engine, secret: Secret) -> None:
    """Check every page (HMAC) and every b-tree; raise VaultCorrupt naming a backup."""
    from sqlalchemy.exc import DBAPIError

    from ichigoapp.store import recovery

    try:
        with engine.connect() as conn:
            # One pass over every page: a large page cache would only fill with pages
            # nobody reads again (30 MB of the app's memory while the check ran).
            conn.exec_driver_sql(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
            try:
                # quick_check walks every b-tree page; cipher_integrity_check verifies the
                # HMAC of every page, including ones no b-tree reaches (a few ms per MB).
                problems = [
                    str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")
                ]
                result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    except DBAPIError as exc:
        # A check that cannot even run (a damaged header says "SQL logic error") is damage.
        record_check(path, ok=False)
        raise recovery.corrupt_error(path, str(exc.orig), secret) from None
    if result != "ok":
        problems.append(f"integrity check: {result}")
    record_check(path, ok=not problems)
    if problems:
        raise recovery.corrupt_error(path, problems[0], secret)


def _check_and_migrate(
    path: Path,
    engine: Engine,
    secret: Secret,
    meta: VaultMeta,
    *,
    writable: bool,
    verify: bool = True,
) -> None:
    # Storage errors in here already arrive as user errors (the engine's handle_error).
    revision = migrate.current_revision(engine)
    migrate.check_not_newer(path, revision)
    if verify:
        verify_pages(path, engine, secret)
    if revision == migrate.head_revision():
        return
    if not writable:
        raise VaultError(
            _(
                "the vault {path} needs a schema upgrade; open it once for writing "
                "(for example with the app) first"
            ).format(path=path)
        )
    if revision is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = backup_dir_for(path) / f"{path.stem}-before-{revision}-{stamp}.vault"
        with engine.connect() as conn:
            export_copy(conn, target, secret)
        # Its key note, as every backup has: without it a keychain-mode backup could
        # not be restored (nor its key kept across a key change).
        meta.for_backup().write(target)
        log.info("backed up vault before migration to %s", target)
    migrate.upgrade(engine)
