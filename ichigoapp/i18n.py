"""Which language and locale Ichigo speaks. No Qt here: the CLI and printing use it too.

The choice, first match wins:

1. ``ICHIGO_LANG`` (``ja``, ``en_GB``, ``pseudo`` ...), for scripts, tests and translators;
2. the app's own setting (the GUI passes it in; the CLI has none);
3. the system locale: ``LC_ALL``, then ``LC_MESSAGES``, then ``LANG`` (POSIX order).

``pseudo`` is the pseudo-locale for checking layouts: translated strings come out 40%
longer and wrapped in markers, so untranslated text and clipped layouts show up. Its
formats are British English.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

PSEUDO = "pseudo"
# Languages with a catalogue. English is the source language and needs none.
TRANSLATED = ("ja",)
# The locale a bare language code stands for when formatting dates.
_DEFAULT_TERRITORY = {"ja": "ja_JP", "en": "en_US", "de": "de_DE", "fr": "fr_FR"}


@dataclass(frozen=True)
class Choice:
    """The language for messages and the locale for formats."""

    language: str  # "ja", "en", "pseudo"
    locale: str  # CLDR/POSIX style, "ja_JP", "en_GB"

    @property
    def pseudo(self) -> bool:
        return self.language == PSEUDO


def normalise(tag: str) -> str:
    """'ja_JP.UTF-8' -> 'ja_JP', 'en-gb' -> 'en_GB', 'C'/'POSIX' -> ''."""
    tag = tag.strip().split(".")[0].split("@")[0].replace("-", "_")
    if not tag or tag in ("C", "POSIX"):
        return ""
    if tag.lower() == PSEUDO:
        return PSEUDO
    parts = tag.split("_")
    language = parts[0].lower()
    if len(parts) > 1 and parts[1]:
        return f"{language}_{parts[1].upper()}"
    return language


def _system_tag(environ: dict[str, str] | os._Environ[str]) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        tag = normalise(environ.get(name, ""))
        if tag:
            return tag
    return ""


def choose(setting: str = "", environ: dict[str, str] | None = None) -> Choice:
    """The language and locale Ichigo uses now (see the module's docstring)."""
    env = os.environ if environ is None else environ
    tag = normalise(env.get("ICHIGO_LANG", "")) or normalise(setting) or _system_tag(env)
    if tag == PSEUDO:
        return Choice(PSEUDO, "en_GB")
    if not tag:
        return Choice("en", "en_US")
    language = tag.split("_")[0]
    locale = tag if "_" in tag else _DEFAULT_TERRITORY.get(language, language)
    if language not in TRANSLATED:
        language = "en"
    return Choice(language, locale)


# --------------------------------------------------------------------------- pseudo-locale

# What a translator must leave as it is: Qt arguments (%1, %n), Python placeholders
# ({name}, %(name)s, %s), HTML tags and entities, and mnemonics (&F, &&).
_KEPT = re.compile(
    r"%L?\d+|%n|%\([^)]*\)[sdifr]|%[sdifr%]|\{[^{}]*\}|<[^<>]*>|&[A-Za-z]+;|&#\d+;|&&|&\S"
)
_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "àƀçđéƒĝĥîĵķĺɱñöþʠŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
_ACCENT = str.maketrans(_PLAIN, _ACCENTED)
PSEUDO_OPEN, PSEUDO_CLOSE, PSEUDO_PAD = "⟦", "⟧", "·"


def pseudo(text: str) -> str:
    """``text`` as the pseudo-locale shows it: accented, 40% longer, between markers.

    ``pseudo("&Save %1")`` -> ``"⟦&Sàṽé %1···⟧"``: placeholders, tags, entities and
    mnemonics are kept so the result still works where the original did. A text that
    is already pseudo (or empty) comes back unchanged.
    """
    if not text or text.startswith(PSEUDO_OPEN):
        return text
    parts: list[str] = []
    shown = 0
    position = 0
    for kept in _KEPT.finditer(text):
        plain = text[position : kept.start()]
        parts.append(plain.translate(_ACCENT))
        shown += len(plain)
        parts.append(kept.group())
        position = kept.end()
    tail = text[position:]
    parts.append(tail.translate(_ACCENT))
    shown += len(tail)
    padding = PSEUDO_PAD * max(1, math.ceil(shown * 0.4) - 2)
    return f"{PSEUDO_OPEN}{''.join(parts)}{padding}{PSEUDO_CLOSE}"
