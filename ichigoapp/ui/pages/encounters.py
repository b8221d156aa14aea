"""Encounters: upcoming, past and cancelled meetings with their people and intention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import escape

from PySide6.QtCore import QDateTime, QItemSelectionModel, QModelIndex, Qt, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ichigoapp.model import EncounterKind, EncounterStatus
from ichigoapp.services.encounters import (
    EncounterInput,
    add_encounter,
    add_participant,
    link_participant,
    remove_participant,
    update_encounter,
)
from ichigoapp.services.lists import (
    EncounterDetail,
    EncounterRow,
    EncounterScope,
    contact_choices,
    encounter_count,
    encounter_detail,
    encounter_rows,
    scope_of,
)
from ichigoapp.services.today import Attendee
from ichigoapp.services.triage import create_contact_from_attendee
from ichigoapp.store import Vault
from ichigoapp.ui import dialogs
from ichigoapp.ui.base import Clock, Page, VaultSearch, list_table, system_clock
from ichigoapp.ui.events import EventBus
from ichigoapp.ui.models import EncounterTableModel, IdRole, RowFilterProxy

# After the last keystroke, how long before a long list is searched in the vault.
# How many pages open_encounter() reads to find and select an older encounter.
FIND_PAGES = 10

INTENTION_PROMPT = "If this were the only time we met, what must I hear, and what must I share?"


def _to_qt(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


class EncountersView(Page):
    title = "Encounters"

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self.model = EncounterTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.scope = EncounterScope.UPCOMING
        self.encounter_id: int | None = None
        self.detail: EncounterDetail | None = None
        self._dirty = False
        self._loading = False

        # --- list ----------------------------------------------------------------------
        self.scope_buttons: dict[EncounterScope, QToolButton] = {}
        group = QButtonGroup(self)
        scopes = QHBoxLayout()
        scopes.setSpacing(4)
        for scope, text in ((EncounterScope.UPCOMING, "Upcoming"), (EncounterScope.PAST, "Past"),
                            (EncounterScope.CANCELLED, "Cancelled"),
                            (EncounterScope.ALL, "All")):  # fmt: skip
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {text.lower()} encounters")
            button.clicked.connect(lambda _=False, s=scope: self.set_scope(s))
            group.addButton(button)
            scopes.addWidget(button)
            self.scope_buttons[scope] = button
        self.scope_buttons[self.scope].setChecked(True)
        scopes.addStretch(1)
        self.filter = QLineEdit(placeholderText="Filter encounters…")
        self.filter.setAccessibleName("Filter encounters")
        self.filter.setClearButtonEnabled(True)
        self.search = VaultSearch(
            self, self.filter.text, self.proxy.set_text, lambda: self.model.complete, self.reload
        )
        self.filter.textChanged.connect(self.search.changed)

        self.table = list_table(self.proxy, "Encounters list")  # the scope decides the order
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            EncounterTableModel.COL_PEOPLE, QHeaderView.ResizeMode.Stretch
        )
        for col, width in ((0, 130), (1, 230), (3, 150)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button = QPushButton("New encounter")
        self.new_button.setAccessibleName("New encounter")
        self.new_button.clicked.connect(self.new_encounter)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(12, 12, 6, 12)
        lv.addLayout(scopes)
        lv.addWidget(self.filter)
        lv.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        lv.addLayout(row)

        # --- detail --------------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Encounter title")
        form.addRow("&Title:", self.title_edit)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for k in EncounterKind:
            self.kind.addItem(k.value.capitalize(), k.value)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for s in EncounterStatus:
            self.status.addItem(s.value.capitalize(), s.value)
        kinds = QHBoxLayout()
        kinds.addWidget(self.kind, 1)
        kinds.addWidget(QLabel("Status:"))
        kinds.addWidget(self.status, 1)
        form.addRow("&Kind:", self._holder(kinds))
        self.start = QDateTimeEdit()
        self.start.setAccessibleName("Start")
        self.end = QDateTimeEdit()
        self.end.setAccessibleName("End")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        times = QHBoxLayout()
        times.addWidget(self.start, 1)
        times.addWidget(QLabel("to"))
        times.addWidget(self.end, 1)
        form.addRow("&When:", self._holder(times))
        self.location = QLineEdit()
        self.location.setAccessibleName("Location")
        form.addRow("&Location:", self.location)
        self.join_url = QLineEdit(placeholderText="https://…")
        self.join_url.setAccessibleName("Join link")
        self.join_link = QLabel()
        self.join_link.setOpenExternalLinks(True)
        self.join_link.setAccessibleName("Open join link")
        self.join_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        join = QHBoxLayout()
        join.addWidget(self.join_url, 1)
        join.addWidget(self.join_link)
        form.addRow("&Join link:", self._holder(join))
        self.intention = QPlainTextEdit()
        self.intention.setPlaceholderText(INTENTION_PROMPT)
        self.intention.setAccessibleName("My intention")
        self.intention.setTabChangesFocus(True)
        self.intention.setFixedHeight(70)
        form.addRow("&Intention:", self.intention)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        form.addRow("&Notes:", self.notes)

        self.people = QListWidget()
        self.people.setAccessibleName("Participants")
        self.people.setMinimumHeight(90)
        self.people.setMaximumHeight(160)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.currentRowChanged.connect(lambda _row: self._update_people_buttons())
        self.people.itemActivated.connect(self._open_person)
        self.add_person_button = QPushButton("Add person…")
        self.add_person_button.setAccessibleName("Add a contact to this encounter")
        self.add_person_button.clicked.connect(self.add_person)
        self.remove_person_button = QPushButton("Remove")
        self.remove_person_button.setAccessibleName("Remove participant")
        self.remove_person_button.clicked.connect(self.remove_person)
        self.link_button = QPushButton("Link to contact…")
        self.link_button.setAccessibleName("Link attendee to an existing contact")
        self.link_button.clicked.connect(self.link_person)
        self.create_button = QPushButton("Create contact")
        self.create_button.setAccessibleName("Create a contact from attendee")
        self.create_button.clicked.connect(self.create_person)
        people_buttons = QHBoxLayout()
        for b in (self.add_person_button, self.remove_person_button, self.link_button,
                  self.create_button):  # fmt: skip
            people_buttons.addWidget(b)
        people_buttons.addStretch(1)
        people_box = QVBoxLayout()
        people_box.addWidget(self.people)
        people_box.addLayout(people_buttons)
        form.addRow("&People:", self._holder(people_box))

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.reflect_button = QPushButton("Reflect…")
        self.reflect_button.setAccessibleName("Reflect on this encounter")
        self.reflect_button.clicked.connect(self._reflect)
        self.prep_button = QPushButton("Prep card…")
        self.prep_button.setAccessibleName("Prep card for this encounter")
        self.prep_button.setToolTip("Preview, print or save the card to read before you go")
        self.prep_button.clicked.connect(self.open_prep_card)
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName("Save encounter")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Discard encounter changes")
        self.cancel_button.clicked.connect(self.cancel)

        self.detail_widget = QWidget()
        dv = QVBoxLayout(self.detail_widget)
        dv.setContentsMargins(6, 12, 12, 12)
        dv.addWidget(self.heading)
        dv.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reflect_button)
        buttons.addWidget(self.prep_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        dv.addLayout(buttons)
        self.placeholder = QLabel("Select an encounter, or press Ctrl+Shift+N to add one.")
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.placeholder, 1)
        rv.addWidget(self.detail_widget, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("encountersSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        for line in (self.title_edit, self.location, self.join_url):
            line.textChanged.connect(self._edited)
        self.join_url.textChanged.connect(self._show_join_link)
        for plain in (self.intention, self.notes):
            plain.textChanged.connect(self._edited)
        for combo in (self.kind, self.status):
            combo.currentIndexChanged.connect(self._edited)
        for dt in (self.start, self.end):
            dt.dateTimeChanged.connect(self._edited)
        self._show_detail(False)

    @staticmethod
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

    # --- state -----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty)

    def _show_detail(self, show: bool) -> None:
        self.detail_widget.setVisible(show)
        self.placeholder.setVisible(not show)

    def _show_join_link(self, url: str) -> None:
        url = url.strip()
        if url.startswith(("https://", "http://")):
            self.join_link.setText(f'<a href="{escape(url, quote=True)}">Join</a>')
        else:
            self.join_link.setText("")

    def set_scope(self, scope: EncounterScope) -> None:
        self.scope = scope
        self.scope_buttons[scope].setChecked(True)
        self.reload()

    # --- loading ---------------------------------------------------------------------------
    def _page(
        self, now: datetime, scope: EncounterScope, text: str
    ) -> Callable[[int, int], list[EncounterRow]]:
        def fetch(offset: int, limit: int) -> list[EncounterRow]:
            with self.vault.session() as session:
                return encounter_rows(session, now, scope, text, offset=offset, limit=limit)

        return fetch

    def reload(self) -> None:
        self._stale = False
        now = self.clock()
        scope, text = self.scope, self.search.text
        self.model.set_pager(self._page(now, scope, text), now)
        self.count_label.setText(
            self.paged_count(
                "encounters", self.model.rowCount(), self.model.complete, text,
                lambda session: encounter_count(session, now, scope),
            )
        )  # fmt: skip
        if self.encounter_id is not None:
            if self.model.row_of_id(self.encounter_id) is not None:
                self._select_row(self.encounter_id)
            if not self._dirty:
                self._load_detail(self.encounter_id)

    def _select_row(self, encounter_id: int) -> bool:
        row = self.model.row_of_id(encounter_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        model = self.table.selectionModel()
        blocked = model.blockSignals(True)
        model.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        model.blockSignals(blocked)
        self.table.scrollTo(index)
        return True

    def open_encounter(self, encounter_id: int) -> None:
        self.ensure_loaded()
        if self.model.row_of_id(encounter_id) is None:
            # Show it in the scope that holds it (unsearched), then find and select it.
            with self.vault.session() as session:
                try:
                    scope = scope_of(encounter_detail(session, encounter_id), self.clock())
                except Exception:  # deleted meanwhile: nothing to show
                    scope = self.scope
            self.search.reset()
            blocked = self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(blocked)
            self.proxy.set_text("")
            self.scope = scope
            self.scope_buttons[self.scope].setChecked(True)
            self.reload()
            for _ in range(FIND_PAGES):
                if self.model.row_of_id(encounter_id) is not None or self.model.complete:
                    break
                self.model.fetchMore(QModelIndex())
        self._select_row(encounter_id)
        self._load_detail(encounter_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_detail(int(current.data(IdRole)))

    def _load_detail(self, encounter_id: int) -> None:
        with self.vault.session() as session:
            try:
                detail = encounter_detail(session, encounter_id)
            except Exception:  # deleted meanwhile: nothing to show
                self.encounter_id = None
                self._show_detail(False)
                return
        self.encounter_id = encounter_id
        self.detail = detail
        self._loading = True
        try:
            self.heading.setText(detail.title)
            self.title_edit.setText(detail.title)
            self.kind.setCurrentIndex(max(self.kind.findData(detail.kind), 0))
            self.status.setCurrentIndex(max(self.status.findData(detail.status), 0))
            self.start.setDateTime(_to_qt(detail.start))
            self.end.setDateTime(_to_qt(detail.end or detail.start))
            self.location.setText(detail.location)
            self.join_url.setText(detail.join_url)
            self.intention.setPlainText(detail.intention)
            self.notes.setPlainText(detail.notes)
            self._fill_people(detail.attendees)
            self.reflect_button.setText("Edit reflection…" if detail.has_reflection else "Reflect…")
        finally:
            self._loading = False
        self._set_dirty(False)
        self._show_detail(True)

    def _fill_people(self, attendees: tuple[Attendee, ...]) -> None:
        self.people.clear()
        for a in attendees:
            if a.matched:
                text = a.label
            else:
                address = f" <{a.email}>" if a.email and a.email != a.label else ""
                text = f"{a.label}{address}  — new, not in contacts"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a)
            if not a.matched:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.people.addItem(item)
        self._update_people_buttons()

    def current_attendee(self) -> Attendee | None:
        item = self.people.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, Attendee) else None

    def _update_people_buttons(self) -> None:
        a = self.current_attendee()
        saved = self.encounter_id is not None
        self.add_person_button.setEnabled(saved)
        self.remove_person_button.setEnabled(a is not None)
        self.link_button.setEnabled(a is not None and not a.matched)
        self.create_button.setEnabled(a is not None and not a.matched)
        self.reflect_button.setEnabled(saved)
        cancelled = self.detail is not None and self.detail.status == EncounterStatus.CANCELLED
        self.prep_button.setEnabled(saved and not cancelled)  # a cancelled meeting has no card

    def _open_person(self, item: QListWidgetItem) -> None:
        a = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(a, Attendee) and a.contact_id is not None:
            self.bus.open_contact.emit(a.contact_id)

    # --- actions ---------------------------------------------------------------------------
    def new_encounter(self) -> None:
        self.ensure_loaded()
        self.table.clearSelection()
        start = (self.clock() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        self.encounter_id = None
        self.detail = None
        self._loading = True
        self.heading.setText("New encounter")
        self.title_edit.clear()
        self.kind.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.start.setDateTime(_to_qt(start))
        self.end.setDateTime(_to_qt(start + timedelta(hours=1)))
        for edit in (self.location, self.join_url):
            edit.clear()
        self.intention.clear()
        self.notes.clear()
        self.people.clear()
        self._loading = False
        self._update_people_buttons()
        self._set_dirty(True)
        self._show_detail(True)
        self.title_edit.setFocus()

    def form_value(self) -> EncounterInput:
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

    def save(self) -> None:
        if not self._dirty:
            return
        data = self.form_value()
        encounter_id = self.encounter_id
        saved: list[int] = []

        def change(session: Session) -> None:
            if encounter_id is None:
                saved.append(add_encounter(session, data).id)
            else:
                saved.append(update_encounter(session, encounter_id, data).id)

        self._set_dirty(False)
        if not self.write("save the encounter", change):
            self._set_dirty(True)
            return
        self.open_encounter(saved[0])
        self.bus.status.emit(f"Saved {data.title.strip()}")

    def cancel(self) -> None:
        self._set_dirty(False)
        if self.encounter_id is None:
            self._show_detail(False)
        else:
            self._load_detail(self.encounter_id)

    def _choices_excluding_present(self) -> list[object]:
        with self.vault.session() as session:
            choices = contact_choices(session)
        present = {a.contact_id for a in (self.detail.attendees if self.detail else ())}
        return [c for c in choices if c.contact_id not in present]

    def add_person(self) -> None:
        encounter_id = self.encounter_id
        if encounter_id is None:
            return
        contact_id = dialogs.pick_contact(
            self, "Add person", "Who else was (or will be) there?",
            self._choices_excluding_present(),  # type: ignore[arg-type]
        )  # fmt: skip
        if contact_id is None:
            return

        def change(session: Session) -> None:
            from ichigoapp.model import Encounter

            encounter = session.get(Encounter, encounter_id)
            assert encounter is not None
            add_participant(session, encounter, contact_id)

        self.write("add the person", change)

    def remove_person(self) -> None:
        a = self.current_attendee()
        if a is None:
            return
        if not dialogs.confirm(self, "Remove participant",
                               f"Remove {a.label} from this encounter?", "Remove"):  # fmt: skip
            return
        self.write("remove the person", lambda s: remove_participant(s, a.participation_id))

    def link_person(self) -> None:
        a = self.current_attendee()
        if a is None or a.matched:
            return
        with self.vault.session() as session:
            choices = contact_choices(session)
        contact_id = dialogs.pick_contact(self, "Link to contact", f"Who is {a.label}?", choices)
        if contact_id is None:
            return
        if self.write("link the attendee",
                      lambda s: link_participant(s, a.participation_id, contact_id)):  # fmt: skip
            self.bus.status.emit(f"Linked {a.label}")

    def create_person(self) -> None:
        a = self.current_attendee()
        if a is None or a.matched:
            return
        if self.write("create the contact",
                      lambda s: create_contact_from_attendee(s, a.participation_id)):  # fmt: skip
            self.bus.status.emit(f"Added {a.label} to your contacts")

    def open_prep_card(self) -> QWidget | None:
        if self.encounter_id is None:
            return None
        from ichigoapp.ui.prep_pane import open_prep_card  # printing loads only when used

        return open_prep_card(self, self.vault, self.encounter_id, self.clock)

    def _reflect(self) -> None:
        if self.encounter_id is not None:
            self.bus.reflect_on.emit(self.encounter_id)
