"""The SQLCipher engine: key first, refuse anything unencrypted, then the pragmas.

Connections are made here, by ``connect_raw``, with the ``sqlcipher3`` driver: the key
goes in from the :class:`~ichigoapp.store.keys.Secret`'s buffer (``set_key``) before any
statement, so it never becomes SQL text; if the driver turns out not to be SQLCipher
(no ``set_key``, or ``PRAGMA cipher_version`` empty) the connection is refused rather
than silently writing a plain SQLite file. SQLAlchemy gets those connections through
``creator`` on its plain SQLite dialect (its pysqlcipher dialect would send the key
again, as text, from the URL).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ichigoapp.errors import NotEncrypted, VaultError
from ichigoapp.i18n import _
from ichigoapp.store import cipher
from ichigoapp.store.keycheck import silence_sqlcipher_log
from ichigoapp.store.keys import Secret

if TYPE_CHECKING:  # SQLAlchemy is imported where an engine is made: connect_raw (the
    # command line's quick read path) must not pay the 0.4 s its import costs.
    from sqlalchemy.engine import Connection, Engine, ExceptionContext

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32 * 1024  # per connection

# Each engine's own copy of its key, wiped when its vault closes (Vault.close).
_SECRETS: weakref.WeakKeyDictionary[Engine, Secret] = weakref.WeakKeyDictionary()


def driver() -> ModuleType:
    """The DB-API module vaults are opened with (a test swaps in plain sqlite3)."""
    import sqlcipher3

    module: ModuleType = sqlcipher3
    return module


def _is_not_a_database(exc: BaseException) -> bool:
    return "file is not a database" in str(exc) or str(exc) == "not an error"


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc)
    return "malformed" in text or "corrupt" in text


def connect_raw(path: Path, secret: Secret, *, copy: bool = False) -> Any:
    """A DB-API connection to the vault at ``path``: keyed, checked and configured.

    The key is set before anything else happens on the connection; the cipher settings
    Ichigo pins are applied before the first page is read and checked after it; a wrong
    key or a damaged first page comes out as the user's error. ``copy``: the file is a
    backup being read, which must stay as it is (journal mode left alone). The caller
    closes the connection. Autocommit: transactions are begun explicitly.
    """
    silence_sqlcipher_log()
    cipher.pin_defaults()
    module = driver()
    # Any thread may close it: the pool's owner disposes of every thread's connection
    # (the GUI thread at lock or quit closes the import worker's). The pool still hands
    # each thread a connection of its own.
    conn = module.connect(str(path), check_same_thread=False)
    try:
        if not hasattr(conn, "set_key"):
            raise NotEncrypted(
                _("the database driver is not SQLCipher; refusing to open an unencrypted vault")
            )
        secret.apply(conn)
        _configure(conn, path=path, secret=secret, copy=copy)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(dbapi_conn: Any, *, path: Path, secret: Secret, copy: bool) -> None:
    # The key is already set (connect_raw). Everything below comes after it.
    dbapi_conn.isolation_level = None  # transactions are begun explicitly (see "begin")
    cursor = dbapi_conn.cursor()
    try:
        row = cursor.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NotEncrypted(
                _("the database driver is not SQLCipher; refusing to open an unencrypted vault")
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
                _(
                    "SQLCipher {version} did not apply the encryption settings Ichigo pins "
                    "({setting}); the vault {path} was not used with it"
                ).format(version=row[0], setting=differ[0], path=path)
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
    """An engine for the vault at ``path`` keyed with (its own copy of) ``secret``.

    Connections are checked (cipher present, key right) as they are made; errors come
    out as :class:`~ichigoapp.errors.WrongKey` or ``NotEncrypted``. ``copy``: the file
    is a backup being read (to restore it), which must stay exactly as it is: its
    journal mode is left alone, so nothing is written to it or beside it.
    """
    from sqlalchemy import URL, create_engine, event
    from sqlalchemy.pool import SingletonThreadPool

    own = secret.copy()
    # One connection per thread (GUI thread, import worker); keying a passphrase costs a
    # PBKDF2 run, so connections are kept rather than reopened per query.
    # hide_parameters: a failing statement must never echo note text into an error.
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        module=driver(),
        creator=lambda: connect_raw(path, own, copy=copy),
        poolclass=SingletonThreadPool,
        pool_size=8,
        hide_parameters=True,
    )
    _SECRETS[engine] = own
    event.listen(engine, "begin", _begin)

    def translate_error(context: ExceptionContext) -> None:
        # Every statement on the vault goes through here, so a damaged page met in any
        # query (GUI view, service, migration) or a full disk on commit becomes the same
        # user error, instead of a raw DatabaseError (or a traceback) somewhere far away.
        from ichigoapp.store import recovery

        mapped = recovery.user_error_for(context.original_exception, path, own)
        if mapped is not None:
            raise mapped from None

    event.listen(engine, "handle_error", translate_error)
    return engine


def secret_of(engine: Engine) -> Secret:
    """The key ``engine`` opens its connections with (wiped once its vault closed)."""
    return _SECRETS[engine]


def close_engine(engine: Engine) -> None:
    """Close every connection of ``engine`` and overwrite its key: nothing can open a
    connection with it afterwards."""
    engine.dispose()
    secret = _SECRETS.get(engine)
    if secret is not None:
        secret.wipe()
