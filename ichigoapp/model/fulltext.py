"""Full-text search tables (SQLite FTS5) and the triggers that keep them in sync.

Each searchable table has an FTS5 table whose rowid is the entity's id, so a change
touches one FTS row by rowid instead of scanning. Triggers (not ORM events) keep them
current, so bulk inserts through SQLAlchemy Core are indexed too. Used by the Alembic
migrations; kept here as plain SQL so the model stays free of I/O.
"""

from __future__ import annotations

TOKENIZE = "unicode61 remove_diacritics 2"
# Prefix indexes make search-as-you-type ("han" -> Hanako) an index lookup.
PREFIX = "2 3 4"

FTS_TABLES = {
    "contact_fts": ("name", "body"),
    "encounter_fts": ("title", "body"),
    "reflection_fts": ("body",),
    "promise_fts": ("body",),
}


def _contact_body(cid: str) -> str:
    return f"""
        (SELECT concat_ws(' ', c.company, c.title, c.location, c.how_we_met, c.interests,
                c.notes,
                (SELECT group_concat(e.email, ' ') FROM contact_email e WHERE e.contact_id = c.id),
                (SELECT group_concat(d.label || ' ' || d.value, ' ')
                   FROM personal_detail d WHERE d.contact_id = c.id))
           FROM contact c WHERE c.id = {cid})"""


def _refresh_contact(cid: str) -> str:
    return f"""
        DELETE FROM contact_fts WHERE rowid = {cid};
        INSERT INTO contact_fts(rowid, name, body)
            SELECT c.id, concat_ws(' ', c.display_name, c.given_name, c.family_name),
                   {_contact_body("c.id")}
              FROM contact c WHERE c.id = {cid};"""


_ENCOUNTER_ROW = """
    INSERT INTO encounter_fts(rowid, title, body)
        VALUES (new.id, new.title,
                concat_ws(' ', new.location, new.intention, new.notes, new.description));"""

_REFLECTION_ROW = """
    INSERT INTO reflection_fts(rowid, body)
        VALUES (new.id, concat_ws(' ', new.learned, new.went_well, new.improve,
                                  new.gratitude, new.next_time));"""

_PROMISE_ROW = "INSERT INTO promise_fts(rowid, body) VALUES (new.id, new.text);"


def create_statements() -> list[str]:
    """DDL creating the FTS tables and their triggers."""
    stmts = [
        f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(cols)}, "
        f"tokenize = '{TOKENIZE}', prefix = '{PREFIX}')"
        for name, cols in FTS_TABLES.items()
    ]
    stmts += [
        f"CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN {_refresh_contact('new.id')} END",
        f"CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN {_refresh_contact('new.id')} END",
        "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN "
        "DELETE FROM contact_fts WHERE rowid = old.id; END",
        f"CREATE TRIGGER contact_email_fts_ai AFTER INSERT ON contact_email BEGIN "
        f"{_refresh_contact('new.contact_id')} END",
        f"CREATE TRIGGER contact_email_fts_ad AFTER DELETE ON contact_email BEGIN "
        f"{_refresh_contact('old.contact_id')} END",
        f"CREATE TRIGGER personal_detail_fts_ai AFTER INSERT ON personal_detail BEGIN "
        f"{_refresh_contact('new.contact_id')} END",
        f"CREATE TRIGGER personal_detail_fts_au AFTER UPDATE ON personal_detail BEGIN "
        f"{_refresh_contact('new.contact_id')} END",
        f"CREATE TRIGGER personal_detail_fts_ad AFTER DELETE ON personal_detail BEGIN "
        f"{_refresh_contact('old.contact_id')} END",
        f"CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter BEGIN {_ENCOUNTER_ROW} END",
        "CREATE TRIGGER encounter_fts_au AFTER UPDATE OF title, location, intention, notes, "
        "description ON encounter BEGIN "
        f"DELETE FROM encounter_fts WHERE rowid = old.id; {_ENCOUNTER_ROW} END",
        "CREATE TRIGGER encounter_fts_ad AFTER DELETE ON encounter BEGIN "
        "DELETE FROM encounter_fts WHERE rowid = old.id; END",
        f"CREATE TRIGGER reflection_fts_ai AFTER INSERT ON reflection BEGIN {_REFLECTION_ROW} END",
        "CREATE TRIGGER reflection_fts_au AFTER UPDATE ON reflection BEGIN "
        f"DELETE FROM reflection_fts WHERE rowid = old.id; {_REFLECTION_ROW} END",
        "CREATE TRIGGER reflection_fts_ad AFTER DELETE ON reflection BEGIN "
        "DELETE FROM reflection_fts WHERE rowid = old.id; END",
        f"CREATE TRIGGER promise_fts_ai AFTER INSERT ON promise BEGIN {_PROMISE_ROW} END",
        "CREATE TRIGGER promise_fts_au AFTER UPDATE OF text ON promise BEGIN "
        f"DELETE FROM promise_fts WHERE rowid = old.id; {_PROMISE_ROW} END",
        "CREATE TRIGGER promise_fts_ad AFTER DELETE ON promise BEGIN "
        "DELETE FROM promise_fts WHERE rowid = old.id; END",
    ]
    return stmts


def drop_statements() -> list[str]:
    triggers = [
        "contact_fts_ai", "contact_fts_au", "contact_fts_ad",
        "contact_email_fts_ai", "contact_email_fts_ad",
        "personal_detail_fts_ai", "personal_detail_fts_au", "personal_detail_fts_ad",
        "encounter_fts_ai", "encounter_fts_au", "encounter_fts_ad",
        "reflection_fts_ai", "reflection_fts_au", "reflection_fts_ad",
        "promise_fts_ai", "promise_fts_au", "promise_fts_ad",
    ]  # fmt: skip
    return [f"DROP TRIGGER IF EXISTS {t}" for t in triggers] + [
        f"DROP TABLE IF EXISTS {name}" for name in FTS_TABLES
    ]
