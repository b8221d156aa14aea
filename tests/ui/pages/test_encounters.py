"""Encounters: scopes, editing, people (add, remove, link, create), reflect."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from ichigoapp.model import Contact, Encounter, Participation
from ichigoapp.services.contacts import find_by_email
from ichigoapp.services.lists import EncounterScope
from ichigoapp.ui.dialogs.reflection_editor import ReflectionEditor
from ichigoapp.ui.models import EncounterTableModel
from tests.ui import seed
from tests.ui.conftest import NOW, DialogLog


def _titles(view: Any) -> list[str]:
    return [
        view.proxy.index(r, EncounterTableModel.COL_TITLE).data()
        for r in range(view.proxy.rowCount())
    ]


def test_scopes_filter_upcoming_past_cancelled(window: Any, qtbot: Any) -> None:
    seed.build(window.vault, NOW)
    window.show_page(window.encounters)
    view = window.encounters
    assert _titles(view) == ["Coffee with Hanako"]
    assert "1 new" in view.proxy.index(0, EncounterTableModel.COL_PEOPLE).data()
    qtbot.mouseClick(view.scope_buttons[EncounterScope.PAST], Qt.MouseButton.LeftButton)
    assert _titles(view) == ["Solar co-op review", "Design walk"]
    qtbot.mouseClick(view.scope_buttons[EncounterScope.CANCELLED], Qt.MouseButton.LeftButton)
    assert _titles(view) == ["Dinner that fell through"]
    qtbot.mouseClick(view.scope_buttons[EncounterScope.ALL], Qt.MouseButton.LeftButton)
    assert len(_titles(view)) == 4
    qtbot.keyClicks(view.filter, "solar")
    assert _titles(view) == ["Solar co-op review"]


def test_detail_shows_and_saves_intention(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.open_encounter(world.upcoming)
    view = window.encounters
    assert view.form.title_edit.text() == "Coffee with Hanako"
    assert "meet.example.com/abc" in view.form.join_link.text()
    assert view.form.join_link.openExternalLinks()
    qtbot.keyClicks(view.form.intention, "Ask about the letterpress studio")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    e = seed.encounter(window.vault, world.upcoming)
    assert e.intention == "Ask about the letterpress studio"


def test_new_encounter(window: Any, qtbot: Any) -> None:
    window.new_encounter_action.trigger()
    view = window.encounters
    assert window.current_page() is view
    qtbot.keyClicks(view.form.title_edit, "Tea with Aroha")
    window.save_action.trigger()
    with window.vault.session() as s:
        e = s.query(Encounter).filter_by(title="Tea with Aroha").one()
        assert e.start > NOW
    assert view.encounter_id == e.id
    assert view.form.add_person_button.isEnabled()


def _select_person(view: Any, label: str) -> None:
    for row in range(view.form.people.count()):
        if view.form.people.item(row).text().startswith(label):
            view.form.people.setCurrentRow(row)
            return
    raise AssertionError(label)


def test_link_an_unmatched_attendee_to_a_contact(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    window.open_encounter(world.upcoming)
    view = window.encounters
    _select_person(view, "Lena Fischer")
    assert view.form.link_button.isEnabled() and view.form.create_button.isEnabled()
    dialog_log.pick_answer = world.ingrid
    view.form.link_button.click()
    assert "Who is Lena Fischer?" in dialog_log.picks[0]
    with window.vault.session() as s:
        part = s.get(Participation, world.stranger)
        assert part is not None and part.contact_id == world.ingrid
        ingrid = s.get(Contact, world.ingrid)
        assert ingrid is not None and "lena@spree.example" in {e.email for e in ingrid.emails}
    assert all(
        "new" not in view.form.people.item(r).text() for r in range(view.form.people.count())
    )


def test_create_a_contact_from_an_attendee(window: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.open_encounter(world.upcoming)
    view = window.encounters
    _select_person(view, "Lena Fischer")
    view.form.create_button.click()
    with window.vault.session() as s:
        lena = find_by_email(s, "lena@spree.example")
        assert lena is not None and lena.display_name == "Lena Fischer"


def test_add_and_remove_a_person(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    window.open_encounter(world.upcoming)
    view = window.encounters
    dialog_log.pick_answer = world.kwame
    view.form.add_person_button.click()
    assert any(
        view.form.people.item(r).text() == "Kwame Mensah" for r in range(view.form.people.count())
    )
    _select_person(view, "Kwame Mensah")
    view.form.remove_person_button.click()
    assert "Remove Kwame Mensah" in dialog_log.confirms[0]
    with window.vault.session() as s:
        ids = [p.contact_id for p in s.query(Participation).filter_by(encounter_id=world.upcoming)]
        assert world.kwame not in ids


def test_reflect_action_opens_the_editor(window: Any) -> None:
    world = seed.build(window.vault, NOW)
    window.open_encounter(world.reflected)
    view = window.encounters
    assert view.reflect_button.text() == "Edit reflection…"
    view.reflect_button.click()
    editor = window.reflection_editor
    assert isinstance(editor, ReflectionEditor)
    assert editor.learned.toPlainText() == "Hanako loves letterpress"
    editor.reject()


def test_answers_from_replies_show_beside_the_people(window: Any, tmp_path: Any) -> None:
    from ichigoapp.services.importing import import_calendar
    from tests.importers.mail_samples import declined_reply, outlook_invite

    (tmp_path / "invite.eml").write_bytes(outlook_invite())
    (tmp_path / "reply.eml").write_bytes(declined_reply())
    import_calendar(window.vault.transaction, [tmp_path / "invite.eml", tmp_path / "reply.eml"])
    with window.vault.session() as s:
        encounter_id = s.query(Encounter).one().id
    window.open_encounter(encounter_id)
    people = window.encounters.form.people
    shown = [people.item(r).text() for r in range(people.count())]
    assert "Kofi Mensah <kofi@example.com>  — new, not in contacts  (declined)" in shown
    assert not any("needs" in text.lower() for text in shown)  # no answer yet: nothing said


def test_an_invites_markup_is_shown_as_written(window: Any) -> None:
    from ichigoapp.services import encounters as encounter_svc

    with window.vault.transaction() as s:
        made = encounter_svc.add_encounter(
            s,
            encounter_svc.EncounterInput(
                title="Partnership <b>bold</b> kickoff", start=NOW + timedelta(days=1)
            ),
        )
        encounter_id = made.id
    window.open_encounter(encounter_id)
    heading = window.encounters.heading
    assert heading.text() == "Partnership <b>bold</b> kickoff"
    assert heading.textFormat() == Qt.TextFormat.PlainText


def test_the_invitations_agenda_shows_in_full_as_written(window: Any, qtbot: Any) -> None:
    from ichigoapp.services import encounters as encounter_svc

    agenda = "1. <b>Budget</b> & hiring\n2. Roadmap — see https://example.org/q3"
    with window.vault.transaction() as s:
        made = encounter_svc.add_encounter(
            s, encounter_svc.EncounterInput(title="Planning", start=NOW + timedelta(days=2))
        )
        made.description = agenda
        plain = encounter_svc.add_encounter(
            s, encounter_svc.EncounterInput(title="Walk", start=NOW + timedelta(days=3))
        )
        ids = made.id, plain.id
    window.open_encounter(ids[0])
    form = window.encounters.form
    assert form.agenda.isVisibleTo(window) and form.agenda.isReadOnly()
    assert form.agenda.toPlainText() == agenda
    window.open_encounter(ids[1])
    assert not form.agenda.isVisibleTo(window)
