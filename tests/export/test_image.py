"""PNG and SVG exports drawn from the scene: sizes and resolution, backgrounds, bands that join without
seams, cancelling, big maps drawn in full at small scales, vector SVG with text as text, and an open
canvas left as it was."""

import math
import struct
import xml.etree.ElementTree as ET
import zlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from cjm_designer.canvas import MapScene, MapView
from cjm_designer.canvas.scene import EAGER_CARDS
from cjm_designer.editor import DocumentSession
from cjm_designer.export import Cancelled
from cjm_designer.export.image import MAX_SIDE, png_size, render_png, render_svg, write_png
from cjm_designer.io import load
from cjm_designer.io.atomic import writing_atomically
from cjm_designer.layout import compute_layout, engine
from cjm_designer.map_export import PngOptions, export_map
from cjm_designer.model import Card, Link
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from tests.gui.conftest import small_map

DEMO = templates_dir() / "window-installation.ru.cjm"
SVG = "{http://www.w3.org/2000/svg}"
ONE_BAND = 1_000_000


@pytest.fixture(scope="module")
def demo():
    return load(DEMO)


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """The chunks of a PNG, each checked against its CRC."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        kind, data = png[at + 4:at + 8], png[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length:at + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        found.append((kind, data))
        at += 12 + length
    assert found[0][0] == b"IHDR" and found[-1][0] == b"IEND"
    return found


def image(png: bytes) -> QImage:
    result = QImage.fromData(png)
    assert not result.isNull()
    return result


def same_pixels(a: QImage, b: QImage) -> bool:
    a, b = (i.convertToFormat(QImage.Format.Format_ARGB32) for i in (a, b))
    return a.size() == b.size() and bytes(a.constBits()) == bytes(b.constBits())


def differences(a: QImage, b: QImage) -> list[int]:
    """The largest channel difference of every pixel that differs."""
    a, b = (i.convertToFormat(QImage.Format.Format_ARGB32) for i in (a, b))
    assert a.size() == b.size()
    bits_a, bits_b, stride = bytes(a.constBits()), bytes(b.constBits()), a.bytesPerLine()
    found = []
    for y in range(a.height()):
        row_a, row_b = bits_a[y * stride:(y + 1) * stride], bits_b[y * stride:(y + 1) * stride]
        if row_a != row_b:
            found += [max(abs(p - q) for p, q in zip(row_a[x:x + 4], row_b[x:x + 4]))
                      for x in range(0, a.width() * 4, 4) if row_a[x:x + 4] != row_b[x:x + 4]]
    return found


def linked_small_map():
    """The canvas tests' small map with an emotion curve, and links of every style across its lanes."""
    doc = small_map()
    doc.add_card(Card(id="e", stage="s0", lane="mood", title="Тревожно", emotion=-1))
    doc.add_card(Card(id="f", stage="s2", lane="mood", title="Рад", emotion=2))
    for number, (source, target, kind) in enumerate([("a", "d", "call"), ("b", "c", "message"), ("d", "a", "email"),
                                                     ("c", "b", "flow"), ("a", "f", "email"), ("f", "d", "call")]):
        doc.add_link(Link(id=f"k{number}", source=source, target=target, kind=kind, label=f"Связь {number}"))
    return doc


def counting(calls: list):
    def progress(done, total):
        calls.append((done, total))
        return True
    return progress


# -- PNG ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2, 0.5])
def test_png_is_the_whole_map_at_its_scale(qapp, demo, scale):
    layout = compute_layout(demo)
    png = render_png(demo, scale=scale)
    expected = (math.ceil(layout.width * scale), math.ceil(layout.height * scale))
    assert (image(png).width(), image(png).height()) == expected == png_size(demo, scale=scale)
    kinds = [kind for kind, _ in chunks(png)]
    assert b"pHYs" in kinds and b"IDAT" in kinds
    (ppm_x, ppm_y, unit), = (struct.unpack(">IIB", data) for kind, data in chunks(png) if kind == b"pHYs")
    assert unit == 1 and ppm_x == ppm_y == round(72 * scale / 0.0254)  # 1 pt = `scale` px


