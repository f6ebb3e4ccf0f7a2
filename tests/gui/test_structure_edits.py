"""A card typed, cards deleted with their links, cards dragged within and between cells, a duplicate,
and the undo and redo of each lay out on the canvas only the cells the cards leave and enter (and
what those move), and leave the scene showing the model: every card and link with one item on its
box, no item of one gone. Never a full layout."""


from cjm_designer.canvas import scene as scene_module
from cjm_designer.canvas.items import CardItem, LinkItem
from cjm_designer.canvas.scene import EAGER_CARDS, FADED
from cjm_designer.layout import compute_layout
from cjm_designer.model import Link
from cjm_designer.model.analytics import CardFilter, cell_heat, heat_values
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas
from tests.gui.test_big_maps import _items_show_the_layout
from tests.gui.test_scene_consistency import assert_same_layout


def _shows_the_model(scene) -> None:
    """The scene's layout is a full layout's; each card and link has one item (on a big map, those near
    the view), on its box; no item stands for a card or a link gone."""
    doc = scene.session.doc
    assert_same_layout(scene.layout, compute_layout(doc, scene.style))
    _items_show_the_layout(scene)
    cards, links = {card.id for card in doc.cards}, {link.id for link in doc.links}
    if scene.lazy:
        near = {card_id for card_id, _ in scene.layout.cards_touching(scene.realized_region)}
        assert near <= set(scene.card_items) <= cards and set(scene.link_items) <= links
    else:
        assert set(scene.card_items) == cards and set(scene.link_items) == links
    for link_id, item in scene.link_items.items():
        assert item.path_box == scene.layout.links[link_id]
    shown = [item for item in scene.items() if isinstance(item, (CardItem, LinkItem))]
    assert len(shown) == len(scene.card_items) + len(scene.link_items)
    assert set(scene.card_fill) == cards and scene.faded <= cards


def _linked_map(cards: int = 300):
    doc = generate_map(cards, stages=5, lanes=5)
    cell = doc.cards_in(doc.stages[1].id, doc.lanes[2].id)
    doc.links.append(Link(id="link-in-cell", source=cell[0].id, target=cell[1].id, label="звонок"))
    return doc


def _undo_redo(canvas, full_layouts) -> None:
    """Undo and redo the last step: each shows the model, laid out in part."""
    for step in (canvas.session.undo_stack.undo, canvas.session.undo_stack.redo):
        step()
        assert not full_layouts
        _shows_the_model(canvas.scene)


def test_a_typed_card_gets_its_item_and_the_other_cells_keep_their_boxes(qtbot, full_layouts):
    canvas = Canvas(qtbot, _linked_map())
    scene, doc = canvas.scene, canvas.doc
    stage_id, lane_id = doc.stages[3].id, doc.lanes[4].id
    before = scene.layout
    full_layouts.clear()
    card_id = scene.edits.add_card(stage_id, lane_id, 1, "Новая карточка\nс текстом")
    assert not full_layouts and card_id in scene.card_items
    assert [c.id for c in doc.cards_in(stage_id, lane_id)][1] == card_id
    top = before.lanes[lane_id].row.y
    assert all(scene.layout.cards[key] is box for key, box in before.cards.items() if box.rect.y < top)  # above it
    _shows_the_model(scene)
    scene.select_cards([card_id])  # as the typing ends: the new card selected
    canvas.session.undo_stack.undo()
    assert not full_layouts and card_id not in scene.card_items and not scene.selectedItems()
    _shows_the_model(scene)
    canvas.session.undo_stack.redo()
    assert not full_layouts and card_id in scene.card_items
    _shows_the_model(scene)


def test_deleted_cards_take_their_links_items_with_them_and_undo_brings_them_back(qtbot, full_layouts):
    canvas = Canvas(qtbot, _linked_map())
    scene, doc = canvas.scene, canvas.doc
    link = doc.link("link-in-cell")
    others = [k.id for k in doc.links if link.source in (k.source, k.target)]
    scene.select_cards([link.source])
    full_layouts.clear()
    assert scene.edits.delete([link.source, doc.cards[-1].id])
    assert not full_layouts and link.source not in scene.card_items and not scene.selectedItems()
    assert not set(others) & set(scene.link_items)
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)
    canvas.session.undo_stack.undo()
    assert set(others) <= set(scene.link_items) and link.source in scene.card_items
    _shows_the_model(scene)


def test_cards_dragged_within_and_between_cells_stand_on_their_new_boxes(qtbot, full_layouts):
    canvas = Canvas(qtbot, _linked_map())
    scene, doc = canvas.scene, canvas.doc
    stage_id, lane_id = doc.stages[1].id, doc.lanes[2].id
    cell = [c.id for c in doc.cards_in(stage_id, lane_id)]
    full_layouts.clear()
    canvas.drag(canvas.card_center(cell[0]), canvas.card_center(cell[-1]))  # a drag on the canvas
    assert not full_layouts and [c.id for c in doc.cards_in(stage_id, lane_id)] != cell
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)
    other = doc.stages[3].id
    assert scene.edits.move_cards(cell[:2], other, lane_id)
    assert not full_layouts and set([c.id for c in doc.cards_in(other, lane_id)][-2:]) == set(cell[:2])
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)


