"""A colour field's swatch: the map's pastels, any colour from QColorDialog, or none; each pick one
undo step; the hex text box beside it still takes a typed colour."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QToolButton

from cjm_designer.io import load
from cjm_designer.layout.palette import LANE_FILL
from cjm_designer.paths import templates_dir
from cjm_designer.ui.colour_field import pastels


@pytest.fixture
def window(open_window, tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "window-installation.ru.cjm").read_bytes())
    return open_window(load(path), path)


def in_open_menu(swatch, act) -> None:
    """Open the swatch's menu as a click does, and `act(menu)` while it is open."""
    seen = []
    QTimer.singleShot(0, lambda: seen.append(swatch.menu().isVisible()) or act(swatch.menu()))
    swatch.showMenu()  # returns when the menu closes
    assert seen == [True]


def palette_buttons(menu) -> dict[str, QToolButton]:
    return {button.toolTip(): button for button in menu.findChildren(QToolButton)}


def menu_action(menu, text: str):
    return next(action for action in menu.actions() if action.text() == text)


def select_stage(window, index=0):
    stage = window.session.doc.stages[index]
    window.scene.select_only([window.scene.stage_items[stage.id]])
    return stage


def test_a_pastel_of_the_map_is_picked_in_one_undo_step(window):
    stage = select_stage(window, 0)
    other = window.session.doc.stages[1].color
    assert other and other != stage.color
    swatch, stack = window.inspector.form.swatches["color"], window.session.undo_stack
    in_open_menu(swatch, lambda menu: palette_buttons(menu)[other].click())
    assert stage.color == other and stack.count() == 1
    assert window.inspector.editors["color"].text() == other and swatch.colour == other
    assert not swatch.menu().isVisible()
    stack.undo()
    assert stage.color != other and swatch.colour == stage.color  # the swatch follows the model


def test_the_palette_is_the_maps_colours_then_the_palettes_tints():
    colours = pastels(["#CFE3F7", "#fff1c1", "#cfe3f7"])
    assert colours[:2] == ["#cfe3f7", "#fff1c1"]  # the map's, each once
    tints = [fill.lower() for fill in LANE_FILL.values() if fill.upper() not in ("#FFFFFF", "#FAFAFA")]
    assert set(colours[2:]) <= set(tints) and "#e3f2fd" in colours and "#ffffff" not in colours
    assert len(colours) == len(set(colours))


def test_the_menu_offers_the_maps_stage_colours(window):
    select_stage(window)
    swatch = window.inspector.form.swatches["color"]
    offered = []
    in_open_menu(swatch, lambda menu: offered.extend(palette_buttons(menu)) or menu.hide())
    stage_colours = [s.color for s in window.session.doc.stages if s.color]
    assert offered[:len(set(stage_colours))] == list(dict.fromkeys(stage_colours))
    assert window.session.undo_stack.count() == 0  # closing the menu picks nothing


def test_any_colour_from_the_colour_dialog(window, monkeypatch):
    card = window.session.doc.cards[0]
    window.scene.select_cards([card.id])
    asked = []
    monkeypatch.setattr(QColorDialog, "getColor", lambda initial, *rest: asked.append(initial.name()) or
                        QColor("#12ab34"))
    swatch = window.inspector.form.swatches["color"]
    in_open_menu(swatch, lambda menu: menu_action(menu, "Other colour…").trigger())
    assert card.color == "#12ab34" and window.session.undo_stack.count() == 1
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor())  # the dialog cancelled
    in_open_menu(swatch, lambda menu: menu_action(menu, "Other colour…").trigger())
    assert asked == ["#ffffff"] and card.color == "#12ab34" and window.session.undo_stack.count() == 1


def test_no_colour_clears_it(window):
    stage = select_stage(window)
    before = stage.color
    swatch = window.inspector.form.swatches["color"]
    in_open_menu(swatch, lambda menu: menu_action(menu, "No colour").trigger())
    assert stage.color is None and swatch.colour is None and window.inspector.editors["color"].text() == ""
    window.session.undo_stack.undo()
    assert stage.color == before


def test_several_cards_take_a_pick_together_and_typing_still_works(window):
    a, b = window.session.doc.cards[:2]
    window.scene.select_cards([a.id, b.id])
    swatch, editor = window.inspector.form.swatches["color"], window.inspector.editors["color"]
    in_open_menu(swatch, lambda menu: palette_buttons(menu)["#e3f2fd"].click())
    assert a.color == b.color == "#e3f2fd" and window.session.undo_stack.count() == 1
    editor.setFocus()
    editor.clear()
    editor.insert("#ABCDEF")
    editor.editingFinished.emit()
    assert a.color == b.color == "#ABCDEF" and window.session.undo_stack.count() == 2
    assert swatch.colour == "#ABCDEF"
