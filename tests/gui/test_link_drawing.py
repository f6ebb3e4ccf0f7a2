"""Links are drawn whole on the canvas: every piece of the path, its rounded corners too; so far out
that the overview item stands in for them, only an export draws them."""

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cjm_designer.canvas.items import LinkItem
from cjm_designer.layout import LinkPath
from cjm_designer.layout.geometry import Point


def _painted(item: LinkItem, scale: float = 1.0) -> QImage:
    image = QImage(140, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.boundingRect()
    painter = QPainter(image)
    painter.scale(scale, scale)
    item.paint(painter, option)
    painter.end()
    return image


def _link(kind: str = "flow") -> LinkItem:
    item = LinkItem("l1")
    item.show(LinkPath("l1", kind, (Point(10, 10), Point(60, 10), Point(60, 80), Point(120, 80)), (), None))
    return item


@pytest.mark.parametrize("kind", ["flow", "call", "message", "email"])  # solid and dashed
def test_every_piece_of_a_link_is_drawn(qapp, kind):
    image = _painted(_link(kind))
    white = QColor("#FFFFFF")
    for x, y in ((20, 10), (58, 11), (60, 40), (61, 78), (100, 80)):  # line, corner, line, corner, line
        near = [QColor(image.pixel(x + dx, y + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        assert any(color != white for color in near), (x, y)


def test_far_out_the_overview_item_draws_the_link_but_an_export_draws_it_itself(qapp):
    blank = QImage(140, 100, QImage.Format.Format_ARGB32)
    blank.fill(QColor("#FFFFFF"))
    item = _link()
    assert _painted(item, 0.15) == blank
    item.full_detail = True
    assert _painted(item, 0.15) != blank
