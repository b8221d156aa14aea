"""Turning storage failures into messages a user can act on, and finding a good backup.

Why here: the same low-level failures (an HMAC error, "database disk image is
malformed", "database or disk is full", a read-only folder) can surface on open, in a
query deep inside a service, or in the CLI's last-resort handler. One mapping keeps the
wording (and the offer to restore the newest good automatic backup) the same everywhere.
"""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path

import sqlcipher3

from ichigoapp.errors import IchigoError, VaultCorrupt, VaultError, VaultWriteFailed, WrongKey
from ichigoapp.i18n import _
from ichigoapp.store import cipher
from ichigoapp.store.backup import auto_backups
from ichigoapp.store.keys import Secret
from ichigoapp.store.meta import VaultMeta

# How many automatic backups to try, newest first, when looking for a good one. Each
# try derives the key again (a passphrase costs a PBKDF2 run), so keep it small.
BACKUPS_TO_TRY = 3

_CORRUPT_WORDS = ("malformed", "corrupt", "hmac", "file is not a database")
_FULL_WORDS = ("database or disk is full", "disk i/o error")
_READONLY_WORDS = ("readonly database", "read-only", "unable to open database file")
_WRITE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EACCES, errno.EPERM}


def _sql_text(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).lower()


def is_corruption(exc: BaseException) -> bool:
    return any(word in _sql_text(exc) for word in _CORRUPT_WORDS)


def restore_target_for(vault: Path) -> Path:
    """A free file name beside ``vault`` to restore a backup into."""
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        candidate = vault.with_name(f"{vault.stem}-restored{suffix}{vault.suffix}")
        if not candidate.exists():
            return candidate
    return vault.with_name(f"{vault.stem}-restored-new{vault.suffix}")


def backup_opens_with(backup: Path, secret: Secret) -> bool:
    """True when ``backup`` opens with ``secret`` and passes both page checks."""
    cipher.pin_defaults()  # an attached file is keyed with the process's defaults
    conn = sqlcipher3.connect(":memory:")
    try:
        # Bound parameters: the key never appears in SQL text (nor in an error).
        conn.execute("ATTACH DATABASE ? AS b KEY ?", (str(backup), secret.bound()))
        problems = conn.execute("PRAGMA b.cipher_integrity_check").fetchall()
        check = conn.execute("PRAGMA b.quick_check").fetchall()
        conn.execute("DETACH DATABASE b")
        return not problems and [str(r[0]) for r in check] == ["ok"]
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()


def _same_key(vault: Path, backup: Path) -> bool:
    # A backup from before `ichigo passwd` is under the old key: trying the current key
    # on it would wrongly call a typo "damage".
    try:
        mine = VaultMeta.read(vault)
        theirs = VaultMeta.read(backup)
    except IchigoError:
        return False
    if mine is None or theirs is None:
        return mine is None and theirs is None
    return (mine.key_mode, mine.key_generation) == (theirs.key_mode, theirs.key_generation)


def newest_good_backup(
    vault: Path, secret: Secret | None, limit: int = BACKUPS_TO_TRY
) -> Path | None:
    """The newest automatic backup of ``vault`` that opens with ``secret`` and is intact.

    Without a secret nothing can be verified: the newest backup is returned as a hint.
    """
    candidates = list(reversed(auto_backups(vault)))
    if secret is None:
        return candidates[0] if candidates else None
    for backup in [b for b in candidates if _same_key(vault, b)][:limit]:
        if backup_opens_with(backup, secret):
            return backup
    return None


def _restore_hint(vault: Path, backup: Path) -> str:
    return _(
        "the newest good automatic backup is {backup}; restore it into a new file with "
        "`ichigo --vault {target} restore {backup}`"
    ).format(backup=backup, target=restore_target_for(vault))


def corrupt_error(vault: Path, detail: str, secret: Secret | None) -> VaultCorrupt:
    """The message for a damaged vault, naming the newest good backup if there is one."""
    backup = newest_good_backup(vault, secret)
    head = _("the vault {path} is damaged ({problem}); it was left untouched").format(
        path=vault, problem=detail
    )
    if backup is not None:
        return VaultCorrupt(
            _("{problem}; {hint}").format(problem=head, hint=_restore_hint(vault, backup)),
            backup=backup,
        )
    folder = vault.with_name(vault.name + ".backups")
    return VaultCorrupt(
        _(
            "{problem}; no good automatic backup was found in {folder}: restore one of your "
            "own backups with `ichigo --vault NEW restore BACKUP`"
        ).format(problem=head, folder=folder)
    )


