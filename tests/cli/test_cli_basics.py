"""The command-line contract of DESIGN section 7, through a real subprocess."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from tests.cli_helpers import Result, cli_env, run_cli


def _one_line_error(result: Result, code: int) -> str:
    assert result.code == code, (result.code, result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_init_creates_a_passphrase_vault_and_refuses_a_second_init(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path = tmp_path / "v.ichigo"
    first = run_cli("--vault", str(path), "init", "--json", env=env)
    assert first.code == 0, first.err
    assert first.json() == {"vault": str(path), "key_mode": "passphrase"}
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    again = run_cli("--vault", str(path), "init", env=env)
    assert "already exists" in _one_line_error(again, 2)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_add_list_and_show_contacts_with_history(vault_file: Path, env: dict[str, str]) -> None:
    v = ["--vault", str(vault_file)]
    added = run_cli(
        *v,
        "contacts",
        "add",
        "--name",
        "Hanako Sato",
        "--email",
        "Hanako@Example.JP",
        "--company",
        "Kyoto Tea Co.",
        "--title",
        "Founder",
        "--interest",
        "tea",
        "--interest",
        "ceramics",
        "--note",
        "prefers mornings",
        "--json",
        env=env,
    )
    assert added.code == 0, added.err
    contact_id = added.json()["id"]
    plain = run_cli(*v, "contacts", "add", "--name", "Kofi Mensah", env=env)
    assert plain.code == 0 and plain.out.strip().isdigit()

    listed = run_cli(*v, "contacts", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    rows = {row["name"]: row for row in listed.json()}
    assert rows["Hanako Sato"]["emails"] == ["hanako@example.jp"]
    assert rows["Hanako Sato"]["company"] == "Kyoto Tea Co."
    assert {"id", "name", "emails", "company", "title"} <= set(rows["Kofi Mensah"])

    enc = run_cli(
        *v,
        "encounters",
        "add",
        "--title",
        "Tea tasting",
        "--start",
        "2026-03-02T10:00+09:00",
        "--end",
        "2026-03-02T11:00+09:00",
        "--with",
        str(contact_id),
        "--json",
        env=env,
    )
    assert enc.code == 0, enc.err
    encounter_id = enc.json()["id"]
    refl = run_cli(
        *v,
        "reflect",
        str(encounter_id),
        "--learned",
        "her daughter plays cello",
        "--next-time",
        "ask about the recital",
        "--gratitude",
        "the gift",
        env=env,
    )
    assert refl.code == 0, refl.err
    prom = run_cli(
        *v,
        "promise",
        "add",
        "--encounter",
        str(encounter_id),
        "--contact",
        str(contact_id),
        "--mine",
        "--text",
        "send the article",
        "--due",
        "2026-03-10",
        "--json",
        env=env,
    )
    assert prom.code == 0, prom.err

    shown = run_cli(*v, "contacts", "show", str(contact_id), "--json", env=env)
    assert shown.code == 0, shown.err
    data = shown.json()
    assert data["name"] == "Hanako Sato"
    assert data["interests"] == ["tea", "ceramics"]
    assert data["encounters"] == [
        {
            "id": encounter_id,
            "title": "Tea tasting",
            "start": data["encounters"][0]["start"],
            "end": data["encounters"][0]["end"],
            "status": "held",
        }
    ]
    start = datetime.fromisoformat(data["encounters"][0]["start"])
    assert start == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert data["reflections"][0]["learned"] == "her daughter plays cello"
    assert data["promises"][0]["text"] == "send the article"
    assert data["promises"][0]["due"] == "2026-03-10"

    text = run_cli(*v, "contacts", "show", str(contact_id), env=env)
    assert "Hanako Sato" in text.out and "send the article" in text.out


def test_meetings_json_shape(vault_file: Path, env: dict[str, str]) -> None:
    v = ["--vault", str(vault_file)]
    cid = run_cli(
        *v, "contacts", "add", "--name", "Ana", "--email", "ana@example.com", "--json", env=env
    ).json()["id"]
    run_cli(
        *v,
        "encounters",
        "add",
        "--title",
        "Lunch",
        "--start",
        "2030-05-04T12:00+02:00",
        "--with",
        str(cid),
        env=env,
    )
    result = run_cli(
        *v, "meetings", "--from", "2030-05-01", "--to", "2030-05-31", "--json", env=env
    )
    assert result.code == 0, result.err
    [meeting] = result.json()
    assert set(meeting) == {
        "id",
        "uid",
        "title",
        "start",
        "end",
        "status",
        "location",
        "join_url",
        "attendees",
    }
    assert meeting["status"] == "planned"
    assert meeting["attendees"] == [{"name": "Ana", "email": "ana@example.com", "contact_id": cid}]
    start = datetime.fromisoformat(meeting["start"])
    assert start.utcoffset() is not None  # ISO 8601 with offset, as the contract says
    assert start == datetime(2030, 5, 4, 10, 0, tzinfo=UTC)


def test_wrong_passphrase_exits_3_and_leaves_the_file_unchanged(
    vault_file: Path, tmp_path: Path
) -> None:
    digest = hashlib.sha256(vault_file.read_bytes()).hexdigest()
    wrong = cli_env(tmp_path / "home", passphrase="not it")
    line = _one_line_error(run_cli("--vault", str(vault_file), "contacts", "list", env=wrong), 3)
    assert "wrong passphrase" in line and "not it" not in line
    line = _one_line_error(
        run_cli("--vault", str(vault_file), "contacts", "add", "--name", "X", env=wrong), 3
    )
    assert hashlib.sha256(vault_file.read_bytes()).hexdigest() == digest


def test_no_passphrase_available_says_how_to_unlock(vault_file: Path, tmp_path: Path) -> None:
    bare = cli_env(tmp_path / "home", passphrase=None)
    line = _one_line_error(run_cli("--vault", str(vault_file), "contacts", "list", env=bare), 3)
    assert "ICHIGO_PASSPHRASE" in line


def test_bad_input_is_one_line_and_exit_2(vault_file: Path, env: dict[str, str]) -> None:
    v = ["--vault", str(vault_file)]
    assert "not an ISO 8601" in _one_line_error(
        run_cli(*v, "encounters", "add", "--title", "x", "--start", "tomorrow-ish", env=env), 2
    )
    assert "no contact with id 999" in _one_line_error(
        run_cli(*v, "contacts", "show", "999", env=env), 2
    )
    assert "not an email" in _one_line_error(
        run_cli(*v, "contacts", "add", "--name", "A", "--email", "nope", env=env), 2
    )
    assert "--help" in _one_line_error(run_cli(*v, "contacts", "add", env=env), 2)
    assert "no encounter with id 5" in _one_line_error(
        run_cli(*v, "reflect", "5", "--learned", "x", env=env), 2
    )
    missing = run_cli(
        "--vault", str(vault_file.parent / "none.ichigo"), "contacts", "list", env=env
    )
    assert "ichigo init" in _one_line_error(missing, 2)


def test_version(env: dict[str, str]) -> None:
    result = run_cli("--version", env=env)
    assert result.code == 0 and result.out.startswith("ichigo ")


def test_note_text_is_not_in_any_file_beside_the_vault(
    vault_file: Path, env: dict[str, str]
) -> None:
    marker = "MARKER-note-5d1c confidential"
    run_cli("--vault", str(vault_file), "contacts", "add", "--name", "Z", "--note", marker, env=env)
    for f in vault_file.parent.rglob("*"):
        if f.is_file():
            assert marker.encode() not in f.read_bytes(), f
