"""Child process of the start-up and memory benches: the real app, or a bare window.

``python tests/bench/app_probe.py app VAULT``   runs ``ichigo --vault VAULT gui``
``python tests/bench/app_probe.py bare``        a bare QMainWindow with a table (reference)
``python tests/bench/app_probe.py tour VAULT``  the app, then every view visited, then
                                                prints the peak RSS

For ``app`` and ``bare`` the first paint of the main window prints ``PAINTED``; the
app then prints ``CONTENT`` at its first paint with the Today page showing the vault's
data (``MainWindow.data_shown``: read before the vault is attached, or after) and quits,
so the parent times spawn -> first paint and spawn -> content. The unlock goes through
the keychain: the parent selects the bench's file keyring with PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

PAINTED = "PAINTED"
CONTENT = "CONTENT"


class FirstPaint(QObject):
    """Prints PAINTED when a widget of the main window is first painted, then acts."""

    def __init__(self, then: object) -> None:
        super().__init__()
        self.then = then
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.done = True
            print(PAINTED, flush=True)
            QTimer.singleShot(0, self.then)  # type: ignore[arg-type]
        return False


def bare() -> int:
    from PySide6.QtWidgets import QTableWidget

    app = QApplication(sys.argv)
    watcher = FirstPaint(app.quit)
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.setCentralWidget(QTableWidget(20, 5))
    window.resize(1280, 820)
    window.show()
    return int(app.exec())


class ContentPaint(FirstPaint):
    """PAINTED at the first paint, CONTENT at the first paint with Today's data shown
    (or, with ``until="attached"``, with the vault attached: every page can be built)."""

    def __init__(self, then: object, until: str = "data_shown") -> None:
        super().__init__(then)
        self.until = until

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done or event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if not isinstance(window, QMainWindow):
            return False
        if not getattr(self, "painted", False):
            self.painted = True
            print(PAINTED, flush=True)
        if getattr(window, self.until, False):
            self.done = True
            print(CONTENT, flush=True)
            QTimer.singleShot(0, self.then)  # type: ignore[arg-type]
        return False


def run_ichigo(vault: Path) -> int:
    """The app as the desktop entry starts it: ``ichigo --vault VAULT gui``."""
    from ichigoapp.cli import main

    return main(["--vault", str(vault), "gui"])


def app(vault: Path) -> int:
    qapp = QApplication(sys.argv)
    watcher = ContentPaint(qapp.quit)
    qapp.installEventFilter(watcher)
    return run_ichigo(vault)


def peak_rss_kb() -> int:
    """This process's peak resident memory, in KiB.

    VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss across fork and exec, so
    a probe spawned by a bench process holding 300 MB reported 300 MB whatever it used.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def tour(vault: Path) -> int:
    """Open the app, visit every page (and every encounter scope), report peak memory."""
    from ichigoapp.services.lists import EncounterScope
    from ichigoapp.ui.main_window import MainWindow

    qapp = QApplication(sys.argv)

    def visit() -> None:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        for row in range(len(window.pages)):
            window.nav.setCurrentRow(row)
            qapp.processEvents()
        for scope in EncounterScope:
            window.show_page(window.encounters)
            window.encounters.set_scope(scope)
            qapp.processEvents()
        window.search.setText("han")
        qapp.processEvents()
        print(f"PEAK_MB {peak_rss_kb() / 1024:.1f}", flush=True)
        qapp.quit()

    watcher = ContentPaint(visit, until="attached")
    qapp.installEventFilter(watcher)
    return run_ichigo(vault)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "bare":
        return bare()
    if mode == "app":
        return app(Path(sys.argv[2]))
    if mode == "tour":
        return tour(Path(sys.argv[2]))
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    raise SystemExit(main())
