"""The "views" area of the app in Japanese and under the pseudo-locale.

The area is the main window, its menus, pages, widgets, models and date formats, and
the lock/unlock screens (``packaging/translations.qt_views_files``; catalogue
``qt/views_ja.ts``).

* Under ``ICHIGO_LANG=ja`` the real main window shows Japanese navigation, menus,
  headings, buttons and column titles, Japanese dates (2026年12月5日(土)), and Qt's own
  strings from Qt's catalogue; English counts come from the English plural forms.
* ``lupdate`` over the area finds every string translated for ``ja``.
* No string literal reaches a widget's text without ``translate``/``tr`` (an AST scan;
  ``# i18n: keep`` on the line marks a deliberate exception, such as the app's name).
* Under the pseudo-locale (every string 40% longer) no label or button of the pages is
  clipped.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QScrollArea, QTabBar, QWidget

from ichigoapp import i18n
from ichigoapp.store import Vault
from ichigoapp.ui import fmt, translation
from ichigoapp.ui.lifecycle.lock_screen import LockScreen
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.translation import tr
from tests.ui import seed
from tests.ui.conftest import NOW

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "qt" / "views_ja.ts"


def _packaging_translations() -> ModuleType:
    """packaging/translations.py: the area's file list and the exact lupdate call."""
    path = ROOT / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("ichigo_packaging_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def language(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch the app's language (as at start-up); English again afterwards."""

    def switch(tag: str) -> None:
        monkeypatch.setenv("ICHIGO_LANG", tag)
        translation.install(qapp, setting="")

    yield switch
    monkeypatch.setenv("ICHIGO_LANG", "en")
    translation.install(qapp, setting="")


def _window(vault: Vault, qtbot: Any) -> MainWindow:
    _window.world = seed.build(vault, NOW)  # type: ignore[attr-defined]
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    return window


def _texts(widget: QWidget) -> str:
    found = [label.text() for label in widget.findChildren(QLabel)]
    found += [button.text() for button in widget.findChildren(QAbstractButton)]
    return "\n".join(found)


# --- Japanese ---------------------------------------------------------------------------
def test_the_main_window_speaks_japanese(
    language: Callable[[str], None], vault: Vault, qtbot: Any
) -> None:
    language("ja")
    window = _window(vault, qtbot)
    nav = [window.nav.item(n).text() for n in range(window.nav.count())]
    assert nav == ["今日", "連絡先", "ミーティング", "振り返り", "約束"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
    view = [action.text() for action in window.view_menu.actions() if action.text()]
    assert view[:5] == nav and "再読み込み(&R)" in view and "言語(&L)" in view
    assert window.search.placeholderText().startswith("人、ミーティング、メモを検索")

    today = _texts(window.today)
    assert "今後1週間" in today and "振り返り待ち" in today and "期限が近い約束" in today
    assert "一期一会" in today
    # The page's title: "今日 · 12月3日 木曜日".
    day = fmt.local(NOW).date()
    assert f"今日 · {day.month}月{day.day}日" in today

    window.show_page(window.contacts)
    contacts = window.contacts
    headers = [
        contacts.model.headerData(c, Qt_Horizontal()) for c in range(contacts.model.columnCount())
    ]
    assert headers == ["名前", "会社", "役職", "メール", "最後に会った日", "タグ"]
    assert contacts.count_label.text() == f"{contacts.model.rowCount()}人"
    window.open_contact(seed_ids(vault)["Hanako Sato"])
    assert contacts.save_button.text() == "保存" and contacts.cancel_button.text() == "キャンセル"
    assert contacts.tabs.tabText(0) == "詳細(&D)"
    assert contacts.tabs.tabText(1).startswith("これまでの記録(&I)")
    assert contacts.past_cadence.text() == "ご無沙汰している人のみ"

    window.show_page(window.encounters)
    scopes = [b.text() for b in window.encounters.scope_buttons.values()]
    assert scopes == ["今後", "過去", "キャンセル済み", "すべて"]
    assert window.encounters.new_button.text() == "新しいミーティング"

    window.show_page(window.promises)
    states = [window.promises.state.itemText(n) for n in range(window.promises.state.count())]
    assert states == ["未完了", "完了", "すべて"]
    assert window.promises.done_button.text() == "完了にする"
    window.show_page(window.reflections)
    assert window.reflections.unsent_only.text() == "お礼未送信のみ"

    # The date pickers start the week on Sunday, as calendars in Japan do; dates are
    # entered in the Japanese order.
    from PySide6.QtCore import Qt

    birthday = contacts.form.birthday
    assert birthday.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert birthday.displayFormat() == "yyyy/MM/dd"

    # Search results are grouped under Japanese headings.
    window.search.setText("Hanako")
    rows = [window.search.model.item(r).text() for r in range(window.search.model.rowCount())]
    assert rows[0] == "連絡先"


def Qt_Horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def seed_ids(vault: Vault) -> dict[str, int]:
    from ichigoapp.model import Contact

    with vault.session() as s:
        return {c.display_name: c.id for c in s.query(Contact)}


def test_dates_and_counts_read_as_in_japan(language: Callable[[str], None]) -> None:
    language("ja")
    saturday = datetime(2026, 12, 5, 14, 0, tzinfo=fmt.local(NOW).tzinfo or UTC)
    assert QLocale().name() == "ja_JP"
    assert fmt.date_time(saturday) == "2026年12月5日(土) 14:00"
    assert fmt.weekday(date(2026, 12, 5)) == "12月5日(土)"
    assert fmt.day(date(2026, 12, 5)) == "2026年12月5日"
    assert fmt.due(date(2026, 12, 1), date(2026, 12, 3)) == "2日超過"
    assert fmt.ago(datetime(2026, 11, 30, tzinfo=UTC), datetime(2026, 12, 3, tzinfo=UTC)) == (
        "3日前"
    )
    assert tr("%n person(s)", "", 2) == "2人"
    # Qt's own words come from Qt's catalogue.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    # Weeks start on Sunday in Japan (the date pickers' calendars follow QLocale).
    from PySide6.QtCore import Qt

    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Sunday


def test_english_dates_follow_the_english_locale(language: Callable[[str], None]) -> None:
    saturday = datetime(2026, 12, 5, 14, 0, tzinfo=fmt.local(NOW).tzinfo or UTC)
    language("en_GB")
    assert fmt.date_time(saturday) == "Sat 5 Dec 2026 14:00"
    assert fmt.weekday(date(2026, 12, 5)) == "Sat 5 Dec"
    from PySide6.QtCore import Qt

    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Monday
    language("en_US")
    assert fmt.date_time(saturday).startswith("Sat, Dec 5, 2026 2:00")
    assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Sunday


def test_english_counts_come_from_the_english_plural_forms() -> None:
    assert tr("%n person(s)", "", 1) == "1 person"
    assert tr("%n person(s)", "", 3) == "3 people"
    assert fmt.due(date(2026, 12, 2), date(2026, 12, 3)) == "overdue by 1 day"
    assert fmt.due(date(2026, 12, 1), date(2026, 12, 3)) == "overdue by 2 days"


def test_the_lock_screen_speaks_japanese(
    language: Callable[[str], None], qtbot: Any, tmp_path: Path
) -> None:
    language("ja")
    screen = LockScreen(tmp_path / "work.vault")
    qtbot.addWidget(screen)
    assert screen.windowTitle() == "Ichigo — ロック中"
    assert screen.unlock_button.text() == "ロック解除(&U)…"
    assert "Ichigo はロックされています" in _texts(screen)
    assert "work.vault" in _texts(screen)


def test_the_language_setting_is_kept_for_the_next_start(
    language: Callable[[str], None], qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ICHIGO_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    translation.set_language_setting("ja")
    assert translation.language_setting() == "ja"
    assert translation.install(qapp).language == "ja"  # the setting beats the system
    monkeypatch.setenv("ICHIGO_LANG", "en")
    assert translation.install(qapp).language == "en"  # ICHIGO_LANG beats the setting
    translation.set_language_setting(translation.SYSTEM)
    assert translation.language_setting() == ""


def test_the_view_menu_offers_the_languages(vault: Vault, qtbot: Any, monkeypatch: Any) -> None:
    window = _window(vault, qtbot)
    entries = [a.text() for a in window.language_menu.actions()]
    assert entries == ["System default", "English", "日本語"]
    assert window.language_menu.actions()[0].isChecked()
    told: list[str] = []
    monkeypatch.setattr(
        "ichigoapp.ui.menus.QMessageBox.information",
        lambda _parent, _title, text: told.append(text),
    )
    window.language_menu.actions()[2].trigger()
    assert translation.language_setting() == "ja"
    assert told == ["Ichigo will use 日本語 from the next start. Quit and open it again."]


# --- the catalogue is complete ------------------------------------------------------------
def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()  # noqa: S314 (our own file)
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def test_lupdate_finds_every_string_of_the_views_translated(tmp_path: Path) -> None:
    """lupdate over the area, into a copy of the committed catalogue: nothing new, nothing
    unfinished, and each translation keeps the English placeholders and mnemonic."""
    if shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    packaging = _packaging_translations()
    copy = tmp_path / "views_ja.ts"
    shutil.copy(TS, copy)
    command = packaging.lupdate_command(packaging.qt_views_files(), TS, language="ja")
    command[command.index("-ts") + 1] = str(copy)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    problems = []
    for context, message in _messages(copy):
        source = message.findtext("source") or ""
        translation_element = message.find("translation")
        assert translation_element is not None
        kind = translation_element.get("type")
        forms = [f.text or "" for f in translation_element.iter("numerusform")] or [
            translation_element.text or ""
        ]
        if kind in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: {source!r} ({kind or 'empty'})")
            continue
        for form in forms:
            if sorted(_PLACEHOLDER.findall(form)) != sorted(_PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} -> {form!r} (placeholders)")
            if "&" in source.replace("&&", "") and re.search(r"&\w", source):
                key = re.search(r"&(\w)", source)
                assert key is not None
                if f"&{key.group(1).upper()}" not in form.upper():
                    problems.append(f"{context}: {source!r} -> {form!r} (mnemonic)")
    assert not problems, "\n".join(problems)


# --- no literal escapes translation -------------------------------------------------------
# Calls whose string arguments a user reads: widget methods and constructors, the app's
# own helpers that put text on screen.
TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setStatusTip",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setTabText",
    "addTab",
    "insertTab",
    "addAction",
    "addMenu",
    "setTitle",
    "showMessage",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "addItem",
    "addItems",
    "setItemText",
    "addRow",
    "setHtml",
    "setPlainText",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "emit",
}
TEXT_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QToolBar",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QStandardItem",
    "QLineEdit",
    "QMessageBox",
    "ClickableLabel",
    "Section",
    "button",
    "action",
    "confirm",
    "error",
    "inform",
    "choose",
    "pick_contact",
}
KEEP = "# i18n: keep"
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^<>]*>|&\w+;")  # markup around translated words is not a word
SHORTCUT = re.compile(r"^(Ctrl|Shift|Alt|Meta)\+")  # key sequences are not translated


