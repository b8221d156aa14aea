"""``ichigo prep``: the prep cards of a day, a range or one meeting, as a PDF."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from ichigoapp.cli.common import Commands, emit, reading
from ichigoapp.errors import EXIT_OK, BadInput
from ichigoapp.i18n import _, ngettext

SIZES = ("a6", "a5", "a4", "letter", "index")
SHEET_SIZES = ("a4", "letter")


def cmd_prep(args: argparse.Namespace) -> int:
    from ichigoapp.i18n import format_date
    from ichigoapp.services import prep_card
    from ichigoapp.services.common import day_start, parse_day

    sources = sum(x is not None for x in (args.date, args.encounter)) + bool(args.from_ or args.to)
    if sources != 1:
        raise BadInput(_("give exactly one of --date, --from/--to or --encounter"))
    if (args.from_ is None) != (args.to is None):
        raise BadInput(_("--from and --to go together"))
    if args.sheet and not args.date:
        raise BadInput(_("--sheet prints one day: give it with --date"))
    size = args.size or ("a4" if args.sheet else "a6")
    if args.sheet and size not in SHEET_SIZES:
        raise BadInput(_("a day sheet is printed on A4 or US Letter, not {size}").format(size=size))
    out = Path(args.pdf).expanduser()
    if not out.parent.is_dir():
        raise BadInput(
            _("cannot write {file}: no folder {folder}").format(file=out, folder=out.parent)
        )

    with reading(args) as session:
        if args.encounter is not None:
            cards = [prep_card.build_prep_card(session, args.encounter)]
            what = _("for encounter {id}").format(id=args.encounter)
        else:
            first = parse_day(args.date or args.from_, "--date" if args.date else "--from")
            last = parse_day(args.date or args.to, "--date" if args.date else "--to")
            if last < first:
                raise BadInput(_("--to must not be before --from"))
            start, end = day_start(first), day_start(last + timedelta(days=1))
            cards = prep_card.cards_for_range(session, start, end)
            what = (
                _("on {date}").format(date=format_date(first))
                if first == last
                else _("from {start} to {end}").format(
                    start=format_date(first), end=format_date(last)
                )
            )
    if not cards:
        raise BadInput(_("no meetings {when} (cancelled ones get no card)").format(when=what))

    from ichigoapp.printing.prep_cards import card_size, ensure_app, write_day_sheet, write_pdf

    ensure_app()
    try:
        if args.sheet:
            pages = write_day_sheet(first, cards, out, card_size(size))
        else:
            pages = write_pdf(cards, out, card_size(size))
    except OSError as exc:
        raise BadInput(
            _("cannot write {file}: {reason}").format(file=out, reason=exc.strerror or exc)
        ) from None
    n = len(cards)
    if args.sheet:
        text = ngettext(
            "Wrote the day sheet of {date} ({n} meeting) to {file}",
            "Wrote the day sheet of {date} ({n} meetings) to {file}",
            n,
        ).format(date=format_date(first), n=n, file=out)
    else:
        text = ngettext(
            "Wrote {n} prep card to {file}", "Wrote {n} prep cards to {file}", n
        ).format(n=n, file=out)
    data = {"pdf": str(out), "cards": len(cards), "pages": pages}
    emit(args, data, text)
    return EXIT_OK


def add_prep(commands: Commands) -> None:
    p = commands.add("prep", cmd_prep, _("print prep cards for a day, a range or one meeting"))
    p.add_argument("--date", help=_("YYYY-MM-DD: every meeting that day"))
    p.add_argument("--from", dest="from_", help=_("YYYY-MM-DD (with --to)"))
    p.add_argument("--to", help=_("YYYY-MM-DD, inclusive (with --from)"))
    p.add_argument("--encounter", type=int, help=_("one meeting by id"))
    p.add_argument("--pdf", required=True, metavar="OUT.pdf", help=_("where to write the cards"))
    p.add_argument(
        "--size", choices=SIZES, help=_("paper size (default: a6 for cards, a4 for --sheet)")
    )
    p.add_argument(
        "--sheet",
        action="store_true",
        help=_("the whole day on one A4/Letter page, one line per person (with --date)"),
    )
