"""The desktop entry and AppStream metadata are valid and agree with the app.

The validators come from Debian's desktop-file-utils and appstream packages
(``make validate-packaging`` installs them); without them those two checks skip, and
the consistency checks below still run.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ichigoapp import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.ichigo.Ichigo"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _validator(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian package {package}; make validate-packaging)")
    return path


def test_the_desktop_entry_validates() -> None:
    tool = _validator("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    # desktop-file-validate exits 0 on hints too; any error or warning line fails here.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_metainfo_validates() -> None:
    tool = _validator("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_opens_calendars_and_cards_with_the_installed_command() -> None:
    entry = _entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    command, *args = entry["Exec"].split()
    assert command in scripts
    assert args[-1] == "%F", "several files at once, as local paths"
    mimetypes = set(filter(None, entry["MimeType"].split(";")))
    assert {"text/calendar", "text/vcard", "text/x-vcard", "message/rfc822"} <= mimetypes
    categories = set(filter(None, entry["Categories"].split(";")))
    assert {"Office", "ContactManagement", "Calendar"} <= categories
    assert entry["Icon"] == APP_ID
    assert (PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_the_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()  # noqa: S314  # our own file, not input
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None
    assert root.findtext("provides/binary") == "ichigo"
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions, "add release notes for the new version"
    for image in root.iter("image"):
        url = image.text or ""
        name = url.rsplit("/", 1)[-1]
        assert url.startswith("https://"), url
        # Every screenshot named there exists (`make screenshots` writes them).
        assert (PACKAGING / "screenshots" / name).is_file(), name


def test_the_window_claims_the_desktop_entry() -> None:
    # Wayland maps windows to launchers by this id; it must be the entry's file name.
    source = (ROOT / "ichigoapp" / "app.py").read_text()
    assert f'setDesktopFileName("{APP_ID}")' in source


def test_installer_icons_are_rendered_at_every_size() -> None:
    from PySide6.QtGui import QImage

    for size in (16, 32, 48, 64, 128, 256, 512):
        png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert not image.isNull(), png
        assert (image.width(), image.height()) == (size, size)
    assert (PACKAGING / "icons" / "ichigo.ico").read_bytes()[:4] == b"\0\0\1\0"
