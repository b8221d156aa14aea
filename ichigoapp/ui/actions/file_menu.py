"""The File menu's import, print, export and backup entries, installed in one place.

Each feature lives in its own module; this only decides their order in the menu and
keeps the controllers alive as long as the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ichigoapp.ui.contacts_io_actions import ContactsInOut
from ichigoapp.ui.import_dialog import CalendarImport
from ichigoapp.ui.prep_pane import PrepCards

if TYPE_CHECKING:
    from ichigoapp.ui.main_window import MainWindow


@dataclass
class FileActions:
    calendar: CalendarImport
    contacts: ContactsInOut
    prep: PrepCards


def install_file_actions(window: MainWindow) -> FileActions:
    calendar = CalendarImport(window)  # Import calendar…, New people…
    contacts = ContactsInOut(window)  # Import contacts…, Export…, Back up now…, Restore…
    prep = PrepCards(window)  # Print prep cards…
    # Import and export together, then printing, then the vault's safety copies.
    menu = window.file_menu
    for action in (contacts.backup_action, contacts.restore_action):
        menu.removeAction(action)
    window.file_menu.insertSeparator(window._file_section_end)
    for action in (contacts.backup_action, contacts.restore_action):
        menu.insertAction(window._file_section_end, action)
    return FileActions(calendar, contacts, prep)
