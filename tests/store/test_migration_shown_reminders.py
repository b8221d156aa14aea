"""Migration 0009: a vault of the previous release gains the table of shown reminders."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import inspect

from ichigoapp.services import contacts
from ichigoapp.services.common import local_zone
from ichigoapp.services.reminders import due, mark_shown
from ichigoapp.store import create_vault, migrate, open_vault
from ichigoapp.store.backup import backup_dir_for
from tests.store.helpers import downgrade_to

# Noon, local time: the day's digest is due (Ingrid is someone to get in touch with).
NOW = datetime.combine(date(2026, 5, 4), time(12), tzinfo=local_zone()).astimezone(UTC)


def test_a_0008_vault_is_upgraded_and_then_remembers_what_was_shown(vault_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            ingrid = contacts.ContactInput(name="Ingrid Solberg", keep_in_touch_days=30)
            contacts.add_contact(s, ingrid)
        downgrade_to(vault.engine, "0008")
        assert migrate.current_revision(vault.engine) == "0008"
        assert "shown_reminder" not in inspect(vault.engine).get_table_names()

    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.HEAD  # 0009 and after
        with vault.session() as s:
            assert [c.display_name for c in contacts.list_contacts(s)] == ["Ingrid Solberg"]
        with vault.transaction() as s:
            [digest] = due(s, NOW)
            assert digest.key == "digest:2026-05-04"
            mark_shown(s, [digest.key], NOW)
    assert list(backup_dir_for(vault_path).glob("*-before-*.vault"))

    with open_vault(vault_path, passphrase="pw") as vault:
        columns = {c["name"] for c in inspect(vault.engine).get_columns("shown_reminder")}
        assert columns == {"key", "shown_at"}
        with vault.session() as s:
            assert due(s, NOW) == []  # the digest of that day was shown before the reopen
