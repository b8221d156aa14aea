"""``ichigo import`` (calendar files) and ``ichigo meetings``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ichigoapp.cli.common import Commands, emit, open_vault_for, reading, vault_path
from ichigoapp.errors import EXIT_BAD_INPUT, EXIT_OK, BadInput
from ichigoapp.i18n import _, ngettext

if TYPE_CHECKING:
    from ichigoapp.services.importing import ImportReport


def _progress_printer() -> Callable[[str, int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(phase: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r{phase} {done}/{total}   ")
        if phase == "saving" and done >= total:
            sys.stderr.write("\r" + " " * 40 + "\r")
        sys.stderr.flush()

    return show


def _summary(report: ImportReport) -> str:
    from ichigoapp.services.common import plural

    read = (
        _(" ({invitations} in {messages})").format(
            invitations=plural(report.invites, "invitation"),
            messages=plural(report.messages, "message"),
        )
        if report.messages
        else ""
    )
    events = ngettext(
        "{n} event in {files} file(s)", "{n} events in {files} file(s)", report.events_seen
    ).format(n=report.events_seen, files=report.files)
    lines = [
        _(
            "{events}{read}: {created} new, {updated} updated, {unchanged} unchanged, "
            "{cancelled} cancelled; {new_people} new people to triage."
        ).format(
            events=events,
            read=read,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            cancelled=report.cancelled,
            new_people=report.new_people,
        )
    ]
    for err in report.errors:
        uid = f" (UID {err['uid']})" if err["uid"] else ""
        lines.append(
            "  "
            + _("problem in {file}{uid}: {message}").format(
                file=err["file"], uid=uid, message=err["message"]
            )
        )
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace) -> int:
    from ichigoapp.services.common import parse_day
    from ichigoapp.services.importing import import_calendar, import_window

    files = [Path(f).expanduser() for f in args.files]
    with open_vault_for(args, write=True) as vault:
        window = None
        if args.from_ or args.to:
            with vault.session() as session:
                default_start, default_end = import_window(session)
            start = parse_day(args.from_, "--from") if args.from_ else default_start
            end = parse_day(args.to, "--to") if args.to else default_end
            if end <= start:
                raise BadInput(_("--to must be after --from"))
            window = (start, end)
        report = import_calendar(
            vault.transaction, files, window=window, progress=_progress_printer()
        )
    emit(args, report.to_json(), lambda: _summary(report))
    if report.files_failed:
        # An input that could not be read at all changed nothing (the others imported).
        for message in report.failures:
            sys.stderr.write(f"ichigo: {message}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


def add_import(commands: Commands) -> None:
    p = commands.add("import", cmd_import, _("import .ics calendars and invites"))
    p.add_argument("files", nargs="+", metavar="FILE.ics")
    p.add_argument("--from", dest="from_", help=_("expand recurring series from YYYY-MM-DD"))
    p.add_argument("--to", help=_("expand recurring series until YYYY-MM-DD"))


def _window(args: argparse.Namespace, default_days: int) -> tuple[datetime, datetime]:
    from ichigoapp.services.when import day_start, parse_day

    start = day_start(parse_day(args.from_, "--from")) if args.from_ else None
    end = day_start(parse_day(args.to, "--to")) + timedelta(days=1) if args.to else None
    if start is None:
        start = day_start(datetime.now(UTC).astimezone().date())
    if end is None:
        end = start + timedelta(days=default_days)
    if end <= start:
        raise BadInput(_("--to must not be before --from"))
    return start, end


def cmd_meetings(args: argparse.Namespace) -> int:
    from ichigoapp.services.quick_read import vault_meetings

    start, end = _window(args, default_days=7)
    now = datetime.now(UTC)
    # Plain SQL without the ORM or the model on an ordinary vault (scripts call this often);
    # anything unusual (a vault to check, upgrade or ask a passphrase for) takes the
    # ordinary open, which does that and explains.
    rows = vault_meetings(vault_path(args), start, end, now)
    if rows is None:
        from ichigoapp.services import encounters as encounter_svc

        with reading(args) as session:
            rows = [
                encounter_svc.meeting_dict(e, now)
                for e in encounter_svc.list_encounters(session, start, end)
            ]

    def text() -> str:
        from ichigoapp.i18n import format_datetime
        from ichigoapp.services.when import local_zone

        zone = local_zone()
        statuses = {
            "planned": _("planned"),
            "held": _("held"),
            "cancelled": _("cancelled"),
            "removed from calendar": _("removed from calendar"),
        }
        out = []
        for r in rows:
            people = ", ".join(a["name"] for a in r["attendees"])
            start = format_datetime(datetime.fromisoformat(r["start"]).astimezone(zone))
            status = statuses.get(r["status"], r["status"])
            line = f"{r['id']:>5}  {start}  {r['title']}  [{status}]"
            with_people = _("with {people}").format(people=people)
            out.append(line + (f"\n       {with_people}" if people else ""))
        return "\n".join(out) or _("No meetings in that period.")

    emit(args, rows, text)
    return EXIT_OK


def add_meetings(commands: Commands) -> None:
    p = commands.add("meetings", cmd_meetings, _("list meetings (default: the next 7 days)"))
    p.add_argument("--from", dest="from_", help=_("YYYY-MM-DD"))
    p.add_argument("--to", help=_("YYYY-MM-DD (inclusive)"))
