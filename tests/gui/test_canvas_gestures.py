"""The canvas driven with real mouse and key events through the view; each gesture is checked in
the model and undone."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_designer.canvas.card_drag import CardDrag
from cjm_designer.canvas.scene import FADED
from cjm_designer.editor import AddPart
from cjm_designer.model import Card, Link
from cjm_designer.model.analytics import CardFilter
from cjm_designer.model.document import ElementKind
from tests.gui.conftest import Canvas, _send_move, small_map


def test_scene_shows_what_the_model_holds(canvas):
    scene = canvas.scene
    assert set(scene.card_items) == {c.id for c in canvas.doc.cards}
    assert set(scene.cell_items) == {(s.id, lane.id) for s in canvas.doc.stages for lane in canvas.doc.lanes}
    for card in canvas.doc.cards:
        item = scene.card_items[card.id]
        box = scene.layout.cards[card.id]
        assert (item.pos().x(), item.pos().y()) == (box.rect.x, box.rect.y)
        assert scene.layout.cell_at(box.rect.center.x, box.rect.center.y) == (card.stage, card.lane)


def test_drag_a_card_to_another_cell_and_undo(canvas):
    canvas.drag(canvas.card_center("a"), canvas.cell_point("s2", "seller"))
    card = canvas.doc.card("a")
    assert (card.stage, card.lane) == ("s2", "seller")
    assert canvas.session.undo_stack.count() == 1
    assert canvas.scene.layout.cell_at(*_center(canvas, "a")) == ("s2", "seller")
    canvas.session.undo_stack.undo()
    assert (canvas.doc.card("a").stage, canvas.doc.card("a").lane) == ("s0", "buyer")
    assert canvas.cell_titles("s0", "buyer") == ["Болит горло", "Ищет в сети"]


def test_drag_reorders_within_a_cell(canvas):
    below_b = canvas.scene.layout.cards["b"].rect
    canvas.drag(canvas.card_center("a"), canvas.at(below_b.center.x, below_b.bottom + 4))
    assert canvas.cell_titles("s0", "buyer") == ["Ищет в сети", "Болит горло"]
    canvas.session.undo_stack.undo()
    assert canvas.cell_titles("s0", "buyer") == ["Болит горло", "Ищет в сети"]


def test_dragging_several_cards_is_one_step(canvas):
    canvas.click(canvas.card_center("a"))
    canvas.click(canvas.card_center("c"), Qt.KeyboardModifier.ControlModifier)
    assert canvas.scene.selected_card_ids() == ["a", "c"]
    canvas.drag(canvas.card_center("c"), canvas.cell_point("s2", "buyer"))
    assert canvas.cell_titles("s2", "buyer") == ["Болит горло", "Читает отзывы"]
    assert canvas.session.undo_stack.count() == 1
    canvas.session.undo_stack.undo()
    assert canvas.cell_titles("s2", "buyer") == []
    assert canvas.cell_titles("s1", "buyer") == ["Читает отзывы"]


def test_a_drop_outside_the_grid_changes_nothing(canvas):
    canvas.drag(canvas.card_center("a"), canvas.at(5, 5))
    assert canvas.doc.card("a").stage == "s0"
    assert canvas.session.undo_stack.count() == 0
    box = canvas.scene.layout.cards["a"].rect
    assert canvas.scene.card_items["a"].pos().x() == box.x


def test_type_a_new_card_in_a_cell(canvas):
    canvas.double_click(canvas.cell_point("s2", "seller"))
    assert canvas.scene.editor is not None
    canvas.keys("Перезвонить клиенту")
    canvas.key(Qt.Key.Key_Return)
    assert canvas.cell_titles("s2", "seller") == ["Перезвонить клиенту"]
    assert canvas.session.undo_stack.count() == 1
    assert canvas.scene.editor is None
    canvas.session.undo_stack.undo()
    assert canvas.cell_titles("s2", "seller") == []


def test_fast_capture_with_tab_and_escape(canvas):
    canvas.click(canvas.cell_point("s2", "buyer"))
    assert canvas.scene.selected_cell() == ("s2", "buyer")
    canvas.keys("З")  # typing with a cell selected starts a card at once
    canvas.keys("воню")
    canvas.key(Qt.Key.Key_Tab)
    canvas.keys("Пишу в чат")
    canvas.key(Qt.Key.Key_Tab)
    canvas.keys("передумал")
    canvas.key(Qt.Key.Key_Escape)
    assert canvas.cell_titles("s2", "buyer") == ["Звоню", "Пишу в чат"]
    assert canvas.session.undo_stack.count() == 2


def test_edit_a_card_in_place_is_one_step(canvas):
    canvas.double_click(canvas.card_center("c"))
    editor = canvas.scene.editor
    assert editor.text() == "Читает отзывы"
    canvas.keys(" на сайте")
    canvas.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    canvas.keys("сравнивает цены <b>html</b>")
    canvas.key(Qt.Key.Key_Return)
    card = canvas.doc.card("c")
    assert card.title == "Читает отзывы на сайте"
    assert card.text == "сравнивает цены <b>html</b>"
    assert canvas.session.undo_stack.count() == 1
    canvas.session.undo_stack.undo()
    assert (card.title, card.text) == ("Читает отзывы", "")


def test_connect_two_cards_by_dragging_the_handle(canvas):
    canvas.click(canvas.card_center("b"))
    handle = canvas.scene.card_items["b"].handle_rect().center()
    start = canvas.view.mapFromScene(canvas.scene.card_items["b"].mapToScene(handle))
    canvas.drag(start, canvas.card_center("d"))
    (link,) = canvas.doc.links
    assert (link.source, link.target) == ("b", "d")
    assert link.id in canvas.scene.link_items
    canvas.session.undo_stack.undo()
    assert canvas.doc.links == [] and canvas.scene.link_items == {}


def test_delete_duplicate_and_undo(canvas):
    canvas.click(canvas.card_center("a"))
    canvas.key(Qt.Key.Key_Delete)
    assert [c.id for c in canvas.doc.cards] == ["b", "c", "d"]
    canvas.session.undo_stack.undo()
    assert [c.id for c in canvas.doc.cards] == ["a", "b", "c", "d"]
    canvas.click(canvas.card_center("a"))
    canvas.scene.operations.duplicate()
    assert canvas.cell_titles("s0", "buyer") == ["Болит горло", "Болит горло", "Ищет в сети"]
    canvas.session.undo_stack.undo()
    assert canvas.cell_titles("s0", "buyer") == ["Болит горло", "Ищет в сети"]


def test_copy_paste_cards_and_text_lines(canvas):
    canvas.click(canvas.card_center("a"))
    canvas.click(canvas.card_center("b"), Qt.KeyboardModifier.ControlModifier)
    canvas.scene.operations.copy()
    assert QApplication.clipboard().text() == "Болит горло\nИщет в сети"
    canvas.click(canvas.cell_point("s2", "seller"))
    canvas.scene.operations.paste()
    assert canvas.cell_titles("s2", "seller") == ["Болит горло", "Ищет в сети"]
    assert canvas.session.undo_stack.count() == 1
    assert len({c.id for c in canvas.doc.cards}) == 6
    QApplication.clipboard().setText("Звонок\n\n  Письмо  \nВстреча")
    canvas.click(canvas.cell_point("s1", "seller"))
    canvas.scene.operations.paste()
    assert canvas.cell_titles("s1", "seller") == ["Звонит", "Звонок", "Письмо", "Встреча"]
    canvas.session.undo_stack.undo()
    assert canvas.cell_titles("s1", "seller") == ["Звонит"]


def test_paste_with_nothing_selected_goes_where_typing_would(canvas):
    canvas.click(canvas.card_center("c"))
    canvas.scene.operations.copy()
    canvas.click(canvas.cell_point("s2", "seller"))
    QApplication.processEvents()  # the current place follows the selection once it settles
    canvas.scene.clearSelection()
    assert canvas.scene.current.spot.cell == ("s2", "seller")  # the frame stays where the keys act
    canvas.scene.operations.paste()
    assert canvas.cell_titles("s2", "seller") == ["Читает отзывы"]
    assert canvas.session.undo_stack.count() == 1
    canvas.click(canvas.card_center("a"))
    QApplication.processEvents()
    canvas.scene.clearSelection()
    canvas.scene.operations.paste()  # after the current card, as a card typed there
    assert canvas.cell_titles("s0", "buyer") == ["Болит горло", "Читает отзывы", "Ищет в сети"]


def test_arrow_keys_move_the_selection(canvas):
    canvas.click(canvas.card_center("a"))
    canvas.key(Qt.Key.Key_Down)
    assert canvas.scene.selected_card_ids() == ["b"]
    canvas.key(Qt.Key.Key_Right)
    assert canvas.scene.selected_card_ids() == ["c"]
    canvas.key(Qt.Key.Key_Down)
    assert canvas.scene.selected_card_ids() == ["d"]


def test_rubber_band_selects_cards(canvas):
    a, b, c = (canvas.scene.layout.cards[i].rect for i in "abc")
    canvas.drag(canvas.at(a.x - 6, a.y - 6), canvas.at(c.right + 6, b.bottom + 6))
    assert set(canvas.scene.selected_card_ids()) == {"a", "b", "c"}
    assert canvas.session.undo_stack.count() == 0


def test_zoom_keys_and_fit(canvas):
    view = canvas.view
    view.zoom_in()
    assert view.zoom() > 1
    view.zoom_fit()
    assert view.zoom() <= 1
    view.zoom_actual()
    assert view.zoom() == 1


def _center(canvas, card_id):
    c = canvas.scene.layout.cards[card_id].rect.center
    return c.x, c.y


def test_far_out_an_overview_stands_in_for_the_cards(canvas):
    scene, view = canvas.scene, canvas.view
    view.set_zoom(0.1)
    assert scene.overview.isVisible() and not scene.card_layer.isVisible() and not scene.link_layer.isVisible()
    cards, links = scene.overview.shapes()
    assert sum(len(rects) for rects in cards.values()) == len(canvas.doc.cards)
    assert sum(len(lines) for lines in links.values()) == sum(
        len(path.points) - 1 for path in scene.layout.links.values())
    view.set_zoom(0.5)
    assert not scene.overview.isVisible() and scene.card_layer.isVisible()


def _misplaced(canvas) -> list[str]:
    """The cards whose item is not exactly on its layout box: its corner, and the link handle drawn
    at the middle of its right edge (so its size too)."""
    scene = canvas.scene
    wrong = []
    for card_id, item in scene.card_items.items():
        r = scene.layout.cards[card_id].rect
        handle = item.mapToScene(item.handle_rect().center())
        if (item.pos(), handle) != (QPointF(r.x, r.y), QPointF(r.right, r.center.y)):
            wrong.append(card_id)
    return wrong


def _before_b(canvas):
    """A point on the upper left of card b: a drop there goes before b."""
    r = canvas.scene.layout.cards["b"].rect
    return canvas.at(r.x + 6, r.y + 4)


def _cell_a_b_e(qtbot):
    doc = small_map()
    doc.add_card(Card(id="e", stage="s0", lane="buyer", title="Пьёт чай", channel="phone"))
    canvas = Canvas(qtbot, doc)
    canvas.click(canvas.card_center("a"))
    canvas.click(canvas.card_center("e"), Qt.KeyboardModifier.ControlModifier)
    assert canvas.scene.selected_card_ids() == ["a", "e"]
    return canvas


def test_a_drop_that_keeps_a_card_first_still_puts_its_item_back(qtbot):
    """[a, b, e] with a and e dragged before b gives [a, e, b]: a's box is the same as before the
    drag, and its item must still leave the place the drag left it at."""
    canvas = _cell_a_b_e(qtbot)
    canvas.drag(canvas.card_center("a"), _before_b(canvas))
    assert [c.id for c in canvas.doc.cards_in("s0", "buyer")] == ["a", "e", "b"]
    assert canvas.session.undo_stack.count() == 1
    assert _misplaced(canvas) == []
    canvas.session.undo_stack.undo()
    assert [c.id for c in canvas.doc.cards_in("s0", "buyer")] == ["a", "b", "e"]
    assert _misplaced(canvas) == []


def test_every_command_puts_every_card_item_on_its_box(canvas):
    """Whatever moved an item off its box (as a drag does), the next change puts it back, also when
    the change leaves that box as it was."""
    item = canvas.scene.card_items["a"]
    item.setPos(item.pos() + QPointF(40, 30))
    canvas.session.push(AddPart(canvas.session, Link(id="l1", source="a", target="b")))
    assert _misplaced(canvas) == []


def test_a_field_edit_puts_every_card_item_on_its_box(canvas):
    """An edit of one card's fields lays out again only its cell: an item off its box in another cell
    goes back all the same."""
    item = canvas.scene.card_items["a"]
    item.setPos(item.pos() + QPointF(40, 30))
    canvas.scene.edits.set_fields(ElementKind.CARD, {"c": {"title": "Сравнивает цены"}})
    assert _misplaced(canvas) == []


def test_after_any_drop_every_item_is_at_its_box_and_a_faded_card_stays_faded(qtbot):
    """A drop where the card already is, or outside the grid, is no step and no relayout: the
    dragged items still go back to their boxes, their stacking and their fade."""
    canvas = _cell_a_b_e(qtbot)
    scene = canvas.scene
    scene.set_card_filter(CardFilter("channel", "phone"))  # keeps e, fades a and b
    canvas.click(canvas.card_center("a"))
    for target in (_before_b(canvas), canvas.at(5, 5)):
        canvas.drag(canvas.card_center("a"), target)
        assert canvas.session.undo_stack.count() == 0
        assert _misplaced(canvas) == []
        assert [scene.card_items[c].opacity() for c in "abe"] == [FADED, FADED, 1.0]
        assert scene.card_items["a"].zValue() == scene.card_items["b"].zValue()
    canvas.drag(canvas.card_center("a"), canvas.cell_point("s2", "buyer"))
    assert canvas.session.undo_stack.count() == 1
    assert _misplaced(canvas) == []
    assert [scene.card_items[c].opacity() for c in "abe"] == [FADED, FADED, 1.0]


def test_escape_during_a_drag_cancels_it(canvas):
    """Escape ends the gesture under way with no step; the card goes back to its box."""
    viewport = canvas.view.viewport()
    start, end = canvas.card_center("a"), canvas.cell_point("s2", "seller")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    _send_move(viewport, end, Qt.MouseButton.LeftButton)
    assert isinstance(canvas.scene.interaction, CardDrag)
    canvas.key(Qt.Key.Key_Escape)
    assert canvas.scene.interaction is None and not canvas.scene.drop_marker.isVisible()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert canvas.doc.card("a").stage == "s0" and canvas.session.undo_stack.count() == 0
    assert _misplaced(canvas) == []


def test_a_press_elsewhere_finishes_the_text_then_does_its_own_work(canvas):
    canvas.double_click(canvas.card_center("c"))
    canvas.keys("!")
    canvas.click(canvas.card_center("a"))
    assert canvas.doc.card("c").title == "Читает отзывы!"
    assert canvas.scene.editor is None and canvas.scene.selected_card_ids() == ["a"]
    assert canvas.session.undo_stack.count() == 1
