"""What every import window shares: progress while a worker imports, then a summary
with the parts that could not be read.

Calendar import (dialogs/calendar_import.py) and contact import
(dialogs/contact_import.py) build on it. The worker opens its own transactions
(``vault.transaction`` called inside its thread: connections are per thread); the GUI
thread only reads the report it hands back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ichigoapp.ui.worker import Worker

Job = Callable[[Callable[[int, int, str], None]], Any]


class ImportProgressDialog(QDialog):
    """Page 0 shows progress, page 1 the summary; subclasses add to either."""

    PROGRESS, SUMMARY = 0, 1

    def __init__(
        self,
        parent: QWidget | None,
        window_title: str,
        heading: str,
        note: str,
        *,
        names: tuple[str, str, str],
        problem_headers: Sequence[str],
    ) -> None:
        """``names``: the accessible names of the progress bar, the summary text and the
        list of problems."""
        super().__init__(parent)
        self.running = False
        self._worker: Worker | None = None
        self.setWindowTitle(window_title)
        bar_name, summary_name, problems_name = names

        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        progress_page = QWidget()
        self.progress_layout = QVBoxLayout(progress_page)
        title = QLabel(heading)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.setAccessibleName(bar_name)
        self.note = QLabel(note)
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.progress_layout.addWidget(title)
        self.progress_layout.addWidget(self.bar)
        self.progress_layout.addWidget(self.note)
        self.progress_layout.addStretch(1)
        self.pages.addWidget(progress_page)

        summary_page = QWidget()
        self.summary_layout = QVBoxLayout(summary_page)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(summary_name)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QTreeWidget()
        self.problems.setAccessibleName(problems_name)
        self.problems.setHeaderLabels(list(problem_headers))
        self.problems.setRootIsDecorated(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.summary_buttons = QHBoxLayout()
        self.summary_buttons.addStretch(1)
        self.summary_buttons.addWidget(self.close_button)
        self.summary_layout.addWidget(self.summary_title)
        self.summary_layout.addWidget(self.summary)
        self.summary_layout.addWidget(self.problems, 1)
        self.summary_layout.addLayout(self.summary_buttons)
        self.pages.addWidget(summary_page)

    # --- running -------------------------------------------------------------------------
    def run(self, job: Job) -> None:
        """Start ``job(progress)`` in a worker thread (returns at once)."""
        self.running = True
        self._worker = Worker(job)
        self._worker.progress.connect(self.show_progress)
        self._worker.finished.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.start()

    def show_progress(self, done: int, total: int, _message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _stop(self) -> None:
        self.running = False
        if self._worker is not None:
            self._worker.wait()

    def _succeeded(self, result: object) -> None:
        self._stop()
        self.succeeded(result)

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        self.failed(exc)

    def succeeded(self, result: object) -> None:
        raise NotImplementedError

    def failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    # --- the summary ---------------------------------------------------------------------
    def show_summary(self, title: str, text: str) -> None:
        self.summary_title.setText(title)
        self.summary.setText(text)
        self.pages.setCurrentIndex(self.SUMMARY)

    def list_problems(self, rows: Sequence[Sequence[str]], tips: Sequence[Sequence[str]]) -> None:
        """One line per problem; ``tips`` are the tooltips (the whole text) per column."""
        self.problems.clear()
        for row, tip in zip(rows, tips, strict=True):
            item = QTreeWidgetItem(list(row))
            for column, text in enumerate(tip):
                if text:
                    item.setToolTip(column, text)
            self.problems.addTopLevelItem(item)
        self.problems.setVisible(bool(rows))
