"""Big maps: only the cards near the view get items, and everything still works on them."""

from PySide6.QtCore import Qt

from cjm_designer.canvas.scene import EAGER_CARDS
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas


def test_items_are_made_for_the_cards_near_the_view(qtbot):
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS * 2))
    scene, view = canvas.scene, canvas.view
    assert scene.lazy
    start = view.visible_scene_rect()
    assert (start.x(), start.y()) == (0, 0)  # a map opens at its title and first stages
    first = len(scene.card_items)
    assert all(view.visible_scene_rect().adjusted(-2000, -2000, 2000, 2000).contains(item.sceneBoundingRect())
               for item in scene.card_items.values())  # none made for a place never shown
    assert 0 < first < len(canvas.doc.cards) / 4
    for card_id, item in scene.card_items.items():
        assert (item.pos().x(), item.pos().y()) == (scene.layout.cards[card_id].rect.x,
                                                      scene.layout.cards[card_id].rect.y)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    last = canvas.doc.cards[-1].id
    visible = view.visible_scene_rect()
    on_screen = [c for c, _ in scene.layout.cards_touching(
        type(scene.layout.title_rect)(visible.x(), visible.y(), visible.width(), visible.height()))]
    assert on_screen and all(c in scene.card_items for c in on_screen)
    assert len(scene.card_items) > first
    canvas.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    scene.select_all()
    assert len(scene.selected_card_ids()) == len(canvas.doc.cards)
    assert last in scene.card_items


def test_editing_a_big_map_keeps_items_and_model_in_step(qtbot):
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS + 500))
    scene = canvas.scene
    card_id = next(iter(scene.card_items))
    scene.select_cards([card_id])
    scene.delete_selection()
    assert card_id not in scene.card_items and card_id not in scene.layout.cards
    canvas.session.undo_stack.undo()
    assert card_id in scene.layout.cards
    for item_id, item in scene.card_items.items():
        box = scene.layout.cards[item_id]
        assert (item.pos().x(), item.pos().y()) == (box.rect.x, box.rect.y)
