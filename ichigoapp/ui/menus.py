"""The main window's menus: File, Edit, View and Help, and the one way actions are made.

The File menu's middle section (imports, printing, export, backups) is filled by the
controllers of ui/actions/; the rest is here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from ichigoapp import __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from ichigoapp.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str
translate = QCoreApplication.translate


def action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut | None = None,
    *,
    status_tip: str = "",
) -> QAction:
    """A menu entry calling ``slot`` (with no arguments) when triggered."""
    made = QAction(text, parent)
    if shortcut is not None:
        made.setShortcut(QKeySequence(shortcut))
    if status_tip:
        made.setStatusTip(status_tip)
    made.triggered.connect(lambda _=False: slot())
    return made


@dataclass(frozen=True)
class MenuActions:
    new_contact: QAction
    new_encounter: QAction
    save: QAction
    find: QAction
    # The File menu's middle section (ui/actions/) goes before this separator.
    file_section_end: QAction
    undo_merge: QAction


def fill_menus(window: MainWindow, page_titles: Sequence[str]) -> MenuActions:
    from PySide6.QtCore import Qt  # not at start-up (see ui/main_window.py's imports)

    new_contact = action(window, translate("menus", "&New contact"), window.new_contact, "Ctrl+N")
    new_encounter = action(
        window, translate("menus", "New &encounter"), window.new_encounter, "Ctrl+Shift+N"
    )
    file = window.file_menu
    file.addAction(new_contact)
    file.addAction(new_encounter)
    file.addSeparator()
    section_end = file.addSeparator()
    quit_action = action(
        window, translate("menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit
    )
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file.addAction(quit_action)

    edit = window.edit_menu
    save = action(
        window, translate("menus", "&Save"), window.save_current, QKeySequence.StandardKey.Save
    )
    edit.addAction(save)
    # No Ctrl+Z: that stays with the text being typed.
    undo_merge = action(window, translate("menus", "&Undo merge"), window.undo_merge)
    undo_merge.setEnabled(False)
    edit.addAction(undo_merge)
    edit.addSeparator()
    for text, method, key in (
        (translate("menus", "Cu&t"), "cut", QKeySequence.StandardKey.Cut),
        (translate("menus", "&Copy"), "copy", QKeySequence.StandardKey.Copy),
        (translate("menus", "&Paste"), "paste", QKeySequence.StandardKey.Paste),
        (translate("menus", "Select &all"), "selectAll", QKeySequence.StandardKey.SelectAll),
    ):
        entry = action(window, text, partial(_in_focused_widget, method))
        # Shortcuts stay with the focused text widget, which handles them itself;
        # the menu entries are for mouse users.
        entry.setShortcut(QKeySequence(key))
        entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.addAction(entry)
    edit.addSeparator()
    find = action(window, translate("menus", "&Find…"), window.focus_search, "Ctrl+K")
    find.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
    edit.addAction(find)
    edit.addAction(
        action(window, translate("menus", "Possible &duplicates…"), window.review_duplicates)
    )

    view = window.view_menu
    for n, title in enumerate(page_titles):
        shown = translate("MainWindow", title)  # PAGE_TITLES, marked for translation there
        view.addAction(action(window, shown, partial(window.nav.setCurrentRow, n), f"Ctrl+{n + 1}"))
    view.addSeparator()
    # F5 is File › Sync now, which refreshes too.
    view.addAction(
        action(window, translate("menus", "&Refresh"), window.bus.data_changed.emit, "Ctrl+R")
    )
    view.addSeparator()
    window.language_menu = language_menu(window)

    about_entry = action(window, translate("menus", "&About Ichigo"), partial(about, window))
    about_entry.setMenuRole(QAction.MenuRole.AboutRole)
    window.help_menu.addAction(about_entry)
    return MenuActions(new_contact, new_encounter, save, find, section_end, undo_merge)


def _in_focused_widget(method: str) -> None:
    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, method):
        getattr(widget, method)()


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        translate("menus", "About Ichigo"),
        f"<h3>Ichigo {__version__}</h3>"
        + translate(
            "menus",
            "<p><i>Ichi-go ichi-e</i>: one time, one meeting.</p>"
            "<p>A personal relationship manager that helps you arrive prepared, listen "
            "fully, and afterwards reflect, thank and follow up. Everything stays in an "
            "encrypted vault on this computer.</p>",
        ),
    )


def language_menu(window: MainWindow) -> QMenu:
    """View › Language: the system's language, or one chosen here (from the next start)."""
    from ichigoapp.ui import translation

    menu = window.view_menu.addMenu(translate("menus", "&Language"))
    group = QActionGroup(menu)
    chosen = translation.language_setting()
    choices = [(translation.SYSTEM, translate("menus", "System default")), *translation.LANGUAGES]
    for value, name in choices:
        entry = QAction(name, menu)
        entry.setCheckable(True)
        entry.setChecked(value == chosen)
        entry.setData(value)
        entry.triggered.connect(partial(_choose_language, window, value, name))
        group.addAction(entry)
        menu.addAction(entry)
    return menu


def _choose_language(window: QWidget, value: str, name: str, _checked: bool = False) -> None:
    from ichigoapp.ui import translation

    if value == translation.language_setting():
        return
    translation.set_language_setting(value)
    QMessageBox.information(
        window,
        translate("menus", "Language"),
        translate(
            "menus", "Ichigo will use {language} from the next start. Quit and open it again."
        ).format(language=name),
    )
