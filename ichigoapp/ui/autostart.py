"""Start Ichigo when the user logs in (off until they turn it on in the tray's menu).

* Linux and other XDG desktops: an entry in ``$XDG_CONFIG_HOME/autostart`` (the XDG
  Autostart specification), which GNOME, KDE, Xfce and others read.
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/io.github.ichigo.Ichigo.plist`` with
  RunAtLoad, which launchd starts at login.
* Windows: a value named "Ichigo" under
  ``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

Each starts the same Python (or the bundled executable) that runs now, so a virtual
environment or a pipx install starts itself. Nothing secret is in the command: the
vault's key comes from the keychain or the passphrase, never from the command line.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.ichigo.Ichigo"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Ichigo"


def command() -> list[str]:
    """How to start the app: the bundle's executable, or this Python with the package."""
    if getattr(sys, "frozen", False):  # PyInstaller
        return [sys.executable]
    return [sys.executable, "-m", "ichigoapp", "gui"]


def supported() -> bool:
    return sys.platform.startswith("linux") or sys.platform in ("darwin", "win32")


def enabled() -> bool:
    if sys.platform == "win32":
        return _windows_value() is not None
    path = _entry_path()
    return path is not None and path.exists()


def set_enabled(on: bool) -> None:
    """Write or remove the login item for this platform."""
    if sys.platform == "win32":
        _set_windows(on)
        return
    path = _entry_path()
    if path is None:
        return
    if not on:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    data = launch_agent(command()) if sys.platform == "darwin" else desktop_entry(command())
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _entry_path() -> Path | None:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    if sys.platform.startswith("linux") or os.name == "posix":
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "autostart" / f"{APP_ID}.desktop"
    return None


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (Desktop Entry Specification):
    "%" doubled; quoted with \\ before " ` $ \\ when it holds a reserved character;
    then the string value's own escape, which doubles every backslash."""
    arg = arg.replace("%", "%%")
    if arg and not _RESERVED.intersection(arg):
        return arg
    quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(cmd: list[str]) -> bytes:
    exec_line = " ".join(_exec_quote(arg) for arg in cmd)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Ichigo\n"
        "Comment=Reminders before and after each meeting\n"
        # The desktop picks the line of the user's language (Desktop Entry Specification).
        "Comment[ja]=ミーティングの前後にお知らせします\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    ).encode()


def launch_agent(cmd: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": cmd,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def _windows_value() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, RUN_VALUE)
            return str(value)
    except OSError:
        return None


def _set_windows(on: bool) -> None:
    if sys.platform != "win32":
        return
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if on:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, subprocess.list2cmdline(command()))
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, RUN_VALUE)
