"""The small, non-secret file beside a vault: which key mode it uses and its id.

It never holds a key or passphrase; it tells the app how to ask for one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ichigoapp.errors import VaultError
from ichigoapp.store.keys import KeyMode

META_FORMAT = 1


def meta_path_for(vault: Path) -> Path:
    return vault.with_name(vault.name + ".meta.json")


@dataclass(frozen=True)
class VaultMeta:
    vault_id: str
    key_mode: KeyMode

    @classmethod
    def new(cls, key_mode: KeyMode) -> VaultMeta:
        return cls(vault_id=str(uuid.uuid4()), key_mode=key_mode)

    @property
    def keyring_entry(self) -> str:
        return f"vault-{self.vault_id}"

    def write(self, vault: Path) -> None:
        target = meta_path_for(vault)
        tmp = target.with_name(target.name + ".tmp")
        payload = {"format": META_FORMAT, "vault_id": self.vault_id, "key_mode": self.key_mode}
        tmp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        tmp.replace(target)

    @classmethod
    def read(cls, vault: Path) -> VaultMeta | None:
        path = meta_path_for(vault)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(vault_id=str(data["vault_id"]), key_mode=KeyMode(data["key_mode"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(f"the key-mode file {path} is damaged ({exc})") from None
