"""Calendars followed live, from the app: File > Calendars…, Sync now (F5), the sync
every few minutes, and the status bar's "Synced 2 min ago".

Syncs never run on the GUI thread: one worker at a time fetches and applies every
source that is due (services/syncing.py), then the views refresh. The schedule is
checked each minute against the wall clock, so a machine waking from sleep (the clock
jumped) or a network coming back syncs at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from ichigoapp.services.sources import due_sources, list_sources, sync_status
from ichigoapp.ui import menus
from ichigoapp.ui.clock import Clock
from ichigoapp.ui.worker import Worker

if TYPE_CHECKING:
    from ichigoapp.services.syncing import SyncReport
    from ichigoapp.store import Vault
    from ichigoapp.ui.dialogs.calendars import CalendarsDialog
    from ichigoapp.ui.events import EventBus

log = logging.getLogger(__name__)

TICK_MS = 60_000
# A tick this much later than planned means the machine slept (or the clock moved).
WOKE_AFTER_S = 3 * 60


class CalendarSync(QObject):
    """Owns the sync schedule, the worker and the status label of one window."""

    synced = Signal(object)  # list[SyncReport], on the GUI thread

    def __init__(
        self, parent: QWidget, vault: Vault, bus: EventBus, clock: Clock, status: QLabel
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.vault = vault
        self.bus = bus
        self.clock = clock
        self.status = status
        self.worker: Worker | None = None
        self.dialog: CalendarsDialog | None = None
        self.attempted: dict[int, datetime] = {}
        self._again: list[int] | None = None  # asked while a sync ran: these, after it
        # Address books whose held sync (the safety brake) the user said "not now" to:
        # not asked again until Sync now.
        self.declined: set[int] = set()
        self._ended = False
        self._last_tick: datetime | None = None
        self.calendars_action = menus.action(
            self,
            self.tr("&Calendars…"),
            self.show_dialog,
            status_tip=self.tr(
                "Follow calendar links and CalDAV accounts; see when they last synced"
            ),
        )
        self.sync_action = menus.action(
            self,
            self.tr("&Sync now"),
            self.sync_now,
            "F5",
            status_tip=self.tr("Fetch what changed in the calendars you follow"),
        )
        self.actions: list[QAction] = [self.calendars_action, self.sync_action]
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    # --- schedule ----------------------------------------------------------------------
    def start(self) -> None:
        """After the first paint: sync what is due, then check each minute."""
        if self._ended or self.timer.isActive():
            return
        self.timer.start()
        self._watch_network()  # here, not at start-up: QtNetwork costs ~20 ms to load
        self.tick()

    def tick(self) -> None:
        now = self.clock()
        woke = (
            self._last_tick is not None
            and (now - self._last_tick).total_seconds() > TICK_MS / 1000 + WOKE_AFTER_S
        )
        self._last_tick = now
        if woke:
            log.info("the clock jumped (a wake from sleep?): syncing every calendar")
            self.sync_now(quiet=True)
            return
        with self.vault.session() as session:
            due = due_sources(session, now, self.attempted)
        if due:
            self.run(due)
        else:
            self.show_status()

    def _watch_network(self) -> None:
        """Sync when the network comes back (where Qt can tell)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        online = QNetworkInformation.Reachability.Online

        def changed(reachability: QNetworkInformation.Reachability) -> None:
            if reachability == online and self.timer.isActive():
                self.sync_now(quiet=True)

        info.reachabilityChanged.connect(changed)

    # --- running -----------------------------------------------------------------------
    def sync_now(self, *, quiet: bool = False) -> None:
        """Every source, whatever its schedule (F5 also refreshes the views)."""
        if not quiet:
            self.declined.clear()
        with self.vault.session() as session:
            ids = [s.id for s in list_sources(session)]
        if not ids:
            if not quiet:
                self.bus.data_changed.emit()  # F5 still refreshes what is shown
                self.bus.status.emit(
                    self.tr("No calendars followed yet: File › Calendars… adds one")
                )
            return
        self.run(ids)

    def run(self, ids: Sequence[int], *, allow_mass_changes: bool = False) -> None:
        # Here, not at the top: the parsers it loads are not needed for the first paint.
        from ichigoapp.services.syncing import sync_sources

        if self._ended:
            return
        if self.worker is not None:
            self._again = sorted(set(self._again or []) | set(ids))
            return
        now = self.clock()
        for source_id in ids:
            self.attempted[source_id] = now
        transaction = self.vault.transaction
        wanted = list(ids)
        self.status.setText(self.tr("Syncing calendars…"))
        self.sync_action.setEnabled(False)
        self.worker = Worker(
            lambda _progress: sync_sources(
                transaction, wanted, allow_mass_changes=allow_mass_changes
            )
        )
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _done(self, reports: list[SyncReport]) -> None:
        self._finish_worker()
        changed = ("created", "updated", "cancelled", "removed", "pulled_created",
                   "pulled_updated", "unlinked", "conflicts_merged")  # fmt: skip
        if any(getattr(r, key) for r in reports for key in changed):
            self.bus.data_changed.emit()
        self.synced.emit(reports)
        self.show_status()
        confirmed = self._confirm_held(reports)
        if confirmed:
            self.run(confirmed, allow_mass_changes=True)
        self._run_again()

    def _confirm_held(self, reports: list[SyncReport]) -> list[int]:
        """Address books the safety brake held: ask once whether to go ahead."""
        from ichigoapp.ui.dialogs import ask

        confirmed = []
        for report in reports:
            if not report.held or report.id in self.declined or self._ended:
                continue
            answer = ask.choose(
                self.parent_widget,
                self.tr("Many contacts would change"),
                self.tr(
                    "Syncing the address book '{name}' would delete or overwrite many "
                    "contacts, so it stopped and changed nothing."
                ).format(name=report.name),
                self.tr(
                    "{reason}\n\nGo ahead only if you expected this (say, you cleaned up "
                    "the address book on your phone)."
                ).format(reason=report.error),
                [self.tr("Not now"), self.tr("Go ahead")],
            )
            if answer == 1:
                confirmed.append(report.id)
            else:
                self.declined.add(report.id)
        return confirmed

    def _failed(self, exc: object) -> None:
        # Not a source's failure (those are in the reports): the vault closed, or a bug.
        log.error("calendar sync stopped: %s", type(exc).__name__)
        self._finish_worker()
        self.status.setText(self.tr("Calendars could not be synced"))
        self._run_again()

    def _finish_worker(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None
        self.sync_action.setEnabled(True)

    def _run_again(self) -> None:
        again, self._again = self._again, None
        if again:
            self.run(again)

    def show_status(self) -> None:
        if self._ended:
            return
        with self.vault.session() as session:
            text = sync_status(session, self.clock())
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def end_work(self) -> None:
        """The vault is closing: let a running sync finish, start no other."""
        self._ended = True
        self.timer.stop()
        self._again = None
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    # --- the dialog --------------------------------------------------------------------
    def show_dialog(self) -> None:
        from ichigoapp.ui.dialogs.calendars import CalendarsDialog

        if self.dialog is None:
            self.dialog = CalendarsDialog(self.parent_widget, self.vault, self)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
