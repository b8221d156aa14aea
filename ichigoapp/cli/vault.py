"""``ichigo init``, ``passwd``, ``backup`` and ``restore``: the vault file itself."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ichigoapp.cli.common import (
    Commands,
    ask_passphrase,
    emit,
    open_vault_for,
    vault_path,
    writing,
)
from ichigoapp.errors import EXIT_OK, BadInput, KeyUnavailable
from ichigoapp.i18n import _, ngettext

NEW_PASSPHRASE_ENV = "ICHIGO_NEW_PASSPHRASE"  # noqa: S105 (the variable name, not a secret)


ALLOW_WEAK = "--allow-weak-passphrase"


def _strong_enough(args: argparse.Namespace, passphrase: str) -> str:
    """``passphrase`` if the strength check passes (or the user said a weak one is
    fine); else WeakPassphrase, one line saying why and what to do."""
    from ichigoapp.store.strength import check_new_passphrase

    check_new_passphrase(
        passphrase,
        allow_weak=args.allow_weak_passphrase,
        how_to_confirm=_("pass {option}").format(option=ALLOW_WEAK),
        context=[vault_path(args).stem],
    )
    return passphrase


def _new_vault_passphrase(args: argparse.Namespace) -> Callable[[str], str | None]:
    def ask(prompt: str) -> str | None:
        if not sys.stdin.isatty():
            return None
        from ichigoapp.store import keys

        why = (
            _(
                "The system keychain here stores passwords unencrypted, so this vault will "
                "be protected by a passphrase."
            )
            if args.keychain or keys.plaintext_backend() is not None
            else _(
                "No system keychain is available, so this vault will be protected by a passphrase."
            )
        )
        lost = _("There is no way to recover a forgotten passphrase: without it the data is lost.")
        sys.stderr.write(f"{why}\n{lost}\n")
        first = getpass.getpass(f"{prompt}: ")
        if not first:
            return None
        if getpass.getpass(_("Repeat the passphrase: ")) != first:
            raise BadInput(_("the two passphrases differ; nothing was created"))
        return _strong_enough(args, first)

    return ask


def cmd_init(args: argparse.Namespace) -> int:
    from ichigoapp.store import KeyMode, create_vault, keys

    mode = None
    if args.keychain:
        mode = KeyMode.KEYCHAIN
    elif args.passphrase:
        mode = KeyMode.PASSPHRASE
    given = None if args.keychain else keys.passphrase_from_env()
    if given:  # the vault will be protected by it: rate it first
        _strong_enough(args, given)
    with create_vault(
        vault_path(args), mode=mode, ask_passphrase=_new_vault_passphrase(args)
    ) as vault:
        data = {"vault": str(vault.path), "key_mode": vault.key_mode.value}
        note = (
            _("Created vault {path}; the key is kept in the system keychain.")
            if vault.key_mode is KeyMode.KEYCHAIN
            else _(
                "Created vault {path}; it is protected by your passphrase: "
                "a lost passphrase means lost data."
            )
        )
        emit(args, data, note.format(path=vault.path))
    return EXIT_OK


def add_init(commands: Commands) -> None:
    p = commands.add("init", cmd_init, _("create a vault (keychain if usable, else passphrase)"))
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--keychain", action="store_true", help=_("keep a random key in the keychain")
    )
    group.add_argument(
        "--passphrase", action="store_true", help=_("protect with a passphrase instead")
    )
    _allow_weak_option(p)


def _allow_weak_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        ALLOW_WEAK,
        dest="allow_weak_passphrase",
        action="store_true",
        help=_("accept a new passphrase the strength check calls weak"),
    )


def _new_passphrase(args: argparse.Namespace) -> str:
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value:
        return _strong_enough(args, value)
    if not sys.stdin.isatty():
        raise KeyUnavailable(
            _("no new passphrase: set {variable} or run this in a terminal").format(
                variable=NEW_PASSPHRASE_ENV
            )
        )
    first = getpass.getpass(_("New passphrase: "))
    if not first:
        raise BadInput(_("empty passphrase; nothing was changed"))
    if getpass.getpass(_("Repeat the new passphrase: ")) != first:
        raise BadInput(_("the two passphrases differ; nothing was changed"))
    return _strong_enough(args, first)


def cmd_passwd(args: argparse.Namespace) -> int:
    from ichigoapp.store import KeyMode

    with open_vault_for(args, write=True) as vault:
        was = vault.key_mode
        if args.to_keychain:
            target = KeyMode.KEYCHAIN
        elif args.to_passphrase:
            target = KeyMode.PASSPHRASE
        else:
            target = vault.key_mode  # same mode: a new passphrase, or a new random key
        passphrase = _new_passphrase(args) if target is KeyMode.PASSPHRASE else None
        meta = vault.change_key(target, passphrase)
        path = vault.path
    how = (
        _(
            "The vault {path} is now protected by a new random key kept in the system "
            "keychain. The old key no longer opens it."
        )
        if meta.key_mode is KeyMode.KEYCHAIN
        else _(
            "The vault {path} is now protected by your new passphrase: a lost passphrase "
            "means lost data. The old key no longer opens it."
        )
    )
    backups = (
        _(
            "Backups made before this change still open: their keychain key is kept until "
            "they are rotated out."
        )
        if was is KeyMode.KEYCHAIN
        else _("Backups made before this change still need the old passphrase.")
    )
    emit(
        args,
        {"vault": str(path), "key_mode": meta.key_mode.value},
        how.format(path=path) + " " + backups,
    )
    return EXIT_OK


def add_passwd(commands: Commands) -> None:
    p = commands.add("passwd", cmd_passwd, _("change the vault's passphrase or key mode"))
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--to-passphrase",
        dest="to_passphrase",
        action="store_true",
        help=_("protect the vault with a passphrase instead of the keychain"),
    )
    group.add_argument(
        "--to-keychain",
        dest="to_keychain",
        action="store_true",
        help=_("keep a new random key in the system keychain instead of a passphrase"),
    )
    _allow_weak_option(p)


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    with open_vault_for(args, write=False, verify=True) as vault:  # no copy of a damaged one
        vault.backup_to(out)
        mode = vault.key_mode.value
    emit(
        args,
        {"backup": str(out.absolute()), "key_mode": mode},
        (
            _("Backed up to {file} (encrypted with the vault's keychain key).")
            if mode == "keychain"
            else _("Backed up to {file} (encrypted with the vault's passphrase key).")
        ).format(file=out),
    )
    return EXIT_OK


def add_backup(commands: Commands) -> None:
    p = commands.add("backup", cmd_backup, _("write an encrypted backup of the vault"))
    p.add_argument("out", metavar="OUT")


def cmd_check(args: argparse.Namespace) -> int:
    """Every page's HMAC and every b-tree: the check a command skips for speed."""
    import time

    path = vault_path(args)
    started = time.perf_counter()
    with open_vault_for(args, write=False, verify=True) as vault:
        size = vault.path.stat().st_size
    seconds = time.perf_counter() - started
    emit(
        args,
        {"vault": str(path.expanduser().absolute()), "ok": True, "bytes": size},
        _("The vault {path} is sound: every page checked ({size} MB in {seconds} s).").format(
            path=path, size=f"{size / 1e6:.1f}", seconds=f"{seconds:.1f}"
        ),
    )
    return EXIT_OK


