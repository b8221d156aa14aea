"""The main window: navigation, one search field, menus, status bar, saved layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ichigoapp import __version__
from ichigoapp.errors import VaultCorrupt
from ichigoapp.store import Vault
from ichigoapp.ui.base import Clock, Page, system_clock
from ichigoapp.ui.contacts_view import ContactsView
from ichigoapp.ui.encounters_view import EncountersView
from ichigoapp.ui.events import EventBus
from ichigoapp.ui.file_actions import install_file_actions
from ichigoapp.ui.maintenance import Maintenance
from ichigoapp.ui.promises_view import PromisesView
from ichigoapp.ui.reflection_editor import ReflectionEditor
from ichigoapp.ui.reflections_view import ReflectionsView
from ichigoapp.ui.search import SearchField
from ichigoapp.ui.today_view import TodayView

ORGANIZATION = "Ichigo"
APPLICATION = "Ichigo"


def settings() -> QSettings:
    # Honour QSettings.setDefaultFormat (tests point IniFormat at a temporary folder).
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)  # fmt: skip


class MainWindow(QMainWindow):
    # Files handed over after start-up (a second `ichigo FILE.ics` launch, see
    # ui/single_instance.py); they are also appended to `pending_files`.
    files_received = Signal(list)  # list[Path]

    def __init__(
        self, vault: Vault, files: list[Path] | None = None, clock: Clock = system_clock
    ) -> None:
        super().__init__()
        self.vault = vault
        # Calendar files given on the command line, for the import action to offer.
        self.pending_files = list(files or [])
        # Set by open_main_window: the vault was opened without its page check and daily
        # backup, which then run once the window has been painted.
        self.maintenance_pending = False
        self.maintenance: Maintenance | None = None
        self.clock = clock
        self.bus = EventBus(self)
        self.setWindowTitle("Ichigo")
        self.reflection_editor: ReflectionEditor | None = None

        self.today = TodayView(vault, self.bus, clock)
        self.contacts = ContactsView(vault, self.bus, clock)
        self.encounters = EncountersView(vault, self.bus, clock)
        self.reflections = ReflectionsView(vault, self.bus, clock)
        self.promises = PromisesView(vault, self.bus, clock)
        self.pages: list[Page] = [
            self.today, self.contacts, self.encounters, self.reflections, self.promises,
        ]  # fmt: skip

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Navigation")
        self.nav.setMinimumWidth(140)
        self.nav.setMaximumWidth(280)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(QListWidgetItem(page.title))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show_page)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)

        self.search = SearchField(vault, self)
        self.search.chosen.connect(self.open_hit)
        toolbar = QToolBar("Search")
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        title = QLabel("  Ichigo 一期一会")
        title.setObjectName("sectionTitle")
        toolbar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self._build_menus()
        # Import calendar / contacts, triage, prep cards, export, backup (ui/file_actions.py).
        self.file_actions = install_file_actions(self)
        self.vault_label = QLabel(f"{vault.path.name} · {vault.key_mode.value}")
        self.vault_label.setObjectName("muted")
        self.vault_label.setToolTip(str(vault.path))
        self.statusBar().addPermanentWidget(self.vault_label)
        self.bus.status.connect(lambda text: self.statusBar().showMessage(text, 4000))

        self.bus.open_contact.connect(self.open_contact)
        self.bus.open_encounter.connect(self.open_encounter)
        self.bus.reflect_on.connect(self.open_reflection_editor)

        self.resize(QSize(1280, 820))
        # Sensible first-run proportions; saved ones (if any) replace them below.
        self.splitter.setSizes([180, 1100])
        self.contacts.splitter.setSizes([520, 580])
        self.encounters.splitter.setSizes([500, 600])
        self.reflections.splitter.setSizes([420, 300])
        self._restore_layout()
        self.nav.setCurrentRow(0)

    # --- menus ---------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.new_contact_action = self._action("&New contact", self.new_contact, "Ctrl+N")
        self.new_encounter_action = self._action(
            "New &encounter", self.new_encounter, "Ctrl+Shift+N"
        )
        self.file_menu.addAction(self.new_contact_action)
        self.file_menu.addAction(self.new_encounter_action)
        # add_file_action() puts Import / Print entries between these two separators.
        self._file_section_start = self.file_menu.addSeparator()
        self._file_section_end = self.file_menu.addSeparator()
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu.addAction(quit_action)

        edit = bar.addMenu("&Edit")
        self.save_action = self._action("&Save", self.save_current, QKeySequence.StandardKey.Save)
        edit.addAction(self.save_action)
        edit.addSeparator()
        for text, method, key in (
            ("Cu&t", "cut", QKeySequence.StandardKey.Cut),
            ("&Copy", "copy", QKeySequence.StandardKey.Copy),
            ("&Paste", "paste", QKeySequence.StandardKey.Paste),
            ("Select &all", "selectAll", QKeySequence.StandardKey.SelectAll),
        ):
            action = self._action(text, partial(self._edit_focus, method))
            # Shortcuts stay with the focused text widget, which handles them itself;
            # the menu entries are for mouse users.
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            edit.addAction(action)
        edit.addSeparator()
        self.find_action = self._action("&Find…", self.focus_search, "Ctrl+K")
        self.find_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        edit.addAction(self.find_action)

        view = bar.addMenu("&View")
        for n, page in enumerate(self.pages):
            action = self._action(page.title, partial(self.nav.setCurrentRow, n), f"Ctrl+{n + 1}")
            view.addAction(action)
        view.addSeparator()
        view.addAction(self._action("&Refresh", self.bus.data_changed.emit, "F5"))

        help_menu = bar.addMenu("&Help")
        about = self._action("&About Ichigo", self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def receive_files(self, paths: list[Path]) -> None:
        """Take calendar/contact files from a later launch: queue them where the
        command-line ones wait and tell whoever offers the import."""
        # No de-duplication: opening the same invite again should offer it again.
        new = [Path(p) for p in paths]
        if not new:
            return
        self.pending_files.extend(new)
        self.files_received.emit(new)

    def add_file_action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        status_tip: str = "",
    ) -> QAction:
        """Add an entry to the File menu's middle section (Import…, Print…)."""
        action = self._action(text, slot, shortcut)
        if status_tip:
            action.setStatusTip(status_tip)
        self.file_menu.insertAction(self._file_section_end, action)
        return action

    def _edit_focus(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, method):
            getattr(widget, method)()

    # --- navigation ----------------------------------------------------------------------
    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.statusBar().clearMessage()

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self.pages.index(page))

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def focus_search(self) -> None:
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
        editor = ReflectionEditor(self.vault, self.bus, encounter_id, self)
        self.reflection_editor = editor
        editor.open()
        return editor

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Ichigo",
            f"<h3>Ichigo {__version__}</h3>"
            "<p><i>Ichi-go ichi-e</i>: one time, one meeting.</p>"
            "<p>A personal relationship manager that helps you arrive prepared, listen "
            "fully, and afterwards reflect, thank and follow up. Everything stays in an "
            "encrypted vault on this computer.</p>",
        )

    # --- layout persistence --------------------------------------------------------------
    def _splitters(self) -> dict[str, QSplitter]:
        found = {"main": self.splitter}
        for page in self.pages:
            splitter = getattr(page, "splitter", None)
            if isinstance(splitter, QSplitter):
                found[type(page).__name__] = splitter
        return found

    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            value = store.value(f"splitters/{name}")
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
        if self.maintenance_pending:
            self.maintenance_pending = False
            # After this event, so the window paints before the check starts reading.
            QTimer.singleShot(0, self.start_maintenance)

    def start_maintenance(self) -> None:
        self.maintenance = Maintenance(self.vault, self)
        self.maintenance.damaged.connect(self._vault_damaged)
        self.maintenance.start()

    def _vault_damaged(self, exc: VaultCorrupt) -> None:
        """Found while running: offer the newest good backup, restored beside the file,
        and carry on in a window on the restored vault."""
        from ichigoapp.ui.damaged import offer_restore

        restored = offer_restore(self.vault.path, exc, self)
        if restored is None:
            self.bus.status.emit("The vault is damaged; see File > Restore… for backups")
            return
        replacement = MainWindow(restored, [], self.clock)
        replacement.show()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.contacts.dirty and not self.contacts._discard_ok():
            event.ignore()
            return
        self.save_layout()
        if self.maintenance is not None:
            self.maintenance.wait()  # its connection must not outlive the vault
        self.vault.close()
        super().closeEvent(event)


def open_main_window(
    vault_path: Path, files: list[Path], clock: Clock = system_clock
) -> MainWindow | None:
    """Create or unlock the vault (asking what must be asked) and build the window.

    None when the user cancelled or the vault cannot be opened (already explained).
    """
    from ichigoapp.ui.unlock import demo_requested, obtain_vault

    # The page-by-page check and the daily backup run after the first paint (see
    # MainWindow.showEvent and ui/maintenance.py).
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
