"""The "dialogs" area of the app in Japanese and under the pseudo-locale.

The area is every module of ``ichigoapp/ui`` outside the main window's views: dialogs,
the File menu's actions, the tray, notifications, printing, the lifecycle screens
(``packaging/translations.qt_dialogs_files``; catalogue ``qt/dialogs_ja.ts``).

* Under ``ICHIGO_LANG=ja`` real dialogs, driven with qtbot, show Japanese titles, labels
  and buttons, Qt's own buttons included, with Japanese dates and counts.
* ``lupdate`` over the area finds every string translated for ``ja``, with the same
  placeholders as the English.
* No string literal reaches a widget's text without ``tr``/``translate`` (an AST scan).
* Under the pseudo-locale (every string 40% longer) no label or button is clipped.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ichigoapp.services.importing import ImportReport
from ichigoapp.store import Vault
from ichigoapp.ui import translation
from ichigoapp.ui.dialogs.calendar_import import summary_text
from ichigoapp.ui.dialogs.duplicates import DuplicatesDialog
from ichigoapp.ui.dialogs.merge import MergeDialog
from ichigoapp.ui.dialogs.passphrase import PassphraseDialog
from ichigoapp.ui.dialogs.print_day import PrintDayDialog
from ichigoapp.ui.dialogs.reflection_editor import ReflectionEditor
from ichigoapp.ui.dialogs.thanks import ThanksDialog
from ichigoapp.ui.events import EventBus
from tests.ui import seed
from tests.ui.conftest import NOW

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "qt" / "dialogs_ja.ts"


def _packaging_translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ichigo_packaging_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and typing look the module up
    spec.loader.exec_module(module)
    return module


PACKAGING = _packaging_translations()
AREA: list[Path] = PACKAGING.qt_dialogs_files()


def _area_contexts() -> set[str]:
    root = ET.parse(TS).getroot()  # noqa: S314 - our own catalogue
    return {context.findtext("name") or "" for context in root.iter("context")}


AREA_CONTEXTS = _area_contexts()


# --------------------------------------------------------------------------- languages


def _switch(qapp: Any, monkeypatch: pytest.MonkeyPatch, language: str) -> Iterator[None]:
    monkeypatch.setenv("ICHIGO_LANG", language)
    translation.install(qapp)
    try:
        yield
    finally:
        monkeypatch.delenv("ICHIGO_LANG")
        translation.install(qapp, setting="en")


@pytest.fixture
def japanese(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _switch(qapp, monkeypatch, "ja")


@pytest.fixture
def pseudo(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _switch(qapp, monkeypatch, "pseudo")


def _texts(widget: QWidget) -> list[str]:
    """Every label's and button's text in ``widget`` (visible or not)."""
    return [w.text() for w in widget.findChildren(QLabel)] + [
        w.text() for w in widget.findChildren(QAbstractButton)
    ]


def _has_kana_or_kanji(text: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text))


# --------------------------------------------------------------------------- Japanese


def test_the_new_vault_passphrase_dialog_speaks_japanese(
    japanese: None, qtbot: Any, tmp_path: Path
) -> None:
    dialog = PassphraseDialog(None, tmp_path / "ichigo.vault", new=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ichigo の保管庫を作成"
    assert dialog.ok_button.text() == "保管庫を作成"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().startswith("キャンセル")  # Qt's own catalogue
    texts = _texts(dialog)
    assert "パスフレーズ(&P):" in texts and "確認(&C):" in texts
    assert any("パスフレーズを忘れると復元できません" in t for t in texts)

    qtbot.keyClicks(dialog.passphrase_edit, "short")
    assert dialog.confirm_edit is not None
    qtbot.keyClicks(dialog.confirm_edit, "short")
    dialog.accept()
    assert dialog.error_label.text() == "8 文字以上にしてください。"  # a counted message
    dialog.passphrase_edit.setText("password1")
    # The verdict and zxcvbn's time, in Japanese: "非常に弱い（推測されるまで 1 秒未満）".
    assert re.fullmatch(r"非常に弱い（推測されるまで [^A-Za-z]+）", dialog.strength_label.text())
    dialog.confirm_edit.setText("password1")
    dialog.accept()
    # Refused with zxcvbn's own warning, from the catalogue: why it is weak, not only how.
    assert dialog.error_label.text().startswith("このパスフレーズの評価: 非常に弱い")
    assert "非常によく使われるパスワードです。" in dialog.error_label.text()


def test_printing_a_day_reads_japanese_dates_and_counts(
    japanese: None, qtbot: Any, vault: Vault
) -> None:
    seed.build(vault, NOW)
    dialog = PrintDayDialog(None, vault, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "準備カードの印刷"
    tomorrow = (NOW + timedelta(days=1)).astimezone()
    # "明日、12月4日 金曜日(&T)": the day as a Japanese reader writes it.
    expected = f"明日、{tomorrow.month}月{tomorrow.day}日 "
    assert dialog.tomorrow_radio.text().startswith(expected)
    assert "曜日" in dialog.tomorrow_radio.text()
    assert dialog.print_button.text() == "印刷…"
    assert dialog.pdf_button.text() == "PDF として保存…"
    dialog.sheet_radio.setChecked(True)
    assert dialog.windowTitle() == "1 日分の印刷"
    assert "年" in dialog.date_edit.text()  # the day picker: yyyy年M月d日(ddd)
    label = dialog.count_label.text()
    assert _has_kana_or_kanji(label) and not re.search(r"[A-Za-z]{3,}", label)


def test_the_merge_and_duplicates_dialogs_speak_japanese(
    japanese: None, qtbot: Any, vault: Vault
) -> None:
    world = seed.build(vault, NOW)
    bus = EventBus()
    merge = MergeDialog(None, vault, bus, world.hanako, world.kwame)
    qtbot.addWidget(merge)
    assert merge.windowTitle() == "連絡先の統合"
    # Names from outside are shown as they are, inside the Japanese sentence.
    assert [b.text() for b in merge.keep_buttons] == ["Hanako Sato を残す", "Kwame Mensah を残す"]
    assert merge.merge_button.text() == "Hanako Sato に統合"
    assert "会社" in _texts(merge)
    merge.offer_telling_apart()
    assert merge.apart_button.text() == "別人です(&N)"

    duplicates = DuplicatesDialog(None, vault, bus)
    qtbot.addWidget(duplicates)
    assert duplicates.windowTitle() == "重複の可能性"
    header = duplicates.pairs.headerItem()
    assert [header.text(i) for i in range(3)] == ["連絡先", "連絡先", "理由"]
    assert duplicates.compare_button.text() == "比較(&C)…"


def test_the_reflection_editor_and_the_thanks_draft_speak_japanese(
    japanese: None, qtbot: Any, vault: Vault
) -> None:
    world = seed.build(vault, NOW)
    bus = EventBus()
    editor = ReflectionEditor(vault, bus, world.past)
    qtbot.addWidget(editor)
    texts = _texts(editor)
    assert {"学んだこと(&L):", "感謝(&G):", "次回に向けて(&N):", "お礼を伝えた"} <= set(texts)
    assert editor.windowTitle().startswith("振り返り: ")
    assert editor.save_button.text().startswith("保存")  # Qt's own Save, in Japanese
    assert editor.promise_direction.itemText(0) == "自分の約束"

    thanks = ThanksDialog(vault, bus, encounter_id=world.past, parent=None)
    qtbot.addWidget(thanks)
    assert thanks.windowTitle() == "お礼を書く"
    assert thanks.open_button.text() == "メールソフトで開く(&O)"
    assert thanks.mark_button.text() == "お礼済みにする(&M)"


def test_the_calendars_dialog_and_the_file_menu_speak_japanese(
    japanese: None, qtbot: Any, window: Any
) -> None:
    sync = window.file_actions.sync
    assert sync.calendars_action.text() == "カレンダー(&C)…"
    assert window.file_actions.prep.action.text() == "準備カードを印刷(&P)…"
    assert window.file_actions.prep.action.shortcut().toString() == "Ctrl+P"  # unchanged
    sync.show_dialog()
    dialog = sync.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "カレンダーとアドレス帳"
    assert [dialog.tabs.tabText(i) for i in range(2)] == ["カレンダー(&C)", "アドレス帳(&B)"]
    header = dialog.table.headerItem()
    assert [header.text(i) for i in range(6)] == [
        "名前",
        "種類",
        "カレンダー",
        "同期",
        "最終同期",
        "結果",
    ]
    dialog.close()


def test_an_import_summary_counts_in_each_language(japanese: None) -> None:
    report = ImportReport(files=1, events_seen=3, created=2, updated=1, new_people=2)
    assert summary_text(report).splitlines() == [
        "ファイル 1 件から予定 3 件を読み込みました。",
        "新規 2 件、更新 1 件、変更なし 0 件、キャンセル 0 件。",
        "未登録の人が 2 人います。",
    ]


def test_english_plurals_come_from_the_english_catalogue() -> None:
    one = ImportReport(files=1, events_seen=1, new_people=1)
    many = ImportReport(files=2, events_seen=5, new_people=3)
    assert summary_text(one).splitlines()[0] == "Read 1 event from 1 file."
    assert summary_text(one).splitlines()[2] == "1 new person to meet."
    assert summary_text(many).splitlines()[0] == "Read 5 events from 2 files."
    assert summary_text(many).splitlines()[2] == "3 new people to meet."


def test_the_tray_menu_speaks_japanese(japanese: None, qtbot: Any, vault: Vault) -> None:
    from PySide6.QtGui import QIcon

    from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
    from ichigoapp.ui.main_window import MainWindow
    from ichigoapp.ui.notifications import DesktopNotifications
    from ichigoapp.ui.tray import Tray

    seed.build(vault, NOW)
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    moment = MeetingMoment(window, DesktopNotifications(), clock=lambda: NOW)
    tray = Tray(moment, QIcon())
    tray.rebuild()
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert {"準備カードを開く(&P)", "Ichigo を表示(&S)", "Ichigo を終了(&Q)"} <= set(texts)
    assert "リマインダーの設定(&S)" in texts
    settings = next(a.menu() for a in tray.menu.actions() if a.menu() is not None)
    assert "5 分前に知らせる" in [a.text() for a in settings.actions()]


def test_a_reminder_s_buttons_speak_japanese(japanese: None, qtbot: Any, vault: Vault) -> None:
    """The notice before a meeting: its buttons are the app's words, in Japanese (the
    title and body come from the services' own catalogue)."""
    from ichigoapp.model import Encounter
    from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
    from ichigoapp.ui.main_window import MainWindow
    from ichigoapp.ui.notifications import DesktopNotifications

    world = seed.build(vault, NOW)
    with vault.session() as session:
        coffee = session.get(Encounter, world.upcoming)
        assert coffee is not None
        start = coffee.start
    now = start - timedelta(minutes=30)
    window = MainWindow(vault, [], lambda: now)
    qtbot.addWidget(window)
    moment = MeetingMoment(window, DesktopNotifications(), clock=lambda: now)
    moment.tick()
    labels = [label for shown in moment.history for _key, label in shown.notice.actions]
    # The meeting in 30 minutes (and the day's digest, when it is due at this hour).
    assert {"準備カードを開く", "印刷"} <= set(labels) <= {"準備カードを開く", "印刷", "今日を開く"}


