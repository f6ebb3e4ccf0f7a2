"""A card selected or unselected is drawn anew in every view (CardItem.refresh drops the cached picture
each view keeps, issue 13), told by the scene's selectionChanged rather than by each card's itemChange."""

from cjm_designer.canvas.items import CardItem
from cjm_designer.model.synthetic import generate_map
from tests.gui.conftest import Canvas


def test_only_the_cards_whose_selection_changed_are_drawn_anew(qtbot, monkeypatch):
    canvas = Canvas(qtbot, generate_map(30, links=0))
    scene = canvas.scene
    refreshed = []
    monkeypatch.setattr(CardItem, "refresh", lambda item: refreshed.append(item.card_id))
    a, b, c = list(scene.card_items)[:3]

    scene.select_cards([a, b])
    assert sorted(refreshed) == sorted([a, b])
    refreshed.clear()
    scene.select_cards([b, c])
    assert sorted(refreshed) == sorted([a, c])
    refreshed.clear()
    scene.card_items[a].setSelected(True)  # as a click selects
    assert refreshed == [a]
    refreshed.clear()
    scene.clearSelection()
    assert sorted(refreshed) == sorted([a, b, c])


def test_a_card_item_leaves_its_changes_to_qt():
    """Overriding itemChange would send every change of every card (place, parent, opacity...) through
    Python: 2 ms for the items made at a big map's start."""
    assert "itemChange" not in vars(CardItem)
