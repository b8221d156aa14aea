"""``ichigo import-contacts``, ``export``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ichigoapp.errors import EXIT_OK, BadInput


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from ichigoapp.cli import emit, open_vault_for
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


def cmd_export(args: argparse.Namespace) -> int:
    from ichigoapp.cli import emit, reading
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


def cmd_backup(args: argparse.Namespace) -> int:
    from ichigoapp.cli import emit, open_vault_for

    out = Path(args.out).expanduser()
    with open_vault_for(args, write=False) as vault:
        vault.backup_to(out)
        mode = vault.key_mode.value
    emit(
        args,
        {"backup": str(out.absolute()), "key_mode": mode},
        f"Backed up to {out} (encrypted with the vault's {mode} key).",
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ichigoapp.cli import ask_passphrase, emit, vault_path
    from ichigoapp.store.restore import restore_vault

    target = vault_path(args)
    with restore_vault(
        Path(args.source).expanduser(), target, ask_passphrase=ask_passphrase
    ) as vault:
        path = vault.path
    emit(args, {"vault": str(path)}, f"Restored into {path}.")
    return EXIT_OK


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("import-contacts", cmd_import_contacts, "import a LinkedIn/Google CSV or vCard")
    p.add_argument("file", metavar="FILE")
    p = command("export", cmd_export, "export contacts (vCard) or everything (JSON)")
    p.add_argument("--format", choices=["json", "vcard"], required=True)
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("out", metavar="OUT")
    p = command("backup", cmd_backup, "write an encrypted backup of the vault")
    p.add_argument("out", metavar="OUT")
    p = command("restore", cmd_restore, "restore a backup into a new vault (--vault NEW)")
    p.add_argument("source", metavar="FROM")