# --------------------------------------------------------------------------- the catalogue


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - our own catalogue
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


def test_lupdate_finds_every_string_of_the_area_translated(tmp_path: Path) -> None:
    """Run lupdate over the area's code into a copy of the catalogue: nothing new, nothing
    unfinished, and every translation keeps the English placeholders."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    command = PACKAGING.lupdate_command(AREA, TS, language="ja")
    command[command.index("-ts") + 1] = str(copy)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    unfinished = []
    wrong = []
    for context, message in _messages(copy):
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None
        forms = [f.text or "" for f in element.iter("numerusform")] or [element.text or ""]
        if element.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(f"{context}: {source}")
            continue
        for form in forms:
            if sorted(_PLACEHOLDER.findall(form)) != sorted(_PLACEHOLDER.findall(source)):
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert not unfinished, "untranslated for ja:\n" + "\n".join(unfinished)
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)
    assert len(_messages(copy)) > 400  # the scan really read the area


def test_every_counted_message_of_the_area_has_english_plural_forms(tmp_path: Path) -> None:
    """English reads "1 file" / "2 files", never "2 file(s)": numerus_en.ts holds the
    forms of every %n message of the area."""
    copy = tmp_path / "numerus_en.ts"
    shutil.copy(PACKAGING.NUMERUS_EN, copy)
    command = PACKAGING.lupdate_command(AREA, PACKAGING.NUMERUS_EN, language="en", plural_only=True)
    command[command.index("-ts") + 1] = str(copy)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    missing = []
    for context, message in _messages(copy):
        if message.get("numerus") != "yes" or context not in AREA_CONTEXTS:
            continue
        element = message.find("translation")
        assert element is not None
        forms = [f.text or "" for f in element.iter("numerusform")]
        source = message.findtext("source") or ""
        if (
            element.get("type") == "unfinished"
            or len(forms) != 2
            or any("(s)" in form or "person/people" in form for form in forms)
        ):
            missing.append(f"{context}: {source} -> {forms}")
    assert not missing, "\n".join(missing)


# --------------------------------------------------------------------------- the scan

# Widget and dialog calls whose string arguments a user reads.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setTabText",
    "addTab",
    "insertTab",
    "addAction",
    "addMenu",
    "addRow",
    "addButton",
    "addItem",
    "addItems",
    "insertItem",
    "setItemText",
    "showMessage",
    "information",
    "warning",
    "critical",
    "question",
    "getInt",
    "getText",
    "getItem",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QMessageBox",
    "QProgressDialog",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QLineEdit",
    # The app's own helpers that put text on screen.
    "action",
    "button",
    "label",
    "confirm",
    "inform",
    "error",
    "choose",
    "pick_contact",
    "show_summary",
    "show_error",
    "open_file_name",
    "open_file_names",
    "save_file_name",
    "emit",  # bus.status.emit: the status bar
}
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
LOGGERS = {"log", "logger", "logging"}
# Text that is the same in every language: punctuation, symbols, placeholders, the app's
# name, key sequences ("Ctrl+Shift+P", "F5").
ALLOWED = re.compile(
    r"^[\W\d_]*$|^Ichigo$|^((Ctrl|Shift|Alt|Meta)\+)*(F\d{1,2}|[A-Z0-9]|Del|Esc|Return)$"
)
MARKER = "i18n: not translated"


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _receiver(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        value = func.value
        if isinstance(value, ast.Name):
            return value.id
        if isinstance(value, ast.Attribute):
            return value.attr
    return ""


def _shows_text(node: ast.Call) -> bool:
    name = _callee(node)
    if name not in TEXT_CALLS or _receiver(node) in LOGGERS:
        return False
    return name != "emit" or _receiver(node) == "status"


def _bare_literals(node: ast.AST) -> Iterator[ast.expr]:
    """The string literals that become the text itself: the argument, the branches of a
    conditional, the items of a list, the parts joined or formatted; not those inside
    tr()/translate() nor keys, attribute names or other calls' arguments."""
    if isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    ):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _bare_literals(node.body)
        yield from _bare_literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _bare_literals(value)
    elif isinstance(node, ast.BinOp):
        yield from _bare_literals(node.left)
        yield from _bare_literals(node.right)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for element in node.elts:
            yield from _bare_literals(element)
    elif isinstance(node, ast.Starred):
        yield from _bare_literals(node.value)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and _callee(node) in {"format", "join"}
    ):
        # "{a} {b}".format(...), ", ".join(...): the receiver is text too.
        yield from _bare_literals(node.func.value)


