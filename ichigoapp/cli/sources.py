"""``ichigo calendars add|list|remove`` and ``ichigo sync``: calendars followed live.

Passwords never come from an argument (they would show in the process list and the
shell's history): the terminal asks, or ``ICHIGO_DAV_PASSWORD`` holds it. A link may be
given as ``-`` to read it from standard input, keeping its token out of the history.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ichigoapp.cli.common import Commands, emit, open_vault_for, reading
from ichigoapp.errors import EXIT_FAILURE, EXIT_OK, BadInput
from ichigoapp.i18n import _, ngettext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.services.syncing import SyncReport

PASSWORD_ENV = "ICHIGO_DAV_PASSWORD"  # noqa: S105 (the variable's name, not a password)


def _link(value: str) -> str:
    if value != "-":
        return value
    line = sys.stdin.readline().strip()
    if not line:
        raise BadInput(_("no calendar link on standard input"))
    return line


def _password(user: str, host: str) -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise BadInput(
            _("a password is needed for {user}: type it at a terminal or set {variable}").format(
                user=user, variable=PASSWORD_ENV
            )
        )
    password = getpass.getpass(_("Password for {user} at {host}: ").format(user=user, host=host))
    if not password:
        raise BadInput(_("no password given"))
    return password


def _kind(args: argparse.Namespace, url: str) -> str:
    if args.kind:
        return str(args.kind)
    lowered = url.lower()
    if lowered.startswith(("webcal:", "webcals:")) or lowered.split("?")[0].endswith(".ics"):
        return "ics"
    return "caldav" if args.user else "ics"


def cmd_calendars_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc
    from ichigoapp.services.sources import (
        DEFAULT_EVERY_MINUTES,
        SourceKind,
        host_of,
        normalise_url,
    )
    from ichigoapp.services.syncing import add_and_sync, discover_calendars, pick_calendars

    url = normalise_url(_link(args.url))
    kind = SourceKind(_kind(args, url))
    if kind == SourceKind.ICS and args.calendar:
        raise BadInput(_("--calendar is for CalDAV accounts; a calendar link is one calendar"))
    if kind == SourceKind.CALDAV and not args.user:
        raise BadInput(_("a CalDAV account needs --user"))
    password = _password(args.user, host_of(url)) if args.user else ""
    every = DEFAULT_EVERY_MINUTES if args.every is None else args.every
    with open_vault_for(args, write=True) as vault:
        with vault.session() as session:  # a clear clash before any network work
            source_svc.check_name(session, args.name)
            source_svc.check_every(every)
        calendars = []
        if kind == SourceKind.CALDAV:
            found = discover_calendars(url, args.user, password, args.name)
            calendars = pick_calendars(found, args.calendar or [])
        source_id, report = add_and_sync(
            vault.transaction,
            name=args.name,
            kind=kind,
            url=url,
            username=args.user or "",
            password=password,
            calendars=calendars,
            every_minutes=every,
        )
        with vault.session() as session:
            shown = source_svc.source_dict(source_svc.get_source(session, source_id))
    emit(
        args,
        shown,
        lambda: (
            _("Added calendar {id} '{name}'.").format(id=source_id, name=shown["name"])
            + "\n"
            + _line(report)
        ),
    )
    return EXIT_OK


def cmd_calendars_list(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc

    with reading(args) as session:
        rows = [
            source_svc.source_dict(s)
            for s in source_svc.list_sources(session, source_svc.CALENDAR_KINDS)
        ]

    def text() -> str:
        lines = []
        for r in rows:
            when = _synced(r["last_sync"])
            followed = f" ({', '.join(r['calendars'])})" if r["calendars"] else ""
            every = ngettext(
                "every %(n)d min, last synced %(when)s",
                "every %(n)d min, last synced %(when)s",
                r["every_minutes"],
            ) % {"n": r["every_minutes"], "when": when}
            lines.append(
                f"{r['id']:>4}  {r['name']}  [{r['kind']}]  {r['url']}{followed}\n"
                f"      {every}" + (_last_error(r["last_error"]) if r["last_error"] else "")
            )
        return "\n".join(lines) or _("No calendars followed. Add one with `ichigo calendars add`.")

    emit(args, rows, text)
    return EXIT_OK


def _source_of_kind(session: Session, source_id: int, kinds: Sequence[str], what: str) -> str:
    """The name of source ``source_id`` if it is one of ``kinds``; else NotFound with
    ``what`` (a translated message with ``{id}``)."""
    from ichigoapp.errors import NotFound
    from ichigoapp.services import sources as source_svc

    source = source_svc.get_source(session, source_id)
    if source.kind not in kinds:
        raise NotFound(what.format(id=source_id))
    return source.name


def cmd_calendars_remove(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc

    with open_vault_for(args, write=True) as vault, vault.transaction() as session:
        name = _source_of_kind(
            session, args.id, source_svc.CALENDAR_KINDS, _("no calendar source with id {id}")
        )
        removed = source_svc.remove_source(session, args.id, forget_meetings=args.forget_meetings)
    if args.forget_meetings:
        said = ngettext(
            "Stopped following '{name}'. {n} meeting removed.",
            "Stopped following '{name}'. {n} meetings removed.",
            removed,
        )
    else:
        said = _("Stopped following '{name}'; its meetings stay in the vault.")
    emit(args, {"id": args.id, "removed_meetings": removed}, said.format(name=name, n=removed))
    return EXIT_OK


def _line(report: SyncReport) -> str:
    if not report.ok:
        return _("{name}: failed: {error}").format(name=report.name, error=report.error)
    if report.not_modified:
        return _("{name}: no changes.").format(name=report.name)
    if report.kind == "carddav":
        text = _(
            "{name}: {pulled_created} new contacts, {pulled_updated} updated, {unlinked} "
            "unlinked (their cards were deleted; the contacts stay); {pushed_created} cards "
            "written, {pushed_updated} updated, {pushed_deleted} deleted; {merged} merged."
        ).format(
            name=report.name,
            pulled_created=report.pulled_created,
            pulled_updated=report.pulled_updated,
            unlinked=report.unlinked,
            pushed_created=report.pushed_created,
            pushed_updated=report.pushed_updated,
            pushed_deleted=report.pushed_deleted,
            merged=report.conflicts_merged,
        )
        for err in report.errors:
            text += "\n  " + _("problem with card {uid}: {message}").format(
                uid=err["uid"], message=err["message"]
            )
        return text
    text = _(
        "{name}: {created} new, {updated} updated, {unchanged} unchanged, {cancelled} "
        "cancelled, {removed} removed; {new_people} new people to triage."
    ).format(
        name=report.name,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        cancelled=report.cancelled,
        removed=report.removed,
        new_people=report.new_people,
    )
    for err in report.errors:
        uid = f" (UID {err['uid']})" if err.get("uid") else ""
        text += "\n  " + _("problem{uid}: {message}").format(uid=uid, message=err["message"])
    return text


def _synced(iso: str | None) -> str:
    """When a source last synced, in the user's locale; "never" before the first."""
    if not iso:
        return _("never")
    from datetime import datetime

    from ichigoapp.i18n import format_datetime
    from ichigoapp.services.common import local_zone

    return format_datetime(datetime.fromisoformat(iso).astimezone(local_zone()))


