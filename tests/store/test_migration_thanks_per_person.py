"""Migration 0010: a vault of the previous release gains thanks per person, and the
meetings it had marked thanked have every attendee marked, on the reflection's day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import inspect, text

from ichigoapp.model import Participation
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, reflect
from ichigoapp.services.today import unsent_thanks
from ichigoapp.store import create_vault, migrate, open_vault
from ichigoapp.store.backup import backup_dir_for
from tests.store.helpers import downgrade_to

START = datetime(2026, 4, 20, 9, 0, tzinfo=UTC)


def test_a_0009_vault_keeps_its_thanks_marked_per_person(vault_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            ama, kofi = (add_contact(s, ContactInput(name=n)).id for n in ("Ama", "Kofi"))

            def meeting(title: str, days: int) -> int:
                start = START + timedelta(days=days)
                data = EncounterInput(title=title, start=start, contact_ids=[ama, kofi])
                return add_encounter(s, data).id

            thanked, waiting = meeting("Thanked", 0), meeting("Waiting", 1)
            no_gratitude = meeting("Learned only", 2)
            unknown = add_encounter(s, EncounterInput(title="Unknown", start=START)).id
            s.flush()
            s.add(Participation(encounter_id=unknown, name="Guest", email="g@example.org"))
            s.add(Participation(encounter_id=thanked, name="Guest", email="g@example.org"))
            reflect(s, thanked, ReflectionInput(gratitude="the harbour tour", thanks_sent=True))
            reflect(s, waiting, ReflectionInput(gratitude="the map"))
            reflect(s, no_gratitude, ReflectionInput(learned="boats", thanks_sent=True))
        downgrade_to(vault.engine, "0009")
        with vault.engine.begin() as conn:
            # The previous release's data: a flag per reflection, no dates per person.
            conn.execute(text("UPDATE reflection SET updated_at = '2026-04-22 23:30:00.000000'"))
        assert migrate.current_revision(vault.engine) == "0009"
        columns = {c["name"] for c in inspect(vault.engine).get_columns("participation")}
        assert "thanks_sent_on" not in columns

    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.head_revision()
        with vault.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT e.title, coalesce(p.contact_id, p.name), p.thanks_sent_on "
                    "FROM participation p JOIN encounter e ON e.id = p.encounter_id "
                    "ORDER BY e.id, p.id"
                )
            ).all()
        on = "2026-04-22"  # the reflection's last change, the nearest day known
        assert [tuple(r) for r in rows] == [
            ("Thanked", ama, on),
            ("Thanked", kofi, on),
            ("Thanked", "Guest", on),  # not a contact yet: thanked with the meeting
            ("Waiting", ama, None),
            ("Waiting", kofi, None),
            ("Learned only", ama, on),
            ("Learned only", kofi, on),
            ("Unknown", "Guest", None),
        ]
        with vault.session() as s:
            listed = [(t.title, t.contact_id) for t in unsent_thanks(s)]
            assert listed == [("Waiting", ama), ("Waiting", kofi)]
            day = s.get(Participation, 1)
            assert day is not None and day.thanks_sent_on == date(2026, 4, 22)
    assert list(backup_dir_for(vault_path).glob("*-before-*.vault"))
