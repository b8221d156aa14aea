"""Unlock a keychain vault without SQLAlchemy, so the app can paint its window first.

The app's start-up (``app.run_gui``) asks :func:`keychain_secret` for the key of an
existing keychain-mode vault and checks it against the file with a bare ``sqlcipher3``
connection (key first, cipher present, first page readable): the vault is unlocked
in the time it takes to import the keyring, and the window appears at once. The full
open (``store.vault.open_vault``: SQLAlchemy, schema version, writer lock) follows
while the window is on screen. Anything unusual returns None and the caller takes the
ordinary path, which explains the problem to the user.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ichigoapp.store import cipher
from ichigoapp.store.keys import KeyMode, Secret, keychain_secret_or_none
from ichigoapp.store.meta import VaultMeta

_log_silenced = threading.Event()


def silence_sqlcipher_log() -> None:
    """SQLCipher prints decrypt failures (HMAC errors) to stderr; we report them ourselves.

    The log level is process-wide, so it is set once on a throwaway in-memory connection
    and never on a vault connection (whose first statement must be the key).
    """
    if _log_silenced.is_set():
        return
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    _log_silenced.set()


def opens_with(path: Path, secret: Secret) -> bool:
    """Whether ``secret`` opens the SQLCipher file at ``path`` (first page readable)."""
    import sqlcipher3

    silence_sqlcipher_log()
    try:
        # mode=rw: never create a file; nothing is written.
        conn = sqlcipher3.connect(f"{path.as_uri()}?mode=rw", uri=True)
    except sqlcipher3.Error:
        return False
    try:
        secret.apply(conn)
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            return False
        cipher.pin(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if cipher.mismatches(cipher.settings(conn)):
            return False  # the ordinary open says why
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()
    return True


def keychain_secret(path: Path) -> Secret | None:
    """The checked key of the keychain vault at ``path``; None unless all is ordinary
    (the vault exists, keeps its key in the keychain, has no key change pending, the
    keychain answers and its key opens the file)."""
    path = path.expanduser().absolute()
    if not path.is_file():
        return None
    try:
        meta = VaultMeta.read(path)
    except Exception:  # an unreadable meta file is for the ordinary path to report
        return None
    if meta is None or meta.key_mode is not KeyMode.KEYCHAIN or meta.pending is not None:
        return None
    secret = keychain_secret_or_none(meta.keyring_entry)
    return secret if secret is not None and opens_with(path, secret) else None
