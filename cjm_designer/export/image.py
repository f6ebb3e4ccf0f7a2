"""PNG and SVG exports drawn by the canvas scene itself: what is exported is what the canvas shows, in
the same bundled fonts, icons and colours, without the selection or any on-screen shortcut.

Each export builds its own MapScene on the map (an open canvas is never touched) and draws it in
export mode: every card has an item, drawn in full at any scale and uncached, cards and links
rather than the far-zoom overview.

PNG: one scene unit is one point. At `scale` 1 a point is a pixel; at `dpi` D it is D/72 pixels, and
the file records its resolution (pHYs) so that it prints at the map's size. The image is drawn in
bands of at most `band` rows, each as wide as the image, and every band is written into the PNG's
zlib stream as soon as it is drawn: memory stays bounded (about one band) whatever the map's size,
and no limit of QImage applies to the whole image.

Why bands and not square tiles: Qt's raster engine draws thin lines (a pen of one pixel or less:
cell borders, dotted guides, and most lines at small scales) with a stroker that clips each line to
the paint device first and starts its dash pattern where the clipped line starts, and it draws
glyphs cut by the device's edge differently; so a square tile's left edge would shift the dots of
every dotted line crossing it, and change its glyphs. A band's device spans the whole width, as a
single image does, and each band is drawn with extra rows above and below (MARGIN) that are then
dropped, so that no glyph near its border is cut there. Every band uses the image's scene-to-pixel
transform moved up by whole pixels. So a banded image equals the image drawn at once, pixel for
pixel, at scale 1 (the tests check it); at other scales a dashed line crossing a band border may
differ by one level of antialiasing in a few pixels, and below about scale 0.7, where the links
are thinner than a pixel, a dashed vertical link's dashes may restart at a band border (every
`band` rows): Qt does the same on screen at the edge of each repainted area.

SVG: vectors through QSvgGenerator; icons stay paths, and text is drawn as PT Sans outlines, kept as
transparent text for search and copying (svg_text.py), so that it looks the same where PT Sans is not
installed.
"""

from __future__ import annotations

import math
import os
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..canvas import MapScene
from ..canvas.comparison_items import ComparisonScene
from ..editor import DocumentSession
from ..layout import DEFAULT_STYLE, MapLayout, Style, compute_layout
from ..layout.comparison import Comparison, compare_layout
from ..layout.missing_glyphs import MissingGlyphs, missing_glyphs
from ..model import JourneyMap
from ..model.compare import MapDiff
from . import Cancelled
from .svg_text import outline_text

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel

DEFAULT_BAND = 4096  # rows drawn at once
MIN_BAND = 16
MARGIN = 128  # rows drawn above and below a band and dropped: more than a cached glyph is high
BAND_BYTES = 64 * 2**20  # a band and its margins hold at most about this much (4 bytes a pixel)
MAX_PIXELS = 2**31  # 2.1 gigapixels (8 GiB of pixels): about what image viewers and editors still open
MAX_SIDE = 2**18  # 262,144 pixels a side
COMPRESSION = 3  # zlib level: on flat-coloured maps 3% bigger than level 6 in less than half the time
POINTS_PER_INCH = 72
INCHES_PER_METRE = 1 / 0.0254
RENDER_HINTS = (QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform)  # as the canvas view draws


@dataclass(frozen=True)
class Drawn:
    """What an image export drew: the layout its scene laid the map out in, so that what else the
    export reports is read from it rather than from a second layout (one layout a map, computed once),
    and a PNG's size in pixels."""

    doc: JourneyMap
    layout: MapLayout
    pixels: tuple[int, int] | None = None

    def missing(self) -> list[MissingGlyphs]:
        """The parts of the drawing with characters no font has."""
        return missing_glyphs(self.doc, self.layout)


# -- PNG ------------------------------------------------------------------------------------------


def pixels_per_point(scale: float = 1.0, dpi: float | None = None) -> float:
    """The PNG's pixels per scene unit (point): `scale`, or `dpi`/72 when a DPI is given."""
    factor = dpi / POINTS_PER_INCH if dpi is not None else scale
    if not (math.isfinite(factor) and factor > 0):
        raise ValueError(f"the scale of an image must be a positive number, not {dpi if dpi is not None else scale}")
    return factor


