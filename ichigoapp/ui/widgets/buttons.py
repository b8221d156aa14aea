"""Push buttons as the app makes them: a text, a name for screen readers, an action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def button(
    text: str, accessible_name: str, slot: Callable[[], object] | None = None
) -> QPushButton:
    made = QPushButton(text)
    made.setAccessibleName(accessible_name)
    if slot is not None:
        made.clicked.connect(lambda _=False: slot())
    return made
