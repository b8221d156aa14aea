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


def test_export_json_reads_back_into_a_new_vault_with_every_contact_identical(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    v = ["--vault", str(vault_file)]
    people = [
        ["--name", "Aiko Tanaka", "--email", "aiko@example.org", "--tag", "design"],
        ["--name", "Lars Berg", "--company", "Nord", "--note", "Likes sauna"],
    ]
    for person in people:
        assert run_cli(*v, "contacts", "add", *person, env=env).code == 0
    details = ["--birthday", "1990-07-01", "--pronouns", "she/her"]
    details += ["--pronunciation", "たなか あいこ", "--detail", "Tea=sencha"]
    edited = run_cli(*v, "contacts", "edit", "1", *details, env=env)
    assert edited.code == 0, edited.err
    assert run_cli(*v, "contacts", "edit", "1", "--private", "birthday", env=env).code == 0
    coffee = ["--title", "Coffee", "--start", "2026-05-04T09:30", "--with", "1", "--with", "2"]
    met = run_cli(*v, "--json", "encounters", "add", *coffee, env=env).json()["id"]
    assert run_cli(*v, "reflect", str(met), "--learned", "Moving to Oslo", env=env).code == 0
    promised = ["--encounter", str(met), "--contact", "2", "--mine", "--text", "Send the paper"]
    assert run_cli(*v, "promise", "add", *promised, env=env).code == 0

    out, again = tmp_path / "all.json", tmp_path / "again.json"
    assert run_cli(*v, "export", "--format", "json", str(out), env=env).code == 0
    copy = ["--vault", str(tmp_path / "copy.vault")]
    assert run_cli(*copy, "init", env=env).code == 0
    read = run_cli(*copy, "--json", "import-json", str(out), env=env)
    assert read.code == 0, read.err
    assert read.json() == {"contacts": 2, "encounters": 1, "reflections": 1, "promises": 1}
    for contact in ("1", "2"):
        shown = [run_cli(*w, "--json", "contacts", "show", contact, env=env).out for w in (v, copy)]
        assert shown[0] == shown[1]
    assert run_cli(*copy, "export", "--format", "json", str(again), env=env).code == 0

    def stable(path: Path) -> dict[str, object]:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("exported_at")
        return data  # type: ignore[no-any-return]

    assert stable(again) == stable(out)
    twice = run_cli(*copy, "import-json", str(out), env=env)
    assert twice.code == 2 and "needs an empty vault" in twice.err
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = run_cli(*copy, "import-json", str(tmp_path / "bad.json"), env=env)
    assert bad.code == 2 and "is not JSON" in bad.err
