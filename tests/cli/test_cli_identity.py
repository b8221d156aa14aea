"""`contacts edit | duplicates | merge | not-duplicates` through the real command."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run_cli

OTHER_HANAKO = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanako Sato\r\nEMAIL:hanako.sato@othercorp.example\r\n"
    "ORG:Other Corp\r\nTITLE:Accountant\r\nEND:VCARD\r\n"
)


def test_a_namesake_is_a_second_person_with_a_suggestion_then_merged_on_request(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    v = ["--vault", str(vault_file)]
    hanako = ["--name", "Hanako Sato", "--email", "hanako@kinoshita.example"]
    added = run_cli(*v, "--json", "contacts", "add", *hanako, "--company", "Kinoshita", env=env)
    ours = added.json()["id"]
    card = tmp_path / "other.vcf"
    card.write_text(OTHER_HANAKO, encoding="utf-8")

    imported = run_cli(*v, "--json", "import-contacts", str(card), env=env).json()
    assert (imported["created"], imported["updated"]) == (1, 0)
    assert imported["possible_duplicates"] == 1
    shown = run_cli(*v, "--json", "contacts", "show", str(ours), env=env).json()
    assert shown["emails"] == ["hanako@kinoshita.example"]
    assert shown["company"] == "Kinoshita" and shown["changes"] == []

    [pair] = run_cli(*v, "--json", "contacts", "duplicates", env=env).json()
    assert pair == {"ids": [ours, ours + 1], "reason": "same name", "score": 0.9}
    text = run_cli(*v, "contacts", "duplicates", env=env).out
    assert "same name" in text and text.count("Hanako Sato") == 2

    merged = run_cli(*v, "--json", "contacts", "merge", str(ours), str(ours + 1), env=env)
    assert merged.code == 0, merged.err
    data = merged.json()
    assert data == run_cli(*v, "--json", "contacts", "show", str(ours), env=env).json()
    assert data["emails"] == ["hanako@kinoshita.example", "hanako.sato@othercorp.example"]
    assert {"label": "Company (was Hanako Sato's)", "value": "Other Corp", "private": False} in (
        data["details"]
    )
    assert any(p.name.endswith("-before-merge.vault") for p in vault_file.parent.glob("*/*"))
    assert run_cli(*v, "contacts", "duplicates", env=env).out.strip() == "No possible duplicates."


def test_two_people_said_apart_are_not_suggested_again(
    vault_file: Path, env: dict[str, str]
) -> None:
    v = ["--vault", str(vault_file)]
    for name in ("Min-jun Kim", "Kim Min-jun"):
        assert run_cli(*v, "contacts", "add", "--name", name, env=env).code == 0
    said = run_cli(*v, "--json", "contacts", "not-duplicates", "2", "1", env=env)
    assert said.code == 0 and said.json() == {"ids": [1, 2]}
    assert run_cli(*v, "--json", "contacts", "duplicates", env=env).json() == []


def test_edit_sets_every_field_and_show_reports_it(vault_file: Path, env: dict[str, str]) -> None:
    v = ["--vault", str(vault_file)]
    assert (
        run_cli(*v, "contacts", "add", "--name", "Ingrid", "--email", "i@x.org", env=env).code == 0
    )
    assert run_cli(*v, "contacts", "add", "--name", "Lena Fischer", env=env).code == 0
    edits = [
        ("--name", "Ingrid Solberg"),
        ("--email", "ingrid@fjordline.example"),
        ("--email", "ingrid@home.example"),
        ("--phone", "+47 22 12 34 56"),
        ("--company", "Fjordline"),
        ("--title", "COO"),
        ("--birthday", "1984-05-17"),
        ("--pronouns", "she/her"),
        ("--pronunciation", "ING-rid"),
        ("--how-we-met", "a delayed flight to Oslo"),
        ("--met-on", "2024-02-04"),
        ("--met-through", "2"),
        ("--interest", "sea kayaking"),
        ("--interest", "crime novels"),
        ("--cadence", "45"),
        ("--detail", "Diet=Vegetarian"),
        ("--detail", "Daughter=Sigrid"),
        ("--private", "birthday"),
        ("--private", "details"),
    ]
    flags = [part for pair in edits for part in pair]
    edited = run_cli(*v, "--json", "contacts", "edit", "1", *flags, env=env)
    assert edited.code == 0, edited.err
    data = edited.json()
    assert data == run_cli(*v, "--json", "contacts", "show", "1", env=env).json()
    assert (data["name"], data["company"], data["title"]) == ("Ingrid Solberg", "Fjordline", "COO")
    assert data["emails"] == ["ingrid@fjordline.example", "ingrid@home.example"]
    assert data["phones"] == ["+47 22 12 34 56"]
    assert (data["birthday"], data["pronouns"], data["pronunciation"]) == (
        "1984-05-17",
        "she/her",
        "ING-rid",
    )
    assert (data["how_we_met"], data["met_on"], data["met_through"]) == (
        "a delayed flight to Oslo",
        "2024-02-04",
        "Lena Fischer",
    )
    assert data["interests"] == ["sea kayaking", "crime novels"] and data["cadence_days"] == 45
    assert data["details"] == [
        {"label": "Diet", "value": "Vegetarian", "private": True},
        {"label": "Daughter", "value": "Sigrid", "private": True},
    ]
    assert data["private_fields"] == ["birthday"]
    again = run_cli(*v, "--json", "contacts", "edit", "1", "--public", "birthday", env=env)
    assert again.json()["private_fields"] == [] and again.json()["company"] == "Fjordline"
    text = run_cli(*v, "contacts", "show", "1", env=env).out
    assert "Pronunciation: ING-rid" in text and "Diet: Vegetarian (private)" in text


def test_bad_edits_and_merges_say_why_in_one_line(vault_file: Path, env: dict[str, str]) -> None:
    v = ["--vault", str(vault_file)]
    assert run_cli(*v, "contacts", "add", "--name", "Solo", env=env).code == 0
    for args, message in (
        (["edit", "1", "--private", "shoe size"], "cannot be private"),
        (["edit", "1", "--detail", "no equals sign"], "LABEL=VALUE"),
        (["edit", "1", "--birthday", "17 May"], "not a date"),
        (["edit", "9", "--name", "Nobody"], "no contact with id 9"),
        (["merge", "1", "1"], "with itself"),
        (["merge", "1", "9"], "no contact with id 9"),
        (["not-duplicates", "1", "1"], "same person as itself"),
    ):
        result = run_cli(*v, "contacts", *args, env=env)
        assert result.code == 2 and message in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1
    backups = vault_file.parent / f"{vault_file.name}.backups"
    assert not any("before-merge" in p.name for p in backups.glob("*"))


def test_me_sets_the_country_that_reads_local_phone_numbers(
    vault_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    v = ["--vault", str(vault_file)]
    env = {**env, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_CTYPE", None)
    assert run_cli(*v, "--json", "me", env=env).json()["phone_region"] is None
    set_region = run_cli(*v, "--json", "me", "--phone-region", "jp", env=env)
    assert set_region.code == 0 and set_region.json()["phone_region"] == "JP"
    bad = run_cli(*v, "me", "--phone-region", "Atlantis", env=env)
    assert bad.code == 2 and "not a country code" in bad.err

    added = ["--name", "Noel Winter", "--phone", "090-1234-5678"]
    assert run_cli(*v, "contacts", "add", *added, env=env).code == 0
    card = tmp_path / "noel.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:N. Winter\r\nTEL:+81 90 1234 5678\r\n"
        "TITLE:Logistics\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    report = run_cli(*v, "--json", "import-contacts", str(card), env=env).json()
    assert (report["created"], report["updated"]) == (0, 1)
