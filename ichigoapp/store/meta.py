"""The small, non-secret file beside a vault: which key mode it uses and its id.

It never holds a key or passphrase; it tells the app how to ask for one.

``key_generation`` counts key changes (``ichigo passwd``): each new keychain key lives
under its own entry name. ``retired_keys`` lists the earlier keychain generations whose
entries are still kept because automatic backups in the backup folder were made with
them; an entry is removed once the last such backup has been rotated out
(``rekey.release_retired_keys``), so a backup made before a key change still restores.

``pending`` records a key change in progress (mode and generation of the new key): if
the process dies between ``PRAGMA rekey`` and the final meta write, the next unlock
knows to try the new key as well (see ``store/rekey.py``).

Beside it, ``NAME.checked.json`` notes the last check of every page (time, result).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ichigoapp.errors import VaultError
from ichigoapp.i18n import _
from ichigoapp.paths import open_private, write_private
from ichigoapp.store.keys import KeyMode

META_FORMAT = 1


def meta_path_for(vault: Path) -> Path:
    return vault.with_name(vault.name + ".meta.json")


def _entry_name(vault_id: str, generation: int) -> str:
    return f"vault-{vault_id}" if generation == 0 else f"vault-{vault_id}-k{generation}"


@dataclass(frozen=True)
class PendingKey:
    """The key a change in progress is switching to."""

    key_mode: KeyMode
    key_generation: int


@dataclass(frozen=True)
class VaultMeta:
    vault_id: str
    key_mode: KeyMode
    key_generation: int = 0
    pending: PendingKey | None = None
    retired_keys: tuple[int, ...] = ()

    @classmethod
    def new(cls, key_mode: KeyMode) -> VaultMeta:
        return cls(vault_id=str(uuid.uuid4()), key_mode=key_mode)

    @property
    def keyring_entry(self) -> str:
        return _entry_name(self.vault_id, self.key_generation)

    def pending_meta(self) -> VaultMeta | None:
        """What this meta becomes once the pending key change is complete."""
        if self.pending is None:
            return None
        return replace(
            self,
            key_mode=self.pending.key_mode,
            key_generation=self.pending.key_generation,
            pending=None,
        )

    def settled(self) -> VaultMeta:
        """This meta without a pending change."""
        return replace(self, pending=None)

    def for_backup(self) -> VaultMeta:
        """What a backup carries: the key it was made with (mode and generation)."""
        return replace(self, pending=None, retired_keys=())

    def entry_for(self, generation: int) -> str:
        """The keychain entry of this vault's key of ``generation``."""
        return _entry_name(self.vault_id, generation)

    def write(self, vault: Path) -> None:
        target = meta_path_for(vault)
        tmp = target.with_name(target.name + ".tmp")
        payload: dict[str, object] = {
            "format": META_FORMAT,
            "vault_id": self.vault_id,
            "key_mode": self.key_mode.value,
        }
        if self.key_generation:
            payload["key_generation"] = self.key_generation
        if self.pending is not None:
            payload["pending"] = {
                "key_mode": self.pending.key_mode.value,
                "key_generation": self.pending.key_generation,
            }
        if self.retired_keys:
            payload["retired_keys"] = list(self.retired_keys)
        # fsync before the rename: after a crash the meta is the old one or the new one,
        # never an empty file (the key-change protocol depends on it).
        with os.fdopen(open_private(tmp), "w", encoding="utf-8") as handle:
            handle.write(json.dumps(payload, indent=2) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
        _fsync_dir(target.parent)

    @classmethod
    def read(cls, vault: Path) -> VaultMeta | None:
        path = meta_path_for(vault)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            pending = None
            if data.get("pending"):
                pending = PendingKey(
                    KeyMode(data["pending"]["key_mode"]),
                    int(data["pending"]["key_generation"]),
                )
            return cls(
                vault_id=str(data["vault_id"]),
                key_mode=KeyMode(data["key_mode"]),
                key_generation=int(data.get("key_generation", 0)),
                pending=pending,
                retired_keys=tuple(int(g) for g in data.get("retired_keys", ())),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(
                _("the key-mode file {path} is damaged ({problem})").format(path=path, problem=exc)
            ) from None


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ------------------------------------------------------------- the last full check

CHECK_SUFFIX = ".checked.json"


def check_path_for(vault: Path) -> Path:
    return vault.with_name(vault.name + CHECK_SUFFIX)


@dataclass(frozen=True)
class CheckRecord:
    """When every page of the vault was last checked, and whether it passed."""

    at: datetime
    ok: bool


def record_check(vault: Path, ok: bool, at: datetime | None = None) -> None:
    """Note a full check of ``vault`` beside it (``ichigo security`` reports it). Advice
    only: a folder that cannot be written is no reason to fail the check itself."""
    when = (at or datetime.now(UTC)).astimezone(UTC)
    payload = {"format": META_FORMAT, "checked": when.isoformat(timespec="seconds"), "ok": ok}
    with contextlib.suppress(OSError):
        write_private(check_path_for(vault), (json.dumps(payload) + "\n").encode("utf-8"))


def last_check(vault: Path) -> CheckRecord | None:
    """The last full check recorded for ``vault``; None if none (or unreadable)."""
    try:
        data = json.loads(check_path_for(vault).read_text(encoding="utf-8"))
        return CheckRecord(datetime.fromisoformat(str(data["checked"])), bool(data["ok"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
