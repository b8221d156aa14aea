"""Today: what needs me now, calmly: the week ahead, reflections, promises, thanks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

# Nothing that loads SQLAlchemy or the model at import: before the vault is open the
# page shows a first overview read without them (``show_first``, ui/main_window.py),
# and the services that change the vault are imported where they are used.
from ichigoapp.services.today_items import (
    TODAY_LIMIT,
    Listing,
    MeetingItem,
    TodayOverview,
    local_today,
)
from ichigoapp.ui import fmt, theme
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.pages.base import Page
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr
from ichigoapp.ui.widgets.buttons import button
from ichigoapp.ui.widgets.clickable import ClickableLabel
from ichigoapp.ui.widgets.section import Section
from ichigoapp.ui.worker import Worker

if TYPE_CHECKING:
    from ichigoapp.store import Vault
    from ichigoapp.ui.events import EventBus

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Below this width the cards stand in one column: side by side they would be too
# narrow for their text.
ONE_COLUMN_BELOW_PX = 900


def _link(kind: str, ident: int, text: str) -> str:
    # No underline: a page of underlined names reads as noise, not as calm.
    return f'<a style="text-decoration:none" href="{kind}:{ident}">{escape(text)}</a>'


class TodayView(Page):
    title = QT_TRANSLATE_NOOP("MainWindow", "Today")
    # A "N new" badge was clicked: triage the new people of that encounter.
    triage_requested = Signal(int)
    # Once, when the page is first painted with the vault's data.
    first_painted = Signal()

    def __init__(self, vault: Vault | None, bus: EventBus, clock: Clock = system_clock) -> None:
        """Without ``vault``, the page shows what :meth:`show_first` gives it, and its
        buttons wait for :meth:`attach_vault`."""
        super().__init__(vault, bus, clock)
        self.overview: TodayOverview | None = None
        self.reflect_buttons: dict[int, QPushButton] = {}
        self.badges: dict[int, ClickableLabel] = {}
        self.promise_buttons: dict[int, QPushButton] = {}
        self.thanks_buttons: dict[tuple[int, int | None], QPushButton] = {}
        self.duplicates_button: QPushButton | None = None
        # Possible duplicates: the last count, and the worker making a new one.
        self.duplicate_pairs = 0
        self._duplicates_worker: Worker | None = None
        self._recount = False
        self._count_when_painted = False
        self._was_painted = False
        self._work_ended = False  # the vault is closing: start no more threads

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        self._content: QWidget | None = None
        self._columns: QBoxLayout | None = None

    def _on_link(self, href: str) -> None:
        kind, _, ident = href.partition(":")
        if kind == "encounter":
            self.bus.open_encounter.emit(int(ident))
        elif kind == "contact":
            self.bus.open_contact.emit(int(ident))
        elif kind == "more":
            self.open_full_list(ident)

    def open_full_list(self, section: str) -> None:
        """Show the whole list behind a section's "N more…" link in its own view."""
        from ichigoapp.services.lists import EncounterScope

        window = self.window()
        show_page = getattr(window, "show_page", None)
        target = {
            "upcoming": "encounters",
            "reflect": "encounters",
            "promises": "promises",
            "thanks": "reflections",
            "touch": "contacts",
        }.get(section)
        page = getattr(window, target, None) if target else None
        if page is None or show_page is None:
            return
        show_page(page)
        if section == "upcoming":
            page.set_scope(EncounterScope.UPCOMING)
        elif section == "reflect":
            page.set_scope(EncounterScope.PAST)
        elif section == "thanks":
            page.show_unsent_thanks()
        elif section == "touch":
            page.show_past_cadence()
        elif section == "promises":
            page.show_open()

    def _more(
        self,
        section: Section,
        listing: Listing[object],
        key: str,
        more: Callable[[int], str],
        name: Callable[[int], str],
    ) -> None:
        """The "N more…" link under a section: ``more(n)`` says how many more there are,
        ``name(total)`` names the link for screen readers."""
        if listing.more <= 0:
            return
        label = self._label(
            f'<a style="text-decoration:none" href="more:{key}">{escape(more(listing.more))}</a>',
            name=name(listing.total),
        )
        section.add_more(label)

    def _label(self, html: str, name: str = "") -> QLabel:
        label = QLabel(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self._on_link)
        if name:
            label.setAccessibleName(name)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for w in widgets:
            layout.addWidget(w)
        return row

    def _row_with_button(self, section: Section, body: QLabel, action: QPushButton) -> QPushButton:
        section.add_row(self._row(body, action))
        return action

    def _people_html(self, meeting: MeetingItem) -> str:
        parts = []
        for a in meeting.attendees:
            if a.contact_id is not None:
                parts.append(_link("contact", a.contact_id, a.label))
            else:
                parts.append(f"<i>{escape(a.label)}</i>")
        if not parts:
            return "<i>{}</i>".format(escape(translate("TodayView", "no attendees")))
        return translate("TodayView", ", ").join(parts)

    def reload(self) -> None:
        from ichigoapp.services.today import today_overview

        now = self.clock()
        with self.vault.session() as session:
            overview = today_overview(session, now, limit=TODAY_LIMIT, duplicates=False)
        self._show(overview)

    def expect_first(self) -> None:
        """:meth:`show_first` will come: until then, being shown reads nothing."""
        self._stale = False

    def show_first(self, overview: TodayOverview) -> None:
        """Show ``overview``, read before the vault was open (``read_overview``), as if
        the page had loaded it: it is not read again until the data or the day change."""
        self._stale = False
        self._show(overview)

    def attach_vault(self, vault: Vault) -> None:
        """The vault is open: the buttons work, and the possible duplicates are counted."""
        super().attach_vault(vault)
        if self._was_painted:
            QTimer.singleShot(0, self._count_duplicates)

    @property
    def was_painted(self) -> bool:
        return self._was_painted

    def _show(self, overview: TodayOverview) -> None:
        now = overview.now
        # The last count, while a fresh one is made off the GUI thread (_count_duplicates).
        self.overview = overview = replace(overview, possible_duplicates=self.duplicate_pairs)
        self.reflect_buttons.clear()
        self.badges.clear()
        self.promise_buttons.clear()
        self.thanks_buttons.clear()
        self.duplicates_button = None
        today = local_today(now)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(24, 20, 24, 24)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        title = QLabel(
            translate("TodayView", "Today · {date}").format(
                date=fmt.full_day(fmt.local(now).date())
            )
        )
        title.setObjectName("pageTitle")
        grid.addWidget(title, 0, 0, 1, 2)
        motto = QLabel(
            translate("TodayView", "Ichi-go ichi-e: treat each meeting as the only one.")
        )
        motto.setObjectName("muted")
        grid.addWidget(motto, 1, 0, 1, 2)

        left = QVBoxLayout()
        left.setSpacing(14)
        right = QVBoxLayout()
        right.setSpacing(14)

        week = Section(translate("TodayView", "The week ahead"), self._new_people_hint(overview))
        for m in overview.upcoming:
            when = QLabel(fmt.when(m.start, now))
            when.setMinimumWidth(130)
            when.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            body = self._label(
                f"<b>{_link('encounter', m.encounter_id, m.title)}</b><br>{self._people_html(m)}",
                name=translate("TodayView", "Meeting {title}").format(title=m.title),
            )
            widgets: list[QWidget] = [when, body]
            if m.new_people:
                badge = ClickableLabel(tr("%n new", "", m.new_people))
                badge.setObjectName("badge")
                badge.setAccessibleName(tr("%n new person(s) to triage", "", m.new_people))
                badge.setToolTip(
                    translate("TodayView", "People not in your contacts yet: click to meet them")
                )
                badge.clicked.connect(lambda eid=m.encounter_id: self.triage_requested.emit(eid))
                badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
                # Fixed, so a meeting with many people does not stretch it into a pillar.
                badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                self.badges[m.encounter_id] = badge
                widgets.append(badge)
            week.add_row(self._row(*widgets))
        self._more(
            week,
            overview.upcoming,
            "upcoming",
            lambda n: tr("%n more meeting(s) this week…", "", n),
            lambda n: tr("Show all %n meeting(s) this week", "", n),
        )
        if not overview.upcoming:
            week.add_empty(translate("TodayView", "No meetings in the next seven days."))
        left.addWidget(week)

        if overview.awaiting_reflection:
            section = Section(
                translate("TodayView", "Waiting for a reflection"),
                translate(
                    "TodayView", "What did you learn, what went well, what are you grateful for?"
                ),
            )
            for m in overview.awaiting_reflection:
                body = self._label(
                    f"{_link('encounter', m.encounter_id, m.title)}"
                    f"<br><small>{escape(fmt.when(m.start, now))} · "
                    f"{self._people_html(m)}</small>"
                )
                self.reflect_buttons[m.encounter_id] = self._row_with_button(
                    section,
                    body,
                    button(
                        translate("TodayView", "Reflect now"),
                        translate("TodayView", "Reflect on {title}").format(title=m.title),
                        partial(self.bus.reflect_on.emit, m.encounter_id),
                    ),
                )
            self._more(
                section,
                overview.awaiting_reflection,
                "reflect",
                lambda n: tr("%n more past meeting(s)…", "", n),
                lambda n: tr("Show all %n past meeting(s)", "", n),
            )
            right.addWidget(section)

        if overview.promises_due:
            section = Section(translate("TodayView", "Promises due"))
            for p in overview.promises_due:
                if p.mine:
                    who = translate("TodayView", "I promised {name}").format(
                        name=escape(p.contact_name)
                    )
                elif p.contact_name:
                    who = translate("TodayView", "{name} promised me").format(
                        name=escape(p.contact_name)
                    )
                else:
                    who = escape(translate("TodayView", "They promised me"))
                state = escape(fmt.due(p.due, today))
                colour = theme.accent().name() if p.overdue(today) else ""
                state_html = f'<span style="font-weight:600; color:{colour}">{state}</span>'
                body = self._label(
                    f"{escape(p.text)}<br><small>{who} · {state_html}</small>",
                    name=translate("TodayView", "Promise {text}").format(text=p.text),
                )
                self.promise_buttons[p.promise_id] = self._row_with_button(
                    section,
                    body,
                    button(
                        translate("TodayView", "Done"),
                        translate("TodayView", "Mark done: {text}").format(text=p.text),
                        partial(self._done, p.promise_id),
                    ),
                )
            self._more(
                section,
                overview.promises_due,
                "promises",
                lambda n: tr("%n more promise(s)…", "", n),
                lambda n: tr("Show all %n promise(s)", "", n),
            )
            right.addWidget(section)

        if overview.unsent_thanks:
            section = Section(
                translate("TodayView", "Thanks to send"),
                translate("TodayView", "Gratitude noted but not yet said."),
            )
            for t in overview.unsent_thanks:
                # A row per person of the meeting still to thank (services/thanks.py).
                who = t.name or translate("TodayView", "them")
                person = (
                    _link("contact", t.contact_id, t.name)
                    if t.contact_id is not None
                    else escape(who)
                )
                body = self._label(
                    f"{escape(t.gratitude)}<br><small>{person} · "
                    f"{_link('encounter', t.encounter_id, t.title)}</small>"
                )
                key = (t.encounter_id, t.contact_id)
                write = button(
                    translate("TodayView", "Write…"),
                    translate("TodayView", "Write thanks to {name} for {title}").format(
                        name=who, title=t.title
                    ),
                    partial(self._write_thanks, *key),
                )
                sent = button(
                    translate("TodayView", "Thanks sent"),
                    translate("TodayView", "Thanks sent to {name} for {title}").format(
                        name=who, title=t.title
                    ),
                    partial(self._thanked, *key),
                )
                section.add_row(self._row(body, write, sent))
                self.thanks_buttons[key] = sent
            self._more(
                section,
                overview.unsent_thanks,
                "thanks",
                lambda n: tr("%n more thanks to send…", "", n),
                lambda n: tr("Show all %n thanks to send", "", n),
            )
            right.addWidget(section)

        if overview.keep_in_touch or overview.birthdays:
            right.addWidget(self._keep_in_touch(overview, now))
        if overview.possible_duplicates:
            right.addWidget(self._duplicates(overview.possible_duplicates))
        if overview.is_calm:
            calm = Section(translate("TodayView", "All calm"))
            calm.add_empty(translate("TodayView", "Nothing needs you today. Enjoy the quiet."))
            right.addWidget(calm)

        # Side by side, or one above the other when the window is narrow (see _arrange).
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(18)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        columns.setAlignment(left, Qt.AlignmentFlag.AlignTop)
        columns.setAlignment(right, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(columns, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)  # spare height goes below the cards
        self._columns = columns
        self._arrange()
        self.scroll_area.setWidget(content)  # deletes the previous content
        self._content = content
        # Once the page is painted: the count's thread would hold up the paint.
        self._count_when_painted = True
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._content
            and event.type() == QEvent.Type.Paint
            and self._count_when_painted
        ):
            self._count_when_painted = False
            QTimer.singleShot(0, self._count_duplicates)
            if not self._was_painted:
                self._was_painted = True
                QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def _count_duplicates(self) -> None:
        """Count the possible duplicates on a worker thread (a second on ten thousand
        contacts; then the count is remembered, services/duplicates.py) and show the
        section when the count changed."""
        from ichigoapp.services.duplicates import find_duplicates

        if self._work_ended or not self.has_vault:
            return  # a count queued just before the vault closed, or before it opened
        if self._duplicates_worker is not None:
            self._recount = True  # the vault changed while counting: count again after
            return
        vault = self.vault

        def count(_progress: object) -> int:
            with vault.session() as session:
                return len(find_duplicates(session))

        self._duplicates_worker = Worker(count)
        # Methods of this GUI-thread object, so they run on the GUI thread.
        self._duplicates_worker.finished.connect(self._counted)
        self._duplicates_worker.failed.connect(self._count_failed)
        self._duplicates_worker.start()

    def _counted(self, pairs: int) -> None:
        self._finish_count()
        again, self._recount = self._recount, False
        if pairs != self.duplicate_pairs:
            self.duplicate_pairs = pairs
            self.reload()  # which counts again: from the remembered answer, quickly
        elif again:
            self._count_duplicates()

    def _count_failed(self, exc: object) -> None:
        # The vault was locked or closed meanwhile: the next refresh counts again.
        log.info("possible duplicates not counted: %s", type(exc).__name__)
        self._finish_count()
        self._recount = False

    def _finish_count(self) -> None:
        if self._duplicates_worker is not None:
            self._duplicates_worker.wait()
            self._duplicates_worker = None

    def catch_up(self, now: datetime) -> None:
        """Time passed (the meeting moment's clock): refresh when what Today shows has
        changed with it, i.e. a meeting shown started or ended, or the day turned."""
        overview = self.overview
        if overview is None:
            return
        then = overview.now
        moments = [m.end or m.start for m in overview.upcoming]
        moments += [m.start for m in overview.upcoming]
        if local_today(now) != local_today(then) or any(then < at <= now for at in moments):
            self._on_data_changed()  # now if shown, else when next shown

    def end_work(self) -> None:
        """Let a running count end and start no other (the vault is closing)."""
        self._work_ended = True
        self._finish_count()

    def _arrange(self) -> None:
        columns = self._columns
        if columns is None:
            return
        narrow = self.width() < ONE_COLUMN_BELOW_PX
        wanted = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if columns.direction() != wanted:
            columns.setDirection(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _keep_in_touch(self, overview: TodayOverview, now: datetime) -> Section:
        """Birthdays first, then people past their cadence; one row per person."""
        section = Section(
            translate("TodayView", "Keep in touch"),
            translate("TodayView", "Not a pipeline: just people you'd like to see."),
        )
        birthdays = {b.contact_id: b for b in overview.birthdays}
        for b in overview.birthdays:
            section.add_row(
                self._label(
                    f"{_link('contact', b.contact_id, b.name)}<br><small>"
                    f"{escape(b.said)} · {escape(fmt.weekday(b.on))}</small>",
                    name=f"{b.name}: {b.said}",
                )
            )
        for k in overview.keep_in_touch:
            if k.contact_id in birthdays:
                continue  # already there, for the better reason
            met = fmt.ago(k.last_met, now)
            section.add_row(
                self._label(
                    f"{_link('contact', k.contact_id, k.name)}<br><small>"
                    + escape(
                        tr(
                            "last met {ago} · you hoped every %n day(s)",
                            "",
                            k.cadence_days,
                        ).format(ago=met)
                    )
                    + "</small>"
                )
            )
        self._more(
            section,
            overview.keep_in_touch,
            "touch",
            lambda n: tr("%n more person(s)…", "", n),
            lambda n: tr("Show all %n person(s)", "", n),
        )
        return section

    def _duplicates(self, pairs: int) -> Section:
        section = Section(translate("TodayView", "Possible duplicates"))
        self.duplicates_button = self._row_with_button(
            section,
            self._label(
                escape(
                    tr(
                        "%n pair(s) of contacts may be the same person. "
                        "Ichigo never joins them without your word.",
                        "",
                        pairs,
                    )
                )
            ),
            button(
                translate("TodayView", "Review…"),
                translate("TodayView", "Review possible duplicates"),
                self.bus.review_duplicates.emit,
            ),
        )
        return section

    @staticmethod
    def _new_people_hint(overview: TodayOverview) -> str:
        n = overview.new_people
        if not n:
            return ""
        return tr("%n new person(s) to meet: click a “new” badge to triage.", "", n)

    def _write_thanks(self, encounter_id: int, contact_id: int | None) -> None:
        from ichigoapp.ui.dialogs.thanks import open_thanks_dialog

        if self.has_vault:  # a click in the moment before the vault is open does nothing
            open_thanks_dialog(self, self.vault, self.bus, encounter_id, contact_id)

    def _done(self, promise_id: int) -> None:
        from ichigoapp.services.reflections import set_promise_done

        if not self.has_vault:
            return
        what = translate("TodayView", "mark the promise done")
        if self.write(what, lambda s: set_promise_done(s, promise_id, True)):
            self.bus.status.emit(translate("TodayView", "Promise marked done"))

    def _thanked(self, encounter_id: int, contact_id: int | None) -> None:
        """Thanks said to one person of the meeting (or to the meeting without people)."""
        from ichigoapp.services.thanks import mark_thanks_sent

        if not self.has_vault:
            return
        what = translate("TodayView", "record the thanks")
        if self.write(what, lambda s: mark_thanks_sent(s, encounter_id, contact_id)):
            self.bus.status.emit(translate("TodayView", "Thanks marked as sent"))
