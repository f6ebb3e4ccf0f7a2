"""Per-persona emotion curves in the window: a point tagged with a persona in the Inspector gets its own
curve on the canvas, with a legend in the lane's header; the Personas dock sets a persona's curve colour;
removing a persona puts its points back on the map's own curve in the same undo step."""

import pytest

from cjm_designer.canvas.emotion_drag import EmotionDrag
from cjm_designer.layout.drawing import Box
from cjm_designer.layout.geometry import TextLine
from cjm_designer.layout.palette import CURVE, PERSONA_CURVES
from cjm_designer.model import Card, Persona
from tests.gui.conftest import Canvas, small_map
from tests.gui.test_emotion_drag import dot, level_point, press_and_move, release
from tests.gui.test_inspector import choose, type_into


@pytest.fixture
def window(open_window):
    doc = small_map()
    doc.meta.language = "ru"
    doc.add_persona(Persona(id="marina", name="Марина <b>К.</b>"))
    doc.add_persona(Persona(id="oleg", name="Олег 🏢"))
    for card_id, stage, emotion in [("e0", "s0", 0), ("e1", "s1", -1), ("e2", "s2", 2)]:
        doc.add_card(Card(id=card_id, stage=stage, lane="mood", title=f"Точка {card_id}", emotion=emotion))
    return open_window(doc)


def painted_curves(window) -> list[tuple[str | None, str, int]]:
    """What the lane's curve item draws: each curve's persona, colour and number of points."""
    return [(curve.persona_id, curve.color, len(curve.points)) for curve in window.scene.curve_items["mood"].curves]


def legend_words(window) -> list[str]:
    return [shape.text for shape in window.scene.lane_items["mood"].legend if isinstance(shape, TextLine)]


def test_the_persona_choice_is_offered_for_points_of_an_emotion_curve_only(window):
    inspector, scene = window.inspector, window.scene
    scene.select_cards(["a"])
    assert "persona" not in inspector.editors
    scene.select_cards(["e0", "e1"])
    combo = inspector.editors["persona"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "Марина <b>К.</b>", "Олег 🏢"]
    scene.select_cards(["e0", "a"])
    assert "persona" not in inspector.editors


def test_tagging_points_in_the_inspector_draws_a_second_curve_and_undo_takes_it_away(window):
    inspector, scene, session = window.inspector, window.scene, window.session
    assert painted_curves(window) == [(None, CURVE, 3)] and legend_words(window) == []
    scene.select_cards(["e0", "e2"])
    choose(inspector.editors["persona"], "oleg")
    assert [session.doc.card(i).persona for i in ("e0", "e1", "e2")] == ["oleg", None, "oleg"]
    assert session.undo_stack.count() == 1
    assert painted_curves(window) == [(None, CURVE, 1), ("oleg", PERSONA_CURVES[1], 2)]
    assert legend_words(window) == ["Без персоны", "Олег 🏢"]
    assert scene.card_items["e0"].drawing().inside[0].fill == PERSONA_CURVES[1]  # the dot in Oleg's colour
    session.undo_stack.undo()
    assert painted_curves(window) == [(None, CURVE, 3)] and legend_words(window) == []
    assert inspector.editors["persona"].currentData() is None


def test_a_persona_renamed_or_recoloured_in_the_personas_dock_shows_on_its_curve_and_in_the_choice(window):
    scene, session, personas = window.scene, window.session, window.personas
    scene.select_cards(["e1"])
    choose(window.inspector.editors["persona"], "marina")
    personas.list.setCurrentRow(0)
    type_into(personas.form.editors["name"], "Марина")
    assert legend_words(window) == ["Без персоны", "Марина"]
    assert window.inspector.editors["persona"].itemText(1) == "Марина"
    swatch = personas.form.swatches["color"]
    swatch._fill_menu()  # the swatch offers the curves' strong colours, not the cards' pastels
    swatch.picked.emit("#0077BB")
    assert session.doc.persona("marina").color == "#0077BB"
    assert [box.fill for box in scene.lane_items["mood"].legend if isinstance(box, Box)] == [CURVE, "#0077BB"]
    assert painted_curves(window)[1] == ("marina", "#0077BB", 1)
    assert swatch.offered == list(PERSONA_CURVES)


def test_removing_a_persona_untags_its_points_in_the_same_undo_step(window):
    scene, session, personas = window.scene, window.session, window.personas
    scene.select_cards(["e0", "e1"])
    choose(window.inspector.editors["persona"], "oleg")
    steps = session.undo_stack.count()
    personas.list.setCurrentRow(1)
    personas.remove_persona()
    assert [p.id for p in session.doc.personas] == ["marina"]
    assert [session.doc.card(i).persona for i in ("e0", "e1")] == [None, None]
    assert session.undo_stack.count() == steps + 1
    assert painted_curves(window) == [(None, CURVE, 3)]
    session.undo_stack.undo()
    assert [p.id for p in session.doc.personas] == ["marina", "oleg"]
    assert [session.doc.card(i).persona for i in ("e0", "e1")] == ["oleg", "oleg"]
    assert painted_curves(window) == [(None, CURVE, 1), ("oleg", PERSONA_CURVES[1], 2)]
    session.undo_stack.redo()
    assert session.doc.card("e0").persona is None and painted_curves(window) == [(None, CURVE, 3)]


def test_dragging_a_tagged_point_bends_its_personas_curve_alone(qtbot):
    doc = small_map()
    doc.add_persona(Persona(id="oleg", name="Олег"))
    for card_id, stage, emotion, persona in [("e0", "s0", 0, None), ("e1", "s1", -1, None), ("o0", "s0", 1, "oleg"),
                                             ("o1", "s1", 1, "oleg"), ("o2", "s2", 0, "oleg")]:
        doc.add_card(Card(id=card_id, stage=stage, lane="mood", title=card_id, emotion=emotion, persona=persona))
    canvas = Canvas(qtbot, doc)
    item = canvas.scene.curve_items["mood"]
    own, olegs = item.curves
    press_and_move(canvas, dot(canvas, "o1"), level_point(canvas, "o1", -2))
    assert isinstance(canvas.scene.interaction, EmotionDrag)
    assert item.dragged.persona_id == "oleg" and item.dragged.points[1][1] == own.levels[0]
    assert item.dragged.points[::2] == olegs.points[::2]
    release(canvas, level_point(canvas, "o1", -2))
    assert doc.card("o1").emotion == -2 and item.dragged is None
    assert item.curves[0] == own and item.curves[1].points[1][1] == own.levels[0]
