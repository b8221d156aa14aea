"""The vault's safety copies: File > Back up now… and Restore….

A restore never touches the open vault or the backup: it makes a new vault, which
opens in a window of its own when the user asks (``bus.open_vault``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ichigoapp.errors import BadInput, IchigoError
from ichigoapp.store import KeyMode
from ichigoapp.ui import menus
from ichigoapp.ui.dialogs import ask, native
from ichigoapp.ui.dialogs.passphrase import ask_passphrase
from ichigoapp.ui.worker import busy_cursor, call_off_gui_thread

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

VAULT_FILTER = "Ichigo vault (*.vault);;All files (*)"


def _same_file(a: Path, b: Path) -> bool:
    return a.expanduser().absolute() == b.expanduser().absolute()


def _with_vault_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_suffix(".vault")


def _message(exc: OSError | IchigoError) -> str:
    return exc.message if isinstance(exc, IchigoError) else (exc.strerror or str(exc))


class VaultCopies(QObject):
    def __init__(self, parent: QWidget, vault: Vault, bus: EventBus) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.vault = vault
        self.bus = bus
        self.backup_action = menus.action(
            self, "&Back up now…", self.backup_now, status_tip="An encrypted copy of your vault"
        )
        self.restore_action = menus.action(
            self, "&Restore…", self.restore, status_tip="Make a new vault from a backup"
        )
        self.actions: list[QAction] = [self.backup_action, self.restore_action]

    def backup_now(self) -> Path | None:
        stamp = date.today().isoformat()
        suggested = f"{self.vault.path.stem}-backup-{stamp}.vault"
        chosen = native.save_file_name(self.parent_widget, "Back up vault", suggested, VAULT_FILTER)
        if chosen is None:
            return None
        target = _with_vault_suffix(chosen)
        vault = self.vault
        try:
            if _same_file(target, vault.path):
                raise BadInput("that is the vault itself; choose another file for the backup")
            with busy_cursor():
                written = call_off_gui_thread(lambda: vault.backup_to(target))
        except (OSError, IchigoError) as exc:
            ask.error(self.parent_widget, "Backup failed", _message(exc))
            return None
        if vault.key_mode is KeyMode.KEYCHAIN:
            key = (
                "It opens with the same key, kept in this computer's keychain: to restore "
                "it elsewhere, that keychain entry must come along."
            )
        else:
            key = "It opens with the same passphrase as your vault."
        self.bus.status.emit(f"Backed up to {written}")
        ask.inform(
            self.parent_widget,
            "Backup saved",
            f"An encrypted copy of your vault is at\n{written}\n\n{key}",
        )
        return written

    def restore(self) -> Vault | None:
        from ichigoapp.store.restore import restore_vault

        parent = self.parent_widget
        source = native.open_file_name(parent, "Restore from backup", VAULT_FILTER)
        if source is None:
            return None
        if not ask.confirm(
            parent,
            "Restore a backup",
            f"Ichigo will make a new vault from {source.name}. Your current vault "
            f"({self.vault.path.name}) is not touched, and neither is the backup.\n\n"
            "Next, choose where to put the new vault.",
            "Choose…",
        ):
            return None
        target = native.save_file_name(
            parent, "Save the restored vault as", f"{source.stem}-restored.vault", VAULT_FILTER
        )
        if target is None:
            return None
        target = _with_vault_suffix(target)
        try:
            if _same_file(target, self.vault.path) or _same_file(target, source):
                raise BadInput("restore into a new file, not over the vault or the backup")
            with busy_cursor():
                restored = restore_vault(
                    source,
                    target,
                    ask_passphrase=lambda _prompt: ask_passphrase(parent, source, new=False),
                )
        except (OSError, IchigoError) as exc:
            ask.error(parent, "Restore failed", _message(exc))
            return None
        if ask.confirm(
            parent,
            "Backup restored",
            f"The backup is now a new vault at\n{restored.path}\n\nYour current vault was "
            "not changed. Open the restored vault in a new window?",
            "Open it",
        ):
            self.bus.open_vault.emit(restored)
        else:
            restored.close()  # release its lock: it opens later with `ichigo --vault PATH`
            self.bus.status.emit(f"Restored to {restored.path}")
        return restored
