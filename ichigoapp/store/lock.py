"""One writer per vault: an advisory lock on a file beside it.

The OS drops the lock when the process dies, so a crash never leaves a stale lock.
The file also says whether its last writer closed cleanly: "open" while a writer holds
it, emptied on a clean release. A file that says "open" with nobody holding the lock
was left by a writer that died (a kill, a crash, a power cut), and the next open
checks every page (store/vault.py).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

from ichigoapp.errors import VaultInUse
from ichigoapp.i18n import _
from ichigoapp.paths import PRIVATE_FILE


def lock_path_for(vault: Path) -> Path:
    return vault.with_name(vault.name + ".lock")


OPEN_MARK = b"open\n"


def left_open(vault: Path) -> bool:
    """Whether the vault's last writer died without closing it (no writer holds it
    now, yet its lock file still says "open"). A writer running now is not a sign."""
    try:
        with lock_path_for(vault).open("rb") as handle:
            if not _says_open(handle):
                return False  # the usual case, decided without touching the lock
            if not _try_lock(handle):
                return False  # a writer is at work (the app): it will close cleanly
            try:
                return _says_open(handle)
            finally:
                _unlock(handle)
    except OSError:  # no lock file, or (Windows) its locked byte cannot be read
        return False


def _says_open(handle: IO[bytes]) -> bool:
    handle.seek(0)
    return handle.read(len(OPEN_MARK)) == OPEN_MARK


def _write(handle: IO[bytes], data: bytes) -> None:
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(data)
        handle.flush()
    except OSError:
        pass  # a read-only lock file: the marker is advice, never a reason to fail


class WriterLock:
    def __init__(self, vault: Path) -> None:
        self.vault = vault
        self.path = lock_path_for(vault)
        self._handle: IO[bytes] | None = None
        self.unclean = False  # the last writer before this one did not close cleanly

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, retrying for up to ``wait_s`` seconds, else VaultInUse."""
        if self._handle is not None:
            return
        # Owner-only like every file of the vault (paths.PRIVATE_FILE).
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        handle = os.fdopen(fd, "a+b")
        deadline = time.monotonic() + wait_s
        while True:
            if _try_lock(handle):
                self._handle = handle
                self.unclean = _says_open(handle)
                _write(handle, OPEN_MARK)
                return
            if time.monotonic() >= deadline:
                handle.close()
                raise VaultInUse(
                    _(
                        "the vault %(path)s is open in another Ichigo window or command; "
                        "close it there and try again"
                    )
                    % {"path": self.vault}
                )
            time.sleep(0.05)

    def release(self) -> None:
        if self._handle is None:
            return
        _write(self._handle, b"")  # closed cleanly
        _unlock(self._handle)
        self._handle.close()
        self._handle = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        os.set_inheritable(handle.fileno(), False)
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
