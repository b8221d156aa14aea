"""The meeting moment: Ichigo speaks up before and after each meeting, and each morning.

Every half minute (and on waking) the wall clock is read and ``services.reminders.due``
says what fell due in the last ten minutes and was not shown yet; each is shown as a
notification (the desktop's service, else the tray's balloon) and remembered in the
vault, so a restart or a second window does not repeat it. A meeting moved or
cancelled by an import or a sync simply plans differently on the next tick.

While the vault is locked nothing can be read, so the reminders of the next day are
planned when the lock comes, in their discreet form only ("A meeting starts in 30
minutes": no names, titles or places), and shown from memory; on unlocking they are
recorded as shown. With "discreet notifications" chosen, every notice is discreet.

A notice's buttons lead to the prep card (or its printing), the reflection editor, or
Today; while locked, to the lock screen. The Today page is refreshed as time passes (a
meeting that ends moves to "Waiting for a reflection" by itself).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ichigoapp.services import reminders
from ichigoapp.services.reminders import Reminder, ReminderKind
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.notifications import DesktopNotifications, Notice
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ichigoapp.ui.lifecycle.autolock import AutoLock
    from ichigoapp.ui.main_window import MainWindow
    from ichigoapp.ui.tray import Tray

log = logging.getLogger(__name__)

TICK_MS = 30_000
LOCKED_PLAN = timedelta(hours=24)  # what a lock plans ahead, in discreet form

# The buttons of each notice: (action key, label); labels are translated when shown.
_ACTIONS: dict[ReminderKind, tuple[tuple[str, str], ...]] = {
    ReminderKind.BEFORE: (
        ("open-card", QT_TRANSLATE_NOOP("MeetingMoment", "Open prep card")),
        ("print", QT_TRANSLATE_NOOP("MeetingMoment", "Print")),
    ),
    ReminderKind.AFTER: (("reflect", QT_TRANSLATE_NOOP("MeetingMoment", "Reflect now")),),
    ReminderKind.DIGEST: (("open-today", QT_TRANSLATE_NOOP("MeetingMoment", "Open Today")),),
}
_LOCKED_ACTIONS = (("unlock", QT_TRANSLATE_NOOP("MeetingMoment", "Unlock…")),)


@dataclass(frozen=True, slots=True)
class Shown:
    """A reminder as it was shown (for the tests, and for the actions' routing)."""

    reminder: Reminder
    notice: Notice


class MeetingMoment(QObject):
    """Shows the reminders of ``window``'s vault on time; follows the window that
    replaces it after a lock (``autolock``)."""

    shown = Signal(object)  # Shown: a notice went out (or had nowhere to go)

    def __init__(
        self,
        window: MainWindow,
        notifications: DesktopNotifications,
        *,
        clock: Clock = system_clock,
        autolock: AutoLock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = window
        self.notifications = notifications
        self.clock = clock
        self.autolock = autolock
        self.history: list[Shown] = []
        self.tray: Tray | None = None  # set by ui/tray.install_meeting_moment
        self._by_key: dict[str, Reminder] = {}
        self._locked_plan: list[Reminder] = []
        self._shown_while_locked: list[str] = []
        notifications.action_invoked.connect(self.act)
        if autolock is not None:
            autolock.about_to_lock.connect(self._before_lock)
            autolock.unlocked.connect(self._after_unlock)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()
        self.tick()

    @property
    def locked(self) -> bool:
        return self.window is None

    # ------------------------------------------------------------------ the clock

    def tick(self) -> None:
        """Show what is due now; keep Today current."""
        now = self.clock()
        window = self.window
        if window is None:
            self._tick_locked(now)
            return
        if not window.attached or window.closing:
            return
        with window.vault.transaction() as session:
            due = reminders.due(session, now)
            discreet = reminders.discreet_notifications(session)
            for reminder in due:
                self._show(reminder.discreet() if discreet else reminder, _ACTIONS[reminder.kind])
            if due:
                reminders.mark_shown(session, [r.key for r in due], now)
        window.today.catch_up(now)

    def _tick_locked(self, now: datetime) -> None:
        for reminder in self._locked_plan:
            if reminder.key in self._shown_while_locked:
                continue
            if now - reminders.GRACE <= reminder.at <= now:
                self._show(reminder, _LOCKED_ACTIONS)
                self._shown_while_locked.append(reminder.key)

    def _show(self, reminder: Reminder, actions: tuple[tuple[str, str], ...]) -> None:
        labelled = tuple((key, self.tr(label)) for key, label in actions)
        notice = Notice(reminder.key, reminder.title, reminder.body, labelled)
        self._by_key[reminder.key] = reminder
        if not self.notifications.show(notice):
            log.info("a %s reminder had nowhere to be shown", reminder.kind.value)
        shown = Shown(reminder, notice)
        self.history.append(shown)
        self.shown.emit(shown)

    # ------------------------------------------------------------------ lock

    def _before_lock(self) -> None:
        """The vault is about to close: plan the next day in discreet form."""
        window = self.window
        self.window = None
        if window is None or not window.attached or window.closing:
            return
        now = self.clock()
        with window.vault.session() as session:
            ahead = reminders.plan(session, now - reminders.GRACE, now + LOCKED_PLAN)
            shown = reminders.shown_keys(session, [r.key for r in ahead])
        # The digest is due all day: it waits for the unlock rather than saying less.
        self._locked_plan = [
            r.discreet() for r in ahead if r.kind is not ReminderKind.DIGEST and r.key not in shown
        ]
        self._shown_while_locked = []

    def _after_unlock(self, window: object) -> None:
        from ichigoapp.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        self.window = window
        self._locked_plan = []
        if self._shown_while_locked:
            with window.vault.transaction() as session:
                reminders.mark_shown(session, self._shown_while_locked, self.clock())
            self._shown_while_locked = []
        # Once the window has painted: the digest of a first unlock, anything due.
        QTimer.singleShot(0, self, self.tick)

    # ------------------------------------------------------------------ buttons

    def act(self, key: str, action: str) -> None:
        """A notice's button was pressed (on the GUI thread)."""
        reminder = self._by_key.get(key)
        window = self.window
        if window is None:
            if self.autolock is not None and self.autolock.lock_screen is not None:
                bring_forward(self.autolock.lock_screen)
            return
        bring_forward(window)
        encounter_id = reminder.encounter_id if reminder is not None else None
        route: dict[str, Callable[[], object]] = {
            "open-today": lambda: window.show_page(window.today),
        }
        if encounter_id is not None:
            route["open-card"] = lambda: self.open_card(encounter_id)
            route["print"] = lambda: self.print_card(encounter_id)
            route["reflect"] = lambda: window.open_reflection_editor(encounter_id)
        if action in route:
            route[action]()

    def open_card(self, encounter_id: int) -> object:
        window = self.window
        assert window is not None
        window.open_encounter(encounter_id)
        return window.encounters.open_prep_card()

    def print_card(self, encounter_id: int) -> bool:
        from ichigoapp.ui.dialogs.prep_card import PrepCardDialog

        dialog = self.open_card(encounter_id)
        return isinstance(dialog, PrepCardDialog) and dialog.pane.print_card()


def bring_forward(widget: object) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    widget.show()
    widget.raise_()
    widget.activateWindow()
