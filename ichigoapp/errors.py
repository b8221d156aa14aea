"""Errors a user can act on, kept apart from bugs.

Everything deriving from :class:`IchigoError` carries a message written for the user:
one line, no secrets, no note text. The CLI prints it and exits with ``exit_code``; the
GUI shows it in a dialog. Any other exception is a bug and is reported as such.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_LOCKED = 3


class IchigoError(Exception):
    """Base of all errors whose message is meant for the user."""

    exit_code: int = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(IchigoError):
    """The user gave us something we cannot use (an argument, a file, an id)."""

    exit_code = EXIT_BAD_INPUT


class NotFound(BadInput):
    """An id or name that does not exist in the vault."""


class ImportFailed(BadInput):
    """A file could not be read at all; nothing was changed."""


class VaultError(IchigoError):
    """Something about the vault file itself."""

    exit_code = EXIT_BAD_INPUT


class VaultMissing(VaultError):
    """There is no vault at the given path yet."""


class VaultExists(VaultError):
    """Refusing to create a vault over an existing file."""


class VaultTooNew(VaultError):
    """The vault was written by a newer version of Ichigo."""


class VaultCorrupt(VaultError):
    """The file is damaged (bad page HMAC, failed integrity check)."""

    def __init__(self, message: str, *, backup: Path | None = None) -> None:
        super().__init__(message)
        # The newest automatic backup that passed its checks, for a "Restore" offer.
        self.backup = backup


class VaultWriteFailed(VaultError):
    """The disk is full or the vault's folder is read-only; nothing saved was lost."""

    exit_code = EXIT_FAILURE


class NotEncrypted(VaultError):
    """The database driver is not SQLCipher; we refuse to go on unencrypted."""

    exit_code = EXIT_FAILURE


class VaultLocked(IchigoError):
    """The vault cannot be unlocked: wrong key, no key, or in use elsewhere."""

    exit_code = EXIT_LOCKED


class WrongKey(VaultLocked):
    """The passphrase or key does not open this vault."""


class KeyUnavailable(VaultLocked):
    """No keychain entry and no passphrase available to unlock the vault."""


class InsecureKeychain(KeyUnavailable):
    """The keychain would keep the vault key in a plain file (keyrings.alt's plaintext
    backend, or a chain that falls back to it); a passphrase is offered instead."""


class WeakPassphrase(BadInput):
    """A new passphrase the strength estimate calls very weak, not confirmed."""


class VaultInUse(VaultLocked):
    """Another Ichigo process holds the vault's write lock."""


class SyncFailed(IchigoError):
    """A calendar or address book source could not be synced; nothing of it changed.

    The message names the source and the reason in one line, without the link's token
    or the password (``sync/addresses.redact``)."""


class MassChanges(SyncFailed):
    """A sync of an address book would delete or overwrite more of the linked contacts
    than the safety brake lets through; nothing changed. The user confirms (GUI) or
    passes ``--allow-mass-changes``."""

    def __init__(self, message: str, *, changes: int, linked: int) -> None:
        super().__init__(message)
        self.changes = changes
        self.linked = linked
