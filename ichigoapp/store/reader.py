"""A read-only look at an up-to-date vault without SQLAlchemy: the command line's quick path.

Scripts, shell prompts and launchers call ``ichigo meetings`` many times a day, and
importing SQLAlchemy and the model takes longer than the answer takes to find. For an
ordinary vault, :func:`open_reader` gives a keyed, pinned and configured DB-API
connection (``engine.connect_raw``, the same one the engine pools), so a read command
can run plain SQL on it. Ordinary means: the key comes from the keychain or from
``ICHIGO_PASSPHRASE`` without asking, no key change is pending, the last writer closed
the vault cleanly (else every page is checked first, which ``open_vault`` does) and the
schema is this Ichigo's :data:`~ichigoapp.store.migrate.HEAD`. Anything else gives None,
and the caller takes the ordinary path (``open_vault``), which checks, asks or explains.

Errors are the ordinary path's too: a wrong key or a damaged first page comes out of
``connect_raw`` as the user's error, and a damaged page met by a query is turned into
the same "this vault is damaged" error as the engine's (``recovery.user_error_for``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ichigoapp.store import keys
from ichigoapp.store.keys import KeyMode, Secret
from ichigoapp.store.lock import left_open
from ichigoapp.store.meta import VaultMeta

T = TypeVar("T")


class Reader:
    """Plain SQL on an open vault connection; storage errors become user errors."""

    def __init__(self, path: Path, secret: Secret, connection: Any) -> None:
        self.path = path
        self._secret = secret
        self._conn = connection

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.run(lambda conn: list(conn.execute(sql, tuple(params)).fetchall()))

    def run(self, read: Callable[[Any], T]) -> T:
        """``read(connection)``: reads of their own on the DB-API connection."""
        try:
            return read(self._conn)
        except Exception as exc:
            from ichigoapp.store import recovery

            mapped = recovery.user_error_for(exc, self.path, self._secret)
            if mapped is not None:
                raise mapped from None
            raise


def _secret(meta: VaultMeta) -> Secret | None:
    """The vault's key when it can be had without asking anyone; else None."""
    if meta.pending is not None:
        return None  # an interrupted key change: open_vault knows which key to try
    if meta.key_mode is KeyMode.KEYCHAIN:
        return keys.keychain_secret_or_none(meta.keyring_entry)
    passphrase = keys.passphrase_from_env()
    return Secret.passphrase(passphrase) if passphrase else None


@contextmanager
def open_reader(path: Path, secret: Secret | None = None) -> Iterator[Reader | None]:
    """A :class:`Reader` on the vault at ``path``, or None where the ordinary path must
    open it (see the module's docstring). Takes no writer lock: it reads while the app
    has the vault open, as ``open_vault(write=False)`` does.

    ``secret``, the vault's key already at hand (the app's start-up has it from the
    keychain), is used through a copy, which is wiped after the read like a key
    fetched here; the caller's stays as it was."""
    from ichigoapp.store.engine import connect_raw
    from ichigoapp.store.migrate import HEAD

    path = path.expanduser().absolute()
    try:
        meta = VaultMeta.read(path) if path.is_file() else None
    except Exception:  # an unreadable meta file is for the ordinary path to report
        meta = None
    if meta is None:
        secret = None
    elif secret is not None:
        secret = secret.copy() if meta.pending is None else None
    else:
        secret = _secret(meta)
    if secret is None or left_open(path):
        if secret is not None:
            secret.wipe()
        yield None
        return
    try:
        connection = connect_raw(path, secret)
        try:
            reader = Reader(path, secret, connection)
            try:
                revision = reader.rows("SELECT version_num FROM alembic_version")
            except Exception as exc:
                if "no such table" not in str(exc):
                    raise
                revision = []
            yield reader if revision == [(HEAD,)] else None
        finally:
            connection.close()
    finally:
        secret.wipe()  # the key lives no longer than the command's read