def test_dpi_sets_the_scale_and_is_recorded_so_the_print_has_the_maps_size(qapp, demo):
    layout = compute_layout(demo)
    png = render_png(demo, dpi=300)
    picture = image(png)
    assert (picture.width(), picture.height()) == (math.ceil(layout.width * 300 / 72),
                                                   math.ceil(layout.height * 300 / 72))
    assert picture.dotsPerMeterX() == picture.dotsPerMeterY() == round(300 / 0.0254)  # 11811
    inches = picture.width() / (picture.dotsPerMeterX() * 0.0254)
    assert inches == pytest.approx(layout.width / 72, abs=1 / 300)
    texts = {data.split(b"\0", 1)[0]: data.split(b"\0", 5)[5].decode("utf-8")
             for kind, data in chunks(png) if kind == b"iTXt"}
    assert texts[b"Title"] == demo.meta.title
    assert texts[b"Software"].startswith("CJM Designer")


def test_transparent_background_has_no_paint_outside_the_content(qapp, demo):
    white, clear = image(render_png(demo)), image(render_png(demo, transparent=True))
    assert white.hasAlphaChannel() is False and clear.hasAlphaChannel()
    color_types = [data[9] for png in (render_png(demo), render_png(demo, transparent=True))
                   for kind, data in chunks(png) if kind == b"IHDR"]
    assert color_types == [2, 6]  # RGB, RGBA
    for x, y in [(0, 0), (white.width() - 1, 0), (2, white.height() - 1)]:
        assert white.pixelColor(x, y) == QColor(255, 255, 255, 255)
        assert clear.pixelColor(x, y).alpha() == 0
    card = compute_layout(demo).cards[demo.cards[0].id].rect
    inside = clear.pixelColor(int(card.x + card.w / 2), int(card.y + card.h - 3))
    assert inside.alpha() == 255  # the map itself stays opaque


@pytest.mark.parametrize("band", [97, 256])
@pytest.mark.parametrize("transparent", [False, True], ids=["white", "transparent"])
@pytest.mark.parametrize("name", ["demo", "small"])
def test_bands_join_into_the_image_drawn_at_once_pixel_for_pixel(qapp, demo, name, band, transparent):
    doc = demo if name == "demo" else linked_small_map()
    at_once, banded = [], []
    direct = render_png(doc, transparent=transparent, band=ONE_BAND, progress=counting(at_once))
    tiled = render_png(doc, transparent=transparent, band=band, progress=counting(banded))
    assert at_once[-1] == (1, 1)
    height = image(direct).height()
    assert banded[-1] == (math.ceil(height / band),) * 2 and height % band
    borders = range(band, height, band)
    links = compute_layout(doc).links.values()
    assert any(min(p.y for p in link.points) < border < max(p.y for p in link.points)
               for link in links for border in borders)  # links cross band borders (the demo's do)
    assert same_pixels(image(tiled), image(direct))


@pytest.mark.parametrize("scale", [2, 300 / 72])
def test_bands_at_other_scales_join_without_seams(qapp, demo, scale):
    """Qt's rasteriser rounds a dashed line's dash ends in the coordinates of the band it draws, so
    away from scale 1 a few pixels may differ by a level of antialiasing, never more."""
    direct = image(render_png(demo, scale=scale, band=ONE_BAND))
    tiled = image(render_png(demo, scale=scale, band=97))
    found = differences(tiled, direct)
    assert len(found) <= 20 and max(found, default=0) <= 2


def test_cancelling_stops_the_export_and_leaves_no_file(qapp, demo, tmp_path):
    with pytest.raises(Cancelled):
        render_png(demo, progress=lambda done, total: False)
    calls = []

    def stop_after_first_band(done, total):
        calls.append(done)
        return done < 1

    target = tmp_path / "map.png"
    with pytest.raises(Cancelled):
        with writing_atomically(target) as out:
            write_png(demo, out, band=128, progress=stop_after_first_band)
    assert calls == [0, 1]
    assert list(tmp_path.iterdir()) == []  # neither the image nor its partial file


