"""Where Ichigo keeps things on disk.

This is the one place that knows about platform directories; tests redirect it by
setting ``ICHIGO_VAULT`` / ``ICHIGO_HOME`` rather than patching callers.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Ichigo"
VAULT_FILENAME = "ichigo.vault"


def data_dir() -> Path:
    """The directory holding the default vault and its backups."""
    override = os.environ.get("ICHIGO_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_vault_path() -> Path:
    """``ICHIGO_VAULT`` if set, else the vault in the platform data directory."""
    override = os.environ.get("ICHIGO_VAULT")
    if override:
        return Path(override).expanduser()
    return data_dir() / VAULT_FILENAME


def resources_dir() -> Path:
    """Templates, stylesheets and icons.

    From a source checkout they live in the top-level ``resources/``; an installed
    wheel carries a copy inside the package (``ichigoapp/_resources``).
    """
    package_dir = Path(__file__).resolve().parent
    bundled = package_dir / "_resources"
    if bundled.is_dir():
        return bundled
    return package_dir.parent / "resources"
