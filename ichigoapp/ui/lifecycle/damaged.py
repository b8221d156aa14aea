"""A damaged vault: say so plainly and offer to restore the newest good backup.

The damaged file is never touched, deleted or replaced: the backup is restored into a new
file beside it (``NAME-restored.vault``), which is then opened.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ichigoapp.errors import IchigoError, VaultCorrupt
from ichigoapp.paths import remember_vault_moved
from ichigoapp.store import Vault
from ichigoapp.store.recovery import restore_target_for
from ichigoapp.store.restore import restore_vault
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.dialogs.passphrase import ask_passphrase

RESTORE_LABEL = "Restore from backup…"


def choose_restore(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """Ask whether to restore; the safe default is not to. (Tests replace this.)"""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setInformativeText(details)
    restore = box.addButton(RESTORE_LABEL, QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(path: Path, exc: VaultCorrupt, parent: QWidget | None = None) -> Vault | None:
    """Explain the damage; if the user agrees, restore ``exc.backup`` beside ``path``."""
    backup = exc.backup
    if backup is None:
        ask.error(parent, "The vault is damaged", exc.message)
        return None
    when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    target = restore_target_for(path)
    if not choose_restore(
        parent,
        "The vault is damaged",
        f"{path.name} is damaged and cannot be opened. It was left untouched.",
        f"The newest good automatic backup is from {when} ({backup.name}). Restore it "
        f"into a new file, {target.name}, beside the damaged one, and open that?",
    ):
        return None

    def passphrase_of_backup(_prompt: str) -> str | None:
        return ask_passphrase(parent, backup, new=False)

    try:
        vault = restore_vault(backup, target, ask_passphrase=passphrase_of_backup)
    except IchigoError as err:
        ask.error(parent, "Cannot restore the backup", err.message)
        return None
    # The next start opens the restored vault, not the damaged file again.
    remember_vault_moved(path, target)
    ask.inform(
        parent,
        "Backup restored",
        f"Restored into {target}. The damaged file is still at {path}; keep it until you "
        "are sure nothing is missing. Ichigo opens the restored vault from now on.",
    )
    return vault