def test_write_png_to_a_file_writes_what_render_png_returns(qapp, demo, tmp_path):
    target = tmp_path / "map.png"
    with writing_atomically(target) as out:
        assert write_png(demo, out, scale=0.5).pixels == png_size(demo, scale=0.5)
    assert target.read_bytes() == render_png(demo, scale=0.5)
    assert list(tmp_path.iterdir()) == [target]


def test_too_large_an_image_is_refused_before_drawing_with_the_scale_that_fits(qapp, demo):
    calls = []
    with pytest.raises(ValueError, match=r"px image .* choose a lower scale, at most [\d.]+×") as raised:
        render_png(demo, scale=500, progress=counting(calls))
    assert calls == []
    fits = float(str(raised.value).split("at most ")[-1].split("×")[0])
    width, height = png_size(demo, scale=fits)
    assert max(width, height) <= MAX_SIDE
    with pytest.raises(ValueError):
        render_png(demo, scale=0)
    with pytest.raises(ValueError):
        render_png(demo, dpi=-300)


@pytest.mark.slow
def test_a_big_map_far_out_has_every_card_drawn_in_full(qapp):
    """3,000 cards at 0.1: on the canvas, this zoom shows the overview, and a big map makes items only
    near the view; the export draws every card, in full (its fill inside a darker border)."""
    doc = generate_map(3000)
    scale = 0.1
    picture = image(render_png(doc, scale=scale))
    scene = MapScene(DocumentSession(doc))  # for the colours of cards and cells
    assert scene.lazy
    layout = scene.layout
    cards = [card for card in doc.cards if not layout.cards[card.id].compact]  # emotions are dots, too small here
    assert len(cards) > 2000
    for card in cards[::97] + cards[-1:]:
        r = layout.cards[card.id].rect
        cell = scene.cell_items[(card.stage, card.lane)].fill
        fill = QColor(scene.card_fill[card.id])
        x0, y0 = math.ceil(r.x * scale) + 1, math.ceil(r.y * scale) + 1
        x1, y1 = math.floor(r.right * scale) - 2, math.floor(r.bottom * scale) - 2
        pixels = [picture.pixelColor(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
        assert pixels and cell not in pixels, card.id  # drawn, not missing
        assert fill in pixels, card.id  # in full: the simplified card is a block of a darker colour


# -- SVG ------------------------------------------------------------------------------------------


def texts_of(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_svg_keeps_text_as_text_in_pt_sans_and_has_no_bitmaps(qapp, demo):
    svg = render_svg(demo)
    root = ET.fromstring(svg)
    layout = compute_layout(demo)
    assert float(root.get("width").removesuffix("pt")) == pytest.approx(layout.width, abs=1e-3)
    assert float(root.get("height").removesuffix("pt")) == pytest.approx(layout.height, abs=1e-3)
    assert [float(v) for v in root.get("viewBox").split()] == pytest.approx([0, 0, layout.width, layout.height],
                                                                           abs=1e-3)
    assert root.find(f"{SVG}title").text == demo.meta.title
    assert root.find(f"{SVG}desc").text == demo.meta.description
    assert not list(root.iter(f"{SVG}image"))
    texts = texts_of(root)
    assert demo.stages[0].name in texts  # "Заявка"
    for box in [layout.cards[demo.cards[0].id], *layout.cards.values()]:
        for line in box.lines:
            if line.text:
                assert line.text in texts, line.text
    assert any(any("а" <= ch <= "я" for ch in text) for text in texts)
    families = {element.get("font-family") for element in root.iter(f"{SVG}text")}
    assert families == {"PT Sans,Noto Emoji"}  # the map font and the bundled emoji font after it
    assert len(list(root.iter(f"{SVG}path"))) > len(demo.cards)  # icons and links as vectors


def test_svg_progress_and_cancel(qapp, demo):
    calls = []
    render_svg(demo, progress=counting(calls))
    assert calls == [(0, 1), (1, 1)]
    with pytest.raises(Cancelled):
        render_svg(demo, progress=lambda done, total: False)


def test_transparent_svg_has_no_background(qapp, demo):
    layout = compute_layout(demo)

    def backgrounds(svg: bytes) -> list[str]:
        """The fills of the rectangles as big as the map."""
        return [group.get("fill") for group in ET.fromstring(svg).iter(f"{SVG}g")
                for rect in group.findall(f"{SVG}rect")
                if float(rect.get("width")) == pytest.approx(layout.width, abs=0.01)]

    assert backgrounds(render_svg(demo)) == ["#ffffff"]
    assert backgrounds(render_svg(demo, transparent=True)) == []


# -- the canvas is left as it was ------------------------------------------------------------------


def test_exports_leave_an_open_canvas_as_it_was(qtbot, demo):
    scene = MapScene(DocumentSession(demo))
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    render_png(demo, scale=0.1)
    render_svg(demo)
    visible = [item for item in scene.card_items.values() if item.isVisible()]
    assert visible
    assert {item.cacheMode() for item in visible} == {QGraphicsItem.CacheMode.DeviceCoordinateCache}
    assert not any(item.full_detail for item in visible)


def test_export_mode_shows_everything_in_full_and_puts_it_all_back(qapp):
    doc = generate_map(EAGER_CARDS + 200)
    scene = MapScene(DocumentSession(doc))
    scene.realize_cards([doc.cards[0].id, doc.cards[1].id])
    first, second = scene.card_items[doc.cards[0].id], scene.card_items[doc.cards[1].id]
    first.setSelected(True)
    second.hovered = True
    with scene.export_mode(background=False):
        assert set(scene.card_items) == set(scene.layout.cards)
        assert not scene.selectedItems() and not second.hovered
        assert not scene.overview.isVisible() and scene.card_layer.isVisible() and scene.link_layer.isVisible()
        items = scene.items()
        assert {item.cacheMode() for item in items} == {QGraphicsItem.CacheMode.NoCache}
        assert all(item.full_detail for item in scene.card_items.values())
        assert all(item.parentItem() is None for item in [*scene.card_items.values(), *scene.link_items.values()])
        assert scene.backgroundBrush().style() == Qt.BrushStyle.NoBrush
    assert set(scene.card_items) == {doc.cards[0].id, doc.cards[1].id}
    assert first.isSelected() and second.hovered
    assert first.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache and not first.full_detail
    assert first.parentItem() is scene.card_layer
    assert all(link.parentItem() is scene.link_layer for link in scene.link_items.values())
    assert scene.backgroundBrush().color() == QColor("#FFFFFF")
    scene.set_detail(0.1)  # far out, a canvas shows the overview instead of the cards and links
    with scene.export_mode():
        assert not scene.overview.isVisible() and scene.card_layer.isVisible() and scene.link_layer.isVisible()
    assert scene.overview.isVisible() and not scene.card_layer.isVisible() and not scene.link_layer.isVisible()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_an_image_export_lays_the_map_out_once_for_the_drawing_and_the_glyph_report(qapp, tmp_path, monkeypatch,
                                                                                       fmt):
    doc = small_map()
    doc.cards[0].title += " \U0010fffd"  # no font has it: the export names the card
    laid_out = []
    original = engine._layout
    monkeypatch.setattr(engine, "_layout", lambda *args: laid_out.append(1) or original(*args))
    result = export_map(doc, fmt, tmp_path / f"map.{fmt}", PngOptions(scale=0.5) if fmt == "png" else None)
    assert laid_out == [1]
    assert [(part.part_id, part.codes) for part in result.missing] == [(doc.cards[0].id, "U+10FFFD")]
