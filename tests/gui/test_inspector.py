"""The Inspector: fields of the selection, edits as undo commands, several cards at once."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QFileDialog

from cjm_designer import i18n
from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from cjm_designer.ui import main_window as mw
from cjm_designer.ui.main_window import MainWindow


@pytest.fixture
def window(open_window, tmp_path):
    path = tmp_path / "map.cjm"
    path.write_bytes((templates_dir() / "window-installation.ru.cjm").read_bytes())
    return open_window(load(path), path)


def type_into(editor, text):
    editor.setFocus()
    editor.clear()
    editor.insert(text) if hasattr(editor, "insert") else editor.insertPlainText(text)
    editor.editingFinished.emit()


def choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_a_card_edited_field_by_field(window):
    inspector, scene, doc = window.inspector, window.scene, window.session.doc
    card = doc.cards[0]
    scene.select_cards([card.id])
    assert inspector.heading.text() == "Card"
    assert inspector.editors["title"].text() == card.title
    choose(inspector.editors["channel"], "crm")
    assert card.channel == "crm"
    type_into(inspector.editors["kpi.name"], "Конверсия")
    type_into(inspector.editors["kpi.target"], "12,5")
    type_into(inspector.editors["kpi.actual"], "15")
    assert (card.kpi.name, card.kpi.target, card.kpi.actual) == ("Конверсия", 12.5, 15.0)
    type_into(inspector.editors["tags"], "акция, весна")
    assert card.tags == ["акция", "весна"]
    inspector.editors["pain"].click()
    assert card.pain
    assert window.session.undo_stack.count() == 6
    window.session.undo_stack.undo()
    assert not card.pain
    assert inspector.editors["pain"].isChecked() is False  # the form follows the model


def test_bad_values_are_refused_with_a_message(window):
    inspector, card = window.inspector, window.session.doc.cards[0]
    window.scene.select_cards([card.id])
    type_into(inspector.editors["metrics.clicks"], "много")
    assert "whole number" in inspector.error.text()
    before = card.metrics
    type_into(inspector.editors["metrics.conversion"], "150")
    assert "Conversion" in inspector.error.text() and card.metrics == before
    type_into(inspector.editors["color"], "red")
    assert card.color is None
    assert window.session.undo_stack.count() == 0


def test_figures_typed_as_the_map_shows_them(window):
    """The map writes 10 000 with a no-break space in Russian (and 1,234 in English): typed or pasted
    back into the Inspector, they are read, and text around a figure is refused with the message."""
    inspector, scene, doc = window.inspector, window.scene, window.session.doc
    stage = doc.stages[0]
    scene.select_only([scene.stage_items[stage.id]])
    type_into(inspector.editors["entering"], "10\u00a0000")
    assert stage.entering == 10_000
    type_into(inspector.editors["entering"], "12\u202f500")
    assert stage.entering == 12_500 and inspector.error.text() == ""
    type_into(inspector.editors["entering"], "10 000 apples")
    assert inspector.error.text() == "People entering: a whole number is needed"
    assert stage.entering == 12_500
    card = doc.cards[0]
    scene.select_cards([card.id])
    type_into(inspector.editors["metrics.clicks"], "10\u00a0000")
    assert card.metrics.clicks == 10_000
    type_into(inspector.editors["metrics.clicks"], "1,234")
    assert card.metrics.clicks == 1234
    type_into(inspector.editors["kpi.target"], "\u22122,5")
    assert card.kpi.target == -2.5
    assert window.session.undo_stack.count() == 5


def test_conversion_is_typed_and_shown_as_a_percentage(window):
    """The model keeps conversion in per cent (12.5 for 12.5 %): typed with or without the sign, a
    decimal comma or the no-break space the Russian map writes, it is stored as that figure, and
    shown back as the cards show it."""
    inspector, scene, doc = window.inspector, window.scene, window.session.doc
    card, other = doc.cards[0], doc.cards[1]

    def shown() -> str:
        scene.select_cards([other.id])  # away and back: the editor shows the stored value again
        scene.select_cards([card.id])
        return inspector.editors["metrics.conversion"].text()

    assert card.metrics.conversion == 8.0 and shown() == "8%"
    type_into(inspector.editors["metrics.conversion"], "12,5 %")
    assert card.metrics.conversion == 12.5 and inspector.error.text() == ""
    assert shown() == "12.5%"
    type_into(inspector.editors["metrics.conversion"], "7.25")
    assert card.metrics.conversion == 7.25 and shown() == "7.25%"
    type_into(inspector.editors["metrics.conversion"], "30\u00a0%")
    assert card.metrics.conversion == 30.0 and shown() == "30%"
    type_into(inspector.editors["metrics.conversion"], "12,5 %%")
    assert inspector.error.text() == "Conversion, %: a number is needed" and card.metrics.conversion == 30.0
    type_into(inspector.editors["kpi.target"], "12,5 %")  # a per cent sign only where a percentage is meant
    assert inspector.error.text() == "KPI target: a number is needed" and card.kpi is None
    assert window.session.undo_stack.count() == 3


def test_conversion_in_a_russian_interface_is_written_as_the_russian_map_writes_it(window, qapp):
    card = window.session.doc.cards[0]
    i18n.install_translators(qapp, "ru")
    qapp.processEvents()  # the window's LanguageChange: the form is built anew
    try:
        window.scene.select_cards([card.id])
        assert window.inspector.editors["metrics.conversion"].text() == "8\u00a0%"
        type_into(window.inspector.editors["metrics.conversion"], "12,5\u00a0%")  # as shown: read back
        window.scene.clearSelection()
        window.scene.select_cards([card.id])
        assert card.metrics.conversion == 12.5
        assert window.inspector.editors["metrics.conversion"].text() == "12,5\u00a0%"
    finally:
        i18n.remove_translators(qapp)
        qapp.processEvents()


def test_several_cards_at_once(window):
    inspector, doc = window.inspector, window.session.doc
    a, b = doc.cards[0], doc.cards[1]
    window.scene.select_cards([a.id, b.id])
    assert inspector.heading.text() == "2 cards"
    assert inspector.editors["title"].text() == "" and inspector.editors["title"].placeholderText()
    inspector.editors["title"].editingFinished.emit()  # left without typing: nothing changes
    assert window.session.undo_stack.count() == 0
    choose(inspector.editors["emotion"], -1)
    assert a.emotion == b.emotion == -1
    assert window.session.undo_stack.count() == 1  # one step for both
    choose(inspector.editors["owner"], "marketer")
    assert a.owner == b.owner == "marketer"


def test_stage_lane_link_and_map(window):
    inspector, scene, doc = window.inspector, window.scene, window.session.doc
    stage = doc.stages[0]
    scene.select_only([scene.stage_items[stage.id]])
    assert inspector.heading.text() == "Stage"
    editor = inspector.editors["questions"]
    editor.setFocus()
    editor.setPlainText("Сколько стоит?\n\n  Когда замер? ")
    editor.document().setModified(True)
    editor.editingFinished.emit()
    assert stage.questions == ["Сколько стоит?", "Когда замер?"]
    type_into(inspector.editors["entering"], "1 200")
    assert stage.entering == 1200
    lane = doc.lanes[0]
    scene.select_only([scene.lane_items[lane.id]])
    choose(inspector.editors["kind"], "thoughts")
    assert lane.kind == "thoughts"
    link = doc.links[0]
    scene.select_only([scene.link_items[link.id]])
    choose(inspector.editors["kind"], "email")
    assert link.kind == "email"
    scene.clearSelection()
    assert inspector.heading.text() == "Map"
    type_into(inspector.editors["title"], "Окна: путь клиента")
    assert doc.meta.title == "Окна: путь клиента"
    assert scene.layout.title[0].text == "Окна: путь клиента"


def test_user_flow_new_map_card_channel_kpi_save_reopen(window, qtbot, tmp_path, monkeypatch):
    from cjm_designer.ui.template_gallery import TemplateGallery

    monkeypatch.setattr(TemplateGallery, "exec", lambda self: setattr(self, "chosen", "blank") or True)
    window.files.new_from_template()
    new = mw.WINDOWS[-1]
    qtbot.addWidget(new)
    scene = new.scene
    stage, lane = new.session.doc.stages[1].id, new.session.doc.lanes[0].id
    scene.new_card(stage, lane)
    scene.editor.setPlainText("Звонок в колл-центр")
    scene.editor.finish("finish")
    (card,) = new.session.doc.cards
    assert scene.selected_card_ids() == [card.id]
    choose(new.inspector.editors["channel"], "phone")
    type_into(new.inspector.editors["kpi.name"], "Дозвон")
    type_into(new.inspector.editors["kpi.target"], "90")
    path = tmp_path / "new.cjm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert new.files.save()
    reopened = MainWindow(load(path), path)
    qtbot.addWidget(reopened)
    assert reopened.session.doc.cards == new.session.doc.cards
    assert reopened.session.doc.card(card.id).kpi.target == 90.0
    for w in (new, reopened):
        mw.WINDOWS.remove(w)
    assert QPointF  # the canvas stays importable alongside the window
