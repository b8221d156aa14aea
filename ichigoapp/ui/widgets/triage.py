"""New-people triage: meet each unknown attendee once, and decide who they are.

Per person: create a contact (name and address prefilled, the name editable), link them
to an existing contact (a searchable picker), or ignore them. Suggestions from a matching
name or a meeting title ("Coffee with Hanako") are shown as a question with their own
button: the user confirms every link, none is made silently.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.services.lists import contact_choices
from ichigoapp.services.triage import (
    NewPerson,
    create_contact_for,
    ignore_person,
    link_person,
    new_people,
)
from ichigoapp.ui import fmt
from ichigoapp.ui.changes import commit
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.translation import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

PersonRole = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate


class TriageWidget(QWidget):
    """The list of new people beside the one being decided on."""

    remaining_changed = Signal(int)

    def __init__(
        self,
        vault: Vault,
        bus: EventBus,
        encounter_id: int | None = None,
        clock: Clock = system_clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.bus = bus
        self.encounter_id = encounter_id
        self.clock = clock
        self.people: list[NewPerson] = []
        self._keep_row = 0
        self.suggestion_buttons: list[QPushButton] = []

        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        hint = QLabel(
            translate(
                "TriageWidget",
                "People from your calendar who are not in your contacts yet. Decide once per "
                "person: every meeting they appear in follows. ★ marks a suggestion; nothing is "
                "linked without you.",
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.scope_button = QPushButton(translate("TriageWidget", "Show everyone new"))
        self.scope_button.setAccessibleName(
            translate("TriageWidget", "Show new people from all meetings")
        )
        self.scope_button.clicked.connect(self.show_everyone)
        self.scope_button.setVisible(encounter_id is not None)

        self.filter = QLineEdit(placeholderText=translate("TriageWidget", "Filter new people…"))
        self.filter.setAccessibleName(translate("TriageWidget", "Filter new people"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("TriageWidget", "New people"))
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        # Long addresses elide (the detail shows them whole) rather than scroll sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 6, 0)
        lv.addWidget(self.filter)
        lv.addWidget(self.list, 1)

        # --- the person being decided on ------------------------------------------------
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(translate("TriageWidget", "Name for the new contact"))
        self.email_label = QLabel()
        self.email_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meetings_label = QLabel()
        self.meetings_label.setWordWrap(True)
        self.meetings_label.setTextFormat(Qt.TextFormat.RichText)
        self.meetings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("TriageWidget", "&Name:"), self.name_edit)
        form.addRow(translate("TriageWidget", "Address:"), self.email_label)
        form.addRow(translate("TriageWidget", "Meetings:"), self.meetings_label)

        self.suggestion_box = QFrame()
        self.suggestion_box.setObjectName("card")
        self.suggestion_layout = QVBoxLayout(self.suggestion_box)
        self.suggestion_layout.setContentsMargins(12, 10, 12, 10)

        self.create_button = QPushButton(translate("TriageWidget", "Create contact"))
        self.create_button.setObjectName("primary")
        self.create_button.setAccessibleName(
            translate("TriageWidget", "Create a contact for this person")
        )
        self.create_button.clicked.connect(self.create_current)
        self.link_button = QPushButton(translate("TriageWidget", "Link to existing contact…"))
        self.link_button.setAccessibleName(
            translate("TriageWidget", "Link this person to an existing contact")
        )
        self.link_button.clicked.connect(self.link_current)
        self.ignore_button = QPushButton(translate("TriageWidget", "Ignore"))
        self.ignore_button.setAccessibleName(translate("TriageWidget", "Ignore this person"))
        self.ignore_button.setToolTip(
            translate(
                "TriageWidget",
                "A room, a mailing list, someone you will not follow up: not asked about again,\n"
                "here or in calendars you import later",
            )
        )
        self.ignore_button.clicked.connect(self.ignore_current)
        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addWidget(self.link_button)
        actions.addStretch(1)
        actions.addWidget(self.ignore_button)

        self.detail = QWidget()
        dv = QVBoxLayout(self.detail)
        dv.setContentsMargins(6, 0, 0, 0)
        self.person_title = QLabel()
        self.person_title.setObjectName("pageTitle")
        self.person_title.setWordWrap(True)
        dv.addWidget(self.person_title)
        dv.addLayout(form)
        dv.addWidget(self.suggestion_box)
        dv.addLayout(actions)
        dv.addStretch(1)

        self.empty = QLabel(
            translate(
                "TriageWidget", "Nobody new is waiting. Everyone you will meet is in your contacts."
            )
        )
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 540])

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.scope_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)

        bus.data_changed.connect(self.reload)
        self.reload()

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        with self.vault.session() as session:
            self.people = new_people(session, self.encounter_id, self.clock())
        blocked = self.list.blockSignals(True)
        self.list.clear()
        now = self.clock()
        for person in self.people:
            count = len(person.meetings)
            bits = [
                person.email or translate("TriageWidget", "no address"),
                tr("%n meeting(s)", "", count),
            ]
            mark = "  ★" if person.suggestions else ""
            item = QListWidgetItem(f"{person.label}{mark}\n{' · '.join(bits)}")
            upcoming = person.next_meeting(now)
            if upcoming is not None:
                item.setToolTip(
                    translate("TriageWidget", "Next: {title}, {when}").format(
                        title=upcoming.title, when=fmt.when(upcoming.start, now)
                    )
                )
            item.setData(PersonRole, person.key)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        self._apply_filter(self.filter.text())
        n = len(self.people)
        if not n:
            heading = translate("TriageWidget", "No new people")
        elif self.encounter_id is not None:
            heading = tr("%n new person(s) in this meeting", "", n)
        else:
            heading = tr("%n new person(s)", "", n)
        self.heading.setText(heading)
        has_people = bool(self.people)
        self.splitter.setVisible(has_people)
        self.empty.setVisible(not has_people)
        if has_people:
            self._select_row(min(self._keep_row, len(self.people) - 1))
        self._show_current()
        self.remaining_changed.emit(n)

    def _select_row(self, row: int) -> None:
        for r in list(range(row, self.list.count())) + list(range(row - 1, -1, -1)):
            if not self.list.item(r).isHidden():
                self.list.setCurrentRow(r)
                return

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._select_row(0)

    def show_everyone(self) -> None:
        self.encounter_id = None
        self.scope_button.setVisible(False)
        self.reload()

    def current_person(self) -> NewPerson | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        key = item.data(PersonRole)
        return next((p for p in self.people if p.key == key), None)

    def _show_current(self) -> None:
        person = self.current_person()
        for button in (self.create_button, self.link_button, self.ignore_button):
            button.setEnabled(person is not None)
        self._clear_suggestions()
        if person is None:
            self.person_title.setText("")
            self.name_edit.clear()
            self.email_label.clear()
            self.meetings_label.clear()
            self.suggestion_box.setVisible(False)
            return
        now = self.clock()
        self.person_title.setText(person.label)
        # Prefilled from the invite; an address's local part is a better start than nothing.
        self.name_edit.setText(person.name or person.email.split("@")[0])
        self.email_label.setText(
            person.email or translate("TriageWidget", "(the invite gave no address)")
        )
        lines = []
        for m in person.meetings[:8]:
            cancelled = escape(translate("TriageWidget", "(cancelled)"))
            state = f" <i>{cancelled}</i>" if m.cancelled else ""
            lines.append(f"{escape(fmt.when(m.start, now))} · {escape(m.title)}{state}")
        if len(person.meetings) > 8:
            more = tr("and %n more", "", len(person.meetings) - 8)
            lines.append(f"<i>{escape(more)}</i>")
        self.meetings_label.setText("<br>".join(lines))
        self.suggestion_box.setVisible(bool(person.suggestions))
        for suggestion in person.suggestions:
            who = escape(suggestion.name)
            if suggestion.subtitle:
                who += f" <span style='color:gray'>({escape(suggestion.subtitle)})</span>"
            question = translate("TriageWidget", "Is this <b>{name}</b>?").format(name=who)
            label = QLabel(f"{question}<br><small>{escape(suggestion.reason)}</small>")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(
                translate("TriageWidget", "Yes, link to {name}").format(name=suggestion.name)
            )
            button.setAccessibleName(
                translate("TriageWidget", "Link to suggested contact {name}").format(
                    name=suggestion.name
                )
            )
            button.clicked.connect(
                lambda _=False, cid=suggestion.contact_id, name=suggestion.name: self.link_to(
                    cid, name
                )
            )
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            self.suggestion_layout.addLayout(row)
            self.suggestion_buttons.append(button)

    def _clear_suggestions(self) -> None:
        self.suggestion_buttons.clear()
        while self.suggestion_layout.count():
            item = self.suggestion_layout.takeAt(0)
            inner = item.layout() if item is not None else None
            if inner is not None:
                while inner.count():
                    child = inner.takeAt(0)
                    widget = child.widget() if child is not None else None
                    if widget is not None:
                        widget.deleteLater()
                inner.deleteLater()

    # --- decisions -----------------------------------------------------------------------
    def _write(self, what: str, change: Callable[[Session], object], done: str) -> bool:
        self._keep_row = max(0, self.list.currentRow())
        # Every view (Today's badges, the encounter's people, this list) refreshes itself.
        if not commit(self, self.vault, self.bus, what, change):
            return False
        self.bus.status.emit(done)
        return True

    def create_current(self) -> bool:
        person = self.current_person()
        if person is None:
            return False
        name = self.name_edit.text().strip() or person.label
        ids = person.participation_ids
        return self._write(
            translate("TriageWidget", "create the contact"),
            lambda s: create_contact_for(s, ids, name, person.email),
            translate("TriageWidget", "Added {name} to your contacts").format(name=name),
        )

    def link_current(self) -> bool:
        person = self.current_person()
        if person is None:
            return False
        with self.vault.session() as session:
            choices = contact_choices(session)
        contact_id = ask.pick_contact(
            self,
            translate("TriageWidget", "Link to contact"),
            translate("TriageWidget", "Who is {name}?").format(name=person.label),
            choices,
        )
        if contact_id is None:
            return False
        name = next(
            (c.name for c in choices if c.contact_id == contact_id),
            translate("TriageWidget", "the contact"),
        )
        return self.link_to(contact_id, name)

    def link_to(self, contact_id: int, name: str) -> bool:
        person = self.current_person()
        if person is None:
            return False
        ids = person.participation_ids
        return self._write(
            translate("TriageWidget", "link the person"),
            lambda s: link_person(s, ids, contact_id),
            translate("TriageWidget", "Linked {person} to {name}").format(
                person=person.label, name=name
            ),
        )

    def ignore_current(self) -> bool:
        person = self.current_person()
        if person is None:
            return False
        ids = person.participation_ids
        return self._write(
            translate("TriageWidget", "ignore the person"),
            lambda s: ignore_person(s, ids),
            translate("TriageWidget", "Ignored {name}").format(name=person.label),
        )
