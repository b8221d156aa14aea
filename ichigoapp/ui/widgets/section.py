"""A card on the Today page: a heading, an optional hint, then rows."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Section(QFrame):
    """A card with a heading and rows."""

    def __init__(self, title: str, hint: str = "") -> None:
        super().__init__()
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(8)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setAccessibleName(title)
        layout.addWidget(heading)
        if hint:
            sub = QLabel(hint)
            sub.setObjectName("muted")
            sub.setWordWrap(True)
            layout.addWidget(sub)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(10)
        layout.addLayout(self.rows)

    def add_row(self, row: QWidget) -> None:
        self.rows.addWidget(row)

    def add_more(self, label: QLabel) -> None:
        self.rows.addWidget(label)

    def add_empty(self, text: str) -> None:
        label = QLabel(text)
        label.setObjectName("muted")
        self.rows.addWidget(label)
