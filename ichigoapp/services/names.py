"""How a person's name is shown and sorted: in its own order, by its reading, bare.

A contact has the name the user calls them (``display_name``, typed or imported) and,
when known, its parts (given and family name). Japanese, Chinese and Korean names put
the family name first, and so do Hungarian ones, which their script cannot tell: each
contact has a name order, "auto" (family first for a name in CJK script) or set by the
user. The order takes effect when the shown name is the full name: a name typed as
something else ("Hana", a nickname) is the user's choice and is shown as typed.

Japanese names sort by their reading (yomigana) when there is one, so 佐藤 comes
before 田中 as さとう before たなか, not by the kanji's code points. No honorific is
ever added: the name is shown as the person's name, nothing more.
"""

from __future__ import annotations

import re
from typing import Final

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.textfold import fold, is_unspaced

AUTO: Final = "auto"
GIVEN_FIRST: Final = "given-first"
FAMILY_FIRST: Final = "family-first"
NAME_ORDERS: Final = (AUTO, GIVEN_FIRST, FAMILY_FIRST)

# A reading that can order names: kana (folded to hiragana), the long-vowel mark, spaces.
_KANA_READING_RE = re.compile(r"[\u3041-\u309f\u30fc\s・]+")


def checked_order(value: str) -> str:
    """A valid name order, or a clear error naming the choices."""
    order = (value or AUTO).strip().lower()
    if order not in NAME_ORDERS:
        raise BadInput(
            _("name order '{value}' is not one of {choices}").format(
                value=value, choices=", ".join(NAME_ORDERS)
            )
        )
    return order


def family_first(order: str, given: str, family: str) -> bool:
    """Whether the family name comes first: as set, or for "auto" when it is written
    in CJK script."""
    if order == FAMILY_FIRST:
        return True
    if order == GIVEN_FIRST:
        return False
    return is_unspaced(family + given)


def _squeezed(text: str) -> str:
    return "".join(fold(text).split())


def is_full_name(display_name: str, given: str, family: str) -> bool:
    """Whether ``display_name`` is just the given and family names, in either order."""
    if display_name in (f"{given} {family}", f"{family} {given}", given + family, family + given):
        return True  # as nearly every importer and the form write it: no folding needed
    shown = _squeezed(display_name)
    parts = (_squeezed(given), _squeezed(family))
    return bool(shown) and shown in (parts[0] + parts[1], parts[1] + parts[0])


def full_name(display_name: str, given: str, family: str, order: str = AUTO) -> str:
    """The name to show: the full name in the contact's order, else the name as typed.

    A CJK name in its own order is written without a space (佐藤花子); any other with
    one (Horváth Zsófia, and 花子 佐藤 when the user asked for the given name first).
    """
    given, family = given.strip(), family.strip()
    if not (given and family) or not is_full_name(display_name, given, family):
        return display_name
    if not family_first(order, given, family):
        return f"{given} {family}"
    joint = "" if is_unspaced(family[-1]) and is_unspaced(given[0]) else " "
    return f"{family}{joint}{given}"


def kana_reading(pronunciation: str) -> str:
    """The reading folded to hiragana without spaces, if it is written in kana; else ""."""
    folded = fold(pronunciation).strip()
    if not folded or not _KANA_READING_RE.fullmatch(folded):
        return ""
    return "".join(ch for ch in folded if not ch.isspace() and ch != "・")


def sort_key(shown_name: str, pronunciation: str = "") -> str:
    """Where a contact sorts: by a kana reading when there is one (Japanese names in
    gojūon order), else by the name as shown, case and width folded."""
    reading = kana_reading(pronunciation) if pronunciation else ""
    return reading or (shown_name.lower() if shown_name.isascii() else fold(shown_name))


def folded(text: str) -> str:
    """``text`` with width, case and kana folded, for filters that compare text as the
    search does ("ﾀﾅｶ", "タナカ" and "たなか" are the same)."""
    return fold(text)
