"""The File menu's import, print, export and backup entries, installed in one place.

Each feature is a controller of its own (this package) that takes what it needs: the
window as the parent of its dialogs, the vault, the event bus, the clock. This module
only makes them and decides their order in the menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ichigoapp.ui.actions.calendar_import import CalendarImport
from ichigoapp.ui.actions.calendar_sync import CalendarSync
from ichigoapp.ui.actions.contacts_io import ContactsInOut
from ichigoapp.ui.actions.prep_cards import PrepCards
from ichigoapp.ui.actions.vault_copies import VaultCopies

if TYPE_CHECKING:
    from ichigoapp.ui.main_window import MainWindow


@dataclass
class FileActions:
    calendar: CalendarImport  # Import calendar…, New people…
    sync: CalendarSync  # Calendars…, Sync now (and the sync schedule)
    contacts: ContactsInOut  # Import contacts…, Export…
    prep: PrepCards  # Print prep cards…
    copies: VaultCopies  # Back up now…, Restore…


def install_file_actions(window: MainWindow) -> FileActions:
    vault, bus, clock = window.vault, window.bus, window.clock
    found = FileActions(
        calendar=CalendarImport(window, vault, bus, clock),
        sync=CalendarSync(window, vault, bus, clock, window.sync_label),
        contacts=ContactsInOut(window, vault, bus),
        prep=PrepCards(window, vault, clock),
        copies=VaultCopies(window, vault, bus),
    )
    # Import and export together, then printing, then the vault's safety copies.
    window.add_file_actions(
        [
            *found.calendar.actions,
            *found.sync.actions,
            *found.contacts.actions,
            *found.prep.actions,
        ]
    )
    window.add_file_actions(found.copies.actions, separated=True)
    return found
