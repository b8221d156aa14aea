"""Encrypted copies of a vault, made with SQLCipher's own export.

The copy is keyed with the same secret, so it opens exactly like the original.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy.engine import Connection

from ichigoapp.errors import BadInput
from ichigoapp.store.keys import Secret


def backup_dir_for(vault: Path) -> Path:
    return vault.parent / f"{vault.name}.backups"


def export_copy(conn: Connection, destination: Path, secret: Secret) -> None:
    """Copy the whole database behind ``conn`` into a new encrypted file.

    Written under a temporary name and renamed, so a crash never leaves a half copy
    under the final name.
    """
    destination = destination.absolute()
    if destination.exists():
        raise BadInput(f"{destination} already exists; choose another file name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        # Bound parameters: the key never appears in SQL text.
        cursor.execute("ATTACH DATABASE ? AS backup KEY ?", (str(partial), secret.value))
        try:
            cursor.execute("SELECT sqlcipher_export('backup')")
        finally:
            cursor.execute("DETACH DATABASE backup")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    finally:
        cursor.close()
    partial.replace(destination)
