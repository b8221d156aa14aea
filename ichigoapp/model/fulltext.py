"""Full-text search tables (SQLite FTS5) and the triggers that keep them in sync.

Each searchable table has an FTS5 table whose rowid is the entity's id, so a change
touches one FTS row by rowid instead of scanning. Triggers (not ORM events) keep them
current, so bulk inserts through SQLAlchemy Core are indexed too. Used by the Alembic
migrations; kept here as plain SQL so the model stays free of I/O.

Every indexed text passes through the SQL function ``ichigo_fts_text``
(:func:`ichigoapp.model.textfold.index_text`, registered on each vault connection), so
text in scripts written without spaces is found from any of its characters, and width,
case and kana are folded the same way as the query (see ``textfold``).
"""

from __future__ import annotations

from ichigoapp.model.textfold import SQL_FUNCTION

TOKENIZE = "unicode61 remove_diacritics 2"
# Prefix indexes make search-as-you-type an index lookup from the first letter typed
# ("h" -> Hanako); longer prefixes match few enough terms to be cheap without one.
PREFIX = "1 2 3"

FTS_TABLES = {
    # A contact's names (with the reading) and company are found before the rest.
    "contact_fts": ("name", "company", "body"),
    "encounter_fts": ("title", "body"),
    "reflection_fts": ("body",),
    "promise_fts": ("body",),
}

# Interests are read with json_each: the JSON text holds non-ASCII letters as \u escapes.
# Plain `||` rather than concat_ws() (SQLite 3.44+), so the same DDL also runs on older
# SQLite builds; every joined column is NOT NULL, the aggregates are coalesced.
_CONTACT_NAME = (
    "c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || c.pronunciation"
)
_CONTACT_BODY = """
    c.title || ' ' || c.location || ' ' || c.how_we_met || ' ' ||
    coalesce((SELECT group_concat(i.value, ' ') FROM json_each(c.interests) i), '') || ' ' ||
    c.notes || ' ' ||
    coalesce((SELECT group_concat(e.email, ' ') FROM contact_email e
               WHERE e.contact_id = c.id), '') || ' ' ||
    coalesce((SELECT group_concat(d.label || ' ' || d.value, ' ') FROM personal_detail d
               WHERE d.contact_id = c.id), '')"""


def _indexed(sql: str) -> str:
    return f"{SQL_FUNCTION}({sql})"


def contact_rows(where: str) -> str:
    """SELECT of contact_fts rows (rowid, name, company, body) for the contacts matching
    ``where``."""
    return (
        f"SELECT c.id, {_indexed(_CONTACT_NAME)}, {_indexed('c.company')}, "
        f"{_indexed(_CONTACT_BODY)} FROM contact c WHERE {where}"
    )


def _refresh_contact(cid: str) -> str:
    return f"""
        DELETE FROM contact_fts WHERE rowid = {cid};
        INSERT INTO contact_fts(rowid, name, company, body) {contact_rows(f"c.id = {cid}")};"""


_ENCOUNTER_BODY = (
    "{p}.location || ' ' || {p}.intention || ' ' || {p}.notes || ' ' || {p}.description"
)
_REFLECTION_BODY = (
    "{p}.learned || ' ' || {p}.went_well || ' ' || {p}.improve || ' ' || {p}.gratitude"
    " || ' ' || {p}.next_time"
)

_ENCOUNTER_ROW = f"""
    INSERT INTO encounter_fts(rowid, title, body)
        VALUES (new.id, {_indexed("new.title")}, {_indexed(_ENCOUNTER_BODY.format(p="new"))});"""

_REFLECTION_ROW = f"""
    INSERT INTO reflection_fts(rowid, body)
        VALUES (new.id, {_indexed(_REFLECTION_BODY.format(p="new"))});"""

_PROMISE_ROW = f"INSERT INTO promise_fts(rowid, body) VALUES (new.id, {_indexed('new.text')});"


def encounter_fts_bulk_insert(first_id: int) -> str:
    """Index encounters with id >= ``first_id`` in one statement (FTS5 writes its index
    in bulk far faster than one trigger call per row)."""
    return (
        "INSERT INTO encounter_fts(rowid, title, body) "
        f"SELECT e.id, {_indexed('e.title')}, {_indexed(_ENCOUNTER_BODY.format(p='e'))} "
        f"FROM encounter e WHERE e.id >= {int(first_id)}"
    )


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
        # Skipped while a calendar import indexes its new rows in one statement
        # (see encounter_fts_bulk_insert); any other insert is indexed here.
        "CREATE TRIGGER encounter_fts_ai AFTER INSERT ON encounter "
        f"WHEN NOT EXISTS (SELECT 1 FROM fts_deferred) BEGIN {_ENCOUNTER_ROW} END",
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


def fill_statements() -> list[str]:
    """Index every existing row (after the tables were (re)created)."""
    return [
        f"INSERT INTO contact_fts(rowid, name, company, body) {contact_rows('1')}",
        "INSERT INTO encounter_fts(rowid, title, body) "
        f"SELECT e.id, {_indexed('e.title')}, {_indexed(_ENCOUNTER_BODY.format(p='e'))} "
        "FROM encounter e",
        "INSERT INTO reflection_fts(rowid, body) "
        f"SELECT r.id, {_indexed(_REFLECTION_BODY.format(p='r'))} FROM reflection r",
        f"INSERT INTO promise_fts(rowid, body) SELECT p.id, {_indexed('p.text')} FROM promise p",
    ]


def drop_statements() -> list[str]:
    triggers = [
        "contact_fts_ai",
        "contact_fts_au",
        "contact_fts_ad",
        "contact_email_fts_ai",
        "contact_email_fts_ad",
        "personal_detail_fts_ai",
        "personal_detail_fts_au",
        "personal_detail_fts_ad",
        "encounter_fts_ai",
        "encounter_fts_au",
        "encounter_fts_ad",
        "reflection_fts_ai",
        "reflection_fts_au",
        "reflection_fts_ad",
        "promise_fts_ai",
        "promise_fts_au",
        "promise_fts_ad",
    ]
    return [f"DROP TRIGGER IF EXISTS {t}" for t in triggers] + [
        f"DROP TABLE IF EXISTS {name}" for name in FTS_TABLES
    ]
