"""initial schema: contacts, encounters, reflections, promises, full-text search

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Full-text tables and triggers as they were at this revision (frozen copy of
# ichigoapp.model.fulltext; later changes get their own migration).
FTS_CREATE = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
    "CREATE VIRTUAL TABLE encounter_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
    "CREATE VIRTUAL TABLE reflection_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
    "CREATE VIRTUAL TABLE promise_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = new.id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = new.id; END",
    "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER contact_email_fts_ai AFTER INSERT ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER contact_email_fts_ad AFTER DELETE ON contact_email BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ai AFTER INSERT ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_au AFTER UPDATE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = new.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = new.contact_id; END",
    "CREATE TRIGGER personal_detail_fts_ad AFTER DELETE ON personal_detail BEGIN DELETE FROM contact_fts WHERE rowid = old.contact_id; INSERT INTO contact_fts(rowid, name, body) SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name), (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests, c.notes, (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id), (SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d WHERE d.contact_id = c.id)) FROM contact c WHERE c.id = c.id) FROM contact c WHERE c.id = old.contact_id; END",
    "CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter BEGIN INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, new.title, concat_ws(' ', new.location, new.intention, new.notes, new.description)); END",
    "CREATE TRIGGER encounter_fts_au AFTER UPDATE OF title, location, intention, notes, description ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; INSERT INTO encounter_fts(rowid, title, body) VALUES (new.id, new.title, concat_ws(' ', new.location, new.intention, new.notes, new.description)); END",
    "CREATE TRIGGER encounter_fts_ad AFTER DELETE ON encounter BEGIN DELETE FROM encounter_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER reflection_fts_ai AFTER INSERT ON reflection BEGIN INSERT INTO reflection_fts(rowid, body) VALUES (new.id, concat_ws(' ', new.learned, new.went_well, new.improve, new.gratitude, new.next_time)); END",
    "CREATE TRIGGER reflection_fts_au AFTER UPDATE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; INSERT INTO reflection_fts(rowid, body) VALUES (new.id, concat_ws(' ', new.learned, new.went_well, new.improve, new.gratitude, new.next_time)); END",
    "CREATE TRIGGER reflection_fts_ad AFTER DELETE ON reflection BEGIN DELETE FROM reflection_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER promise_fts_ai AFTER INSERT ON promise BEGIN INSERT INTO promise_fts(rowid, body) VALUES (new.id, new.text); END",
    "CREATE TRIGGER promise_fts_au AFTER UPDATE OF text ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; INSERT INTO promise_fts(rowid, body) VALUES (new.id, new.text); END",
    "CREATE TRIGGER promise_fts_ad AFTER DELETE ON promise BEGIN DELETE FROM promise_fts WHERE rowid = old.id; END",
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

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("how_we_met", sa.Text(), nullable=False),
        sa.Column("met_on", sa.Date(), nullable=True),
        sa.Column("met_through_id", sa.Integer(), nullable=True),
        sa.Column("interests", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("private_fields", sa.JSON(), nullable=False),
        sa.Column("keep_in_touch_days", sa.Integer(), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["met_through_id"],
            ["contact.id"],
            name=op.f("fk_contact_met_through_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_table(
        "encounter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=True),
        sa.Column("tz_name", sa.String(length=100), nullable=True),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("join_url", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("intention", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("ical_uid", sa.String(length=1000), nullable=True),
        sa.Column("recurrence_id", sa.String(length=40), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("source_file", sa.String(length=1000), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_encounter")),
        sa.UniqueConstraint("ical_uid", "recurrence_id", name="uq_encounter_origin"),
    )
    with op.batch_alter_table("encounter", schema=None) as batch_op:
        batch_op.create_index("ix_encounter_start", ["start"], unique=False)
        batch_op.create_index("ix_encounter_status_start", ["status", "start"], unique=False)

    op.create_table(
        "me_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_me_identity")),
        sa.UniqueConstraint("kind", "value", name="uq_me_identity_kind_value"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "contact_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_change_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_change")),
    )
    with op.batch_alter_table("contact_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_change_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("label", sa.String(length=50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_email_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_email")),
        sa.UniqueConstraint("email", name=op.f("uq_contact_email_email")),
    )
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.create_index("ix_contact_email_contact", ["contact_id"], unique=False)

    op.create_table(
        "contact_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("label", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_link_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_link")),
    )
    with op.batch_alter_table("contact_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_link_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_phone_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phone")),
    )
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_phone_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_tag",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_tag_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_contact_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tag")),
    )
    op.create_table(
        "participation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("encounter_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("reply_status", sa.String(length=40), nullable=False),
        sa.Column("is_organizer", sa.Boolean(), nullable=False),
        sa.Column("triage_ignored", sa.Boolean(), nullable=False),
        sa.Column("from_calendar", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_participation_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_participation_encounter_id_encounter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation")),
    )
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.create_index("ix_participation_contact", ["contact_id"], unique=False)
        batch_op.create_index("ix_participation_email", ["email"], unique=False)
        batch_op.create_index("ix_participation_encounter", ["encounter_id"], unique=False)

    op.create_table(
        "personal_detail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_personal_detail_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_detail")),
    )
    with op.batch_alter_table("personal_detail", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_personal_detail_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "promise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("encounter_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_promise_contact_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_promise_encounter_id_encounter"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise")),
    )
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promise_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_promise_encounter_id"), ["encounter_id"], unique=False)

    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("encounter_id", sa.Integer(), nullable=False),
        sa.Column("learned", sa.Text(), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("improve", sa.Text(), nullable=False),
        sa.Column("gratitude", sa.Text(), nullable=False),
        sa.Column("thanks_sent", sa.Boolean(), nullable=False),
        sa.Column("next_time", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_reflection_encounter_id_encounter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
        sa.UniqueConstraint("encounter_id", name=op.f("uq_reflection_encounter_id")),
    )
    op.create_table(
        "reschedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("encounter_id", sa.Integer(), nullable=False),
        sa.Column("old_start", sa.DateTime(), nullable=False),
        sa.Column("old_end", sa.DateTime(), nullable=True),
        sa.Column("new_start", sa.DateTime(), nullable=False),
        sa.Column("new_end", sa.DateTime(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_reschedule_encounter_id_encounter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reschedule")),
    )
    with op.batch_alter_table("reschedule", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reschedule_encounter_id"), ["encounter_id"], unique=False
        )

    for statement in FTS_CREATE:
        op.execute(statement)


def downgrade() -> None:
    for statement in FTS_DROP:
        op.execute(statement)

    with op.batch_alter_table("reschedule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reschedule_encounter_id"))

    op.drop_table("reschedule")
    op.drop_table("reflection")
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promise_encounter_id"))
        batch_op.drop_index(batch_op.f("ix_promise_contact_id"))

    op.drop_table("promise")
    with op.batch_alter_table("personal_detail", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_detail_contact_id"))

    op.drop_table("personal_detail")
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_index("ix_participation_encounter")
        batch_op.drop_index("ix_participation_email")
        batch_op.drop_index("ix_participation_contact")

    op.drop_table("participation")
    op.drop_table("contact_tag")
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phone_contact_id"))

    op.drop_table("contact_phone")
    with op.batch_alter_table("contact_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_link_contact_id"))

    op.drop_table("contact_link")
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_email_contact")

    op.drop_table("contact_email")
    with op.batch_alter_table("contact_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_change_contact_id"))

    op.drop_table("contact_change")
    op.drop_table("tag")
    op.drop_table("setting")
    op.drop_table("me_identity")
    with op.batch_alter_table("encounter", schema=None) as batch_op:
        batch_op.drop_index("ix_encounter_status_start")
        batch_op.drop_index("ix_encounter_start")

    op.drop_table("encounter")
    op.drop_table("contact")
