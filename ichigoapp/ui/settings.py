"""The app's own settings on this computer (QSettings): window layout, card size, idle time.

Never note text or anything from the vault: settings are a plain file.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Ichigo"
APPLICATION = "Ichigo"


def settings() -> QSettings:
    # Honour QSettings.setDefaultFormat (tests point IniFormat at a temporary folder).
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
