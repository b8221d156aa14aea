"""A damaged vault: say so plainly and offer to restore the newest good backup.

The damaged file is never touched, deleted or replaced: the backup is restored into a new
file beside it (``NAME-restored.vault``), which is then opened.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from ichigoapp.errors import IchigoError, VaultCorrupt
from ichigoapp.paths import remember_vault_moved
from ichigoapp.store import Vault
from ichigoapp.store.recovery import restore_target_for
from ichigoapp.store.restore import restore_vault
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.dialogs.passphrase import ask_passphrase
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP

RESTORE_LABEL = QT_TRANSLATE_NOOP("damaged", "Restore from backup…")


def _tr(text: str) -> str:
    return QCoreApplication.translate("damaged", text)


def choose_restore(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """Ask whether to restore; the safe default is not to. (Tests replace this.)"""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setInformativeText(details)
    restore = box.addButton(_tr(RESTORE_LABEL), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(path: Path, exc: VaultCorrupt, parent: QWidget | None = None) -> Vault | None:
    """Explain the damage; if the user agrees, restore ``exc.backup`` beside ``path``."""
    backup = exc.backup
    if backup is None:
        ask.error(
            parent, QCoreApplication.translate("damaged", "The vault is damaged"), exc.message
        )
        return None
    stamp = datetime.fromtimestamp(backup.stat().st_mtime)
    when = QLocale().toString(
        QDateTime.fromSecsSinceEpoch(int(stamp.timestamp())), QLocale.FormatType.ShortFormat
    )
    target = restore_target_for(path)
    if not choose_restore(
        parent,
        QCoreApplication.translate("damaged", "The vault is damaged"),
        QCoreApplication.translate(
            "damaged", "{file} is damaged and cannot be opened. It was left untouched."
        ).format(file=path.name),
        QCoreApplication.translate(
            "damaged",
            "The newest good automatic backup is from {when} ({backup}). Restore it into a "
            "new file, {target}, beside the damaged one, and open that?",
        ).format(when=when, backup=backup.name, target=target.name),
    ):
        return None

    def passphrase_of_backup(_prompt: str) -> str | None:
        return ask_passphrase(parent, backup, new=False)

    try:
        vault = restore_vault(backup, target, ask_passphrase=passphrase_of_backup)
    except IchigoError as err:
        ask.error(
            parent, QCoreApplication.translate("damaged", "Cannot restore the backup"), err.message
        )
        return None
    # The next start opens the restored vault, not the damaged file again.
    remember_vault_moved(path, target)
    ask.inform(
        parent,
        QCoreApplication.translate("damaged", "Backup restored"),
        QCoreApplication.translate(
            "damaged",
            "Restored into {target}. The damaged file is still at {path}; keep it until you "
            "are sure nothing is missing. Ichigo opens the restored vault from now on.",
        ).format(target=target, path=path),
    )
    return vault