def add_check(commands: Commands) -> None:
    commands.add("check", cmd_check, _("check every page of the vault for damage"))


def cmd_security(args: argparse.Namespace) -> int:
    """What protects the vault and what weakens it (services/security.py)."""
    from ichigoapp.services.security import security_report

    with open_vault_for(args, write=False, verify=False) as vault:
        report = security_report(vault)
    emit(args, report, lambda: _security_text(report))
    return EXIT_OK


def _security_text(report: dict[str, Any]) -> str:
    kdf = report["kdf"]
    if report["key_mode"] == "keychain":
        key = _("a random 256-bit key kept in the system keychain (no passphrase to guess)")
    else:
        key = _("your passphrase, stretched by {rounds} rounds of {algorithm}").format(
            rounds=f"{kdf['iterations']:,}", algorithm=kdf["algorithm"]
        )
    check = report["last_check"]
    if check is None:
        checked = _("never recorded (run `ichigo check`)")
    else:
        checked = (_("{when}, passed") if check["ok"] else _("{when}, FAILED")).format(
            when=check["at"]
        )
    minutes = report["autolock_minutes"]
    if minutes is None:
        autolock = _("not set in the vault (the app's own setting applies)")
    elif minutes == 0:
        autolock = _("off")
    else:
        autolock = ngettext(
            "after %(n)d minute without input", "after %(n)d minutes without input", minutes
        ) % {"n": minutes}
    lines = [
        _("Vault: {path}").format(path=report["vault"]),
        _("Key: {key}").format(key=key),
        _(
            "Cipher: {cipher} with {hmac} on every {page_size}-byte page "
            "(SQLCipher {version}, compatibility {compatibility})"
        ).format(
            cipher=report["cipher"],
            hmac=kdf["hmac"],
            page_size=kdf["page_size"],
            version=report["sqlcipher"],
            compatibility=kdf["cipher_compatibility"],
        ),
        _("Last full check: {checked}").format(checked=checked),
        _("Auto-lock: {autolock}").format(autolock=autolock),
    ]
    backups = report["backups"]
    lines.append(_("Backups in the backup folder: {n}").format(n=len(backups)))
    for b in backups:
        state = {True: _("opens"), False: _("DOES NOT OPEN"), None: _("not tried")}[b["opens"]]
        lines.append(
            _("  {name}: {key}; {state}").format(
                name=Path(b["path"]).name, key=b["key"], state=state
            )
        )
    weaknesses = report["weaknesses"]
    if weaknesses:
        lines.append(_("Weaknesses found: {n}").format(n=len(weaknesses)))
        lines += [f"  - {w['message']}" for w in weaknesses]
    else:
        lines.append(_("Weaknesses found: none"))
    return "\n".join(lines)


