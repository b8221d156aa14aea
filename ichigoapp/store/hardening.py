"""The process that holds a vault key: no core dumps.

A core dump is a copy of the process's memory written to disk when it crashes: the
vault key, a typed passphrase and any decrypted note would land in a plain file
(``core``, or systemd-coredump's store) that outlives the process. The command line
turns dumps off as it starts (``cli.main``), and so does every ``Secret`` made in any
process (the app's unlock included), before it holds a key.

``RLIMIT_CORE`` is set to 0 for both the soft and the hard limit, so nothing later in
the process (a plugin, a library) can raise it again. Where the platform has no such
limit (Windows), nothing is done and ``core_dumps_allowed`` says it is unknown.
"""

from __future__ import annotations

import threading

_done = threading.Event()


def disable_core_dumps() -> bool:
    """Forbid core dumps of this process; True once they are off (idempotent)."""
    if _done.is_set():
        return True
    try:
        import resource
    except ImportError:  # not a POSIX system
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        return False
    _done.set()
    return True


def core_dumps_allowed() -> bool | None:
    """Whether this process could still write a core dump; None where unknown."""
    try:
        import resource
    except ImportError:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_CORE)
    return soft != 0
