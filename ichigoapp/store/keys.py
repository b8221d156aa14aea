"""Vault secrets: a random raw key in the OS keychain, or a passphrase.

Nothing here logs or formats a secret. ``Secret`` keeps its value out of ``repr`` so an
accidental log line or traceback shows ``Secret(<hidden>)``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import enum
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import keyring
import keyring.errors

KEYRING_SERVICE = "ichigo"
# A keychain that is locked may pop up a dialog or hang on D-Bus; don't wait forever.
KEYRING_TIMEOUT_S = 5.0
RAW_KEY_BYTES = 32
PASSPHRASE_ENV = "ICHIGO_PASSPHRASE"  # noqa: S105 (the variable name, not a secret)

T = TypeVar("T")


class KeyMode(enum.StrEnum):
    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"  # noqa: S105


@dataclass(frozen=True)
class Secret:
    """What is handed to SQLCipher's ``PRAGMA key``: a raw key or a passphrase."""

    value: str = field(repr=False)
    mode: KeyMode

    @classmethod
    def raw(cls, key: bytes) -> Secret:
        if len(key) != RAW_KEY_BYTES:
            raise ValueError("a raw vault key is 32 bytes")
        return cls(f"x'{key.hex()}'", KeyMode.KEYCHAIN)

    @classmethod
    def passphrase(cls, text: str) -> Secret:
        if not text:
            raise ValueError("empty passphrase")
        return cls(text, KeyMode.PASSPHRASE)

    def raw_key(self) -> bytes:
        """The 32 bytes of a keychain-mode secret (to store under another entry)."""
        if self.mode is not KeyMode.KEYCHAIN:
            raise ValueError("a passphrase has no raw key")
        return bytes.fromhex(self.value[2:-1])

    def __repr__(self) -> str:
        return f"Secret(<hidden>, mode={self.mode.value})"


def quoted_key(secret: Secret) -> str:
    """``secret`` as the value of ``PRAGMA key``/``rekey`` (which cannot be bound): an
    SQL identifier with '"' doubled, exactly as SQLAlchemy's pysqlcipher dialect quotes
    the key it sends, so the two always agree. Never logged, never in an error."""
    return '"' + secret.value.replace('"', '""') + '"'


class KeychainUnavailable(Exception):
    """No working keychain backend (none installed, locked, failing or hanging)."""


def new_raw_key() -> bytes:
    return secrets.token_bytes(RAW_KEY_BYTES)


# The call that last timed out. While it is still stuck the keychain is not asked
# again: start-up asks twice (the quick unlock, then the ordinary path that explains),
# and a hung keychain should cost one wait, not one per question.
_stuck: concurrent.futures.Future[Any] | None = None


def _with_timeout(call: Callable[[], T]) -> T:
    # A daemon-ish single worker: if the backend hangs we give up waiting and let the
    # thread finish (or not) on its own; the caller falls back to a passphrase.
    global _stuck
    if _stuck is not None and not _stuck.done():
        raise KeychainUnavailable("the keychain did not answer in time")
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")
    try:
        future = pool.submit(call)
        try:
            return future.result(timeout=KEYRING_TIMEOUT_S)
        except concurrent.futures.TimeoutError:
            _stuck = future
            raise KeychainUnavailable("the keychain did not answer in time") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _keyring_call(call: Callable[[], T]) -> T:
    try:
        return _with_timeout(call)
    except KeychainUnavailable:
        raise
    except (
        keyring.errors.NoKeyringError,
        keyring.errors.KeyringLocked,
        keyring.errors.InitError,
    ) as exc:
        raise KeychainUnavailable(type(exc).__name__) from None
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailable(type(exc).__name__) from None
    except RuntimeError as exc:  # some backends raise bare RuntimeError when locked
        raise KeychainUnavailable(type(exc).__name__) from None


def keychain_usable() -> bool:
    """True when a real keychain backend answers (not the fail/null backend)."""
    try:
        backend = _keyring_call(keyring.get_keyring)
    except KeychainUnavailable:
        return False
    priority = getattr(backend, "priority", 0)
    try:
        return float(priority) > 0
    except (TypeError, ValueError):
        return False


def store_key(entry: str, key: bytes) -> None:
    _keyring_call(lambda: keyring.set_password(KEYRING_SERVICE, entry, key.hex()))


def load_key(entry: str) -> bytes | None:
    """The raw key for a keychain-mode vault, or None if the entry is missing."""
    stored = _keyring_call(lambda: keyring.get_password(KEYRING_SERVICE, entry))
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == RAW_KEY_BYTES else None


def delete_key(entry: str) -> None:
    with contextlib.suppress(KeychainUnavailable, keyring.errors.PasswordDeleteError):
        _keyring_call(lambda: keyring.delete_password(KEYRING_SERVICE, entry))


def passphrase_from_env() -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None
