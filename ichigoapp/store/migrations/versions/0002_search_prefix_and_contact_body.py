"""search: fix contact bodies, prefix indexes from one letter, portable trigger SQL

The contact triggers of 0001 read the body (company, notes, addresses...) from whichever
contact came first (an inner alias shadowed the outer one), so every contact was found by
the first contact's words. The FTS tables are rebuilt with prefix indexes of 1-3
characters, so search as you type is an index lookup from the first letter, and the
triggers use ``||`` instead of concat_ws() (SQLite 3.44+).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Frozen copy of ichigoapp.model.fulltext at this revision.
FTS_CREATE = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE encounter_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE reflection_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE promise_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER contact_email_fts_ai AFTER INSERT ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER contact_email_fts_ad AFTER DELETE ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ai AFTER INSERT ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_au AFTER UPDATE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ad AFTER DELETE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter BEGIN INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, new.title, new.location || ' ' || new.intention || ' ' || new.notes || ' ' || new.description); END",
    "CREATE TRIGGER encounter_fts_au AFTER UPDATE OF title, location, intention, notes, description ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, new.title, new.location || ' ' || new.intention || ' ' || new.notes || ' ' || new.description); END",
    "CREATE TRIGGER encounter_fts_ad AFTER DELETE ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER reflection_fts_ai AFTER INSERT ON reflection BEGIN INSERT INTO reflection_fts(rowid, body) VALUES (new.id, new.learned || ' ' || new.went_well || ' ' || new.improve || ' ' || new.gratitude || ' ' || new.next_time); END",
    "CREATE TRIGGER reflection_fts_au AFTER UPDATE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; INSERT INTO reflection_fts(rowid, body) VALUES (new.id, new.learned || ' ' || new.went_well || ' ' || new.improve || ' ' || new.gratitude || ' ' || new.next_time); END",
    "CREATE TRIGGER reflection_fts_ad AFTER DELETE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER promise_fts_ai AFTER INSERT ON promise BEGIN INSERT INTO promise_fts(rowid, body) VALUES (new.id, new.text); END",
    "CREATE TRIGGER promise_fts_au AFTER UPDATE OF text ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; INSERT INTO promise_fts(rowid, body) VALUES (new.id, new.text); END",
    "CREATE TRIGGER promise_fts_ad AFTER DELETE ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; END",
]

FTS_FILL = [
    "INSERT INTO contact_fts(rowid, name, body) SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.company || ' ' || c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || c.interests || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '') FROM contact c WHERE 1",
    "INSERT INTO encounter_fts(rowid, title, body) SELECT e.id, e.title, e.location || ' ' || e.intention || ' ' || e.notes || ' ' || e.description FROM encounter e",
    "INSERT INTO reflection_fts(rowid, body) SELECT r.id, r.learned || ' ' || r.went_well || ' ' || r.improve || ' ' || r.gratitude || ' ' || r.next_time FROM reflection r",
    "INSERT INTO promise_fts(rowid, body) SELECT p.id, p.text FROM promise p",
]

FTS_DROP = [
    "DROP TRIGGER IF EXISTS contact_fts_ai",
    "DROP TRIGGER IF EXISTS contact_fts_au",
    "DROP TRIGGER IF EXISTS contact_fts_ad",
    "DROP TRIGGER IF EXISTS contact_email_fts_ai",
    "DROP TRIGGER IF EXISTS contact_email_fts_ad",
    "DROP TRIGGER IF EXISTS personal_detail_fts_ai",
    "DROP TRIGGER IF EXISTS personal_detail_fts_au",
    "DROP TRIGGER IF EXISTS personal_detail_fts_ad",
    "DROP TRIGGER IF EXISTS encounter_fts_ai",
    "DROP TRIGGER IF EXISTS encounter_fts_au",
    "DROP TRIGGER IF EXISTS encounter_fts_ad",
    "DROP TRIGGER IF EXISTS reflection_fts_ai",
    "DROP TRIGGER IF EXISTS reflection_fts_au",
    "DROP TRIGGER IF EXISTS reflection_fts_ad",
    "DROP TRIGGER IF EXISTS promise_fts_ai",
    "DROP TRIGGER IF EXISTS promise_fts_au",
    "DROP TRIGGER IF EXISTS promise_fts_ad",
    "DROP TABLE IF EXISTS contact_fts",
    "DROP TABLE IF EXISTS encounter_fts",
    "DROP TABLE IF EXISTS reflection_fts",
    "DROP TABLE IF EXISTS promise_fts",
]


def upgrade() -> None:
    for statement in [*FTS_DROP, *FTS_CREATE, *FTS_FILL]:
        op.execute(statement)


def _initial() -> object:
    path = Path(__file__).with_name("0001_initial_schema.py")
    spec = importlib.util.spec_from_file_location("ichigo_migration_0001", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    initial = _initial()
    for statement in [*FTS_DROP, *initial.FTS_CREATE, *FTS_FILL]:  # type: ignore[attr-defined]
        op.execute(statement)
