"""`import-contacts`, `export`, `backup` and `restore` through the real command."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.cli_helpers import run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"


def test_import_contacts_then_export_both_formats(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    v = ["--vault", str(vault_file)]
    first = run_cli(
        *v, "import-contacts", str(DATA / "google_contacts_current.csv"), "--json", env=env
    )
    assert first.code == 0, first.err
    report = first.json()
    assert report["source"] == "google" and report["created"] > 0
    again = run_cli(
        *v, "import-contacts", str(DATA / "google_contacts_current.csv"), "--json", env=env
    ).json()
    assert again["created"] == 0 and again["unchanged"] == report["created"]

    out = tmp_path / "all.json"
    exported = run_cli(*v, "export", "--format", "json", str(out), "--json", env=env)
    assert exported.code == 0, exported.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "ichigo-export"
    assert len(data["contacts"]) == report["created"]

    cards = tmp_path / "all.vcf"
    assert run_cli(*v, "export", "--format", "vcard", str(cards), env=env).code == 0
    assert cards.read_text(encoding="utf-8").count("BEGIN:VCARD") == report["created"]
    refused = run_cli(*v, "export", "--format", "vcard", str(cards), env=env)
    assert refused.code == 2 and "already exists" in refused.err
    # Not encrypted, so readable by the owner only, whatever the umask (as from the app).
    assert {stat.S_IMODE(f.stat().st_mode) for f in (out, cards)} == {0o600}
    nowhere = run_cli(*v, "export", "--format", "json", str(tmp_path / "no" / "x.json"), env=env)
    assert nowhere.code == 2 and nowhere.err.startswith("ichigo: cannot write ")


def test_unreadable_contacts_file_exits_2_with_one_line(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    junk = tmp_path / "x.csv"
    junk.write_bytes(b"\x00\x01\x02 not contacts")
    result = run_cli("--vault", str(vault_file), "import-contacts", str(junk), env=env)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1


def test_backup_and_restore_into_a_new_vault(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    v = ["--vault", str(vault_file)]
    run_cli(*v, "contacts", "add", "--name", "Sipho Ndlovu", "--note", "RESTORE-ME", env=env)
    backup = tmp_path / "saved" / "backup.vault"
    made = run_cli(*v, "backup", str(backup), "--json", env=env)
    assert made.code == 0, made.err
    assert b"RESTORE-ME" not in backup.read_bytes()

    new = tmp_path / "restored.vault"
    restored = run_cli("--vault", str(new), "restore", str(backup), env=env)
    assert restored.code == 0, restored.err
    listed = run_cli("--vault", str(new), "contacts", "list", "--json", env=env).json()
    assert [c["name"] for c in listed] == ["Sipho Ndlovu"]
    again = run_cli("--vault", str(new), "restore", str(backup), env=env)
    assert again.code == 2 and "already exists" in again.err
