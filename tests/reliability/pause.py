"""Run a command that stops at a named point, so that a test kills it exactly there.

    python -m tests.reliability.pause POINT -- -m ichigoapp ARGS...   the ichigo command
    python -m tests.reliability.pause POINT -- -c SCRIPT ARGS...      a script

When the command reaches POINT it writes ``PAUSED POINT`` to stderr and reads a line
from stdin that never comes: the test (``helpers.kill_at``) kills it while it waits.
Nothing of Ichigo's is replaced; the points only watch:

* ``STATEMENT:REGEX`` just after the first SQL statement matching REGEX ran (inside its
  transaction, before the commit);
* ``COMMIT:REGEX`` just before the commit of the transaction that ran such a statement;
* ``COMMITTED:REGEX`` just after that commit; both also take ``CALL:MODULE:NAME``
  instead of a regex: the first commit after that call (work on the raw driver);
* ``CALL:MODULE:NAME`` just before the first call of a function or method (``#N``: the
  N-th call; ``@TEXT``: the first call given TEXT as a positional argument).

So a kill lands where it is meant to on any machine, however fast the command runs.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Callable
from typing import Any

PAUSED = "PAUSED"


def pause(point: str) -> None:
    sys.stderr.write(f"{PAUSED} {point}\n")
    sys.stderr.flush()
    sys.stdin.readline()  # the test kills the process while it waits here
    os._exit(99)  # stdin closed without a kill: never carry on past the point


def _watch_sql(kind: str, trigger: str, point: str) -> None:
    """``trigger``: a regex of a statement run through SQLAlchemy, or ``CALL:MODULE:NAME``
    for work done on the raw driver (the calendar import's bulk inserts): the commit
    watched is the first one after that call."""
    from sqlalchemy import event
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

    ran: set[int] = set()  # connections whose transaction ran a matching statement
    called: list[bool] = []
    committing: list[bool] = []
    if trigger.startswith("CALL:"):
        _watch_call(trigger.removeprefix("CALL:"), lambda: called.append(True))
        pattern = None
    else:
        pattern = re.compile(trigger)

    def after_execute(conn: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        if pattern is not None and pattern.search(statement):
            if kind == "STATEMENT":
                pause(point)
            ran.add(id(conn))

    def before_commit(conn: Connection) -> None:
        if id(conn) in ran or (called and not committing):
            ran.discard(id(conn))
            if kind == "COMMIT":
                pause(point)
            committing.append(True)

    def after_commit(_session: Session) -> None:
        if committing:
            pause(point)

    event.listen(Engine, "after_cursor_execute", after_execute)
    event.listen(Engine, "commit", before_commit)
    event.listen(Session, "after_commit", after_commit)


def _watch_call(target: str, reached: Callable[[], None]) -> None:
    nth, wanted = 1, None
    if "#" in target:
        target, count = target.split("#")
        nth = int(count)
    if "@" in target:
        target, wanted = target.split("@")
    module_name, _, qualname = target.partition(":")
    owner: Any = importlib.import_module(module_name)
    *parents, name = qualname.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    real = getattr(owner, name)
    seen = 0

    @functools.wraps(real)
    def watched(*args: Any, **kwargs: Any) -> Any:
        nonlocal seen
        if wanted is None or wanted in [a for a in args if isinstance(a, str)]:
            seen += 1
            if seen == nth:
                reached()
        return real(*args, **kwargs)

    setattr(owner, name, watched)


def watch(point: str) -> None:
    kind, _, target = point.partition(":")
    if kind in ("STATEMENT", "COMMIT", "COMMITTED"):
        _watch_sql(kind, target, point)
    elif kind == "CALL":
        _watch_call(target, lambda: pause(point))
    else:
        raise SystemExit(f"unknown pause point {point!r}")


def main(argv: list[str]) -> int:
    point, separator, how, *rest = argv
    assert separator == "--", "usage: pause POINT -- (-m ichigoapp | -c SCRIPT) ARGS..."
    watch(point)
    if how == "-m":
        module, *args = rest
        assert module == "ichigoapp"
        from ichigoapp.cli import main as ichigo

        return ichigo(args)
    assert how == "-c"
    script, *args = rest
    sys.argv = ["-c", *args]  # as `python -c SCRIPT ARGS` would set it
    exec(compile(script, "<script>", "exec"), {"__name__": "__main__"})  # noqa: S102
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
