"""``ichigo passwd``: change the vault's key, or move it between keychain and passphrase."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from ichigoapp.errors import EXIT_OK, BadInput, KeyUnavailable

NEW_PASSPHRASE_ENV = "ICHIGO_NEW_PASSPHRASE"  # noqa: S105 (the variable name, not a secret)


def _new_passphrase() -> str:
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KeyUnavailable(
            f"no new passphrase: set {NEW_PASSPHRASE_ENV} or run this in a terminal"
        )
    first = getpass.getpass("New passphrase: ")
    if not first:
        raise BadInput("empty passphrase; nothing was changed")
    if getpass.getpass("Repeat the new passphrase: ") != first:
        raise BadInput("the two passphrases differ; nothing was changed")
    return first


def cmd_passwd(args: argparse.Namespace) -> int:
    from ichigoapp.cli import emit, open_vault_for
    from ichigoapp.store import KeyMode

    with open_vault_for(args, write=True) as vault:
        if args.to_keychain:
            target = KeyMode.KEYCHAIN
        elif args.to_passphrase:
            target = KeyMode.PASSPHRASE
        else:
            target = vault.key_mode  # same mode: a new passphrase, or a new random key
        passphrase = _new_passphrase() if target is KeyMode.PASSPHRASE else None
        meta = vault.change_key(target, passphrase)
        path = vault.path
    how = (
        "a new random key kept in the system keychain"
        if meta.key_mode is KeyMode.KEYCHAIN
        else "your new passphrase: a lost passphrase means lost data"
    )
    emit(
        args,
        {"vault": str(path), "key_mode": meta.key_mode.value},
        f"The vault {path} is now protected by {how}. The old key no longer opens it; "
        "automatic backups made before this change still need the old one.",
    )
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("passwd", cmd_passwd, "change the vault's passphrase or key mode")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--to-passphrase", dest="to_passphrase", action="store_true",
        help="protect the vault with a passphrase instead of the keychain",
    )  # fmt: skip
    group.add_argument(
        "--to-keychain", dest="to_keychain", action="store_true",
        help="keep a new random key in the system keychain instead of a passphrase",
    )  # fmt: skip
