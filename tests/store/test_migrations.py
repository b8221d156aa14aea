"""Schema upgrades: every vault is backed up (encrypted) before it is migrated."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ichigoapp.services import contacts
from ichigoapp.store import create_vault, migrate, open_vault
from ichigoapp.store.backup import backup_dir_for


def test_upgrade_backs_up_first_and_keeps_the_data(
    vault_path: Path, newer_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_vault(vault_path, passphrase="pw") as vault, vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="Yuki Kato", notes="private note 42"))

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer_migrations)
    monkeypatch.setattr(migrate, "HEAD", "9999_test")
    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == "9999_test"
        with vault.engine.connect() as conn:
            row = conn.execute(text("SELECT display_name, next_field FROM contact")).one()
        assert tuple(row) == ("Yuki Kato", "")

    [backup] = backup_dir_for(vault_path).glob("*-before-*.vault")
    assert b"private note 42" not in backup.read_bytes()
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    # The backup is the old schema, encrypted with the same passphrase.
    monkeypatch.undo()
    from ichigoapp.store.meta import VaultMeta

    VaultMeta.read(vault_path).write(backup)  # type: ignore[union-attr]
    with open_vault(backup, passphrase="pw") as old, old.session() as s:
        assert [c.notes for c in contacts.list_contacts(s)] == ["private note 42"]


def test_a_read_only_open_never_migrates(
    vault_path: Path, newer_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ichigoapp.errors import VaultError

    create_vault(vault_path, passphrase="pw").close()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer_migrations)
    monkeypatch.setattr(migrate, "HEAD", "9999_test")
    with pytest.raises(VaultError, match="needs a schema upgrade"):
        open_vault(vault_path, passphrase="pw", write=False)
    assert not backup_dir_for(vault_path).exists()


def test_head_names_the_newest_migration_script() -> None:
    """Opening a vault compares with HEAD instead of loading Alembic: it must be right."""
    assert migrate.head_revision() == migrate.scripted_head()


def test_migrations_build_exactly_the_model(vault_path: Path) -> None:
    """A model change without a migration (or the reverse) fails here, not at a user's."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ichigoapp.model import Base

    with create_vault(vault_path, passphrase="pw") as vault, vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 virtual tables and their shadow tables are created by the migration only.
    assert [d for d in diff if "_fts" not in str(d)] == []
