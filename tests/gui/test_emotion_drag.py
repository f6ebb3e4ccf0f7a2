"""An emotion point dragged up and down by its dot with real mouse events: it snaps to the levels
−2 … +2, shows the level while dragged, and the release is one undo step (none for the same level);
Escape puts it back."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from cjm_designer.canvas.card_drag import CardDrag
from cjm_designer.canvas.emotion_drag import EmotionDrag
from cjm_designer.model import Card
from tests.gui.conftest import Canvas, _send_move, small_map

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def moods(qtbot):
    doc = small_map()
    for card_id, stage, emotion, title in [("e0", "s0", 0, "Тревога 😟"), ("e1", "s1", -1, "Сомнения"),
                                           ("e2", "s2", None, "Решился")]:
        doc.add_card(Card(id=card_id, stage=stage, lane="mood", title=title, emotion=emotion))
    return Canvas(qtbot, doc)


def dot(canvas: Canvas, card_id: str) -> QPoint:
    """The point's dot, in viewport pixels."""
    box = canvas.scene.layout.cards[card_id]
    marker = box.markers[0].rect
    return canvas.at(box.rect.x + marker.center.x, box.rect.y + marker.center.y)


def level_point(canvas: Canvas, card_id: str, level: int, off: float = 0) -> QPoint:
    """Where the pointer holding the dot of `card_id` puts it at `level` (`off` scene units below)."""
    curve = canvas.scene.curve_items["mood"].curve
    return QPoint(dot(canvas, card_id).x(), canvas.at(0, curve.levels[level + 2] + off).y())


def press_and_move(canvas: Canvas, start: QPoint, *points: QPoint) -> None:
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    for point in points:
        for i in range(1, 4):
            _send_move(viewport, start + (point - start) * i / 3, LEFT)
        start = point


def release(canvas: Canvas, point: QPoint) -> None:
    QTest.mouseRelease(canvas.view.viewport(), LEFT, NONE, point)


def test_drag_a_point_up_sets_its_emotion_in_one_step(moods):
    curve = moods.scene.curve_items["mood"]
    target = level_point(moods, "e0", 2, off=8)  # nearer +2 than +1: it snaps to +2
    press_and_move(moods, dot(moods, "e0"), target)
    drag = moods.scene.interaction
    assert isinstance(drag, EmotionDrag) and drag.level == 2
    item = moods.scene.card_items["e0"]
    box = moods.scene.layout.cards["e0"]
    assert item.pos().y() == pytest.approx(box.rect.y - 2 * moods.scene.style.emotion_step)  # the dot at +2
    assert drag.tag.scene() is moods.scene and drag.tag.shapes[2].text == "+2"
    assert curve.dragged is not None and (box.rect.x + box.markers[0].rect.center.x,
                                          curve.curve.levels[4]) in curve.dragged.points
    release(moods, target)
    assert moods.doc.card("e0").emotion == 2
    assert moods.session.undo_stack.count() == 1
    assert moods.scene.interaction is None and drag.tag.scene() is None and curve.dragged is None
    assert moods.scene.selected_card_ids() == ["e0"]
    moods.session.undo_stack.undo()
    assert moods.doc.card("e0").emotion == 0
    assert item.pos().y() == moods.scene.layout.cards["e0"].rect.y


def test_dragged_far_below_the_lane_a_point_without_emotion_takes_the_lowest(moods):
    below = level_point(moods, "e2", -2, off=300)
    press_and_move(moods, dot(moods, "e2"), below)
    assert moods.scene.interaction.tag.shapes[2].text == "−2"  # a real minus sign
    release(moods, below)
    assert moods.doc.card("e2").emotion == -2
    assert len(moods.scene.curve_items["mood"].curve.points) == 3  # on the curve now
    moods.session.undo_stack.undo()
    assert moods.doc.card("e2").emotion is None


def test_a_drag_back_to_the_same_level_is_no_step(moods):
    start = dot(moods, "e1")
    press_and_move(moods, start, level_point(moods, "e1", 1), level_point(moods, "e1", -1, off=5))
    release(moods, level_point(moods, "e1", -1, off=5))
    assert moods.doc.card("e1").emotion == -1
    assert moods.session.undo_stack.count() == 0
    assert moods.scene.card_items["e1"].pos().y() == moods.scene.layout.cards["e1"].rect.y


def test_escape_puts_the_point_back(moods):
    target = level_point(moods, "e1", 2)
    press_and_move(moods, dot(moods, "e1"), target)
    drag = moods.scene.interaction
    moods.key(Qt.Key.Key_Escape)
    assert moods.scene.interaction is None and drag.tag.scene() is None
    assert moods.scene.curve_items["mood"].dragged is None
    assert moods.scene.card_items["e1"].pos().y() == moods.scene.layout.cards["e1"].rect.y
    _send_move(moods.view.viewport(), target + QPoint(0, -4), LEFT)
    release(moods, target)
    assert moods.doc.card("e1").emotion == -1
    assert moods.session.undo_stack.count() == 0


def test_the_title_moves_the_card_and_the_dot_says_it_drags_up_and_down(moods):
    item = moods.scene.card_items["e0"]
    box = moods.scene.layout.cards["e0"]
    title = box.lines[0]
    on_title = moods.at(box.rect.x + title.x + 4, box.rect.y + title.y - 3)
    QTest.mousePress(moods.view.viewport(), LEFT, NONE, on_title)
    assert isinstance(moods.scene.interaction, CardDrag)
    release(moods, on_title)
    _send_move(moods.view.viewport(), dot(moods, "e0"), Qt.MouseButton.NoButton)
    assert item.cursor().shape() == Qt.CursorShape.SizeVerCursor
    _send_move(moods.view.viewport(), on_title, Qt.MouseButton.NoButton)
    assert item.cursor().shape() != Qt.CursorShape.SizeVerCursor
    assert moods.scene.card_items["e0"].on_dot(QPointF(box.rect.x + box.markers[0].rect.center.x,
                                                       box.rect.y + box.markers[0].rect.center.y))