def first_page_error(vault: Path, secret: Secret) -> IchigoError:
    """SQLCipher cannot read page 1: a wrong key, or a damaged file. Tell which if we can.

    If the same key opens the newest automatic backup, the key is right and the file is
    damaged; otherwise it may be either, and the message says so honestly.
    """
    try:
        meta = VaultMeta.read(vault)
    except IchigoError:
        meta = None
    # During an interrupted key change the old key opens the "before" backup but not the
    # vault: that is not damage, and the caller goes on to try the pending key.
    changing = meta is not None and meta.pending is not None
    backup = None if changing else newest_good_backup(vault, secret, limit=1)
    if backup is not None:
        return VaultCorrupt(
            _(
                "the vault {path} is damaged (its first page cannot be read, yet the same "
                "key opens its backup); it was left untouched; {hint}"
            ).format(path=vault, hint=_restore_hint(vault, backup)),
            backup=backup,
        )
    generation = cipher.older_generation(vault, secret)
    if generation is not None:
        return VaultError(
            _(
                "the vault {path} was encrypted with the settings of SQLCipher {generation}, "
                "not the SQLCipher {current} settings Ichigo uses; it was left "
                "untouched. Convert it once with SQLCipher's own shell (`PRAGMA key = ...;` "
                "then `PRAGMA cipher_migrate;`) and open it again"
            ).format(path=vault, generation=generation, current=cipher.COMPATIBILITY)
        )
    newest = newest_good_backup(vault, None)
    if newest is not None:
        return WrongKey(
            _(
                "wrong passphrase or key for vault %(path)s, or the file is damaged; if the "
                "passphrase is right, restore the newest automatic backup with "
                "`ichigo --vault %(target)s restore %(backup)s`"
            )
            % {"path": vault, "target": restore_target_for(vault), "backup": newest}
        )
    return WrongKey(
        _("wrong passphrase or key for vault %(path)s, or the file is damaged") % {"path": vault}
    )


def write_error(vault: Path | None, exc: BaseException) -> VaultWriteFailed | None:
    """A clear error for a full disk or a read-only location, else None."""
    where = _("the vault {path}").format(path=vault) if vault is not None else _("the file")
    if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
        reason = (
            _("the disk is full")
            if exc.errno in (errno.ENOSPC, errno.EDQUOT)
            else _("the location is read-only or not writable")
        )
        said = (
            _(
                "cannot write ({file}): {reason}; nothing already saved was lost. Free some "
                "space or choose a writable folder, then try again"
            )
            if exc.filename
            else _(
                "cannot write: {reason}; nothing already saved was lost. Free some "
                "space or choose a writable folder, then try again"
            )
        )
        return VaultWriteFailed(said.format(file=exc.filename, reason=reason))
    text = _sql_text(exc)
    if any(word in text for word in _FULL_WORDS):
        reason = _("the disk is full (or failed)")
    elif any(word in text for word in _READONLY_WORDS):
        reason = _("its folder is read-only")
    else:
        return None
    return VaultWriteFailed(
        _(
            "cannot write to {where}: {reason}; the change was not saved and nothing "
            "already saved was lost. Free some space or make the folder writable, then "
            "try again"
        ).format(where=where, reason=reason)
    )


def user_error_for(
    exc: BaseException, vault: Path | None, secret: Secret | None
) -> IchigoError | None:
    """Map a storage failure to a user error (corruption, full disk, read-only), or None."""
    if isinstance(exc, IchigoError):
        return exc
    if not isinstance(exc, OSError) and is_corruption(exc) and vault is not None:
        with contextlib.suppress(Exception):  # finding a backup must not hide the damage
            return corrupt_error(vault, _one_line(_sql_text(exc)), secret)
        return VaultCorrupt(
            _("the vault {path} is damaged ({problem})").format(
                path=vault, problem=_one_line(_sql_text(exc))
            )
        )
    return write_error(vault, exc)


def _one_line(text: str) -> str:
    # SQLAlchemy appends "[SQL: ...]" and a background link; keep the driver's words only.
    first = text.split("\n", 1)[0]
    return first.split("[sql:", 1)[0].strip()[:200]
