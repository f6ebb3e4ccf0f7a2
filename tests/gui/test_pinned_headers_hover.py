"""The pinned bands hide what is under them from the pointer too: resting on a band never hovers a
card under it, shows its tooltip or takes its cursor; on a pinned header it is the header's (its
resize cursor); the corner where the bands meet is neither header nor map. Ctrl+wheel there zooms
about the pointer, and a text editor open over the bands is above them."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QCursor, QHelpEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from cjm_designer.canvas.items import CardItem, HeaderItem
from tests.gui.pinned_headers_support import near, pins, scene_rect, show_from, template_canvas


def _rest(canvas, point: QPoint) -> None:
    QTest.mouseMove(canvas.view.viewport(), point)
    QApplication.processEvents()


def _cursor(canvas) -> Qt.CursorShape:
    return canvas.view.viewport().cursor().shape()


def _hovered(canvas) -> list[str]:
    return [card.card_id for card in canvas.scene.card_items.values() if card.hovered]


def _card_under_stage_band(canvas, qtbot) -> tuple[str, QPoint, QPoint]:
    """Scrolled so that a card is half under the stage band: its id, a point of the band over it and
    a point of its own below the band."""
    layout = canvas.scene.layout
    stage = next(iter(layout.stages.values()))
    lane = next(iter(layout.lanes.values()))
    card = min((box for box in layout.cards.values() if box.stage_id == list(layout.stages)[1]
                and box.rect.y > stage.header.bottom + 150), key=lambda box: box.rect.y)
    show_from(canvas, qtbot, lane.header.right - 100, card.rect.y + card.rect.h / 2 - stage.header.h)
    band = pins(canvas)
    over = canvas.at(card.rect.center.x, band.corner.bottom() - 10)
    below = canvas.at(card.rect.center.x, band.corner.bottom() + 10)
    assert isinstance(canvas.scene.top_item(canvas.view.mapToScene(over)), CardItem)  # it is under the band
    return card.card_id, over, below


def test_the_band_over_a_card_does_not_hover_it(qtbot):
    canvas = template_canvas(qtbot)
    card, over, below = _card_under_stage_band(canvas, qtbot)
    _rest(canvas, over)
    assert _hovered(canvas) == []
    _rest(canvas, below)
    assert _hovered(canvas) == [card]  # the card's own visible part hovers it
    _rest(canvas, over)
    assert _hovered(canvas) == []  # and moving onto the band leaves it


def test_scrolling_under_a_resting_pointer_hovers_nothing_under_the_band(qtbot):
    canvas = template_canvas(qtbot)
    card, over, below = _card_under_stage_band(canvas, qtbot)
    _rest(canvas, below)
    assert _hovered(canvas) == [card]
    _rest(canvas, over)
    bar = canvas.view.verticalScrollBar()
    for _ in range(4):  # the map slides up under the resting pointer, whose last move Qt replays
        bar.setValue(bar.value() + 20)
        QApplication.processEvents()
        assert _hovered(canvas) == []


def test_no_tooltip_of_a_card_under_the_band(qtbot):
    canvas = template_canvas(qtbot)
    card, over, below = _card_under_stage_band(canvas, qtbot)
    canvas.scene.card_items[card].setToolTip("Карточка под полосой")
    viewport = canvas.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, below, viewport.mapToGlobal(below)))
    assert QToolTip.isVisible() and QToolTip.text() == "Карточка под полосой"
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, over, viewport.mapToGlobal(over)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # it fades out


def test_ctrl_wheel_on_the_band_zooms_about_the_pointer(qtbot):
    canvas = template_canvas(qtbot)
    view = canvas.view
    _, over, _ = _card_under_stage_band(canvas, qtbot)
    for point in (over, over - QPoint(300, 0)):  # on a pinned header, in the corner
        _rest(canvas, point)
        QCursor.setPos(view.viewport().mapToGlobal(point))
        fixed = view.mapToScene(point)
        QApplication.sendEvent(view.viewport(), QWheelEvent(
            QPointF(point), QPointF(view.viewport().mapToGlobal(point)), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False))
        assert view.zoom() > 1
        assert (view.mapFromScene(fixed) - point).manhattanLength() <= 2
        view.set_zoom(1.0)


def test_a_pinned_stage_headers_edge_gives_the_resize_cursor_and_its_body_does_not(qtbot):
    canvas = template_canvas(qtbot)
    layout = canvas.scene.layout
    stage = list(layout.stages.values())[1]
    show_from(canvas, qtbot, 0, stage.header.bottom + 300)
    top = pins(canvas).corner.center().y()
    _rest(canvas, canvas.at(stage.header.center.x, top))
    assert _cursor(canvas) == Qt.CursorShape.ArrowCursor
    _rest(canvas, canvas.at(stage.header.right - 2, top))
    assert _cursor(canvas) == Qt.CursorShape.SizeHorCursor  # the header's own, as in place
    _rest(canvas, canvas.at(stage.header.center.x, top))
    assert _cursor(canvas) == Qt.CursorShape.ArrowCursor
    assert _hovered(canvas) == []


def test_the_corner_shows_and_gives_nothing_of_the_lane_headers_under_it(qtbot):
    canvas = template_canvas(qtbot)
    layout = canvas.scene.layout
    stage, lane = next(iter(layout.stages.values())), next(iter(layout.lanes.values()))
    image = show_from(canvas, qtbot, 0, lane.header.bottom - stage.header.h / 2)  # lanes' band in place
    band = pins(canvas)
    assert band.dx == 0 and band.corner.top() < lane.header.bottom < band.corner.bottom()
    edge = canvas.at(lane.header.center.x, lane.header.bottom - 2)  # a lane's resize edge, under the corner
    assert isinstance(canvas.scene.top_item(QPointF(canvas.view.mapToScene(edge))), HeaderItem)
    assert near(image, edge, canvas.scene.backgroundBrush().color())
    assert not near(image, edge, lane.fill)
    _rest(canvas, edge)
    assert _cursor(canvas) == Qt.CursorShape.ArrowCursor
    canvas.click(edge)
    assert canvas.scene.selectedItems() == []


def test_a_text_editor_open_over_the_bands_is_shown_and_takes_the_pointer(qtbot):
    canvas = template_canvas(qtbot)
    layout, view = canvas.scene.layout, canvas.view
    lane = next(iter(layout.lanes.values()))
    stage = list(layout.stages.values())[1]
    show_from(canvas, qtbot, stage.header.x + 40 - lane.header.w, stage.header.bottom + 200)
    canvas.double_click(canvas.at(stage.header.right - 30, pins(canvas).corner.center().y()))
    editor = canvas.scene.editor
    assert editor is not None and editor.textCursor().hasSelection()  # renaming the stage, its name selected
    qtbot.wait(10)
    box = editor.sceneBoundingRect()
    band = pins(canvas)
    on_band = next(area for area in band.areas() if area.contains(box.topLeft() + QPointF(6, box.height() / 2)))
    shared = on_band.intersected(box).adjusted(4, 4, -4, -4)  # where the editor's left end is on a band
    under = scene_rect(canvas, shared.left(), shared.top(), shared.right(), shared.bottom())
    image = view.viewport().grab().toImage()
    blue = [(x, y) for x in range(under.left(), under.right()) for y in range(under.top(), under.bottom())
            if (c := image.pixelColor(x, y)).blue() > c.red() + 80]
    assert len(blue) > 50  # the selected name's highlight, drawn above the band
    canvas.click(canvas.at(box.left() + 6, box.center().y()))
    assert canvas.scene.editor is editor and not editor.textCursor().hasSelection()  # the click placed the caret
