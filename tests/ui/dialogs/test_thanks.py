"""The thanks dialog, driven as a user would: from Today, the reflection editor and the
Promises page. Only the desktop's "open this link" is replaced, by a recorder."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from ichigoapp.model import Promise, Reflection
from ichigoapp.services.encounters import add_participant
from ichigoapp.services.reflections import ReflectionInput, reflect
from ichigoapp.ui.dialogs.thanks import ThanksDialog
from ichigoapp.ui.main_window import MainWindow
from tests.ui import seed
from tests.ui.conftest import NOW


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The links given to the desktop to open (the OS boundary), in order."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def _button(widget: Any, name: str) -> QPushButton:
    [found] = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    return found


def _today_text(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.today.findChildren(QLabel))


def _dialog(parent: Any) -> ThanksDialog:
    dialogs = [d for d in parent.findChildren(ThanksDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_from_today_edit_open_copy_and_mark_sent(
    window: MainWindow, qtbot: Any, opened: list[QUrl]
) -> None:
    world = seed.build(window.vault, NOW)
    window.bus.data_changed.emit()
    assert "Her time" in _today_text(window)
    qtbot.mouseClick(
        _button(window.today, "Write thanks to Hanako Sato for Design walk"),
        Qt.MouseButton.LeftButton,
    )
    dialog = _dialog(window.today)
    assert dialog.recipients.text() == "Hanako Sato <hanako@kinoshita.example>"
    assert dialog.recipients.textFormat() == Qt.TextFormat.PlainText
    assert dialog.subject.text() == "Thank you — Design walk"
    body = dialog.body.toPlainText()
    assert body.startswith("Hi Hanako,\n\nThank you for your time.")
    # The reflection's other lines and the contact's details stay out of it.
    assert "letterpress" not in body and "Genmaicha" not in body

    dialog.subject.selectAll()
    qtbot.keyClicks(dialog.subject, "Thank you & see you soon")
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "PS: tea next time?")
    # Return in the subject opens the draft: the dialog's default button.
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)
    [url] = opened
    link = urlsplit(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
    assert link.scheme == "mailto" and unquote(link.path) == "hanako@kinoshita.example"
    fields = parse_qs(link.query)
    assert fields["subject"] == ["Thank you & see you soon"]
    assert fields["body"] == [dialog.body.toPlainText().replace("\n", "\r\n")]
    assert fields["body"][0].endswith("PS: tea next time?")

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(
        "To: hanako@kinoshita.example\nSubject: Thank you & see you soon\n\nHi Hanako,"
    )

    assert (world.reflected, world.hanako) in window.today.thanks_buttons
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Thanks to Hanako Sato marked as sent."
    assert (world.reflected, world.hanako) not in window.today.thanks_buttons
    assert "Her time" not in _today_text(window)
    with window.vault.session() as s:
        r = s.query(Reflection).filter_by(encounter_id=world.reflected).one()
        assert r.thanks_sent  # Hanako was the whole meeting
    dialog.close()


def test_a_group_meeting_is_thanked_one_person_at_a_time(
    window: MainWindow, qtbot: Any, opened: list[QUrl]
) -> None:
    world = seed.build(window.vault, NOW)
    with window.vault.transaction() as s:
        add_participant(s, world.reflected, world.kwame)
    window.bus.data_changed.emit()
    rows = set(window.today.thanks_buttons)
    assert rows == {(world.reflected, world.hanako), (world.reflected, world.kwame)}

    qtbot.mouseClick(
        _button(window.today, "Write thanks to Kwame Mensah for Design walk"),
        Qt.MouseButton.LeftButton,
    )
    dialog = _dialog(window.today)
    assert [dialog.person.itemText(n) for n in range(dialog.person.count())] == [
        "Everyone at this meeting",
        "Hanako Sato",
        "Kwame Mensah",
    ]
    assert dialog.person.currentText() == "Kwame Mensah"
    assert dialog.body.toPlainText().startswith("Hi Kwame,")
    dialog.person.setCurrentIndex(0)
    assert dialog.body.toPlainText().startswith("Hi Hanako and Kwame,")
    dialog.person.setCurrentIndex(2)
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    assert set(window.today.thanks_buttons) == {(world.reflected, world.hanako)}
    assert dialog.person.itemText(2) == "Kwame Mensah (thanked)"
    dialog.close()

    # The remaining person, straight from their row.
    qtbot.mouseClick(
        window.today.thanks_buttons[(world.reflected, world.hanako)], Qt.MouseButton.LeftButton
    )
    assert window.today.thanks_buttons == {}


def test_write_thanks_from_the_reflection_editor(
    window: MainWindow, qtbot: Any, opened: list[QUrl]
) -> None:
    world = seed.build(window.vault, NOW)
    editor = window.open_reflection_editor(world.past)
    button = editor.write_thanks_button
    assert not button.isEnabled() and button.accessibleName()
    qtbot.keyClicks(editor.learned, "PRIVATE-they may sell the co-op")
    qtbot.keyClicks(editor.gratitude, "The tour of the solar panels")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = editor.thanks_dialog
    assert dialog is not None and dialog.isVisible()
    body = dialog.body.toPlainText()
    # Drafted from the line as typed, before the reflection is saved.
    assert "Thank you for the tour of the solar panels." in body and "PRIVATE" not in body
    assert dialog.person.currentText() == "Kwame Mensah"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and "PRIVATE" not in opened[0].toString()
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    assert editor.thanks_sent.isChecked()  # saving keeps the thanks
    dialog.close()
    editor.save()
    with window.vault.session() as s:
        r = s.query(Reflection).filter_by(encounter_id=world.past).one()
        assert r.thanks_sent and r.gratitude == "The tour of the solar panels"


def test_follow_up_on_a_promise_from_the_promises_page(
    window: MainWindow, qtbot: Any, opened: list[QUrl]
) -> None:
    world = seed.build(window.vault, NOW)
    window.show_page(window.promises)
    view = window.promises
    assert not view.followup_button.isEnabled()
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert view.followup_button.isEnabled()
    qtbot.mouseClick(view.followup_button, Qt.MouseButton.LeftButton)
    dialog = view.followup_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.subject.text() == "As promised: the case study"
    assert dialog.mark_button.text() == "&Mark promise done"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    [url] = opened
    assert parse_qs(urlsplit(url.toString()).query)["subject"] == ["As promised: the case study"]
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    with window.vault.session() as s:
        promise = s.get(Promise, world.promise)
        assert promise is not None and promise.done_on is not None
    assert not dialog.mark_button.isEnabled()
    dialog.close()
    assert not view.followup_button.isEnabled()  # the open list no longer shows it


def test_a_draft_that_cannot_be_made_says_why_and_still_marks(
    window: MainWindow, qtbot: Any, opened: list[QUrl]
) -> None:
    world = seed.build(window.vault, NOW)
    with window.vault.transaction() as s:
        reflect(s, world.past, ReflectionInput(gratitude="the tour"))
    # Kwame has an address; Ingrid joins the meeting without one.
    with window.vault.transaction() as s:
        add_participant(s, world.past, world.ingrid)
    window.bus.data_changed.emit()
    qtbot.mouseClick(
        _button(window.today, "Write thanks to Ingrid Solberg for Solar co-op review"),
        Qt.MouseButton.LeftButton,
    )
    dialog = _dialog(window.today)
    assert dialog.status.text() == "no e-mail address known for Ingrid Solberg"
    assert not dialog.open_button.isEnabled() and not dialog.copy_button.isEnabled()
    dialog.person.setCurrentIndex(0)  # everyone: Kwame, and Ingrid named as left out
    assert dialog.recipients.text() == "Kwame Mensah <kwame@accra.example>"
    assert dialog.status.text() == "No e-mail address known for Ingrid Solberg."
    dialog.open_in_mail_program()
    assert len(opened) == 1
    dialog.close()
