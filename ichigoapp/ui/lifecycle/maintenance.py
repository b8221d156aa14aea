"""The vault's page-by-page check and daily backup, run after the window is up.

On a large vault these read every page (seconds); doing them before the first paint
would make every start feel slow, and doing them on every start would take the
machine's cores from the first screen of data: they run when due (after a crash,
before the daily backup, once a day; ``Vault.check_due``). Damage found here is
offered a restore, as at unlock.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from ichigoapp.errors import IchigoError, VaultCorrupt
from ichigoapp.store import Vault
from ichigoapp.ui.worker import Worker

log = logging.getLogger(__name__)


class Maintenance(QObject):
    """Runs ``vault.maintain_if_due()`` on a worker thread; emits ``damaged`` on the GUI
    thread."""

    damaged = Signal(object)  # VaultCorrupt
    done = Signal()

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.worker: Worker | None = None

    def start(self) -> None:
        if self.worker is not None:
            return
        # Connected to methods of this GUI-thread object, so the slots run on the GUI
        # thread (a lambda would run on the worker's).
        self.worker = Worker(lambda _progress: self.vault.maintain_if_due())
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def wait(self) -> None:
        """Block until a running check ends (before the vault is closed)."""
        if self.worker is not None:
            self.worker.wait()

    def _finished(self, _result: object) -> None:
        self.done.emit()

    def _failed(self, exc: object) -> None:
        if isinstance(exc, VaultCorrupt):
            self.damaged.emit(exc)
        elif isinstance(exc, IchigoError):
            log.warning("vault maintenance: %s", exc.message)
        else:
            log.error("vault maintenance failed: %s", type(exc).__name__)
        self.done.emit()
