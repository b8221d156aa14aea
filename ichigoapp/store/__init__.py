"""The vault: SQLCipher engine, keys, migrations, backups. No Qt."""

from ichigoapp.store.keys import KeyMode, Secret
from ichigoapp.store.vault import Vault, create_vault, open_vault

__all__ = ["KeyMode", "Secret", "Vault", "create_vault", "open_vault"]
