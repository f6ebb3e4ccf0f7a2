"""The Analytics dock lists the map's A/B tests with their winners, follows a variant's edit, and
shows a test's card when it is clicked."""

from cjm_designer.io import load
from cjm_designer.model import Metrics, Variant
from cjm_designer.model.document import ElementKind
from cjm_designer.paths import templates_dir
from tests.gui.test_analytics import show_analytics


def test_the_dock_lists_the_ab_tests_and_follows_their_figures(open_window):
    window = open_window(load(templates_dir() / "window-installation.en.cjm"))
    show_analytics(window)
    panel, doc, session = window.analytics, window.session.doc, window.session
    card = next(c for c in doc.cards if c.variants)
    assert panel.tests.isVisibleTo(panel) and panel.tests.topLevelItemCount() == 1
    row = panel.tests.topLevelItem(0)
    assert (row.text(0), row.text(1)) == (card.title, "B · +31.9%")
    panel.tests.itemClicked.emit(row, 0)
    assert window.scene.selected_card_ids() == [card.id]

    tied = [card.variants[0], Variant(name="B", metrics=Metrics(conversion=card.variants[0].metrics.conversion))]
    assert window.scene.edits.set_fields(ElementKind.CARD, {card.id: {"variants": tied}})
    assert panel.tests.topLevelItem(0).text(1) == "a tie"
    assert window.scene.edits.set_fields(ElementKind.CARD, {card.id: {"variants": []}})
    assert not panel.tests.isVisibleTo(panel) and not panel.tests_title.isVisibleTo(panel)
    session.undo_stack.undo()
    assert panel.tests.isVisibleTo(panel) and panel.tests.topLevelItem(0).text(1) == "a tie"


def test_a_map_without_ab_tests_shows_no_such_table(open_window):
    window = open_window(load(templates_dir() / "five-stages.en.cjm"))
    show_analytics(window)
    assert not window.analytics.tests.isVisibleTo(window.analytics)
