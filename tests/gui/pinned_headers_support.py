"""What the pinned-header tests share: a canvas on a bundled template in a small view, scrolled to a
chosen place, and what the view's pixels show there."""

from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QColor, QImage

from cjm_designer.canvas import pinned_headers
from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from tests.gui.conftest import Canvas

DARK = 110  # the lightness under which a pixel is a letter's ink, not a header's pale fill


def template_canvas(qtbot, zoom: float = 1.0, size: tuple[int, int] = (800, 600)) -> Canvas:
    """The five-stage Russian template in a view of `size` at `zoom`."""
    canvas = Canvas(qtbot, load(templates_dir() / "five-stages.ru.cjm"))
    canvas.view.resize(*size)
    canvas.view.set_zoom(zoom)
    qtbot.wait(10)
    return canvas


def show_from(canvas: Canvas, qtbot, x: float, y: float) -> QImage:
    """Scroll until the scene point (x, y) is at the viewport's top left; what the viewport shows."""
    view = canvas.view
    for _ in range(2):  # a scroll bar's range may change once the other has moved
        point = view.mapFromScene(QPointF(x, y))
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + point.x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + point.y())
    qtbot.wait(10)
    return view.viewport().grab().toImage()


def pins(canvas: Canvas) -> pinned_headers.Pins:
    found = pinned_headers.pins_for(canvas.scene.layout, canvas.view.visible_scene_rect())
    assert found is not None
    return found


def near(image: QImage, point: QPoint, color: str | QColor) -> bool:
    pixel, want = image.pixelColor(point), QColor(color)
    return all(abs(a - b) <= 3 for a, b in zip(pixel.getRgb()[:3], want.getRgb()[:3], strict=True))


def ink(image: QImage, area: QRect) -> list[QPoint]:
    """The dark pixels in `area` (viewport pixels), letters' ink."""
    area = area.intersected(image.rect())
    return [QPoint(x, y) for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
            if image.pixelColor(x, y).lightness() < DARK]


def scene_rect(canvas: Canvas, left: float, top: float, right: float, bottom: float) -> QRect:
    """The viewport pixels of a scene rectangle."""
    return QRect(canvas.at(left, top), canvas.at(right, bottom))
