"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 drops a reference to the value ``Signal.emit`` returns (True or False)
on every emit: after a few thousand signals Python frees True itself and the app
aborts (``bool_dealloc``). A calendar import reports progress by signal, so a large
one crashed the app. pyproject.toml keeps that release out; this test keeps any
later one with the same fault out too. It runs in its own process, because a failure
aborts the interpreter.
"""

from __future__ import annotations

from tests.cli_helpers import python

PROBE = """
import gc, json, sys
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

app = QCoreApplication([])

class Emitter(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)

class Receiver(QObject):
    def on_progress(self, done, total, text):
        return None

    def on_done(self, value):
        return None

emitter, receiver = Emitter(), Receiver()
emitter.progress.connect(receiver.on_progress)
emitter.done.connect(receiver.on_done)
emitter.progress.connect(lambda done, total, text: None)

class Worker(QThread):  # queued across threads, as the import's progress is
    def run(self):
        for n in range(5000):
            emitter.progress.emit(n, 5000, "")

def counts():
    gc.collect()
    return [sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)]

before = counts()
for n in range(20000):
    emitter.progress.emit(n, 20000, "")
    emitter.done.emit(None)
worker = Worker()
worker.start()
worker.wait()
app.processEvents()
print(json.dumps([after - was for after, was in zip(counts(), before)]))
"""


def test_signals_leave_reference_counts_as_they_were() -> None:
    done = python(["-c", PROBE], {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, f"the Qt binding broke reference counts: {done.stderr[-600:]}"
    drift = [abs(n) for n in map(int, done.stdout.strip()[1:-1].split(","))]
    assert max(drift) < 100, f"references to True, False, None changed by {drift}"
