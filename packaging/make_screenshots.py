"""Screenshots of every page and every dialog of Ichigo, on a demo vault.

Usage: ``python packaging/make_screenshots.py [OUT_DIR]`` (``make screenshots``, which
passes ``$SCREENSHOTS_DIR``, default ``packaging/screenshots``). The pages and the prep
card are what the AppStream metadata and the README show; the ``dialog-*.png`` are for
reviewing changes to the app's windows. Today, Contacts and the prep card are shot again
in Japanese (``*-ja.png``), on the same vault, to review the translation.

Runs the real app offscreen on a throw-away demo vault: ICHIGO_DEMO fills it with
invented people, a passphrase from the environment unlocks it, keyring's "fail" backend
keeps the developer's keychain out of it, and a private XDG_CONFIG_HOME keeps the saved
window layout (QSettings) from leaking in or out. Nothing outside a temporary directory
is touched; nothing reaches beyond this machine.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ichigoapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)  # 16:10, what software centres show best
PAGES = ("today", "contacts", "encounters", "reflections", "promises")
# Shot again in Japanese (name-ja.png).
JAPANESE = ("today", "contacts")
DIALOGS = (
    "import-calendar",
    "import-triage",
    "new-people",
    "import-contacts",
    "merge",
    "duplicates",
    "reflection",
    "thanks",
    "contact-picker",
    "print-day",
    "print-the-day",
    "tray-menu",
    "passphrase-new",
    "passphrase-unlock",
    "locked",
)
WAIT_S = 60


def _isolate(tmp: Path) -> None:
    # Must happen before keyring, Qt or ichigoapp read the environment.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["ICHIGO_DEMO"] = "1"
    # A throw-away vault deleted at the end: the passphrase protects nothing.
    os.environ["ICHIGO_PASSPHRASE"] = "screenshots only, not a secret"  # noqa: S105
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["ICHIGO_HOME"] = str(tmp / "home")
    os.environ.pop("ICHIGO_VAULT", None)
    os.environ["ICHIGO_LANG"] = "en"  # then "ja" for the Japanese ones
    # Sharp text: no fractional scaling or theme fonts from the machine running this.
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ.pop("QT_QPA_PLATFORMTHEME", None)


def _settle(rounds: int = 6) -> None:
    """Let queued loads, layouts and paints run (views fill their models lazily)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QCoreApplication.sendPostedEvents()


