"""Contacts in and out: import a vCard, export JSON, back up and restore, merge."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from ichigoapp.model import Contact
from ichigoapp.services.contacts import find_by_email
from ichigoapp.store.backup import auto_backups
from ichigoapp.ui.dialogs import native
from ichigoapp.ui.dialogs.merge import MergeDialog, open_merge_dialog
from ichigoapp.ui.main_window import MainWindow
from tests.ui import seed
from tests.ui.conftest import NOW, DialogLog

WAIT_MS = 15000
DATA = Path(__file__).parents[2] / "data" / "contacts"


def _answer_files(monkeypatch: pytest.MonkeyPatch, *, open_: list[Path], save: list[Path]) -> None:
    """The file dialogs answer in order, like a user would."""
    monkeypatch.setattr(native, "open_file_name", lambda *_: open_.pop(0))
    monkeypatch.setattr(native, "save_file_name", lambda *_: save.pop(0))


def test_import_contacts_from_a_vcard_with_a_bad_card(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    io = window.file_actions.contacts
    _answer_files(monkeypatch, open_=[DATA / "one_bad_card.vcf"], save=[])
    io.import_action.trigger()
    dialog = io.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None or bool(dialog.failure), timeout=WAIT_MS)
    assert dialog.summary.text().startswith("From vCard: 2 new, 0 updated, 0 unchanged.")
    assert "Skipped 1 row (see below)." in dialog.summary.text()
    assert dialog.skipped.topLevelItemCount() == 1
    skipped = dialog.skipped.topLevelItem(0)
    assert skipped.text(0) == "card 2" and "not a vCard property" in skipped.text(1)
    with window.vault.session() as s:  # fresh session: committed by the worker
        first = find_by_email(s, "first@example.com")
        assert first is not None and first.display_name == "First Good"
        assert find_by_email(s, "broken@example.com") is None
    window.show_page(window.contacts)
    assert window.contacts.model.rowCount() == 2  # the views refreshed
    dialog.accept()


def test_export_json_warns_and_writes_a_private_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog
) -> None:
    world = seed.build(window.vault, NOW)
    out = tmp_path / "everything.json"
    _answer_files(monkeypatch, open_=[], save=[out])
    assert window.file_actions.contacts.export() == out
    assert "not encrypted" in dialog_log.confirms[0] or "plain text" in dialog_log.confirms[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "ichigo-export"
    names = {c["name"] for c in data["contacts"]}
    assert {"Hanako Sato", "Kwame Mensah", "Ingrid Solberg"} <= names
    assert world.upcoming in {e["id"] for e in data["encounters"]}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert dialog_log.errors[-1][0] == "Export finished"


def test_export_vcard_and_a_declined_warning(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog
) -> None:
    seed.build(window.vault, NOW)
    declined, accepted = tmp_path / "no.vcf", tmp_path / "people"
    _answer_files(monkeypatch, open_=[], save=[declined, accepted])
    dialog_log.confirm_answer = False
    assert window.file_actions.contacts.export() is None
    assert not declined.exists()
    dialog_log.confirm_answer = True
    written = window.file_actions.contacts.export()
    assert written == tmp_path / "people.vcf"
    text = written.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 3 and "FN:Hanako Sato" in text


def test_back_up_now_then_restore_into_a_new_vault_and_open_it(
    window: MainWindow,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    world = seed.build(window.vault, NOW)
    io = window.file_actions.copies
    backup = tmp_path / "copies" / "monday"  # no suffix: .vault is added
    restored_path = tmp_path / "restored.vault"
    _answer_files(
        monkeypatch, open_=[tmp_path / "copies" / "monday.vault"], save=[backup, restored_path]
    )
    assert io.backup_now() == tmp_path / "copies" / "monday.vault"
    title, text = dialog_log.errors[-1]
    assert title == "Backup saved" and "monday.vault" in text

    restored = io.restore()
    assert restored is not None
    assert "is not touched" in dialog_log.confirms[0]
    assert "Open the restored vault" in dialog_log.confirms[1]
    other = window.restored_windows[-1]
    qtbot.addWidget(other)
    assert other.vault is restored and restored.path == restored_path
    with restored.session() as s:
        hanako = s.get(Contact, world.hanako)
        assert hanako is not None and hanako.display_name == "Hanako Sato"
    assert window.vault.writable  # the current vault is still the one open here
    other.close()


def test_restore_refuses_to_write_over_the_open_vault(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: DialogLog
) -> None:
    io = window.file_actions.copies
    _answer_files(
        monkeypatch, open_=[tmp_path / "b.vault"], save=[tmp_path / "b", window.vault.path]
    )
    io.backup_now()
    assert io.restore() is None
    assert dialog_log.errors[-1][0] == "Restore failed"
    assert window.vault.writable


def test_merge_dialog_side_by_side_keeps_both_emails_after_a_backup(
    window: MainWindow, qtbot: Any, dialog_log: DialogLog
) -> None:
    world = seed.build(window.vault, NOW)
    dialog = open_merge_dialog(window, window.vault, window.bus, world.hanako, world.kwame)
    assert isinstance(dialog, MergeDialog)
    assert [b.text() for b in dialog.keep_buttons] == ["Keep Hanako Sato", "Keep Kwame Mensah"]
    assert dialog.merge_button.text() == "Merge into Hanako Sato"
    # Side by side: both companies and the encounter counts are shown.
    cells = {w.accessibleName(): w.text() for w in dialog.findChildren(QLabel)}
    assert "Kinoshita Design" in cells["Company of contact 1"]
    assert "Accra Solar" in cells["Company of contact 2"]
    assert cells["Encounters of contact 1"] == "3"
    assert cells["Encounters of contact 2"] == "1"

    dialog.set_keep(world.kwame)
    assert dialog.merge_button.text() == "Merge into Kwame Mensah"
    dialog_log.confirm_answer = False
    assert not dialog.merge()  # declined: nothing happens, no backup either
    assert not [p for p in auto_backups(window.vault.path) if "before-merge" in p.name]
    dialog_log.confirm_answer = True
    kept: list[int] = []
    dialog.merged.connect(kept.append)
    dialog.merge_button.click()
    assert kept == [world.kwame]
    assert "Merge Hanako Sato into Kwame Mensah?" in dialog_log.confirms[-1]
    assert [p for p in auto_backups(window.vault.path) if "before-merge" in p.name]
    with window.vault.session() as s:
        assert s.get(Contact, world.hanako) is None
        kwame = s.get(Contact, world.kwame)
        assert kwame is not None
        assert {e.email for e in kwame.emails} == {
            "kwame@accra.example",
            "hanako@kinoshita.example",
        }


def test_contacts_view_merge_button_opens_the_dialog(
    window: MainWindow, dialog_log: DialogLog
) -> None:
    world = seed.build(window.vault, NOW)
    window.open_contact(world.hanako)
    dialog_log.pick_answer = world.ingrid
    window.contacts.merge_button.click()
    dialog = window.contacts.merge_dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.ids == (world.hanako, world.ingrid)
    dialog.reject()
    with window.vault.session() as s:
        assert s.get(Contact, world.ingrid) is not None  # cancelled: both still there
