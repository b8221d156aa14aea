"""SQLCipher's encryption settings, pinned rather than left to the library's defaults.

A vault is encrypted with SQLCipher 4's settings (AES-256 with an HMAC-SHA512 per 4 KiB
page; a passphrase stretched by 256,000 rounds of PBKDF2-HMAC-SHA512; a raw keychain
key used as it is). The defaults are what a given build of SQLCipher happens to ship:
a future major version may change them, and every vault would then stop opening (or,
worse, new vaults and backups would quietly be made differently). So every connection
states the settings after its key (``pin``), the process states them once for the
databases it attaches (backups: ``pin_defaults``), and what is in force is read back
and compared (``mismatches``). No pragma here ever holds a key.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ichigoapp.store.keys import Secret

COMPATIBILITY = 4
KDF_ITER = 256_000

# What SQLCipher 4 reports for a database under those settings (PRAGMA cipher_settings).
EXPECTED: dict[str, str] = {
    "kdf_iter": str(KDF_ITER),
    "cipher_page_size": "4096",
    "cipher_use_hmac": "1",
    "cipher_plaintext_header_size": "0",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
}

# Older SQLCipher generations whose files are recognised (to say so) but not opened.
OLDER_COMPATIBILITY = (3, 2, 1)

_defaults_pinned = threading.Event()


def pin(cursor: Any, schema: str = "") -> None:
    """State the settings on a connection (or attached ``schema``) just keyed.

    Must run after ``PRAGMA key`` and before the first page is read: SQLCipher derives
    the key on first use, with whatever settings are in force then.
    """
    prefix = f"{schema}." if schema else ""
    cursor.execute(f"PRAGMA {prefix}cipher_compatibility = {COMPATIBILITY}")
    cursor.execute(f"PRAGMA {prefix}kdf_iter = {KDF_ITER}")


def pin_defaults() -> None:
    """The same settings as the process-wide default: ``ATTACH ... KEY`` (backups,
    their checks) derives the attached file's key at once, from the defaults."""
    if _defaults_pinned.is_set():
        return
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute(f"PRAGMA cipher_default_compatibility = {COMPATIBILITY}")
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {KDF_ITER}")
    finally:
        conn.close()
    _defaults_pinned.set()


def settings(cursor: Any, schema: str = "") -> dict[str, str]:
    """The settings in force on a keyed connection (or attached ``schema``)."""
    prefix = f"{schema}." if schema else ""
    found: dict[str, str] = {}
    for (line,) in cursor.execute(f"PRAGMA {prefix}cipher_settings").fetchall():
        # Each row reads "PRAGMA kdf_iter = 256000;".
        name, _, value = str(line).removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        found[name.strip()] = value.strip()
    return found


def mismatches(found: dict[str, str]) -> list[str]:
    """What differs from the pinned settings, in words ("kdf_iter is 64000, not ...")."""
    return [
        f"{name} is {found.get(name, 'unset')}, not {value}"
        for name, value in EXPECTED.items()
        if found.get(name) != value
    ]


def describe(found: dict[str, str]) -> dict[str, Any]:
    """The key-derivation part of ``found`` for a report (``ichigo security``)."""
    iterations = found.get("kdf_iter", "")
    return {
        "algorithm": found.get("cipher_kdf_algorithm"),
        "iterations": int(iterations) if iterations.isdigit() else None,
        "cipher_compatibility": COMPATIBILITY if not mismatches(found) else None,
        "hmac": found.get("cipher_hmac_algorithm"),
        "page_size": int(found.get("cipher_page_size", "0") or 0) or None,
    }


def older_generation(path: Path, secret: Secret) -> int | None:
    """The older SQLCipher generation (3, 2 or 1) whose settings open ``path`` with
    ``secret``, or None. Only asked after the pinned settings failed, to tell "made
    elsewhere" from "wrong key"."""
    import sqlcipher3

    for generation in OLDER_COMPATIBILITY:
        try:
            # mode=rw: never create a file; nothing is written.
            conn = sqlcipher3.connect(f"{path.as_uri()}?mode=rw", uri=True)
        except sqlcipher3.Error:
            return None
        try:
            secret.apply(conn)
            conn.execute(f"PRAGMA cipher_compatibility = {generation}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.Error:
            continue
        finally:
            conn.close()
        return generation
    return None
