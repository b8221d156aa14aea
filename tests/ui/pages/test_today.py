"""Today: the week ahead with new people, reflections waiting, promises, thanks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ichigoapp.model import Promise, Reflection
from ichigoapp.ui import fmt
from ichigoapp.ui.dialogs.reflection_editor import ReflectionEditor
from tests.ui import seed
from tests.ui.conftest import NOW


def _texts(widget: Any) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_today_shows_meetings_people_badges_promises_and_reflect_now(
    vault: Any, qtbot: Any
) -> None:
    world = seed.build(vault, NOW)
    from ichigoapp.ui.main_window import MainWindow

    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    today = window.today
    text = _texts(today)
    assert "Coffee with Hanako" in text
    assert "Hanako Sato" in text
    assert "Lena Fischer" in text  # the unmatched attendee, shown as such
    assert today.badges[world.upcoming].text() == "1 new"
    assert "1 new person to meet" in text
    assert "Send the case study" in text
    assert "due in 2 days" in text
    assert world.past in today.reflect_buttons
    assert world.reflected not in today.reflect_buttons
    assert "Her time" in text  # unsent thanks
    assert "Ingrid Solberg" in text  # keep in touch: never met, cadence 30 days


def test_reflect_now_opens_the_editor_and_saving_clears_it(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.bus.data_changed.emit()
    qtbot.mouseClick(window.today.reflect_buttons[world.past], Qt.MouseButton.LeftButton)
    editor = window.reflection_editor
    assert isinstance(editor, ReflectionEditor)
    assert editor.encounter_id == world.past
    qtbot.keyClicks(editor.learned, "The co-op doubled its members")
    editor.save()
    assert world.past not in window.today.reflect_buttons
    with window.vault.session() as s:
        r = s.query(Reflection).filter_by(encounter_id=world.past).one()
        assert r.learned == "The co-op doubled its members"


def test_done_and_thanks_buttons_write_through_services(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.bus.data_changed.emit()
    qtbot.mouseClick(window.today.promise_buttons[world.promise], Qt.MouseButton.LeftButton)
    # Thanks are a row per person of the meeting: Hanako, the one person of the walk.
    thanks = window.today.thanks_buttons[(world.reflected, world.hanako)]
    qtbot.mouseClick(thanks, Qt.MouseButton.LeftButton)
    with window.vault.session() as s:
        promise = s.get(Promise, world.promise)
        assert promise is not None and promise.done_on is not None
        r = s.query(Reflection).filter_by(encounter_id=world.reflected).one()
        assert r.thanks_sent
    assert world.promise not in window.today.promise_buttons
    assert "Her time" not in _texts(window.today)


def test_links_on_today_open_contacts_and_encounters(window: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.bus.data_changed.emit()
    window.today._on_link(f"contact:{world.hanako}")
    assert window.current_page() is window.contacts
    assert window.contacts.form.name.text() == "Hanako Sato"
    window.today._on_link(f"encounter:{world.upcoming}")
    assert window.current_page() is window.encounters
    assert window.encounters.form.title_edit.text() == "Coffee with Hanako"


def test_an_empty_vault_is_calm(window: Any) -> None:
    assert window.today.overview is not None and window.today.overview.is_calm
    assert "Nothing needs you today" in _texts(window.today)


def test_a_narrow_window_stacks_the_cards_in_one_column(vault: Any, qtbot: Any) -> None:
    from ichigoapp.ui.main_window import MainWindow
    from ichigoapp.ui.widgets.section import Section

    seed.build(vault, NOW)
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)

    def cards() -> dict[str, Any]:
        found = {}
        for card in window.today.findChildren(Section):
            heading = card.findChildren(QLabel)[0].text()
            found[heading] = card.mapTo(window.today, card.rect().topLeft())
        return found

    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    wide = cards()
    assert wide["Waiting for a reflection"].x() > wide["The week ahead"].x()
    window.resize(800, 820)
    qtbot.waitUntil(lambda: cards()["Waiting for a reflection"].y() > cards()["The week ahead"].y())
    assert cards()["Waiting for a reflection"].x() == cards()["The week ahead"].x()


def test_a_birthday_this_week_is_a_reason_to_keep_in_touch(window: Any) -> None:
    from datetime import timedelta

    from ichigoapp.services.contacts import ContactInput, add_contact
    from ichigoapp.services.today import local_today

    today = local_today(NOW)
    soon = today + timedelta(days=2)
    with window.vault.transaction() as s:
        for name, born, cadence in (
            ("Birthday Soon", soon.replace(year=1988), 30),  # past cadence too: one row
            ("Birthday Later", (today + timedelta(days=20)).replace(year=1988), None),
        ):
            add_contact(s, ContactInput(name=name, birthday=born, keep_in_touch_days=cadence))
    window.bus.data_changed.emit()
    text = _texts(window.today)
    assert f"Birthday in 2 days · {fmt.weekday(soon)}" in text  # "Sat, Dec 5" (locale's)
    assert text.count("Birthday Soon") == 1
    assert "Birthday Later" not in text
