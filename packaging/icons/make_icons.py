"""Regenerate the app icon files (PNG, ICO, ICNS) from resources/icons/fluenzr.svg.

Run after editing the SVG, then commit the results:

    .venv/bin/python packaging/icons/make_icons.py

It needs only PySide6 (a dependency of the app: QtSvg draws the SVG) and the standard
library (the .ico and .icns containers are written here), so no extra package and no
platform tool (iconutil, ImageMagick) is needed, and the output is the same everywhere.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS_DIR = ROOT / "resources" / "icons"
SOURCE = ICONS_DIR / "fluenzr.svg"
# The PNGs shipped beside the SVG (window icon, Linux hicolor theme, the .deb).
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
# Windows asks for 16/24/32/48 (small icons, taskbar at 100–150 %), 64 and 256 (Explorer).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICO entries up to this size are stored as 32-bit bitmaps, larger ones as PNG (smaller
# files; Windows reads PNG entries since Vista), as Windows' own icons are laid out.
ICO_LARGEST_BITMAP = 64
# ICNS chunk type → pixel size (the @2x types are the Retina versions of the smaller ones).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"ic11", 32),  # 16@2x
    (b"icp5", 32),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)


def render(renderer, size: int):
    """The SVG drawn on a transparent size×size image (QImage, ARGB32, not premultiplied)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    """The image encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bitmap(image) -> bytes:
    """An ICO entry as a 32-bit BGRA DIB: header, bottom-up pixels, then an empty AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    # Format_ARGB32 holds each pixel as a native-endian 0xAARRGGBB word: B, G, R, A in
    # memory on the little-endian machines this runs on, which is the DIB's order.
    if sys.byteorder != "little":
        raise RuntimeError("writing .ico bitmaps needs a little-endian machine")
    stride = image.bytesPerLine()
    pixels = bytes(image.constBits())
    rows = [pixels[y * stride : y * stride + size * 4] for y in range(size)]
    mask_row = bytes(((size + 31) // 32) * 4)  # 1 bit a pixel, rows padded to 32 bits
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_file(images: dict[int, object]) -> bytes:
    """A multi-size .ico holding one entry per size in ICO_SIZES."""
    entries = []
    for size in ICO_SIZES:
        image = images[size]
        entries.append(ico_bitmap(image) if size <= ICO_LARGEST_BITMAP else png_bytes(image))
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in zip(ICO_SIZES, entries, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(entries)


def icns_file(images: dict[int, object]) -> bytes:
    """A .icns holding PNG chunks for every type in ICNS_TYPES."""
    chunks = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(images[size])
        chunks += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    """Write every generated icon file beside the SVG; returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: error: cannot read {SOURCE}", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS_DIR / f"fluenzr-{size}.png").write_bytes(png_bytes(images[size]))
    (ICONS_DIR / "fluenzr.ico").write_bytes(ico_file(images))
    (ICONS_DIR / "fluenzr.icns").write_bytes(icns_file(images))
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, fluenzr.ico and fluenzr.icns in {ICONS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
