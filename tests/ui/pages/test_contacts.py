"""Contacts: add, edit, cancel, filter, delete (keeping encounters), merge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ichigoapp.model import Contact, Encounter, Participation
from ichigoapp.services.contacts import contact_detail, find_by_email
from ichigoapp.ui import fmt
from ichigoapp.ui.models import ContactTableModel, IdRole
from tests.ui import seed
from tests.ui.conftest import NOW, DialogLog

WAIT_MS = 15000


def _select(window: Any, name: str) -> None:
    view = window.contacts
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, ContactTableModel.COL_NAME)
        if index.data() == name:
            view.table.setCurrentIndex(index)
            return
    raise AssertionError(f"{name} not in the list")


def _open_contacts(window: Any) -> Any:
    window.show_page(window.contacts)
    return window.contacts


def test_models_pass_qt_model_tester(window: Any, qtmodeltester: Any) -> None:
    seed.build(window.vault, NOW)
    view = _open_contacts(window)
    window.bus.data_changed.emit()
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    window.show_page(window.encounters)
    qtmodeltester.check(window.encounters.model)
    window.show_page(window.reflections)
    qtmodeltester.check(window.reflections.model)
    window.show_page(window.promises)
    qtmodeltester.check(window.promises.model)
    qtmodeltester.check(window.promises.proxy)
    window.search.setText("hanako")
    qtmodeltester.check(window.search.model)


def test_add_a_contact_through_the_form(window: Any, qtbot: Any) -> None:
    window.new_contact_action.trigger()
    view = window.contacts
    assert window.current_page() is view
    assert view.form.name.hasFocus()
    qtbot.keyClicks(view.form.name, "Amara Okafor")
    qtbot.keyClicks(view.form.company, "Lagos Impact Fund")
    view.form.emails.setPlainText("Amara@Lagos.example\n")
    qtbot.keyClicks(view.form.interests, "poetry, mentoring")
    view.form.add_detail("Birthday", "12 March", True)
    view.form.private["notes"].setChecked(True)
    view.form.keep_in_touch.setValue(30)
    window.save_action.trigger()  # Ctrl+S
    with window.vault.session() as s:
        c = find_by_email(s, "amara@lagos.example")
        assert c is not None
        assert c.display_name == "Amara Okafor"
        assert c.company == "Lagos Impact Fund"
        assert c.interests == ["poetry", "mentoring"]
        assert [(d.label, d.value, d.private) for d in c.details] == [
            ("Birthday", "12 March", True)
        ]
        assert c.private_fields == ["notes"]
        assert c.keep_in_touch_days == 30
    assert view.model.rowCount() == 1
    assert view.current_id() == view.form.contact_id
    assert not view.dirty


def test_ctrl_s_shortcut_saves(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Kwame Mensah")
    view.form.title_edit.setText("Founder")
    window.activateWindow()
    qtbot.keyClick(view.form.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    if view.dirty:  # some offscreen platforms deliver no shortcut events
        window.save_action.trigger()
    with window.vault.session() as s:
        c = s.get(Contact, world.kwame)
        assert c is not None and c.title == "Founder"


def test_edit_and_save_persists(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    assert view.form.name.text() == "Hanako Sato"
    assert view.timeline.topLevelItemCount() >= 3  # encounters, reflection, promise
    view.form.company.clear()
    qtbot.keyClicks(view.form.company, "Studio Komorebi")
    view.form.location.setText("Kyoto")
    view.form.private["location"].setChecked(True)
    assert view.dirty and view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    with window.vault.session() as s:  # a fresh session reads what was committed
        c = s.get(Contact, world.hanako)
        assert c is not None
        assert c.company == "Studio Komorebi"
        assert c.location == "Kyoto" and c.private_fields == ["location"]
        assert [d.value for d in c.details] == ["Genmaicha"]
    assert "Studio Komorebi" in view.subheading.text()


def test_cancel_discards_changes(window: Any, qtbot: Any) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Kwame Mensah")
    qtbot.keyClicks(view.form.company, " (typo)")
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.form.company.text() == "Accra Solar"
    assert not view.dirty
    with window.vault.session() as s:
        c = s.get(Contact, world.kwame)
        assert c is not None and c.company == "Accra Solar"


def test_bad_input_is_shown_and_nothing_saved(
    window: Any, qtbot: Any, dialog_log: DialogLog
) -> None:
    seed.build(window.vault, NOW)
    view = _open_contacts(window)
    window.new_contact_action.trigger()
    qtbot.keyClicks(view.form.name, "Someone")
    view.form.emails.setPlainText("hanako@kinoshita.example")  # already Hanako's
    window.save_action.trigger()
    assert dialog_log.errors and "already belongs to Hanako Sato" in dialog_log.errors[0][1]
    assert view.dirty
    assert view.model.rowCount() == 3


def test_filter_narrows_the_proxy(window: Any, qtbot: Any) -> None:
    seed.build(window.vault, NOW)
    view = _open_contacts(window)
    assert view.proxy.rowCount() == 3
    qtbot.keyClicks(view.filter, "kinoshita")
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 0).data() == "Hanako Sato"
    view.filter.setText("zzz")
    assert view.proxy.rowCount() == 0
    view.filter.clear()
    assert view.proxy.rowCount() == 3


def test_sorting_by_column(window: Any) -> None:
    seed.build(window.vault, NOW)
    view = _open_contacts(window)
    view.table.sortByColumn(ContactTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == ["Kwame Mensah", "Ingrid Solberg", "Hanako Sato"]


def test_delete_asks_and_keeps_the_encounters(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    dialog_log.confirm_answer = False
    view.delete_button.click()
    assert "Delete Hanako Sato?" in dialog_log.confirms[0]
    with window.vault.session() as s:
        assert s.get(Contact, world.hanako) is not None
    dialog_log.confirm_answer = True
    view.delete_button.click()
    with window.vault.session() as s:
        assert s.get(Contact, world.hanako) is None
        assert s.get(Encounter, world.upcoming) is not None
        names = [p.name for p in s.query(Participation).filter_by(encounter_id=world.upcoming)]
        assert "Hanako Sato" in names
    assert view.model.rowCount() == 2


def test_merge_two_contacts(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    dialog_log.pick_answer = world.kwame
    view.merge_button.click()
    assert "into Hanako Sato" in dialog_log.picks[0]
    view.merge_dialog.merge_button.click()  # the side-by-side dialog (ui/dialogs/merge.py)
    assert "Merge Kwame Mensah into Hanako Sato?" in dialog_log.confirms[0]
    with window.vault.session() as s:
        assert s.get(Contact, world.kwame) is None
        keep = s.get(Contact, world.hanako)
        assert keep is not None
        assert {e.email for e in keep.emails} == {"hanako@kinoshita.example", "kwame@accra.example"}
    assert view.model.rowCount() == 2
    assert view.current_id() == world.hanako


def test_merge_cancelled_changes_nothing(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    dialog_log.pick_answer = None
    view.merge_button.click()
    assert not dialog_log.confirms
    assert view.model.row_of_id(world.kwame) is not None
    assert view.table.currentIndex().data(IdRole) == world.hanako


def test_birthday_pronouns_and_pronunciation_are_edited_and_kept(window: Any, qtbot: Any) -> None:
    """Fields set elsewhere (an import, `contacts edit`) survive an edit in the app."""
    from datetime import date

    from PySide6.QtCore import QDate

    from ichigoapp.services.contacts import ContactInput, add_contact, contact_form

    with window.vault.transaction() as s:
        yuki = add_contact(
            s,
            ContactInput(
                name="Yuki Tanaka",
                birthday=date(1990, 4, 3),
                pronunciation="たなか ゆき",
                private_fields=["birthday"],
            ),
        ).id
    window.open_contact(yuki)
    form = window.contacts.form
    assert form.birthday.date() == QDate(1990, 4, 3) and form.private["birthday"].isChecked()
    assert form.pronunciation.text() == "たなか ゆき"
    qtbot.keyClicks(form.pronouns, "they/them")
    qtbot.keyClicks(form.title_edit, "Producer")
    window.save_action.trigger()
    with window.vault.session() as s:
        saved = contact_form(s, yuki)
    assert (saved.birthday, saved.pronunciation, saved.pronouns, saved.title) == (
        date(1990, 4, 3),
        "たなか ゆき",
        "they/them",
        "Producer",
    )
    assert saved.private_fields == ["birthday"]


def test_the_header_shows_the_photo_how_to_say_the_name_and_the_birthday(
    window: Any, qtbot: Any
) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from ichigoapp.services.contacts import ContactInput, add_contact, contact_form
    from ichigoapp.services.today import local_today

    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    soon = local_today(NOW) + timedelta(days=3)
    with window.vault.transaction() as s:
        aiko = add_contact(
            s,
            ContactInput(
                name="Aiko Tanaka",
                company="Kinoshita",
                pronunciation="たなか あいこ",
                pronouns="she/her",
                birthday=soon.replace(year=1990),
            ),
        )
        aiko.photo = bytes(png.data())
        plain = add_contact(s, ContactInput(name="No Photo")).id
    window.open_contact(aiko.id)
    view = window.contacts
    header = view.subheading.text()
    assert (
        # In the locale's format ("December 6, 1990" in US English, "6 December 1990"...).
        f"たなか あいこ · she/her · Born {fmt.birthday(soon.replace(year=1990))} "
        "(birthday in 3 days)" in header
    )
    assert view.photo.isVisible() and view.photo.pixmap().width() == 64
    window.open_contact(plain)
    assert not view.photo.isVisible()

    # A birthday without its year: "Year not known", and the year never shows.
    window.open_contact(aiko.id)
    view.form.birthday_no_year.setChecked(True)
    window.save_action.trigger()
    with window.vault.session() as s:
        assert contact_form(s, aiko.id).birthday.year == 1604  # the no-year marker
    assert f"Born {fmt.birthday(soon.replace(year=1604))} (" in view.subheading.text()
    assert "1604" not in view.subheading.text() + view.form.birthday.text()


def test_possible_duplicates_are_merged_or_told_apart_from_the_list(
    window: Any, qtbot: Any, dialog_log: DialogLog
) -> None:
    from PySide6.QtWidgets import QLabel

    from ichigoapp.services.contacts import ContactInput, add_contact

    with window.vault.transaction() as s:
        kims = [add_contact(s, ContactInput(name=n)).id for n in ("Min-jun Kim", "Kim Min-jun")]
        satos = [
            add_contact(s, ContactInput(name="Hanako Sato", emails=[e])).id
            for e in ("hanako@kinoshita.example", "h.sato@othercorp.example")
        ]
    window.bus.data_changed.emit()
    # Counted off the GUI thread, then shown.
    qtbot.waitUntil(lambda: window.today.duplicates_button is not None, timeout=WAIT_MS)
    today = "\n".join(label.text() for label in window.today.findChildren(QLabel))
    assert "2 pairs of contacts may be the same person" in today

    window.today.duplicates_button.click()  # Today's "Review…"
    assert window.current_page() is window.contacts
    dialog = window.contacts.duplicates_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.pairs.topLevelItem(n) for n in range(dialog.pairs.topLevelItemCount())]
    assert [(r.text(0), r.text(1), r.text(2)) for r in rows] == [
        ("Min-jun Kim", "Kim Min-jun", "same name"),
        ("Hanako Sato", "Hanako Sato", "same name"),
    ]

    dialog.pairs.setCurrentItem(rows[0])
    dialog.apart_button.click()  # two people: remembered
    assert dialog.pairs.topLevelItemCount() == 1
    assert dialog.current_pair() == tuple(satos)

    dialog.compare_button.click()  # side by side, with "Not the same person" on offer
    merge = dialog.merge_dialog
    assert merge is not None and merge.apart_button.isVisible()
    merge.merge_button.click()
    assert "Merge Hanako Sato into Hanako Sato?" in dialog_log.confirms[-1]
    assert dialog.pairs.topLevelItemCount() == 0
    assert "No possible duplicates" in dialog.intro.text()
    window.show_page(window.today)
    qtbot.waitUntil(lambda: window.today.duplicates_button is None, timeout=WAIT_MS)
    assert window.today.duplicate_pairs == 0  # Today is calm about it again
    assert {window.contacts.model.row_of_id(k) is not None for k in kims} == {True}
    assert window.contacts.model.row_of_id(satos[1]) is None


def test_edit_undo_merge_gives_the_merged_contact_back(window: Any, dialog_log: DialogLog) -> None:
    world = seed.build(window.vault, NOW)
    with window.vault.session() as s:
        kwame_before = contact_detail(s, world.kwame)
        hanako_before = contact_detail(s, world.hanako)
    assert not window.undo_merge_action.isEnabled()
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    dialog_log.pick_answer = world.kwame
    view.merge_button.click()
    view.merge_dialog.merge_button.click()
    assert "Edit › Undo merge" in dialog_log.confirms[-1]
    assert window.undo_merge_action.isEnabled()
    assert window.undo_merge_action.text() == "&Undo merge of Kwame Mensah"

    window.undo_merge_action.trigger()
    assert "Separate Kwame Mensah from Hanako Sato again?" in dialog_log.confirms[-1]
    with window.vault.session() as s:
        assert contact_detail(s, world.kwame) == kwame_before
        assert contact_detail(s, world.hanako) == hanako_before
    assert view.current_id() == world.kwame
    assert not window.undo_merge_action.isEnabled()


def test_undo_merge_refuses_over_a_later_edit(
    window: Any, qtbot: Any, dialog_log: DialogLog
) -> None:
    world = seed.build(window.vault, NOW)
    view = _open_contacts(window)
    _select(window, "Hanako Sato")
    dialog_log.pick_answer = world.kwame
    view.merge_button.click()
    view.merge_dialog.merge_button.click()
    qtbot.keyClicks(view.form.title_edit, " (edited)")
    window.save_action.trigger()

    window.undo_merge_action.trigger()
    title, message = dialog_log.errors[-1]
    assert title == "Could not undo the merge" and "changed after the merge" in message
    with window.vault.session() as s:
        assert s.get(Contact, world.kwame) is None
        assert contact_detail(s, world.hanako)["title"].endswith(" (edited)")
    assert not window.undo_merge_action.isEnabled()
