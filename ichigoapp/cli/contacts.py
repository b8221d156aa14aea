"""``ichigo me``, ``contacts add|list|show``, ``import-contacts`` and ``export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ichigoapp.cli.common import Commands, emit, open_vault_for, reading, writing
from ichigoapp.errors import EXIT_OK, BadInput
from ichigoapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def cmd_me(args: argparse.Namespace) -> int:
    from ichigoapp.services import me as me_svc
    from ichigoapp.services.identity import phone_region, set_phone_region

    def about_me(session: Session) -> dict[str, Any]:
        return {
            "emails": sorted(me_svc.my_emails(session)),
            "names": me_svc.my_names(session),
            "phone_region": phone_region(session),
        }

    if not args.email and not args.name and args.phone_region is None:
        with reading(args) as session:
            data = about_me(session)
        mine = [*data["emails"], *data["names"]]
        if data["phone_region"]:
            mine.append(_("Phone region: {region}").format(region=data["phone_region"]))
        emit(args, data, lambda: "\n".join(mine) or _("(not set)"))
        return EXIT_OK
    with writing(args) as session:
        if args.email or args.name:
            me_svc.set_me(session, args.email or [], args.name or [])
        if args.phone_region is not None:
            set_phone_region(session, args.phone_region)
        data = about_me(session)
    region = data["phone_region"]
    said = [*data["emails"], *data["names"]]
    if region:
        said.append(_("phone numbers without + are read as {region}'s").format(region=region))
    emit(args, data, _("Saved: {what}").format(what="; ".join(said)))
    return EXIT_OK


def add_me(commands: Commands) -> None:
    p = commands.add("me", cmd_me, _("tell Ichigo your own addresses and names"))
    p.add_argument("--email", action="append", help=_("one of your addresses (repeatable)"))
    p.add_argument("--name", action="append", help=_("a name you go by (repeatable)"))
    p.add_argument(
        "--phone-region",
        metavar="CC",
        help=_("your country (JP, DE...): numbers written without + are read as its numbers"),
    )


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
    emit(args, rows, lambda: "\n".join(_contact_line(r) for r in rows) or _("No contacts yet."))
    return EXIT_OK


_DETAIL_LINES = (
    (N_("Title"), "title"),
    (N_("Company"), "company"),
    (N_("Location"), "location"),
    (N_("Pronouns"), "pronouns"),
    (N_("Pronunciation"), "pronunciation"),
    (N_("Birthday"), "birthday"),
    (N_("How we met"), "how_we_met"),
    (N_("Notes"), "notes"),
)


def _contact_text(data: dict[str, Any]) -> str:
    lines = [f"{data['name']} (id {data['id']})"]
    lines += [f"  {_(label)}: {data[key]}" for label, key in _DETAIL_LINES if data.get(key)]
    if data["emails"]:
        lines.append("  " + _("Emails: {list}").format(list=", ".join(data["emails"])))
    if data["phones"]:
        lines.append("  " + _("Phones: {list}").format(list=", ".join(data["phones"])))
    if data["interests"]:
        lines.append("  " + _("Cares about: {list}").format(list=", ".join(data["interests"])))
    for detail in data["details"]:
        private = _(" (private)") if detail["private"] else ""
        lines.append(f"  {detail['label'] or _('Detail')}: {detail['value']}{private}")
    if data["encounters"]:
        lines.append("  " + _("Encounters:"))
        lines += [
            f"    {e['id']:>5}  {e['start'][:16]}  {e['title']}  [{e['status']}]"
            for e in data["encounters"]
        ]
    if data["promises"]:
        lines.append("  " + _("Promises:"))
        for p in data["promises"]:
            who = _("I promised") if p["direction"] == "mine" else _("They promised")
            state = _("done {date}").format(date=p["done_on"]) if p["done_on"] else _("open")
            lines.append(f"    {p['id']:>5}  {who}: {p['text']}  [{state}]")
    return "\n".join(lines)


def cmd_contacts_show(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with reading(args) as session:
        data = contact_svc.contact_detail(session, args.id)
    emit(args, data, lambda: _contact_text(data))
    return EXIT_OK


def _edit(data: Any, args: argparse.Namespace) -> None:
    """Apply the flags of ``contacts edit`` to the contact's form."""
    from ichigoapp.services.common import parse_birthday_input, parse_day
    from ichigoapp.services.contacts import set_private

    for flag in (
        "name",
        "given_name",
        "family_name",
        "name_order",
        "company",
        "title",
        "location",
        "how_we_met",
        "pronouns",
        "pronunciation",
    ):
        value = getattr(args, flag)
        if value is not None:
            setattr(data, flag, value)
    for flag, field in (
        ("email", "emails"),
        ("phone", "phones"),
        ("link", "links"),
        ("interest", "interests"),
        ("tag", "tags"),
    ):
        values = getattr(args, flag)
        if values is not None:  # repeated flags replace the whole list
            setattr(data, field, [v for v in values if v.strip()])
    if args.note is not None:
        data.notes = args.note
    if args.birthday is not None:
        birthday = args.birthday
        data.birthday = parse_birthday_input(birthday, "--birthday") if birthday else None
    if args.met_on is not None:
        data.met_on = parse_day(args.met_on, "--met-on") if args.met_on else None
    if args.met_through is not None:
        data.met_through_id = args.met_through or None
    if args.cadence is not None:
        data.keep_in_touch_days = args.cadence or None
    for detail in args.detail or []:
        label, sep, value = detail.partition("=")
        if not sep or not value.strip():
            raise BadInput(
                _("--detail '{detail}' needs the form LABEL=VALUE").format(detail=detail)
            )
        data.details.append((label.strip(), value.strip(), False))
    set_private(data, args.private or [], True)
    set_private(data, args.public or [], False)


