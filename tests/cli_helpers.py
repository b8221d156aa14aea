"""Run the real `ichigo` command in a subprocess, as scripts and users do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def cli_env(home: Path, passphrase: str | None = "test passphrase") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICHIGO_")}
    env["ICHIGO_HOME"] = str(home)
    # No OS keychain in a subprocess test: the passphrase path, deterministically.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO)
    if passphrase is not None:
        env["ICHIGO_PASSPHRASE"] = passphrase
    return env


def python(
    args: list[str], env: dict[str, str] | None, *, timeout: float = 120, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` (this interpreter) in the repository, to its end."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_cli(*args: str, env: dict[str, str], stdin: str = "") -> Result:
    proc = python(["-m", "ichigoapp", *args], env, stdin=stdin)
    return Result(proc.returncode, proc.stdout, proc.stderr)


@contextmanager
def filling(vault_file: Path, env: dict[str, str]) -> Iterator[Session]:
    """A write transaction on a command-line test's passphrase vault, to set the scene."""
    from ichigoapp.store import open_vault

    with (
        open_vault(vault_file, passphrase=env["ICHIGO_PASSPHRASE"]) as vault,
        vault.transaction() as session,
    ):
        yield session
