"""The tray icon's menu, driven as a user would, and the window closing into the tray."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ichigoapp.services import reminders
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.store import Vault, open_vault
from ichigoapp.ui import tray as tray_module
from ichigoapp.ui.dialogs.prep_card import PrepCardDialog
from ichigoapp.ui.lifecycle.autolock import AutoLock
from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
from ichigoapp.ui.main_window import MainWindow
from ichigoapp.ui.notifications import DesktopNotifications
from ichigoapp.ui.tray import Tray
from tests.ui import seed
from tests.ui.conftest import NOW

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "ichigo.svg"


def _texts(tray: Tray) -> list[str]:
    tray.rebuild()
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def _action(tray: Tray, starts: str) -> Any:
    tray.rebuild()
    for action in tray.menu.actions():
        if action.text().startswith(starts):
            return action
        if action.menu() is not None:
            for inner in action.menu().actions():
                if inner.text().startswith(starts):
                    return inner
    raise AssertionError(f"no menu entry {starts!r} in {_texts(tray)}")


@pytest.fixture
def setup(vault: Vault, qtbot: Any) -> Any:
    world = seed.build(vault, NOW)
    window = MainWindow(vault, [], lambda: NOW)  # a lock deletes it: not qtbot's to close
    window.show()
    qtbot.waitExposed(window)

    def unlock(path: Path, _parent: Any) -> Vault:
        return open_vault(path)

    lock = AutoLock(window, minutes=15, unlock=unlock)
    moment = MeetingMoment(window, DesktopNotifications(), clock=lambda: NOW, autolock=lock)
    tray = Tray(moment, QIcon(str(ICON)), autolock=lock)
    yield world, window, lock, tray
    tray.quitting = True
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.setQuitOnLastWindowClosed(True)


def test_the_menu_leads_to_the_next_meeting(setup: Any, qtbot: Any) -> None:
    world, window, _lock, tray = setup
    texts = _texts(tray)
    assert any(t.endswith("Coffee with Hanako") for t in texts)  # tomorrow's, with its day
    assert "Open &prep card" in texts and "P&rint prep card…" in texts
    assert "Reflect on “Solar co-op review”…" in texts
    assert {"&Show Ichigo", "S&ync now", "&Lock", "&Quit Ichigo"} <= set(texts)

    _action(tray, "Open &prep card").trigger()
    card = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrepCardDialog))
    assert card.pane.card is not None and card.pane.card.encounter_id == world.upcoming
    card.close()

    _action(tray, "Reflect on").trigger()
    assert window.reflection_editor is not None
    assert window.reflection_editor.encounter_id == world.past
    window.reflection_editor.reject()


def test_a_title_with_an_ampersand_is_shown_as_written(setup: Any) -> None:
    _world, window, _lock, tray = setup
    with window.vault.transaction() as s:
        add_encounter(
            s, EncounterInput(title="R&D sync", start=NOW + timedelta(hours=1), contact_ids=[])
        )
    # The menu is built each time it opens, so it has the meeting added just now;
    # "&&" is how a menu shows one "&" (a single one would underline the "D").
    assert any(t.endswith("R&&D sync") for t in _texts(tray))


def test_settings_from_the_menu(setup: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _world, window, _lock, tray = setup
    _action(tray, "Remind me 10 minutes before").trigger()
    _action(tray, "&Discreet notifications").trigger()
    with window.vault.session() as s:
        assert reminders.reminder_lead(s) == timedelta(minutes=10)
        assert reminders.discreet_notifications(s)
    assert _action(tray, "Remind me 10 minutes before").isChecked()

    assert tray_module.close_to_tray()  # on by default
    _action(tray, "&Keep running when the window is closed").trigger()
    assert not tray_module.close_to_tray()


def test_closing_the_window_keeps_ichigo_in_the_tray_until_quit(
    setup: Any, dialog_log: Any
) -> None:
    _world, window, _lock, tray = setup
    window.hide_on_close = tray.keep_running
    tray.icon.show()  # as where the desktop has a tray
    told: list[str] = []
    tray.icon.showMessage = lambda title, *_a: told.append(title)  # type: ignore[method-assign]

    window.close()
    assert not window.isVisible() and not window.closing  # hidden, vault still open
    assert told == ["Ichigo is still running"]  # said once, the first time
    window.show()
    window.close()
    assert told == ["Ichigo is still running"]

    # Quit with a contact half edited, and the user keeps editing: nothing quits.
    window.show()
    window.new_contact()
    window.contacts.form.name.setText("Half typed")
    dialog_log.confirm_answer = False
    tray.quit()
    assert window.isVisible() and not window.closing and not tray.quitting
    dialog_log.confirm_answer = True
    tray.quit()
    assert window.closing  # Quit closes the vault properly


def test_locked_the_menu_names_nothing(setup: Any) -> None:
    _world, _window, lock, tray = setup
    _action(tray, "&Lock").trigger()
    assert lock.is_locked
    assert _texts(tray) == ["Ichigo is locked", "&Unlock…", "&Quit Ichigo"]
    _action(tray, "&Unlock…").trigger()
    assert not lock.is_locked
    assert any(t.endswith("Coffee with Hanako") for t in _texts(tray))
    assert isinstance(lock.window, MainWindow)


def test_the_tray_follows_the_clock(setup: Any) -> None:
    """With no meeting left in the week, the menu says so."""
    _world, _window, _lock, tray = setup
    later = NOW + timedelta(days=30)
    tray.moment.clock = lambda: later
    assert f"No meetings in the next {tray_module.NEXT_DAYS} days" in _texts(tray)
