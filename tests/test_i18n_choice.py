"""Which language Ichigo speaks: ICHIGO_LANG, then the app's setting, then the system."""

from __future__ import annotations

from ichigoapp.i18n import Choice, choose


def test_the_system_locale_decides_when_nothing_else_does() -> None:
    assert choose(environ={"LANG": "ja_JP.UTF-8"}) == Choice("ja", "ja_JP")
    assert choose(environ={"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}) == Choice("en", "en_GB")


def test_an_untranslated_language_reads_english_with_its_own_formats() -> None:
    assert choose(environ={"LANG": "de_DE.UTF-8"}) == Choice("en", "de_DE")


def test_the_override_beats_the_setting_which_beats_the_system() -> None:
    env = {"LANG": "en_US.UTF-8"}
    assert choose("ja", environ=env).language == "ja"
    assert choose("ja", environ={**env, "ICHIGO_LANG": "en_GB"}) == Choice("en", "en_GB")


def test_pseudo_and_bare_c_locale() -> None:
    assert choose(environ={"ICHIGO_LANG": "pseudo"}).pseudo
    assert choose(environ={"LANG": "C"}) == Choice("en", "en_US")
    assert choose(environ={"LANG": "ja"}) == Choice("ja", "ja_JP")
