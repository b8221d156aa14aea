"""``ichigo prep``: the prep cards of a day, a range or one meeting, as a PDF."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from ichigoapp.cli.common import Commands, emit, reading
from ichigoapp.errors import EXIT_OK, BadInput

SIZES = ("a6", "a5", "a4", "letter", "index")
SHEET_SIZES = ("a4", "letter")


def cmd_prep(args: argparse.Namespace) -> int:
    from ichigoapp.services import prep_card
    from ichigoapp.services.common import day_start, parse_day

    sources = sum(x is not None for x in (args.date, args.encounter)) + bool(args.from_ or args.to)
    if sources != 1:
        raise BadInput("give exactly one of --date, --from/--to or --encounter")
    if (args.from_ is None) != (args.to is None):
        raise BadInput("--from and --to go together")
    if args.sheet and not args.date:
        raise BadInput("--sheet prints one day: give it with --date")
    size = args.size or ("a4" if args.sheet else "a6")
    if args.sheet and size not in SHEET_SIZES:
        raise BadInput(f"a day sheet is printed on A4 or US Letter, not {size}")
    out = Path(args.pdf).expanduser()
    if not out.parent.is_dir():
        raise BadInput(f"cannot write {out}: no folder {out.parent}")

    with reading(args) as session:
        if args.encounter is not None:
            cards = [prep_card.build_prep_card(session, args.encounter)]
            what = f"encounter {args.encounter}"
        else:
            first = parse_day(args.date or args.from_, "--date" if args.date else "--from")
            last = parse_day(args.date or args.to, "--date" if args.date else "--to")
            if last < first:
                raise BadInput("--to must not be before --from")
            start, end = day_start(first), day_start(last + timedelta(days=1))
            cards = prep_card.cards_for_range(session, start, end)
            what = f"on {first}" if first == last else f"from {first} to {last}"
    if not cards:
        raise BadInput(f"no meetings {what} (cancelled ones get no card)")

    from ichigoapp.printing.prep_cards import card_size, ensure_app, write_day_sheet, write_pdf

    ensure_app()
    try:
        if args.sheet:
            pages = write_day_sheet(first, cards, out, card_size(size))
        else:
            pages = write_pdf(cards, out, card_size(size))
    except OSError as exc:
        raise BadInput(f"cannot write {out}: {exc.strerror or exc}") from None
    noun = "meeting" if len(cards) == 1 else "meetings"
    if args.sheet:
        text = f"Wrote the day sheet of {first} ({len(cards)} {noun}) to {out}"
    else:
        text = f"Wrote {len(cards)} prep card{'' if len(cards) == 1 else 's'} to {out}"
    data = {"pdf": str(out), "cards": len(cards), "pages": pages}
    emit(args, data, text)
    return EXIT_OK


def add_prep(commands: Commands) -> None:
    p = commands.add("prep", cmd_prep, "print prep cards for a day, a range or one meeting")
    p.add_argument("--date", help="YYYY-MM-DD: every meeting that day")
    p.add_argument("--from", dest="from_", help="YYYY-MM-DD (with --to)")
    p.add_argument("--to", help="YYYY-MM-DD, inclusive (with --from)")
    p.add_argument("--encounter", type=int, help="one meeting by id")
    p.add_argument("--pdf", required=True, metavar="OUT.pdf", help="where to write the cards")
    p.add_argument(
        "--size", choices=SIZES, help="paper size (default: a6 for cards, a4 for --sheet)"
    )
    p.add_argument(
        "--sheet",
        action="store_true",
        help="the whole day on one A4/Letter page, one line per person (with --date)",
    )
