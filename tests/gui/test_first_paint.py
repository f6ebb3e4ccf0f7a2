"""The first frame's shortcuts draw what Qt would have drawn: icons parsed once per scene and colour,
text too small to colour a pixel left out, and fillRect's pixels and SVG without its overloads."""

import random

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from cjm_designer.canvas import MapScene
from cjm_designer.canvas import painting as P
from cjm_designer.editor import DocumentSession
from cjm_designer.layout import TextLine
from cjm_designer.model.synthetic import generate_map

GLYPHS = ("".join(chr(c) for c in range(0x21, 0x7F)) + "".join(chr(c) for c in range(0x410, 0x450))
          + "ЁёЩЖШ—–«»№@%█")


def image(width: int = 64, height: int = 64) -> QImage:
    result = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    result.fill(0)
    return result


def test_a_scene_parses_each_icon_once_per_colour_for_all_its_cards(qapp):
    scene = MapScene(DocumentSession(generate_map(60)))
    cards = list(scene.card_items.values())
    assert cards and all(card.icons is scene.icons for card in cards)
    icons = scene.icons
    grey = icons.renderer("globe", "#9E9E9E")
    assert icons.renderer("globe", "#9E9E9E") is grey
    red = icons.renderer("globe", "#E53935")
    assert red is not grey
    drawn = image()
    painter = QPainter(drawn)
    red.render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    solid = (drawn.pixelColor(x, y) for x in range(64) for y in range(64))
    colours = {colour.name() for colour in solid if colour.alpha() == 255}
    scene.dispose()
    assert colours == {"#e53935"}


@pytest.mark.parametrize("bold", [False, True])
def test_text_below_the_invisible_size_colours_no_pixel(qapp, bold):
    """FreeType gives every glyph (a full block among them) no coverage at INVISIBLE_TEXT device pixels,
    wherever it falls on the pixel grid: leaving such text out changes nothing."""
    P.load_fonts()
    drawn = image(70, 40)
    painter = QPainter(drawn)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("#000000"))
    painter.setFont(P.font(bold))
    for shift in range(8):
        for i, glyph in enumerate(GLYPHS):
            painter.save()
            painter.translate(2 + i % 64 + shift / 8, 4 + 4 * (i // 64) + shift / 16 + 20 * (shift % 2))
            painter.scale(P.INVISIBLE_TEXT / P.BASE_SIZE, P.INVISIBLE_TEXT / P.BASE_SIZE)
            painter.drawText(QPointF(0, 0), glyph)
            painter.restore()
    painter.end()
    assert drawn == image(70, 40)


def test_draw_text_line_leaves_out_only_text_under_the_invisible_size(qapp):
    P.load_fonts()
    line = TextLine("Этап 1 — Вошли 10 000", 0, 10, 10, False, "#000000")
    for scale, inked in ((P.INVISIBLE_TEXT / 10 * 0.99, False), (1.0, True)):
        drawn = image(200, 20)
        painter = QPainter(drawn)
        painter.scale(scale, scale)
        P.draw_text_line(painter, line)
        painter.end()
        assert (drawn != image(200, 20)) is inked


def _rects(painter: QPainter, fill, antialiased: bool) -> None:
    rnd = random.Random(5)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    for _ in range(150):
        painter.save()
        painter.translate(rnd.uniform(0, 100), rnd.uniform(0, 100))
        scale = rnd.choice([1, 0.5, 0.0032, 0.28, 1.37])
        painter.scale(scale, scale)
        painter.setPen(QPen(QColor("#123456"), 1.3))
        painter.setBrush(QColor("#ABCDEF"))
        painter.setOpacity(rnd.choice([1, 0.18]))
        fill(painter, QRectF(rnd.uniform(-5, 50), rnd.uniform(-5, 50), rnd.choice([3, 0.5, rnd.uniform(0, 40)]),
                             rnd.uniform(0, 40)), QColor(rnd.choice(["#E53935", "#80E53935", "#FFFFFF"])))
        painter.drawEllipse(QRectF(0, 0, 5, 5))  # with the pen and brush fill_rect was given
        painter.restore()


def test_fill_rect_draws_the_pixels_and_the_svg_of_fill_rect(qapp):
    def qt(painter, rect, color):
        painter.fillRect(rect, color)

    for antialiased in (True, False):
        drawn = []
        for fill in (qt, P.fill_rect):
            target = image(160, 160)
            painter = QPainter(target)
            _rects(painter, fill, antialiased)
            painter.end()
            drawn.append(target)
        assert drawn[0] == drawn[1]
    svgs = []
    for fill in (qt, P.fill_rect):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(160, 160))
        painter = QPainter(generator)
        _rects(painter, fill, True)
        painter.end()
        svgs.append(bytes(data))
    assert svgs[0] == svgs[1]