def _last_error(error: str) -> str:
    return "\n      " + _("last error: {error}").format(error=error)


def cmd_sync(args: argparse.Namespace) -> int:
    from ichigoapp.services.syncing import sync_sources

    with open_vault_for(args, write=True) as vault:
        reports = sync_sources(
            vault.transaction, args.ids or None, allow_mass_changes=args.allow_mass_changes
        )
    emit(
        args,
        {"sources": [r.to_json() for r in reports]},
        lambda: "\n".join(_line(r) for r in reports) or _("No calendars to sync."),
    )
    return EXIT_OK if all(r.ok for r in reports) else EXIT_FAILURE


def add_calendars(commands: Commands) -> None:
    group = commands.group("calendars", _("calendars followed live (links and CalDAV accounts)"))
    p = group.add("add", cmd_calendars_add, _("follow a calendar link or a CalDAV account"))
    p.add_argument("name", help=_("a name for it, say Work"))
    p.add_argument("url", help=_("the link or server address; - reads it from standard input"))
    p.add_argument("--kind", choices=["ics", "caldav"], help=_("default: guessed from the address"))
    p.add_argument("--user", default="", help=_("CalDAV user name (the password is asked)"))
    p.add_argument(
        "--calendar", action="append", metavar="NAME", help=_("follow this calendar (repeatable)")
    )
    p.add_argument("--every", type=int, metavar="MINUTES", help=_("sync interval (default 15)"))
    group.add("list", cmd_calendars_list, _("the calendars followed"))
    p = group.add("remove", cmd_calendars_remove, _("stop following a calendar"))
    p.add_argument("id", type=int)
    p.add_argument(
        "--forget-meetings",
        action="store_true",
        help=_("also delete its meetings that hold nothing of yours"),
    )


