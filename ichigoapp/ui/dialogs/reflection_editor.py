"""After a meeting: what I learned, what went well, what to do better, gratitude,
notes for next time, and the promises made on both sides."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.drafts import Draft
from ichigoapp.services.lists import encounter_detail, promise_rows
from ichigoapp.services.reflections import (
    PromiseDirection,
    ReflectionInput,
    add_promise,
    reflect,
    reflection_of,
)
from ichigoapp.services.thanks import everyone_thanked
from ichigoapp.ui import fmt
from ichigoapp.ui.changes import commit
from ichigoapp.ui.dialogs.thanks import ThanksDialog, open_thanks_dialog

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

_NO_DATE = QDate(1900, 1, 1)


def _text(placeholder: str, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
    return edit


class ReflectionEditor(QDialog):
    def __init__(
        self, vault: Vault, bus: EventBus, encounter_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.encounter_id = encounter_id
        self.pending: list[tuple[PromiseDirection, str, int | None, date | None]] = []
        with vault.session() as session:
            detail = encounter_detail(session, encounter_id)
            existing = reflection_of(session, encounter_id)
            promises = promise_rows(session, encounter_id)
            thanked = everyone_thanked(session, encounter_id)
        self.setWindowTitle(self.tr("Reflect: {title}").format(title=detail.title))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        people = escape(", ".join(a.label for a in detail.attendees))
        heading = QLabel(
            f"<b>{escape(detail.title)}</b><br>"
            f"<small>{escape(fmt.when(detail.start))} · {people}</small>"
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.learned = _text(
            self.tr("About them, their world, what matters to them"), self.tr("What I learned")
        )
        form.addRow(self.tr("What I &learned:"), self.learned)
        self.went_well = _text(
            self.tr("What went well in how I showed up"), self.tr("What went well")
        )
        form.addRow(self.tr("What went &well:"), self.went_well)
        self.improve = _text(
            self.tr("One thing to do better next time"), self.tr("What to do better")
        )
        form.addRow(self.tr("What to do &better:"), self.improve)
        self.gratitude = _text(self.tr("What am I thankful for?"), self.tr("Gratitude"))
        form.addRow(self.tr("&Gratitude:"), self.gratitude)
        self.thanks_sent = QCheckBox(self.tr("I have said thank you"))
        self.thanks_sent.setAccessibleName(self.tr("Thanks sent"))
        self.write_thanks_button = QPushButton(self.tr("Write &thanks…"))
        self.write_thanks_button.setAccessibleName(self.tr("Write thanks from the gratitude line"))
        self.write_thanks_button.setToolTip(
            self.tr(
                "Draft a thank-you to the people of this meeting from what you are grateful for"
            )
        )
        self.write_thanks_button.clicked.connect(lambda _=False: self.write_thanks())
        thanks_row = QHBoxLayout()
        thanks_row.addWidget(self.thanks_sent)
        thanks_row.addStretch(1)
        thanks_row.addWidget(self.write_thanks_button)
        form.addRow("", thanks_row)
        self.thanks_dialog: ThanksDialog | None = None
        self.next_time = _text(
            self.tr("What to remember or ask next time"), self.tr("Notes for next time")
        )
        form.addRow(self.tr("&Next time:"), self.next_time)
        layout.addLayout(form)

        if existing is not None:
            self.learned.setPlainText(existing.learned or "")
            self.went_well.setPlainText(existing.went_well or "")
            self.improve.setPlainText(existing.improve or "")
            self.gratitude.setPlainText(existing.gratitude or "")
            self.next_time.setPlainText(existing.next_time or "")
        # Thanks said to each person of the meeting, one by one, count as said.
        self.thanks_sent.setChecked(thanked)
        self.gratitude.textChanged.connect(self._gratitude_changed)
        self._gratitude_changed()

        box = QGroupBox(self.tr("Promises"))
        bl = QVBoxLayout(box)
        self.promise_list = QListWidget()
        self.promise_list.setAccessibleName(self.tr("Promises of this encounter"))
        self.promise_list.setMaximumHeight(90)
        for p in promises:
            if p.done_on:
                line = (
                    self.tr("I promised: {text} (done)")
                    if p.mine
                    else self.tr("They promised: {text} (done)")
                )
            else:
                line = self.tr("I promised: {text}") if p.mine else self.tr("They promised: {text}")
            self.promise_list.addItem(line.format(text=p.text))
        bl.addWidget(self.promise_list)
        row = QHBoxLayout()
        self.promise_direction = QComboBox()
        self.promise_direction.setAccessibleName(self.tr("Who promised"))
        self.promise_direction.addItem(self.tr("I promise"), PromiseDirection.MINE)
        self.promise_direction.addItem(self.tr("They promise"), PromiseDirection.THEIRS)
        self.promise_person = QComboBox()
        self.promise_person.setAccessibleName(self.tr("Promise with"))
        for a in detail.attendees:
            if a.contact_id is not None:
                self.promise_person.addItem(a.label, a.contact_id)
        self.promise_text = QLineEdit(placeholderText=self.tr("What was promised"))
        self.promise_text.setAccessibleName(self.tr("Promise text"))
        # Room for the hint in every language (it is the field's only label).
        hint = self.promise_text.fontMetrics().horizontalAdvance(
            self.promise_text.placeholderText()
        )
        self.promise_text.setMinimumWidth(hint + 16)
        self.promise_due = QDateEdit()
        self.promise_due.setAccessibleName(self.tr("Promise due date"))
        self.promise_due.setCalendarPopup(True)
        self.promise_due.setDisplayFormat("yyyy-MM-dd")
        self.promise_due.setMinimumDate(_NO_DATE)
        self.promise_due.setSpecialValueText(self.tr("no due date"))
        self.promise_due.setDate(QDate.currentDate().addDays(7))
        self.promise_add = QPushButton(self.tr("Add"))
        self.promise_add.setAccessibleName(self.tr("Add promise"))
        self.promise_add.clicked.connect(self.add_pending_promise)
        self.promise_text.returnPressed.connect(self.add_pending_promise)
        for w in (self.promise_direction, self.promise_person):
            row.addWidget(w)
        row.addWidget(self.promise_text, 1)
        row.addWidget(self.promise_due)
        row.addWidget(self.promise_add)
        bl.addLayout(row)
        layout.addWidget(box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save reflection"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.learned.setFocus()
        # As loaded: a lock keeps a draft only when something was changed since.
        self._loaded = asdict(self.value())

    def _gratitude_changed(self) -> None:
        self.write_thanks_button.setEnabled(bool(self.gratitude.toPlainText().strip()))

    def write_thanks(self) -> ThanksDialog | None:
        """The thank-you draft from the gratitude line as typed (saved or not yet)."""
        gratitude = self.gratitude.toPlainText()
        if not gratitude.strip():
            return None
        dialog = open_thanks_dialog(
            self, self.vault, self.bus, self.encounter_id, gratitude=gratitude
        )
        # Thanks marked sent to everyone: saving must not take that back.
        dialog.thanks_marked.connect(
            lambda everyone: self.thanks_sent.setChecked(True) if everyone else None
        )
        self.thanks_dialog = dialog
        return dialog

    def add_pending_promise(self) -> None:
        text = self.promise_text.text().strip()
        if not text:
            return
        # Qt hands the StrEnum back as a plain str.
        direction = PromiseDirection(str(self.promise_direction.currentData()))
        person = self.promise_person.currentData()
        qdate = self.promise_due.date()
        due = None if qdate == _NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        self.pending.append((direction, text, person, due))
        line = (
            self.tr("I promise: {text} (new)")
            if direction is PromiseDirection.MINE
            else self.tr("They promise: {text} (new)")
        )
        self.promise_list.addItem(line.format(text=text))
        self.promise_text.clear()

    def value(self) -> ReflectionInput:
        return ReflectionInput(
            learned=self.learned.toPlainText(),
            went_well=self.went_well.toPlainText(),
            improve=self.improve.toPlainText(),
            gratitude=self.gratitude.toPlainText(),
            thanks_sent=self.thanks_sent.isChecked(),
            next_time=self.next_time.toPlainText(),
        )

    _DRAFTED = ("learned", "went_well", "improve", "gratitude", "next_time")

    def draft(self) -> Draft | None:
        """What is typed here (a lock is coming), or None when nothing was changed."""
        data = asdict(self.value())
        if data == self._loaded and not self.promise_text.text().strip() and not self.pending:
            return None
        fields = {name: data[name] for name in self._DRAFTED}
        fields["thanks_sent"] = data["thanks_sent"]
        fields["promise"] = self.promise_text.text()
        return Draft("reflection", self.encounter_id, fields)

    def restore_draft(self, draft: Draft) -> None:
        """Put back what was typed before the lock (still to be saved)."""
        for name in self._DRAFTED:
            box = getattr(self, name)
            box.setPlainText(str(draft.fields.get(name, box.toPlainText())))
        self.thanks_sent.setChecked(bool(draft.fields.get("thanks_sent")))
        self.promise_text.setText(str(draft.fields.get("promise", "")))

    def save(self) -> None:
        # A promise typed but not yet added is surely meant to be kept.
        self.add_pending_promise()
        data = self.value()
        if not commit(
            self,
            self.vault,
            self.bus,
            self.tr("save the reflection"),
            lambda s: self._write(s, data),
        ):
            return
        self.bus.status.emit(self.tr("Reflection saved"))
        self.accept()

    def _write(self, session: Session, data: ReflectionInput) -> None:
        reflect(session, self.encounter_id, data)
        for direction, text, person, due in self.pending:
            add_promise(
                session,
                text=text,
                direction=direction,
                encounter_id=self.encounter_id,
                contact_id=person,
                due=due,
            )
