"""Shared helpers for the reliability tests: subprocess runs, kills, vault checks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlcipher3

from tests.cli_helpers import REPO, cli_env
from tests.keyrings import FILE_BACKEND, FILE_ENV

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
    return [sys.executable, "-m", "ichigoapp", *args]


def run_and_kill(args: list[str], env: dict[str, str], after_s: float) -> bool:
    """Start ``args``; SIGKILL it ``after_s`` seconds later. True if it was still running."""
    proc = spawn(args, env)
    deadline = time.monotonic() + after_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            proc.communicate()
            return False
        time.sleep(0.01)
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    return alive


def timed_run(
    args: list[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.monotonic()
    done = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=300,
                          check=False)  # fmt: skip
    return time.monotonic() - start, done


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
