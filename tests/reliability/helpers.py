"""Shared helpers for the reliability tests: subprocess runs, kills, vault checks."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import sqlcipher3

from tests.cli_helpers import REPO, cli_env
from tests.keyrings import FILE_BACKEND, FILE_ENV
from tests.reliability.pause import PAUSED

PASSPHRASE = "reliability passphrase 7Q"
NEW_PASSPHRASE = "a brand new passphrase 9Z"


def env_for(home: Path, passphrase: str | None = PASSPHRASE, **extra: str) -> dict[str, str]:
    env = cli_env(home, passphrase)
    env.update(extra)
    return env


def file_keyring_env(home: Path, keyring_file: Path, **extra: str) -> dict[str, str]:
    env = cli_env(home, None)
    env["PYTHON_KEYRING_BACKEND"] = FILE_BACKEND
    env[FILE_ENV] = str(keyring_file)
    env.update(extra)
    return env


def spawn(args: list[str], env: dict[str, str], cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args,
        env=env,
        cwd=cwd or REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )


def ichigo(*args: str) -> list[str]:
    """The ``ichigo`` command's arguments for ``run`` and ``kill_at``."""
    return ["-m", "ichigoapp", *args]


def kill_at(point: str, args: list[str], env: dict[str, str], timeout_s: float = 120) -> None:
    """Run ``args`` (``[-m ichigoapp ...]`` or ``[-c SCRIPT ...]``) until it stops at
    ``point`` (tests/reliability/pause.py), then SIGKILL it there.

    Fails when the command ends or errs without reaching the point: a kill that does
    not land where the test says is no test at all.
    """
    proc = spawn([sys.executable, "-m", "tests.reliability.pause", point, "--", *args], env)
    assert proc.stderr is not None
    stderr = proc.stderr
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in stderr:
            lines.put(line)
        lines.put(None)  # the command ended

    threading.Thread(target=read, daemon=True).start()
    said: list[str] = []
    try:
        while True:
            try:
                line = lines.get(timeout=timeout_s)
            except queue.Empty:
                raise AssertionError(f"{point} not reached within {timeout_s} s") from None
            if line is None:
                proc.wait()
                raise AssertionError(
                    f"{point} never reached; exit {proc.returncode}: {''.join(said)[-2000:]}"
                )
            if line.rstrip("\n") == f"{PAUSED} {point}":
                return
            said.append(line)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()


def copy_vault(src: Path, dst: Path) -> Path:
    """Copy a closed vault and its meta (not its backups) to ``dst``."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    meta = src.with_name(src.name + ".meta.json")
    if meta.exists():
        shutil.copy2(meta, dst.with_name(dst.name + ".meta.json"))
    return dst


def integrity(path: Path, key: str) -> tuple[list[str], list[str]]:
    """(cipher_integrity_check problems, integrity_check rows) with the raw driver."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = " + '"' + key.replace('"', '""') + '"')
        cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        full = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        return cipher, full
    finally:
        conn.close()


def count(path: Path, key: str, sql: str) -> int:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = " + '"' + key.replace('"', '""') + '"')
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()