def add_security(commands: Commands) -> None:
    commands.add(
        "security", cmd_security, _("how the vault is protected, its backups' keys, weaknesses")
    )


def cmd_restore(args: argparse.Namespace) -> int:
    from ichigoapp.store.restore import restore_vault

    source = Path(args.source).expanduser()
    with restore_vault(source, vault_path(args), ask_passphrase=ask_passphrase) as vault:
        path = vault.path
    emit(args, {"vault": str(path)}, _("Restored into {path}.").format(path=path))
    return EXIT_OK


def add_restore(commands: Commands) -> None:
    p = commands.add("restore", cmd_restore, _("restore a backup into a new vault (--vault NEW)"))
    p.add_argument("source", metavar="FROM")


def cmd_import_json(args: argparse.Namespace) -> int:
    from ichigoapp.services.common import plural
    from ichigoapp.services.json_io import import_json

    source = Path(args.file).expanduser()
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(
            _("cannot read {file}: {reason}").format(file=source, reason=exc.strerror or exc)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(_("{file} is not JSON ({error})").format(file=source, error=exc)) from None
    with writing(args) as session:
        counts = import_json(session, data)
    said = [plural(n, kind[:-1]) for kind, n in counts.items()]
    emit(
        args,
        counts,
        _("Read back {items} and {last}.").format(items=", ".join(said[:-1]), last=said[-1]),
    )
    return EXIT_OK


def add_import_json(commands: Commands) -> None:
    p = commands.add(
        "import-json", cmd_import_json, _("read `export --format json` back into an empty vault")
    )
    p.add_argument("file", metavar="FILE")
