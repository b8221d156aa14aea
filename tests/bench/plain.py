"""Bench-only plain SQLite (stdlib ``sqlite3``) with the vault's schema and pragmas.

Only for the SQLCipher-versus-plain comparison; the app itself never opens an
unencrypted database (DESIGN.md section 3).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from ichigoapp.model import Base
from ichigoapp.model.fulltext import create_statements


def _configure(dbapi_conn: Any, _record: Any) -> None:
    # The same as store/engine.py, minus the key.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in ("foreign_keys = ON", "busy_timeout = 5000", "journal_mode = WAL",
                   "synchronous = FULL"):  # fmt: skip
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


class PlainDb:
    """What the import and search workloads need of a vault: an engine and transactions."""

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = path
        self.engine: Engine = create_engine(
            f"sqlite:///{path}", poolclass=SingletonThreadPool, pool_size=8
        )
        event.listen(self.engine, "connect", _configure)
        event.listen(self.engine, "begin", _begin)
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
