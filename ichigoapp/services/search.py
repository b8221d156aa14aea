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


_QUERIES = {
    "contact": """
        SELECT c.id, c.display_name,
               trim(c.title || CASE WHEN c.title != '' AND c.company != '' THEN ', ' ELSE '' END
                    || c.company), c.id
          FROM contact_fts f JOIN contact c ON c.id = f.rowid
         WHERE contact_fts MATCH :q ORDER BY rank LIMIT :n""",
    "encounter": """
        SELECT e.id, e.title, substr(e.start, 1, 16), e.id
          FROM encounter_fts f JOIN encounter e ON e.id = f.rowid
         WHERE encounter_fts MATCH :q ORDER BY rank LIMIT :n""",
    "reflection": """
        SELECT r.id, e.title,
               substr(coalesce(nullif(r.learned, ''), nullif(r.next_time, ''), r.gratitude), 1, 80),
               e.id
          FROM reflection_fts f JOIN reflection r ON r.id = f.rowid
          JOIN encounter e ON e.id = r.encounter_id
         WHERE reflection_fts MATCH :q ORDER BY rank LIMIT :n""",
    "promise": """
        SELECT p.id, p.text,
               CASE p.direction WHEN 'mine' THEN 'I promised' ELSE 'They promised' END, p.id
          FROM promise_fts f JOIN promise p ON p.id = f.rowid
         WHERE promise_fts MATCH :q ORDER BY rank LIMIT :n""",
}


def search(session: Session, user_text: str, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind (contacts first), best first within each kind."""
    query = fts_query(user_text)
    if query is None:
        return []
    hits: list[SearchHit] = []
    for kind in KINDS:
        rows = session.execute(text(_QUERIES[kind]), {"q": query, "n": limit_per_kind})
        for ident, title, subtitle, target in rows:
            hits.append(SearchHit(kind, int(ident), str(title), str(subtitle or ""), int(target)))
    return hits
