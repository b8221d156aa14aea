"""First run and unlock: create or open the vault, asking only what must be asked.

The keychain is tried first and silently; keyring calls run off the GUI thread (a
locked keychain may take seconds to answer). A passphrase is asked for only when the
vault uses one or no keychain works. Wrong passphrases can be retried; anything else
(vault in use, keychain failing, damaged file) is said plainly and the app stops.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ichigoapp.errors import (
    IchigoError,
    KeyUnavailable,
    VaultCorrupt,
    VaultInUse,
    WrongKey,
)
from ichigoapp.store import KeyMode, Secret, Vault, create_vault, keys, open_vault
from ichigoapp.store.meta import VaultMeta, meta_path_for
from ichigoapp.store.vault import unlock_secret
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.dialogs.passphrase import ask_passphrase
from ichigoapp.ui.lifecycle.damaged import offer_restore
from ichigoapp.ui.worker import busy_cursor, call_off_gui_thread

translate = QCoreApplication.translate


@dataclass
class Unlocked:
    vault: Vault
    created: bool


def _create_in_keychain(path: Path) -> Secret:
    # Runs off the GUI thread: creates the vault, closes it there (its connection
    # belongs to that thread) and hands back the secret to reopen it on the GUI thread.
    with create_vault(path, mode=KeyMode.KEYCHAIN) as vault:
        meta = vault.meta
    return unlock_secret(path, meta)


def _create_with_passphrase(path: Path, passphrase: str) -> Secret:
    with create_vault(path, mode=KeyMode.PASSPHRASE, passphrase=passphrase):
        pass
    return Secret.passphrase(passphrase)


def _create(path: Path, parent: QWidget | None) -> Secret | None:
    env = keys.passphrase_from_env()
    if env:
        return call_off_gui_thread(lambda: _create_with_passphrase(path, env))
    if call_off_gui_thread(keys.keychain_usable):
        try:
            return call_off_gui_thread(lambda: _create_in_keychain(path))
        except KeyUnavailable as exc:
            # The keychain exists but would not keep the key: say so, then fall back.
            ask.error(parent, translate("unlock", "Keychain unavailable"), f"{exc}.")
    passphrase = ask_passphrase(parent, path, new=True)
    if passphrase is None:
        return None
    return call_off_gui_thread(lambda: _create_with_passphrase(path, passphrase))


def _open_with_passphrase(path: Path, parent: QWidget | None, verify: bool) -> Vault | None:
    env = keys.passphrase_from_env()
    message = ""
    if env:
        try:
            with busy_cursor():
                return open_vault(path, secret=Secret.passphrase(env), verify=verify)
        except WrongKey:
            message = translate("unlock", "ICHIGO_PASSPHRASE does not open this vault.")
    while True:
        passphrase = ask_passphrase(parent, path, new=False, message=message)
        if passphrase is None:
            return None
        try:
            with busy_cursor():
                return open_vault(path, secret=Secret.passphrase(passphrase), verify=verify)
        except WrongKey:
            message = translate(
                "unlock", "That passphrase does not open this vault. Please try again."
            )


def obtain_vault(
    path: Path, parent: QWidget | None = None, *, verify: bool = True
) -> Unlocked | None:
    """Create the vault on first run, else unlock it; None if the user gave up or
    it cannot be opened (the reason has been shown).

    ``verify`` False skips the page-by-page check and the daily backup; the caller then
    runs ``Vault.maintain`` itself (the main window does, off the GUI thread).
    """
    path = path.expanduser().absolute()
    try:
        if not path.exists() and not meta_path_for(path).exists():
            secret = _create(path, parent)
            if secret is None:
                return None
            with busy_cursor():
                return Unlocked(open_vault(path, secret=secret, verify=verify), created=True)
        meta = VaultMeta.read(path)
        if meta is not None and meta.key_mode is KeyMode.KEYCHAIN:
            try:
                secret = call_off_gui_thread(lambda: unlock_secret(path, meta))
            except KeyUnavailable as exc:
                ask.error(parent, translate("unlock", "Cannot unlock the vault"), f"{exc}.")
                return None
            with busy_cursor():
                return Unlocked(open_vault(path, secret=secret, verify=verify), created=False)
        vault = _open_with_passphrase(path, parent, verify)
        return None if vault is None else Unlocked(vault, created=False)
    except IchigoError as exc:
        restored = explain_open_error(exc, path, parent)
        return None if restored is None else Unlocked(restored, created=False)


def explain_open_error(exc: BaseException, path: Path, parent: QWidget | None) -> Vault | None:
    """Tell the user why the vault did not open; for a damaged one, offer the newest good
    backup, restored beside it, and return that vault if they took it."""
    if isinstance(exc, VaultCorrupt):
        return offer_restore(path, exc, parent)
    if isinstance(exc, VaultInUse):
        ask.error(
            parent,
            translate("unlock", "Ichigo is already open"),
            translate(
                "unlock", "{reason}.\n\nClose the other Ichigo window (or command) and start again."
            ).format(reason=exc),
        )
    elif isinstance(exc, IchigoError):
        ask.error(parent, translate("unlock", "Cannot open the vault"), exc.message)
    else:
        ask.error(
            parent,
            translate("unlock", "Cannot open the vault"),
            translate("unlock", "Ichigo could not open {path} ({error}).").format(
                path=path, error=type(exc).__name__
            ),
        )
    return None


def demo_requested() -> bool:
    return os.environ.get("ICHIGO_DEMO", "") not in ("", "0")
