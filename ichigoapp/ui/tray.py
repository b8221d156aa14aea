"""The tray icon: Ichigo at hand while its window is closed.

Its menu is built each time it opens, from the vault as it is then: the next meeting
("17:05 Coffee with Ingrid") with its prep card to open or print, the last meeting
waiting for a reflection, Sync now, Lock, the reminder settings and Quit. While the
vault is locked it says only that, and offers Unlock. Closing the window keeps Ichigo
running here (a setting, on by default where there is a tray; said once, the first
time), so reminders still come.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, QTime, QTimer
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ichigoapp.services import reminders
from ichigoapp.services.today import awaiting_reflection, upcoming_meetings
from ichigoapp.ui import autostart, fmt
from ichigoapp.ui.settings import settings

if TYPE_CHECKING:
    from ichigoapp.ui.lifecycle.autolock import AutoLock
    from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
    from ichigoapp.ui.main_window import MainWindow

CLOSE_TO_TRAY_KEY = "tray/close_to_tray"
TOLD_KEY = "tray/told_close_to_tray"
LEAD_CHOICES = (5, 10, 15, 30, 60)
NEXT_DAYS = 7


def _menu_text(text: str) -> str:
    """A title from an invitation as menu text: "&" is shown, not a shortcut."""
    return text.replace("&", "&&")


def close_to_tray() -> bool:
    return str(settings().value(CLOSE_TO_TRAY_KEY, "true")).lower() == "true"


def set_close_to_tray(on: bool) -> None:
    store = settings()
    store.setValue(CLOSE_TO_TRAY_KEY, "true" if on else "false")
    store.sync()


class Tray(QObject):
    """The tray icon and its menu, over ``moment``'s current window."""

    def __init__(
        self,
        moment: MeetingMoment,
        icon: QIcon,
        *,
        autolock: AutoLock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.moment = moment
        self.autolock = autolock
        self.quitting = False
        self.icon = QSystemTrayIcon(icon, self)
        # The app's name in every language; never a person's: anyone passing sees it.
        self.icon.setToolTip("Ichigo")  # i18n: not translated
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(moment.notifications.tray_message_clicked)
        moment.notifications.tray = self.icon
        self.rebuild()

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Show the icon where the desktop has a tray; True when it is there."""
        if not self.available:
            return False
        self.icon.show()
        # The app lives on in the tray when its window is closed.
        QApplication.setQuitOnLastWindowClosed(False)
        return True

    # ------------------------------------------------------------------ the window

    def keep_running(self, window: MainWindow) -> bool:
        """MainWindow.closeEvent asks: hide to the tray rather than quit?"""
        if self.quitting or not self.icon.isVisible() or not close_to_tray():
            return False
        store = settings()
        if str(store.value(TOLD_KEY, "")) != "yes":
            store.setValue(TOLD_KEY, "yes")
            store.sync()
            self.icon.showMessage(
                self.tr("Ichigo is still running"),
                self.tr(
                    "It will remind you before and after your meetings. "
                    "Quit from this icon's menu; turn this off there too."
                ),
                QSystemTrayIcon.MessageIcon.Information,
                10000,
            )
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_app()

    def show_app(self) -> None:
        from ichigoapp.ui.lifecycle.meeting_moment import bring_forward

        window = self.moment.window
        if window is not None:
            bring_forward(window)
        elif self.autolock is not None and self.autolock.lock_screen is not None:
            bring_forward(self.autolock.lock_screen)

    def quit(self) -> None:
        """Quit Ichigo for real: the window closes its vault properly first."""
        self.quitting = True
        window = self.moment.window
        if window is not None:
            if not window.close():  # unsaved edits, and the user chose to keep them
                self.quitting = False
                return
        elif self.autolock is not None and self.autolock.lock_screen is not None:
            self.autolock.lock_screen.close()
        self.icon.hide()
        QApplication.quit()

    # ------------------------------------------------------------------ the menu

    def _add(self, text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(enabled)
        return action

    def rebuild(self) -> None:
        self.menu.clear()
        window = self.moment.window
        if window is None or not window.attached:
            self.menu.addAction(self.tr("Ichigo is locked")).setEnabled(False)
            if self.autolock is not None:
                self._add(self.tr("&Unlock…"), self.autolock.unlock)
            self.menu.addSeparator()
            self._add(self.tr("&Quit Ichigo"), self.quit)
            return
        now = self.moment.clock()
        with window.vault.session() as session:
            upcoming = list(upcoming_meetings(session, now, days=NEXT_DAYS, limit=1))
            waiting = list(awaiting_reflection(session, now, limit=1))
            lead = reminders.reminder_lead(session)
            discreet = reminders.discreet_notifications(session)
        if upcoming:
            meeting = upcoming[0]
            when = fmt.local(meeting.start)
            locale = QLocale()
            time = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
            if when.date() != fmt.local(now).date():
                day = QDate(when.year, when.month, when.day)
                weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
                time = self.tr("{weekday} {time}").format(weekday=weekday, time=time)
            self.menu.addAction(_menu_text(f"{time} {meeting.title}")).setEnabled(False)
            ident = meeting.encounter_id
            self._add(self.tr("Open &prep card"), lambda: self.moment.open_card(ident))
            self._add(self.tr("P&rint prep card…"), lambda: self.moment.print_card(ident))
        else:
            self.menu.addAction(
                self.tr("No meetings in the next %n day(s)", "", NEXT_DAYS)
            ).setEnabled(False)
        if waiting:
            last = waiting[0]
            title = _menu_text(last.title if len(last.title) <= 40 else last.title[:39] + "…")
            ident_waiting = last.encounter_id
            self._add(
                self.tr("Reflect on “{title}”…").format(title=title),
                lambda: window.open_reflection_editor(ident_waiting),
            )
        self.menu.addSeparator()
        self._add(self.tr("&Show Ichigo"), self.show_app)
        self._add(self.tr("S&ync now"), window.file_actions.sync.sync_now)
        if self.autolock is not None:
            self._add(self.tr("&Lock"), self.autolock.lock)
        self.menu.addSeparator()
        self._settings_menu(lead, discreet)
        self.menu.addSeparator()
        self._add(self.tr("&Quit Ichigo"), self.quit)

    def _settings_menu(self, lead: timedelta, discreet: bool) -> None:
        options = self.menu.addMenu(self.tr("Reminder &settings"))
        minutes = round(lead.total_seconds() / 60)
        group = QActionGroup(options)
        for choice in LEAD_CHOICES:
            action = options.addAction(self.tr("Remind me %n minute(s) before", "", choice))
            action.setCheckable(True)
            action.setChecked(choice == minutes)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, m=choice: self._set_lead(m))
        options.addSeparator()
        quiet = options.addAction(self.tr("&Discreet notifications (no names)"))
        quiet.setCheckable(True)
        quiet.setChecked(discreet)
        quiet.toggled.connect(self._set_discreet)
        keep = options.addAction(self.tr("&Keep running when the window is closed"))
        keep.setCheckable(True)
        keep.setChecked(close_to_tray())
        keep.toggled.connect(set_close_to_tray)
        login = options.addAction(self.tr("Start Ichigo when I &log in"))
        login.setCheckable(True)
        login.setChecked(autostart.enabled())
        login.setEnabled(autostart.supported())
        login.toggled.connect(autostart.set_enabled)

    def _set_lead(self, minutes: int) -> None:
        window = self.moment.window
        if window is not None:
            with window.vault.transaction() as session:
                reminders.set_reminder_lead(session, minutes)

    def _set_discreet(self, on: bool) -> None:
        window = self.moment.window
        if window is not None:
            with window.vault.transaction() as session:
                reminders.set_discreet_notifications(session, on)


START_AFTER_MS = 1500  # after start-up's own work: the first reminders can wait that long


def install_meeting_moment(
    window: MainWindow, autolock: AutoLock | None, icon: QIcon | None = None
) -> MeetingMoment:
    """Notifications, the reminder schedule and the tray icon for the app's window
    (kept alive by the QApplication); every window after an unlock is followed."""
    from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
    from ichigoapp.ui.notifications import DesktopNotifications

    app = QApplication.instance()
    notifications = DesktopNotifications(app)
    moment = MeetingMoment(window, notifications, clock=window.clock, autolock=autolock, parent=app)
    tray = Tray(moment, icon or QApplication.windowIcon(), autolock=autolock, parent=app)
    moment.tray = tray
    window.hide_on_close = tray.keep_running
    if autolock is not None:
        autolock.unlocked.connect(lambda new: setattr(new, "hide_on_close", tray.keep_running))

    def start() -> None:
        notifications.start()
        tray.show()
        moment.start()

    QTimer.singleShot(START_AFTER_MS, start)
    return moment
