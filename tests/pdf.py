"""Printed cards read back as a reader would: their text and their pages (poppler)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The words of the PDF (or of one page), however its lines wrap; with ``layout``,
    in the order they stand on the page, line by line (columns side by side)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    how = ["-layout"] if layout else []
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *how, *pages, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return " ".join(out.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def rule_rows_mm(path: Path, tmp: Path, grey: tuple[int, int] = (160, 190)) -> list[float]:
    """Where the page's long grey rules are, in mm from the top of page 1 (rendered at
    10 pixels per mm; a rule is a pixel row at least half grey across the page)."""
    from PySide6.QtGui import QImage

    subprocess.run(
        ["pdftoppm", "-r", "254", "-f", "1", "-l", "1", "-png", str(path), str(tmp / "page")],
        check=True,
    )
    image = QImage(str(next(tmp.glob("page*.png"))))
    rows: list[float] = []
    for y in range(image.height()):
        hits = 0
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            same = abs(c.red() - c.green()) < 6 and abs(c.red() - c.blue()) < 6
            hits += same and grey[0] <= c.red() <= grey[1]
        if hits * 4 > image.width() / 2:
            if rows and y / 10 - rows[-1] <= 0.3:
                rows[-1] = y / 10  # one rule drawn on several pixel rows
            else:
                rows.append(y / 10)
    return rows
