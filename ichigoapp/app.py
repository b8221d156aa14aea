"""The GUI entry point: QApplication, unlock, wiring, main window."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from ichigoapp.errors import EXIT_LOCKED, EXIT_OK

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from ichigoapp.services.today_items import TodayOverview
    from ichigoapp.store.keys import Secret
    from ichigoapp.ui.main_window import MainWindow


def run_gui(vault_path: Path, files: list[Path] | None = None) -> int:
    """Open the app on ``vault_path`` (created on first run); returns the exit code."""
    from ichigoapp.store.hardening import disable_core_dumps

    # Before anything can hold a passphrase or a key: no core dump may contain them.
    disable_core_dumps()
    # Importing the keyring library, asking the keychain and reading Today with the key
    # take about as long as Qt takes to start: all at once, so the window is not kept
    # waiting for the key, and may show the vault's data in its very first paint.
    key, first = _start_opening(vault_path)
    from PySide6.QtWidgets import QApplication

    from ichigoapp.ui import theme
    from ichigoapp.ui.lifecycle.single_instance import claim
    from ichigoapp.ui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Ichigo")
    # Matches packaging/io.github.ichigo.Ichigo.desktop, so Wayland compositors and
    # docks group the window under the installed launcher and its icon.
    app.setDesktopFileName("io.github.ichigo.Ichigo")
    # Before any window or dialog is built: every string they show is translated then.
    from ichigoapp.ui.translation import install

    install(app)
    # Before unlocking: a second launch on the same vault hands its files to the
    # running window instead of asking for a passphrase only to find the vault locked.
    instance = claim(vault_path, files or [], app)
    if instance is None:
        first.result()  # the read is over: the key can go
        unused = key.result()
        if unused is not None:
            unused.wipe()
        return EXIT_OK
    theme.apply(app)
    files = [*(files or []), *instance.take_queued()]
    window = _first_window(vault_path, key.result(), first, files, instance.attach)
    if window is None:
        # Cancelled, locked or in use elsewhere: the reason has been shown.
        instance.close()
        return EXIT_LOCKED
    instance.attach(window)
    window.show()
    code = int(app.exec())
    if window.failed:
        return EXIT_LOCKED
    return code if code else EXIT_OK


def _start_opening(
    vault_path: Path,
) -> tuple[Future[Secret | None], Future[TodayOverview | None]]:
    """On a thread of its own: the key of a keychain vault (``keycheck.keychain_secret``),
    then, with it, the Today overview read without SQLAlchemy (``quick_read.first_look``;
    None if there is no key or the vault is not ordinary)."""
    key: Future[Secret | None] = Future()
    first: Future[TodayOverview | None] = Future()

    def work() -> None:
        from ichigoapp.services.quick_read import first_look
        from ichigoapp.store.keycheck import keychain_secret
        from ichigoapp.ui.clock import system_clock

        try:
            secret = keychain_secret(vault_path)
        except BaseException as exc:  # for the caller of result() to meet
            key.set_exception(exc)
            first.set_result(None)
            return
        key.set_result(secret)
        path = vault_path.expanduser().absolute()
        first.set_result(None if secret is None else first_look(path, system_clock(), secret))

    threading.Thread(target=work, name="keychain", daemon=True).start()
    return key, first


def _first_window(
    vault_path: Path,
    secret: Secret | None,
    first: Future[TodayOverview | None],
    files: list[Path],
    on_window: Callable[[MainWindow], None],
) -> MainWindow | None:
    """The main window, shown at once for a keychain vault that unlocks silently.

    The usual start: the keychain holds the key and it opens the file. The window's
    frame is then shown straight away and the vault opened behind it (see
    ``MainWindow.opening``). Anything else (first run, a passphrase, a keychain or
    vault problem) goes through ``open_main_window``, which asks or explains first.
    """
    from ichigoapp.ui.main_window import MainWindow, open_main_window

    if secret is None:
        _set_app_icon()  # for the dialogs that may come first
        window = open_main_window(vault_path, files)
        if window is not None:
            _install_autolock(window, on_window)
        return window
    window = MainWindow.opening(vault_path.expanduser().absolute(), secret, files, first=first)
    # Loading the SVG icon engine takes ~12 ms; the frame need not wait for it.
    window.first_painted.connect(_set_app_icon)
    window.opened.connect(lambda: _install_autolock(window, on_window))
    return window


def _set_app_icon() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(app_icon())


def _install_autolock(window: MainWindow, on_window: Callable[[MainWindow], None]) -> None:
    # After the idle time the vault is closed and hidden until unlocked again; the
    # window built on unlocking replaces this one (``on_window``).
    from ichigoapp.ui.lifecycle.autolock import install_autolock
    from ichigoapp.ui.tray import install_meeting_moment

    autolock = install_autolock(window, on_window=on_window)  # type: ignore[arg-type]
    # Reminders before and after each meeting, and the tray icon (ui/tray.py).
    install_meeting_moment(window, autolock, app_icon())


def app_icon() -> QIcon:
    """The application icon: the SVG, which Qt's svg icon engine draws at every size."""
    from PySide6.QtGui import QIcon

    from ichigoapp import paths

    return QIcon(str(paths.resources_dir() / "icons" / "ichigo.svg"))


def main() -> int:
    from ichigoapp import paths

    return run_gui(paths.default_vault_path(), [Path(a) for a in sys.argv[1:]])
