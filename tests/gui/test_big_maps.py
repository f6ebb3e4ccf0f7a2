"""Big maps: only the cards near the view get items, and everything still works on them."""

from PySide6.QtCore import Qt

from cjm_designer.canvas.scene import EAGER_CARDS, FADED, HEAT_CARD
from cjm_designer.layout import palette
from cjm_designer.model.analytics import CardFilter, heat_values
from cjm_designer.model.document import ElementKind
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
    scene.operations.select_all()
    assert len(scene.selected_card_ids()) == len(canvas.doc.cards)
    assert last in scene.card_items


def test_editing_a_big_map_keeps_items_and_model_in_step(qtbot):
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS + 500))
    scene = canvas.scene
    card_id = next(iter(scene.card_items))
    scene.select_cards([card_id])
    scene.operations.delete()
    assert card_id not in scene.card_items and card_id not in scene.layout.cards
    canvas.session.undo_stack.undo()
    assert card_id in scene.layout.cards
    for item_id, item in scene.card_items.items():
        box = scene.layout.cards[item_id]
        assert (item.pos().x(), item.pos().y()) == (box.rect.x, box.rect.y)


def _items_show_the_layout(scene) -> None:
    """Every card item stands on its box of a full layout of the map, in its fill and fade."""
    from cjm_designer.layout import compute_layout

    full = compute_layout(scene.session.doc)
    assert {k: box.rect for k, box in scene.layout.cards.items()} == {k: box.rect for k, box in full.cards.items()}
    assert scene.layout.cells == full.cells and scene.layout.links == full.links
    for card_id, item in scene.card_items.items():
        box = full.cards[card_id]
        assert (item.pos().x(), item.pos().y(), item.box.lines) == (box.rect.x, box.rect.y, box.lines)
        assert item.fill.name().upper() == scene.card_fill[card_id].upper()
        assert item.opacity() == (FADED if card_id in scene.faded else 1.0)
    for key, item in scene.cell_items.items():
        rect = full.cells[key]
        assert (item.pos().x(), item.pos().y(), item.boundingRect().height()) == (rect.x, rect.y, rect.h)
    for lane_id, item in scene.curve_items.items():
        assert item.curves == full.curves_by_lane()[lane_id]


def test_a_card_edit_on_a_big_map_updates_what_it_moves_and_shares_the_rest(qtbot):
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS + 500))
    scene, edits = canvas.scene, canvas.scene.edits
    first = canvas.doc.cards[0]
    same_lane = next(c for c in canvas.doc.cards if c.lane == first.lane and c.stage != first.stage)
    lower = next(c for c in canvas.doc.cards if c.lane != first.lane)
    before = scene.layout
    edits.set_fields(ElementKind.CARD, {first.id: {"title": "Другой"}})
    assert scene.layout.cards[same_lane.id] is before.cards[same_lane.id]  # its cell was not laid out again
    _items_show_the_layout(scene)
    firsts = {c.stage: c.id for c in reversed(canvas.doc.cards) if c.lane == first.lane}  # one in each cell
    edits.set_fields(ElementKind.CARD, {card_id: {"text": "Очень длинный текст карточки, " * 10}
                                        for card_id in firsts.values()})
    assert scene.layout.cards[lower.id].rect.y > before.cards[lower.id].rect.y  # the lanes below moved down
    _items_show_the_layout(scene)
    canvas.session.undo_stack.undo()
    assert scene.layout.cards[lower.id].rect == before.cards[lower.id].rect
    _items_show_the_layout(scene)


def test_a_card_edit_keeps_the_filter_and_the_heat_map(qtbot):
    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, edits = canvas.scene, canvas.scene.edits
    card = canvas.doc.cards[4]
    scene.set_card_filter(CardFilter("channel", "__none__"))
    assert card.id in scene.faded
    edits.set_fields(ElementKind.CARD, {card.id: {"channel": "__none__"}})
    assert card.id not in scene.faded and scene.card_items[card.id].opacity() == 1.0
    _items_show_the_layout(scene)
    scene.set_heat("quality")
    edits.set_fields(ElementKind.CARD, {card.id: {"title": "Новый заголовок", "color": "#123456"}})
    assert scene.card_fill[card.id] != "#123456"  # a heat map colours cards by the measure, not their colour
    edits.set_fields(ElementKind.CARD, {card.id: {"quality": 1 if card.quality != 1 else 5}})
    assert scene.card_fill[card.id] == palette.heat_color(heat_values(canvas.doc, "quality")[card.id], HEAT_CARD)
    _items_show_the_layout(scene)


