"""``ichigo me``, ``contacts add|list|show``, ``import-contacts`` and ``export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ichigoapp.cli.common import Commands, emit, open_vault_for, reading, writing
from ichigoapp.errors import EXIT_OK, BadInput


def cmd_me(args: argparse.Namespace) -> int:
    from ichigoapp.services import me as me_svc

    if not args.email and not args.name:
        with reading(args) as session:
            data = {"emails": sorted(me_svc.my_emails(session)), "names": me_svc.my_names(session)}
        emit(args, data, lambda: "\n".join([*data["emails"], *data["names"]]) or "(not set)")
        return EXIT_OK
    with writing(args) as session:
        me_svc.set_me(session, args.email or [], args.name or [])
        data = {"emails": sorted(me_svc.my_emails(session)), "names": me_svc.my_names(session)}
    emit(args, data, "Saved: " + ", ".join([*data["emails"], *data["names"]]))
    return EXIT_OK


def add_me(commands: Commands) -> None:
    p = commands.add("me", cmd_me, "tell Ichigo your own addresses and names")
    p.add_argument("--email", action="append", help="one of your addresses (repeatable)")
    p.add_argument("--name", action="append", help="a name you go by (repeatable)")


def cmd_contacts_add(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    data = contact_svc.ContactInput(
        name=args.name,
        emails=args.email or [],
        phones=args.phone or [],
        links=args.link or [],
        company=args.company or "",
        title=args.title or "",
        location=args.location or "",
        how_we_met=args.how_we_met or "",
        interests=args.interest or [],
        notes=args.note or "",
        tags=args.tag or [],
        keep_in_touch_days=args.cadence,
    )
    with writing(args) as session:
        contact = contact_svc.add_contact(session, data)
        ident = contact.id
    emit(args, {"id": ident}, str(ident))
    return EXIT_OK


def _contact_line(row: dict[str, Any]) -> str:
    extra = ", ".join(x for x in (row["title"], row["company"]) if x)
    email = row["emails"][0] if row["emails"] else ""
    return (
        f"{row['id']:>5}  {row['name']}"
        + (f"  ({extra})" if extra else "")
        + (f"  <{email}>" if email else "")
    )


def cmd_contacts_list(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with reading(args) as session:
        rows = [contact_svc.contact_summary(c) for c in contact_svc.list_contacts(session)]
    emit(args, rows, lambda: "\n".join(_contact_line(r) for r in rows) or "No contacts yet.")
    return EXIT_OK


_DETAIL_LINES = (
    ("Title", "title"),
    ("Company", "company"),
    ("Location", "location"),
    ("How we met", "how_we_met"),
    ("Notes", "notes"),
)


def _contact_text(data: dict[str, Any]) -> str:
    lines = [f"{data['name']} (id {data['id']})"]
    lines += [f"  {label}: {data[key]}" for label, key in _DETAIL_LINES if data.get(key)]
    if data["emails"]:
        lines.append("  Emails: " + ", ".join(data["emails"]))
    if data["interests"]:
        lines.append("  Cares about: " + ", ".join(data["interests"]))
    if data["encounters"]:
        lines.append("  Encounters:")
        lines += [
            f"    {e['id']:>5}  {e['start'][:16]}  {e['title']}  [{e['status']}]"
            for e in data["encounters"]
        ]
    if data["promises"]:
        lines.append("  Promises:")
        for p in data["promises"]:
            who = "I promised" if p["direction"] == "mine" else "They promised"
            state = f"done {p['done_on']}" if p["done_on"] else "open"
            lines.append(f"    {p['id']:>5}  {who}: {p['text']}  [{state}]")
    return "\n".join(lines)


def cmd_contacts_show(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with reading(args) as session:
        data = contact_svc.contact_detail(session, args.id)
    emit(args, data, lambda: _contact_text(data))
    return EXIT_OK


def add_contacts(commands: Commands) -> None:
    actions = commands.group("contacts", "manage contacts")
    p = actions.add("add", cmd_contacts_add, "add a contact")
    p.add_argument("--name", required=True)
    p.add_argument("--email", action="append", help="repeatable")
    p.add_argument("--phone", action="append", help="repeatable")
    p.add_argument("--link", action="append", help="a profile URL (repeatable)")
    p.add_argument("--company")
    p.add_argument("--title")
    p.add_argument("--location")
    p.add_argument("--how-we-met", dest="how_we_met")
    p.add_argument("--interest", action="append", help="what they care about (repeatable)")
    p.add_argument("--tag", action="append", help="repeatable")
    p.add_argument("--note")
    p.add_argument("--cadence", type=int, help="keep in touch every N days")
    actions.add("list", cmd_contacts_list, "list contacts")
    p = actions.add("show", cmd_contacts_show, "show one contact with their history")
    p.add_argument("id", type=int)


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from ichigoapp.services.contacts_io import import_contacts_file

    path = Path(args.file).expanduser()
    with open_vault_for(args, write=True) as vault:
        report = import_contacts_file(vault.transaction, path)

    def text() -> str:
        lines = [
            f"{report.source_kind}: {report.created} new, {report.updated} updated, "
            f"{report.unchanged} unchanged, {len(report.skipped)} skipped."
        ]
        lines += [f"  skipped {s['where']}: {s['reason']}" for s in report.skipped]
        return "\n".join(lines)

    emit(args, report.to_json(), text)
    return EXIT_OK


def add_import_contacts(commands: Commands) -> None:
    p = commands.add(
        "import-contacts", cmd_import_contacts, "import a LinkedIn/Google CSV or vCard"
    )
    p.add_argument("file", metavar="FILE")


def cmd_export(args: argparse.Namespace) -> int:
    from ichigoapp.services.contacts_io import export_to_file

    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        raise BadInput(f"{out} already exists; choose another name or pass --force")
    with reading(args) as session:
        count = export_to_file(session, args.format, out)
    emit(
        args,
        {"path": str(out), "format": args.format, "contacts": count},
        f"Exported {count} contacts to {out}. This file is not encrypted: keep it safe.",
    )
    return EXIT_OK


def add_export(commands: Commands) -> None:
    p = commands.add("export", cmd_export, "export contacts (vCard) or everything (JSON)")
    p.add_argument("--format", choices=["json", "vcard"], required=True)
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("out", metavar="OUT")
