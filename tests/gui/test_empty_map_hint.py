"""A map with no stages is not a blank white page: the view says how to begin, outside the map itself."""

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from cjm_designer.model import JourneyMap, Lane


def test_a_map_with_no_stages_shows_how_to_add_one_until_it_has_one(open_window):
    doc = JourneyMap()
    doc.add_lane(Lane(id="l", name="Actions", kind="buyer_actions"))
    window = open_window(doc)
    QApplication.processEvents()
    hint = window.view.empty_hint
    assert hint.isVisible() and hint.text() == "This map has no stages yet.\nAdd one: Insert → Add stage."
    assert hint not in [item for item in window.scene.items()]  # a widget over the view: in no export
    lanes = window.view.mapFromScene(QRectF(*window.scene.layout.lanes["l"].row)).boundingRect()
    shown = hint.geometry().translated(-window.view.viewport().pos())  # in the viewport's pixels
    assert window.view.viewport().rect().contains(shown) and not shown.intersects(lanes)  # beside the lanes
    window.scene.edits.add_stage(0, "Found", "Add stage")
    assert len(window.session.doc.stages) == 1 and not hint.isVisible()
    window.session.undo_stack.undo()
    assert not window.session.doc.stages and hint.isVisible()