def test_a_link_edit_routes_only_the_links_and_keeps_their_fade(qtbot, monkeypatch):
    """A link's label, kind or end edited: no full layout, only links routed again (cards, cells and
    lanes are the very boxes of before), each link item on its new path, and a link between two cards
    the filter fades faded, whichever cards it now joins."""
    from cjm_designer.canvas import scene as scene_module

    canvas = Canvas(qtbot, generate_map(60, stages=3, lanes=3))
    scene, edits, doc = canvas.scene, canvas.scene.edits, canvas.doc
    link = doc.links[0]
    scene.set_card_filter(CardFilter("channel", "__none__"))  # every card faded
    full = []
    monkeypatch.setattr(scene_module, "compute_layout", lambda *a, **k: full.append(1))  # (none may run)
    before = scene.layout
    assert edits.set_link_label(link.id, "Перезвонить через неделю")
    target = next(c.id for c in doc.cards if c.id not in (link.source, link.target))
    edits.set_fields(ElementKind.LINK, {link.id: {"kind": "call", "target": target}})
    assert not full and scene.layout.cells == before.cells and scene.layout.lanes == before.lanes
    assert all(scene.layout.cards[k] is box for k, box in before.cards.items())  # not laid out again
    assert scene.link_items[link.id].path_box == scene.layout.links[link.id]
    assert scene.layout.links[link.id].kind == "call" and scene.link_items[link.id].opacity() == FADED
    monkeypatch.undo()
    _items_show_the_layout(scene)


def _link_stack(scene) -> list[str]:
    """The link items' ids from the bottom of their layer up."""
    from cjm_designer.canvas.items import LinkItem

    return [item.link_id for item in scene.link_layer.childItems() if isinstance(item, LinkItem)]


def test_links_get_items_near_the_view_stacked_in_the_maps_order(qtbot):
    """Like its cards, a big map's links get items where the view is (the start makes no item for a
    link it does not show); each stands on its path, and links made later stack in the map's order."""
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS * 2))
    scene, view = canvas.scene, canvas.view
    order = [link.id for link in canvas.doc.links]
    first = set(scene.link_items)
    visible = view.visible_scene_rect()
    shown = [link_id for link_id, path in scene.layout.links.items()
             if type(scene.layout.title_rect)(visible.x(), visible.y(), visible.width(), visible.height()).intersects(
                 path.bounds())]
    assert shown and set(shown) <= first and len(first) < len(order) / 2
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    assert len(scene.link_items) > len(first)
    for link_id, item in scene.link_items.items():
        assert item.path_box == scene.layout.links[link_id]
    made = _link_stack(scene)
    assert made == sorted(made, key=order.index)
    with scene.export_mode():  # an image shows every link, in the map's order
        assert set(scene.link_items) == set(order)
    assert set(scene.link_items) == set(made)


def test_the_window_opens_showing_the_full_layout(open_window, qtbot):
    """The window's first frame is the map's whole layout: once the first turn of the event loop is
    over, every item stands where a layout of the map from scratch puts it."""
    from PySide6.QtWidgets import QApplication

    from cjm_designer.layout import compute_layout

    window = open_window(generate_map(EAGER_CARDS * 2))
    QApplication.processEvents()
    scene = window.scene
    _items_show_the_layout(scene)
    full = compute_layout(scene.session.doc)
    assert scene.link_items and all(item.path_box == full.links[link_id] for link_id, item in scene.link_items.items())
    for key, item in {**scene.stage_items, **scene.lane_items}.items():
        header = (full.stages[key] if key in full.stages else full.lanes[key]).header
        assert (item.pos().x(), item.pos().y(), item.boundingRect().width()) == (header.x, header.y, header.w)
    assert (scene.sceneRect().width(), scene.sceneRect().height()) == (full.width, full.height)


def test_select_all_tells_the_listeners_once(open_window):
    """The Inspector rebuilds its form on each selection change: one per card made a Select all of a
    thousand cards take half a minute."""
    window = open_window(generate_map(300))
    told = []
    window.scene.selectionChanged.connect(lambda: told.append(len(window.scene.selected_card_ids())))
    window.scene.operations.select_all()
    assert told == [300]
    window.scene.operations.select_all()  # nothing changes: nobody is told
    assert told == [300]
    assert "300" in window.inspector.heading.text()  # the Inspector follows the whole selection
