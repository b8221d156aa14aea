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
            self,
            self.tr("&Back up now…"),
            self.backup_now,
            status_tip=self.tr("An encrypted copy of your vault"),
        )
        self.restore_action = menus.action(
            self,
            self.tr("&Restore…"),
            self.restore,
            status_tip=self.tr("Make a new vault from a backup"),
        )
        self.actions: list[QAction] = [self.backup_action, self.restore_action]

    def _filter(self) -> str:
        return ";;".join((self.tr("Ichigo vault") + " (*.vault)", self.tr("All files") + " (*)"))

    def backup_now(self) -> Path | None:
        stamp = date.today().isoformat()
        suggested = f"{self.vault.path.stem}-backup-{stamp}.vault"
        chosen = native.save_file_name(
            self.parent_widget, self.tr("Back up vault"), suggested, self._filter()
        )
        if chosen is None:
            return None
        target = _with_vault_suffix(chosen)
        vault = self.vault
        try:
            if _same_file(target, vault.path):
                raise BadInput(
                    self.tr("That is the vault itself; choose another file for the backup.")
                )
            with busy_cursor():
                written = call_off_gui_thread(lambda: vault.backup_to(target))
        except (OSError, IchigoError) as exc:
            ask.error(self.parent_widget, self.tr("Backup failed"), _message(exc))
            return None
        if vault.key_mode is KeyMode.KEYCHAIN:
            key = self.tr(
                "It opens with the same key, kept in this computer's keychain: to restore "
                "it elsewhere, that keychain entry must come along."
            )
        else:
            key = self.tr("It opens with the same passphrase as your vault.")
        self.bus.status.emit(self.tr("Backed up to {path}").format(path=written))
        ask.inform(
            self.parent_widget,
            self.tr("Backup saved"),
            self.tr("An encrypted copy of your vault is at\n{path}\n\n{key}").format(
                path=written, key=key
            ),
        )
        return written

    def restore(self) -> Vault | None:
        from ichigoapp.store.restore import restore_vault

        parent = self.parent_widget
        source = native.open_file_name(parent, self.tr("Restore from backup"), self._filter())
        if source is None:
            return None
        if not ask.confirm(
            parent,
            self.tr("Restore a backup"),
            self.tr(
                "Ichigo will make a new vault from {backup}. Your current vault ({vault}) is "
                "not touched, and neither is the backup.\n\nNext, choose where to put the "
                "new vault."
            ).format(backup=source.name, vault=self.vault.path.name),
            self.tr("Choose…"),
        ):
            return None
        target = native.save_file_name(
            parent,
            self.tr("Save the restored vault as"),
            f"{source.stem}-restored.vault",  # i18n: not translated (a file name)
            self._filter(),
        )
        if target is None:
            return None
        target = _with_vault_suffix(target)
        try:
            if _same_file(target, self.vault.path) or _same_file(target, source):
                raise BadInput(
                    self.tr("Restore into a new file, not over the vault or the backup.")
                )
            with busy_cursor():
                restored = restore_vault(
                    source,
                    target,
                    ask_passphrase=lambda _prompt: ask_passphrase(parent, source, new=False),
                )
        except (OSError, IchigoError) as exc:
            ask.error(parent, self.tr("Restore failed"), _message(exc))
            return None
        if ask.confirm(
            parent,
            self.tr("Backup restored"),
            self.tr(
                "The backup is now a new vault at\n{path}\n\nYour current vault was not "
                "changed. Open the restored vault in a new window?"
            ).format(path=restored.path),
            self.tr("Open it"),
        ):
            self.bus.open_vault.emit(restored)
        else:
            restored.close()  # release its lock: it opens later with `ichigo --vault PATH`
            self.bus.status.emit(self.tr("Restored to {path}").format(path=restored.path))
        return restored