def png_size(doc: JourneyMap, *, scale: float = 1.0, dpi: float | None = None,
             style: Style = DEFAULT_STYLE) -> tuple[int, int]:
    """Width and height in pixels of the PNG `render_png` would make with these arguments."""
    return pixel_size(compute_layout(doc, style), pixels_per_point(scale, dpi))


def render_png(doc: JourneyMap, *, scale: float = 1.0, dpi: float | None = None, transparent: bool = False,
               band: int = DEFAULT_BAND, progress: Progress | None = None, style: Style = DEFAULT_STYLE) -> bytes:
    """The whole map as a PNG file's bytes; see `write_png`."""
    out = _Bytes()
    write_png(doc, out, scale=scale, dpi=dpi, transparent=transparent, band=band, progress=progress, style=style)
    return out.value()


def write_png(doc: JourneyMap, out: BinaryIO, *, scale: float = 1.0, dpi: float | None = None,
              transparent: bool = False, band: int = DEFAULT_BAND, progress: Progress | None = None,
              style: Style = DEFAULT_STYLE, comparison: Comparison | None = None) -> Drawn:
    """Write the whole map as a PNG into the binary file `out` (from its current position) and
    return what was drawn, its size in pixels ceil(map width × scale) × ceil(map height × scale). To
    write a file, give the stream of `io.atomic.writing_atomically`, so that a failed, cancelled or
    refused export leaves the file as it was.

    `scale` is pixels per point; `dpi`, when given, overrides it with dpi/72, and is recorded in the
    file (otherwise 72 × scale is). With `transparent`, the pixels outside the map's content are
    transparent rather than white. The image is drawn in bands of at most `band` rows (fewer on a
    very wide image); `progress(done, total)` is called before the first band and after each, and
    returning False stops the export with `Cancelled`. Raises ValueError, before anything is
    written, when the image would be over MAX_PIXELS pixels or MAX_SIDE pixels a side, naming its
    size and the largest scale that fits. With `comparison` (layout/comparison.py; `doc` is its
    `doc`), the comparison is drawn as its window shows it, marks and summary included.
    """
    factor = pixels_per_point(scale, dpi)
    if band < MIN_BAND:
        raise ValueError(f"bands are at least {MIN_BAND} rows high, not {band}")
    with _scene(doc, style, comparison) as scene:
        width, height = pixel_size(scene.layout, factor)
        _check_size(width, height, factor)
        budget = max(4 * MIN_BAND, BAND_BYTES // (width * 4))  # rows of this width that fit in the budget
        margin = min(MARGIN, budget // 4)
        rows = min(band, budget - 2 * margin)
        bands = range(0, height, rows)
        _report(progress, 0, len(bands))
        texts = {"Title": doc.meta.title, "Description": doc.meta.description, "Author": doc.meta.author,
                 "Software": f"CJM Designer {__version__}"}
        channels = 4 if transparent else 3
        with scene.export_mode(background=not transparent):
            png = _PngStream(out, width, height, transparent, (dpi or factor * POINTS_PER_INCH) * INCHES_PER_METRE,
                             texts)
            for done, y0 in enumerate(bands, 1):
                count = min(rows, height - y0)
                above, below = min(margin, y0), min(margin, height - y0 - count)
                image = _render_band(scene, y0 - above, count + above + below, width, factor, transparent)
                bits, stride, length = image.constBits(), image.bytesPerLine(), width * channels
                data = bytearray(count * (1 + length))  # each row starts with its filter type, 0 (none)
                for row in range(count):
                    at = (above + row) * stride
                    data[row * (1 + length) + 1:(row + 1) * (1 + length)] = bits[at:at + length]
                del bits, image
                png.write(data)
                _report(progress, done, len(bands))
            png.close()
        return Drawn(doc, scene.layout, (width, height))


def write_comparison_png(diff: MapDiff, names: tuple[str, str], out: BinaryIO, **options) -> Drawn:
    """The comparison `diff` as a PNG (see `write_png` for the `options`), drawn by the scene of the
    comparison window: the later map with the differences marked, the summary under its title."""
    comparison = compare_layout(diff, names)
    return write_png(comparison.doc, out, comparison=comparison, **options)


def _render_band(scene: MapScene, y0: int, rows: int, width: int, factor: float, transparent: bool) -> QImage:
    """Rows [y0, y0 + rows) of the image, as RGBA or RGB bytes."""
    image = QImage(width, rows, QImage.Format.Format_ARGB32_Premultiplied if transparent
                   else QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHints(RENDER_HINTS)
        # The scene-to-pixel transform of the whole image, moved up by whole pixels.
        painter.setWorldTransform(QTransform(factor, 0, 0, factor, 0, -y0))
        # The scene rectangle to draw, rounded out to whole points and given as the target too, so
        # that render() adds no transform of its own.
        top, bottom = math.floor(y0 / factor) - 1, math.ceil((y0 + rows) / factor) + 1
        source = QRectF(-1, top, math.ceil(width / factor) + 2, bottom - top)
        scene.render(painter, source, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
    return image.convertToFormat(QImage.Format.Format_RGBA8888 if transparent else QImage.Format.Format_RGB888)


def pixel_size(layout: MapLayout, factor: float) -> tuple[int, int]:
    """The whole map's image at `factor` pixels a point: whole pixels, rounded up."""
    return max(1, math.ceil(layout.width * factor)), max(1, math.ceil(layout.height * factor))


def _check_size(width: int, height: int, factor: float) -> None:
    over = max(width * height / MAX_PIXELS, (max(width, height) / MAX_SIDE) ** 2)
    if over <= 1:
        return
    fits = factor / math.sqrt(over) * 0.999
    raise ValueError(
        f"A {width:,} × {height:,} px image is more than a PNG export makes (at most {MAX_PIXELS / 1e9:.1f} "
        f"gigapixels and {MAX_SIDE:,} px a side): choose a lower scale, at most {_floor(fits, 3):g}× "
        f"({_floor(fits * POINTS_PER_INCH, 0):g} dpi) for this map.")


def _floor(value: float, digits: int) -> float:
    return math.floor(value * 10**digits) / 10**digits


class _PngStream:
    """A PNG written as it is made: header and text chunks, then the rows band by band through one
    zlib stream (each band's compressed output an IDAT chunk), then the end."""

    def __init__(self, out: BinaryIO, width: int, height: int, alpha: bool, pixels_per_metre: float,
                 texts: dict[str, str]):
        self.out = out
        out.write(b"\x89PNG\r\n\x1a\n")
        self._chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0))
        ppm = round(pixels_per_metre)
        self._chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))  # unit 1: the metre
        for keyword, text in texts.items():
            if text:  # iTXt: UTF-8 text, uncompressed, no language
                self._chunk(b"iTXt", keyword.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8"))
        self._zlib = zlib.compressobj(COMPRESSION)

    def write(self, rows: bytes | bytearray) -> None:
        data = self._zlib.compress(rows)
        if data:
            self._chunk(b"IDAT", data)

    def close(self) -> None:
        self._chunk(b"IDAT", self._zlib.flush())
        self._chunk(b"IEND", b"")

    def _chunk(self, kind: bytes, data: bytes) -> None:
        self.out.write(struct.pack(">I", len(data)) + kind)
        self.out.write(data)
        self.out.write(struct.pack(">I", zlib.crc32(data, zlib.crc32(kind))))


class _Bytes:
    """A binary sink that collects the written pieces and joins them once at the end."""

    def __init__(self):
        self._parts: list[bytes] = []

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def value(self) -> bytes:
        return b"".join(self._parts)


# -- SVG ------------------------------------------------------------------------------------------


def render_svg(doc: JourneyMap, *, transparent: bool = False, progress: Progress | None = None,
               style: Style = DEFAULT_STYLE) -> bytes:
    """The whole map as an SVG file's bytes: width, height and viewBox the map's size in points, the
    map's title and description as the SVG's; text as glyph outlines with the words as transparent
    text (see svg_text) and icons as paths, no bitmaps. The drawing is one step: `progress` is called
    with (0, 1) before and (1, 1) after, and returning False from either cancels with `Cancelled`."""
    return draw_svg(doc, transparent=transparent, progress=progress, style=style)[0]


def draw_svg(doc: JourneyMap, *, transparent: bool = False, progress: Progress | None = None,
             style: Style = DEFAULT_STYLE) -> tuple[bytes, Drawn]:
    """`render_svg`'s bytes, and what was drawn."""
    _report(progress, 0, 1)
    with _scene(doc, style) as scene:
        layout = scene.layout
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(POINTS_PER_INCH)
        generator.setSize(QSize(math.ceil(layout.width), math.ceil(layout.height)))
        area = QRectF(0, 0, layout.width, layout.height)
        generator.setViewBox(area)
        generator.setTitle(doc.meta.title)
        generator.setDescription(doc.meta.description)
        with scene.export_mode(background=not transparent):
            painter = QPainter(generator)
            try:
                painter.setRenderHints(RENDER_HINTS)
                scene.render(painter, area, area, Qt.AspectRatioMode.IgnoreAspectRatio)
            finally:
                painter.end()
        buffer.close()
    _report(progress, 1, 1)
    svg = _xml_characters(_exact_size(outline_text(bytes(buffer.data())), layout.width, layout.height))
    return svg, Drawn(doc, layout)


_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")  # in UTF-8: C0 controls, U+FFFE/F


def _xml_characters(svg: bytes) -> bytes:
    """QSvgGenerator writes a text's characters as they are, and XML 1.0 forbids some that a map's
    text may hold (NUL, ESC and the other C0 controls but tab and line breaks; U+FFFE, U+FFFF): each
    becomes U+FFFD, the replacement character, so the drawing stays well-formed XML. In UTF-8 these
    bytes occur in no other character, so nothing else is touched."""
    return _NOT_XML.sub("\ufffd".encode(), svg)


def _exact_size(svg: bytes, width: float, height: float) -> bytes:
    """QSvgGenerator gives the size in whole units (as millimetres) and the viewBox rounded: put the
    map's exact size in points in both."""
    w, h = f"{width:.3f}".rstrip("0").rstrip("."), f"{height:.3f}".rstrip("0").rstrip(".")
    root = svg.index(b"<svg")
    end = svg.index(b">", root)
    head = svg[root:end]
    head = re.sub(rb'\swidth="[^"]*"', f' width="{w}pt"'.encode(), head, count=1)
    head = re.sub(rb'\sheight="[^"]*"', f' height="{h}pt"'.encode(), head, count=1)
    head = re.sub(rb'\sviewBox="[^"]*"', f' viewBox="0 0 {w} {h}"'.encode(), head, count=1)
    return svg[:root] + head + svg[end:]


# -- both -----------------------------------------------------------------------------------------


@contextmanager
def _scene(doc: JourneyMap, style: Style, comparison: Comparison | None = None) -> Iterator[MapScene]:
    """A scene of its own for an export (building it registers the bundled fonts), of the comparison when
    one is given; disposed of on leaving (MapScene.dispose: a scene left to Python's cyclic collector can
    crash the program as it is freed, in the middle of whatever runs then)."""
    _application()
    scene = MapScene(DocumentSession(doc), style) if comparison is None else ComparisonScene(comparison)
    try:
        yield scene
    finally:
        scene.dispose()


_APP: list[QApplication] = []


def _application() -> None:
    """Scenes and text need a QApplication: make one if the program has none yet (as in a command-line
    export), on the offscreen platform since an export shows nothing."""
    if QApplication.instance() is not None:
        return
    platform = os.environ.get("QT_QPA_PLATFORM")
    os.environ["QT_QPA_PLATFORM"] = platform or "offscreen"
    try:
        _APP.append(QApplication(["cjm-designer"]))
    finally:
        if platform is None:
            del os.environ["QT_QPA_PLATFORM"]


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled(f"export cancelled after {done} of {total} steps")
