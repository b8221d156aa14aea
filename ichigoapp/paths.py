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


MOVED_VAULT = "vault-moved-to"  # in data_dir(): where a restore put the default vault


def default_vault_path() -> Path:
    """``ICHIGO_VAULT`` if set, else the vault in the platform data directory, or the
    file a restore from a damaged vault put in its place (:func:`remember_vault_moved`)."""
    override = os.environ.get("ICHIGO_VAULT")
    if override:
        return Path(override).expanduser()
    pointer = data_dir() / MOVED_VAULT
    if pointer.is_file():
        moved = Path(pointer.read_text(encoding="utf-8").strip())
        if moved.is_file():
            return moved
    return data_dir() / VAULT_FILENAME


def remember_vault_moved(old: Path, new: Path) -> bool:
    """``old``, the default vault, was replaced by ``new`` (restored from a backup
    beside the damaged file): later starts, app and command line, open ``new`` rather
    than the damaged file. Only a path is written, never anything from the vault."""
    if os.environ.get("ICHIGO_VAULT") or old.absolute() != default_vault_path().absolute():
        return False
    write_private(data_dir() / MOVED_VAULT, str(new.absolute()).encode())
    return True


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


# ---------------------------------------------------------------------- private files
#
# Everything Ichigo writes that can hold personal text (the vault and the files beside
# it, backups, exports, printed cards as PDF) is readable and writable by its owner
# only, from the moment it exists: the mode is given when the file is created, not
# fixed afterwards, so there is no moment in which another account could open it.

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def create_private(path: Path) -> None:
    """Create ``path`` as an empty owner-only file; FileExistsError if it exists.

    For files another library fills in (SQLCipher creates a database in an empty file,
    and gives its WAL and journal the same mode).
    """
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def open_private(path: Path) -> int:
    """Open ``path`` for writing (created owner-only, or emptied and made owner-only if
    it exists, as a leftover of a crash may); returns the descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):  # POSIX; Windows keeps no such modes
            os.fchmod(fd, PRIVATE_FILE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (an owner-only temporary file
    beside it, then a rename): the result is owner-only even if ``path`` was not."""
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=".ichigo-", dir=path.parent)  # mode 0600
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def make_private_dir(path: Path) -> None:
    """Create the folder ``path`` (and missing parents) owner-only; an existing folder is
    left as the user made it."""
    if path.is_dir():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=PRIVATE_DIR, exist_ok=True)


def readable_by_others(path: Path) -> bool:
    """Whether another account may read ``path`` (group or world read bit), on systems
    with POSIX modes; False where there are none (Windows) or the file is gone."""
    if os.name != "posix":
        return False
    try:
        return bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
