"""Keychains for tests, so that no test touches the developer's own.

``MemoryKeyring`` is what every test gets (the autouse fixture in conftest.py);
``LockedKeyring`` refuses every request; ``PlaintextKeyring`` stands for a keychain
that stores in clear; ``FileKeyring`` keeps keys in a JSON file and is for other
processes: select it with ``PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring``,
``ICHIGO_TEST_KEYRING=FILE`` and the repository on ``PYTHONPATH`` (the reliability
tests and the start-up bench do).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

FILE_ENV = "ICHIGO_TEST_KEYRING"
FILE_BACKEND = "tests.keyrings.FileKeyring"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keychain that forgets everything when the test ends."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class LockedKeyring(keyring.backend.KeyringBackend):
    """A keychain that exists but refuses every request (a locked login keychain)."""

    priority = 10  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


class FileKeyring(keyring.backend.KeyringBackend):
    """Keys in the JSON file named by ``ICHIGO_TEST_KEYRING``. Each write replaces the
    file whole (rename), so a killed process leaves the old or the new content, as a
    real keychain would."""

    priority = 10  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return dict(json.loads(path.read_text())) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        tmp = self._path().with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(self._path())

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._save(data)


PLAINTEXT_ENV = "ICHIGO_TEST_PLAINTEXT_KEYRING"
PLAINTEXT_BACKEND = "tests.keyrings.PlaintextKeyring"


class PlaintextKeyring(FileKeyring):
    """A keychain that keeps secrets in a plain file (``ICHIGO_TEST_PLAINTEXT_KEYRING``),
    marked as keyrings.alt marks its own: the class name and the scheme "no encyption"
    (sic). Users meet keyrings.alt where it is installed beside keyring; installing it
    here would make every keyring in the developer's venv a chain that ends in it."""

    priority = 1  # type: ignore[assignment]
    scheme = "no encyption"

    def _path(self) -> Path:
        return Path(os.environ[PLAINTEXT_ENV])

    @property
    def file_path(self) -> str:
        return str(self._path())