def _words(text: str) -> bool:
    return not SHORTCUT.match(text) and bool(WORD.search(TAG.sub("", text)))


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _literals(node: ast.Call) -> list[ast.expr]:
    """String literals (plain or f-strings) given to the call, directly or in a list."""
    found: list[ast.expr] = []
    args = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
    for arg in args:
        items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
        for item in items:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                if _words(item.value):
                    found.append(item)
            elif isinstance(item, ast.JoinedStr):
                text = "".join(
                    v.value for v in item.values if isinstance(v, ast.Constant) and v.value
                )
                if _words(str(text)):
                    found.append(item)
    return found


def untranslated_literals(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        callee = _name(node.func)
        if callee in ("translate", "tr", "QT_TRANSLATE_NOOP"):
            # The source text must be a literal lupdate can read, never an f-string.
            if any(isinstance(a, ast.JoinedStr) for a in node.args):
                found.append(f"{path.name}:{node.lineno}: f-string given to {callee}")
            continue
        if callee not in TEXT_METHODS and callee not in TEXT_CONSTRUCTORS:
            continue
        if callee == "emit" and _name(getattr(node.func, "value", node.func)) != "status":
            continue  # only the status bar's messages are text
        for literal in _literals(node):
            line = lines[literal.lineno - 1]
            if KEEP in line or KEEP in lines[node.lineno - 1]:
                continue
            found.append(f"{path.name}:{literal.lineno}: {ast.unparse(literal)[:60]}")
    return found


def test_no_string_literal_reaches_a_widget_untranslated() -> None:
    files = _packaging_translations().qt_views_files()
    assert len(files) > 15  # the area's files, not an empty list
    problems = [problem for path in files for problem in untranslated_literals(path)]
    assert not problems, "untranslated text:\n" + "\n".join(problems)


def test_the_scan_finds_what_it_is_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Hello there')\n"
        "label.setToolTip(f'About {name}')\n"
        "self.bus.status.emit('Saved it')\n"
        "box.setHeaderLabels(['When', translate('X', 'What')])\n"
        "ok = QLabel(translate('X', 'Fine'))\n"
        "title = QLabel('Ichigo')  # i18n: keep\n"
        "bad = translate('X', f'Hi {name}')\n",
        encoding="utf-8",
    )
    found = untranslated_literals(sample)
    assert [f.split(":")[1] for f in found] == ["1", "2", "3", "4", "7"]


