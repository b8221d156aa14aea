"""One writer per vault: an advisory lock on a file beside it.

The OS drops the lock when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

from ichigoapp.errors import VaultInUse


def lock_path_for(vault: Path) -> Path:
    return vault.with_name(vault.name + ".lock")


class WriterLock:
    def __init__(self, vault: Path) -> None:
        self.vault = vault
        self.path = lock_path_for(vault)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, retrying for up to ``wait_s`` seconds, else VaultInUse."""
        if self._handle is not None:
            return
        handle = self.path.open("a+b")
        deadline = time.monotonic() + wait_s
        while True:
            if _try_lock(handle):
                self._handle = handle
                return
            if time.monotonic() >= deadline:
                handle.close()
                raise VaultInUse(
                    f"the vault {self.vault} is open in another Ichigo window or command; "
                    "close it there and try again"
                )
            time.sleep(0.05)

    def release(self) -> None:
        if self._handle is None:
            return
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
