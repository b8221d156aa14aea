"""The app's language: Qt translators, the default QLocale and the gettext side, at once.

``install`` runs at start-up before any widget is built (``app.run_gui``): it picks the
language (``i18n.choose``: ``ICHIGO_LANG``, then the app's Language setting, then the
system), loads

* ``ichigo_<lang>.qm`` (the app's own strings; ``ichigo_en.qm`` holds English's plural
  forms, ``%n meeting(s)`` -> "1 meeting" / "2 meetings"),
* Qt's own ``qtbase_<lang>.qm`` (dialog buttons, context menus),

or, for ``pseudo``, a translator that stretches every string (``i18n.pseudo``); sets
``QLocale.setDefault`` so dates and numbers follow the locale (``ui/fmt.py``); and hands
the same choice to the command line's and the cards' gettext catalogue.

The Language setting (View › Language) applies from the next start: a window half in
one language and half in another is worse than a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from ichigoapp import i18n, paths
from ichigoapp.ui.settings import settings

LANGUAGE_KEY = "language"
# The Language setting's choices: (stored value, name shown). A language's own name is
# shown in that language, as every system's language menu does.
SYSTEM = ""
LANGUAGES = (("en", "English"), ("ja", "日本語"))

_installed: list[QTranslator] = []


def tr(source: str, disambiguation: str = "", n: int = -1) -> str:
    """A counted phrase: ``tr("%n meeting(s)", "", n)``, in Qt's numerus forms.

    lupdate reads a bare ``tr(...)`` call with any expression for ``n`` as a numerus
    message of the empty context (it misses ``translate(...)`` with a variable ``n``,
    and ``self.tr`` looks up the context of the object's own class, not the one that
    wrote the call); this looks it up there.
    """
    return QCoreApplication.translate("", source, disambiguation or None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and give it back untranslated, for
    constants translated where they are shown (PySide6's own is typed as ``object``)."""
    return text


_current = i18n.choose()


class PseudoTranslator(QTranslator):
    """Every string of the app (and of Qt) as the pseudo-locale shows it."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return i18n.pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


def language_setting() -> str:
    """The Language setting: "" for the system's language, else "en", "ja"."""
    value = str(settings().value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in {code for code, _name in LANGUAGES} else SYSTEM


def set_language_setting(value: str) -> None:
    store = settings()
    if value == SYSTEM:
        store.remove(LANGUAGE_KEY)
    else:
        store.setValue(LANGUAGE_KEY, value)
    store.sync()


def current() -> i18n.Choice:
    """The language and locale installed last (the system's until ``install``)."""
    return _current


def install(app: QCoreApplication | None = None, setting: str | None = None) -> i18n.Choice:
    """Load the translators of the chosen language (replacing any loaded before)."""
    global _current
    app = app or QCoreApplication.instance()
    assert app is not None, "install() needs the QApplication"
    choice = i18n.choose(language_setting() if setting is None else setting)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(choice.locale))
    if choice.pseudo:
        _add(PseudoTranslator(app))
    else:
        ours = paths.resources_dir() / "translations"
        _load(app, QLocale(choice.language), "ichigo", str(ours))
        if choice.language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            _load(app, QLocale(choice.locale), "qtbase", qt_dir)
    i18n.activate(choice)  # the same language for the cards and messages without Qt
    _current = choice
    return choice


def _load(parent: QObject, locale: QLocale, name: str, folder: str) -> None:
    translator = QTranslator(parent)
    if translator.load(locale, name, "_", folder):
        _add(translator)


def _add(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
