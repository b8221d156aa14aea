"""The SQLCipher engine: key first, refuse anything unencrypted, then the pragmas.

Only ``sqlcipher3`` through SQLAlchemy's ``sqlite+pysqlcipher`` dialect is used; if the
driver turns out not to be SQLCipher (``PRAGMA cipher_version`` is empty) the connection
is refused rather than silently writing a plain SQLite file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.pool import SingletonThreadPool

from ichigoapp.errors import NotEncrypted, VaultError
from ichigoapp.store import cipher
from ichigoapp.store.keycheck import silence_sqlcipher_log
from ichigoapp.store.keys import Secret

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32 * 1024  # per connection


def _is_not_a_database(exc: BaseException) -> bool:
    return "file is not a database" in str(exc) or str(exc) == "not an error"


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc)
    return "malformed" in text or "corrupt" in text


def _configure_connection(
    dbapi_conn: Any, _record: Any, *, path: Path, secret: Secret, copy: bool
) -> None:
    # The dialect's own on_connect hook has already run `PRAGMA key` as the very first
    # statement on this connection. Everything below comes after it.
    dbapi_conn.isolation_level = None  # transactions are begun explicitly (see "begin")
    cursor = dbapi_conn.cursor()
    try:
        row = cursor.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NotEncrypted(
                "the database driver is not SQLCipher; refusing to open an unencrypted vault"
            )
        cipher.pin(cursor)  # before the first page is read: the key is derived then
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception as exc:
            from ichigoapp.store import recovery

            if _is_not_a_database(exc):
                # Page 1 unreadable: a wrong key looks exactly like a damaged first page.
                raise recovery.first_page_error(path, secret) from None
            if _is_corrupt(exc):
                raise recovery.corrupt_error(path, str(exc), secret) from None
            raise
        differ = cipher.mismatches(cipher.settings(cursor))
        if differ:
            raise VaultError(
                f"SQLCipher {row[0]} did not apply the encryption settings Ichigo pins "
                f"({differ[0]}); the vault {path} was not used with it"
            )
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not copy:
            # Switching to WAL rewrites page 1 and makes -wal/-shm files beside the file.
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        # Every page read is decrypted and its HMAC checked; SQLite's default 2 MB cache
        # makes joins over a large vault decrypt the same pages again and again.
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, secret: Secret, *, copy: bool = False) -> Engine:
    """An engine for the vault at ``path`` keyed with ``secret``.

    Connections are checked (cipher present, key right) as they are made; errors come
    out as :class:`~ichigoapp.errors.WrongKey` or ``NotEncrypted``. ``copy``: the file
    is a backup being read (to restore it), which must stay exactly as it is: its
    journal mode is left alone, so nothing is written to it or beside it.
    """
    silence_sqlcipher_log()
    cipher.pin_defaults()
    url = URL.create("sqlite+pysqlcipher", password=secret.value, database=str(path))
    # One connection per thread (GUI thread, import worker); keying a passphrase costs a
    # PBKDF2 run, so connections are kept rather than reopened per query.
    # hide_parameters: a failing statement must never echo note text into an error.
    engine = create_engine(url, poolclass=SingletonThreadPool, pool_size=8, hide_parameters=True)
    event.listen(
        engine,
        "connect",
        lambda dbapi_conn, record: _configure_connection(
            dbapi_conn, record, path=path, secret=secret, copy=copy
        ),
    )
    event.listen(engine, "begin", _begin)

    def translate_error(context: ExceptionContext) -> None:
        # Every statement on the vault goes through here, so a damaged page met in any
        # query (GUI view, service, migration) or a full disk on commit becomes the same
        # user error, instead of a raw DatabaseError (or a traceback) somewhere far away.
        from ichigoapp.store import recovery

        mapped = recovery.user_error_for(context.original_exception, path, secret)
        if mapped is not None:
            raise mapped from None

    event.listen(engine, "handle_error", translate_error)
    return engine
