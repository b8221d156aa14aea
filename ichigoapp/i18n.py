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

import functools
import gettext
import math
import os
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

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


# ---------------------------------------------------------------------------- messages
#
# Everything without Qt (command line, printed cards, text the services build) reads
# its words from the gettext catalogue ``resources/translations/<lang>/LC_MESSAGES/
# ichigo.mo``; the GUI's own words come from Qt's .qm files (ichigoapp/ui/). Both follow
# the one :class:`Choice`. Messages are looked up when they are used, never at import,
# so that activating a language later (the GUI reads its setting after importing
# services) changes every text that follows.

DOMAIN = "ichigo"

_active: Choice | None = None
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


class PseudoTranslations(gettext.NullTranslations):
    """The pseudo-locale as gettext translations: every message through :func:`pseudo`."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def translations_dir() -> Path:
    from ichigoapp.paths import resources_dir

    return resources_dir() / "translations"


def _load(choice: Choice) -> gettext.NullTranslations:
    if choice.pseudo:
        return PseudoTranslations()
    if choice.language == "en":
        return gettext.NullTranslations()
    # A missing catalogue (a language listed before its .mo is built) reads English.
    return gettext.translation(
        DOMAIN, translations_dir(), languages=[choice.language], fallback=True
    )


def activate(choice: Choice | None = None) -> Choice:
    """Speak ``choice`` (default :func:`choose`) from now on, in this process.

    Idempotent: the CLI calls it at start, the GUI again with the user's setting. Also
    gives argparse our catalogue, so its own words ("usage:", "options", "the following
    arguments are required") follow the language too.
    """
    global _active, _catalogue
    choice = choose() if choice is None else choice
    if choice == _active:
        return choice
    _catalogue = _load(choice)
    _active = choice
    _translate_argparse()
    return choice


def active() -> Choice:
    """The language in use (English/US formats until :func:`activate` is called)."""
    return _active if _active is not None else Choice("en", "en_US")


def _translate_argparse() -> None:
    # argparse binds `from gettext import gettext as _, ngettext` at import and looks
    # those names up as globals on each call; pointing them at our catalogue is the one
    # way to translate its words without binding the process-wide default text domain
    # (which would read LANGUAGE/LANG and ignore ICHIGO_LANG and the app's setting).
    argparse = sys.modules.get("argparse")
    if argparse is not None:
        argparse._ = _  # type: ignore[attr-defined]
        argparse.ngettext = ngettext  # type: ignore[attr-defined]


def _(message: str) -> str:
    """``message`` in the active language."""
    return _catalogue.gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it (for module-level
    constants translated where they are used, with ``_(constant)``)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` (Japanese has one form; English two). Format ``n`` in
    yourself: ``ngettext("%(n)d meeting", "%(n)d meetings", n) % {"n": n}``."""
    return _catalogue.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` where the same English word needs different translations."""
    return _catalogue.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _catalogue.npgettext(context, singular, plural, n)


# ---------------------------------------------------------------------------- formats
#
# Dates, times and durations in the active locale, from CLDR through Babel. Babel is
# imported on first use only: `ichigo --help` and JSON commands never pay for it.
# (The GUI formats with QLocale, which reads the same CLDR data.)

_SPACES = str.maketrans({"\u202f": "\u00a0"})  # CLDR's narrow no-break space: not in every font


def _locale() -> str:
    return _known_to_cldr(active().locale)


@functools.cache
def _known_to_cldr(locale: str) -> str:
    """``locale`` if CLDR knows it, else US English: a system set to a locale CLDR has
    no data for (a typo in LANG, a private one) must not stop a command from printing."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        return "en_US"
    return locale


def format_date(value: date) -> str:
    """Medium date: ``2026年12月5日``, ``5 Dec 2026``, ``Dec 5, 2026``."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMd", value, locale=_locale()).translate(_SPACES)


def _pattern(skeleton: str) -> str:
    """The active locale's CLDR pattern for ``skeleton`` ("full" for the full date).

    English that puts the day before the month writes no comma after the weekday
    ("Sat 5 Dec 2026", "Saturday 5 December 2026"), as the app's windows do (QLocale,
    ui/fmt.py) and as British style guides do; CLDR 46 has "Sat, 5 Dec 2026" for en_GB
    with the year but "Sat 5 Dec" without it. American English is unchanged.
    """
    from babel import Locale
    from babel.dates import match_skeleton

    locale = Locale.parse(_locale())
    if skeleton == "full":
        pattern = str(locale.date_formats["full"].pattern)
    else:
        skeletons = locale.datetime_skeletons
        key = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
        pattern = str(skeletons[key].pattern) if key else skeleton
    if locale.language == "en":
        pattern = re.sub(r"^(E+), d ", r"\1 d ", pattern)
    return pattern


def _format(value: date, skeleton: str) -> str:
    from babel.dates import format_date as babel_date

    return babel_date(value, _pattern(skeleton), locale=_locale()).translate(_SPACES)


def format_day(value: date) -> str:
    """Date with its weekday: ``2026年12月5日(土)``, ``Sat 5 Dec 2026``, ``Sat, Dec 5, 2026``."""
    return _format(value, "yMMMEd")


def format_long_day(value: date) -> str:
    """Full weekday and month: ``2026年12月5日土曜日``, ``Saturday 5 December 2026``,
    ``Saturday, December 5, 2026`` (CLDR's full date format)."""
    return _format(value, "full")


def format_day_short(value: date) -> str:
    """Weekday and date without the year: ``12月5日(土)``, ``Sat 5 Dec``, ``Sat, Dec 5``."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMEd", value, locale=_locale()).translate(_SPACES)


def format_month_year(value: date) -> str:
    """``2026年12月``, ``Dec 2026``."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMM", value, locale=_locale()).translate(_SPACES)


def format_weekday(value: date) -> str:
    """Abbreviated weekday: ``土``, ``Sat``."""
    from babel.dates import format_date as babel_date

    return babel_date(value, "EEE", locale=_locale())


def format_time(value: time | datetime) -> str:
    """Clock time, 24- or 12-hour as the locale writes it: ``14:00``, ``2:00 PM``."""
    from babel.dates import format_time as babel_time

    return babel_time(value, "short", locale=_locale()).translate(_SPACES)


def format_datetime(value: datetime) -> str:
    """``2026年12月5日(土) 14:00``, ``Sat, 5 Dec 2026 14:00``, ``Sat, Dec 5, 2026 2:00 PM``.

    ``value`` is shown as given: convert to the zone to show first.
    """
    return f"{format_day(value)} {format_time(value)}"


def format_time_range(start: datetime, end: datetime | None) -> str:
    """``14:00–15:30`` (``2:00 PM–3:30 PM``); just the start when there is no end."""
    if end is None:
        return format_time(start)
    return f"{format_time(start)}–{format_time(end)}"


def format_duration(value: timedelta) -> str:
    """Hours and minutes in words of the locale: ``1 hr 30 min``, ``1 時間 30 分``."""
    from babel.lists import format_list
    from babel.units import format_unit

    minutes = max(0, round(value.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    locale = _locale()
    parts: list[str] = []
    if hours:
        parts.append(format_unit(hours, "duration-hour", length="short", locale=locale))
    if minutes or not hours:
        parts.append(format_unit(minutes, "duration-minute", length="short", locale=locale))
    text = format_list(parts, style="unit-narrow", locale=locale) if len(parts) > 1 else parts[0]
    if locale.split("_")[0] in ("ja", "zh"):
        # CLDR's short units carry a space ("1 時間30 分") that Japanese and Chinese
        # text does not write: 1時間30分.
        text = text.replace(" ", "").replace("\u00a0", "")
    return text.translate(_SPACES)


def first_weekday() -> int:
    """The first day of the week in the active locale: 0 = Monday ... 6 = Sunday."""
    from babel import Locale

    return int(Locale.parse(_locale()).first_week_day)
