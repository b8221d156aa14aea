"""Look and feel: the system palette (light or dark) plus one calm accent.

Colours come from palette roles so the app follows the system scheme; the only fixed
colour is the accent, a muted strawberry ("ichigo") chosen to read on light and dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

ACCENT = QColor("#c8505a")
ACCENT_DARK_SCHEME = QColor("#e07b83")

# palette(...) references are resolved by Qt at paint time, so a scheme switch
# re-colours without rebuilding the sheet.
STYLESHEET = """
QListWidget#navigation {
    border: none;
    background: palette(window);
    font-size: 11pt;
}
QListWidget#navigation::item { padding: 8px 14px; border-radius: 6px; margin: 1px 6px; }
QListWidget#navigation::item:selected {
    background: palette(highlight); color: palette(highlighted-text);
}
QFrame#card {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 8px;
}
QLabel#sectionTitle { font-size: 12pt; font-weight: 600; }
QLabel#pageTitle { font-size: 17pt; font-weight: 600; }
QLabel#muted { color: palette(placeholder-text); }
QLabel#opening { color: palette(placeholder-text); qproperty-alignment: AlignCenter; }
QLabel#badge {
    color: white; background: %(accent)s; border-radius: 8px; padding: 1px 7px;
    font-weight: 600;
}
QLabel#overdue { color: %(accent)s; font-weight: 600; }
QPushButton#primary {
    background: %(accent)s; color: white; border: none; border-radius: 5px;
    padding: 5px 14px; font-weight: 600;
}
QPushButton#primary:disabled { background: palette(mid); }
"""


def is_dark() -> bool:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def accent() -> QColor:
    return ACCENT_DARK_SCHEME if is_dark() else ACCENT


def apply(app: QApplication) -> None:
    apply_sheet(app)
    # Follow the system when it switches between light and dark while we run.
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda *_: apply_sheet(app))


def apply_sheet(app: QApplication) -> None:
    app.setStyleSheet(STYLESHEET % {"accent": accent().name()})


def label(text: str, name: str = "", parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if name:
        widget.setObjectName(name)
    return widget


def bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font