def _words(literal: ast.expr) -> str:
    """The literal's own words: placeholders and HTML tags left out."""
    if isinstance(literal, ast.JoinedStr):
        parts = [v.value for v in literal.values if isinstance(v, ast.Constant)]
        text = "".join(str(p) for p in parts)
    else:
        text = str(literal.value) if isinstance(literal, ast.Constant) else ""
    return re.sub(r"<[^<>]*>", "", _PLACEHOLDER.sub("", text))


def untranslated_literals(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not _shows_text(node):
            continue
        arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        for argument in arguments:
            for literal in _bare_literals(argument):
                if ALLOWED.match(_words(literal)):
                    continue
                if MARKER in lines[literal.lineno - 1] or MARKER in lines[node.lineno - 1]:
                    continue
                shown = literal.value if isinstance(literal, ast.Constant) else "f-string"
                found.append(f"{path.relative_to(ROOT)}:{literal.lineno}: {shown!r}")
    return found


def test_no_string_reaches_a_widget_of_the_area_untranslated() -> None:
    found = [line for path in AREA for line in untranslated_literals(path)]
    assert not found, "wrap these in tr()/translate() (or mark '# i18n: not translated'):\n" + (
        "\n".join(found)
    )


def test_the_scan_catches_a_bare_string(tmp_path: Path) -> None:
    sample = ROOT / "ichigoapp" / "ui" / "_scan_sample.py"
    sample.write_text(
        "def build(label, box, self):\n"
        '    label.setText("Hello")\n'
        '    box.setWindowTitle(f"Hi {label}")\n'
        '    label.setText(self.tr("Fine"))\n'
        '    label.setToolTip("—")\n'
        '    label.setText("Ichigo")\n'
        '    box.addItem("Kept")  # i18n: not translated\n',
        encoding="utf-8",
    )
    try:
        found = untranslated_literals(sample)
    finally:
        sample.unlink()
    assert [line.split(": ", 1)[1] for line in found] == ["'Hello'", "'f-string'"]


# --------------------------------------------------------------------------- clipping


def _clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the room they were given."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    found.append(f"label {widget.text()[:50]!r}: {need} > {widget.height()} px")
            elif widget.textFormat() != widget.textFormat().RichText and "<" not in widget.text():
                need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
                room = widget.contentsRect().width()
                if need > room + 1:
                    found.append(f"label {widget.text()[:50]!r}: {need} > {room} px")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            room = widget.width() - 10  # the frame and the text margins
            if need > room:
                found.append(f"hint {widget.placeholderText()[:50]!r}: {need} > {room} px")
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            need = widget.sizeHint().width()
            if need > widget.width() + 1:
                found.append(f"button {widget.text()[:50]!r}: {need} > {widget.width()} px")
    return found


def _shown(widget: QWidget, qtbot: Any) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def test_no_dialog_clips_its_text_under_the_pseudo_locale(
    pseudo: None, qtbot: Any, vault: Vault, tmp_path: Path
) -> None:
    from ichigoapp.services.sources import SourceKind
    from ichigoapp.ui.actions.calendar_sync import CalendarSync
    from ichigoapp.ui.dialogs.address_books import AddAddressBookDialog
    from ichigoapp.ui.dialogs.calendar_import import ImportDialog
    from ichigoapp.ui.dialogs.calendars import AddSourceDialog, CalendarsDialog

    world = seed.build(vault, NOW)
    bus = EventBus()
    owner = QWidget()
    qtbot.addWidget(owner)
    sync = CalendarSync(owner, vault, bus, lambda: NOW, QLabel())
    calendars = CalendarsDialog(owner, vault, sync)
    calendars.reload()
    imported = ImportDialog(None, vault, bus, [tmp_path / "work.ics"], lambda: NOW)
    report = ImportReport(files=1, events_seen=12, created=10, updated=2, new_people=3)
    report.errors.append({"file": "work.ics", "uid": "x@y", "message": "no DTSTART"})
    imported._show_report(report)
    dialogs = {
        "calendars": calendars,
        "calendar link": AddSourceDialog(owner, SourceKind.ICS),
        "caldav account": AddSourceDialog(owner, SourceKind.CALDAV),
        "address book": AddAddressBookDialog(owner, ["vip"]),
        "import summary": imported,
        "passphrase": PassphraseDialog(None, tmp_path / "ichigo.vault", new=True),
        "print day": PrintDayDialog(None, vault, lambda: NOW),
        "merge": MergeDialog(None, vault, bus, world.hanako, world.kwame),
        "duplicates": DuplicatesDialog(None, vault, bus),
        "reflection": ReflectionEditor(vault, bus, world.past),
        "thanks": ThanksDialog(vault, bus, encounter_id=world.past, parent=None),
    }
    problems = []
    for name, dialog in dialogs.items():
        _shown(dialog, qtbot)
        assert any("⟦" in text for text in _texts(dialog)), f"{name}: not pseudo-translated"
        problems += [f"{name}: {line}" for line in _clipped(dialog)]
    assert not problems, "\n".join(problems)


def test_the_clipping_check_sees_text_that_does_not_fit(qtbot: Any) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget()
    layout = QVBoxLayout(box)
    label = QLabel("A label far too long for the room it was given")
    label.setFixedWidth(60)
    hint = QLineEdit(placeholderText="A hint far too long for its field")
    hint.setFixedWidth(60)
    fits = QLabel("Fits")
    for widget in (label, hint, fits):
        layout.addWidget(widget)
    _shown(box, qtbot)
    assert [line.split(" ", 1)[0] for line in _clipped(box)] == ["label", "hint"]