# --- pseudo-locale: nothing clipped ---------------------------------------------------------
def _clipped(widget: QWidget) -> list[str]:
    """Labels and buttons narrower than their text, among the visible ones."""
    found = []
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(widget) or label.wordWrap() or not label.text():
            continue
        if label.textFormat() != label.textFormat().PlainText and "<" in label.text():
            continue  # rich text wraps or elides by its own rules
        shown = label.text().split("\n")[0]
        if label.buddy() is not None or "&" in shown:  # a mnemonic's & is not drawn
            shown = re.sub(r"&(.)", r"\1", shown)
        need = label.fontMetrics().horizontalAdvance(shown)
        if need > label.contentsRect().width() + 1:
            found.append(f"label {label.text()!r}: {label.contentsRect().width()} < {need}")
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(widget) or not button.text():
            continue
        if button.width() + 1 < button.minimumSizeHint().width() or (
            not isinstance(button, QCheckBox) and button.width() + 1 < button.sizeHint().width()
        ):
            need = button.sizeHint().width()
            found.append(f"button {button.text()!r}: {button.width()} < {need}")
    for area in widget.findChildren(QScrollArea):
        # A form wider than its column scrolls sideways: its right edge is cut off.
        inner = area.widget()
        if (
            area.isVisibleTo(widget)
            and inner is not None
            and inner.minimumSizeHint().width() > area.viewport().width()
        ):
            found.append(f"{type(area.widget()).__name__} is wider than its scroll area")
    for bar in widget.findChildren(QTabBar):
        for n in range(bar.count()):
            if bar.tabRect(n).width() + 1 < bar.tabSizeHint(n).width():
                found.append(f"tab {bar.tabText(n)!r}")
    return found


