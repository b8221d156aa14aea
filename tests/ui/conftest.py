"""UI test fixtures: settings in tmp_path, no modal dialog left hanging, a main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from ichigoapp.store import Vault
from ichigoapp.ui.dialogs import ask

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture(autouse=True, scope="session")
def english_ui(qapp: Any) -> Iterator[None]:
    """The views read English, whatever this machine's locale: the English catalogue
    (its plural forms, "1 meeting" / "2 meetings") and English formats. Tests of another
    language install theirs and put English back (tests/ui/i18n)."""
    from ichigoapp.ui import translation

    with pytest.MonkeyPatch.context() as env:
        env.delenv("ICHIGO_LANG", raising=False)
        translation.install(qapp, setting="en")
    yield


@pytest.fixture(autouse=True)
def qsettings_in_tmp(tmp_path: Path) -> Iterator[Path]:
    """QSettings (window geometry) go to an ini file under tmp_path, never the user's."""
    where = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(where))
    yield where


@dataclass
class DialogLog:
    """What the app asked or told the user; tests set the answers."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    pick_answer: int | None = None
    picks: list[str] = field(default_factory=list)
    choose_answer: int | None = 0
    chooses: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Every message box goes through ui.dialogs.ask; here they answer instantly."""
    log = DialogLog()

    def error(_parent: Any, title: str, text: str) -> None:
        log.errors.append((title, text))

    def confirm(_parent: Any, title: str, text: str, action: str = "OK") -> bool:
        log.confirms.append(text)
        return log.confirm_answer

    def pick(_parent: Any, title: str, prompt: str, choices: Any) -> int | None:
        log.picks.append(prompt)
        return log.pick_answer

    def choose(_parent: Any, title: str, text: str, detail: str, options: Any) -> int | None:
        log.chooses.append(text)
        return log.choose_answer

    monkeypatch.setattr(ask, "error", error)
    monkeypatch.setattr(ask, "choose", choose)
    monkeypatch.setattr(ask, "inform", error)
    monkeypatch.setattr(ask, "confirm", confirm)
    monkeypatch.setattr(ask, "pick_contact", pick)
    return log


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
def window(vault: Vault, qtbot: Any, clock: Callable[[], datetime]) -> Any:
    from ichigoapp.ui.main_window import MainWindow

    win = MainWindow(vault, [], clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
