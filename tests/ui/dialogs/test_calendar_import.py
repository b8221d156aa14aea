"""Calendar import in the app: worker + progress, summary, triage, cancel, drag and drop."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from ichigoapp.model import Contact, Encounter, Participation
from ichigoapp.services.contacts import ContactInput, add_contact, find_by_email
from ichigoapp.services.importing import ImportReport, import_calendar
from ichigoapp.store import Vault
from ichigoapp.ui.dialogs import native
from ichigoapp.ui.dialogs.calendar_import import ImportDialog
from ichigoapp.ui.dialogs.triage import TriageDialog
from ichigoapp.ui.main_window import MainWindow
from tests.ui.conftest import NOW, DialogLog

WAIT_MS = 15000


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%SZ")


def _event(uid: str, title: str, start: datetime, attendees: list[str]) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_stamp(NOW)}",
        f"DTSTART:{_stamp(start)}",
        f"DTEND:{_stamp(start + timedelta(hours=1))}",
        f"SUMMARY:{title}",
        *attendees,
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def write_ics(folder: Path, name: str = "work.ics", events: list[str] | None = None) -> Path:
    tomorrow = NOW.replace(minute=0, second=0) + timedelta(days=1)
    if events is None:
        events = [
            _event(
                "coffee-1@test",
                "Coffee with Hanako",
                tomorrow,
                [
                    "ATTENDEE;CN=Hanako Sato:mailto:hanako@kinoshita.example",
                    "ATTENDEE;CN=Lena Fischer:mailto:lena@spree.example",
                ],
            ),
            _event(
                "plan-1@test",
                "Spree planning",
                tomorrow + timedelta(hours=3),
                [
                    "ATTENDEE;CN=Lena Fischer:mailto:lena@spree.example",
                    "ATTENDEE;CN=Tom Berg:mailto:tom@berg.example",
                ],
            ),
        ]
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Ichigo tests//EN",
            *events,
            "END:VCALENDAR",
            "",
        ]
    )
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def _contacts(vault: Vault) -> dict[str, int]:
    with vault.transaction() as s:
        hanako = add_contact(
            s, ContactInput(name="Hanako Sato", emails=["hanako@kinoshita.example"])
        )
        kwame = add_contact(s, ContactInput(name="Kwame Mensah", emails=["kwame@accra.example"]))
        ingrid = add_contact(s, ContactInput(name="Ingrid Solberg"))
        return {"hanako": hanako.id, "kwame": kwame.id, "ingrid": ingrid.id}


def _finish(qtbot: Any, dialog: ImportDialog) -> None:
    qtbot.waitUntil(
        lambda: not dialog.running and dialog.pages.currentIndex() == 1, timeout=WAIT_MS
    )


def _waiting(vault: Vault) -> list[tuple[str, int | None, bool]]:
    with vault.session() as s:  # a fresh session: what was really committed
        return [
            (p.email, p.contact_id, p.triage_ignored)
            for p in s.scalars(select(Participation).order_by(Participation.id))
        ]


def test_import_summary_then_triage_create_and_link(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialog_log: DialogLog
) -> None:
    ids = _contacts(window.vault)
    path = write_ics(tmp_path)
    dialog = window.file_actions.calendar.start([path])
    assert dialog is not None
    _finish(qtbot, dialog)
    summary = dialog.summary.text()
    assert "Read 2 events from 1 file." in summary
    assert "2 new, 0 updated, 0 unchanged, 0 cancelled." in summary
    assert "2 new people to meet." in summary
    assert dialog.errors.isHidden()
    assert dialog.triage_button.text() == "Meet 2 new people…"
    # Today's week ahead shows the unknown people as a badge.
    coffee = next(m for m in window.today.overview.upcoming if m.title == "Coffee with Hanako")
    assert window.today.badges[coffee.encounter_id].text() == "1 new"

    dialog.triage_button.click()
    triage = dialog.triage
    assert triage is not None and dialog.pages.currentIndex() == 2
    assert [p.label for p in triage.people] == ["Lena Fischer", "Tom Berg"]
    lena = triage.current_person()
    assert lena is not None and len(lena.meetings) == 2
    assert triage.name_edit.text() == "Lena Fischer"
    assert "Coffee with Hanako" in triage.meetings_label.text()
    assert triage.suggestion_box.isHidden()  # Hanako is already in that meeting

    triage.create_button.click()
    with window.vault.session() as s:
        contact = find_by_email(s, "lena@spree.example")
        assert contact is not None and contact.display_name == "Lena Fischer"
        lena_id = contact.id
    assert [c for e, c, _ in _waiting(window.vault) if e == "lena@spree.example"] == [lena_id] * 2

    assert triage.current_person() is not None
    assert triage.current_person().label == "Tom Berg"  # type: ignore[union-attr]
    dialog_log.pick_answer = ids["kwame"]
    triage.link_button.click()
    assert dialog_log.picks == ["Who is Tom Berg?"]
    with window.vault.session() as s:
        kwame = s.get(Contact, ids["kwame"])
        assert kwame is not None
        assert {e.email for e in kwame.emails} == {"kwame@accra.example", "tom@berg.example"}
    assert all(contact_id is not None for _, contact_id, _ in _waiting(window.vault))
    assert triage.people == []
    assert triage.heading.text() == "No new people"
    assert coffee.encounter_id not in window.today.badges  # the views refreshed
    dialog.accept()


def test_suggestions_wait_for_confirmation_and_ignore(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    ids = _contacts(window.vault)
    start = NOW + timedelta(days=2)
    path = write_ics(
        tmp_path,
        events=[
            _event(
                "lunch@test",
                "Lunch with Ingrid",
                start,
                ["ATTENDEE:mailto:ingrid.private@example.org"],
            ),
            _event(
                "call@test",
                "Solar call",
                start + timedelta(hours=2),
                [
                    "ATTENDEE;CN=Kwame Mensah:mailto:kwame@gmail.example",
                    "ATTENDEE;CN=All Staff:mailto:all-staff@lists.example",
                ],
            ),
        ],
    )
    dialog = window.file_actions.calendar.start([path])
    assert dialog is not None
    _finish(qtbot, dialog)
    triage = dialog.show_triage()
    by_email = {p.email: p for p in triage.people}
    ingrid = by_email["ingrid.private@example.org"]
    assert [(s.contact_id, s.reason) for s in ingrid.suggestions] == [
        (ids["ingrid"], "The meeting “Lunch with Ingrid” names them")
    ]
    kwame = by_email["kwame@gmail.example"]
    assert [(s.contact_id, s.reason) for s in kwame.suggestions] == [
        (ids["kwame"], "Same name as your contact")
    ]
    # Suggested, never linked silently.
    assert all(contact_id is None for _, contact_id, _ in _waiting(window.vault))

    triage.list.setCurrentRow([p.key for p in triage.people].index(ingrid.key))
    assert triage.suggestion_box.isVisibleTo(triage)
    assert triage.suggestion_buttons[0].text() == "Yes, link to Ingrid Solberg"
    triage.suggestion_buttons[0].click()
    links = {e: c for e, c, _ in _waiting(window.vault)}
    assert links["ingrid.private@example.org"] == ids["ingrid"]

    staff = next(p for p in triage.people if p.email == "all-staff@lists.example")
    triage.list.setCurrentRow([p.key for p in triage.people].index(staff.key))
    triage.ignore_button.click()
    ignored = {e: i for e, _, i in _waiting(window.vault)}
    assert ignored["all-staff@lists.example"] is True
    assert [p.email for p in triage.people] == ["kwame@gmail.example"]


def test_someone_ignored_stays_ignored_in_later_invites(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    start = NOW + timedelta(days=2)
    staff = "ATTENDEE;CN=All Staff:mailto:all-staff@lists.example"
    first = write_ics(
        tmp_path,
        "first.ics",
        events=[
            _event("call@test", "Solar call", start, [staff]),
            _event(
                "lunch@test",
                "Lunch",
                start + timedelta(hours=3),
                ["ATTENDEE;CN=Ana Lima:mailto:ana@lima.example"],
            ),
        ],
    )
    dialog = window.file_actions.calendar.start([first])
    assert dialog is not None
    _finish(qtbot, dialog)
    triage = dialog.show_triage()
    triage.list.setCurrentRow([p.email for p in triage.people].index("all-staff@lists.example"))
    triage.ignore_button.click()
    dialog.accept()

    # The list again: in a new meeting, and added to the lunch by an update.
    lunch_moved = _event(
        "lunch@test",
        "Lunch",
        start + timedelta(hours=4),
        ["ATTENDEE;CN=Ana Lima:mailto:ana@lima.example", staff],
    ).replace("UID:lunch@test", "UID:lunch@test\r\nSEQUENCE:1")
    second = write_ics(
        tmp_path,
        "second.ics",
        events=[
            _event(
                "review@test",
                "Design review",
                start + timedelta(days=1),
                [staff, "ATTENDEE;CN=Bo Chen:mailto:bo@chen.example"],
            ),
            lunch_moved,
        ],
    )
    dialog = window.file_actions.calendar.start([second])
    assert dialog is not None
    _finish(qtbot, dialog)
    assert "1 new, 1 updated, 0 unchanged, 0 cancelled." in dialog.summary.text()
    assert "1 new person to meet." in dialog.summary.text()  # Ana was counted last time
    lists = [ignored for e, _, ignored in _waiting(window.vault) if e == "all-staff@lists.example"]
    assert lists == [True, True, True]
    triage = dialog.show_triage()
    assert sorted(p.email for p in triage.people) == ["ana@lima.example", "bo@chen.example"]


def test_cancel_during_import_leaves_the_vault_unchanged(
    vault: Vault, qtbot: Any, tmp_path: Path
) -> None:
    path = write_ics(tmp_path)

    def cancel_after_first_progress(transaction: Any, files: Any, **kw: Any) -> ImportReport:
        seen: list[int] = []

        def progress(phase: str, done: int, total: int) -> None:
            seen.append(done)
            kw["progress"](phase, done, total)

        return import_calendar(
            transaction, files, progress=progress, should_cancel=lambda: bool(seen)
        )

    from ichigoapp.ui.events import EventBus

    bus = EventBus()
    dialog = ImportDialog(None, vault, bus, [path], importer=cancel_after_first_progress)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_done, timeout=WAIT_MS) as blocker:
        dialog.start()
    assert blocker.args == [None]
    assert dialog.cancelled
    assert dialog.summary_title.text() == "Import cancelled"
    assert "your vault is as it was" in dialog.summary.text()
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Encounter)) == 0
        assert s.scalar(select(func.count()).select_from(Participation)) == 0


def test_cancel_button_and_escape_while_running(vault: Vault, qtbot: Any, tmp_path: Path) -> None:
    from ichigoapp.ui.events import EventBus

    dialog = ImportDialog(None, vault, EventBus(), [write_ics(tmp_path)])
    qtbot.addWidget(dialog)
    dialog.running = True  # as if the worker were busy: Escape asks it to stop instead
    dialog.reject()
    assert dialog._cancel.is_set()
    assert not dialog.cancel_button.isEnabled()
    dialog.running = False


def test_dropping_ics_files_on_the_window_imports_them(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    path = write_ics(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    where = QPointF(200, 200)
    enter = QDragEnterEvent(
        where.toPoint(),  # Qt's signature: drag events at a QPoint, drops at a QPointF
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dialog = window.file_actions.calendar.dialog
    assert dialog is not None and dialog.files == [path]
    _finish(qtbot, dialog)
    assert dialog.report is not None and dialog.report.created == 2


def test_a_drop_without_calendars_is_refused(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


@pytest.mark.parametrize("answer", [True, False])
def test_files_from_the_command_line_are_offered_first(
    vault: Vault, qtbot: Any, tmp_path: Path, dialog_log: DialogLog, answer: bool
) -> None:
    path = write_ics(tmp_path, "invite.ics")
    dialog_log.confirm_answer = answer
    window = MainWindow(vault, [path], lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(dialog_log.confirms), timeout=WAIT_MS)
    assert dialog_log.confirms == ["Import invite.ics into your vault?"]
    assert window.pending_files == []
    dialog = window.file_actions.calendar.dialog
    if not answer:
        assert dialog is None
        return
    assert dialog is not None
    _finish(qtbot, dialog)
    assert dialog.report is not None and dialog.report.created == 2


def test_menu_entry_file_dialog_and_today_badge(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calendar = window.file_actions.calendar
    assert calendar.import_action.shortcut().toString() == "Ctrl+I"
    assert calendar.import_action.text() == "&Import calendar…"
    path = write_ics(tmp_path)
    monkeypatch.setattr(native, "open_file_names", lambda *a: [path])
    calendar.import_action.trigger()
    dialog = calendar.dialog
    assert dialog is not None
    _finish(qtbot, dialog)
    dialog.accept()

    coffee = next(m for m in window.today.overview.upcoming if m.title == "Coffee with Hanako")
    badge = window.today.badges[coffee.encounter_id]
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    triage_dialog = calendar.triage_dialog
    assert isinstance(triage_dialog, TriageDialog)
    # From a meeting's badge: only that meeting's people (Hanako and Lena: Lena is new).
    assert [p.label for p in triage_dialog.triage.people] == ["Hanako Sato", "Lena Fischer"]
    triage_dialog.triage.show_everyone()
    assert len(triage_dialog.triage.people) == 3
    triage_dialog.close()
    calendar.triage_action.trigger()
    assert isinstance(calendar.triage_dialog, TriageDialog)
    calendar.triage_dialog.close()


def test_a_message_dragged_from_a_mail_program_imports_its_invitation(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    from tests.importers.mail_samples import outlook_invite

    # Thunderbird writes the message to a temporary .eml and offers it as text/uri-list.
    path = tmp_path / "Partnership kick-off.eml"
    path.write_bytes(outlook_invite())
    mime = QMimeData()
    mime.setData("text/uri-list", QUrl.fromLocalFile(str(path)).toEncoded() + b"\r\n")
    where = QPointF(200, 200)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(where.toPoint(), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, *args)
    QApplication.sendEvent(window, drop)
    dialog = window.file_actions.calendar.dialog
    assert dialog is not None and dialog.files == [path]
    _finish(qtbot, dialog)
    assert dialog.report is not None
    assert (dialog.report.created, dialog.report.messages, dialog.report.invites) == (1, 1, 1)