def cmd_addressbooks_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc
    from ichigoapp.services.addressbooks import discover_address_books, pick_address_book
    from ichigoapp.services.sources import DEFAULT_EVERY_MINUTES, SourceKind, host_of
    from ichigoapp.services.syncing import add_and_sync

    url = source_svc.normalise_url(_link(args.url))
    password = _password(args.user, host_of(url))
    every = DEFAULT_EVERY_MINUTES if args.every is None else args.every
    with open_vault_for(args, write=True) as vault:
        with vault.session() as session:
            source_svc.check_name(session, args.name)
            source_svc.check_every(every)
            push = source_svc.check_push(session, args.push)
        book = pick_address_book(
            discover_address_books(url, args.user, password, args.name), args.addressbook or ""
        )
        source_id, report = add_and_sync(
            vault.transaction,
            name=args.name,
            kind=SourceKind.CARDDAV,
            url=url,
            username=args.user,
            password=password,
            calendars=[book],
            every_minutes=every,
            push=push,
        )
        with vault.session() as session:
            shown = source_svc.address_book_dict(source_svc.get_source(session, source_id))
    emit(
        args,
        shown,
        lambda: (
            _("Added address book {id} '{name}'.").format(id=source_id, name=shown["name"])
            + "\n"
            + _line(report)
        ),
    )
    return EXIT_OK


def cmd_addressbooks_list(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc

    with reading(args) as session:
        rows = [
            source_svc.address_book_dict(s)
            for s in source_svc.list_sources(session, source_svc.ADDRESS_BOOK_KINDS)
        ]

    def text() -> str:
        lines = []
        for r in rows:
            synced = _("last synced {when}").format(when=_synced(r["last_sync"]))
            lines.append(
                f"{r['id']:>4}  {r['name']}  {r['url']}, {source_svc.describe_push(r['push'])}, "
                f"{synced}" + (_last_error(r["last_error"]) if r["last_error"] else "")
            )
        return "\n".join(lines) or _(
            "No address books linked. Add one with `ichigo addressbooks add`."
        )

    emit(args, rows, text)
    return EXIT_OK


def cmd_addressbooks_remove(args: argparse.Namespace) -> int:
    from ichigoapp.services import sources as source_svc

    with open_vault_for(args, write=True) as vault, vault.transaction() as session:
        name = _source_of_kind(
            session, args.id, source_svc.ADDRESS_BOOK_KINDS, _("no address book with id {id}")
        )
        source_svc.remove_source(session, args.id)
    emit(
        args,
        {"id": args.id},
        _("Unlinked '{name}'; its contacts stay in the vault.").format(name=name),
    )
    return EXIT_OK


def add_addressbooks(commands: Commands) -> None:
    group = commands.group("addressbooks", _("address books synced with CardDAV servers"))
    p = group.add("add", cmd_addressbooks_add, _("link a CardDAV address book"))
    p.add_argument("name", help=_("a name for it, say Phone"))
    p.add_argument("url", help=_("the server address; - reads it from standard input"))
    p.add_argument("--user", required=True, help=_("user name (the password is asked)"))
    p.add_argument("--addressbook", metavar="NAME", help=_("which address book, if several"))
    p.add_argument(
        "--push",
        default="none",
        metavar="all|none|tag:TAG",
        help=_(
            "which contacts are written to the address book: all, none (pull only, the "
            "default) or those with a tag"
        ),
    )
    p.add_argument("--every", type=int, metavar="MINUTES", help=_("sync interval (default 15)"))
    group.add("list", cmd_addressbooks_list, _("the address books linked"))
    p = group.add("remove", cmd_addressbooks_remove, _("unlink an address book (contacts stay)"))
    p.add_argument("id", type=int)


def add_sync(commands: Commands) -> None:
    p = commands.add("sync", cmd_sync, _("sync the calendars and address books followed"))
    p.add_argument("ids", nargs="*", type=int, metavar="SOURCE_ID")
    p.add_argument(
        "--allow-mass-changes",
        action="store_true",
        help=_("let an address book sync delete or overwrite more than a tenth of its contacts"),
    )
