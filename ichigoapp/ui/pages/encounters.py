"""Encounters: upcoming, past and cancelled meetings with their people and intention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QToolButton,
    QWidget,
)

from ichigoapp.errors import NotFound
from ichigoapp.services.encounters import (
    EncounterStatus,
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
from ichigoapp.services.triage import create_contact_from_attendee
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.models import EncounterTableModel, IdRole, RowFilterProxy
from ichigoapp.ui.pages.base import ListDetailPage
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr
from ichigoapp.ui.widgets.buttons import button
from ichigoapp.ui.widgets.encounter_form import EncounterForm
from ichigoapp.ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.services.lists import ContactChoice
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

# How many pages open_encounter() reads to find and select an older encounter.
FIND_PAGES = 10
translate = QCoreApplication.translate
# The scope buttons: the text, and the name a screen reader says.
SCOPES = (
    (
        EncounterScope.UPCOMING,
        QT_TRANSLATE_NOOP("EncountersView", "Upcoming"),
        QT_TRANSLATE_NOOP("EncountersView", "Show upcoming encounters"),
    ),
    (
        EncounterScope.PAST,
        QT_TRANSLATE_NOOP("EncountersView", "Past"),
        QT_TRANSLATE_NOOP("EncountersView", "Show past encounters"),
    ),
    (
        EncounterScope.CANCELLED,
        QT_TRANSLATE_NOOP("EncountersView", "Cancelled"),
        QT_TRANSLATE_NOOP("EncountersView", "Show cancelled encounters"),
    ),
    (
        EncounterScope.ALL,
        QT_TRANSLATE_NOOP("EncountersView", "All"),
        QT_TRANSLATE_NOOP("EncountersView", "Show all encounters"),
    ),
)


class EncountersView(ListDetailPage):
    title = QT_TRANSLATE_NOOP("MainWindow", "Encounters")

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self.model = EncounterTableModel(self)
        self.proxy = RowFilterProxy.over(self.model)
        self.scope = EncounterScope.UPCOMING
        self.encounter_id: int | None = None
        self.detail: EncounterDetail | None = None

        # --- list ----------------------------------------------------------------------
        self.scope_buttons: dict[EncounterScope, QToolButton] = {}
        group = QButtonGroup(self)
        scopes = QHBoxLayout()
        scopes.setSpacing(4)
        for scope, text, name in SCOPES:
            toggle = QToolButton()
            toggle.setText(translate("EncountersView", text))
            toggle.setCheckable(True)
            toggle.setAccessibleName(translate("EncountersView", name))
            toggle.clicked.connect(lambda _=False, s=scope: self.set_scope(s))
            group.addButton(toggle)
            scopes.addWidget(toggle)
            self.scope_buttons[scope] = toggle
        self.scope_buttons[self.scope].setChecked(True)
        scopes.addStretch(1)
        new = translate("EncountersView", "New encounter")
        self.new_button = button(new, new, self.new_encounter)
        self.list = ListPanel(
            self.proxy,
            translate("EncountersView", "Encounters list"),  # the scope decides the order
            translate("EncountersView", "Filter encounters…"),
            translate("EncountersView", "Filter encounters"),
            above=scopes,
            buttons=[self.new_button],
        )
        self.filter, self.table, self.count_label = self.list.parts()
        self.search = self.list.search_the_vault(self.reload)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            EncounterTableModel.COL_PEOPLE, QHeaderView.ResizeMode.Stretch
        )
        for col, width in ((0, 130), (1, 230), (3, 150)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        # --- detail --------------------------------------------------------------------
        self.heading.setWordWrap(True)
        self.form = EncounterForm()
        self.form.changed.connect(lambda: self._set_dirty(True))
        self.form.attendee_changed.connect(self._update_people_buttons)
        self.form.open_contact.connect(self.bus.open_contact.emit)
        self.form.add_person_button.clicked.connect(self.add_person)
        self.form.remove_person_button.clicked.connect(self.remove_person)
        self.form.link_button.clicked.connect(self.link_person)
        self.form.create_button.clicked.connect(self.create_person)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.reflect_button = button(
            translate("EncountersView", "Reflect…"),
            translate("EncountersView", "Reflect on this encounter"),
            self._reflect,
        )
        self.prep_button = button(
            translate("EncountersView", "Prep card…"),
            translate("EncountersView", "Prep card for this encounter"),
            self.open_prep_card,
        )
        self.prep_button.setToolTip(
            translate("EncountersView", "Preview, print or save the card to read before you go")
        )
        self.save_button.setAccessibleName(translate("EncountersView", "Save encounter"))
        self.cancel_button.setAccessibleName(
            translate("EncountersView", "Discard encounter changes")
        )
        self.arrange(
            self.list,
            [(self.heading, 0), (scroll, 1)],
            buttons=(self.reflect_button, self.prep_button),
            placeholder=translate(
                "EncountersView", "Select an encounter, or press Ctrl+Shift+N to add one."
            ),
            splitter_name="encountersSplitter",
            stretch=(1, 1),
        )

    # --- state -----------------------------------------------------------------------------
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
                lambda n: tr("%n encounter(s)", "", n),
                self.model.rowCount(),
                self.model.complete,
                text,
                lambda session: encounter_count(session, now, scope),
            )
        )
        if self.encounter_id is not None:
            self.list.select(self.encounter_id)
            if not self._dirty:
                self._load_detail(self.encounter_id)

    def open_encounter(self, encounter_id: int) -> None:
        self.ensure_loaded()
        if self.model.row_of_id(encounter_id) is None:
            # Show it in the scope that holds it (unsearched), then find and select it.
            with self.vault.session() as session:
                try:
                    scope = scope_of(encounter_detail(session, encounter_id), self.clock())
                except NotFound:  # deleted meanwhile: nothing to show
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
        self.list.select(encounter_id)
        self._load_detail(encounter_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_detail(int(current.data(IdRole)))

    def _load_detail(self, encounter_id: int) -> None:
        with self.vault.session() as session:
            try:
                detail = encounter_detail(session, encounter_id)
            except NotFound:  # deleted meanwhile: nothing to show
                self.encounter_id = None
                self._show_detail(False)
                return
        self.encounter_id = encounter_id
        self.detail = detail
        self.heading.setText(detail.title)
        self.form.load(detail)
        self.reflect_button.setText(
            translate("EncountersView", "Edit reflection…")
            if detail.has_reflection
            else translate("EncountersView", "Reflect…")
        )
        self._set_dirty(False)
        self._show_detail(True)

    def _update_people_buttons(self) -> None:
        a = self.form.current_attendee()
        saved = self.encounter_id is not None
        self.form.add_person_button.setEnabled(saved)
        self.form.remove_person_button.setEnabled(a is not None)
        self.form.link_button.setEnabled(a is not None and not a.matched)
        self.form.create_button.setEnabled(a is not None and not a.matched)
        self.reflect_button.setEnabled(saved)
        cancelled = self.detail is not None and self.detail.status == EncounterStatus.CANCELLED
        self.prep_button.setEnabled(saved and not cancelled)  # a cancelled meeting has no card

    # --- actions ---------------------------------------------------------------------------
    def new_encounter(self) -> None:
        self.ensure_loaded()
        self.table.clearSelection()
        start = (self.clock() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        self.encounter_id = None
        self.detail = None
        self.heading.setText(translate("EncountersView", "New encounter"))
        self.form.clear_for_new(start)
        self._update_people_buttons()
        self._set_dirty(True)
        self._show_detail(True)
        self.form.title_edit.setFocus()

    def save(self) -> None:
        if not self._dirty:
            return
        data = self.form.value()
        encounter_id = self.encounter_id
        saved: list[int] = []

        def change(session: Session) -> None:
            if encounter_id is None:
                saved.append(add_encounter(session, data).id)
            else:
                saved.append(update_encounter(session, encounter_id, data).id)

        self._set_dirty(False)
        if not self.write(translate("EncountersView", "save the encounter"), change):
            self._set_dirty(True)
            return
        self.open_encounter(saved[0])
        self.bus.status.emit(
            translate("EncountersView", "Saved {title}").format(title=data.title.strip())
        )

    def cancel(self) -> None:
        self._set_dirty(False)
        if self.encounter_id is None:
            self._show_detail(False)
        else:
            self._load_detail(self.encounter_id)

    def _choices_excluding_present(self) -> list[ContactChoice]:
        with self.vault.session() as session:
            choices = contact_choices(session)
        present = {a.contact_id for a in (self.detail.attendees if self.detail else ())}
        return [c for c in choices if c.contact_id not in present]

    def add_person(self) -> None:
        encounter_id = self.encounter_id
        if encounter_id is None:
            return
        contact_id = ask.pick_contact(
            self,
            translate("EncountersView", "Add person"),
            translate("EncountersView", "Who else was (or will be) there?"),
            self._choices_excluding_present(),
        )
        if contact_id is None:
            return
        self.write(
            translate("EncountersView", "add the person"),
            lambda s: add_participant(s, encounter_id, contact_id),
        )

    def remove_person(self) -> None:
        a = self.form.current_attendee()
        if a is None:
            return
        if not ask.confirm(
            self,
            translate("EncountersView", "Remove participant"),
            translate("EncountersView", "Remove {name} from this encounter?").format(name=a.label),
            translate("EncountersView", "Remove"),
        ):
            return
        self.write(
            translate("EncountersView", "remove the person"),
            lambda s: remove_participant(s, a.participation_id),
        )

    def link_person(self) -> None:
        a = self.form.current_attendee()
        if a is None or a.matched:
            return
        with self.vault.session() as session:
            choices = contact_choices(session)
        contact_id = ask.pick_contact(
            self,
            translate("EncountersView", "Link to contact"),
            translate("EncountersView", "Who is {name}?").format(name=a.label),
            choices,
        )
        if contact_id is None:
            return
        if self.write(
            translate("EncountersView", "link the attendee"),
            lambda s: link_participant(s, a.participation_id, contact_id),
        ):
            self.bus.status.emit(translate("EncountersView", "Linked {name}").format(name=a.label))

    def create_person(self) -> None:
        a = self.form.current_attendee()
        if a is None or a.matched:
            return
        if self.write(
            translate("EncountersView", "create the contact"),
            lambda s: create_contact_from_attendee(s, a.participation_id),
        ):
            self.bus.status.emit(
                translate("EncountersView", "Added {name} to your contacts").format(name=a.label)
            )

    def open_prep_card(self) -> QWidget | None:
        if self.encounter_id is None:
            return None
        from ichigoapp.ui.dialogs.prep_card import open_prep_card  # printing loads when used

        return open_prep_card(self, self.vault, self.encounter_id, self.clock)

    def _reflect(self) -> None:
        if self.encounter_id is not None:
            self.bus.reflect_on.emit(self.encounter_id)