def _until(done: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``done`` (a worker's result has arrived)."""
    deadline = time.monotonic() + WAIT_S
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not finish within {WAIT_S} s")
        _settle(1)


def _invite(folder: Path) -> Path:
    """A calendar with a meeting next week: two people from the demo, two new ones."""
    start = (datetime.now(UTC) + timedelta(days=7)).replace(hour=9, minute=0, second=0)

    def stamp(value: datetime) -> str:
        return value.strftime("%Y%m%dT%H%M%SZ")

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ichigo screenshots//EN",
        "BEGIN:VEVENT",
        "UID:screenshot-roundtable@example.org",
        f"DTSTAMP:{stamp(start)}",
        f"DTSTART:{stamp(start)}",
        f"DTEND:{stamp(start + timedelta(hours=1))}",
        "SUMMARY:Regional partners roundtable",
        "LOCATION:https://meet.example.org/roundtable",
        "ORGANIZER;CN=Sam Rivera:mailto:sam.rivera@example.org",
        "ATTENDEE;CN=Hanako Sato:mailto:hanako.sato@kinoshitadesign.example",
        "ATTENDEE;CN=Mele Tupou:mailto:mele@pacificreef.example",
        "ATTENDEE;CN=Jonas Berg:mailto:jonas.berg@nordlys.example",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:broken-one@example.org",
        "DTSTART:not-a-time",
        "SUMMARY:A meeting whose time cannot be read",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    path = folder / "roundtable.ics"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path


def _vcards(folder: Path) -> Path:
    path = folder / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mele Tupou\r\nEMAIL:mele@pacificreef.example\r\n"
        "ORG:Pacific Reef Trust\r\nTITLE:Director\r\nEND:VCARD\r\n"
        # A namesake of the demo's Hanako Sato: someone else, so a duplicate suggestion.
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanako Sato\r\nEMAIL:hanako.sato@othercorp.example\r\n"
        "ORG:Other Corp\r\nTITLE:Accountant\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card without a name line\r\nBDAY:not a date\r\n"
        "X-:broken\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return path


def _busiest_contact_and_next_meeting(window: MainWindow) -> tuple[int | None, int | None]:
    """A contact with a history worth showing and the next meeting that has people."""
    from sqlalchemy import func, select

    from ichigoapp.model import Encounter, Participation

    with window.vault.session() as session:
        contact_id = session.scalar(
            select(Participation.contact_id)
            .where(Participation.contact_id.is_not(None))
            .group_by(Participation.contact_id)
            .order_by(func.count().desc(), Participation.contact_id)
            .limit(1)
        )
        meeting_id = session.scalar(
            select(Encounter.id)
            .join(Participation)
            .where(Encounter.start >= datetime.now(UTC))
            .order_by(Encounter.start)
            .limit(1)
        )
    return contact_id, meeting_id


class Shooter:
    def __init__(self, out: Path, window: MainWindow, tmp: Path) -> None:
        self.out = out
        self.window = window
        self.tmp = tmp
        self.written: list[Path] = []

    def grab(self, name: str, widget: QWidget) -> None:
        _settle()
        target = self.out / f"{name}.png"
        if not widget.grab().save(str(target), "PNG"):
            raise RuntimeError(f"cannot write {target}")
        self.written.append(target)
        print(target)

    def pages(self, names: tuple[str, ...] = PAGES, suffix: str = "") -> None:
        window = self.window
        contact_id, meeting_id = _busiest_contact_and_next_meeting(window)
        shows: dict[str, Callable[[], None]] = {
            "today": lambda: window.show_page(window.today),
            "contacts": lambda: window.open_contact(contact_id) if contact_id else None,
            "encounters": lambda: window.open_encounter(meeting_id) if meeting_id else None,
            "reflections": self._a_reflection,
            "promises": lambda: window.show_page(window.promises),
        }
        for name in names:
            shows[name]()
            self.grab(name + suffix, window)
        if meeting_id is not None:
            window.open_encounter(meeting_id)
            card = window.encounters.open_prep_card()
            assert card is not None
            card.resize(900, 800)
            self.grab("prep-card" + suffix, card)
            card.close()

    def _tray_menu(self) -> QWidget:
        """The tray icon's menu as it opens (the demo's next meeting at the top)."""
        from ichigoapp.app import app_icon
        from ichigoapp.ui.lifecycle.meeting_moment import MeetingMoment
        from ichigoapp.ui.notifications import DesktopNotifications
        from ichigoapp.ui.tray import Tray

        moment = MeetingMoment(self.window, DesktopNotifications(self.window))
        self.tray = Tray(moment, app_icon(), parent=self.window)
        self.tray.rebuild()
        self.tray.menu.adjustSize()
        return self.tray.menu

    def _a_reflection(self) -> None:
        page = self.window.reflections
        self.window.show_page(page)
        if page.model.rowCount():
            page.table.selectRow(0)  # so the reflection itself shows below the list

    def dialogs(self) -> None:
        from ichigoapp.services.lists import EncounterScope, contact_choices
        from ichigoapp.services.today import unsent_thanks
        from ichigoapp.ui.dialogs.contact_picker import ContactPicker
        from ichigoapp.ui.dialogs.duplicates import open_duplicates_dialog
        from ichigoapp.ui.dialogs.merge import open_merge_dialog
        from ichigoapp.ui.dialogs.passphrase import PassphraseDialog
        from ichigoapp.ui.dialogs.thanks import open_thanks_dialog
        from ichigoapp.ui.lifecycle.lock_screen import LockScreen

        window = self.window
        actions = window.file_actions

        calendar = actions.calendar.start([_invite(self.tmp)])
        assert calendar is not None
        _until(lambda: calendar.report is not None or bool(calendar.failure), "the import")
        self.grab("dialog-import-calendar", calendar)
        calendar.show_triage()
        self.grab("dialog-import-triage", calendar)
        calendar.accept()

        triage = actions.calendar.show_triage()
        self.grab("dialog-new-people", triage)
        triage.close()

        contacts = actions.contacts.import_contacts(_vcards(self.tmp))
        assert contacts is not None
        _until(lambda: contacts.report is not None or bool(contacts.failure), "contact import")
        self.grab("dialog-import-contacts", contacts)
        contacts.accept()

        with window.vault.session() as session:
            choices = contact_choices(session)
        merge = open_merge_dialog(
            window.contacts, window.vault, window.bus, choices[0].contact_id, choices[1].contact_id
        )
        self.grab("dialog-merge", merge)
        merge.reject()

        duplicates = open_duplicates_dialog(window.contacts, window.vault, window.bus)
        self.grab("dialog-duplicates", duplicates)
        duplicates.reject()

        window.encounters.set_scope(EncounterScope.PAST)
        past = window.encounters.model.rows()[0].encounter_id
        editor = window.open_reflection_editor(past)
        self.grab("dialog-reflection", editor)
        editor.reject()

        # The newest thanks waiting on Today, drafted for that person.
        with window.vault.session() as session:
            [thanks] = unsent_thanks(session, limit=1)
        drafted = open_thanks_dialog(
            window.today, window.vault, window.bus, thanks.encounter_id, thanks.contact_id
        )
        self.grab("dialog-thanks", drafted)
        drafted.reject()

        picker = ContactPicker(window, "Add person", "Who else was (or will be) there?", choices)
        picker.show()
        self.grab("dialog-contact-picker", picker)
        picker.reject()

        day = actions.prep.open_day_dialog()
        self.grab("dialog-print-day", day)
        day.reject()
        sheet = actions.prep.open_day_dialog(sheet=True)
        self.grab("dialog-print-the-day", sheet)
        sheet.reject()

        self.grab("dialog-tray-menu", self._tray_menu())

        for name, new in (("passphrase-new", True), ("passphrase-unlock", False)):
            ask = PassphraseDialog(window, window.vault.path, new=new)
            ask.show()
            self.grab(f"dialog-{name}", ask)
            ask.reject()

        locked = LockScreen(window.vault.path)
        locked.show()
        self.grab("dialog-locked", locked)
        locked.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "packaging" / "screenshots"
    tmp = Path(tempfile.mkdtemp(prefix="ichigo-screenshots-"))
    try:
        _isolate(tmp)
        return _shoot(out, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _app() -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ichigoapp.app import app_icon
    from ichigoapp.ui import theme, translation
    from ichigoapp.ui.settings import APPLICATION, ORGANIZATION

    app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Ichigo")
    app.setWindowIcon(app_icon())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        os.environ["XDG_CONFIG_HOME"],
    )
    theme.apply(app)
    translation.install(app)
    return app


def _shoot(out: Path, tmp: Path) -> int:
    from ichigoapp.ui.main_window import open_main_window

    app = _app()
    window = open_main_window(tmp / "demo.vault", [])
    if window is None:
        sys.stderr.write("could not create the demo vault\n")
        return 1
    window.resize(*SIZE)
    window.show()
    _until(lambda: window.maintenance is not None, "opening the demo vault")
    out.mkdir(parents=True, exist_ok=True)
    shooter = Shooter(out, window, tmp)
    try:
        shooter.pages()
        shooter.dialogs()
        window.close()
        _settle()
        window = _japanese_window(app, tmp)
        Shooter(out, window, tmp).pages(JAPANESE, "-ja")
    except (AssertionError, RuntimeError, IndexError) as exc:
        sys.stderr.write(f"screenshots stopped: {type(exc).__name__}: {exc}\n")
        return 1
    finally:
        window.close()
        _settle()
        del app
    return 0


def _japanese_window(app: Any, tmp: Path) -> MainWindow:
    """The same demo vault reopened in a window built in Japanese."""
    from ichigoapp.ui import translation
    from ichigoapp.ui.main_window import open_main_window

    os.environ["ICHIGO_LANG"] = "ja"
    translation.install(app)
    window = open_main_window(tmp / "demo.vault", [])
    if window is None:
        raise RuntimeError("could not reopen the demo vault")
    window.resize(*SIZE)
    window.show()
    _until(lambda: window.maintenance is not None, "reopening the demo vault")
    return window


if __name__ == "__main__":
    sys.exit(main(sys.argv))
