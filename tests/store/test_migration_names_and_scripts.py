"""Migration 0011: a vault of the previous release gains name orders, and everything it
holds is indexed again, so its Japanese names, readings and notes are found."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from ichigoapp.services.search import search
from ichigoapp.store import create_vault, migrate, open_vault
from tests.store.helpers import downgrade_to

# Rows as the previous release wrote them (no name_order column).
OLD_CONTACT = """
INSERT INTO contact (id, display_name, given_name, family_name, company, title, location,
    how_we_met, interests, notes, private_fields, pronouns, pronunciation, extra,
    created_at, updated_at)
VALUES (:id, :name, :given, :family, :company, '', '', '', :interests, :notes, '[]', '',
    :reading, '{}', :at, :at)"""
OLD_ENCOUNTER = """
INSERT INTO encounter (id, title, kind, start, tz_name, all_day, location, join_url, status,
    intention, notes, description, recurrence_id, sequence, source_file, content_hash,
    created_at, updated_at)
VALUES (1, '佐藤さんとランチ', 'meal', :at, 'Asia/Tokyo', 0, '', '', 'planned', '',
    '京都の茶道教室について', '', '', 0, '', '', :at, :at)"""


def test_a_0010_vault_is_indexed_again_and_gets_name_orders(vault_path: Path) -> None:
    at = datetime(2026, 11, 1, 9, 0, tzinfo=UTC).replace(tzinfo=None)
    with create_vault(vault_path, passphrase="pw") as vault:
        downgrade_to(vault.engine, "0010")
        assert migrate.current_revision(vault.engine) == "0010"
        columns = {c["name"] for c in inspect(vault.engine).get_columns("contact")}
        assert "name_order" not in columns
        with vault.engine.begin() as conn:
            for row in (
                dict(id=1, name="佐藤花子", given="花子", family="佐藤", reading="サトウ ハナコ"),
                dict(id=2, name="Zsófia Horváth", given="Zsófia", family="Horváth", reading=""),
            ):
                conn.execute(
                    text(OLD_CONTACT),
                    {
                        **row,
                        "company": "",
                        "interests": '["\\u8336\\u9053"]',
                        "notes": "",
                        "at": at,
                    },
                )
            conn.execute(text(OLD_ENCOUNTER), {"at": at})
            # The previous release's index splits on spaces only: 藤花 is not found.
            assert (
                conn.execute(
                    text("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH '\"藤花\"*'")
                ).scalar_one()
                == 0
            )

    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.head_revision()
        with vault.engine.connect() as conn:
            orders = conn.execute(text("SELECT id, name_order FROM contact ORDER BY id")).all()
        assert [tuple(r) for r in orders] == [(1, "auto"), (2, "auto")]
        with vault.session() as s:

            def found(query: str) -> list[tuple[str, int]]:
                return [(h.kind, h.id) for h in search(s, query)]

            assert found("花子") == [("contact", 1)]
            assert found("藤花") == [("contact", 1)]
            assert found("はなこ") == [("contact", 1)]
            assert found("ハナコ") == [("contact", 1)]
            assert found("茶道") == [("contact", 2), ("contact", 1), ("encounter", 1)]
            assert found("ランチ") == [("encounter", 1)]
            assert found("horv") == [("contact", 2)]

        # New rows are indexed by the new triggers too.
        with vault.transaction() as s:
            s.execute(text("UPDATE contact SET notes = '一期一会' WHERE id = 2"))
        with vault.session() as s:
            assert [h.id for h in search(s, "一会")] == [2]


def test_0011_goes_back_to_0010_and_up_again(vault_path: Path) -> None:
    with create_vault(vault_path, passphrase="pw") as vault:
        with vault.transaction() as s:
            s.execute(text("INSERT INTO promise_fts(rowid, body) VALUES (99, 'x')"))
        downgrade_to(vault.engine, "0010")
        with vault.engine.connect() as conn:
            triggers = {
                r[0]
                for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            }
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'encounter_fts_ai'")
            ).scalar_one()
        assert {"contact_fts_ai", "encounter_fts_ai", "promise_fts_ad"} <= triggers
        assert "fts_deferred" in sql and "ichigo_fts_text" not in sql
    with open_vault(vault_path, passphrase="pw") as vault:
        assert migrate.current_revision(vault.engine) == migrate.head_revision()
