"""``ichigo compose thanks|followup`` and ``ichigo thanks``: JSON shapes, text, errors,
through a real subprocess on a real vault filled through the services."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.me import set_me
from ichigoapp.services.reflections import (
    PromiseDirection,
    ReflectionInput,
    add_promise,
    reflect,
)
from tests.cli_helpers import filling, run_cli


@dataclass
class World:
    walk: int
    hanako: int
    kofi: int
    mine: int
    theirs: int


@pytest.fixture
def world(vault_file: Path, env: dict[str, str]) -> World:
    start = datetime.now(UTC) - timedelta(days=2)
    with filling(vault_file, env) as s:
        set_me(s, ["mio@example.com"], ["Mio Tanaka"])
        hanako = add_contact(
            s,
            ContactInput(
                name="Hanako Sato", emails=["hanako@kinoshita.example"], notes="NOTE-private"
            ),
        ).id
        kofi = add_contact(s, ContactInput(name="Kofi Mensah", emails=["kofi@accra.example"])).id
        walk = add_encounter(
            s,
            EncounterInput(
                title="Design walk",
                start=start,
                end=start + timedelta(hours=1),
                contact_ids=[hanako, kofi],
            ),
        ).id
        reflect(s, walk, ReflectionInput(gratitude="the tour of the workshop", learned="LEARNED-x"))
        mine = add_promise(
            s,
            text="Send the case study",
            direction=PromiseDirection.MINE,
            encounter_id=walk,
            contact_id=hanako,
        ).id
        theirs = add_promise(
            s,
            text="Send the pilot results",
            direction=PromiseDirection.THEIRS,
            encounter_id=walk,
            contact_id=kofi,
        ).id
    return World(walk, hanako, kofi, mine, theirs)


def _cli(vault_file: Path, env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = run_cli("--vault", str(vault_file), *args, env=env)
    return result.code, result.out, result.err


def test_compose_thanks_json_is_the_draft_and_its_link(
    vault_file: Path, env: dict[str, str], world: World
) -> None:
    code, out, err = _cli(vault_file, env, "compose", "thanks", str(world.walk), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"to", "subject", "body", "mailto"}
    assert data["to"] == ["hanako@kinoshita.example", "kofi@accra.example"]
    assert data["subject"] == "Thank you — Design walk"
    assert data["body"].startswith("Hi Hanako and Kofi,\n\nThank you for the tour of the workshop.")
    assert data["body"].endswith("Best wishes,\nMio Tanaka")
    assert "NOTE-" not in out and "LEARNED-" not in out
    link = urlsplit(data["mailto"])
    assert [unquote(a) for a in link.path.split(",")] == data["to"]
    fields = parse_qs(link.query)
    assert fields["subject"] == [data["subject"]]
    assert fields["body"] == [data["body"].replace("\n", "\r\n")]

    code, out, err = _cli(
        vault_file,
        env,
        "compose",
        "thanks",
        str(world.walk),
        "--contact",
        str(world.kofi),
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["to"] == ["kofi@accra.example"]


def test_compose_text_is_the_draft_to_read(
    vault_file: Path, env: dict[str, str], world: World
) -> None:
    code, out, err = _cli(vault_file, env, "compose", "followup", str(world.mine))
    assert code == 0, err
    assert out.splitlines()[:4] == [
        "To: hanako@kinoshita.example",
        "Subject: As promised: the case study",
        "",
        "Hi Hanako,",
    ]
    assert "here is the case study. I hope it is useful." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compose", "thanks", "999"), "ichigo: no encounter with id 999\n"),
        (("compose", "followup", "999"), "ichigo: no promise with id 999\n"),
        (
            ("compose", "followup", "{theirs}"),
            "ichigo: promise {theirs} is one Kofi Mensah made to you: "
            "only a promise of yours has a follow-up to send\n",
        ),
        (("thanks", "{walk}", "--sent", "--contact", "999"), "ichigo: no contact with id 999\n"),
        (
            ("thanks", "{walk}", "--contact", "{kofi}"),
            "ichigo: --contact goes with --sent (see `ichigo thanks --help`)\n",
        ),
    ],
)
def test_errors_are_one_clear_line_and_exit_2(
    vault_file: Path,
    env: dict[str, str],
    world: World,
    args: tuple[str, ...],
    message: str,
) -> None:
    ids = {"walk": world.walk, "kofi": world.kofi, "theirs": world.theirs}
    code, out, err = _cli(vault_file, env, *(a.format(**ids) for a in args))
    assert (code, out, err) == (2, "", message.format(**ids))


def test_no_gratitude_and_no_address_are_said_plainly(
    vault_file: Path, env: dict[str, str], world: World
) -> None:
    with filling(vault_file, env) as s:
        mute = add_contact(s, ContactInput(name="No Address")).id
        start = datetime.now(UTC) - timedelta(days=1)
        quiet = add_encounter(
            s, EncounterInput(title="Quiet tea", start=start, contact_ids=[mute])
        ).id
    code, _out, err = _cli(vault_file, env, "compose", "thanks", str(quiet))
    assert code == 2
    assert err == (
        "ichigo: nothing to thank for yet: write the gratitude of “Quiet tea” "
        "in its reflection first\n"
    )
    assert _cli(vault_file, env, "reflect", str(quiet), "--gratitude", "the tea")[0] == 0
    code, _out, err = _cli(vault_file, env, "compose", "thanks", str(quiet))
    assert (code, err) == (2, "ichigo: no e-mail address known for No Address\n")


def test_thanks_sent_per_person_then_everyone(
    vault_file: Path, env: dict[str, str], world: World
) -> None:
    code, out, err = _cli(
        vault_file, env, "thanks", str(world.walk), "--sent", "--contact", str(world.kofi), "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["encounter_id"] == world.walk and data["everyone_thanked"] is False
    assert [(p["contact_id"], p["thanked_on"] is not None) for p in data["people"]] == [
        (world.hanako, False),
        (world.kofi, True),
    ]
    code, out, _err = _cli(vault_file, env, "today", "--json")
    thanks = json.loads(out)["thanks_to_send"]
    assert [(t["encounter_id"], t["contact_id"], t["contact_name"]) for t in thanks] == [
        (world.walk, world.hanako, "Hanako Sato")
    ]
    # Compose for the meeting now writes to the one still to thank.
    code, out, _err = _cli(vault_file, env, "compose", "thanks", str(world.walk), "--json")
    assert json.loads(out)["to"] == ["hanako@kinoshita.example"]

    code, out, err = _cli(vault_file, env, "thanks", str(world.walk), "--sent")
    assert code == 0, err
    assert out.splitlines()[0] == "Design walk: everyone thanked"
    code, out, _err = _cli(vault_file, env, "today", "--json")
    assert json.loads(out)["thanks_to_send"] == []
