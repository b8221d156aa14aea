"""A drafted thank-you or follow-up: read it, edit it, open it in the mail program.

The draft comes from ``services/compose.py`` (never a private field, never a note);
the user may change the subject and the body, then open it in their own mail program
(a ``mailto:`` link, through the desktop) or copy it, and mark the thanks sent (to one
person or to the whole meeting) or the promise done. Ichigo itself sends nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import IchigoError
from ichigoapp.services.compose import Draft, followup_draft, mailto_uri, thanks_draft
from ichigoapp.services.reflections import set_promise_done
from ichigoapp.services.thanks import ThanksMarked, mark_thanks_sent, people_to_thank
from ichigoapp.ui.changes import commit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus


def _plain(text: str = "") -> QLabel:
    """A label showing names and addresses from outside exactly as written."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ThanksDialog(QDialog):
    """The draft of a thank-you (``encounter_id``) or of a follow-up (``promise_id``)."""

    # Thanks were marked sent; True when the whole meeting is thanked now.
    thanks_marked = Signal(bool)
    promise_done = Signal(int)

    def __init__(
        self,
        vault: Vault,
        bus: EventBus,
        *,
        encounter_id: int | None = None,
        contact_id: int | None = None,
        promise_id: int | None = None,
        gratitude: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (encounter_id is None) == (promise_id is None):
            raise ValueError("a draft is of thanks for a meeting or of a follow-up on a promise")
        self.vault = vault
        self.bus = bus
        self.encounter_id = encounter_id
        self.promise_id = promise_id
        self.gratitude = gratitude
        self.draft: Draft | None = None
        self._names: dict[int, str] = {}  # contact id -> name, for "Thanks to … sent"
        following_up = promise_id is not None
        self.setWindowTitle(self.tr("Follow up") if following_up else self.tr("Write thanks"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        self.heading = _plain()
        self.heading.setObjectName("dialogHeading")
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Write to"))
        if not following_up:
            form.addRow(self.tr("&Write to:"), self.person)
        self.recipients = _plain()
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("To:"), self.recipients)
        self.subject = QLineEdit()
        self.subject.setAccessibleName(self.tr("Subject"))
        form.addRow(self.tr("&Subject:"), self.subject)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Message"))
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 12)
        form.addRow(self.tr("&Message:"), self.body)
        layout.addLayout(form)
        self.status = _plain()
        self.status.setObjectName("muted")
        self.status.setAccessibleName(self.tr("Draft status"))
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Open in mail program"))
        self.open_button.setAccessibleName(self.tr("Open the draft in the mail program"))
        self.open_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the draft"))
        self.mark_button = QPushButton(
            self.tr("&Mark promise done") if following_up else self.tr("&Mark thanks sent")
        )
        self.mark_button.setAccessibleName(
            self.tr("Mark the promise done") if following_up else self.tr("Mark the thanks sent")
        )
        for action in (self.open_button, self.copy_button, self.mark_button):
            buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(lambda _=False: self.open_in_mail_program())
        self.copy_button.clicked.connect(lambda _=False: self.copy())
        self.mark_button.clicked.connect(lambda _=False: self.mark())
        layout.addWidget(buttons)

        if following_up:
            self._load_draft()
        else:
            self._fill_people(contact_id)
            self.person.currentIndexChanged.connect(lambda _index: self._load_draft())
            self._load_draft()
        self.subject.setFocus()

    # ------------------------------------------------------------------ the draft

    def _fill_people(self, chosen: int | None) -> None:
        assert self.encounter_id is not None
        with self.vault.session() as session:
            people = people_to_thank(session, [self.encounter_id]).get(self.encounter_id, [])
        self.person.blockSignals(True)
        self.person.clear()
        if len(people) != 1:
            self.person.addItem(self.tr("Everyone at this meeting"), None)
        self._names = {p.contact_id: p.name for p in people}
        for p in people:
            shown = self.tr("{name} (thanked)").format(name=p.name) if p.thanked else p.name
            self.person.addItem(shown, p.contact_id)
        index = self.person.findData(chosen) if chosen is not None else 0
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)

    @property
    def contact_id(self) -> int | None:
        """The one person written to, or None for the whole meeting."""
        if self.promise_id is not None:
            return None
        data = self.person.currentData()
        return int(data) if data is not None else None

    def _build(self, session: Session) -> tuple[Draft, str]:
        if self.promise_id is not None:
            draft = followup_draft(session, self.promise_id)
            return draft, self.tr("Follow up on a promise you made")
        assert self.encounter_id is not None
        draft = thanks_draft(session, self.encounter_id, self.contact_id, gratitude=self.gratitude)
        return draft, self.tr("Thank you, drafted from what you were grateful for")

    def _load_draft(self) -> None:
        try:
            with self.vault.session() as session:
                draft, heading = self._build(session)
        except IchigoError as exc:
            self.draft = None
            self.heading.setText(self.tr("Nothing to draft yet"))
            self.recipients.clear()
            self.subject.clear()
            self.body.clear()
            self.status.setText(exc.message)
        else:
            self.draft = draft
            self.heading.setText(heading)
            self.recipients.setText(", ".join(f"{r.name} <{r.email}>" for r in draft.recipients))
            self.subject.setText(draft.subject)
            self.body.setPlainText(draft.body)
            missing = ", ".join(draft.left_out)
            self.status.setText(
                self.tr("No e-mail address known for {names}.").format(names=missing)
                if missing
                else ""
            )
        for widget in (self.open_button, self.copy_button, self.subject, self.body):
            widget.setEnabled(self.draft is not None)

    # ------------------------------------------------------------------ actions

    def mailto(self) -> str:
        """The ``mailto:`` link of the draft as edited."""
        to = self.draft.to if self.draft is not None else []
        return mailto_uri(to, self.subject.text().strip(), self.body.toPlainText())

    def open_in_mail_program(self) -> bool:
        if self.draft is None:
            return False
        url = QUrl.fromEncoded(self.mailto().encode("ascii"))
        if not QDesktopServices.openUrl(url):
            self.status.setText(
                self.tr("No mail program opened the draft: copy it into a new message instead.")
            )
            return False
        self.status.setText(self.tr("Opened in your mail program. Mark it sent once it has gone."))
        return True

    def text(self) -> str:
        """The draft as edited, as plain text with its recipients and subject."""
        to = ", ".join(self.draft.to) if self.draft is not None else ""
        return self.tr("To: {to}\nSubject: {subject}\n\n{body}").format(
            to=to, subject=self.subject.text().strip(), body=self.body.toPlainText()
        )

    def copy(self) -> None:
        if self.draft is None:
            return
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Copied. Paste it into a new message."))

    def mark(self) -> bool:
        if self.promise_id is not None:
            return self._mark_done(self.promise_id)
        assert self.encounter_id is not None
        encounter_id, contact_id = self.encounter_id, self.contact_id
        marked: list[ThanksMarked] = []

        def change(session: Session) -> None:
            marked.append(mark_thanks_sent(session, encounter_id, contact_id))

        if not commit(self, self.vault, self.bus, self.tr("mark the thanks sent"), change):
            return False
        everyone = marked[0].everyone
        self.bus.status.emit(self.tr("Thanks marked as sent"))
        self._fill_people(contact_id)
        self.status.setText(
            self.tr("Thanks to {name} marked as sent.").format(name=self._names[contact_id])
            if contact_id is not None
            else self.tr("Thanks to everyone marked as sent.")
        )
        self.thanks_marked.emit(everyone)
        return True

    def _mark_done(self, promise_id: int) -> bool:
        if not commit(
            self,
            self.vault,
            self.bus,
            self.tr("mark the promise done"),
            lambda s: set_promise_done(s, promise_id, True),
        ):
            return False
        self.bus.status.emit(self.tr("Promise marked done"))
        self.status.setText(self.tr("Promise marked done."))
        self.mark_button.setEnabled(False)
        self.promise_done.emit(promise_id)
        return True


def open_thanks_dialog(
    parent: QWidget,
    vault: Vault,
    bus: EventBus,
    encounter_id: int,
    contact_id: int | None = None,
    gratitude: str | None = None,
) -> ThanksDialog:
    """Show the thank-you draft for a meeting (or one person of it), without blocking."""
    dialog = ThanksDialog(
        vault,
        bus,
        encounter_id=encounter_id,
        contact_id=contact_id,
        gratitude=gratitude,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_followup_dialog(
    parent: QWidget, vault: Vault, bus: EventBus, promise_id: int
) -> ThanksDialog:
    """Show the follow-up draft for a promise the user made, without blocking."""
    dialog = ThanksDialog(vault, bus, promise_id=promise_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
