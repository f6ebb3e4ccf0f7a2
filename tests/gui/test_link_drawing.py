"""Links are drawn whole on the canvas: every piece of the path, its rounded corners too."""

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cjm_designer.canvas.items import LinkItem
from cjm_designer.layout import LinkPath
from cjm_designer.layout.geometry import Point


@pytest.mark.parametrize("kind", ["flow", "call", "message", "email"])  # solid and dashed
def test_every_piece_of_a_link_is_drawn(qapp, kind):
    item = LinkItem("l1")
    item.show(LinkPath("l1", kind, (Point(10, 10), Point(60, 10), Point(60, 80), Point(120, 80)), (), None), kind)
    image = QImage(140, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.boundingRect()
    painter = QPainter(image)
    item.paint(painter, option)
    painter.end()
    white = QColor("#FFFFFF")
    for x, y in ((20, 10), (58, 11), (60, 40), (61, 78), (100, 80)):  # line, corner, line, corner, line
        near = [QColor(image.pixel(x + dx, y + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        assert any(color != white for color in near), (x, y)
