"""Contacts: a sortable, filterable list beside the editable detail and a timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.errors import NotFound
from ichigoapp.services.birthdays import birthday_soon
from ichigoapp.services.contacts import (
    ContactInput,
    add_contact,
    contact_form,
    contact_photo,
    delete_contact,
    update_contact,
)
from ichigoapp.services.lists import (
    ContactRow,
    TimelineKind,
    contact_choices,
    contact_rows,
    contact_timeline,
)
from ichigoapp.services.today import local_today, past_cadence
from ichigoapp.ui import fmt
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.dialogs import ask
from ichigoapp.ui.models import ContactTableModel, IdRole, RowFilterProxy
from ichigoapp.ui.pages.base import ListDetailPage
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr
from ichigoapp.ui.widgets.buttons import button
from ichigoapp.ui.widgets.contact_form import ContactForm
from ichigoapp.ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ichigoapp.store import Vault
    from ichigoapp.ui.dialogs.duplicates import DuplicatesDialog
    from ichigoapp.ui.dialogs.merge import MergeDialog
    from ichigoapp.ui.events import EventBus

PHOTO_PX = 64
translate = QCoreApplication.translate

_GLYPH = {
    TimelineKind.ENCOUNTER: "●",
    TimelineKind.REFLECTION: "✎",
    TimelineKind.PROMISE: "→",
    TimelineKind.CHANGE: "·",
}


class ContactsView(ListDetailPage):
    title = QT_TRANSLATE_NOOP("MainWindow", "Contacts")

    def __init__(self, vault: Vault, bus: EventBus, clock: Clock = system_clock) -> None:
        super().__init__(vault, bus, clock)
        self.model = ContactTableModel(self)
        self.proxy = RowFilterProxy.over(self.model)
        self.merge_dialog: MergeDialog | None = None
        self.duplicates_dialog: DuplicatesDialog | None = None

        # --- the list ------------------------------------------------------------------
        self.past_cadence = QCheckBox(translate("ContactsView", "Past keep-in-touch"))
        self.past_cadence.setAccessibleName(
            translate("ContactsView", "Only people not met within their keep-in-touch cadence")
        )
        self.past_cadence.setToolTip(
            translate("ContactsView", "People you hoped to see more often than you have")
        )
        self.past_cadence.toggled.connect(self._apply_predicate)
        self.new_button = button(
            translate("ContactsView", "New"),
            translate("ContactsView", "New contact"),
            self.new_contact,
        )
        self.delete_button = button(
            translate("ContactsView", "Delete…"),
            translate("ContactsView", "Delete contact"),
            self.delete_current,
        )
        self.merge_button = button(
            translate("ContactsView", "Merge…"),
            translate("ContactsView", "Merge with another contact"),
            self.merge_current,
        )
        self.duplicates_button = button(
            translate("ContactsView", "Duplicates…"),
            translate("ContactsView", "Review possible duplicates"),
            self.review_duplicates,
        )
        self.duplicates_button.setToolTip(
            translate("ContactsView", "Contacts that may be the same person")
        )
        self.list = ListPanel(
            self.proxy,
            translate("ContactsView", "Contacts list"),
            translate("ContactsView", "Filter contacts…"),
            translate("ContactsView", "Filter contacts"),
            sort=(ContactTableModel.COL_NAME, Qt.SortOrder.AscendingOrder),
            after=[self.past_cadence],
            buttons=[
                self.new_button,
                self.delete_button,
                self.merge_button,
                self.duplicates_button,
            ],
        )
        self.filter, self.table, self.count_label = self.list.parts()
        self.filter.textChanged.connect(self.proxy.set_text)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 170), (1, 160), (2, 150), (3, 200), (4, 110)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        # --- the detail ----------------------------------------------------------------
        self.subheading = QLabel("")
        self.subheading.setObjectName("muted")
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subheading.setWordWrap(True)
        self.subheading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photo = QLabel()
        self.photo.setAccessibleName(translate("ContactsView", "Photo"))
        self.photo.setFixedSize(PHOTO_PX, PHOTO_PX)
        self.photo.hide()
        heading = QWidget()
        header_row = QHBoxLayout(heading)
        header_row.setContentsMargins(0, 0, 0, 0)
        header_row.setSpacing(12)
        header_row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.subheading)
        header_row.addLayout(words, 1)
        self.form = ContactForm()
        self.form.changed.connect(self._on_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.timeline = QTreeWidget()
        self.timeline.setAccessibleName(translate("ContactsView", "Timeline"))
        self.timeline.setHeaderLabels(
            [translate("ContactsView", "When"), translate("ContactsView", "What")]
        )
        self.timeline.setColumnWidth(0, 140)
        self.timeline.setWordWrap(True)
        self.timeline.itemActivated.connect(self._open_timeline_item)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, translate("ContactsView", "&Details"))
        self.tabs.addTab(self.timeline, translate("ContactsView", "T&imeline"))
        self.save_button.setAccessibleName(translate("ContactsView", "Save contact"))
        self.cancel_button.setAccessibleName(translate("ContactsView", "Discard changes"))
        self.arrange(
            self.list,
            [(heading, 0), (self.tabs, 1)],
            placeholder=translate("ContactsView", "Select a contact, or press Ctrl+N to add one."),
            splitter_name="contactsSplitter",
            stretch=(3, 2),
        )

    # --- state -------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._set_dirty(True)

    def _show_detail(self, show: bool) -> None:
        super()._show_detail(show)
        self.delete_button.setEnabled(show and self.form.contact_id is not None)
        self.merge_button.setEnabled(show and self.form.contact_id is not None)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return int(index.data(IdRole))

    def _apply_predicate(self) -> None:
        if not self.past_cadence.isChecked():
            self.proxy.set_predicate(None)
            return
        now = self.clock()

        def overdue(row: ContactRow) -> bool:
            return past_cadence(row.last_met, row.keep_in_touch_days, now)

        self.proxy.set_predicate(overdue)

    def show_past_cadence(self) -> None:
        """List the people past their keep-in-touch cadence (from Today)."""
        self.ensure_loaded()
        self.filter.clear()
        self.past_cadence.setChecked(True)
        # Longest unseen first.
        self.table.sortByColumn(ContactTableModel.COL_LAST_MET, Qt.SortOrder.AscendingOrder)

    # --- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        now = self.clock()
        keep = self.form.contact_id
        with self.vault.session() as session:
            self.model.set_rows(contact_rows(session, now), now)
            self._choices = contact_choices(session)
        self.count_label.setText(tr("%n person(s)", "", self.model.rowCount()))
        if keep is not None and self.model.row_of_id(keep) is not None:
            self._select(keep, load=not self._dirty)
        elif not self._dirty:
            self.form.contact_id = None
            self._show_detail(False)

    def _select(self, contact_id: int, *, load: bool = True) -> None:
        if self.list.select(contact_id) and load:
            self._load_detail(contact_id)

    def open_contact(self, contact_id: int) -> None:
        """Show one contact (from search, Today, an encounter)."""
        self.ensure_loaded()
        if self._dirty and not self.discard_ok():
            return
        self._set_dirty(False)
        self._select(contact_id)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        contact_id = int(current.data(IdRole))
        if contact_id == self.form.contact_id:
            return
        if self._dirty and not self.discard_ok():
            # Stay on the contact being edited.
            self._select(self.form.contact_id, load=False) if self.form.contact_id else None
            return
        self._load_detail(contact_id)

    def discard_ok(self) -> bool:
        """May unsaved edits go? (Asks; True when there is nothing to lose.)"""
        return not self._dirty or ask.confirm(
            self,
            translate("ContactsView", "Unsaved changes"),
            translate("ContactsView", "Discard the changes to this contact?"),
            translate("ContactsView", "Discard"),
        )

    def _load_detail(self, contact_id: int) -> None:
        now = self.clock()
        with self.vault.session() as session:
            try:
                data = contact_form(session, contact_id)
            except NotFound:  # deleted meanwhile: nothing to show
                return
            photo = contact_photo(session, contact_id)
            timeline = contact_timeline(session, contact_id, now)
        self.form.set_choices(self._choices, exclude=contact_id)
        self.form.load(contact_id, data)
        self._fill_heading(data)
        self._show_photo(photo)
        self.timeline.clear()
        for entry in timeline:
            item = QTreeWidgetItem([fmt.when(entry.when), f"{_GLYPH[entry.kind]} {entry.title}"])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.encounter_id)
            item.setToolTip(1, entry.title)
            if entry.text:
                for line in entry.text.splitlines():
                    child = QTreeWidgetItem(["", line])
                    child.setToolTip(1, line)
                    item.addChild(child)
            self.timeline.addTopLevelItem(item)
        self.tabs.setTabText(
            1,
            translate("ContactsView", "T&imeline ({count})").format(
                count=self.timeline.topLevelItemCount()
            ),
        )
        self._set_dirty(False)
        self._show_detail(True)

    def _fill_heading(self, data: ContactInput) -> None:
        """The name, then what to know at a glance: role, place, how to say the name,
        pronouns, birthday (with how soon it is)."""
        self.heading.setText(data.name or translate("ContactsView", "New contact"))
        role = [", ".join(x for x in (data.title, data.company) if x), data.location]
        person = [data.pronunciation, data.pronouns]
        if data.birthday is not None:
            soon = birthday_soon(data.birthday, local_today(self.clock()), 30)
            born = translate("ContactsView", "Born {date}").format(date=fmt.birthday(data.birthday))
            person.append(
                translate("ContactsView", "{born} ({soon})").format(born=born, soon=soon.lower())
                if soon
                else born
            )
        lines = [" · ".join(b for b in bits if b) for bits in (role, person)]
        self.subheading.setText("\n".join(line for line in lines if line))

    def _show_photo(self, photo: bytes | None) -> None:
        picture = QPixmap()
        if photo and picture.loadFromData(photo):
            self.photo.setPixmap(
                picture.scaled(
                    PHOTO_PX,
                    PHOTO_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.photo.show()
        else:
            self.photo.clear()
            self.photo.hide()

    def _open_timeline_item(self, item: QTreeWidgetItem, _column: int) -> None:
        encounter_id = item.data(0, Qt.ItemDataRole.UserRole)
        if encounter_id:
            self.bus.open_encounter.emit(int(encounter_id))

    # --- actions -----------------------------------------------------------------------
    def new_contact(self) -> None:
        self.ensure_loaded()
        if self._dirty and not self.discard_ok():
            return
        self.table.clearSelection()
        self.form.set_choices(getattr(self, "_choices", []), exclude=None)
        self.form.load(None, ContactInput(name=""))
        self.heading.setText(translate("ContactsView", "New contact"))
        self.subheading.setText(
            translate("ContactsView", "Only a name is needed; add the rest when you know it.")
        )
        self._show_photo(None)
        self.timeline.clear()
        self.tabs.setCurrentIndex(0)
        self._show_detail(True)
        self._set_dirty(True)
        self.form.name.setFocus()

    def save(self) -> None:
        if not self.detail_widget.isVisible() and self.form.contact_id is None and not self._dirty:
            return
        data = self.form.value()
        contact_id = self.form.contact_id
        saved: list[int] = []

        def change(session: Session) -> None:
            if contact_id is None:
                saved.append(add_contact(session, data).id)
            else:
                saved.append(update_contact(session, contact_id, data).id)

        self._set_dirty(False)  # so the refresh triggered by the change reloads the form
        if not self.write(translate("ContactsView", "save the contact"), change):
            self._set_dirty(True)
            return
        self.form.contact_id = saved[0]
        self.ensure_loaded()
        self._select(saved[0])
        self.bus.status.emit(
            translate("ContactsView", "Saved {name}").format(name=data.name.strip())
        )

    def draft(self) -> ContactInput | None:
        """What is typed in the form and not saved yet (None: nothing)."""
        return self.form.value() if self._dirty else None

    def restore_draft(self, contact_id: int | None, data: ContactInput) -> None:
        """Put back edits kept over a lock, unsaved, as they were typed."""
        self.ensure_loaded()
        if contact_id is not None:
            self._select(contact_id)
        else:
            self.new_contact()
        self.form.load(contact_id, data)
        self._set_dirty(True)

    def cancel(self) -> None:
        self._set_dirty(False)
        if self.form.contact_id is None:
            self._show_detail(False)
        else:
            self._load_detail(self.form.contact_id)
        self.bus.status.emit(translate("ContactsView", "Changes discarded"))

    def delete_current(self) -> None:
        contact_id = self.form.contact_id
        if contact_id is None:
            return
        name = self.form.name.text() or translate("ContactsView", "this contact")
        from ichigoapp.services.addressbooks import books_writing

        with self.vault.session() as session:
            books = books_writing(session, contact_id)
        named = translate("ContactsView", ", ").join(
            translate("ContactsView", "'{book}'").format(book=book) for book in books
        )
        cards = (
            "\n\n"
            + translate(
                "ContactsView",
                "Their card in the address book {books} is deleted too at the next sync.",
            ).format(books=named)
            if books
            else ""
        )
        if not ask.confirm(
            self,
            translate("ContactsView", "Delete contact"),
            translate(
                "ContactsView",
                "Delete {name}?\n\nTheir encounters, reflections and promises stay; "
                "the meetings keep their name as an attendee.",
            ).format(name=name)
            + cards,
            translate("ContactsView", "Delete"),
        ):
            return
        self._set_dirty(False)
        self.form.contact_id = None
        what = translate("ContactsView", "delete the contact")
        if self.write(what, lambda s: delete_contact(s, contact_id)):
            self._show_detail(False)
            self.bus.status.emit(translate("ContactsView", "Deleted {name}").format(name=name))

    def merge_current(self) -> None:
        keep_id = self.form.contact_id
        if keep_id is None:
            return
        keep_name = self.form.name.text()
        choices = [c for c in self._choices if c.contact_id != keep_id]
        other_id = ask.pick_contact(
            self,
            translate("ContactsView", "Merge contacts"),
            translate("ContactsView", "Merge which contact into {name}?").format(name=keep_name),
            choices,
        )
        if other_id is None:
            return
        # Side by side, choose which to keep, confirm, back up, merge (ui/dialogs/merge.py).
        from ichigoapp.ui.dialogs.merge import open_merge_dialog

        self._set_dirty(False)
        self.merge_dialog = open_merge_dialog(self, self.vault, self.bus, keep_id, other_id)
        self.merge_dialog.merged.connect(lambda kept: self._select(kept))

    def review_duplicates(self) -> None:
        """The pairs that may be one person, to merge or tell apart."""
        from ichigoapp.ui.dialogs.duplicates import open_duplicates_dialog

        if self.duplicates_dialog is not None and self.duplicates_dialog.isVisible():
            self.duplicates_dialog.raise_()
            return
        self.duplicates_dialog = open_duplicates_dialog(self, self.vault, self.bus)
        self.duplicates_dialog.destroyed.connect(self._forget_duplicates_dialog)

    def _forget_duplicates_dialog(self) -> None:
        self.duplicates_dialog = None
