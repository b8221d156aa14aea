"""The command line's tests: a private data directory and a fresh passphrase vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import cli_env, run_cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path / "home")


@pytest.fixture
def vault_file(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "v.ichigo"
    result = run_cli("--vault", str(path), "init", env=env)
    assert result.code == 0, result.err
    return path
