"""``ichigo encounters add``, ``reflect`` and ``promise add|done``: what happened."""

from __future__ import annotations

import argparse

from ichigoapp.cli.common import Commands, emit, writing
from ichigoapp.errors import EXIT_OK
from ichigoapp.i18n import _


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


def add_encounters(commands: Commands) -> None:
    actions = commands.group("encounters", _("manage encounters"))
    p = actions.add("add", cmd_encounters_add, _("record an encounter"))
    p.add_argument("--title", required=True)
    p.add_argument("--start", required=True, help=_("ISO 8601, e.g. 2026-05-04T09:30"))
    p.add_argument("--end")
    p.add_argument("--kind", default="meeting", help=_("meeting, call, coffee, meal, event..."))
    p.add_argument("--location")
    p.add_argument("--intention", help=_("what would make this one meeting unique"))
    p.add_argument("--notes")
    p.add_argument("--with", dest="with_", type=int, action="append", metavar="CONTACT_ID")


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


def add_reflect(commands: Commands) -> None:
    p = commands.add("reflect", cmd_reflect, _("write or update the reflection on an encounter"))
    p.add_argument("encounter_id", type=int)
    p.add_argument("--learned", help=_("what I learned about them"))
    p.add_argument("--went-well", dest="went_well")
    p.add_argument("--improve", help=_("what to do better"))
    p.add_argument("--gratitude", help=_("what I am thankful for"))
    p.add_argument("--thanks-sent", dest="thanks_sent", action="store_true")
    p.add_argument("--next-time", dest="next_time", help=_("notes for next time"))


def cmd_promise_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import reflections as reflection_svc
    from ichigoapp.services.common import parse_day

    direction = (
        reflection_svc.PromiseDirection.MINE
        if args.mine
        else reflection_svc.PromiseDirection.THEIRS
    )
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
    said = _("Promise {id} reopened.") if args.undo else _("Promise {id} done.")
    emit(args, data, said.format(id=args.id))
    return EXIT_OK


def add_promise(commands: Commands) -> None:
    actions = commands.group("promise", _("promises made in encounters"))
    p = actions.add("add", cmd_promise_add, _("record a promise"))
    p.add_argument("--encounter", type=int)
    p.add_argument("--contact", type=int)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--mine", action="store_true", help=_("I promised them"))
    who.add_argument("--theirs", action="store_true", help=_("they promised me"))
    p.add_argument("--text", required=True)
    p.add_argument("--due", help=_("YYYY-MM-DD"))
    p = actions.add("done", cmd_promise_done, _("mark a promise done"))
    p.add_argument("id", type=int)
    p.add_argument("--undo", action="store_true", help=_("reopen it"))
