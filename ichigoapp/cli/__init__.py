"""The ``ichigo`` command line (DESIGN section 7: a stable contract).

Exit codes: 0 ok, 2 bad input, 3 vault locked or wrong key, 1 anything else. A user
error is one line on stderr, never a traceback. Handlers call services only.

One module per group of commands (``vault``, ``contacts``, ``journal``, ``calendar``,
``sources``, ``today``, ``search``, ``compose``, ``prep``), the shared parts in ``common``;
:func:`build_parser` lists every command in the order ``ichigo --help`` shows them.
Each handler imports the services it calls: ``ichigo gui`` (what the desktop entry
runs) must reach its window without loading SQLAlchemy first (see ``app.run_gui``),
and ``ichigo import`` need not load printing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ichigoapp import __version__, i18n
from ichigoapp.cli import (
    calendar,
    compose,
    contacts,
    journal,
    prep,
    search,
    sources,
    today,
    vault,
)
from ichigoapp.cli.common import Commands, Handler, Parser, vault_path
from ichigoapp.errors import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, IchigoError
from ichigoapp.i18n import _
from ichigoapp.store.hardening import disable_core_dumps


def cmd_gui(args: argparse.Namespace) -> int:
    from ichigoapp.app import run_gui

    return run_gui(vault_path=vault_path(args), files=[Path(f) for f in args.files or []])


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ichigo", description=_("Ichigo: treat every meeting as the only one."))
    parser.add_argument("--version", action="version", version=f"ichigo {__version__}")
    parser.add_argument(
        "--vault", default=None, help=_("vault file (default: $ICHIGO_VAULT or the data dir)")
    )
    parser.add_argument("--json", action="store_true", default=False, help=_("JSON on stdout"))
    commands = Commands(
        parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND"),
        actions=False,
    )
    p = commands.add("gui", cmd_gui, _("open the app"))
    p.add_argument("files", nargs="*", help=_("calendar files to offer for import"))
    vault.add_init(commands)
    contacts.add_me(commands)
    contacts.add_contacts(commands)
    journal.add_encounters(commands)
    journal.add_reflect(commands)
    journal.add_promise(commands)
    calendar.add_meetings(commands)
    calendar.add_import(commands)
    sources.add_calendars(commands)
    sources.add_addressbooks(commands)
    sources.add_sync(commands)
    today.add_today(commands)
    today.add_agenda(commands)
    search.add_search(commands)
    compose.add_compose(commands)
    compose.add_thanks(commands)
    prep.add_prep(commands)
    contacts.add_import_contacts(commands)
    contacts.add_export(commands)
    vault.add_import_json(commands)
    vault.add_backup(commands)
    vault.add_check(commands)
    vault.add_security(commands)
    vault.add_restore(commands)
    vault.add_passwd(commands)
    return parser


def _setup_logging() -> None:
    level = logging.DEBUG if os.environ.get("ICHIGO_DEBUG") else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# The desktop and the file manager run `ichigo FILE`; those files open the app.
OPENABLE = (".ics", ".ical", ".vcf", ".eml", ".mbox")


def _files_open_the_app(argv: list[str]) -> list[str]:
    """``ichigo FILE...`` and ``ichigo --vault V FILE...`` are ``ichigo gui FILE...``
    (no arguments at all too): the first word that is not a global option decides."""
    n = 0
    while n < len(argv):
        word = argv[n]
        if word == "--vault":
            n += 2
        elif word.startswith("--vault=") or word == "--json":
            n += 1
        else:
            break
    if n >= len(argv):
        return [*argv, "gui"] if not any(a in ("-h", "--help", "--version") for a in argv) else argv
    first = argv[n]
    if first.lower().endswith(OPENABLE) and Path(first).exists():
        return [*argv[:n], "gui", *argv[n:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: a process that may come to hold a vault key never dumps core.
    disable_core_dumps()
    _setup_logging()
    # ICHIGO_LANG or the system locale: messages, argparse's own words, dates in text.
    i18n.activate()
    argv = _files_open_the_app(list(sys.argv[1:] if argv is None else argv))
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        handler: Handler = getattr(args, "handler", cmd_gui)
        if not hasattr(args, "files"):
            args.files = []
        return handler(args)
    except IchigoError as exc:
        sys.stderr.write(f"ichigo: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(
            "ichigo: " + _("interrupted; nothing was changed by the unfinished command") + "\n"
        )
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without data that may be private
        from ichigoapp.store.recovery import user_error_for

        # A damaged page, a full disk or a read-only folder met outside the engine's own
        # translation (file writes, raw driver calls) is still the user's to act on.
        mapped = user_error_for(exc, vault_path(args) if args is not None else None, None)
        if mapped is not None:
            sys.stderr.write(f"ichigo: {mapped.message}\n")
            return mapped.exit_code
        if os.environ.get("ICHIGO_DEBUG"):
            raise
        message = _(
            "unexpected internal error ({error}); "
            "run again with ICHIGO_DEBUG=1 for details and please report it"
        ).format(error=type(exc).__name__)
        sys.stderr.write(f"ichigo: {message}\n")
        return EXIT_FAILURE


__all__ = ["EXIT_BAD_INPUT", "build_parser", "main"]
