"""Render the application icon into the PNG sizes installers and launchers want.

Usage: ``python packaging/render_icons.py [SVG] [OUT_DIR]``. Writes a freedesktop
``hicolor`` tree (``OUT_DIR/hicolor/NxN/apps/io.github.ichigo.Ichigo.png`` plus the SVG
under ``scalable/``) and ``OUT_DIR/ichigo.ico`` / ``ichigo-512.png`` for PyInstaller on
Windows and macOS. Qt's own SVG renderer (QtSvg ships in PySide6-Essentials) does the
drawing, so no extra system tool is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.ichigo.Ichigo"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows .ico holds several sizes; 256 is the largest Explorer uses.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write_ico(images: list[QImage], target: Path) -> None:
    """A multi-size .ico with PNG-compressed entries (valid since Windows Vista).

    Qt's ICO writer stores one image only, so the container is assembled here.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs: list[bytes] = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs want bytes, Qt a str
        buffer.close()
        blobs.append(bytes(data.data()))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in ICO
        entries += bytes([side, side, 0, 0])
        entries += (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def main(argv: list[str]) -> int:
    svg = Path(argv[1]) if len(argv) > 1 else ROOT / "resources" / "icons" / "ichigo.svg"
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "packaging" / "icons"
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.stderr.write(f"cannot read {svg}\n")
        return 1
    images: dict[int, QImage] = {}
    for size in SIZES:
        images[size] = render(renderer, size)
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not images[size].save(str(target)):
            sys.stderr.write(f"cannot write {target}\n")
            return 1
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    images[512].save(str(out / "ichigo-512.png"))
    write_ico(
        [images[s] if s in images else render(renderer, s) for s in ICO_SIZES], out / "ichigo.ico"
    )
    print(f"icons written to {out}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
