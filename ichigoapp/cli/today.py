"""``ichigo today`` (what needs me now) and ``ichigo agenda`` (what Ichigo will say when)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ichigoapp.cli.common import Commands, emit, reading
from ichigoapp.errors import EXIT_OK, BadInput

if TYPE_CHECKING:
    from ichigoapp.services.reminders import Reminder

AGENDA_DEFAULT = timedelta(hours=24)


def _when(moment: datetime) -> str:
    """ "Mon  4 May 17:05" in the local zone (always 16 characters: columns line up)."""
    from ichigoapp.services.common import local_zone

    moment = moment.astimezone(local_zone())
    return f"{moment:%a} {moment.day:>2} {moment:%b %H:%M}"


def _agenda_text(reminders: list[Reminder]) -> str:
    lines = []
    for r in reminders:
        lines.append(f"{_when(r.at)}  {r.kind.value:<6}  {r.title}")
        if r.body:
            lines.append(" " * 26 + r.body)
    return "\n".join(lines) or "No reminders in that period."


def cmd_agenda(args: argparse.Namespace) -> int:
    from ichigoapp.services.common import parse_instant
    from ichigoapp.services.reminders import discreet_notifications, plan

    start = parse_instant(args.from_, "--from") if args.from_ else datetime.now(UTC)
    end = parse_instant(args.to, "--to") if args.to else start + AGENDA_DEFAULT
    if end <= start:
        raise BadInput("--to must be after --from")
    with reading(args) as session:
        reminders = plan(session, start, end)
        # Exactly what the app would show: without names when the user chose so.
        if discreet_notifications(session):
            reminders = [r.discreet() for r in reminders]
    emit(args, [r.to_json() for r in reminders], lambda: _agenda_text(reminders))
    return EXIT_OK


def add_agenda(commands: Commands) -> None:
    p = commands.add(
        "agenda", cmd_agenda, "the reminders Ichigo plans (default: the next 24 hours)"
    )
    p.add_argument("--from", dest="from_", help="ISO 8601 date-time (default: now)")
    p.add_argument("--to", help="ISO 8601 date-time (default: 24 hours after --from)")


def _today_text(data: dict[str, list[dict[str, Any]]]) -> str:
    def meeting(row: dict[str, Any]) -> str:
        people = ", ".join(a["name"] for a in row["attendees"])
        start = datetime.fromisoformat(row["start"])
        return f"{_when(start)}  {row['title']}" + (f" (with {people})" if people else "")

    def promise(row: dict[str, Any]) -> str:
        who = "I promised" if row["direction"] == "mine" else "promised me"
        due = f"due {row['due']}" + (", overdue" if row["overdue"] else "")
        name = row["contact_name"] or "someone"
        return f"{row['text']} ({name}, {who}; {due})"

    def thanks(row: dict[str, Any]) -> str:
        people = ", ".join(row["people"])
        return f"{row['title']}: {row['gratitude']}" + (f" ({people})" if people else "")

    def touch(row: dict[str, Any]) -> str:
        since = "never met" if row["days_since"] is None else f"{row['days_since']} days ago"
        return f"{row['name']} (every {row['cadence_days']} days; {since})"

    def birthday(row: dict[str, Any]) -> str:
        when = {0: "today", 1: "tomorrow"}.get(row["days"], f"in {row['days']} days")
        return f"{row['name']}: {when} ({row['on']})"

    sections = (
        ("The week ahead", "week_ahead", meeting),
        ("Waiting for a reflection", "awaiting_reflection", meeting),
        ("Promises due", "promises_due", promise),
        ("Thanks to send", "thanks_to_send", thanks),
        ("Keep in touch", "keep_in_touch", touch),
        ("Birthdays", "birthdays", birthday),
    )
    out = []
    for heading, key, line in sections:
        if data[key]:
            out.append(heading)
            out += [f"  {line(row)}" for row in data[key]]
    return "\n".join(out) or "Nothing needs you today."


def cmd_today(args: argparse.Namespace) -> int:
    from ichigoapp.services.today import overview_json, today_overview

    now = datetime.now(UTC)
    with reading(args) as session:
        # Possible duplicates are not part of the shape and cost a comparison of all.
        data = overview_json(today_overview(session, now, duplicates=False))
    emit(args, data, lambda: _today_text(data))
    return EXIT_OK


def add_today(commands: Commands) -> None:
    commands.add("today", cmd_today, "what needs you now: meetings, reflections, promises...")
