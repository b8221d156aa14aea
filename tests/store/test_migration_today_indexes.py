"""Migrations 0012 and 0013: a vault of the previous release gains the partial indexes
of Today (thanks to send, birthdays, promises due), and Today's queries read them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from ichigoapp.model import PromiseDirection
from ichigoapp.services import today_read
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.thanks import mark_thanks_sent
from ichigoapp.services.today import raw, unsent_thanks
from ichigoapp.store import create_vault, migrate, open_vault
from tests.store.helpers import downgrade_to

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _plan(conn: Any, sql: str) -> str:
    return "\n".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall())


def test_a_0011_vault_gains_the_thanks_indexes_and_today_reads_them(vault_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            ann = add_contact(s, ContactInput(name="Ann Chen")).id
            bo = add_contact(s, ContactInput(name="Bo Chen")).id
            for days, title in ((5, "Workshop"), (9, "Dinner")):
                met = add_encounter(
                    s,
                    EncounterInput(
                        title=title,
                        start=NOW - timedelta(days=days),
                        end=NOW - timedelta(days=days, hours=-1),
                        contact_ids=[ann, bo],
                    ),
                ).id
                reflect(s, met, ReflectionInput(gratitude=f"the {title.lower()}"))
            mark_thanks_sent(s, met, bo)  # Bo thanked for the dinner
        downgrade_to(vault.engine, "0011")
        indexes = {i["name"] for i in inspect(vault.engine).get_indexes("participation")}
        assert "ix_participation_thankable" not in indexes

    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.HEAD
        found = {
            table: {i["name"] for i in inspect(vault.engine).get_indexes(table)}
            for table in ("participation", "reflection")
        }
        assert "ix_participation_thankable" in found["participation"]
        assert "ix_reflection_unsent_thanks" in found["reflection"]
        with vault.session() as s:
            waiting = unsent_thanks(s)
            assert [(t.title, t.name) for t in waiting] == [
                ("Workshop", "Ann Chen"),
                ("Workshop", "Bo Chen"),
                ("Dinner", "Ann Chen"),
            ]
            assert waiting.total == 3
            # The count reads the two indexes (their WHERE terms are the query's).
            still, waiting_ = today_read.STILL_TO_THANK, today_read.WAITING
            total = f"SELECT sum({still}) FROM reflection WHERE {waiting_}"  # noqa: S608
            plan = _plan(raw(s), total)
            assert "INDEX ix_reflection_unsent_thanks" in plan
            assert "INDEX ix_participation_thankable" in plan


def test_a_0012_vault_gains_the_birthday_and_promise_indexes(vault_path: Path) -> None:
    today = NOW.date()
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            zoe = add_contact(s, ContactInput(name="Zoë", birthday=today.replace(year=1990)))
            add_contact(s, ContactInput(name="No Birthday"))
            for text, due in (
                ("soon", today),
                ("far", today + timedelta(days=60)),
                ("no date", None),
            ):
                add_promise(
                    s, text=text, direction=PromiseDirection.MINE, contact_id=zoe.id, due=due
                )
        downgrade_to(vault.engine, "0012")
        assert "ix_contact_birthday" not in {
            i["name"] for i in inspect(vault.engine).get_indexes("contact")
        }

    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.HEAD
        with vault.session() as s:
            conn = raw(s)
            assert [b.name for b in today_read.birthdays_soon(conn, today)] == ["Zoë"]
            assert [p.text for p in today_read.promises_due(conn, NOW, limit=8)] == ["soon"]
            birthdays = "SELECT id FROM contact WHERE birthday IS NOT NULL"
            assert "INDEX ix_contact_birthday" in _plan(conn, birthdays)
            open_due = (
                "SELECT promise.id FROM promise WHERE promise.done_on IS NULL"
                " AND promise.due IS NOT NULL AND promise.due <= '2026-05-11'"
            )
            assert "INDEX ix_promise_open_due" in _plan(conn, open_due)
