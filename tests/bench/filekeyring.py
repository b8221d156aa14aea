"""A bench-only keychain: keys in a JSON file named by ICHIGO_BENCH_KEYRING.

Selected in child processes with ``PYTHON_KEYRING_BACKEND=tests.bench.filekeyring.FileKeyring``
(and the repository root on ``PYTHONPATH``), so the app started by the start-up bench
unlocks the big vault the way it would from the OS keychain, without touching the real one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

ENV = "ICHIGO_BENCH_KEYRING"


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[ENV])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self._path().read_text())
        except FileNotFoundError:
            return {}
        return dict(data)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._path().write_text(json.dumps(data))
