"""The vault: SQLCipher engine, keys, migrations, backups. No Qt.

``Vault``, ``create_vault`` and ``open_vault`` load on first use (PEP 562): the app
unlocks a keychain vault and paints its window before SQLAlchemy is imported
(``store/keycheck.py``), and importing ``ichigoapp.store.keys`` must not pull it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ichigoapp.store.keys import KeyMode, Secret

if TYPE_CHECKING:
    from ichigoapp.store.vault import Vault, create_vault, open_vault

__all__ = ["KeyMode", "Secret", "Vault", "create_vault", "open_vault"]

_FROM_VAULT = frozenset({"Vault", "create_vault", "open_vault"})


def __getattr__(name: str) -> Any:
    if name in _FROM_VAULT:
        from ichigoapp.store import vault

        return getattr(vault, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
