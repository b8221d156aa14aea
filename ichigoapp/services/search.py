"""Search as you type over contacts, encounters, reflections and promises (FTS5)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import text
from sqlalchemy.orm import Session

from ichigoapp.model.textfold import fold, query_terms
from ichigoapp.services import names

KINDS = ("contact", "encounter", "reflection", "promise")


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # one of KINDS
    id: int  # the entity's id (for a reflection: the reflection id)
    title: str
    subtitle: str
    target_id: int  # what opening the hit shows: contact, encounter, or the promise itself
    snippet: str = ""  # with snippets=True: where the words were found (else the subtitle)


def fts_query(user_text: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word as a prefix, every run
    of CJK script as a phrase of its character pairs, in the folded form the index
    holds (see ``model/textfold.py``)."""
    terms = query_terms(user_text)
    return " ".join(terms) if terms else None


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
                    || c.company), c.id, c.given_name, c.family_name, c.name_order
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
# The columns whose hits come first (a contact's names and company); reflections and
# promises have only one.
_FIRST_COLUMN = {
    "contact": "{name company}",
    "encounter": "title",
    "reflection": "body",
    "promise": "body",
}
# Built from the constants above only; what the user typed is always a bound parameter.
_QUERIES = {
    kind: _CANDIDATES.format(fts=f"{kind}_fts")
    + rows
    + " ORDER BY best.tier, best.rowid DESC LIMIT :n"
    for kind, rows in _ROWS.items()
}


def search(
    session: Session, user_text: str, limit_per_kind: int = 20, *, snippets: bool = False
) -> list[SearchHit]:
    """Hits grouped by kind (contacts first); within a kind, matches in the name (or
    company) or title first, then newest first. A contact's title is its name as shown
    (services/names.py). ``snippets``: also say where the words were found."""
    query = fts_query(user_text)
    if query is None:
        return []
    hits: list[SearchHit] = []
    for kind in KINDS:
        first = f"{_FIRST_COLUMN[kind]} : ({query})"
        rows = session.execute(
            text(_QUERIES[kind]), {"q": query, "first": first, "n": limit_per_kind}
        )
        for ident, title, subtitle, target, *parts in rows:
            shown = names.full_name(title, *parts) if kind == "contact" else str(title)
            sub = str(subtitle or "")
            hits.append(SearchHit(kind, int(ident), shown, sub, int(target), sub))
    if snippets:
        hits = _with_snippets(session, hits, user_text)
    return hits


# The texts a hit was found in, field by field (the title aside), for its snippet.
_SOURCES = {
    "contact": """
        SELECT c.id, c.company, c.title, c.location, c.how_we_met, c.notes, c.pronunciation,
               coalesce((SELECT group_concat(i.value, ', ') FROM json_each(c.interests) i), ''),
               coalesce((SELECT group_concat(d.label || ': ' || d.value, char(10))
                           FROM personal_detail d WHERE d.contact_id = c.id), ''),
               coalesce((SELECT group_concat(e.email, ', ') FROM contact_email e
                           WHERE e.contact_id = c.id), '')
          FROM contact c WHERE c.id IN ({ids})""",
    "encounter": """
        SELECT e.id, e.location, e.intention, e.notes, e.description
          FROM encounter e WHERE e.id IN ({ids})""",
    "reflection": """
        SELECT r.id, r.learned, r.went_well, r.improve, r.gratitude, r.next_time
          FROM reflection r WHERE r.id IN ({ids})""",
    "promise": "SELECT p.id, p.text FROM promise p WHERE p.id IN ({ids})",
}
SNIPPET_CHARS = 80


def snippet_of(texts: list[str], user_text: str, width: int = SNIPPET_CHARS) -> str:
    """The line of ``texts`` where what the user typed is found, cut to ``width``
    characters around it ("" when it is in none)."""
    needles = [t for t in (fold(w) for w in user_text.split()) if t]
    if not needles:
        return ""
    for value in texts:
        for line in value.splitlines():
            folded = fold(line)
            at = min((folded.find(n) for n in needles if n in folded), default=-1)
            if at < 0:
                continue
            line = " ".join(line.split())
            if len(folded) != len(line):  # folding changed the length: positions differ
                at = 0
            start = max(0, min(at - width // 3, len(line) - width))
            cut = line[start : start + width]
            return ("…" if start else "") + cut + ("…" if start + width < len(line) else "")
    return ""


def _with_snippets(session: Session, hits: list[SearchHit], user_text: str) -> list[SearchHit]:
    texts: dict[tuple[str, int], list[str]] = {}
    for kind in KINDS:
        ids = sorted({h.id for h in hits if h.kind == kind})
        if ids:
            sql = _SOURCES[kind].format(ids=", ".join(str(int(i)) for i in ids))
            for ident, *fields in session.execute(text(sql)):
                texts[(kind, int(ident))] = [str(f or "") for f in fields]
    return [
        replace(
            hit, snippet=snippet_of(texts.get((hit.kind, hit.id), []), user_text) or hit.snippet
        )
        for hit in hits
    ]
