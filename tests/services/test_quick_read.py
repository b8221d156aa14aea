"""The command line's quick read path (services/quick_read.py, store/reader.py).

``ichigo meetings`` reads an ordinary vault with plain SQL and no SQLAlchemy; what it
prints must be exactly what the ORM path prints, on the same vault, and every vault
that is not ordinary must be left to the ordinary open (which checks, asks, explains).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ichigoapp.model import Base, Contact, Encounter, EncounterStatus, Participation
from ichigoapp.model.encounter import effective_status as model_status
from ichigoapp.services import encounters as encounter_svc
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.quick_read import COLUMNS, effective_status, vault_meetings
from ichigoapp.services.when import day_start
from ichigoapp.store import KeyMode, Vault, create_vault, open_vault
from ichigoapp.store.lock import OPEN_MARK, lock_path_for
from ichigoapp.store.reader import open_reader
from tests.cli_helpers import cli_env, python, run_cli

WEEK = day_start(date(2030, 5, 6))  # a Monday, local midnight
NOW = WEEK + timedelta(days=2, hours=12)


def _as_text(rows: list[dict[str, Any]]) -> str:
    # What `ichigo meetings --json` writes (cli/common.py emit).
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _orm_rows(vault: Vault, start: datetime, end: datetime, now: datetime) -> list[dict[str, Any]]:
    with vault.session() as session:
        return [
            encounter_svc.meeting_dict(e, now)
            for e in encounter_svc.list_encounters(session, start, end)
        ]


def _fill(session: Session) -> None:
    """A week with what the meetings list shows: matched and unknown attendees in
    every order, each status, no end, a calendar UID, and meetings on both bounds."""
    people = [
        add_contact(session, ContactInput(name=name, emails=[email]))
        for name, email in (
            ("Hanako Sato", "hanako@example.jp"),
            ("Ingrid Solberg", "ingrid@example.no"),
            ("Kofi Mensah", "kofi@example.gh"),
            ("Zoë «Z» O'Neil", "zoe@example.ie"),
        )
    ]

    def meeting(title: str, start: datetime, **extra: Any) -> Encounter:
        encounter = Encounter(
            title=title, start=start, end=extra.pop("end", start + timedelta(hours=1)), **extra
        )
        session.add(encounter)
        return encounter

    def attend(encounter: Encounter, contact: Contact | None, name: str, email: str) -> None:
        encounter.participations.append(
            Participation(contact=contact, name=name, email=email, role="REQ-PARTICIPANT")
        )

    on_start = meeting("Starts on the first minute", WEEK, ical_uid="uid-1@example.com")
    attend(on_start, people[2], "Kofi", "kofi@example.gh")
    attend(on_start, None, "Unknown Person", "unknown@example.org")
    attend(on_start, people[0], "", "hanako@example.jp")
    attend(on_start, None, "", "only-an-address@example.org")
    held = meeting("Held early", WEEK + timedelta(hours=9), status=EncounterStatus.HELD.value)
    attend(held, people[3], "Zoe", "zoe@example.ie")
    meeting("Past, still planned", WEEK + timedelta(days=1, hours=10), end=None)
    cancelled = meeting(
        "Cancelled", WEEK + timedelta(days=3), status=EncounterStatus.CANCELLED.value
    )
    attend(cancelled, people[1], "Ingrid", "ingrid@example.no")
    future = meeting(
        "会議 — planning",
        WEEK + timedelta(days=4, hours=15, minutes=30),
        location="Tokyo <office>",
        join_url="https://meet.example.com/abc",
    )
    for person in reversed(people):
        attend(future, person, person.display_name, person.primary_email or "")
    meeting("Same start, second", WEEK + timedelta(days=4, hours=15, minutes=30))
    meeting("Last second", WEEK + timedelta(days=7) - timedelta(microseconds=1))
    meeting("On the end bound: next week", WEEK + timedelta(days=7))
    meeting("The week before", WEEK - timedelta(minutes=30))
    session.flush()


@pytest.fixture
def filled(vault: Vault) -> Vault:
    with vault.transaction() as session:
        _fill(session)
    return vault


def test_every_column_read_is_the_models() -> None:
    for table, columns in COLUMNS.items():
        known = set(Base.metadata.tables[table].columns.keys())
        assert set(columns) <= known, (table, set(columns) - known)


def test_status_rule_is_the_models() -> None:
    start = datetime(2030, 5, 6, 9, tzinfo=UTC)
    for status in EncounterStatus:
        for end in (None, start + timedelta(hours=1)):
            for now in (start - timedelta(hours=1), start, start + timedelta(hours=2)):
                assert (
                    effective_status(status.value, start, end, now)
                    == model_status(status.value, start, end, now).value
                )


@pytest.mark.parametrize(
    ("first", "days"), [(WEEK, 7), (WEEK - timedelta(days=1), 1), (WEEK + timedelta(days=4), 3)]
)
def test_the_quick_path_prints_what_the_orm_path_prints(
    filled: Vault, first: datetime, days: int
) -> None:
    end = first + timedelta(days=days)
    expected = _orm_rows(filled, first, end, NOW)
    quick = vault_meetings(filled.path, first, end, NOW)
    assert quick is not None
    assert _as_text(quick) == _as_text(expected)


def test_the_week_as_the_user_sees_it(filled: Vault) -> None:
    rows = vault_meetings(filled.path, WEEK, WEEK + timedelta(days=7), NOW)
    assert rows is not None
    titles = [r["title"] for r in rows]
    assert titles[0] == "Starts on the first minute" and titles[-1] == "Last second"
    assert "On the end bound: next week" not in titles and "The week before" not in titles
    statuses = {r["title"]: r["status"] for r in rows}
    assert statuses["Past, still planned"] == "held"
    assert statuses["Cancelled"] == "cancelled"
    assert statuses["会議 — planning"] == "planned"
    # Unknown attendees keep the name (or address) the invite gave; contacts show theirs.
    names = [a["name"] for a in rows[0]["attendees"]]
    assert set(names) == {"Unknown Person", "only-an-address@example.org", "Kofi Mensah",
                          "Hanako Sato"}  # fmt: skip
    assert rows[0]["uid"] == "uid-1@example.com"


def test_a_passphrase_vault_without_ICHIGO_PASSPHRASE_takes_the_ordinary_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ICHIGO_PASSPHRASE", raising=False)
    path = tmp_path / "pass.vault"
    create_vault(path, mode=KeyMode.PASSPHRASE, passphrase="correct horse battery").close()
    with open_reader(path) as reader:
        assert reader is None  # the ordinary open asks for it, or says how to give it
    monkeypatch.setenv("ICHIGO_PASSPHRASE", "correct horse battery")
    with open_reader(path) as reader:
        assert reader is not None


def test_a_key_at_hand_reads_the_vault_and_stays_the_callers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's start-up reads Today with the key it got from the keychain: the read
    wipes only its own copy, and the overview is the one the app's open path gives."""
    from ichigoapp.services.quick_read import vault_today
    from ichigoapp.services.today import today_overview
    from ichigoapp.store.keys import Secret

    monkeypatch.delenv("ICHIGO_PASSPHRASE", raising=False)
    path = tmp_path / "pass.vault"
    with create_vault(path, mode=KeyMode.PASSPHRASE, passphrase="correct horse battery") as v:
        with v.transaction() as session:
            _fill(session)
        with v.session() as session:
            expected = today_overview(session, NOW, limit=8, duplicates=False)
    assert vault_today(path, NOW) is None  # no key without asking: the ordinary path
    secret = Secret.passphrase("correct horse battery")
    assert vault_today(path, NOW, secret=secret) == expected
    with open_reader(path, secret) as reader:  # the caller's key still opens the vault
        assert reader is not None
    lock_path_for(path).write_bytes(OPEN_MARK)  # left open: not read before it is checked
    assert vault_today(path, NOW, secret=secret) is None
    assert not secret.wiped


