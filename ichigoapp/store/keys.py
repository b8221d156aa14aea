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

from ichigoapp.errors import InsecureKeychain
from ichigoapp.store.hardening import disable_core_dumps

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

    def __post_init__(self) -> None:
        # No process that holds a key may dump its memory to disk (store/hardening.py).
        disable_core_dumps()

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


class PlaintextKeychain(KeychainUnavailable):
    """The keychain backend keeps what it is given in a plain file (``backend``: its
    name). A key there is as good as a key written beside the vault."""

    def __init__(self, backend: str) -> None:
        super().__init__(f"the keychain backend {backend} stores secrets unencrypted")
        self.backend = backend


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


def _backend_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _stores_in_clear(backend: object) -> bool:
    """Whether ``backend`` keeps secrets unencrypted, by what it says of itself.

    keyrings.alt marks its clear-text stores two ways, and so does any backend built
    like them: the class (or a base) is called ``PlaintextKeyring``, and file-backed
    ones name their scheme "no encyption" (sic). The chainer is judged by its members.
    """
    names = [k.__name__.lower() for k in type(backend).__mro__]
    if any("plaintext" in name for name in names):
        return True
    scheme = getattr(type(backend), "scheme", None)
    return isinstance(scheme, str) and scheme.lower().startswith("no enc")


def _chained(backend: object) -> list[object]:
    # keyring's ChainerBackend reads from (and writes to, when the first one declines)
    # every backend it found; each of them may end up holding the key.
    members = getattr(backend, "backends", None)
    if not isinstance(members, list | tuple):
        return [backend]
    return [backend, *members]


def plaintext_backend() -> str | None:
    """The name of the keychain backend in use if it, or any backend a chainer falls
    back to, stores secrets in clear (keyrings.alt's PlaintextKeyring...); else None."""
    try:
        backend = _keyring_call(keyring.get_keyring)
    except KeychainUnavailable:
        return None
    for candidate in _chained(backend):
        if _stores_in_clear(candidate):
            return _backend_name(candidate)
    return None


def insecure_keychain(exc: PlaintextKeychain, instead: str) -> InsecureKeychain:
    """The user's error for a refused plaintext keychain; ``instead`` says what to do."""
    return InsecureKeychain(
        f"the system keychain here ({exc.backend}) keeps passwords unencrypted in a plain "
        f"file, so Ichigo will not put the vault key in it; {instead}, or set up an "
        "encrypted keychain (GNOME Keyring, KWallet, the macOS Keychain, Windows Credential "
        "Manager) and try again"
    )


def store_key(entry: str, key: bytes) -> None:
    """Keep ``key`` under ``entry``; refused (PlaintextKeychain) where it would be kept
    in a plain file: every vault key Ichigo stores passes through here."""
    clear = plaintext_backend()
    if clear is not None:
        raise PlaintextKeychain(clear)
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
