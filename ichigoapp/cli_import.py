"""``ichigo import``: calendar files into the vault."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ichigoapp.errors import EXIT_BAD_INPUT, EXIT_OK, BadInput

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
    lines = [
        f"{report.events_seen} events in {report.files} file(s): {report.created} new, "
        f"{report.updated} updated, {report.unchanged} unchanged, "
        f"{report.cancelled} cancelled; {report.new_people} new people to triage."
    ]
    for err in report.errors:
        uid = f" (UID {err['uid']})" if err["uid"] else ""
        lines.append(f"  problem in {err['file']}{uid}: {err['message']}")
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace) -> int:
    from ichigoapp.cli import emit, open_vault_for
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
                raise BadInput("--to must be after --from")
            window = (start, end)
        report = import_calendar(
            vault.transaction, files, window=window, progress=_progress_printer()
        )
    emit(args, report.to_json(), lambda: _summary(report))
    if report.files_failed == report.files:
        for err in report.errors:  # nothing could be read; nothing changed
            sys.stderr.write(f"ichigo: {err['message']}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("import", cmd_import, "import .ics calendars and invites")
    p.add_argument("files", nargs="+", metavar="FILE.ics")
    p.add_argument("--from", dest="from_", help="expand recurring series from YYYY-MM-DD")
    p.add_argument("--to", help="expand recurring series until YYYY-MM-DD")
