"""Changing the vault from the app: one transaction, a clear message, every view told."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ichigoapp.errors import IchigoError
from ichigoapp.ui.dialogs import ask

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


def commit(
    parent: QWidget, vault: Vault, bus: EventBus, what: str, change: Callable[[Session], object]
) -> bool:
    """Run ``change`` in one transaction; True when it was committed.

    A user error ("no contact with id 7") is shown as "Could not <what>" and nothing is
    changed; after a commit every view refreshes itself (``bus.data_changed``). ``what``
    is a translated verb phrase ("save the reflection"; in Japanese its plain form,
    「振り返りを保存する」, which the title follows with 「ことができませんでした」).
    """
    try:
        with vault.transaction() as session:
            change(session)
    except IchigoError as exc:
        title = QCoreApplication.translate("changes", "Could not {what}").format(what=what)
        ask.error(parent, title, exc.message)
        return False
    bus.data_changed.emit()
    return True