def test_a_duplicate_with_its_link_and_a_new_link_lay_out_in_part(qtbot, full_layouts):
    canvas = Canvas(qtbot, _linked_map())
    scene, doc = canvas.scene, canvas.doc
    link = doc.link("link-in-cell")
    full_layouts.clear()
    copies = scene.edits.duplicate([link.source, link.target])
    assert not full_layouts and set(copies) <= set(scene.card_items)
    assert len(scene.link_items) == len(doc.links) and any(k.source == copies[0] for k in doc.links)
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)
    link_id = scene.edits.connect(copies[0], doc.cards[0].id)
    assert not full_layouts and link_id in scene.link_items
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)


def test_a_new_card_the_filter_leaves_out_is_faded(qtbot, full_layouts):
    canvas = Canvas(qtbot, _linked_map(60))
    scene, doc = canvas.scene, canvas.doc
    scene.set_card_filter(CardFilter("owner", "директор"))
    full_layouts.clear()
    left_out = scene.edits.add_card(doc.stages[0].id, doc.lanes[0].id, None, "Без владельца")
    assert scene.card_items[left_out].opacity() == FADED
    scene.edits.set_fields(ElementKind.CARD, {left_out: {"owner": "директор"}})
    [kept] = scene.edits.duplicate([left_out])
    assert scene.card_items[kept].opacity() == 1.0 and kept not in scene.faded
    assert not full_layouts
    _shows_the_model(scene)
    scene.edits.delete([left_out, kept])
    assert not full_layouts and not {left_out, kept} & scene.faded
    _shows_the_model(scene)


def test_a_card_added_under_a_heat_map_recolours_its_cell(qtbot):
    canvas = Canvas(qtbot, _linked_map(60))
    scene, doc = canvas.scene, canvas.doc
    scene.set_heat("quality")
    stage_id, lane_id = doc.stages[0].id, doc.lanes[0].id
    card_id = scene.edits.add_card(stage_id, lane_id, None, "Оценка")
    scene.edits.set_fields(ElementKind.CARD, {card_id: {"quality": 1}})
    scene.edits.duplicate([card_id])
    heat = cell_heat(doc, heat_values(doc, "quality"))
    fill = scene_module.palette.heat_color(heat[(stage_id, lane_id)], scene_module.HEAT_CELL)
    assert scene.cell_items[(stage_id, lane_id)].fill.name() == scene_module.QColor(fill).name()
    _shows_the_model(scene)


def test_on_a_big_map_a_card_typed_and_deleted_near_the_view_has_its_item_made_and_removed(qtbot, full_layouts):
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS + 300, stages=6, lanes=6))
    scene, doc = canvas.scene, canvas.doc
    assert scene.lazy
    first = doc.cards[0]
    full_layouts.clear()
    card_id = scene.edits.add_card(first.stage, first.lane, 0, "Новая")
    assert not full_layouts and card_id in scene.card_items
    _shows_the_model(scene)
    assert scene.edits.delete([card_id, first.id])
    assert not full_layouts and not {card_id, first.id} & set(scene.card_items)
    _shows_the_model(scene)
    _undo_redo(canvas, full_layouts)


def test_a_card_that_takes_a_map_past_the_eager_bound_lays_out_all(qtbot, full_layouts):
    """Past EAGER_CARDS cards, items are made near the view only (and below it, for every card): the
    scene is synced in full once, as when the map was opened."""
    canvas = Canvas(qtbot, generate_map(EAGER_CARDS, stages=4, lanes=4))
    scene, doc = canvas.scene, canvas.doc
    assert not scene.lazy
    doc_card = doc.cards[0]
    scene.edits.add_card(doc_card.stage, doc_card.lane, None, "Ещё одна")
    assert scene.lazy
    _shows_the_model(scene)
    canvas.session.undo_stack.undo()
    assert not scene.lazy and set(scene.card_items) == {card.id for card in doc.cards}
    _shows_the_model(scene)


def test_an_added_card_object_is_the_document_s(qtbot):
    """The last layout's cards are the document's own objects (an edit of fields after an add reads
    them through it)."""
    canvas = Canvas(qtbot, _linked_map(60))
    scene, doc = canvas.scene, canvas.doc
    [pasted_id] = scene.edits.paste((doc.stages[0].id, doc.lanes[0].id, 0), None, "Новая")
    pasted = doc.card(pasted_id)
    assert scene.layout_memo.last.cards[pasted.id] is pasted
    scene.edits.set_card_text(pasted.id, "Переименована")
    assert scene.card_items[pasted.id].box.lines[0].text == "Переименована"
    _shows_the_model(scene)
