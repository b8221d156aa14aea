"""Vault secrets: a random raw key in the OS keychain, or a passphrase.

Nothing here logs or formats a secret. ``Secret`` keeps its value out of ``repr`` so an
accidental log line or traceback shows ``Secret(<hidden>)``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import enum
import hmac
import os
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from ichigoapp.errors import InsecureKeychain, VaultError
from ichigoapp.i18n import _
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


_HEX_DIGITS = b"0123456789abcdef"


class SecretWiped(VaultError):
    """A vault key was used after its vault was locked or closed."""


class Secret:
    """What SQLCipher is keyed with: a raw key or a passphrase.

    The key lives in one ``bytearray`` that is handed to SQLCipher as a buffer
    (``Connection.set_key``, or a bound ``ATTACH ... KEY ?`` parameter), never formatted
    into SQL text or any ``str``, and overwritten with zeros by :meth:`wipe` (the vault
    calls it when it is locked or closed) or when the object is collected. Best effort:
    what handed the key over first (the keychain library's string, the typed passphrase)
    is Python's own immutable copy, which is freed but not overwritten; docs/SECURITY.md
    says so. ``repr`` never shows the key.
    """

    __slots__ = ("_buffer", "_wiped", "mode")

    def __init__(self, key_text: bytes | bytearray, mode: KeyMode) -> None:
        # No process that holds a key may dump its memory to disk (store/hardening.py).
        disable_core_dumps()
        self._buffer = bytearray(key_text)
        self._wiped = False
        self.mode = mode

    @classmethod
    def raw(cls, key: bytes | bytearray) -> Secret:
        """A 32-byte key, as SQLCipher's raw-key literal ``x'<64 hex digits>'``."""
        if len(key) != RAW_KEY_BYTES:
            raise ValueError("a raw vault key is 32 bytes")
        text = bytearray(3 + 2 * RAW_KEY_BYTES)
        text[0:2] = b"x'"
        for i, byte in enumerate(key):  # no intermediate hex string
            text[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
            text[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
        text[-1] = ord("'")
        try:
            return cls(text, KeyMode.KEYCHAIN)
        finally:
            text[:] = bytes(len(text))

    @classmethod
    def passphrase(cls, text: str) -> Secret:
        if not text:
            raise ValueError("empty passphrase")
        return cls(text.encode("utf-8"), KeyMode.PASSPHRASE)

    @property
    def wiped(self) -> bool:
        return self._wiped

    def _key(self) -> bytearray:
        if self._wiped:
            raise SecretWiped(_("the vault is locked; unlock it again to go on"))
        return self._buffer

    def apply(self, connection: Any) -> None:
        """Key a fresh ``sqlcipher3`` connection: the first thing done on it."""
        connection.set_key(self._key())

    def rekey(self, connection: Any) -> None:
        """Re-encrypt the database open on ``connection`` under this key."""
        connection.reset_key(self._key())

    def bound(self) -> bytearray:
        """The key as a bound parameter of ``ATTACH DATABASE ? AS x KEY ?``: the buffer
        itself (SQLite reads it as a blob), so it never becomes SQL text."""
        return self._key()

    def matches(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is this secret (in constant time)."""
        return hmac.compare_digest(self._key(), passphrase.encode("utf-8"))

    def appears_in(self, text: str) -> bool:
        """Whether the key (or a raw key's bare hex digits) occurs in ``text``: a check
        that a message about to be shown or logged carries no key."""
        key = bytes(self._key())
        needles = [key[2:-1]] if self.mode is KeyMode.KEYCHAIN else [key]
        haystack = text.encode("utf-8", "surrogatepass")
        return any(needle in haystack or needle.upper() in haystack for needle in needles)

    def copy(self) -> Secret:
        return Secret(self._key(), self.mode)

    def raw_key(self) -> bytes:
        """The 32 bytes of a keychain-mode secret (to store under another entry)."""
        if self.mode is not KeyMode.KEYCHAIN:
            raise ValueError("a passphrase has no raw key")
        return bytes.fromhex(self._key()[2:-1].decode("ascii"))

    def wipe(self) -> None:
        """Overwrite the key with zeros; the secret can no longer key anything."""
        self._buffer[:] = bytes(len(self._buffer))
        self._wiped = True

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.wipe()

    def __repr__(self) -> str:
        return f"Secret(<hidden>, mode={self.mode.value})"

    def __reduce__(self) -> Any:
        raise TypeError("a vault key is not pickled")


class KeychainUnavailable(Exception):
    """No working keychain backend (none installed, locked, failing or hanging)."""


class PlaintextKeychain(KeychainUnavailable):
    """The keychain backend keeps what it is given in a plain file (``backend``: its
    name). A key there is as good as a key written beside the vault."""

    def __init__(self, backend: str) -> None:
        super().__init__(
            _("the keychain backend {backend} stores secrets unencrypted").format(backend=backend)
        )
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
        raise KeychainUnavailable(_("the keychain did not answer in time"))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")
    try:
        future = pool.submit(call)
        try:
            return future.result(timeout=KEYRING_TIMEOUT_S)
        except concurrent.futures.TimeoutError:
            _stuck = future
            raise KeychainUnavailable(_("the keychain did not answer in time")) from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _keyring_call(call: Callable[[], T]) -> T:
    import keyring.errors

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
    import keyring

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
    import keyring

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
        _(
            "the system keychain here ({backend}) keeps passwords unencrypted in a plain "
            "file, so Ichigo will not put the vault key in it; {instead}, or set up an "
            "encrypted keychain (GNOME Keyring, KWallet, the macOS Keychain, Windows "
            "Credential Manager) and try again"
        ).format(backend=exc.backend, instead=instead)
    )


def store_key(entry: str, key: bytes) -> None:
    """Keep ``key`` under ``entry``; refused (PlaintextKeychain) where it would be kept
    in a plain file: every vault key Ichigo stores passes through here."""
    import keyring

    clear = plaintext_backend()
    if clear is not None:
        raise PlaintextKeychain(clear)
    _keyring_call(lambda: keyring.set_password(KEYRING_SERVICE, entry, key.hex()))


def load_key(entry: str) -> bytes | None:
    """The raw key for a keychain-mode vault, or None if the entry is missing."""
    import keyring

    stored = _keyring_call(lambda: keyring.get_password(KEYRING_SERVICE, entry))
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == RAW_KEY_BYTES else None


def keychain_secret_or_none(entry: str) -> Secret | None:
    """The key kept under ``entry`` as a Secret; None if the keychain cannot be asked
    or holds no key there (the caller then asks, explains or falls back)."""
    try:
        raw = load_key(entry)
    except KeychainUnavailable:
        return None
    return Secret.raw(raw) if raw is not None else None


def delete_key(entry: str) -> None:
    import keyring
    import keyring.errors

    with contextlib.suppress(KeychainUnavailable, keyring.errors.PasswordDeleteError):
        _keyring_call(lambda: keyring.delete_password(KEYRING_SERVICE, entry))


def passphrase_from_env() -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None
