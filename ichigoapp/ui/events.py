"""A tiny signal bus: any view that changes data says so, every view refreshes itself.

Views do not call each other to refresh; they listen here. That keeps the main window
free of "after X, reload Y" wiring as views are added (import, printing...).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventBus(QObject):
    # Emitted after a committed transaction changed the vault.
    data_changed = Signal()
    # Navigation requests: "show this contact / encounter" from anywhere.
    open_contact = Signal(int)
    open_encounter = Signal(int)
    # Two contacts were merged (a services.merge_undo.MergeRecord): Edit › Undo merge.
    merged = Signal(object)
    # Show the possible duplicates, to merge or tell apart (Today's "Review…").
    review_duplicates = Signal()
    # Ask for the reflection editor of an encounter (Today's "Reflect now").
    reflect_on = Signal(int)
    # A short message for the status bar.
    status = Signal(str)
    # A vault restored from a backup (a Vault, open): show it in a window of its own.
    open_vault = Signal(object)
