"""How hard a new vault passphrase would be to guess, before the vault is locked with it.

A passphrase-mode vault is exactly as strong as its passphrase: anyone with the file (a
stolen laptop, a backup disk) can try guesses offline, at SQLCipher's PBKDF2 speed.
The estimate is zxcvbn's (Dropbox's estimator, as in KeePassXC and Bitwarden): it
knows common passwords, names, words, keyboard patterns, dates and l33t spellings,
which a length-and-character-class rule does not. A score below 2 of 4 ("very weak"
or "weak": guessable in hours to days offline) is refused unless the user confirms.

Nothing here logs or keeps the passphrase; the rating holds only zxcvbn's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ichigoapp.errors import WeakPassphrase
from ichigoapp.i18n import N_, _, active, ngettext

MIN_SCORE = 2
# zxcvbn refuses longer input (its matching grows fast with length); a passphrase is
# at least as strong as its first 72 characters.
MAX_RATED = 72

SCORE_WORDS = (N_("very weak"), N_("weak"), N_("fair"), N_("strong"), N_("very strong"))
# zxcvbn's own words for the shortest and longest times (the rest are "3 hours").
_CRACK_WORDS = (N_("less than a second"), N_("centuries"))
_CRACK_TIME = re.compile(r"(\d+) (second|minute|hour|day|month|year)s?")


@dataclass(frozen=True)
class PassphraseRating:
    """zxcvbn's verdict on one passphrase (never the passphrase itself)."""

    score: int  # 0 (very weak) to 4 (very strong)
    warning: str
    suggestions: tuple[str, ...]
    crack_time: str  # offline, against a slow hash: how the vault file would be attacked

    @property
    def weak(self) -> bool:
        return self.score < MIN_SCORE

    @property
    def words(self) -> str:
        return SCORE_WORDS[self.score]

    def advice(self) -> str:
        """One line for the user, in the active language: what is wrong and what would be
        better (zxcvbn's warning and hints, looked up in the catalogue; store/zxcvbn_words.py)."""
        verdict = _("{rating} ({score} of 4): it could be guessed in {time}").format(
            rating=self.rating_words(), score=self.score, time=self.crack_time_words()
        )
        hint = " ".join(_(s) for s in self.suggestions) or _("Use several uncommon words.")
        if not self.warning:
            return _("{verdict}. {hint}").format(verdict=verdict, hint=hint)
        warning = _(self.warning).rstrip(".。")
        if active().language == "en":
            warning = warning.lower()
        return _("{verdict}; {warning}. {hint}").format(verdict=verdict, warning=warning, hint=hint)

    def rating_words(self) -> str:
        """The score as words ("very weak" ... "very strong") in the active language."""
        return _(self.words)

    def crack_time_words(self) -> str:
        """zxcvbn's "3 hours", "less than a second", "centuries" in the active language."""
        if self.crack_time in _CRACK_WORDS:
            return _(self.crack_time)
        match = _CRACK_TIME.fullmatch(self.crack_time)
        if match is None or active().language == "en":
            return self.crack_time
        n, unit = int(match.group(1)), match.group(2)
        forms = {
            "second": ngettext("%(n)d second", "%(n)d seconds", n),
            "minute": ngettext("%(n)d minute", "%(n)d minutes", n),
            "hour": ngettext("%(n)d hour", "%(n)d hours", n),
            "day": ngettext("%(n)d day", "%(n)d days", n),
            "month": ngettext("%(n)d month", "%(n)d months", n),
            "year": ngettext("%(n)d year", "%(n)d years", n),
        }
        return forms[unit] % {"n": n}


def rate_passphrase(text: str, context: Sequence[str] = ()) -> PassphraseRating:
    """Rate ``text`` as a new passphrase; ``context`` are words an attacker would try
    first (the app's name, the vault's file name)."""
    from zxcvbn import zxcvbn

    result: dict[str, Any] = zxcvbn(
        text[:MAX_RATED], user_inputs=["ichigo", *(c for c in context if c)]
    )
    feedback = result.get("feedback") or {}
    times = result.get("crack_times_display") or {}
    return PassphraseRating(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        crack_time=str(times.get("offline_slow_hashing_1e4_per_second", "little time")),
    )


def check_new_passphrase(
    text: str, *, allow_weak: bool, how_to_confirm: str, context: Sequence[str] = ()
) -> PassphraseRating:
    """Rate ``text``; a weak one raises WeakPassphrase unless ``allow_weak``.
    ``how_to_confirm`` ends the message (for example "pass --allow-weak-passphrase")."""
    rating = rate_passphrase(text, context)
    if rating.weak and not allow_weak:
        raise WeakPassphrase(
            _(
                "this passphrase is {advice} Nothing was changed; choose a stronger one, "
                "or {how_to_confirm} to use it anyway"
            ).format(advice=rating.advice(), how_to_confirm=how_to_confirm)
        )
    return rating
