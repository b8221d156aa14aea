"""The pseudo-locale's text: longer, marked, and still usable where the original was."""

from __future__ import annotations

from ichigoapp.i18n import PSEUDO_CLOSE, PSEUDO_OPEN, pseudo


def test_pseudo_text_is_marked_and_forty_percent_longer() -> None:
    for text in ("Today", "Save contact", "What did you learn, what went well?"):
        shown = pseudo(text)
        assert shown.startswith(PSEUDO_OPEN) and shown.endswith(PSEUDO_CLOSE)
        assert len(shown) >= 1.4 * len(text)
        assert text not in shown  # every letter is accented: untranslated text stands out


def test_pseudo_keeps_placeholders_tags_and_mnemonics() -> None:
    shown = pseudo("&Undo merge of {name} · %1 · %n day(s) · %(count)s <b>now</b> &amp; &&")
    for kept in ("&U", "{name}", "%1", "%n", "%(count)s", "<b>", "</b>", "&amp;", "&&"):
        assert kept in shown


def test_pseudo_leaves_empty_and_pseudo_text_alone() -> None:
    assert pseudo("") == ""
    once = pseudo("Contacts")
    assert pseudo(once) == once
