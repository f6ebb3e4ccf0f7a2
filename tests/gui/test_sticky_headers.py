"""Frozen panes: once scrolled past them, the stage headers stay at the top of the view and the lane
headers at its left, and a press there acts on the header, never on a card under it."""

from PySide6.QtGui import QColor, QImage

from cjm_designer.canvas import pinned_headers
from cjm_designer.canvas.items import CardItem, HeaderItem
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas


def _scroll(canvas: Canvas, x: int, y: int, qtbot) -> QImage:
    view = canvas.view
    view.horizontalScrollBar().setValue(x)
    view.verticalScrollBar().setValue(y)
    qtbot.wait(20)
    return view.viewport().grab().toImage()


def _near(image: QImage, x: int, y: int, color: str) -> bool:
    pixel, want = image.pixelColor(x, y), QColor(color)
    return all(abs(a - b) <= 3 for a, b in zip(pixel.getRgb()[:3], want.getRgb()[:3], strict=True))


def _big_map(qtbot) -> Canvas:
    canvas = Canvas(qtbot, generate_map(1000))
    canvas.view.resize(900, 600)
    qtbot.wait(20)
    return canvas


def test_at_the_start_nothing_is_pinned(qtbot, monkeypatch):
    canvas = _big_map(qtbot)
    before = _scroll(canvas, 0, 0, qtbot)
    monkeypatch.setattr(pinned_headers, "pins_for", lambda layout, visible: None)  # the view as it was
    canvas.view.viewport().update()
    assert _scroll(canvas, 0, 0, qtbot) == before


def test_the_pins_change_the_picture_once_scrolled(qtbot, monkeypatch):
    canvas = _big_map(qtbot)
    pinned = _scroll(canvas, 600, 600, qtbot)
    monkeypatch.setattr(pinned_headers, "pins_for", lambda layout, visible: None)
    canvas.view.viewport().update()
    assert _scroll(canvas, 600, 600, qtbot) != pinned


def test_stage_and_lane_headers_stay_at_the_top_and_left(qtbot):
    canvas = _big_map(qtbot)
    layout, view = canvas.scene.layout, canvas.view
    stage = next(iter(layout.stages.values()))
    lane = next(iter(layout.lanes.values()))
    image = _scroll(canvas, int(stage.column.right) // 2 + 400, int(lane.row.bottom) + 300, qtbot)
    visible = view.visible_scene_rect()
    assert visible.top() > stage.header.bottom and visible.left() > lane.header.right
    shown_stage = next(b for b in layout.stages.values() if b.column.x <= visible.center().x() < b.column.right)
    shown_lane = next(b for b in layout.lanes.values() if b.row.y <= visible.center().y() < b.row.bottom)
    top = view.mapFromScene(visible.center().x(), visible.top() + stage.header.h / 2)
    left = view.mapFromScene(visible.left() + lane.header.w / 2, visible.center().y())
    assert _near(image, top.x(), max(top.y(), 2), shown_stage.fill)
    assert _near(image, max(left.x(), 2), left.y(), shown_lane.fill)


def test_pins_are_drawn_far_out_too(qtbot):
    canvas = _big_map(qtbot)
    canvas.view.set_zoom(0.15)
    layout = canvas.scene.layout
    image = _scroll(canvas, 200, 200, qtbot)
    visible = canvas.view.visible_scene_rect()
    assert visible.top() > next(iter(layout.stages.values())).header.bottom
    shown_stage = next(b for b in layout.stages.values() if b.column.x <= visible.center().x() < b.column.right)
    top = canvas.view.mapFromScene(visible.center().x(), visible.top())
    assert _near(image, top.x(), top.y() + 2, shown_stage.fill)


def test_a_press_on_a_pinned_header_selects_the_header_not_the_card_under_it(qtbot):
    canvas = _big_map(qtbot)
    layout, view, scene = canvas.scene.layout, canvas.view, canvas.scene
    stage = next(iter(layout.stages.values()))
    _scroll(canvas, 0, int(stage.header.bottom) + 400, qtbot)
    visible = view.visible_scene_rect()
    card = next(b for b in layout.cards.values() if b.rect.y <= visible.top() + 20 < b.rect.bottom
                and visible.left() + 300 < b.rect.x)
    point = canvas.at(card.rect.center.x, visible.top() + 20)
    assert isinstance(scene.top_item(view.mapToScene(point)), CardItem)  # the card is under the band
    canvas.click(point)
    assert scene.selected_card_ids() == []
    selected = scene.selectedItems()
    assert len(selected) == 1 and isinstance(selected[0], HeaderItem) and selected[0].is_stage()
    column = layout.stages[selected[0].element_id].column
    assert column.x <= card.rect.x < column.right


def test_a_press_in_the_corner_reaches_nothing(qtbot):
    canvas = _big_map(qtbot)
    layout, scene = canvas.scene.layout, canvas.scene
    stage, lane = next(iter(layout.stages.values())), next(iter(layout.lanes.values()))
    _scroll(canvas, int(lane.header.right) + 500, int(stage.header.bottom) + 500, qtbot)
    visible = canvas.view.visible_scene_rect()
    canvas.click(canvas.at(visible.left() + 5, visible.top() + 5))
    assert scene.selectedItems() == []


def test_dragging_a_pinned_stage_header_moves_the_stage(qtbot):
    canvas = _big_map(qtbot)
    layout, view = canvas.scene.layout, canvas.view
    first, second = list(layout.stages.values())[:2]
    _scroll(canvas, 0, int(first.header.bottom) + 400, qtbot)
    top = view.visible_scene_rect().top() + first.header.h / 2
    canvas.drag(canvas.at(first.header.center.x, top), canvas.at(second.column.right - 5, top))
    assert [stage.id for stage in canvas.doc.stages][:2] == [second.stage_id, first.stage_id]


def test_a_tall_lane_keeps_its_name_in_sight(qtbot):
    canvas = _big_map(qtbot)
    layout, view = canvas.scene.layout, canvas.view
    stage, lane = next(iter(layout.stages.values())), next(iter(layout.lanes.values()))
    tall = max(layout.lanes.values(), key=lambda box: box.header.h)
    image = _scroll(canvas, int(lane.header.right) + 300, int(tall.header.y + tall.header.h / 3), qtbot)
    visible = view.visible_scene_rect()
    assert tall.header.y < visible.top() and visible.bottom() < tall.header.bottom
    below_band = view.mapFromScene(visible.left(), visible.top() + stage.header.h)
    right = view.mapFromScene(visible.left() + lane.header.w, visible.top()).x()
    ink = [(x, y) for x in range(2, right - 2) for y in range(below_band.y(), below_band.y() + 40)
           if image.pixelColor(x, y).lightness() < 100]
    assert ink  # the name's dark letters, not only the header's pale fill
