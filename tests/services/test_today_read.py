"""Today read without SQLAlchemy (services/today_read.py), on a real vault.

The app reads the Today overview on a plain SQLCipher connection before SQLAlchemy
and the model are imported; what it shows must be what the user expects of each
section, and what the session path (``today.today_overview``) gives.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ichigoapp.model import Base, EncounterStatus, Participation, PromiseDirection
from ichigoapp.services import today_read
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.thanks import mark_thanks_sent
from ichigoapp.services.today import local_today, today_overview
from ichigoapp.services.today_items import MINE, TodayOverview
from ichigoapp.store import Vault, keys
from ichigoapp.store.engine import connect_raw
from ichigoapp.store.meta import VaultMeta

# 09:00 UTC: the same local day in every zone the tests run in.
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


def test_imports_neither_sqlalchemy_nor_the_model_nor_qt() -> None:
    probe = (
        "import sys, ichigoapp.services.today_read\n"
        "heavy = sorted(m for m in sys.modules\n"
        "    if m.split('.')[0] in ('sqlalchemy', 'PySide6')\n"
        "    or m == 'ichigoapp.model' or m.startswith('ichigoapp.model.'))\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_table_and_column_in_the_sql_is_the_models() -> None:
    source = Path(today_read.__file__).read_text(encoding="utf-8")
    tables = "|".join(today_read.COLUMNS)
    named = set(re.findall(rf'\b({tables})\.("?[a-z_]+"?)', source))
    assert named, "the SQL names its columns as table.column"
    for table, column in named:
        column = column.strip('"')
        assert column in today_read.COLUMNS[table], (table, column)
    for table, columns in today_read.COLUMNS.items():
        known = set(Base.metadata.tables[table].columns.keys())
        assert set(columns) <= known, (table, set(columns) - known)


def test_stored_values_are_the_models() -> None:
    assert PromiseDirection.MINE.value == MINE
    stored = (EncounterStatus.PLANNED.value, EncounterStatus.HELD.value)
    assert f"encounter.status IN {stored!r}" == today_read.NOT_CANCELLED


def _meeting(
    session: Session,
    title: str,
    start: datetime,
    ids: list[int],
    *,
    hours: float = 1,
    status: str = EncounterStatus.PLANNED.value,
) -> int:
    made = add_encounter(
        session,
        EncounterInput(
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            contact_ids=ids,
            status=status,
        ),
    )
    return made.id


@pytest.fixture
def filled(vault: Vault) -> Vault:
    """A week as a user has it: each section with what belongs in it and what does not."""
    today = local_today(NOW)
    with vault.transaction() as s:

        def person(name: str, **extra: Any) -> int:
            return add_contact(s, ContactInput(name=name, **extra)).id

        hana = person("Hana Sato", keep_in_touch_days=30)  # last met 40 days ago: overdue
        person("Kofi Mensah", keep_in_touch_days=14)  # never met
        ingrid = person("Ingrid Solberg", keep_in_touch_days=7)  # overdue, but booked ahead
        aki = person("Aki", keep_in_touch_days=60)  # met now: in touch
        bo = person("Bo Chen")
        chen = person("Ann Chen")
        dee = person("Dee")
        person("Zoë O'Neil", birthday=date(1990, *(today + timedelta(days=3)).timetuple()[1:3]))
        person("Far Birthday", birthday=date(1985, *(today + timedelta(days=40)).timetuple()[1:3]))

        lunch = _meeting(s, "Old lunch", NOW - timedelta(days=40), [hana])
        reflect(s, lunch, ReflectionInput(learned="likes ramen"))
        _meeting(s, "Old chat", NOW - timedelta(days=100), [ingrid])
        ahead = _meeting(s, "Ahead", NOW + timedelta(days=2), [ingrid])
        _meeting(s, "In progress", NOW - timedelta(minutes=30), [aki])
        _meeting(s, "Too far", NOW + timedelta(days=9), [aki])
        workshop = _meeting(s, "Workshop", NOW - timedelta(days=5), [bo, chen])
        reflect(s, workshop, ReflectionInput(gratitude="the ideas"))
        thanked = _meeting(s, "Thanked", NOW - timedelta(days=6), [bo])
        reflect(s, thanked, ReflectionInput(gratitude="said already"))
        mark_thanks_sent(s, thanked, bo, on=today)
        _meeting(s, "Ended", NOW - timedelta(days=3), [dee])
        _meeting(s, "Nobody came", NOW - timedelta(days=2), [])
        cancelled = EncounterStatus.CANCELLED.value
        _meeting(s, "Cancelled", NOW + timedelta(days=1), [dee], status=cancelled)
        _meeting(s, "Cancelled before", NOW - timedelta(days=1), [dee], status=cancelled)

        from ichigoapp.model import Encounter

        met = s.get(Encounter, ahead)
        assert met is not None
        met.participations.append(Participation(name="New Person", email="new@example.org"))

        for text, due, direction in (
            ("overdue", today - timedelta(days=2), PromiseDirection.MINE),
            ("due soon", today + timedelta(days=3), PromiseDirection.THEIRS),
            ("far off", today + timedelta(days=30), PromiseDirection.MINE),
        ):
            add_promise(s, text=text, direction=direction, contact_id=hana, due=due)
        add_promise(s, text="no date", direction=PromiseDirection.MINE, contact_id=hana)
    return vault


def _connect(vault: Vault) -> Iterator[Any]:
    meta = VaultMeta.read(vault.path)
    assert meta is not None
    secret = keys.keychain_secret_or_none(meta.keyring_entry)
    assert secret is not None
    conn = connect_raw(vault.path, secret)
    try:
        yield conn
    finally:
        conn.close()
        secret.wipe()


@pytest.fixture
def conn(filled: Vault) -> Iterator[Any]:
    """A plain SQLCipher connection to the vault, as the app opens it before the model."""
    yield from _connect(filled)


def test_each_section_shows_what_the_user_expects(conn: Any) -> None:
    o = today_read.read_overview(conn, NOW)
    today = local_today(NOW)

    # In progress first, then the week ahead; cancelled and far ones are not there.
    assert [m.title for m in o.upcoming] == ["In progress", "Ahead"]
    assert o.upcoming.total == 2
    ahead = o.upcoming[1]
    assert [(a.name, a.matched) for a in ahead.attendees] == [
        ("Ingrid Solberg", True),
        ("New Person", False),
    ]
    assert ahead.new_people == 1 and o.new_people == 1
    assert ahead.start == NOW + timedelta(days=2) and ahead.start.tzinfo is UTC
    assert ahead.end == NOW + timedelta(days=2, hours=1)

    # Ended without a reflection, with people, in the last 30 days.
    assert [m.title for m in o.awaiting_reflection] == ["Ended"]
    assert [a.name for a in o.awaiting_reflection[0].attendees] == ["Dee"]

    # Overdue and due this week, not the far one nor the undated.
    assert [(p.text, p.overdue(today)) for p in o.promises_due] == [
        ("overdue", True),
        ("due soon", False),
    ]
    assert o.promises_due.total == 2
    first = o.promises_due[0]
    assert first.mine and first.contact_name == "Hana Sato"
    assert first.due == today - timedelta(days=2) and first.done_on is None

    # Thanks owed to two people of one meeting, alphabetically; the thanked one is not.
    assert [(t.title, t.name, t.gratitude) for t in o.unsent_thanks] == [
        ("Workshop", "Ann Chen", "the ideas"),
        ("Workshop", "Bo Chen", "the ideas"),
    ]
    assert o.unsent_thanks.total == 2
    assert o.unsent_thanks[0].start == NOW - timedelta(days=5)

    # Hana overdue by ten days; Kofi never met, after her; Ingrid booked; Aki in touch.
    assert [(k.name, k.days_since(NOW)) for k in o.keep_in_touch] == [
        ("Hana Sato", 40),
        ("Kofi Mensah", None),
    ]
    assert o.keep_in_touch.total == 2
    assert o.keep_in_touch[0].cadence_days == 30
    assert o.keep_in_touch[0].last_met == NOW - timedelta(days=40)

    assert [(b.name, b.days) for b in o.birthdays] == [("Zoë O'Neil", 3)]
    assert o.birthdays[0].on == today + timedelta(days=3)
    assert o.possible_duplicates == 0 and not o.is_calm


def test_a_short_limit_keeps_the_totals(conn: Any) -> None:
    o = today_read.read_overview(conn, NOW, limit=1)
    assert [len(s) for s in (o.awaiting_reflection, o.promises_due, o.keep_in_touch)] == [1, 1, 1]
    assert (o.promises_due.total, o.promises_due.more) == (2, 1)
    assert [t.name for t in o.unsent_thanks] == ["Ann Chen"] and o.unsent_thanks.total == 2
    assert [k.name for k in o.keep_in_touch] == ["Hana Sato"] and o.keep_in_touch.more == 1
    # The week ahead always shows up to UPCOMING_LIMIT meetings.
    assert [m.title for m in o.upcoming] == ["In progress", "Ahead"]
    nothing = today_read.read_overview(conn, NOW, limit=0)
    assert nothing.promises_due.total == 2 and not nothing.promises_due.items
    assert nothing.awaiting_reflection.total == 1 and not nothing.awaiting_reflection.items


def test_the_session_path_gives_the_same_overview(filled: Vault, conn: Any) -> None:
    for limit in (None, 1, 8):
        with filled.session() as session:
            through_session = today_overview(session, NOW, limit, duplicates=False)
        plain = today_read.read_overview(conn, NOW, limit)
        assert isinstance(plain, TodayOverview)
        assert plain == through_session


def test_unsaved_changes_of_the_session_are_seen(filled: Vault) -> None:
    with filled.session() as session:
        extra = add_contact(session, ContactInput(name="Brand New", keep_in_touch_days=5))
        o = today_overview(session, NOW, duplicates=False)
        assert [k.contact_id for k in o.keep_in_touch][-1] == extra.id
        session.rollback()