def cmd_contacts_edit(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc

    with writing(args) as session:
        data = contact_svc.contact_form(session, args.id)
        _edit(data, args)
        contact_svc.update_contact(session, args.id, data)
        shown = contact_svc.contact_detail(session, args.id)
    emit(args, shown, _("Saved {name} (id {id}).").format(name=shown["name"], id=shown["id"]))
    return EXIT_OK


def _pair_text(rows: list[dict[str, Any]], names: dict[int, str]) -> str:
    return "\n".join(
        f"{a:>5} {b:>5}  {row['reason']} ({row['score']:.2f}): {names[a]} / {names[b]}"
        for row in rows
        for a, b in [row["ids"]]
    )


def cmd_contacts_duplicates(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc
    from ichigoapp.services.duplicates import find_duplicates

    with reading(args) as session:
        rows = [s.to_json() for s in find_duplicates(session)]
        names = {c.id: c.display_name for c in contact_svc.list_contacts(session)}
    emit(args, rows, lambda: _pair_text(rows, names) or _("No possible duplicates."))
    return EXIT_OK


def cmd_contacts_merge(args: argparse.Namespace) -> int:
    from ichigoapp.services import contacts as contact_svc
    from ichigoapp.services.merging import merge_contacts

    if args.keep == args.other:
        raise BadInput(_("cannot merge a contact with itself"))
    with open_vault_for(args, write=True) as vault:
        with vault.session() as session:  # both exist, before a backup is made for them
            other_name = contact_svc.contact_detail(session, args.other)["name"]
            contact_svc.contact_detail(session, args.keep)
        vault.auto_backup("before-merge")
        with vault.transaction() as session:
            merge_contacts(session, args.keep, args.other)
            shown = contact_svc.contact_detail(session, args.keep)
    emit(
        args,
        shown,
        _("Merged {other} into {name} (id {id}).").format(
            other=other_name, name=shown["name"], id=shown["id"]
        ),
    )
    return EXIT_OK


def cmd_contacts_not_duplicates(args: argparse.Namespace) -> int:
    from ichigoapp.services.duplicates import not_duplicates

    with writing(args) as session:
        not_duplicates(session, args.first, args.second)
    pair = sorted((args.first, args.second))
    emit(
        args,
        {"ids": pair},
        _("Noted: {a} and {b} are two people.").format(a=pair[0], b=pair[1]),
    )
    return EXIT_OK


def _add_edit(actions: Commands) -> None:
    p = actions.add("edit", cmd_contacts_edit, _("change a contact's fields"))
    p.add_argument("id", type=int)
    p.add_argument("--name")
    p.add_argument("--email", action="append", help=_("repeatable; replaces the addresses"))
    p.add_argument("--phone", action="append", help=_("repeatable; replaces the numbers"))
    p.add_argument("--link", action="append", help=_("repeatable; replaces the links"))
    p.add_argument("--company")
    p.add_argument("--title")
    p.add_argument("--location")
    p.add_argument(
        "--birthday", help=_("YYYY-MM-DD, or --birthday=--MM-DD without the year (empty clears)")
    )
    p.add_argument("--pronouns")
    p.add_argument("--pronunciation", help=_("how to say the name, e.g. a reading in kana"))
    p.add_argument("--given-name", dest="given_name")
    p.add_argument("--family-name", dest="family_name")
    p.add_argument(
        "--name-order",
        dest="name_order",
        choices=["auto", "given-first", "family-first"],
        help=_(
            "which of the given and family names comes first (auto: family first "
            "for a name in Japanese, Chinese or Korean script)"
        ),
    )
    p.add_argument("--how-we-met", dest="how_we_met")
    p.add_argument("--met-on", dest="met_on", help=_("YYYY-MM-DD (empty to clear)"))
    p.add_argument(
        "--met-through",
        dest="met_through",
        type=int,
        metavar="ID",
        help=_("who introduced you (0 to clear)"),
    )
    p.add_argument("--interest", action="append", help=_("repeatable; replaces the interests"))
    p.add_argument("--tag", action="append", help=_("repeatable; replaces the tags"))
    p.add_argument("--note")
    p.add_argument(
        "--cadence", type=int, metavar="DAYS", help=_("keep in touch every N days (0 to clear)")
    )
    p.add_argument("--detail", action="append", metavar="LABEL=VALUE", help=_("repeatable; adds"))
    p.add_argument("--private", action="append", metavar="FIELD", help=_("repeatable"))
    p.add_argument("--public", action="append", metavar="FIELD", help=_("repeatable"))


def add_contacts(commands: Commands) -> None:
    actions = commands.group("contacts", _("manage contacts"))
    p = actions.add("add", cmd_contacts_add, _("add a contact"))
    p.add_argument("--name", required=True)
    p.add_argument("--email", action="append", help=_("repeatable"))
    p.add_argument("--phone", action="append", help=_("repeatable"))
    p.add_argument("--link", action="append", help=_("a profile URL (repeatable)"))
    p.add_argument("--company")
    p.add_argument("--title")
    p.add_argument("--location")
    p.add_argument("--how-we-met", dest="how_we_met")
    p.add_argument("--interest", action="append", help=_("what they care about (repeatable)"))
    p.add_argument("--tag", action="append", help=_("repeatable"))
    p.add_argument("--note")
    p.add_argument("--cadence", type=int, help=_("keep in touch every N days"))
    actions.add("list", cmd_contacts_list, _("list contacts"))
    p = actions.add("show", cmd_contacts_show, _("show one contact with their history"))
    p.add_argument("id", type=int)
    _add_edit(actions)
    actions.add("duplicates", cmd_contacts_duplicates, _("list possible duplicates"))
    p = actions.add("merge", cmd_contacts_merge, _("merge OTHER into KEEP (backed up first)"))
    p.add_argument("keep", type=int, metavar="KEEP")
    p.add_argument("other", type=int, metavar="OTHER")
    p = actions.add("not-duplicates", cmd_contacts_not_duplicates, _("say A and B are two people"))
    p.add_argument("first", type=int, metavar="A")
    p.add_argument("second", type=int, metavar="B")


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from ichigoapp.services.contacts_io import import_contacts_file

    path = Path(args.file).expanduser()
    with open_vault_for(args, write=True) as vault:
        report = import_contacts_file(vault.transaction, path)

    def text() -> str:
        lines = [
            _(
                "{source}: {created} new, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped."
            ).format(
                source=report.source_kind,
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
                skipped=len(report.skipped),
            )
        ]
        lines += [
            "  " + _("skipped {where}: {reason}").format(where=s["where"], reason=s["reason"])
            for s in report.skipped
        ]
        if report.possible_duplicates:
            lines.append(
                ngettext(
                    "{n} possible duplicate to look at: `ichigo contacts duplicates`.",
                    "{n} possible duplicates to look at: `ichigo contacts duplicates`.",
                    report.possible_duplicates,
                ).format(n=report.possible_duplicates)
            )
        return "\n".join(lines)

    emit(args, report.to_json(), text)
    return EXIT_OK


def add_import_contacts(commands: Commands) -> None:
    p = commands.add(
        "import-contacts", cmd_import_contacts, _("import a LinkedIn/Google CSV or vCard")
    )
    p.add_argument("file", metavar="FILE")


def cmd_export(args: argparse.Namespace) -> int:
    from ichigoapp.services.contacts_io import export_to_file

    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        raise BadInput(
            _("{file} already exists; choose another name or pass --force").format(file=out)
        )
    with reading(args) as session:
        count = export_to_file(session, args.format, out, include_private=args.include_private)
    emit(
        args,
        {"path": str(out), "format": args.format, "contacts": count},
        ngettext(
            "Exported {n} contact to {file}. This file is not encrypted: keep it safe.",
            "Exported {n} contacts to {file}. This file is not encrypted: keep it safe.",
            count,
        ).format(n=count, file=out),
    )
    return EXIT_OK


def add_export(commands: Commands) -> None:
    p = commands.add("export", cmd_export, _("export contacts (vCard) or everything (JSON)"))
    p.add_argument("--format", choices=["json", "vcard"], required=True)
    p.add_argument("--force", action="store_true", help=_("overwrite OUT if it exists"))
    p.add_argument(
        "--include-private",
        action="store_true",
        help=_("vCard: also write the fields marked private (JSON always holds everything)"),
    )
    p.add_argument("out", metavar="OUT")
