"""``ichigo search`` (the app's search on the command line) and name orders in the CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ichigoapp.model import PromiseDirection
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from tests.cli_helpers import filling, run_cli

START = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def _scene(vault_file: Path, env: dict[str, str]) -> dict[str, int]:
    with filling(vault_file, env) as s:
        hanako = add_contact(
            s,
            ContactInput(
                name="佐藤花子",
                given_name="花子",
                family_name="佐藤",
                pronunciation="サトウ ハナコ",
                title="部長",
                company="株式会社いちご",
            ),
        ).id
        at_company = add_contact(s, ContactInput(name="Ken Mori", company="花子商事")).id
        mention = add_contact(s, ContactInput(name="Yuki Kato", notes="花子さんの同僚。")).id
        meeting = add_encounter(
            s, EncounterInput(title="花子さんとランチ", start=START, contact_ids=[hanako])
        ).id
        reflection = reflect(s, meeting, ReflectionInput(learned="花子さんは茶道が好き。")).id
        promise = add_promise(
            s,
            text="花子さんに本を送る",
            direction=PromiseDirection.MINE,
            encounter_id=meeting,
            contact_id=hanako,
        ).id
    return dict(
        hanako=hanako,
        at_company=at_company,
        mention=mention,
        meeting=meeting,
        reflection=reflection,
        promise=promise,
    )


def test_search_json_gives_every_kind_names_and_companies_first(
    vault_file: Path, env: dict[str, str]
) -> None:
    ids = _scene(vault_file, env)
    result = run_cli("--vault", str(vault_file), "search", "花子", "--json", env=env)
    assert result.code == 0, result.err
    rows = result.json()
    assert all(set(row) == {"kind", "id", "title", "snippet"} for row in rows)
    assert [(r["kind"], r["id"]) for r in rows] == [
        # Contacts first: names and companies, then other mentions.
        ("contact", ids["at_company"]),
        ("contact", ids["hanako"]),
        ("contact", ids["mention"]),
        ("encounter", ids["meeting"]),
        ("reflection", ids["reflection"]),
        ("promise", ids["promise"]),
    ]
    by_id = {(r["kind"], r["id"]): r for r in rows}
    assert by_id[("contact", ids["hanako"])]["title"] == "佐藤花子"
    assert by_id[("contact", ids["mention"])]["snippet"] == "花子さんの同僚。"
    assert by_id[("reflection", ids["reflection"])]["snippet"] == "花子さんは茶道が好き。"
    assert by_id[("reflection", ids["reflection"])]["title"] == "花子さんとランチ"


def test_search_finds_a_reading_typed_in_either_kana(vault_file: Path, env: dict[str, str]) -> None:
    ids = _scene(vault_file, env)
    for typed in ("はなこ", "ハナコ", "ﾊﾅｺ", "さとう はな"):
        result = run_cli("--vault", str(vault_file), "--json", "search", typed, env=env)
        assert result.code == 0, result.err
        assert [(r["kind"], r["id"]) for r in result.json()] == [("contact", ids["hanako"])]


def test_search_text_is_grouped_and_says_so_when_nothing_is_found(
    vault_file: Path, env: dict[str, str]
) -> None:
    ids = _scene(vault_file, env)
    result = run_cli("--vault", str(vault_file), "search", "ランチ", env=env)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Encounters"
    assert lines[1].split()[:2] == [str(ids["meeting"]), "花子さんとランチ"]
    assert "2026" in lines[1]  # a meeting found by its title says when it is

    nothing = run_cli("--vault", str(vault_file), "search", "zzzz", env=env)
    assert (nothing.code, nothing.out.strip()) == (0, "No matches.")
    empty = run_cli("--vault", str(vault_file), "search", " ", env=env)
    assert empty.code == 2 and "search" in empty.err


def test_latin_prefixes_still_find_people(vault_file: Path, env: dict[str, str]) -> None:
    with filling(vault_file, env) as s:
        ingrid = add_contact(s, ContactInput(name="Ingrid Solberg", company="Nordlicht")).id
    result = run_cli("--vault", str(vault_file), "search", "sol", "--json", env=env)
    assert [(r["kind"], r["id"], r["snippet"]) for r in result.json()] == [
        ("contact", ingrid, "Nordlicht")
    ]


def test_contacts_edit_sets_the_name_order_and_lists_show_it(
    vault_file: Path, env: dict[str, str]
) -> None:
    vault = ("--vault", str(vault_file))
    made = run_cli(*vault, "contacts", "add", "--name", "Zsófia Horváth", "--json", env=env)
    zsofia = made.json()["id"]
    edited = run_cli(
        *vault,
        "contacts",
        "edit",
        str(zsofia),
        "--given-name",
        "Zsófia",
        "--family-name",
        "Horváth",
        "--name-order",
        "family-first",
        env=env,
    )
    assert edited.code == 0, edited.err
    assert "Horváth Zsófia" in edited.out
    shown = run_cli(*vault, "contacts", "show", str(zsofia), "--json", env=env).json()
    assert (shown["name"], shown["display_name"], shown["name_order"]) == (
        "Horváth Zsófia",
        "Zsófia Horváth",
        "family-first",
    )

    japanese = run_cli(*vault, "contacts", "add", "--name", "花子 田中", "--json", env=env)
    tanaka = japanese.json()["id"]
    run_cli(
        *vault,
        "contacts",
        "edit",
        str(tanaka),
        "--given-name",
        "花子",
        "--family-name",
        "田中",
        "--pronunciation",
        "たなか はなこ",
        env=env,
    )
    listed = run_cli(*vault, "contacts", "list", env=env)
    names = [line.split(maxsplit=1)[1] for line in listed.out.splitlines()]
    assert names == ["Horváth Zsófia", "田中花子"]  # auto: a CJK name family first

    bad = run_cli(*vault, "contacts", "edit", str(tanaka), "--name-order", "sideways", env=env)
    assert bad.code == 2 and "family-first" in bad.err
