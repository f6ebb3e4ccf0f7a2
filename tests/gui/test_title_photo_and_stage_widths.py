"""On the canvas: the persona's photo beside the title, decoded safely (a placeholder for what cannot be
shown), and a stage's cards re-wrapped live while its header's edge is dragged, in one undo step."""

import base64
import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsSceneMouseEvent

from cjm_designer.canvas import MapScene
from cjm_designer.editor import DocumentSession
from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout.drawing import PHOTO_PLACEHOLDER
from cjm_designer.model import Card, Persona, Photo
from cjm_designer.model.document import ElementKind
from tests.gui.conftest import small_map
from tests.photos import png_header

TEAL, RED = (0, 128, 128), (200, 30, 30)


def banded_png() -> bytes:
    """A tall photo: red bands above and below a teal square, the middle that the circle shows."""
    image = Image.new("RGB", (60, 120), RED)
    image.paste(TEAL, (0, 30, 60, 90))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scene_with_photo(data: bytes) -> MapScene:
    doc = small_map()
    doc.meta.title = "Покупка лекарства"
    doc.personas = [Persona(id="p", name="Анна Смирнова",
                            photo=Photo(media_type="image/png", data=base64.b64encode(data).decode()))]
    return MapScene(DocumentSession(doc))


def rendered(scene: MapScene, scale: float = 2) -> QImage:
    area = scene.sceneRect()
    image = QImage(int(area.width() * scale), int(area.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    with scene.export_mode():
        scene.render(painter, QRectF(image.rect()), area)
    painter.end()
    return image


def rgb(image: QImage, x: float, y: float, scale: float = 2) -> tuple[int, int, int]:
    color = image.pixelColor(int(x * scale), int(y * scale))
    return color.red(), color.green(), color.blue()


def near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, b))


def test_the_canvas_paints_the_photos_middle_in_its_circle(qapp):
    scene = scene_with_photo(banded_png())
    photo = scene.layout.title_photo
    image = rendered(scene)
    r = photo.rect
    for x, y in [(r.center.x, r.center.y), (r.center.x, r.y + 3), (r.center.x, r.bottom - 3)]:
        assert near(rgb(image, x, y), TEAL), (x, y)  # the teal middle fills the circle: no red band shows
    assert near(rgb(image, r.x + 1, r.y + 1), (255, 255, 255))  # outside the circle, in its square's corner
    assert scene.title_item.image.height() <= 4 * r.w * 2  # decoded near the size it is drawn at


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + b"\0" * 60, png_header(12000, 12000),
                                  banded_png()[:70]], ids=["damaged", "oversized", "truncated"])
def test_a_photo_that_cannot_be_shown_is_a_placeholder_with_initials(qapp, data):
    scene = scene_with_photo(data)
    r = scene.layout.title_photo.rect
    assert scene.title_item.image is None
    image = rendered(scene)
    placeholder = QColor(PHOTO_PLACEHOLDER)
    assert near(rgb(image, r.center.x, r.bottom - 6), (placeholder.red(), placeholder.green(), placeholder.blue()))
    white = sum(near(rgb(image, r.center.x + dx / 2, r.center.y + dy / 2), (255, 255, 255), 40)
                for dx in range(-24, 25) for dy in range(-14, 6))
    assert white > 40  # the initials, in white


def test_a_new_photo_is_decoded_again_and_a_removed_one_takes_its_box_away(qapp):
    scene = scene_with_photo(banded_png())
    first = scene.title_item.image
    scene.edits.set_fields(ElementKind.PERSONA, {"p": {"photo": None}})
    assert scene.layout.title_photo is None and scene.title_item.photo is None
    scene.session.undo_stack.undo()
    assert scene.title_item.image is not None and scene.title_item.image is not first


def mouse(scene: MapScene, kind, pos: QPointF, buttons=Qt.MouseButton.LeftButton) -> None:
    event = QGraphicsSceneMouseEvent(kind)
    event.setScenePos(pos)
    event.setButton(Qt.MouseButton.LeftButton)
    event.setButtons(buttons)
    QApplication.sendEvent(scene, event)


def test_dragging_a_stage_edge_rewraps_its_cards_live_and_is_one_undo_step(qtbot):
    doc = small_map()
    doc.add_card(Card(id="long", stage="s0", lane="buyer", title="Длинная",
                      text="Звонит в аптеку, чтобы узнать, есть ли лекарство и сколько оно стоит " * 2))
    session = DocumentSession(doc)
    scene = MapScene(session)
    before = scene.layout.cards["long"]
    header = scene.layout.stages["s0"].header
    start = QPointF(header.right - 2, header.center.y)
    mouse(scene, QEvent.Type.GraphicsSceneMousePress, start)
    mouse(scene, QEvent.Type.GraphicsSceneMouseMove, start + QPointF(0, 12))
    mouse(scene, QEvent.Type.GraphicsSceneMouseMove, start + QPointF(180, 0))
    qtbot.waitUntil(lambda: scene.previewing, timeout=2000)
    live = scene.layout.cards["long"]
    assert doc.stage("s0").width is None and session.undo_stack.count() == 0  # the map is as it was
    assert live.rect.w == round(header.w + 180) - 2 * S.cell_padding and len(live.lines) < len(before.lines)
    assert scene.card_items["long"].box is live  # drawn so
    mouse(scene, QEvent.Type.GraphicsSceneMouseRelease, start + QPointF(180, 0), Qt.MouseButton.NoButton)
    assert doc.stage("s0").width == round(header.w + 180) and session.undo_stack.count() == 1
    assert not scene.previewing and scene.layout.cards["long"].rect == live.rect
    session.undo_stack.undo()
    assert scene.layout.cards["long"].rect.w == S.card_width


def test_escape_puts_a_previewed_width_back(qtbot):
    session = DocumentSession(small_map())
    scene = MapScene(session)
    header = scene.layout.stages["s1"].header
    start = QPointF(header.right - 2, header.center.y)
    mouse(scene, QEvent.Type.GraphicsSceneMousePress, start)
    mouse(scene, QEvent.Type.GraphicsSceneMouseMove, start + QPointF(0, 12))
    mouse(scene, QEvent.Type.GraphicsSceneMouseMove, start + QPointF(250, 0))
    qtbot.waitUntil(lambda: scene.previewing, timeout=2000)
    assert scene.layout.cards["c"].rect.w > S.card_width
    scene.interaction.cancel()
    assert not scene.previewing and scene.layout.cards["c"].rect.w == S.card_width
    assert session.undo_stack.count() == 0


def test_a_new_card_is_typed_as_wide_as_the_cards_of_its_widened_stage(qtbot):
    from cjm_designer.canvas.text_edits import NewCard

    doc = small_map()
    doc.add_card(Card(id="near", stage="s0", lane="buyer", title="Соседняя"))
    session = DocumentSession(doc)
    scene = MapScene(session)
    scene.edits.resize_part(ElementKind.STAGE, "s0", scene.layout.stages["s0"].header.w + 160)
    wide = scene.layout.cards["near"].rect.w
    assert wide > S.card_width
    at_end, before = NewCard(scene, "s0", "buyer"), NewCard(scene, "s0", "buyer", 0)
    assert at_end.rect.width() == pytest.approx(wide) and before.rect.width() == pytest.approx(wide)
    assert at_end.rect.x() == pytest.approx(scene.layout.cards["near"].rect.x)
