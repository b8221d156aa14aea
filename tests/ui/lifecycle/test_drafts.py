"""A lock closes the forms being typed in; what they held comes back after the unlock,
unsaved, and was kept inside the vault only (docs/SECURITY.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ichigoapp.model import Contact
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.drafts import take_drafts
from ichigoapp.store import Vault, open_vault
from ichigoapp.ui.lifecycle.autolock import AutoLock
from ichigoapp.ui.main_window import MainWindow
from tests.ui import seed
from tests.ui.conftest import NOW

WORDS = "draft-words-51c9"


def _locking(vault: Vault, qtbot: Any) -> tuple[MainWindow, AutoLock]:
    window = MainWindow(vault, [], lambda: NOW)  # a lock deletes it: not qtbot's to close
    window.show()
    qtbot.waitExposed(window)

    def unlock(path: Path, _parent: Any) -> Vault:
        return open_vault(path)

    return window, AutoLock(window, minutes=15, unlock=unlock)


def _notes(session: Any, contact_id: int) -> str:
    contact = session.get(Contact, contact_id)
    assert contact is not None
    return str(contact.notes)


def test_a_half_typed_contact_survives_the_lock_unsaved(
    vault: Vault, vault_path: Path, qtbot: Any
) -> None:
    with vault.transaction() as s:
        ada = add_contact(s, ContactInput(name="Ada", notes="saved words")).id
    window, lock = _locking(vault, qtbot)
    window.open_contact(ada)
    window.contacts.form.notes.setPlainText(f"saved words and {WORDS}")
    assert window.contacts.draft() is not None

    lock.lock()

    # Gone from the screen, kept only inside the encrypted vault.
    for file in vault_path.parent.rglob("*"):
        if file.is_file():
            assert WORDS.encode() not in file.read_bytes(), file
    assert lock.lock_screen is not None
    lock.lock_screen.unlock_button.click()
    window = lock.window
    assert isinstance(window, MainWindow)
    assert window.current_page() is window.contacts
    assert window.contacts.form.notes.toPlainText() == f"saved words and {WORDS}"
    assert window.contacts.draft() is not None  # still to be saved (or not) by the user
    with window.vault.session() as s:
        assert _notes(s, ada) == "saved words"  # nothing saved for them
        assert take_drafts(s) == []  # taken back: not kept twice
    window.save_current()
    with window.vault.session() as s:
        assert _notes(s, ada) == f"saved words and {WORDS}"
    window.close()


def test_a_reflection_being_written_survives_the_lock(vault: Vault, qtbot: Any) -> None:
    world = seed.build(vault, NOW)
    window, lock = _locking(vault, qtbot)
    editor = window.open_reflection_editor(world.past)
    editor.learned.setPlainText(f"They {WORDS}")
    editor.gratitude.setPlainText("An hour of their time")

    lock.lock()
    assert lock.lock_screen is not None
    lock.lock_screen.unlock_button.click()

    window = lock.window
    assert isinstance(window, MainWindow)
    editor = window.reflection_editor
    assert editor is not None and editor.isVisible() and editor.encounter_id == world.past
    assert editor.learned.toPlainText() == f"They {WORDS}"
    assert editor.gratitude.toPlainText() == "An hour of their time"
    editor.reject()
    window.close()


def test_nothing_typed_keeps_nothing(vault: Vault, qtbot: Any) -> None:
    window, lock = _locking(vault, qtbot)
    assert window.keep_drafts() == 0
    lock.lock()
    assert lock.lock_screen is not None
    lock.lock_screen.unlock_button.click()
    assert isinstance(lock.window, MainWindow)
    assert lock.window.restore_drafts() == 0
    lock.window.close()
