"""Main window: navigation, search, menus, saved layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt

from ichigoapp.store import Vault
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.settings import settings
from tests.ui import seed
from tests.ui.conftest import NOW


def test_navigation_switches_pages(window: Any) -> None:
    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        assert window.current_page() is page
        assert page.isVisible()


def test_menus_have_standard_shortcuts(window: Any) -> None:
    assert window.new_contact_action.shortcut().toString() == "Ctrl+N"
    assert window.new_encounter_action.shortcut().toString() == "Ctrl+Shift+N"
    assert {s.toString() for s in window.find_action.shortcuts()} == {"Ctrl+K", "Ctrl+F"}
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    quit_action = window.file_menu.actions()[-1]
    assert quit_action.shortcut().toString() == "Ctrl+Q"


def test_add_file_action_lands_before_quit(window: Any) -> None:
    hits: list[str] = []
    action = window.add_file_action("Import calendar…", lambda: hits.append("import"), "Ctrl+I")
    actions = window.file_menu.actions()
    assert actions.index(action) < len(actions) - 2
    action.trigger()
    assert hits == ["import"]


def test_search_ctrl_k_type_enter_opens_the_contact(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    if not window.search.hasFocus():  # offscreen platforms may drop shortcut events
        window.find_action.trigger()
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "Hana")
    assert window.search.popup.isVisible()
    model = window.search.model
    assert model.item(0).text() == "Contacts"
    assert "Hanako Sato" in model.item(1).text()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.current_page() is window.contacts
    assert window.contacts.current_id() == world.hanako
    assert not window.search.popup.isVisible()


def test_search_down_arrow_and_encounter_hit(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.focus_search()
    qtbot.keyClicks(window.search, "solar co-op")
    rows = window.search.selectable_rows()
    kinds = [window.search.model.item(r).data(Qt.ItemDataRole.UserRole + 10) for r in rows]
    target = rows[kinds.index("encounter")]
    while window.search.popup.currentIndex().row() != target:
        qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    assert window.current_page() is window.encounters
    assert window.encounters.encounter_id == world.past


def test_geometry_and_splitters_are_kept_in_qsettings(
    vault: Vault, qtbot: Any, qsettings_in_tmp: Path
) -> None:
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    window.resize(1000, 700)
    window.contacts.splitter.setSizes([300, 500])
    window.close()
    store = settings()
    assert store.fileName().startswith(str(qsettings_in_tmp))
    geometry = store.value("window/geometry")
    assert isinstance(geometry, QByteArray) and not geometry.isEmpty()
    assert isinstance(store.value("splitters/ContactsView"), QByteArray)
    # A new window comes back with the saved size.
    again = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(again)
    assert again.size().height() == 700  # (offscreen clamps widths to its 800 px screen)
    # The Contacts page, built after the Today page, comes back as it was left.
    assert again.contacts.splitter.saveState() == store.value("splitters/ContactsView")


def test_the_today_page_comes_first_and_the_others_follow(vault: Vault, qtbot: Any) -> None:
    from ichigoapp.ui.pages.base import Page
    from ichigoapp.ui.pages.contacts import ContactsView
    from ichigoapp.ui.pages.today import TodayView

    world = seed.build(vault, NOW)
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    pages = [window.stack.widget(row) for row in range(window.stack.count())]
    # Only the Today page is built with the window; the others wait for its paint.
    assert isinstance(pages[0], TodayView)
    assert not any(isinstance(page, Page) for page in pages[1:])
    window.show()
    qtbot.waitUntil(
        lambda: all(isinstance(window.stack.widget(n), Page) for n in range(5)), timeout=10_000
    )
    assert window.stack.count() == window.nav.count() == 5
    # A page asked for before its turn is built at once: a link from Today, say.
    other = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(other)
    other.open_contact(world.hanako)
    assert isinstance(other.current_page(), ContactsView)
    assert other.contacts.current_id() == world.hanako
    assert other.stack.currentWidget() is other.contacts
    window.close()
    other.close()


def test_closing_releases_the_vault(vault: Vault, qtbot: Any) -> None:
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not vault.writable
