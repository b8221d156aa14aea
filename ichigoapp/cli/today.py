"""``ichigo today`` (what needs me now) and ``ichigo agenda`` (what Ichigo will say when)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ichigoapp.cli.common import Commands, emit, reading
from ichigoapp.errors import EXIT_OK, BadInput
from ichigoapp.i18n import _, ngettext

if TYPE_CHECKING:
    from ichigoapp.services.reminders import Reminder

AGENDA_DEFAULT = timedelta(hours=24)


def _when(moment: datetime) -> str:
    """ "Sat, Dec 5 2:00 PM", "12月5日(土) 14:00" in the local zone and the user's locale."""
    from ichigoapp.i18n import format_day_short, format_time
    from ichigoapp.services.common import local_zone

    moment = moment.astimezone(local_zone())
    return f"{format_day_short(moment)} {format_time(moment)}"


def _agenda_text(reminders: list[Reminder]) -> str:
    lines = []
    kinds = {"before": _("before"), "after": _("after"), "digest": _("digest")}
    whens = [_when(r.at) for r in reminders]
    width = max((len(w) for w in whens), default=0)
    for when, r in zip(whens, reminders, strict=True):
        lines.append(f"{when:<{width}}  {kinds.get(r.kind.value, r.kind.value):<6}  {r.title}")
        if r.body:
            lines.append(" " * (width + 10) + r.body)
    return "\n".join(lines) or _("No reminders in that period.")


def cmd_agenda(args: argparse.Namespace) -> int:
    from ichigoapp.services.common import parse_instant
    from ichigoapp.services.reminders import discreet_notifications, plan

    start = parse_instant(args.from_, "--from") if args.from_ else datetime.now(UTC)
    end = parse_instant(args.to, "--to") if args.to else start + AGENDA_DEFAULT
    if end <= start:
        raise BadInput(_("--to must be after --from"))
    with reading(args) as session:
        reminders = plan(session, start, end)
        # Exactly what the app would show: without names when the user chose so.
        if discreet_notifications(session):
            reminders = [r.discreet() for r in reminders]
    emit(args, [r.to_json() for r in reminders], lambda: _agenda_text(reminders))
    return EXIT_OK


def add_agenda(commands: Commands) -> None:
    p = commands.add(
        "agenda", cmd_agenda, _("the reminders Ichigo plans (default: the next 24 hours)")
    )
    p.add_argument("--from", dest="from_", help=_("ISO 8601 date-time (default: now)"))
    p.add_argument("--to", help=_("ISO 8601 date-time (default: 24 hours after --from)"))


def _date(iso: str | None) -> str:
    """An ISO date from the JSON shape as the user's locale writes it."""
    from datetime import date

    from ichigoapp.i18n import format_date

    return format_date(date.fromisoformat(iso[:10])) if iso else ""


def _today_text(data: dict[str, list[dict[str, Any]]]) -> str:
    def meeting(row: dict[str, Any]) -> str:
        people = ", ".join(a["name"] for a in row["attendees"])
        start = datetime.fromisoformat(row["start"])
        line = f"{_when(start)}  {row['title']}"
        return line + (_(" (with {people})").format(people=people) if people else "")

    def promise(row: dict[str, Any]) -> str:
        who = _("I promised") if row["direction"] == "mine" else _("promised me")
        due = _("due {date}").format(date=_date(row["due"]))
        if row["overdue"]:
            due = _("{due}, overdue").format(due=due)
        name = row["contact_name"] or _("someone")
        return _("{text} ({name}, {who}; {due})").format(
            text=row["text"], name=name, who=who, due=due
        )

    def thanks(row: dict[str, Any]) -> str:
        people = ", ".join(row["people"])
        return f"{row['title']}: {row['gratitude']}" + (f" ({people})" if people else "")

    def touch(row: dict[str, Any]) -> str:
        days = row["days_since"]
        since = (
            _("never met")
            if days is None
            else ngettext("%(n)d day ago", "%(n)d days ago", days) % {"n": days}
        )
        every = ngettext("every %(n)d day", "every %(n)d days", row["cadence_days"]) % {
            "n": row["cadence_days"]
        }
        return f"{row['name']} ({every}; {since})"

    def birthday(row: dict[str, Any]) -> str:
        days = row["days"]
        when = {0: _("today"), 1: _("tomorrow")}.get(days) or (
            ngettext("in %(n)d day", "in %(n)d days", days) % {"n": days}
        )
        return f"{row['name']}: {when} ({_date(row['on'])})"

    sections = (
        (_("The week ahead"), "week_ahead", meeting),
        (_("Waiting for a reflection"), "awaiting_reflection", meeting),
        (_("Promises due"), "promises_due", promise),
        (_("Thanks to send"), "thanks_to_send", thanks),
        (_("Keep in touch"), "keep_in_touch", touch),
        (_("Birthdays"), "birthdays", birthday),
    )
    out = []
    for heading, key, line in sections:
        if data[key]:
            out.append(heading)
            out += [f"  {line(row)}" for row in data[key]]
    return "\n".join(out) or _("Nothing needs you today.")


def cmd_today(args: argparse.Namespace) -> int:
    from ichigoapp.services.today import overview_json, today_overview

    now = datetime.now(UTC)
    with reading(args) as session:
        # Possible duplicates are not part of the shape and cost a comparison of all.
        data = overview_json(today_overview(session, now, duplicates=False))
    emit(args, data, lambda: _today_text(data))
    return EXIT_OK


def add_today(commands: Commands) -> None:
    commands.add("today", cmd_today, _("what needs you now: meetings, reflections, promises..."))
