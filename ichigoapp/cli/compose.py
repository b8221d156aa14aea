"""``ichigo compose thanks|followup`` (a draft for the mail program) and ``ichigo
thanks`` (who of a meeting was thanked; ``--sent`` records it)."""

from __future__ import annotations

import argparse
from typing import Any

from ichigoapp.cli.common import CliUsageError, Commands, emit, reading, writing
from ichigoapp.errors import EXIT_OK
from ichigoapp.i18n import _


def cmd_compose_thanks(args: argparse.Namespace) -> int:
    from ichigoapp.services.compose import thanks_draft

    with reading(args) as session:
        draft = thanks_draft(session, args.encounter_id, args.contact)
    emit(args, draft.as_json(), draft.as_text)
    return EXIT_OK


def cmd_compose_followup(args: argparse.Namespace) -> int:
    from ichigoapp.services.compose import followup_draft

    with reading(args) as session:
        draft = followup_draft(session, args.promise_id)
    emit(args, draft.as_json(), draft.as_text)
    return EXIT_OK


def add_compose(commands: Commands) -> None:
    actions = commands.group("compose", _("draft a message to open in your mail program"))
    p = actions.add("thanks", cmd_compose_thanks, _("a thank-you from a meeting's gratitude line"))
    p.add_argument("encounter_id", type=int, metavar="ENCOUNTER")
    p.add_argument(
        "--contact", type=int, metavar="ID", help=_("to this person only (default: the meeting)")
    )
    p = actions.add("followup", cmd_compose_followup, _("a follow-up on a promise you made"))
    p.add_argument("promise_id", type=int, metavar="PROMISE")


def _status_text(data: dict[str, Any]) -> str:
    from datetime import date

    from ichigoapp.i18n import format_date

    state = _("everyone thanked") if data["everyone_thanked"] else _("thanks still to send")
    lines = [f"{data['title']}: {state}"]
    for person in data["people"]:
        said = (
            _("thanked {date}").format(
                date=format_date(date.fromisoformat(person["thanked_on"][:10]))
            )
            if person["thanked_on"]
            else _("not yet thanked")
        )
        contact = _("contact {id}").format(id=person["contact_id"])
        lines.append(f"  {person['name']} ({contact}): {said}")
    return "\n".join(lines)


def cmd_thanks(args: argparse.Namespace) -> int:
    from ichigoapp.services.thanks import mark_thanks_sent, thanks_status

    if args.sent:
        with writing(args) as session:
            mark_thanks_sent(session, args.encounter_id, args.contact)
            data = thanks_status(session, args.encounter_id)
    else:
        if args.contact is not None:
            raise CliUsageError(_("--contact goes with --sent (see `ichigo thanks --help`)"))
        with reading(args) as session:
            data = thanks_status(session, args.encounter_id)
    emit(args, data, lambda: _status_text(data))
    return EXIT_OK


def add_thanks(commands: Commands) -> None:
    p = commands.add(
        "thanks", cmd_thanks, _("who of a meeting was thanked; --sent records that you said it")
    )
    p.add_argument("encounter_id", type=int, metavar="ENCOUNTER")
    p.add_argument("--sent", action="store_true", help=_("record the thanks as sent"))
    p.add_argument(
        "--contact", type=int, metavar="ID", help=_("to this person only (default: everyone)")
    )
