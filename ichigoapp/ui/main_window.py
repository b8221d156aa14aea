"""The main window: navigation, one search field, menus, status bar, saved layout.

It is built in steps. The frame (navigation, menu bar, tool bar, status bar, saved
geometry) needs neither the vault nor SQLAlchemy; ``attach`` then adds the Today page,
the search field and the menus' entries for an open vault, and the other pages follow
once Today has painted. ``MainWindow(vault)`` does it all at once. At start-up the app
unlocks a keychain vault without SQLAlchemy (``store/keycheck.py``) and, with the same
key, reads the Today overview in plain SQL (``services/quick_read.first_look``). The
frame (:meth:`MainWindow.opening`) shows that overview as soon as it is read, then
imports SQLAlchemy, opens the vault and attaches it: the window appears in about the
time a bare Qt window takes, and the day's data before every module has loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, cast

# Not Qt's namespace (``PySide6.QtCore.Qt``): PySide builds its ~90 enums on first use,
# about 25 ms, so the frame does without it and the methods that need it import it.
from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ichigoapp.errors import VaultCorrupt
from ichigoapp.ui import menus
from ichigoapp.ui.clock import Clock, system_clock
from ichigoapp.ui.events import EventBus
from ichigoapp.ui.settings import settings
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from ichigoapp.services.merge_undo import MergeRecord
    from ichigoapp.services.today_items import TodayOverview
    from ichigoapp.store import Vault
    from ichigoapp.store.keys import Secret
    from ichigoapp.ui.actions.file_menu import FileActions
    from ichigoapp.ui.dialogs.reflection_editor import ReflectionEditor
    from ichigoapp.ui.lifecycle.maintenance import Maintenance
    from ichigoapp.ui.pages.base import Page
    from ichigoapp.ui.pages.contacts import ContactsView
    from ichigoapp.ui.pages.encounters import EncountersView
    from ichigoapp.ui.pages.promises import PromisesView
    from ichigoapp.ui.pages.reflections import ReflectionsView
    from ichigoapp.ui.pages.today import TodayView
    from ichigoapp.ui.widgets.search_field import SearchField
    from ichigoapp.ui.worker import Worker

# The pages' titles, for the navigation and the View menu before the pages exist
# (each page class has the same as its ``title``; ``attach`` asserts it). In English:
# shown through ``page_title``, in the user's language.
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "Today"),
    QT_TRANSLATE_NOOP("MainWindow", "Contacts"),
    QT_TRANSLATE_NOOP("MainWindow", "Encounters"),
    QT_TRANSLATE_NOOP("MainWindow", "Reflections"),
    QT_TRANSLATE_NOOP("MainWindow", "Promises"),
)
# The rows of PAGE_TITLES.
TODAY, CONTACTS, ENCOUNTERS, REFLECTIONS, PROMISES = range(len(PAGE_TITLES))
OPEN_AFTER_MS = 500
WAIT_FOR_PAINT_S = 10.0


translate = QCoreApplication.translate


def page_title(title: str) -> str:
    """A page's title (one of PAGE_TITLES) in the user's language."""
    return translate("MainWindow", title)


def _import_today_page() -> None:
    import ichigoapp.ui.pages.today  # noqa: F401


def _build_page(row: int, vault: Vault, bus: EventBus, clock: Clock) -> Page:
    """A new page for navigation row ``row`` (its module is imported by ``import_pages``)."""
    from ichigoapp.ui.pages.contacts import ContactsView
    from ichigoapp.ui.pages.encounters import EncountersView
    from ichigoapp.ui.pages.promises import PromisesView
    from ichigoapp.ui.pages.reflections import ReflectionsView
    from ichigoapp.ui.pages.today import TodayView

    kind = (TodayView, ContactsView, EncountersView, ReflectionsView, PromisesView)[row]
    return kind(vault, bus, clock)


# First-run proportions of the pages' list and detail; saved ones replace them.
_SPLITTER_SIZES = {CONTACTS: (520, 580), ENCOUNTERS: (500, 600), REFLECTIONS: (420, 300)}


def import_pages() -> None:
    """Import, on the opening thread, what the pages and the File menu need below Qt
    (SQLAlchemy, the model, the services: most of the time it takes).

    Not the pages' own modules: they are imported on the GUI thread as each page is
    built. Importing them here ran their Qt code on two threads at once (the GUI thread
    builds the Today page meanwhile), and PySide makes its enums on first use, which is
    not safe from two threads: once a Qt enum was missing."""
    import ichigoapp.services.contacts
    import ichigoapp.services.duplicates
    import ichigoapp.services.encounters
    import ichigoapp.services.lists
    import ichigoapp.services.reflections
    import ichigoapp.services.search
    import ichigoapp.services.thanks
    import ichigoapp.services.today
    import ichigoapp.services.triage
    import ichigoapp.store.strength
    import ichigoapp.sync.addresses  # noqa: F401


class MainWindow(QMainWindow):
    # Files handed over after start-up (a second `ichigo FILE.ics` launch, see
    # ui/single_instance.py); they are also appended to `pending_files`.
    files_received = Signal(list)  # list[Path]
    # The vault is attached: pages, search and file actions exist (see ``attach``).
    opened = Signal()
    # Opening failed (the reason has been shown); the window closes itself.
    open_failed = Signal()
    # Once, on the turn of the event loop after the window's first paint: work that
    # need not delay it (importing SQLAlchemy to open the vault, the app icon) waits
    # for this. A window opening its vault that is not painted within OPEN_AFTER_MS
    # (started minimised, say) sends it then.
    first_painted = Signal()
    # From the opening worker: the Today overview, read before the vault is open.
    _first_overview = Signal(object)  # TodayOverview

    vault: Vault
    search: SearchField
    file_actions: FileActions
    language_menu: QMenu  # View › Language (ui/menus.py)

    def __init__(
        self,
        vault: Vault | None,
        files: list[Path] | None = None,
        clock: Clock = system_clock,
        *,
        path: Path | None = None,
        key_mode: str = "",
    ) -> None:
        super().__init__()
        # Calendar files given on the command line, for the import action to offer.
        self.pending_files = list(files or [])
        # Set by open_main_window: the vault was opened without its page check and daily
        # backup, which then run once the window has been painted.
        self.maintenance_pending = False
        self.maintenance: Maintenance | None = None
        self._work_ended = False  # set by finish_background_work: the vault is closing
        self.clock = clock
        self.bus = EventBus(self)
        self.attached = False
        self.failed = False
        # The pages built so far, by row; the others are built on first need, or one
        # per turn of the event loop once the Today page has painted (``_build_rest``).
        self._built: dict[int, Page] = {}
        self.reflection_editor: ReflectionEditor | None = None
        # The last merge, while Edit › Undo merge can take it back.
        self.last_merge: MergeRecord | None = None
        # Windows opened on vaults restored from a backup (kept alive with this one).
        self.restored_windows: list[MainWindow] = []
        self._open_worker: Worker | None = None
        # Set at the first paint (or when closed first), and when the Today page read
        # before opening has painted (or will not be shown): the opening worker waits
        # for them before it imports SQLAlchemy and the services, which would hold up
        # the paint (Python runs one thread at a time).
        self._paint_seen = threading.Event()
        self._first_today_painted = threading.Event()
        self._close_when_open = False
        self._painted = False
        self._first_paint_done = False
        # Asked when the window is closed: keep running in the tray instead (ui/tray.py)?
        self.hide_on_close: Callable[[MainWindow], bool] | None = None
        self.setWindowTitle("Ichigo")  # i18n: keep (the app's name)
        # The vault the opening worker opened (set on that thread; see _on_quit).
        self._opened: Vault | None = None
        app = QCoreApplication.instance()
        if app is not None:  # a quit that skips closing the window (see _on_quit)
            app.aboutToQuit.connect(self._on_quit)
        if vault is not None:
            path, key_mode = vault.path, vault.key_mode.value
        assert path is not None, "a window without a vault needs the vault's path"
        self.vault_path = path
        self._build_frame(path, key_mode)
        if vault is not None:
            self.attach(vault)

    @classmethod
    def opening(
        cls,
        path: Path,
        secret: Secret,
        files: list[Path],
        clock: Clock = system_clock,
        first: Future[TodayOverview | None] | None = None,
    ) -> MainWindow:
        """The frame for a vault whose key is known; it starts opening the vault now.

        ``first``: the Today overview being read already without SQLAlchemy
        (``quick_read.first_look``, started by ``app.run_gui`` with the key); without
        it the window reads it first thing. Ready now, it is in the first paint."""
        window = cls(None, files, clock, path=path, key_mode=secret.mode.value)
        ready = first.result() if first is not None and first.done() else None
        if ready is not None:
            window._show_first_overview(ready)
        window._open_vault(secret, first)
        return window

    def _build_frame(self, path: Path, key_mode: str) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(translate("MainWindow", "Navigation"))
        self.nav.setMinimumWidth(140)
        self.nav.setMaximumWidth(280)
        for title in PAGE_TITLES:
            self.nav.addItem(QListWidgetItem(page_title(title)))
        self.nav.setEnabled(False)
        self.stack = QStackedWidget()
        self.loading: QLabel | None = QLabel(
            translate("MainWindow", "Opening {vault}…").format(vault=path.name)
        )
        # Centred and muted by the theme's style sheet (QLabel#opening), which needs
        # no Qt namespace (see the imports).
        self.loading.setObjectName("opening")
        self.stack.addWidget(self.loading)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.toolbar = toolbar = QToolBar(translate("MainWindow", "Search"))
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        # The name and its idea, the same in every language.
        heading = QLabel("  Ichigo 一期一会")  # i18n: keep
        heading.setObjectName("sectionTitle")
        toolbar.addWidget(heading)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.addToolBar(toolbar)

        # The menus' entries act on the pages: ``attach`` adds them.
        bar = self.menuBar()
        self.file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        bar.setEnabled(False)
        self.vault_label = QLabel(_vault_status(path.name, key_mode))
        self.vault_label.setObjectName("muted")
        self.vault_label.setToolTip(str(path))
        # "Synced 2 min ago" (ui/actions/calendar_sync.py); hidden until a calendar is followed.
        self.sync_label = QLabel()
        self.sync_label.setObjectName("muted")
        self.sync_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.vault_label)
        self.bus.status.connect(lambda text: self.statusBar().showMessage(text, 4000))

        self.resize(QSize(1280, 820))
        # Sensible first-run proportions; saved ones (if any) replace them below.
        self.splitter.setSizes([180, 1100])
        self._restore_geometry()

    def attach(self, vault: Vault) -> None:
        """Add the pages, the search field and the File menu's features for ``vault``.

        Only the Today page is built here: the others wait until the Today page has
        painted, then are built one per turn of the event loop (or at once, when asked
        for sooner), so the first screen with data does not wait for four pages."""
        from ichigoapp.ui.actions.file_menu import install_file_actions
        from ichigoapp.ui.widgets.search_field import SearchField

        self.vault = vault
        self.vault_path = vault.path
        self.vault_label.setText(_vault_status(vault.path.name, vault.key_mode.value))
        self.vault_label.setToolTip(str(vault.path))
        # A stand-in per page until it is built (``_page``), so rows and indexes agree;
        # the Today page may be there already, shown before the vault was open.
        first = self._built.get(TODAY)
        if first is not None:
            first.attach_vault(vault)
        for row in range(len(PAGE_TITLES)):
            if row not in self._built:
                self.stack.insertWidget(row, QWidget())
        self._drop_loading()
        if self.today.was_painted:
            QTimer.singleShot(0, self._build_rest)
        else:
            self.today.first_painted.connect(self._build_rest)
        self.nav.currentRowChanged.connect(self._show_page)

        self.search = SearchField(vault, self)
        self.search.chosen.connect(self.open_hit)
        self.toolbar.addWidget(self.search)
        self._fill_menus()
        # Import calendar / contacts, triage, prep cards, export, backup (ui/actions/).
        self.file_actions = install_file_actions(self)
        self.today.triage_requested.connect(self.file_actions.calendar.show_triage)
        # Files from the command line, and later ones from a second `ichigo FILE.ics`.
        self.files_received.connect(lambda _files: self._offer_pending_files())
        if self.pending_files:
            # After the window is shown, so the question has a parent on screen.
            QTimer.singleShot(0, self._offer_pending_files)

        self.bus.open_contact.connect(self.open_contact)
        self.bus.open_encounter.connect(self.open_encounter)
        self.bus.reflect_on.connect(self.open_reflection_editor)
        self.bus.review_duplicates.connect(self.review_duplicates)
        self.bus.merged.connect(self._remember_merge)
        self.bus.open_vault.connect(self.open_restored_vault)

        self.attached = True
        self.nav.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.nav.setCurrentRow(TODAY)
        self._show_page(TODAY)  # loads the Today page, unless it shows its data already
        self.opened.emit()

    def _drop_loading(self) -> None:
        if self.loading is not None:
            self.stack.removeWidget(self.loading)
            self.loading.deleteLater()
            self.loading = None

    # --- pages -------------------------------------------------------------------------
    @property
    def data_shown(self) -> bool:
        """The Today page shows the vault's data: read before the vault was attached
        (``_show_first_overview``), or loaded when shown once it is (``attach``)."""
        return TODAY in self._built

    def _page(self, row: int) -> Page:
        """The page of navigation row ``row``, built now if it was not yet."""
        page = self._built.get(row)
        if page is not None:
            return page
        page = _build_page(row, self.vault, self.bus, self.clock)
        assert page.title == PAGE_TITLES[row]
        self._built[row] = page
        sizes = _SPLITTER_SIZES.get(row)
        splitter = getattr(page, "splitter", None)
        if sizes is not None and isinstance(splitter, QSplitter):
            splitter.setSizes(list(sizes))
            self._restore_splitter(type(page).__name__, splitter)
        stand_in = self.stack.widget(row)
        assert stand_in is not None
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if current == row:
            self.stack.setCurrentIndex(row)
        return page

    def _build_rest(self) -> None:
        """Build the next page not built yet, then come back on the next turn."""
        if self._work_ended:
            return
        for row in range(len(PAGE_TITLES)):
            if row not in self._built:
                self._page(row)
                QTimer.singleShot(0, self._build_rest)
                return

    @property
    def pages(self) -> list[Page]:
        """Every page, in navigation order (building those not built yet)."""
        return [self._page(row) for row in range(len(PAGE_TITLES))]

    @property
    def today(self) -> TodayView:
        return cast("TodayView", self._page(TODAY))

    @property
    def contacts(self) -> ContactsView:
        return cast("ContactsView", self._page(CONTACTS))

    @property
    def encounters(self) -> EncountersView:
        return cast("EncountersView", self._page(ENCOUNTERS))

    @property
    def reflections(self) -> ReflectionsView:
        return cast("ReflectionsView", self._page(REFLECTIONS))

    @property
    def promises(self) -> PromisesView:
        return cast("PromisesView", self._page(PROMISES))

    # --- menus ---------------------------------------------------------------------------
    def _fill_menus(self) -> None:
        found = menus.fill_menus(self, PAGE_TITLES)
        self.new_contact_action = found.new_contact
        self.new_encounter_action = found.new_encounter
        self.save_action = found.save
        self.find_action = found.find
        self._file_section_end = found.file_section_end
        self.undo_merge_action = found.undo_merge

    def receive_files(self, paths: list[Path]) -> None:
        """Take calendar/contact files from a later launch: queue them where the
        command-line ones wait and tell whoever offers the import."""
        # No de-duplication: opening the same invite again should offer it again.
        new = [Path(p) for p in paths]
        if not new:
            return
        self.pending_files.extend(new)
        self.files_received.emit(new)

    def _offer_pending_files(self) -> None:
        files, self.pending_files = self.pending_files, []
        self.file_actions.calendar.offer_files(files)

    def add_file_action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        status_tip: str = "",
    ) -> QAction:
        """Add an entry to the File menu's middle section (Import…, Print…)."""
        made = menus.action(self, text, slot, shortcut, status_tip=status_tip)
        self.add_file_actions([made])
        return made

    def add_file_actions(self, actions: list[QAction], *, separated: bool = False) -> None:
        """Put ``actions`` at the end of the File menu's middle section, in their order
        (after a separator of their own when ``separated``)."""
        if separated:
            self.file_menu.insertSeparator(self._file_section_end)
        for action in actions:
            self.file_menu.insertAction(self._file_section_end, action)

    # --- navigation ----------------------------------------------------------------------
    def _show_page(self, row: int) -> None:
        if self.attached and 0 <= row < len(PAGE_TITLES):
            self._page(row)
            self.stack.setCurrentIndex(row)
            self.statusBar().clearMessage()

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(next(row for row, p in self._built.items() if p is page))

    def current_page(self) -> Page:
        return self._page(self.stack.currentIndex())

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_hit(self, kind: str, target_id: int) -> None:
        if kind == "contact":
            self.open_contact(target_id)
        elif kind in ("encounter", "reflection"):
            self.open_encounter(target_id)
        elif kind == "promise":
            self.show_page(self.promises)
            self.promises.open_promise(target_id)

    def open_contact(self, contact_id: int) -> None:
        self.show_page(self.contacts)
        self.contacts.open_contact(contact_id)
        self.contacts.table.setFocus()

    def _remember_merge(self, record: MergeRecord) -> None:
        self.last_merge = record
        self.undo_merge_action.setText(
            translate("MainWindow", "&Undo merge of {name}").format(name=record.other_name)
        )
        self.undo_merge_action.setEnabled(True)

    def undo_merge(self) -> None:
        """Give back the last merged contact, as it was (services/merge_undo.py)."""
        from ichigoapp.services.merge_undo import undo_merge
        from ichigoapp.ui.changes import commit
        from ichigoapp.ui.dialogs import ask

        record = self.last_merge
        if record is None or not ask.confirm(
            self,
            translate("MainWindow", "Undo merge"),
            translate(
                "MainWindow",
                "Separate {other} from {keep} again?\n\nBoth get back exactly what they had "
                "before the merge, with their meetings and promises.",
            ).format(other=record.other_name, keep=record.keep_name),
            translate("MainWindow", "Undo merge"),
        ):
            return
        # Whatever happens, this merge cannot be undone twice.
        self.last_merge = None
        self.undo_merge_action.setText(translate("MainWindow", "&Undo merge"))
        self.undo_merge_action.setEnabled(False)
        what = translate("MainWindow", "undo the merge")
        if commit(self, self.vault, self.bus, what, lambda s: undo_merge(s, record)):
            self.bus.status.emit(
                translate("MainWindow", "{other} is back, apart from {keep}").format(
                    other=record.other_name, keep=record.keep_name
                )
            )
            self.open_contact(record.other_id)

    def review_duplicates(self) -> None:
        self.show_page(self.contacts)
        self.contacts.review_duplicates()

    def open_encounter(self, encounter_id: int) -> None:
        self.show_page(self.encounters)
        self.encounters.open_encounter(encounter_id)

    def new_contact(self) -> None:
        self.show_page(self.contacts)
        self.contacts.new_contact()

    def new_encounter(self) -> None:
        self.show_page(self.encounters)
        self.encounters.new_encounter()

    def save_current(self) -> None:
        page = self.current_page()
        save = getattr(page, "save", None)
        if callable(save):
            save()

    def open_reflection_editor(self, encounter_id: int) -> ReflectionEditor:
        """Non-blocking (window-modal) so the rest of the app stays paintable."""
        if self.reflection_editor is not None:
            self.reflection_editor.close()
        from ichigoapp.ui.dialogs.reflection_editor import ReflectionEditor

        editor = ReflectionEditor(self.vault, self.bus, encounter_id, self)
        self.reflection_editor = editor
        editor.open()
        return editor

    def open_restored_vault(self, restored: Vault) -> MainWindow:
        """A vault restored from a backup, in a window of its own beside this one."""
        other = MainWindow(restored, [], self.clock)
        other.setWindowTitle(
            translate("MainWindow", "Ichigo — {vault}").format(vault=restored.path.name)
        )
        self.restored_windows.append(other)
        other.show()
        return other

    # --- layout persistence --------------------------------------------------------------
    def _splitters(self) -> dict[str, QSplitter]:
        """The splitters whose state is kept: the window's and those of the pages built
        (a page never built keeps the state it had saved)."""
        found = {"main": self.splitter}
        for page in self._built.values():
            splitter = getattr(page, "splitter", None)
            if isinstance(splitter, QSplitter):
                found[type(page).__name__] = splitter
        return found

    def _restore_geometry(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self._restore_splitter("main", self.splitter)

    def _restore_splitter(self, name: str, splitter: QSplitter) -> None:
        value = settings().value(f"splitters/{name}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            splitter.restoreState(value)

    def save_layout(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        for name, splitter in self._splitters().items():
            store.setValue(f"splitters/{name}", splitter.saveState())
        store.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._open_worker is not None and not self._first_paint_done:
            # The full open waits for the first paint (paintEvent), or this long if the
            # window is not painted (started minimised, say).
            QTimer.singleShot(OPEN_AFTER_MS, self._after_first_paint)
        elif self.maintenance_pending:
            self.maintenance_pending = False
            # After this event, so the window paints before the check starts reading.
            QTimer.singleShot(0, self.start_maintenance)
        elif self.attached and self.maintenance is None:
            # A window without the start-up check (after an unlock, on a restored
            # vault): the calendars' schedule starts once it has painted.
            QTimer.singleShot(0, self._start_sync)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # The next turn of the event loop: the frame reaches the screen first.
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if not self._first_paint_done:
            self._first_paint_done = True
            self._paint_seen.set()
            self.first_painted.emit()
            if self._open_worker is not None and TODAY not in self._built:
                # While the Today overview is still being read: its page's module (and
                # the Qt enums it makes on first use) need not wait for it.
                QTimer.singleShot(0, _import_today_page)

    # --- opening (MainWindow.opening) ----------------------------------------------------
    def _open_vault(self, secret: Secret, first: Future[TodayOverview | None] | None) -> None:
        """Open the vault on a worker thread, which first reads the Today overview
        without SQLAlchemy (shown by ``_show_first_overview`` as soon as it comes), then,
        once the frame has painted, imports SQLAlchemy and the pages and opens the vault
        (``_on_vault_open`` attaches it)."""
        from ichigoapp.ui.worker import Worker

        path, now = self.vault_path, self.clock()
        painted, today_painted = self._paint_seen, self._first_today_painted
        first_overview = self._first_overview

        def run(_progress: object) -> Vault:
            from ichigoapp.services.quick_read import first_look

            overview = first_look(path, now, secret) if first is None else first.result()
            if overview is not None:
                first_overview.emit(overview)  # ignored if shown already
            # A window not painted OPEN_AFTER_MS after it is shown (started minimised)
            # is sent first_painted then, and a closed one sets both; the time limits
            # only keep a window never shown from waiting for ever.
            painted.wait(WAIT_FOR_PAINT_S)
            if overview is not None:
                today_painted.wait(WAIT_FOR_PAINT_S)
            import_pages()
            from ichigoapp.store import open_vault  # SQLAlchemy: after the paint

            # The page check and the daily backup follow on a worker once attached.
            opened = open_vault(path, secret=secret, verify=False)
            self._opened = opened
            return opened

        self._first_overview.connect(self._show_first_overview)
        self._open_worker = Worker(run)
        self._open_worker.finished.connect(self._on_vault_open)
        self._open_worker.failed.connect(self._on_open_failed)
        self._open_worker.start()

    def _show_first_overview(self, overview: TodayOverview) -> None:
        """The Today page with ``overview`` in place of "Opening…", until attached."""
        from ichigoapp.ui.pages.today import TodayView

        if self.attached or self._close_when_open or TODAY in self._built:
            self._first_today_painted.set()
            return
        today = TodayView(None, self.bus, self.clock)
        if self.isVisible() and not self.isMinimized():
            today.first_painted.connect(self._first_today_painted.set)
        else:
            self._first_today_painted.set()  # not painted soon: nothing to wait for
        # In place and shown first, then filled: the content is laid out once, in the
        # window, rather than once alone and again when put in it.
        today.expect_first()
        self._built[TODAY] = today
        self.stack.addWidget(today)
        self.stack.setCurrentWidget(today)
        self._drop_loading()
        today.show_first(overview)

    def _discard_first_overview(self) -> None:
        """Forget a Today page shown before an open that failed: a vault restored in
        its place is not the one it was read from."""
        today = self._built.pop(TODAY, None)
        if today is not None:
            self.stack.removeWidget(today)
            today.deleteLater()

    def _end_open_worker(self) -> None:
        assert self._open_worker is not None
        self._open_worker.wait()
        self._open_worker = None  # opening is over, whatever came of it

    def _on_vault_open(self, vault: Vault) -> None:
        self._end_open_worker()
        if self._close_when_open:
            vault.close()
            self.close()
            return
        self.attach(vault)
        # After the Today page has painted: the check reads the whole file.
        QTimer.singleShot(0, self.start_maintenance)

    def _on_open_failed(self, exc: BaseException) -> None:
        from ichigoapp.ui.lifecycle.unlock import explain_open_error

        self._end_open_worker()
        self._discard_first_overview()
        restored = None if self._close_when_open else explain_open_error(exc, self.vault_path, self)
        if restored is not None:
            self.attach(restored)
            return
        self.failed = True
        self.open_failed.emit()
        self.close()

    def _start_sync(self) -> None:
        if not self._work_ended:
            self.file_actions.sync.start()

    def start_maintenance(self) -> None:
        from ichigoapp.ui.lifecycle.maintenance import Maintenance

        if self._work_ended:
            return  # queued just before a quit or a lock

        self.maintenance = Maintenance(self.vault, self)
        self.maintenance.damaged.connect(self._vault_damaged)
        # Calendars sync once the check and the daily backup are done (one at a time).
        self.maintenance.done.connect(self.file_actions.sync.start)
        self.maintenance.start()

    def _vault_damaged(self, exc: VaultCorrupt) -> None:
        """Found while running: offer the newest good backup, restored beside the file,
        and carry on in a window on the restored vault."""
        from ichigoapp.ui.lifecycle.damaged import offer_restore

        restored = offer_restore(self.vault.path, exc, self)
        if restored is None:
            self.bus.status.emit(
                translate("MainWindow", "The vault is damaged; see File > Restore… for backups")
            )
            return
        replacement = MainWindow(restored, [], self.clock)
        replacement.show()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:
            # The opening worker need not wait for a paint.
            self._paint_seen.set()
            self._first_today_painted.set()
            if self._open_worker is not None and not self.failed and not self._close_when_open:
                # Still opening: finish that (a moment), then close properly.
                self._close_when_open = True
                self.hide()
                event.ignore()
                return
            super().closeEvent(event)
            return
        if self.hide_on_close is not None and self.hide_on_close(self):
            # Ichigo keeps running in the tray, reminders and all; the vault stays open
            # until auto-lock or Quit.
            self.save_layout()
            self.hide()
            event.ignore()
            return
        # A page never built has nothing typed in it.
        if CONTACTS in self._built and self.contacts.dirty and not self.contacts.discard_ok():
            event.ignore()
            return
        self.save_layout()
        self.finish_background_work()
        self.vault.close()
        super().closeEvent(event)

    def keep_drafts(self) -> int:
        """Before a lock: keep what is typed and not saved inside the vault (only
        there); returns how many forms had some."""
        from ichigoapp.services.drafts import contact_draft, keep_draft

        if not self.attached or self.closing:
            return 0
        drafts = []
        contact = self.contacts.draft() if CONTACTS in self._built else None
        if contact is not None:
            drafts.append(contact_draft(contact, self.contacts.form.contact_id))
        editor = self.reflection_editor
        if editor is not None and editor.isVisible():
            kept = editor.draft()
            if kept is not None:
                drafts.append(kept)
        if drafts:
            with self.vault.transaction() as session:
                for draft in drafts:
                    keep_draft(session, draft)
        return len(drafts)

    def restore_drafts(self) -> int:
        """After an unlock: the forms as they were, unsaved; returns how many."""
        from ichigoapp.services.drafts import contact_from_draft, take_drafts

        with self.vault.transaction() as session:
            drafts = take_drafts(session)
        for draft in drafts:
            if draft.kind == "contact":
                self.show_page(self.contacts)
                self.contacts.restore_draft(draft.target, contact_from_draft(draft))
            elif draft.kind == "reflection" and draft.target is not None:
                self.open_reflection_editor(draft.target).restore_draft(draft)
        if drafts:
            self.bus.status.emit(
                translate(
                    "MainWindow", "Your unsaved edits from before the lock are back; not saved yet"
                )
            )
        return len(drafts)

    @property
    def closing(self) -> bool:
        """The vault is closing or closed: nothing should read it any more."""
        return self._work_ended

    def _on_quit(self) -> None:
        """The app quits with this window open (the session ends, a quit from
        elsewhere): the threads end and the vault is closed properly, even one still
        opening, so the next start does not take the quit for a crash."""
        self.finish_background_work()
        if self._open_worker is not None:
            self._close_when_open = True
            self._paint_seen.set()
            self._first_today_painted.set()
            self._open_worker.wait()
        vault = self.vault if self.attached else self._opened
        if vault is not None:
            vault.close()

    def finish_background_work(self) -> None:
        """Let the threads reading the vault end: their connections must not outlive it.

        Work queued to start later (a count after a paint, the check after opening) may
        still be called once the event loop has quit; from here on it does not start.
        """
        self._work_ended = True
        if self.maintenance is not None:
            self.maintenance.wait()
        if self.attached:
            self.today.end_work()
            self.file_actions.sync.end_work()


def _vault_status(name: str, key_mode: str) -> str:
    """The status bar's "work.vault · keychain" (the vault's file, how it is unlocked)."""
    modes = {
        "keychain": translate("MainWindow", "keychain"),
        "passphrase": translate("MainWindow", "passphrase"),
    }
    return f"{name} · {modes.get(key_mode, key_mode)}"


def open_main_window(
    vault_path: Path, files: list[Path], clock: Clock = system_clock
) -> MainWindow | None:
    """Create or unlock the vault (asking what must be asked) and build the window.

    None when the user cancelled or the vault cannot be opened (already explained).
    """
    from ichigoapp.ui.lifecycle.unlock import demo_requested, obtain_vault

    # The page-by-page check and the daily backup run after the first paint (see
    # MainWindow.showEvent and ui/lifecycle/maintenance.py).
    unlocked = obtain_vault(vault_path, verify=False)
    if unlocked is None:
        return None
    if unlocked.created and demo_requested():
        from ichigoapp.services.demo import seed_demo

        with unlocked.vault.transaction() as session:
            seed_demo(session, clock())
    window = MainWindow(unlocked.vault, files, clock)
    window.maintenance_pending = True
    return window
