"""``ichigo security``: what protects the vault, and what weakens it, as one report.

The store reads the vault's own facts (``store/audit.py``); this adds the vault's
settings (auto-lock) and gives the report the shape of the command-line contract:
``{"vault", "key_mode", "kdf": {...}, "cipher", "sqlcipher", "last_check",
"autolock_minutes", "backups": [...], "weaknesses": [{"code", "message"}]}``.
"""

from __future__ import annotations

from typing import Any

from ichigoapp.i18n import _
from ichigoapp.services.settings import read_setting
from ichigoapp.store import Vault
from ichigoapp.store.audit import Weakness, audit_vault

AUTOLOCK_SETTING = "autolock_minutes"


def autolock_minutes(vault: Vault) -> int | None:
    """The vault's auto-lock time in minutes (0: off); None when the vault sets none."""
    with vault.session() as session:
        stored = read_setting(session, AUTOLOCK_SETTING)
    try:
        return max(0, int(stored)) if stored is not None else None
    except ValueError:
        return None


def security_report(vault: Vault) -> dict[str, Any]:
    """The report for an open vault (tries each backup's key: a second or so)."""
    audit = audit_vault(vault)
    minutes = autolock_minutes(vault)
    weaknesses = list(audit.weaknesses)
    if minutes == 0:
        weaknesses.append(
            Weakness(
                "autolock_off",
                _(
                    "auto-lock is off: an unattended, unlocked app shows your notes to "
                    "anyone at the screen; set a time under Settings"
                ),
            )
        )
    check = audit.last_check
    return {
        "vault": str(audit.path),
        "key_mode": audit.key_mode.value,
        "kdf": audit.kdf,
        "cipher": audit.cipher,
        "sqlcipher": audit.sqlcipher,
        "last_check": None
        if check is None
        else {"at": check.at.isoformat(timespec="seconds"), "ok": check.ok},
        "autolock_minutes": minutes,
        "backups": [
            {
                "path": str(b.path),
                "made": b.made.isoformat(timespec="seconds"),
                "key_mode": b.key_mode.value if b.key_mode is not None else None,
                "key_generation": b.key_generation,
                "key": b.key,
                "opens": b.opens,
            }
            for b in audit.backups
        ],
        "weaknesses": [{"code": w.code, "message": w.message} for w in weaknesses],
    }