def test_under_the_pseudo_locale_no_label_or_button_of_the_pages_is_clipped(
    language: Callable[[str], None], vault: Vault, qtbot: Any
) -> None:
    language(i18n.PSEUDO)
    window = _window(vault, qtbot)
    assert window.nav.item(0).text().startswith(i18n.PSEUDO_OPEN)
    world: seed.World = _window.world  # type: ignore[attr-defined]
    problems: list[str] = []
    for page, show in (
        (window.today, lambda: window.show_page(window.today)),
        (window.contacts, lambda: window.open_contact(world.hanako)),
        (window.encounters, lambda: window.open_encounter(world.upcoming)),
        (window.reflections, lambda: window.show_page(window.reflections)),
        (window.promises, lambda: window.show_page(window.promises)),
    ):
        show()
        for _ in range(3):  # posted layout requests, then the layouts they start
            QCoreApplication.processEvents()
        problems += [f"{type(page).__name__}: {p}" for p in _clipped(page)]
    problems += [f"status bar: {p}" for p in _clipped(window.statusBar())]
    assert not problems, "\n".join(problems)


# --- the app itself starts in the chosen language ------------------------------------------
_START_IN_JAPANESE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

def look():
    from ichigoapp.ui.main_window import MainWindow
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.attached]
    if not windows:
        return
    window = windows[0]
    print(json.dumps({
        "nav": [window.nav.item(n).text() for n in range(window.nav.count())],
        "menus": [a.text() for a in window.menuBar().actions()],
    }))
    app.exit(0)

timer = QTimer()
timer.timeout.connect(look)
timer.start(50)
from ichigoapp.app import run_gui
run_gui(Path(sys.argv[1]))
"""


def test_the_app_starts_in_the_language_of_ichigo_lang(tmp_path: Path) -> None:
    """run_gui installs the translators before it builds a window (a real start)."""
    import json
    import os

    from tests.cli_helpers import python

    env = {k: v for k, v in os.environ.items() if not k.startswith(("ICHIGO_", "XDG_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        ICHIGO_LANG="ja",
        ICHIGO_HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ICHIGO_PASSPHRASE="a test vault, not a secret",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    done = python(["-c", _START_IN_JAPANESE, str(tmp_path / "test.vault")], env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["nav"] == ["今日", "連絡先", "ミーティング", "振り返り", "約束"]
    assert shown["menus"] == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
