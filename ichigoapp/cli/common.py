"""What every command shares: the parser's shape, output, exit codes, opening the vault.

Nothing here loads SQLAlchemy or Qt: ``ichigo gui`` passes through this module on its
way to the window, and each command imports the services it calls itself.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from ichigoapp import paths
from ichigoapp.errors import BadInput
from ichigoapp.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault

Handler = Callable[[argparse.Namespace], int]


class CliUsageError(BadInput):
    """argparse found the command line malformed."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as for every other bad input, instead of argparse's usage block.
        raise CliUsageError(
            _("{message} (see `{command} --help`)").format(message=message, command=self.prog)
        )


def _common_options(parser: argparse.ArgumentParser) -> None:
    # Accepted both before and after the command; SUPPRESS keeps the top-level value.
    parser.add_argument("--vault", default=argparse.SUPPRESS, help=_("vault file"))
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_("machine-readable output")
    )


class Commands:
    """Adds commands (``ichigo NAME``) or actions (``ichigo GROUP NAME``), each taking
    --vault and --json wherever they are written."""

    def __init__(self, subparsers: argparse._SubParsersAction[Parser], *, actions: bool) -> None:
        self._sub = subparsers
        self._actions = actions

    def add(self, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        if self._actions:
            parser = self._sub.add_parser(name, help=help_text)
        else:
            parser = self._sub.add_parser(name, help=help_text, description=help_text)
        _common_options(parser)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, help_text: str) -> Commands:
        """A command that only holds actions (``ichigo contacts add``)."""
        parser = self.add(name, needs_action, help_text)
        sub = parser.add_subparsers(dest=f"{name}_command", parser_class=Parser, metavar="ACTION")
        return Commands(sub, actions=True)


def needs_action(args: argparse.Namespace) -> int:
    raise CliUsageError(
        _("`{command}` needs an action (see `{command} -h`)").format(
            command=f"ichigo {args.command}"
        )
    )


# ---------------------------------------------------------------------------- output


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    """``data`` as JSON with --json, else the text a person reads."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")


# ---------------------------------------------------------------------------- the vault


def ask_passphrase(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"{prompt}: ") or None


def vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else paths.default_vault_path()


def open_vault_for(
    args: argparse.Namespace, *, write: bool, verify: bool | Literal["auto"] = "auto"
) -> Vault:
    """The vault, unlocked. Every page is checked only where it pays ("auto": after a
    writer died without closing it, before the daily backup; ``ichigo check``): a
    damaged page is refused by SQLCipher whenever a command reads it anyway."""
    from ichigoapp.store import open_vault

    return open_vault(
        vault_path(args),
        ask_passphrase=ask_passphrase,
        write=write,
        lock_wait_s=2.0,
        verify=verify,
    )


@contextmanager
def writing(args: argparse.Namespace) -> Iterator[Session]:
    """One transaction on a vault opened for writing (takes the writer lock)."""
    with open_vault_for(args, write=True) as vault, vault.transaction() as session:
        yield session


@contextmanager
def reading(args: argparse.Namespace) -> Iterator[Session]:
    """A read-only look: no writer lock, so it works while the app has the vault open."""
    with open_vault_for(args, write=False) as vault, vault.session() as session:
        yield session
