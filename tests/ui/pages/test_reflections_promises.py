"""The reflection editor, the Reflections view and the Promises view."""

from __future__ import annotations

from typing import Any

from ichigoapp.model import Promise, PromiseDirection, Reflection
from ichigoapp.ui.models import PromiseTableModel
from ichigoapp.ui.pages.promises import DIRECTIONS, STATES
from tests.ui import seed
from tests.ui.conftest import NOW


def test_reflection_editor_saves_every_field_and_promises(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    editor = window.open_reflection_editor(world.past)
    qtbot.keyClicks(editor.learned, "They doubled their members")
    qtbot.keyClicks(editor.went_well, "I listened")
    qtbot.keyClicks(editor.improve, "Bring numbers")
    qtbot.keyClicks(editor.gratitude, "A tour of the panels")
    editor.thanks_sent.setChecked(True)
    qtbot.keyClicks(editor.next_time, "Ask about the new site")
    editor.promise_direction.setCurrentIndex(1)  # they promise
    qtbot.keyClicks(editor.promise_text, "Send the pilot results")
    editor.promise_add.click()
    assert editor.promise_list.count() == 1
    editor.save_button.click()
    assert not editor.isVisible()
    with window.vault.session() as s:
        r = s.query(Reflection).filter_by(encounter_id=world.past).one()
        assert (r.learned, r.went_well, r.improve, r.gratitude, r.thanks_sent, r.next_time) == (
            "They doubled their members",
            "I listened",
            "Bring numbers",
            "A tour of the panels",
            True,
            "Ask about the new site",
        )
        p = s.query(Promise).filter_by(encounter_id=world.past).one()
        assert p.direction == PromiseDirection.THEIRS.value
        assert p.contact_id == world.kwame
        assert p.text == "Send the pilot results"


def test_reflections_view_lists_and_searches(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.open_reflection_editor(world.past)
    assert window.reflection_editor is not None
    window.reflection_editor.learned.setPlainText("Solar panels on every roof")
    window.reflection_editor.save()
    window.show_page(window.reflections)
    view = window.reflections
    assert view.proxy.rowCount() == 2
    qtbot.keyClicks(view.filter, "letterpress")
    assert view.proxy.rowCount() == 1
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert "Hanako loves letterpress" in view.reader.toPlainText()
    view.edit_button.click()
    assert window.reflection_editor.encounter_id == world.reflected
    window.reflection_editor.reject()


def test_promises_mark_done_and_reopen(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.show_page(window.promises)
    view = window.promises
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, PromiseTableModel.COL_WHO).data() == "I promised"
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert view.done_button.isEnabled() and not view.reopen_button.isEnabled()
    view.done_button.click()
    with window.vault.session() as s:
        p = s.get(Promise, world.promise)
        assert p is not None and p.done_on is not None
    assert view.proxy.rowCount() == 0  # "Open" hides it now
    view.state.setCurrentIndex(STATES.index("Done"))
    assert view.proxy.rowCount() == 1
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert view.reopen_button.isEnabled()
    view.reopen_button.click()
    with window.vault.session() as s:
        p = s.get(Promise, world.promise)
        assert p is not None and p.done_on is None
    view.state.setCurrentIndex(STATES.index("All"))
    view.direction.setCurrentIndex(DIRECTIONS.index("Theirs"))
    assert view.proxy.rowCount() == 0
