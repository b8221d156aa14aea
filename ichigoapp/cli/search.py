"""``ichigo search QUERY``: the app's search as you type, on the command line.

The same service as the app's search field (``services/search.py``), so it finds the
same things in any script: contacts first (names and companies before other mentions),
then encounters, reflections and promises.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ichigoapp.cli.common import Commands, emit, reading
from ichigoapp.errors import EXIT_OK, BadInput
from ichigoapp.i18n import _

if TYPE_CHECKING:
    from ichigoapp.services.search import SearchHit

DEFAULT_LIMIT = 20


def _headings() -> dict[str, str]:
    return {
        "contact": _("Contacts"),
        "encounter": _("Encounters"),
        "reflection": _("Reflections"),
        "promise": _("Promises"),
    }


def _snippet(hit: SearchHit) -> str:
    """Where the words were found; for a meeting found by its title, when it is."""
    if hit.kind == "encounter" and hit.snippet == hit.subtitle and hit.subtitle:
        from ichigoapp.i18n import format_datetime
        from ichigoapp.services.common import local_zone

        try:
            start = datetime.fromisoformat(hit.subtitle).replace(tzinfo=UTC)
        except ValueError:
            return hit.snippet
        return format_datetime(start.astimezone(local_zone()))
    return hit.snippet


def _rows(hits: list[SearchHit]) -> list[dict[str, Any]]:
    return [{"kind": h.kind, "id": h.id, "title": h.title, "snippet": _snippet(h)} for h in hits]


def _text(rows: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    headings = _headings()
    width = max((len(str(r["id"])) for r in rows), default=0)
    last = None
    for row in rows:
        if row["kind"] != last:
            lines.append(headings[row["kind"]])
            last = row["kind"]
        line = f"  {row['id']:>{width}}  {row['title']}"
        lines.append(line + (f"  —  {row['snippet']}" if row["snippet"] else ""))
    return "\n".join(lines) or _("No matches.")


def cmd_search(args: argparse.Namespace) -> int:
    from ichigoapp.services.search import search

    query = " ".join(args.query).strip()
    if not query:
        raise BadInput(_("say what to search for"))
    if args.limit < 1:
        raise BadInput(_("--limit must be at least 1"))
    with reading(args) as session:
        hits = search(session, query, limit_per_kind=args.limit, snippets=True)
    rows = _rows(hits)
    emit(args, rows, lambda: _text(rows))
    return EXIT_OK


def add_search(commands: Commands) -> None:
    p = commands.add(
        "search",
        cmd_search,
        _("find contacts, encounters, reflections and promises, in any script"),
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help=_("words, names or readings"))
    p.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=_("at most N hits of each kind (default: %(default)s)"),
    )
