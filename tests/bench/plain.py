"""Bench-only plain (unencrypted) SQLite with the vault's schema and pragmas.

Only for the SQLCipher-versus-plain comparison; the app itself never opens an
unencrypted database (DESIGN.md section 3). Two plain references:

- ``Driver.SAME_BUILD``: the very library the vault uses (``sqlcipher3``, SQLite 3.51 as
  built into SQLCipher) with no key, so the file is plain SQLite. Against it, the ratio
  is the cost of the encryption alone.
- ``Driver.STDLIB``: Python's ``sqlite3`` with the system's SQLite (3.40 on the bench
  machine).
  Against it, the ratio also contains the two builds' differences (the binding, the
  SQLite version and its compile options): the same unencrypted inserts run ~1.4x
  slower through ``sqlcipher3`` than through ``sqlite3`` on the bench machine.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from ichigoapp.model import Base
from ichigoapp.model.fulltext import create_statements
from ichigoapp.store.engine import BUSY_TIMEOUT_MS, CACHE_KIB
from ichigoapp.store.sqlfunctions import install as install_sql_functions


class Driver(enum.Enum):
    SAME_BUILD = "sqlcipher3 without a key"
    STDLIB = "python sqlite3"


def _configure(dbapi_conn: Any, _record: Any) -> None:
    # The same as store/engine.py, minus the key.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in (
        "foreign_keys = ON",
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",
        f"cache_size = -{CACHE_KIB}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


class PlainDb:
    """What the import and search workloads need of a vault: an engine and transactions."""

    def __init__(self, path: Path, *, create: bool, driver: Driver = Driver.SAME_BUILD) -> None:
        self.path = path
        module = sqlcipher3.dbapi2 if driver is Driver.SAME_BUILD else sqlite3
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", module=module, poolclass=SingletonThreadPool, pool_size=8
        )
        event.listen(self.engine, "connect", _configure)
        event.listen(self.engine, "begin", _begin)
        install_sql_functions()  # the FTS triggers call it, as in a vault
        if create:
            with self.engine.begin() as conn:
                Base.metadata.create_all(conn)
                for stmt in create_statements():
                    conn.exec_driver_sql(stmt)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
