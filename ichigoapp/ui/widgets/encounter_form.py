"""The editable form of one encounter: title, kind and status, time, place, join link,
intention, notes, and the people in it.

The form only shows and collects; the Encounters page reads :meth:`value`, loads a
detail with :meth:`load` and does the vault work the people buttons ask for.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.encounters import EncounterInput, EncounterKind, EncounterStatus
from ichigoapp.services.lists import EncounterDetail
from ichigoapp.services.today import Attendee
from ichigoapp.ui import fmt
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP
from ichigoapp.ui.widgets.buttons import button

translate = QCoreApplication.translate
INTENTION_PROMPT = QT_TRANSLATE_NOOP(
    "EncounterForm", "If this were the only time we met, what must I hear, and what must I share?"
)


def _to_qt(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


def _holder(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    # A widget (not a bare layout) as the field, so the row label's mnemonic has a buddy.
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    item = layout.itemAt(0) if layout.count() else None
    first = item.widget() if item is not None else None
    if first is not None:
        holder.setFocusProxy(first)
    return holder


# The invite's answers worth showing beside a name (PARTSTAT); "needs action" is not.
_ANSWERS = {
    "ACCEPTED": QT_TRANSLATE_NOOP("EncounterForm", "accepted"),
    "DECLINED": QT_TRANSLATE_NOOP("EncounterForm", "declined"),
    "TENTATIVE": QT_TRANSLATE_NOOP("EncounterForm", "maybe"),
}


class EncounterForm(QWidget):
    """Emits ``changed`` on every edit the user makes (not while loading)."""

    changed = Signal()
    # The selected attendee changed (the page enables its people buttons).
    attendee_changed = Signal()
    # An attendee with a contact was activated (double click, Enter): their contact id.
    open_contact = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._loading = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(translate("EncounterForm", "Encounter title"))
        form.addRow(translate("EncounterForm", "&Title:"), self.title_edit)
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("EncounterForm", "Kind"))
        for k in EncounterKind:
            self.kind.addItem(fmt.kind_name(k.value), k.value)
        self.status = QComboBox()
        self.status.setAccessibleName(translate("EncounterForm", "Status"))
        for s in EncounterStatus:
            self.status.addItem(fmt.status_name(s.value), s.value)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind, 1)
        kinds.addWidget(QLabel(translate("EncounterForm", "Status:")))
        kinds.addWidget(self.status, 1)
        form.addRow(translate("EncounterForm", "&Kind:"), _holder(kinds))
        # Why a meeting is cancelled when the calendar, not the invite, said so.
        self.status_note = QLabel()
        self.status_note.setObjectName("muted")
        self.status_note.setWordWrap(True)
        self.status_note.setVisible(False)
        form.addRow("", self.status_note)
        self.start = QDateTimeEdit()
        self.start.setAccessibleName(translate("EncounterForm", "Start"))
        self.end = QDateTimeEdit()
        self.end.setAccessibleName(translate("EncounterForm", "End"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(fmt.qdatetime_pattern())
        times = QHBoxLayout()
        times.addWidget(self.start, 1)
        times.addWidget(QLabel(translate("EncounterForm", "to")))
        times.addWidget(self.end, 1)
        form.addRow(translate("EncounterForm", "&When:"), _holder(times))
        self.location = QLineEdit()
        self.location.setAccessibleName(translate("EncounterForm", "Location"))
        form.addRow(translate("EncounterForm", "&Location:"), self.location)
        self.join_url = QLineEdit(placeholderText="https://…")  # i18n: keep
        self.join_url.setAccessibleName(translate("EncounterForm", "Join link"))
        self.join_link = QLabel()
        self.join_link.setOpenExternalLinks(True)
        self.join_link.setAccessibleName(translate("EncounterForm", "Open join link"))
        self.join_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        join = QHBoxLayout()
        join.addWidget(self.join_url, 1)
        join.addWidget(self.join_link)
        form.addRow(translate("EncounterForm", "&Join link:"), _holder(join))
        # The invitation's own words (its description), as the organizer wrote them:
        # plain text, read-only (the next update of the invite replaces them).
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(translate("EncounterForm", "Agenda from the invitation"))
        self.agenda.setReadOnly(True)
        self.agenda.setTabChangesFocus(True)
        self.agenda.setMaximumHeight(110)
        self.agenda_label = QLabel(translate("EncounterForm", "Agenda:"))
        form.addRow(self.agenda_label, self.agenda)
        self._show_agenda(False)
        self.intention = QPlainTextEdit()
        self.intention.setPlaceholderText(translate("EncounterForm", INTENTION_PROMPT))
        self.intention.setAccessibleName(translate("EncounterForm", "My intention"))
        self.intention.setTabChangesFocus(True)
        self.intention.setFixedHeight(70)
        form.addRow(translate("EncounterForm", "&Intention:"), self.intention)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(translate("EncounterForm", "Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        form.addRow(translate("EncounterForm", "&Notes:"), self.notes)

        self.people = QListWidget()
        self.people.setAccessibleName(translate("EncounterForm", "Participants"))
        self.people.setMinimumHeight(90)
        self.people.setMaximumHeight(160)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.currentRowChanged.connect(lambda _row: self.attendee_changed.emit())
        self.people.itemActivated.connect(self._activated)
        self.add_person_button = button(
            translate("EncounterForm", "Add person…"),
            translate("EncounterForm", "Add a contact to this encounter"),
        )
        self.remove_person_button = button(
            translate("EncounterForm", "Remove"), translate("EncounterForm", "Remove participant")
        )
        self.link_button = button(
            translate("EncounterForm", "Link to contact…"),
            translate("EncounterForm", "Link attendee to an existing contact"),
        )
        self.create_button = button(
            translate("EncounterForm", "Create contact"),
            translate("EncounterForm", "Create a contact from attendee"),
        )
        # Two rows of two: four buttons side by side would widen the form past its
        # column in a language with longer words.
        people_box = QVBoxLayout()
        people_box.addWidget(self.people)
        for pair in (
            (self.add_person_button, self.remove_person_button),
            (self.link_button, self.create_button),
        ):
            people_buttons = QHBoxLayout()
            for b in pair:
                people_buttons.addWidget(b)
            people_buttons.addStretch(1)
            people_box.addLayout(people_buttons)
        form.addRow(translate("EncounterForm", "&People:"), _holder(people_box))

        for line in (self.title_edit, self.location, self.join_url):
            line.textChanged.connect(self._edited)
        self.join_url.textChanged.connect(self._show_join_link)
        for plain in (self.intention, self.notes):
            plain.textChanged.connect(self._edited)
        for combo in (self.kind, self.status):
            combo.currentIndexChanged.connect(self._edited)
        for dt in (self.start, self.end):
            dt.dateTimeChanged.connect(self._edited)

    def _show_agenda(self, shown: bool) -> None:
        self.agenda.setVisible(shown)
        self.agenda_label.setVisible(shown)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _show_join_link(self, url: str) -> None:
        url = url.strip()
        if url.startswith(("https://", "http://")):
            join = escape(translate("EncounterForm", "Join"))
            self.join_link.setText(f'<a href="{escape(url, quote=True)}">{join}</a>')
        else:
            self.join_link.setText("")

    def _activated(self, item: QListWidgetItem) -> None:
        a = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(a, Attendee) and a.contact_id is not None:
            self.open_contact.emit(a.contact_id)

    # --- filling and reading ------------------------------------------------------------
    def load(self, detail: EncounterDetail) -> None:
        self._loading = True
        try:
            self.title_edit.setText(detail.title)
            self.kind.setCurrentIndex(max(self.kind.findData(detail.kind), 0))
            self.status.setCurrentIndex(max(self.status.findData(detail.status), 0))
            self.status_note.setText(
                translate(
                    "EncounterForm",
                    "Removed from calendar: a calendar you follow no longer lists this meeting. "
                    "What you wrote about it is kept.",
                )
                if detail.status_reason
                else ""
            )
            self.status_note.setVisible(bool(detail.status_reason))
            self.start.setDateTime(_to_qt(detail.start))
            self.end.setDateTime(_to_qt(detail.end or detail.start))
            self.location.setText(detail.location)
            self.join_url.setText(detail.join_url)
            self.agenda.setPlainText(detail.description.strip())
            self._show_agenda(bool(detail.description.strip()))
            self.intention.setPlainText(detail.intention)
            self.notes.setPlainText(detail.notes)
            self._fill_people(detail.attendees)
        finally:
            self._loading = False

    def clear_for_new(self, start: datetime) -> None:
        """Empty fields for a new encounter of an hour from ``start``."""
        self._loading = True
        try:
            self.title_edit.clear()
            self.kind.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.status_note.setVisible(False)
            self.agenda.clear()
            self._show_agenda(False)
            self.start.setDateTime(_to_qt(start))
            self.end.setDateTime(_to_qt(start + timedelta(hours=1)))
            for edit in (self.location, self.join_url):
                edit.clear()
            self.intention.clear()
            self.notes.clear()
            self.people.clear()
        finally:
            self._loading = False

    def _fill_people(self, attendees: tuple[Attendee, ...]) -> None:
        self.people.clear()
        for a in attendees:
            if a.matched:
                text = a.label
            else:
                address = f" <{a.email}>" if a.email and a.email != a.label else ""
                text = f"{a.label}{address}  — " + translate(
                    "EncounterForm", "new, not in contacts"
                )
            answer = _ANSWERS.get(a.reply_status.upper())
            if answer:
                text += "  " + translate("EncounterForm", "({answer})").format(
                    answer=translate("EncounterForm", answer)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a)
            if not a.matched:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.people.addItem(item)
        self.attendee_changed.emit()

    def current_attendee(self) -> Attendee | None:
        item = self.people.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, Attendee) else None

    def value(self) -> EncounterInput:
        start = _from_qt(self.start.dateTime())
        end = _from_qt(self.end.dateTime())
        return EncounterInput(
            title=self.title_edit.text(),
            start=start,
            end=end if end >= start else start,
            kind=str(self.kind.currentData()),
            location=self.location.text(),
            join_url=self.join_url.text(),
            intention=self.intention.toPlainText(),
            notes=self.notes.toPlainText(),
            status=str(self.status.currentData()),
        )
