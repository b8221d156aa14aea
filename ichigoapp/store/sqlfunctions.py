"""SQL functions the vault's schema calls, registered on every connection SQLAlchemy makes.

The full-text triggers call ``ichigo_fts_text`` (``model/textfold.py``) so that text in
any script is stored in the form queries are built in. A connection without it could
not write a contact or a meeting ("no such function"), so the function is registered for
every pool, the vault's, a backup being restored and the bench's plain twins alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.pool import Pool

from ichigoapp.model.textfold import SQL_FUNCTION, index_text


def register(dbapi_conn: Any, _record: Any = None) -> None:
    """Give one DB-API connection (sqlite3 or sqlcipher3) the schema's functions."""
    # Deterministic: SQLite may then use it in indexes and skip repeated calls.
    dbapi_conn.create_function(SQL_FUNCTION, 1, index_text, deterministic=True)


def install() -> None:
    """Register the functions on every connection made from now on (idempotent)."""
    if not event.contains(Pool, "connect", register):
        event.listen(Pool, "connect", register)
