"""The editable form of one contact: every field of DESIGN section 2.

Fields that may be marked private carry a "Private" tick beside them: private things
are shown here but never printed on a prep card.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.birthdays import NO_YEAR, has_year
from ichigoapp.services.contacts import ContactInput
from ichigoapp.services.lists import ContactChoice
from ichigoapp.ui import fmt

translate = QCoreApplication.translate
_NO_DATE = QDate(1900, 1, 1)
_A_LEAP_YEAR = 2000  # shows a birthday without its year in the date edit


# The fields that may be private, as a screen reader names their "Private" tick.
_FIELD_NAMES = {
    "pronunciation": lambda: translate("ContactForm", "Pronunciation"),
    "pronouns": lambda: translate("ContactForm", "Pronouns"),
    "location": lambda: translate("ContactForm", "Location"),
    "emails": lambda: translate("ContactForm", "Emails"),
    "phones": lambda: translate("ContactForm", "Phones"),
    "how_we_met": lambda: translate("ContactForm", "How we met"),
    "birthday": lambda: translate("ContactForm", "Birthday"),
    "interests": lambda: translate("ContactForm", "Interests"),
    "notes": lambda: translate("ContactForm", "Notes"),
}


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _items(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(fmt.date_entry_pattern())
    # The minimum date shows as blank and means "not known".
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(translate("ContactForm", "unknown"))
    return edit


def _day(edit: QDateEdit) -> date | None:
    picked = edit.date()
    return None if picked == _NO_DATE else date(picked.year(), picked.month(), picked.day())


def _set_day(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))


def _short_text(placeholder: str, name: str, rows: int = 2) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * rows + 14)
    return edit


class ContactForm(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._loading = False
        self.contact_id: int | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.name = QLineEdit(placeholderText=translate("ContactForm", "How you call them"))
        self.name.setAccessibleName(translate("ContactForm", "Name"))
        form.addRow(translate("ContactForm", "&Name:"), self.name)
        self.given = QLineEdit(placeholderText=translate("ContactForm", "Given name"))
        self.given.setAccessibleName(translate("ContactForm", "Given name"))
        self.family = QLineEdit(placeholderText=translate("ContactForm", "Family name"))
        self.family.setAccessibleName(translate("ContactForm", "Family name"))
        form.addRow("", self._hbox(self.given, self.family))
        # Which part the full name starts with; "auto" puts a CJK family name first.
        self.name_order = QComboBox()
        self.name_order.setAccessibleName(self.tr("Name order"))
        for label, order in (
            (self.tr("Automatic (from the script)"), "auto"),
            (self.tr("Given name first"), "given-first"),
            (self.tr("Family name first"), "family-first"),
        ):
            self.name_order.addItem(label, order)
        self.name_order.setToolTip(
            self.tr("How the full name is shown, from the given and family names")
        )
        self.name_order.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Name or&der:"), self.name_order)
        self.pronunciation = QLineEdit(
            placeholderText=translate("ContactForm", "How to say the name (a reading, say)")
        )
        self.pronunciation.setAccessibleName(translate("ContactForm", "Pronunciation"))
        self.private: dict[str, QCheckBox] = {}
        form.addRow(
            translate("ContactForm", "Pron&unciation:"),
            self._with_private(self.pronunciation, "pronunciation"),
        )
        self.pronouns = QLineEdit(
            placeholderText=translate("ContactForm", "she/her, he/him, they/them…")
        )
        self.pronouns.setAccessibleName(translate("ContactForm", "Pronouns"))
        form.addRow(
            translate("ContactForm", "Pron&ouns:"), self._with_private(self.pronouns, "pronouns")
        )
        self.company = QLineEdit()
        self.company.setAccessibleName(translate("ContactForm", "Company"))
        form.addRow(translate("ContactForm", "&Company:"), self.company)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(translate("ContactForm", "Title"))
        form.addRow(translate("ContactForm", "&Title:"), self.title_edit)

        self.location = QLineEdit()
        self.location.setAccessibleName(translate("ContactForm", "Location"))
        form.addRow(
            translate("ContactForm", "&Location:"), self._with_private(self.location, "location")
        )
        self.emails = _short_text(
            translate("ContactForm", "one address per line"), translate("ContactForm", "Emails")
        )
        form.addRow(translate("ContactForm", "&Emails:"), self._with_private(self.emails, "emails"))
        self.phones = _short_text(
            translate("ContactForm", "one number per line"), translate("ContactForm", "Phones")
        )
        form.addRow(translate("ContactForm", "&Phones:"), self._with_private(self.phones, "phones"))
        self.links = _short_text(
            translate("ContactForm", "LinkedIn, website… one per line"),
            translate("ContactForm", "Links"),
        )
        form.addRow(translate("ContactForm", "Lin&ks:"), self.links)
        self.how_we_met = QLineEdit(
            placeholderText=translate("ContactForm", "Where and how you first met")
        )
        self.how_we_met.setAccessibleName(translate("ContactForm", "How we met"))
        form.addRow(
            translate("ContactForm", "&How we met:"),
            self._with_private(self.how_we_met, "how_we_met"),
        )

        self.met_on = _date_edit(translate("ContactForm", "Met on"))
        self.met_through = QComboBox()
        self.met_through.setAccessibleName(translate("ContactForm", "Met through"))
        self.met_through.setMinimumContentsLength(16)
        form.addRow(translate("ContactForm", "Met &on:"), self._hbox(self.met_on, self.met_through))
        self.met_through.setToolTip(translate("ContactForm", "Who introduced you"))

        self.birthday = _date_edit(translate("ContactForm", "Birthday"))
        # Many people share the day, not the year: the edit then shows "1 July" only.
        self.birthday_no_year = QCheckBox(translate("ContactForm", "Year not known"))
        self.birthday_no_year.setAccessibleName(translate("ContactForm", "Birthday year not known"))
        self.birthday_no_year.toggled.connect(self._show_birthday_year)
        form.addRow(
            translate("ContactForm", "&Birthday:"),
            self._with_private(self._hbox(self.birthday, self.birthday_no_year), "birthday"),
        )

        self.interests = QLineEdit(
            placeholderText=translate("ContactForm", "What they care about, comma-separated")
        )
        self.interests.setAccessibleName(translate("ContactForm", "Interests"))
        form.addRow(
            translate("ContactForm", "&Interests:"), self._with_private(self.interests, "interests")
        )

        self.details = QTableWidget(0, 3)
        self.details.setAccessibleName(translate("ContactForm", "Personal details"))
        self.details.setHorizontalHeaderLabels(
            [
                translate("ContactForm", "About"),
                translate("ContactForm", "Detail"),
                translate("ContactForm", "Private"),
            ]
        )
        self.details.verticalHeader().setVisible(False)
        header = self.details.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.details.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.details.setMinimumHeight(110)
        self.details.setMaximumHeight(170)
        add_detail = QPushButton(translate("ContactForm", "Add detail"))
        add_detail.setAccessibleName(translate("ContactForm", "Add personal detail"))
        add_detail.clicked.connect(lambda: self.add_detail("", "", False, focus=True))
        remove_detail = QPushButton(translate("ContactForm", "Remove"))
        remove_detail.setAccessibleName(translate("ContactForm", "Remove personal detail"))
        remove_detail.clicked.connect(self._remove_detail)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addWidget(add_detail)
        buttons.addWidget(remove_detail)
        buttons.addStretch(1)
        box.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(box)
        form.addRow(translate("ContactForm", "Personal\ndetails:"), holder)

        self.notes = _short_text(
            translate("ContactForm", "Anything else worth remembering"),
            translate("ContactForm", "Notes"),
            rows=4,
        )
        form.addRow(translate("ContactForm", "N&otes:"), self._with_private(self.notes, "notes"))
        self.tags = QLineEdit(placeholderText=translate("ContactForm", "comma-separated"))
        self.tags.setAccessibleName(translate("ContactForm", "Tags"))
        form.addRow(translate("ContactForm", "T&ags:"), self.tags)
        self.keep_in_touch = QSpinBox()
        self.keep_in_touch.setAccessibleName(translate("ContactForm", "Keep in touch every N days"))
        self.keep_in_touch.setRange(0, 3650)
        self.keep_in_touch.setSpecialValueText(translate("ContactForm", "not set"))
        self.keep_in_touch.setSuffix(translate("ContactForm", " days"))
        form.addRow(translate("ContactForm", "Keep in &touch every:"), self.keep_in_touch)

        for edit in (
            self.name,
            self.given,
            self.family,
            self.company,
            self.title_edit,
            self.location,
            self.how_we_met,
            self.interests,
            self.tags,
            self.pronouns,
            self.pronunciation,
        ):
            edit.textChanged.connect(self._changed)
        for text in (self.emails, self.phones, self.links, self.notes):
            text.textChanged.connect(self._changed)
        self.met_on.dateChanged.connect(self._changed)
        self.birthday.dateChanged.connect(self._changed)
        self.met_through.currentIndexChanged.connect(self._changed)
        self.keep_in_touch.valueChanged.connect(self._changed)
        self.details.itemChanged.connect(self._changed)
        for tick in self.private.values():
            tick.toggled.connect(self._changed)
        # A long choice (in a longer language, say) must not widen the whole form: each
        # box is as wide as a few words and shows its choices whole when opened.
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(max(combo.minimumContentsLength(), 16))

    @staticmethod
    def _hbox(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            layout.addWidget(w, 1)
        holder.setFocusProxy(widgets[0])  # the row label's mnemonic focuses the first field
        return holder

    def _show_birthday_year(self, no_year: bool) -> None:
        self.birthday.setDisplayFormat(
            fmt.date_pattern(year=False, short_month=False) if no_year else fmt.date_entry_pattern()
        )
        self._changed()

    def _birthday(self) -> date | None:
        day = _day(self.birthday)
        if day is None or not self.birthday_no_year.isChecked():
            return day
        return date(NO_YEAR, day.month, day.day)

    def _set_birthday(self, value: date | None) -> None:
        no_year = value is not None and not has_year(value)
        if value is not None and no_year:
            value = value.replace(year=_A_LEAP_YEAR)  # the edit's range; 29 Feb exists
        _set_day(self.birthday, value)
        self.birthday_no_year.setChecked(no_year)
        self._show_birthday_year(no_year)

    def _with_private(self, widget: QWidget, field: str) -> QWidget:
        tick = QCheckBox(translate("ContactForm", "Private"))
        tick.setAccessibleName(
            translate("ContactForm", "{field} is private").format(field=_FIELD_NAMES[field]())
        )
        tick.setToolTip(translate("ContactForm", "Shown here, never printed"))
        self.private[field] = tick
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 1)
        layout.addWidget(tick, 0, Qt.AlignmentFlag.AlignTop)
        holder.setFocusProxy(widget)
        return holder

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()

    def add_detail(self, label: str, value: str, private: bool, *, focus: bool = False) -> None:
        row = self.details.rowCount()
        self.details.insertRow(row)
        self.details.setItem(row, 0, QTableWidgetItem(label))
        self.details.setItem(row, 1, QTableWidgetItem(value))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        tick.setCheckState(Qt.CheckState.Checked if private else Qt.CheckState.Unchecked)
        self.details.setItem(row, 2, tick)
        if focus:
            self.details.setCurrentCell(row, 0)
            first = self.details.item(row, 0)
            if first is not None:
                self.details.editItem(first)
            self._changed()

    def _remove_detail(self) -> None:
        row = self.details.currentRow()
        if row >= 0:
            self.details.removeRow(row)
            self._changed()

    def set_choices(self, choices: Sequence[ContactChoice], exclude: int | None) -> None:
        self._loading = True
        current = self.met_through.currentData()
        self.met_through.clear()
        self.met_through.addItem(translate("ContactForm", "introduced by…"), None)
        for c in choices:
            if c.contact_id != exclude:
                self.met_through.addItem(c.name, c.contact_id)
        index = self.met_through.findData(current)
        self.met_through.setCurrentIndex(max(index, 0))
        self._loading = False

    def load(self, contact_id: int | None, data: ContactInput) -> None:
        self._loading = True
        try:
            self.contact_id = contact_id
            self.name.setText(data.name)
            self.given.setText(data.given_name)
            self.family.setText(data.family_name)
            self.name_order.setCurrentIndex(max(self.name_order.findData(data.name_order), 0))
            self.company.setText(data.company)
            self.title_edit.setText(data.title)
            self.location.setText(data.location)
            self.emails.setPlainText("\n".join(data.emails))
            self.phones.setPlainText("\n".join(data.phones))
            self.links.setPlainText("\n".join(data.links))
            self.how_we_met.setText(data.how_we_met)
            _set_day(self.met_on, data.met_on)
            self._set_birthday(data.birthday)
            self.pronouns.setText(data.pronouns)
            self.pronunciation.setText(data.pronunciation)
            index = self.met_through.findData(data.met_through_id)
            self.met_through.setCurrentIndex(max(index, 0))
            self.interests.setText(", ".join(data.interests))
            self.details.setRowCount(0)
            for label, value, private in data.details:
                self.add_detail(label, value, private)
            self.notes.setPlainText(data.notes)
            self.tags.setText(", ".join(data.tags))
            self.keep_in_touch.setValue(data.keep_in_touch_days or 0)
            for field, tick in self.private.items():
                tick.setChecked(field in data.private_fields)
        finally:
            self._loading = False

    def value(self) -> ContactInput:
        details = []
        for row in range(self.details.rowCount()):
            label = self.details.item(row, 0)
            value = self.details.item(row, 1)
            tick = self.details.item(row, 2)
            details.append(
                (
                    label.text() if label else "",
                    value.text() if value else "",
                    tick is not None and tick.checkState() == Qt.CheckState.Checked,
                )
            )
        through = self.met_through.currentData()
        return ContactInput(
            name=self.name.text(),
            given_name=self.given.text(),
            family_name=self.family.text(),
            name_order=str(self.name_order.currentData() or "auto"),
            emails=_lines(self.emails),
            phones=_lines(self.phones),
            links=_lines(self.links),
            company=self.company.text(),
            title=self.title_edit.text(),
            location=self.location.text(),
            how_we_met=self.how_we_met.text(),
            met_on=_day(self.met_on),
            birthday=self._birthday(),
            pronouns=self.pronouns.text(),
            pronunciation=self.pronunciation.text(),
            met_through_id=int(through) if through is not None else None,
            interests=_items(self.interests.text()),
            details=details,
            notes=self.notes.toPlainText(),
            tags=_items(self.tags.text()),
            keep_in_touch_days=self.keep_in_touch.value() or None,
            private_fields=[f for f, tick in self.private.items() if tick.isChecked()],
        )
