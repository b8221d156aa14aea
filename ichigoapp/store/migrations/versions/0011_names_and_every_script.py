"""names and every script: a contact's name order; search finds text written without spaces

``contact.name_order`` is "auto" (family name first when the name is written in CJK
script), "given-first" or "family-first", set per contact by the user (a Hungarian name
cannot be told from its script).

The full-text tables are rebuilt and every existing row indexed again: each text now
passes through ``ichigo_fts_text`` (``model/textfold.py``), which folds width, case and
kana and stores runs of CJK script as overlapping pairs, so 花子 finds 佐藤花子 and
たなか finds a reading written タナカ. A contact's reading (``pronunciation``) joins
its names, its company gets a column of its own (names and companies rank first), and
its interests are read with json_each (their JSON holds non-ASCII letters escaped).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of ichigoapp.model.fulltext at this revision.
FTS_CREATE = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, company, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE encounter_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE reflection_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE promise_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER contact_email_fts_ai AFTER INSERT ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER contact_email_fts_ad AFTER DELETE ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ai AFTER INSERT ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_au AFTER UPDATE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ad AFTER DELETE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, ichigo_fts_text(new.title), ichigo_fts_text(new.location || ' ' || new.intention || ' ' || new.notes || ' ' || new.description)); END",
    "CREATE TRIGGER encounter_fts_au AFTER UPDATE OF title, location, intention, notes, description ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, ichigo_fts_text(new.title), ichigo_fts_text(new.location || ' ' || new.intention || ' ' || new.notes || ' ' || new.description)); END",
    "CREATE TRIGGER encounter_fts_ad AFTER DELETE ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER reflection_fts_ai AFTER INSERT ON reflection BEGIN INSERT INTO reflection_fts(rowid, body) VALUES (new.id, ichigo_fts_text(new.learned || ' ' || new.went_well || ' ' || new.improve || ' ' || new.gratitude || ' ' || new.next_time)); END",
    "CREATE TRIGGER reflection_fts_au AFTER UPDATE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; INSERT INTO reflection_fts(rowid, body) VALUES (new.id, ichigo_fts_text(new.learned || ' ' || new.went_well || ' ' || new.improve || ' ' || new.gratitude || ' ' || new.next_time)); END",
    "CREATE TRIGGER reflection_fts_ad AFTER DELETE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER promise_fts_ai AFTER INSERT ON promise BEGIN INSERT INTO promise_fts(rowid, body) VALUES (new.id, ichigo_fts_text(new.text)); END",
    "CREATE TRIGGER promise_fts_au AFTER UPDATE OF text ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; INSERT INTO promise_fts(rowid, body) VALUES (new.id, ichigo_fts_text(new.text)); END",
    "CREATE TRIGGER promise_fts_ad AFTER DELETE ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; END",
]

FTS_FILL = [
    "INSERT INTO contact_fts(rowid, name, company, body) SELECT c.id, ichigo_fts_text(c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation), ichigo_fts_text(c.company), ichigo_fts_text( c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' || coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' || c.notes || ' ' || coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), '') || ' ' || coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id), '')) FROM contact c WHERE 1",
    "INSERT INTO encounter_fts(rowid, title, body) SELECT e.id, ichigo_fts_text(e.title), ichigo_fts_text(e.location || ' ' || e.intention || ' ' || e.notes || ' ' || e.description) FROM encounter e",
    "INSERT INTO reflection_fts(rowid, body) SELECT r.id, ichigo_fts_text(r.learned || ' ' || r.went_well || ' ' || r.improve || ' ' || r.gratitude || ' ' || r.next_time) FROM reflection r",
    "INSERT INTO promise_fts(rowid, body) SELECT p.id, ichigo_fts_text(p.text) FROM promise p",
]


def _revision(filename: str) -> ModuleType:
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"ichigo_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(
            sa.Column("name_order", sa.String(20), nullable=False, server_default="auto")
        )
    search = _revision("0002_search_prefix_and_contact_body.py")
    for statement in [*search.FTS_DROP, *FTS_CREATE, *FTS_FILL]:
        op.execute(statement)


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): no copy of the table, which every other table
    # refers to (a copy would drop its triggers, and its rows' cascades would run).
    op.execute("ALTER TABLE contact DROP COLUMN name_order")
    # The tables and triggers of 0002, with the import trigger 0004 gave them.
    search = _revision("0002_search_prefix_and_contact_body.py")
    import_speed = _revision("0004_import_speed.py")
    before = [
        import_speed.NEW_TRIGGER if s.startswith("CREATE TRIGGER encounter_fts_ai ") else s
        for s in search.FTS_CREATE
    ]
    for statement in [*search.FTS_DROP, *before, *search.FTS_FILL]:
        op.execute(statement)
