"""Search as you type over contacts, encounters, reflections and promises (FTS5)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

KINDS = ("contact", "encounter", "reflection", "promise")

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # one of KINDS
    id: int  # the entity's id (for a reflection: the reflection id)
    title: str
    subtitle: str
    target_id: int  # what opening the hit shows: contact, encounter, or the promise itself


def fts_query(user_text: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word, the last as a prefix.

    Each token is quoted, so FTS5 syntax typed by the user (AND, quotes, *, :) is
    searched for as words instead of being interpreted.
    """
    tokens = _TOKEN_RE.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{tok}"*' for tok in tokens)


# Which hits come first. Ranking every match with bm25 (``ORDER BY rank``) costs time in
# proportion to the number of matches, tens of thousands for the first letters typed;
# instead FTS5 walks its rowids newest first and stops after ``:n`` hits. For contacts and
# encounters, hits in the name or title (``:first``) come before hits elsewhere.
_CANDIDATES = """
    WITH hits(rowid, tier) AS (
        SELECT * FROM (SELECT rowid, 0 FROM {fts} WHERE {fts} MATCH :first
                        ORDER BY rowid DESC LIMIT :n)
        UNION ALL
        SELECT * FROM (SELECT rowid, 1 FROM {fts} WHERE {fts} MATCH :q
                        ORDER BY rowid DESC LIMIT :n)),
    best AS (SELECT rowid, min(tier) AS tier FROM hits GROUP BY rowid)"""

_ROWS = {
    "contact": """
        SELECT c.id, c.display_name,
               trim(c.title || CASE WHEN c.title != '' AND c.company != '' THEN ', ' ELSE '' END
                    || c.company), c.id
          FROM best JOIN contact c ON c.id = best.rowid""",
    "encounter": """
        SELECT e.id, e.title, substr(e.start, 1, 16), e.id
          FROM best JOIN encounter e ON e.id = best.rowid""",
    "reflection": """
        SELECT r.id, e.title,
               substr(coalesce(nullif(r.learned, ''), nullif(r.next_time, ''), r.gratitude), 1, 80),
               e.id
          FROM best JOIN reflection r ON r.id = best.rowid
          JOIN encounter e ON e.id = r.encounter_id""",
    "promise": """
        SELECT p.id, p.text,
               CASE p.direction WHEN 'mine' THEN 'I promised' ELSE 'They promised' END, p.id
          FROM best JOIN promise p ON p.id = best.rowid""",
}
# The column whose hits come first; reflections and promises have only one.
_FIRST_COLUMN = {"contact": "name", "encounter": "title", "reflection": "body", "promise": "body"}
# Built from the constants above only; what the user typed is always a bound parameter.
_QUERIES = {
    kind: _CANDIDATES.format(fts=f"{kind}_fts")
    + rows
    + " ORDER BY best.tier, best.rowid DESC LIMIT :n"
    for kind, rows in _ROWS.items()
}


def search(session: Session, user_text: str, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind (contacts first); within a kind, matches in the name or title
    first, then newest first."""
    query = fts_query(user_text)
    if query is None:
        return []
    hits: list[SearchHit] = []
    for kind in KINDS:
        first = f"{_FIRST_COLUMN[kind]} : ({query})"
        rows = session.execute(
            text(_QUERIES[kind]), {"q": query, "first": first, "n": limit_per_kind}
        )
        for ident, title, subtitle, target in rows:
            hits.append(SearchHit(kind, int(ident), str(title), str(subtitle or ""), int(target)))
    return hits
