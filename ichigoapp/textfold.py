"""Text as the full-text index sees it: one form for every way of writing the same thing.

Japanese, Chinese and Korean are written without spaces between words, so a word index
holds "佐藤花子" as one token and cannot find 花子 in it. The index therefore keeps each
run of such characters as overlapping pairs (bigrams) plus its last character alone:
"佐藤花子" -> "佐藤 藤花 花子 子". Any substring of the run is then a phrase of pairs
("藤花子" -> "藤花 花子"), and one character is the prefix of a token ("花"*, "子"*), so
even a one-character query is an index lookup, never a scan.

Before that, text is folded: NFKC (half-width ｶﾀｶﾅ and full-width ＡＢＣ become
カタカナ and ABC), case-folded, and katakana become hiragana, so a reading typed in
either kana finds the other. The same functions build the stored text (through the SQL
function :data:`SQL_FUNCTION`, which the vault's connections provide) and the query,
so both sides always agree. Pure functions: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

# The name the triggers call; store/sqlfunctions.py registers it on every connection.
SQL_FUNCTION = "ichigo_fts_text"

# Scripts written without spaces between words: CJK ideographs (and their iteration
# marks 々 〆 〇 〻), hiragana, katakana (ー included), Hangul.
_UNSPACED = (
    "\u3005-\u3007\u303b"
    "\u3041-\u309f"
    "\u30a0-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003ffff"
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
)
_RUN_RE = re.compile(f"[{_UNSPACED}]+")
# Spaces inside a name written with one ("佐藤 花子") are not word breaks to the index.
_GAP_RE = re.compile(f"(?<=[{_UNSPACED}])\\s+(?=[{_UNSPACED}])")
# What a query is made of: runs of unspaced script, or words of any other script.
_QUERY_TOKEN_RE = re.compile(f"[{_UNSPACED}]+|[^\\W_{_UNSPACED}]+")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)} | {
    0x30FD: 0x309D,  # ヽ -> ゝ
    0x30FE: 0x309E,  # ヾ -> ゞ
}


def fold(text: str) -> str:
    """One form for width, case and kana: "ｻﾄｳ", "サトウ", "さとう" all give "さとう"."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_KATAKANA_TO_HIRAGANA)


def is_unspaced(text: str) -> bool:
    """Whether ``text`` holds characters of a script written without spaces (CJK)."""
    return _RUN_RE.search(text) is not None


def _pairs(run: str) -> str:
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + f" {run[-1]} "


def index_text(text: str | None) -> str:
    """What the index stores for ``text``: folded, each unspaced run as its pairs."""
    if not text:
        return ""
    if text.isascii():  # most text: NFKC and kana change nothing, lower() is casefold()
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not is_unspaced(folded):  # no kana to fold, no runs to pair
        return folded
    folded = folded.translate(_KATAKANA_TO_HIRAGANA)
    return _RUN_RE.sub(lambda m: _pairs(m.group()), _GAP_RE.sub("", folded))


def query_terms(user_text: str) -> list[str]:
    """FTS5 terms for what the user typed, all of which must match: each word as a
    prefix ("sol" finds Solberg), each run of unspaced script as a phrase of its pairs.

    Every term is quoted, so FTS5 syntax typed by the user (AND, quotes, *, :) is
    searched for as text instead of being interpreted.
    """
    terms = []
    for token in _QUERY_TOKEN_RE.findall(fold(user_text)):
        if not is_unspaced(token) or len(token) == 1:
            # A word, or one CJK character: the start of a word or of a pair.
            terms.append(f'"{token}"*')
        else:
            terms.append('"' + " ".join(token[i : i + 2] for i in range(len(token) - 1)) + '"')
    return terms
