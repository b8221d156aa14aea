"""Run blocking work (keychain, import, PDF) off the GUI thread.

``call_off_gui_thread`` keeps the window painting and responsive while a keychain or
file operation runs; the caller gets the result (or the exception) back as if the call
had been made directly. ``Worker`` is the asynchronous variant for long jobs with
progress (calendar import, printing a day of prep cards).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal

T = TypeVar("T")


class _Call(QThread, Generic[T]):
    def __init__(self, fn: Callable[[], T]) -> None:
        super().__init__()
        self._fn = fn
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # handed back to the GUI thread and re-raised there
            self.error = exc


def call_off_gui_thread(fn: Callable[[], T]) -> T:
    """Run ``fn`` in a thread while the GUI event loop keeps running; return its result."""
    thread: _Call[T] = _Call(fn)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    if not thread.isFinished():
        loop.exec()
    thread.wait()
    if thread.error is not None:
        raise thread.error
    return thread.result  # type: ignore[return-value]


@contextmanager
def busy_cursor() -> Iterator[None]:
    """A wait cursor over the app while a short blocking step runs."""
    from PySide6.QtCore import Qt  # not at start-up (see ui/main_window.py's imports)
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class Worker(QObject):
    """A job in its own QThread, reporting progress and its outcome by signals.

    ``fn`` receives a ``progress(done, total, message)`` callback. Keep a reference to
    the Worker until ``finished`` or ``failed`` fires.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[Callable[[int, int, str], None]], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._thread = QThread()
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            result = self._fn(lambda done, total, msg: self.progress.emit(done, total, msg))
        except BaseException as exc:
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            self._thread.quit()

    def wait(self) -> None:
        self._thread.wait()
