"""The passphrase of a vault: asked to unlock it, or chosen (twice) for a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.store.strength import rate_passphrase

MIN_PASSPHRASE = 8


class PassphraseDialog(QDialog):
    """Ask for the vault passphrase; for a new vault, twice, with a plain warning."""

    def __init__(
        self, parent: QWidget | None, vault_path: Path, *, new: bool, message: str = ""
    ) -> None:
        super().__init__(parent)
        self.new = new
        self.vault_path = vault_path
        self.setWindowTitle(
            self.tr("Create your Ichigo vault") if new else self.tr("Unlock Ichigo")
        )
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        if new:
            intro = self.tr(
                "No system keychain is available, so your vault will be protected by a "
                "passphrase. Choose one you will remember."
            )
        else:
            intro = self.tr("Enter the passphrase for {vault}.").format(vault=vault_path.name)
        heading = QLabel(intro)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        form = QFormLayout()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        self.confirm_edit: QLineEdit | None = None
        if new:
            self.confirm_edit = QLineEdit()
            self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.confirm_edit.setAccessibleName(self.tr("Confirm passphrase"))
            form.addRow(self.tr("&Confirm:"), self.confirm_edit)
            # How long an attacker with the file would need (zxcvbn), as it is typed.
            self.strength_label = QLabel()
            self.strength_label.setObjectName("muted")
            self.strength_label.setTextFormat(Qt.TextFormat.PlainText)
            self.strength_label.setAccessibleName(self.tr("Passphrase strength"))
            form.addRow(self.tr("Strength:"), self.strength_label)
            self.passphrase_edit.textChanged.connect(self._rate)
        layout.addLayout(form)
        self.weak_ok = QCheckBox(self.tr("Use this weak passphrase anyway"))
        self.weak_ok.setVisible(False)

        if new:
            warning = QLabel(
                self.tr(
                    "<b>A lost passphrase cannot be recovered.</b> Nobody, including Ichigo's "
                    "authors, can open the vault without it. Write it down somewhere safe."
                )
            )
            warning.setWordWrap(True)
            warning.setAccessibleName(self.tr("Warning"))
            layout.addWidget(warning)

        self.error_label = QLabel(message)
        self.error_label.setObjectName("overdue")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.setVisible(bool(message))
        layout.addWidget(self.error_label)
        layout.addWidget(self.weak_ok)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText(self.tr("Create vault") if new else self.tr("Unlock"))
        self.ok_button = ok
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase_edit.setFocus()

    def _rate(self, text: str) -> None:
        if not text:
            self.strength_label.setText("")
            return
        rating = rate_passphrase(text, [self.vault_path.stem])
        self.strength_label.setText(
            self.tr("{rating}: guessed in {time}").format(
                rating=rating.rating_words(), time=rating.crack_time_words()
            )
        )
        self.weak_ok.setChecked(False)  # a confirmation was for the passphrase it saw

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def accept(self) -> None:
        text = self.passphrase_edit.text()
        if not text:
            self.show_error(self.tr("Please enter a passphrase."))
            return
        if self.new:
            assert self.confirm_edit is not None
            if len(text) < MIN_PASSPHRASE:
                self.show_error(self.tr("Use at least %n character(s).", "", MIN_PASSPHRASE))
                return
            if text != self.confirm_edit.text():
                self.show_error(self.tr("The two passphrases do not match."))
                self.confirm_edit.clear()
                self.confirm_edit.setFocus()
                return
            rating = rate_passphrase(text, [self.vault_path.stem])
            if rating.weak and not self.weak_ok.isChecked():
                # Anyone with the vault file can try passphrases as fast as they like.
                # The advice (zxcvbn's warning and hints included) is in the user's language.
                self.show_error(
                    self.tr("This passphrase is {advice}").format(advice=rating.advice())
                )
                self.weak_ok.setVisible(True)
                return
        super().accept()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()


def ask_passphrase(
    parent: QWidget | None, vault_path: Path, *, new: bool, message: str = ""
) -> str | None:
    dialog = PassphraseDialog(parent, vault_path, new=new, message=message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
