"""Render the app and document icons from their SVGs: PNG sizes, Windows .ico files and the macOS .icns.

Run from the project's virtual environment, without a screen:

    QT_QPA_PLATFORM=offscreen python installer/render_icons.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Each icon: its SVG name stem -> the PNG/ICO stem written beside it.
ICONS_TO_RENDER = ("coplanner", "coplanner-document")


def render(svg: Path, size: int) -> Image.Image:
    """Draw ``svg`` at ``size``×``size`` pixels, antialiased, on a transparent background."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    for stem in ICONS_TO_RENDER:
        svg = ICONS / f"{stem}.svg"
        # A size whose pixels do not fall on the drawing's 16-unit grid (24 px) has its own
        # SVG, STEM-SIZE.svg, redrawn on that size's pixel grid so its edges stay sharp.
        images = {size: render(ICONS / f"{stem}-{size}.svg" if (ICONS / f"{stem}-{size}.svg").exists()
                               else svg, size) for size in SIZES}
        for size, image in images.items():
            image.save(ICONS / f"{stem}-{size}.png", optimize=True)
        images[256].save(ICONS / f"{stem}.png", optimize=True)
        # Pillow writes each size from the largest image unless given the others; hand it
        # our own renders so the small sizes are the crisp pixel-aligned ones.
        images[256].save(ICONS / f"{stem}.ico", sizes=[(s, s) for s in ICO_SIZES],
                         append_images=[images[s] for s in ICO_SIZES if s != 256])
        if stem == "coplanner":  # the macOS app icon, which also wants 512 and 1024 px
            large = [render(svg, size) for size in (512, 1024)]
            large[-1].save(ICONS / f"{stem}.icns", append_images=[*large[:-1], images[256], images[128],
                                                                  images[64], images[32], images[16]])
        print(f"Rendered {stem}: {', '.join(str(s) for s in SIZES)} px and {stem}.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
