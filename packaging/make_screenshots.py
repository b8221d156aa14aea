"""Screenshots of Ichigo's main views for the AppStream metadata and the README.

Usage: ``python packaging/make_screenshots.py [OUT_DIR]`` (``make screenshots``).

Runs the real app offscreen on a throw-away demo vault: ICHIGO_DEMO fills it with
invented people, a passphrase from the environment unlocks it, keyring's "fail" backend
keeps the developer's keychain out of it, and a private XDG_CONFIG_HOME keeps the saved
window layout (QSettings) from leaking in or out. Nothing outside a temporary directory
is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)  # 16:10, what software centres show best


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
    # Sharp text: no fractional scaling or theme fonts from the machine running this.
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ.pop("QT_QPA_PLATFORMTHEME", None)


def _settle(app: object, rounds: int = 6) -> None:
    """Let queued loads, layouts and paints run (views fill their models lazily)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool

    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(2000)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QCoreApplication.sendPostedEvents()


def _busiest_contact_and_next_meeting(vault: object) -> tuple[int | None, int | None]:
    """A contact with a history worth showing and the next meeting that has people."""
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from ichigoapp.model import Encounter, Participation

    with vault.session() as session:  # type: ignore[attr-defined]
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


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "packaging" / "screenshots"
    tmp = Path(tempfile.mkdtemp(prefix="ichigo-screenshots-"))
    try:
        _isolate(tmp)
        return _shoot(out, tmp / "demo.vault")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _shoot(out: Path, vault_path: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from ichigoapp.app import app_icon
    from ichigoapp.ui import theme
    from ichigoapp.ui.main_window import open_main_window
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
    window = open_main_window(vault_path, [])
    if window is None:
        sys.stderr.write("could not create the demo vault\n")
        return 1
    window.resize(*SIZE)
    window.show()
    _settle(app)
    contact_id, meeting_id = _busiest_contact_and_next_meeting(window.vault)

    def contacts() -> None:
        if contact_id is not None:
            window.open_contact(contact_id)

    def encounters() -> None:
        if meeting_id is not None:
            window.open_encounter(meeting_id)

    def reflections() -> None:
        window.show_page(window.reflections)
        table = getattr(window.reflections, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)  # so the reflection itself shows below the list

    shots: list[tuple[str, Callable[[], None]]] = [
        ("today", lambda: window.show_page(window.today)),
        ("contacts", contacts),
        ("encounters", encounters),
        ("reflections", reflections),
        ("promises", lambda: window.show_page(window.promises)),
    ]
    out.mkdir(parents=True, exist_ok=True)
    for name, show in shots:
        show()
        _settle(app)
        target = out / f"{name}.png"
        if not window.grab().save(str(target), "PNG"):
            sys.stderr.write(f"cannot write {target}\n")
            return 1
        print(target)

    # The prep card preview, when this build has it (it belongs to the printing UI).
    if meeting_id is not None:
        window.open_encounter(meeting_id)
        _settle(app)
        try:
            preview = window.encounters.open_prep_card()
        except Exception as exc:  # a screenshot is optional; say why it is missing
            sys.stderr.write(f"no prep card screenshot: {type(exc).__name__}: {exc}\n")
            preview = None
        if isinstance(preview, QWidget):
            preview.resize(900, 800)
            _settle(app)
            preview.window().grab().save(str(out / "prep-card.png"), "PNG")
            print(out / "prep-card.png")
            preview.window().close()

    window.close()
    _settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
