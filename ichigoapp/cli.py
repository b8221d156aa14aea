"""The ``ichigo`` command line (DESIGN section 7: a stable contract).

Exit codes: 0 ok, 2 bad input, 3 vault locked or wrong key, 1 anything else. A user
error is one line on stderr, never a traceback. Handlers call services only.

Each handler imports the services it calls. ``ichigo gui`` (what the desktop entry
runs) must reach its window without loading SQLAlchemy and the services first: the app
shows its window before it opens the vault (see ``app.run_gui``); `ichigo import` need
not load the printing code either.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ichigoapp import __version__, paths
from ichigoapp.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_OK,
    BadInput,
    IchigoError,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault

log = logging.getLogger("ichigoapp.cli")

Handler = Callable[[argparse.Namespace], int]


class CliUsageError(BadInput):
    """argparse found the command line malformed."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as for every other bad input, instead of argparse's usage block.
        raise CliUsageError(f"{message} (see `{self.prog} --help`)")


# ---------------------------------------------------------------------------- output


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")


def ask_passphrase(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"{prompt}: ") or None


def _ask_new_passphrase(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    sys.stderr.write(
        "No system keychain is available, so this vault will be protected by a passphrase.\n"
        "There is no way to recover a forgotten passphrase: without it the data is lost.\n"
    )
    first = getpass.getpass(f"{prompt}: ")
    if not first:
        return None
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise BadInput("the two passphrases differ; nothing was created")
    return first


def vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else paths.default_vault_path()


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


def open_vault_for(args: argparse.Namespace, *, write: bool) -> Vault:
    from ichigoapp.store import open_vault

    return open_vault(vault_path(args), ask_passphrase=ask_passphrase, write=write, lock_wait_s=2.0)


# ---------------------------------------------------------------------------- handlers


def cmd_gui(args: argparse.Namespace) -> int:
    from ichigoapp.app import run_gui

    return run_gui(vault_path=vault_path(args), files=[Path(f) for f in args.files or []])


def cmd_init(args: argparse.Namespace) -> int:
    from ichigoapp.store import KeyMode, create_vault

    mode = None
    if args.keychain:
        mode = KeyMode.KEYCHAIN
    elif args.passphrase:
        mode = KeyMode.PASSPHRASE
    with create_vault(vault_path(args), mode=mode, ask_passphrase=_ask_new_passphrase) as vault:
        data = {"vault": str(vault.path), "key_mode": vault.key_mode.value}
        note = (
            "the key is kept in the system keychain"
            if vault.key_mode is KeyMode.KEYCHAIN
            else "it is protected by your passphrase: a lost passphrase means lost data"
        )
        emit(args, data, f"Created vault {vault.path}; {note}.")
    return EXIT_OK


def cmd_me(args: argparse.Namespace) -> int:
    from ichigoapp.services import me as me_svc

    if not args.email and not args.name:
        with reading(args) as session:
            data = {"emails": sorted(me_svc.my_emails(session)), "names": me_svc.my_names(session)}
        emit(args, data, lambda: "\n".join([*data["emails"], *data["names"]]) or "(not set)")
        return EXIT_OK
    with writing(args) as session:
        me_svc.set_me(session, args.email or [], args.name or [])
        data = {"emails": sorted(me_svc.my_emails(session)), "names": me_svc.my_names(session)}
    emit(args, data, "Saved: " + ", ".join([*data["emails"], *data["names"]]))
    return EXIT_OK


def cmd_contacts_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    data = contact_svc.ContactInput(
        name=args.name,
        emails=args.email or [],
        phones=args.phone or [],
        links=args.link or [],
        company=args.company or "",
        title=args.title or "",
        location=args.location or "",
        how_we_met=args.how_we_met or "",
        interests=args.interest or [],
        notes=args.note or "",
        tags=args.tag or [],
        keep_in_touch_days=args.cadence,
    )
    with writing(args) as session:
        contact = contact_svc.add_contact(session, data)
        ident = contact.id
    emit(args, {"id": ident}, str(ident))
    return EXIT_OK


def _contact_line(row: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (row["title"], row["company"]) if x)
    email = row["emails"][0] if row["emails"] else ""
    return (
        f"{row['id']:>5}  {row['name']}"
        + (f"  ({extra})" if extra else "")
        + (f"  <{email}>" if email else "")
    )


def cmd_contacts_list(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with reading(args) as session:
        rows = [contact_svc.contact_summary(c) for c in contact_svc.list_contacts(session)]
    emit(args, rows, lambda: "\n".join(_contact_line(r) for r in rows) or "No contacts yet.")
    return EXIT_OK


def _contact_text(data: dict[str, Any]) -> str:
    lines = [f"{data['name']} (id {data['id']})"]
    for label, key in (("Title", "title"), ("Company", "company"), ("Location", "location"),
                       ("How we met", "how_we_met"), ("Notes", "notes")):  # fmt: skip
        if data.get(key):
            lines.append(f"  {label}: {data[key]}")
    if data["emails"]:
        lines.append("  Emails: " + ", ".join(data["emails"]))
    if data["interests"]:
        lines.append("  Cares about: " + ", ".join(data["interests"]))
    if data["encounters"]:
        lines.append("  Encounters:")
        lines += [f"    {e['id']:>5}  {e['start'][:16]}  {e['title']}  [{e['status']}]"
                  for e in data["encounters"]]  # fmt: skip
    if data["promises"]:
        lines.append("  Promises:")
        for p in data["promises"]:
            who = "I promised" if p["direction"] == "mine" else "They promised"
            state = f"done {p['done_on']}" if p["done_on"] else "open"
            lines.append(f"    {p['id']:>5}  {who}: {p['text']}  [{state}]")
    return "\n".join(lines)


def cmd_contacts_show(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with reading(args) as session:
        data = contact_svc.contact_detail(session, args.id)
    emit(args, data, lambda: _contact_text(data))
    return EXIT_OK


def cmd_encounters_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import encounters as encounter_svc
    from ichigoapp.services.common import parse_instant

    start = parse_instant(args.start, "--start")
    end = parse_instant(args.end, "--end") if args.end else None
    data = encounter_svc.EncounterInput(
        title=args.title,
        start=start,
        end=end,
        kind=args.kind,
        location=args.location or "",
        intention=args.intention or "",
        notes=args.notes or "",
        contact_ids=args.with_ or [],
    )
    with writing(args) as session:
        ident = encounter_svc.add_encounter(session, data).id
    emit(args, {"id": ident}, str(ident))
    return EXIT_OK


def cmd_reflect(args: argparse.Namespace) -> int:
    from ichigoapp.services import reflections as reflection_svc

    data = reflection_svc.ReflectionInput(
        learned=args.learned,
        went_well=args.went_well,
        improve=args.improve,
        gratitude=args.gratitude,
        thanks_sent=True if args.thanks_sent else None,
        next_time=args.next_time,
    )
    with writing(args) as session:
        ident = reflection_svc.reflect(session, args.encounter_id, data).id
    emit(args, {"id": ident}, str(ident))
    return EXIT_OK


def cmd_promise_add(args: argparse.Namespace) -> int:
    from ichigoapp.model import PromiseDirection
    from ichigoapp.services import reflections as reflection_svc
    from ichigoapp.services.common import parse_day

    direction = PromiseDirection.MINE if args.mine else PromiseDirection.THEIRS
    due = parse_day(args.due, "--due") if args.due else None
    with writing(args) as session:
        ident = reflection_svc.add_promise(
            session,
            text=args.text,
            direction=direction,
            encounter_id=args.encounter,
            contact_id=args.contact,
            due=due,
        ).id
    emit(args, {"id": ident}, str(ident))
    return EXIT_OK


def cmd_promise_done(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc
    from ichigoapp.services import reflections as reflection_svc

    with writing(args) as session:
        promise = reflection_svc.set_promise_done(session, args.id, done=not args.undo)
        data = contact_svc.promise_dict(promise)
    emit(args, data, f"Promise {args.id} {'reopened' if args.undo else 'done'}.")
    return EXIT_OK


def _window(args: argparse.Namespace, default_days: int) -> tuple[datetime, datetime]:
    from ichigoapp.services.common import day_start, parse_day

    start = day_start(parse_day(args.from_, "--from")) if args.from_ else None
    end = day_start(parse_day(args.to, "--to")) + timedelta(days=1) if args.to else None
    if start is None:
        start = day_start(datetime.now(UTC).astimezone().date())
    if end is None:
        end = start + timedelta(days=default_days)
    if end <= start:
        raise BadInput("--to must not be before --from")
    return start, end


def cmd_meetings(args: argparse.Namespace) -> int:
    from ichigoapp.services import encounters as encounter_svc

    start, end = _window(args, default_days=7)
    now = datetime.now(UTC)
    with reading(args) as session:
        rows = [
            encounter_svc.meeting_dict(e, now)
            for e in encounter_svc.list_encounters(session, start, end)
        ]

    def text() -> str:
        out = []
        for r in rows:
            people = ", ".join(a["name"] for a in r["attendees"])
            line = f"{r['id']:>5}  {r['start'][:16]}  {r['title']}  [{r['status']}]"
            out.append(line + (f"\n       with {people}" if people else ""))
        return "\n".join(out) or "No meetings in that period."

    emit(args, rows, text)
    return EXIT_OK


# ---------------------------------------------------------------------------- parser


def _common(parser: argparse.ArgumentParser) -> None:
    # Accepted both before and after the command; SUPPRESS keeps the top-level value.
    parser.add_argument("--vault", default=argparse.SUPPRESS, help="vault file")
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ichigo", description="Ichigo: treat every meeting as the only one.")
    parser.add_argument("--version", action="version", version=f"ichigo {__version__}")
    parser.add_argument(
        "--vault", default=None, help="vault file (default: $ICHIGO_VAULT or the data dir)"
    )
    parser.add_argument("--json", action="store_true", default=False, help="JSON on stdout")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def action(
        group: argparse._SubParsersAction[_Parser], name: str, handler: Handler, help_text: str
    ) -> argparse.ArgumentParser:
        """A second-level command (``contacts add``) with --vault/--json like every other."""
        p = group.add_parser(name, help=help_text)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    def command(name: str, handler: Handler, help_text: str, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, **kw)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    p = command("gui", cmd_gui, "open the app")
    p.add_argument("files", nargs="*", help="calendar files to offer for import")

    p = command("init", cmd_init, "create a vault (keychain if usable, else passphrase)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--keychain", action="store_true", help="keep a random key in the keychain")
    group.add_argument(
        "--passphrase", action="store_true", help="protect with a passphrase instead"
    )

    p = command("me", cmd_me, "tell Ichigo your own addresses and names")
    p.add_argument("--email", action="append", help="one of your addresses (repeatable)")
    p.add_argument("--name", action="append", help="a name you go by (repeatable)")

    contacts = command("contacts", _needs_subcommand, "manage contacts")
    csub = contacts.add_subparsers(dest="contacts_command", parser_class=_Parser, metavar="ACTION")
    p = action(csub, "add", cmd_contacts_add, "add a contact")
    p.add_argument("--name", required=True)
    p.add_argument("--email", action="append", help="repeatable")
    p.add_argument("--phone", action="append", help="repeatable")
    p.add_argument("--link", action="append", help="a profile URL (repeatable)")
    p.add_argument("--company")
    p.add_argument("--title")
    p.add_argument("--location")
    p.add_argument("--how-we-met", dest="how_we_met")
    p.add_argument("--interest", action="append", help="what they care about (repeatable)")
    p.add_argument("--tag", action="append", help="repeatable")
    p.add_argument("--note")
    p.add_argument("--cadence", type=int, help="keep in touch every N days")
    p = action(csub, "list", cmd_contacts_list, "list contacts")
    p = action(csub, "show", cmd_contacts_show, "show one contact with their history")
    p.add_argument("id", type=int)

    encounters = command("encounters", _needs_subcommand, "manage encounters")
    esub = encounters.add_subparsers(
        dest="encounters_command", parser_class=_Parser, metavar="ACTION"
    )
    p = action(esub, "add", cmd_encounters_add, "record an encounter")
    p.add_argument("--title", required=True)
    p.add_argument("--start", required=True, help="ISO 8601, e.g. 2026-05-04T09:30")
    p.add_argument("--end")
    p.add_argument("--kind", default="meeting", help="meeting, call, coffee, meal, event...")
    p.add_argument("--location")
    p.add_argument("--intention", help="what would make this one meeting unique")
    p.add_argument("--notes")
    p.add_argument("--with", dest="with_", type=int, action="append", metavar="CONTACT_ID")

    p = command("reflect", cmd_reflect, "write or update the reflection on an encounter")
    p.add_argument("encounter_id", type=int)
    p.add_argument("--learned", help="what I learned about them")
    p.add_argument("--went-well", dest="went_well")
    p.add_argument("--improve", help="what to do better")
    p.add_argument("--gratitude", help="what I am thankful for")
    p.add_argument("--thanks-sent", dest="thanks_sent", action="store_true")
    p.add_argument("--next-time", dest="next_time", help="notes for next time")

    promise = command("promise", _needs_subcommand, "promises made in encounters")
    psub = promise.add_subparsers(dest="promise_command", parser_class=_Parser, metavar="ACTION")
    p = action(psub, "add", cmd_promise_add, "record a promise")
    p.add_argument("--encounter", type=int)
    p.add_argument("--contact", type=int)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--mine", action="store_true", help="I promised them")
    who.add_argument("--theirs", action="store_true", help="they promised me")
    p.add_argument("--text", required=True)
    p.add_argument("--due", help="YYYY-MM-DD")
    p = action(psub, "done", cmd_promise_done, "mark a promise done")
    p.add_argument("id", type=int)
    p.add_argument("--undo", action="store_true", help="reopen it")

    p = command("meetings", cmd_meetings, "list meetings (default: the next 7 days)")
    p.add_argument("--from", dest="from_", help="YYYY-MM-DD")
    p.add_argument("--to", help="YYYY-MM-DD (inclusive)")

    _register_more(command)
    return parser


def _register_more(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Commands living in their own modules (import, prep, contacts interop)."""
    from ichigoapp import cli_more

    cli_more.register(command)


def _needs_subcommand(args: argparse.Namespace) -> int:
    raise CliUsageError(f"`ichigo {args.command}` needs an action (see `ichigo {args.command} -h`)")


# ---------------------------------------------------------------------------- main


def _setup_logging() -> None:
    level = logging.DEBUG if os.environ.get("ICHIGO_DEBUG") else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main(argv: Sequence[str] | None = None) -> int:
    _setup_logging()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].lower().endswith((".ics", ".vcf")) and Path(argv[0]).exists()):
        argv = ["gui", *argv]
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
        sys.stderr.write("ichigo: interrupted; nothing was changed by the unfinished command\n")
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
        sys.stderr.write(
            f"ichigo: unexpected internal error ({type(exc).__name__}); "
            "run again with ICHIGO_DEBUG=1 for details and please report it\n"
        )
        return EXIT_FAILURE


__all__ = ["EXIT_BAD_INPUT", "build_parser", "main"]
