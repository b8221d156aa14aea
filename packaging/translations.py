"""Update and compile Ichigo's translations (``make translations``).

Two catalogues, one per translation system (see CONTRIBUTING.md, "Translating"):

* **gettext** for everything without Qt (command line, printed cards, text the services
  build): sources ``resources/translations/<lang>/LC_MESSAGES/ichigo.po`` from the
  template ``resources/translations/ichigo.pot``, compiled with Babel into ``ichigo.mo``
  beside each ``.po``;
* **Qt** for the app's windows: ``resources/translations/qt/views_<lang>.ts`` and
  ``dialogs_<lang>.ts`` (two areas so two people can translate at once), compiled by
  ``pyside6-lrelease`` into the one ``resources/translations/ichigo_<lang>.qm``; plus
  ``qt/numerus_en.ts`` -> ``ichigo_en.qm``, English's plural forms (``%n meeting(s)``).

Usage (from the repository root, with the project's venv)::

    python packaging/translations.py            # update, then compile (make translations)
    python packaging/translations.py update     # extract strings, merge into .po/.ts
    python packaging/translations.py compile    # .po -> .mo, .ts -> .qm
    python packaging/translations.py check      # exit 1 if a compiled file is stale

The compiled files are committed (a checkout runs without the tools), so a test runs
``check``: a translation edited without ``make translations`` fails CI.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ichigoapp"
UI = PACKAGE / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
QT_SOURCES = TRANSLATIONS / "qt"
DOMAIN = "ichigo"
POT = TRANSLATIONS / f"{DOMAIN}.pot"

# Languages with catalogues (English is the source language).
LANGUAGES = ("ja",)

# gettext: the Python keywords (see ichigoapp/i18n.py) and where they are used. The
# Qt side (ichigoapp/ui/) uses tr() only and is not scanned.
GETTEXT_KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
# Jinja2's i18n extension: {% trans %} blocks and _()/ngettext() calls in templates.
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "true", "encoding": "utf-8"}


def gettext_python_files() -> list[Path]:
    """Every module outside ``ichigoapp/ui`` (the Qt side has its own catalogue)."""
    return sorted(
        p for p in PACKAGE.rglob("*.py") if UI not in p.parents and "_resources" not in p.parts
    )


def gettext_template_files() -> list[Path]:
    return sorted((ROOT / "resources").glob("*.j2"))


# Qt: which files belong to which source catalogue. "views" is what a user sees in the
# main window; "dialogs" everything else under ichigoapp/ui/.
def _ui(*patterns: str) -> list[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        found.update(p for p in UI.glob(pattern) if p.is_file())
    return sorted(found)


def qt_views_files() -> list[Path]:
    return [
        *_ui(
            "main_window.py",
            "menus.py",
            "pages/*.py",
            "widgets/*.py",
            "models.py",
            "fmt.py",
            "lifecycle/lock_screen.py",
            "lifecycle/unlock.py",
        ),
        PACKAGE / "app.py",
    ]


def qt_dialogs_files() -> list[Path]:
    views = set(qt_views_files())
    return sorted(p for p in UI.rglob("*.py") if p not in views and "__pycache__" not in p.parts)


def qt_areas(language: str) -> dict[Path, list[Path]]:
    """The .ts files of one language and the sources each is extracted from."""
    return {
        QT_SOURCES / f"views_{language}.ts": qt_views_files(),
        QT_SOURCES / f"dialogs_{language}.ts": qt_dialogs_files(),
    }


NUMERUS_EN = QT_SOURCES / "numerus_en.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"{DOMAIN}_{language}.qm"


def po_file(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_file(language: str) -> Path:
    return po_file(language).with_suffix(".mo")


# ---------------------------------------------------------------------------- tools


def _tool(name: str) -> str:
    """A Qt tool from the running venv (pyside6-lupdate sits beside the interpreter)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def _rel(paths: Iterable[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


def lupdate_command(
    sources: Sequence[Path], ts: Path, *, language: str, plural_only: bool = False
) -> list[str]:
    """The exact ``pyside6-lupdate`` call for one .ts (run from the repository root)."""
    command = [
        _tool("pyside6-lupdate"),
        *_rel(sources),
        "-ts",
        str(ts.relative_to(ROOT)),
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        "-silent",
    ]
    if plural_only:
        command.append("-pluralonly")
    return command


def lrelease_command(sources: Sequence[Path], qm: Path) -> list[str]:
    return [_tool("pyside6-lrelease"), *_rel(sources), "-qm", str(qm), "-silent"]


# ---------------------------------------------------------------------------- gettext


def extract_catalog() -> object:
    """Every gettext message in the package and the templates, as a Babel catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(
        project="Ichigo",
        version="0.1",
        copyright_holder="Ichigo developers",
        msgid_bugs_address="",
        charset="utf-8",
        fuzzy=False,
    )
    for path in gettext_python_files():
        for lineno, message, comments, context in extract_from_file(
            "python", path, keywords=GETTEXT_KEYWORDS, comment_tags=("Translators:",)
        ):
            catalog.add(
                message, None, [(_posix(path), lineno)], auto_comments=comments, context=context
            )
    for path in gettext_template_files():
        for lineno, message, comments, context in extract_from_file(
            "jinja2",
            path,
            keywords=GETTEXT_KEYWORDS,
            comment_tags=("Translators:",),
            options=JINJA_OPTIONS,
        ):
            catalog.add(
                message, None, [(_posix(path), lineno)], auto_comments=comments, context=context
            )
    return catalog


def _posix(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _write_po(catalog: object, path: Path) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    # No line numbers and no dates: the .pot and .po change only when strings do.
    write_po(buffer, catalog, width=100, omit_header=False, include_lineno=False, sort_output=True)  # type: ignore[arg-type]
    text = buffer.getvalue().decode("utf-8")
    text = "\n".join(
        line
        for line in text.splitlines()
        if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:'))
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")


def update_gettext() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    template = extract_catalog()
    assert isinstance(template, Catalog)
    _write_po(template, POT)
    for language in LANGUAGES:
        path = po_file(language)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            catalog = Catalog(locale=language, project="Ichigo", charset="utf-8", fuzzy=False)
        # no_fuzzy_matching: a changed English string must be translated again, not
        # guessed from a similar one (tests refuse fuzzy entries anyway).
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        _write_po(catalog, path)
        print(f"updated {_posix(path)}: {_untranslated(catalog)} untranslated")


def _untranslated(catalog: object) -> int:
    from babel.messages.catalog import Catalog

    assert isinstance(catalog, Catalog)
    return sum(
        1
        for message in catalog
        if message.id
        and (
            not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
            or message.fuzzy
        )
    )


def compiled_mo(language: str) -> bytes:
    """The .mo that the committed .po compiles to."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    # The .po carries no dates (see _write_po); Babel would stamp "now" into the .mo's
    # header, and the committed file could never match a fresh compile.
    catalog.creation_date = catalog.revision_date = datetime(2000, 1, 1, tzinfo=UTC)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


# ---------------------------------------------------------------------------- Qt


def update_qt() -> None:
    QT_SOURCES.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        for ts, sources in qt_areas(language).items():
            subprocess.run(lupdate_command(sources, ts, language=language), cwd=ROOT, check=True)
            print(f"updated {_posix(ts)}")
    ui_files = [*qt_views_files(), *qt_dialogs_files()]
    subprocess.run(
        lupdate_command(ui_files, NUMERUS_EN, language="en", plural_only=True), cwd=ROOT, check=True
    )
    print(f"updated {_posix(NUMERUS_EN)}")
    filled = fill_english_plurals(NUMERUS_EN)
    print(f"filled {filled} English plural form(s) in {_posix(NUMERUS_EN)}")


# English plural forms from the source's own spelling: "%n meeting(s)" -> "%n meeting",
# "%n meetings"; "person(s)" and "person/people" -> "person", "people". A message the
# rule cannot say well gets hand-written forms in numerus_en.ts, which are kept.
_ENGLISH_PLURALS = (("person(s)", "person", "people"), ("person/people", "person", "people"))
_UNFINISHED_NUMERUS = re.compile(
    r'(<message numerus="yes">\s*<source>(?P<source>.*?)</source>\s*)'
    r'<translation type="unfinished">.*?</translation>',
    re.S,
)


def english_plural_forms(source: str) -> tuple[str, str]:
    one, other = source, source
    for word, singular, plural in _ENGLISH_PLURALS:
        one, other = one.replace(word, singular), other.replace(word, plural)
    return one.replace("(s)", ""), other.replace("(s)", "s")


def fill_english_plurals(ts: Path) -> int:
    """Give every unfinished message of the English numerus catalogue its two forms."""
    text = ts.read_text(encoding="utf-8")
    count = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        forms = "".join(
            f"\n            <numerusform>{form}</numerusform>"
            for form in english_plural_forms(match.group("source"))
        )
        return f"{match.group(1)}<translation>{forms}\n        </translation>"

    ts.write_text(_UNFINISHED_NUMERUS.sub(fill, text), encoding="utf-8")
    return count


def qt_compilations() -> dict[Path, list[Path]]:
    """Each .qm and the .ts files it is compiled from (those that exist)."""
    result: dict[Path, list[Path]] = {}
    for language in LANGUAGES:
        sources = [ts for ts in qt_areas(language) if ts.exists()]
        if sources:
            result[qm_file(language)] = sources
    if NUMERUS_EN.exists():
        result[qm_file("en")] = [NUMERUS_EN]
    return result


def compiled_qm(qm: Path, sources: Sequence[Path]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / qm.name
        subprocess.run(lrelease_command(sources, out), cwd=ROOT, check=True, capture_output=True)
        return out.read_bytes()


# ---------------------------------------------------------------------------- commands


def compile_all(*, gettext: bool = True, qt: bool = True) -> None:
    for language in LANGUAGES if gettext else ():
        if po_file(language).exists():
            mo_file(language).write_bytes(compiled_mo(language))
            print(f"compiled {_posix(mo_file(language))}")
    for qm, sources in qt_compilations().items() if qt else ():
        qm.write_bytes(compiled_qm(qm, sources))
        print(f"compiled {_posix(qm)} from {', '.join(p.name for p in sources)}")


def stale_files() -> list[str]:
    """Compiled files that do not match their sources (or are missing)."""
    stale: list[str] = []
    for language in LANGUAGES:
        if po_file(language).exists():
            mo = mo_file(language)
            if not mo.exists() or mo.read_bytes() != compiled_mo(language):
                stale.append(_posix(mo))
    for qm, sources in qt_compilations().items():
        if not qm.exists() or qm.read_bytes() != compiled_qm(qm, sources):
            stale.append(_posix(qm))
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "step", nargs="?", choices=("all", "update", "compile", "check"), default="all"
    )
    parser.add_argument("--only", choices=("gettext", "qt"), help="one translation system only")
    args = parser.parse_args(argv)
    if args.step in ("all", "update"):
        if args.only != "qt":
            update_gettext()
        if args.only != "gettext":
            update_qt()
    if args.step in ("all", "compile"):
        compile_all(gettext=args.only != "qt", qt=args.only != "gettext")
    if args.step == "check":
        stale = stale_files()
        for name in stale:
            print(f"stale: {name} (run `make translations`)", file=sys.stderr)
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
