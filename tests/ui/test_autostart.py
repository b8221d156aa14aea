"""Start when I log in: the XDG autostart entry written and removed; the macOS
LaunchAgent's content; desktop-entry quoting."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ichigoapp.ui import autostart


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart")
def test_the_login_item_comes_and_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "io.github.ichigo.Ichigo.desktop"
    assert not autostart.enabled()

    autostart.set_enabled(True)

    assert autostart.enabled() and entry.exists()
    text = entry.read_text()
    assert f"Exec={sys.executable} -m ichigoapp gui\n" in text
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert done.stdout == "" and done.returncode == 0, done.stdout

    autostart.set_enabled(False)
    assert not autostart.enabled() and not entry.exists()
    autostart.set_enabled(False)  # twice is fine


def test_exec_arguments_are_quoted_as_the_specification_says() -> None:
    line = autostart.desktop_entry(["/opt/my apps/python", "-m", "ichigoapp", "100%", 'a"b$'])
    exec_line = next(x for x in line.decode().splitlines() if x.startswith("Exec="))
    assert exec_line == 'Exec="/opt/my apps/python" -m ichigoapp 100%% "a\\\\"b\\\\$"'


def test_the_macos_launch_agent_starts_the_same_program() -> None:
    agent = plistlib.loads(autostart.launch_agent(["/usr/bin/python3", "-m", "ichigoapp", "gui"]))
    assert agent["Label"] == "io.github.ichigo.Ichigo"
    assert agent["ProgramArguments"] == ["/usr/bin/python3", "-m", "ichigoapp", "gui"]
    assert agent["RunAtLoad"] is True
