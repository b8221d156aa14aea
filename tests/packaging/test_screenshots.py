"""`make screenshots` keeps working: every page and every dialog, on a demo vault."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.cli_helpers import REPO, python

sys.path.insert(0, str(REPO / "packaging"))
from make_screenshots import DIALOGS, JAPANESE, PAGES


def test_every_page_and_dialog_is_shot(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ICHIGO_", "XDG_"))}
    env["PYTHONPATH"] = str(REPO)
    done = python(
        [str(REPO / "packaging" / "make_screenshots.py"), str(tmp_path)], env, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    expected = {*PAGES, "prep-card", *(f"dialog-{name}" for name in DIALOGS)}
    # Today, Contacts and the prep card again in Japanese, to review the translation.
    expected |= {f"{name}-ja" for name in (*JAPANESE, "prep-card")}
    assert {p.stem for p in tmp_path.glob("*.png")} == expected
    for name in expected:
        image = QImage(str(tmp_path / f"{name}.png"))
        # A menu (the tray's) is the narrowest; a collapsed window would be far smaller.
        assert image.width() >= 200 and image.height() >= 80, name
        # Drawn, not blank: text and frames give many colours.
        grid = [
            image.pixel(x * image.width() // 40, y * image.height() // 40)
            for x in range(40)
            for y in range(40)
        ]
        assert len(set(grid)) > 3, f"{name} looks blank"
    # The main window at the size software centres show, as the metainfo says.
    assert QImage(str(tmp_path / "today.png")).size().toTuple() == (1280, 800)


def test_the_demo_cards_are_rendered_at_every_size(tmp_path: Path) -> None:
    """docs/cards: four meeting shapes at the five sizes, a day sheet, and the same read
    by a Japanese user (a one-to-one at A6 and A5, and the day sheet)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ICHIGO_", "XDG_"))}
    env["PYTHONPATH"] = str(REPO)
    (tmp_path / "stale-page2.png").write_bytes(b"from an earlier run")
    done = python([str(REPO / "packaging" / "render_cards.py"), str(tmp_path)], env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    shapes = ("one-to-one", "first-meeting", "group", "big")
    sizes = ("a6", "a5", "a4", "letter", "index")
    expected = {f"{shape}-{size}" for shape in shapes for size in sizes} | {"day-sheet"}
    expected |= {"ja-one-to-one-a6", "ja-one-to-one-a5", "ja-day-sheet"}
    stems = {p.stem for p in tmp_path.glob("*.png")}
    assert expected <= stems
    assert all("-page" in extra for extra in stems - expected)  # a card's second page
    a4 = QImage(str(tmp_path / "big-a4.png"))
    assert abs(a4.height() / a4.width() - 297 / 210) < 0.01
    index = QImage(str(tmp_path / "group-index.png"))
    assert abs(index.height() / index.width() - 6 / 4) < 0.01