def test_a_vault_left_open_by_a_dead_writer_is_checked_first(filled: Vault) -> None:
    path = filled.path
    filled.close()
    with open_reader(path) as reader:
        assert reader is not None
    # What a killed app leaves: a lock file that says "open", and no one holding it.
    lock_path_for(path).write_bytes(OPEN_MARK)
    with open_reader(path) as reader:
        assert reader is None  # open_vault checks every page first


def test_a_vault_at_another_schema_revision_takes_the_ordinary_path(filled: Vault) -> None:
    with filled.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    with open_reader(filled.path) as reader:
        assert reader is None


def test_the_command_answers_without_the_orm_and_as_before(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    vault = tmp_path / "cli.vault"
    v = ["--vault", str(vault)]
    assert run_cli(*v, "init", env=env).code == 0
    cid = run_cli(
        *v, "contacts", "add", "--name", "Ana", "--email", "ana@example.com", "--json", env=env
    ).json()["id"]
    for start in ("2030-05-04T12:00+02:00", "2030-05-06T09:00+02:00"):
        run_cli(*v, "encounters", "add", "--title", "Lunch", "--start", start, "--with",
                str(cid), env=env)  # fmt: skip
    window = ["--from", "2030-05-01", "--to", "2030-05-31"]
    probe = (
        "import sys\n"
        "from ichigoapp.cli import main\n"
        f"code = main({[*v, 'meetings', *window, '--json']!r})\n"
        "heavy = ('sqlalchemy.orm', 'ichigoapp.model', 'alembic')\n"
        "sys.stderr.write('LOADED ' + str(sorted(m for m in sys.modules if m in heavy)))\n"
        "raise SystemExit(code)\n"
    )
    done = python(["-c", probe], env)
    assert done.returncode == 0, done.stderr
    # Neither the ORM nor the model (a third of a second of each call on a big vault).
    assert done.stderr.endswith("LOADED []")
    quick = done.stdout

    with open_vault(vault, passphrase="test passphrase", write=False, verify=False) as opened:
        start = day_start(date(2030, 5, 1))
        expected = _orm_rows(opened, start, day_start(date(2030, 6, 1)), datetime.now(UTC))
    assert quick == _as_text(expected) + "\n"
    assert [m["start"][:10] for m in json.loads(quick)] == ["2030-05-04", "2030-05-06"]
