"""The window hears one notification per gesture and its docks read it: a 100-card Inspector edit is
one undo step and one relayout, and docks that do not show what changed keep what they show."""

import pytest
from PySide6.QtGui import QColor, QImage

from cjm_designer.editor import AddPart
from cjm_designer.model import Stage
from cjm_designer.model.document import ElementKind
from cjm_designer.model.synthetic import generate_map
from cjm_designer.ui import personas as personas_module
from cjm_designer.ui.personas import photo_from_image
from tests.gui.test_canvas_structure import trigger


@pytest.fixture
def window(open_window):
    return open_window(generate_map(300))


class Counter:
    """Counts the calls of a method while calling it as before."""

    def __init__(self, monkeypatch, owner, name):
        self.calls = 0
        real = getattr(owner, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


def listen(window):
    heard, relayouts = [], []
    window.session.changed.connect(heard.append)
    window.scene.laidOut.connect(lambda: relayouts.append(1))
    return heard, relayouts


def test_a_100_card_inspector_edit_is_one_step_and_one_relayout(window):
    session, scene, inspector = window.session, window.scene, window.inspector
    ids = [card.id for card in session.doc.cards[:100]]
    scene.select_cards(ids)
    heard, relayouts = listen(window)
    title = inspector.editors["title"]
    title.setFocus()
    title.setText("Один заголовок")
    title.setModified(True)
    title.editingFinished.emit()
    assert all(session.doc.card(i).title == "Один заголовок" for i in ids)
    assert session.undo_stack.count() == 1
    assert (len(heard), len(relayouts)) == (1, 1)
    assert heard[0].ids == set(ids) and heard[0].fields == {"title"}
    session.undo_stack.undo()
    assert session.doc.card(ids[0]).title != "Один заголовок"
    assert (len(heard), len(relayouts)) == (2, 2)
    session.undo_stack.redo()
    assert (len(heard), len(relayouts)) == (3, 3)
    assert scene.card_items[ids[0]].box == scene.layout.cards[ids[0]]  # the scene shows the model


def test_a_context_menu_edit_of_several_cards_is_one_step_and_one_relayout(window):
    session, scene = window.session, window.scene
    ids = [card.id for card in session.doc.cards[:5] if not card.pain] or pytest.skip("no unmarked cards")
    scene.select_cards(ids)
    heard, relayouts = listen(window)
    trigger(scene, scene.card_items[ids[0]], "Pain point")
    assert all(session.doc.card(i).pain for i in ids)
    assert session.undo_stack.count() == 1 and (len(heard), len(relayouts)) == (1, 1)
    session.undo_stack.undo()
    assert not any(session.doc.card(i).pain for i in ids) and (len(heard), len(relayouts)) == (2, 2)


def test_the_inspector_keeps_its_form_while_other_elements_change(window, monkeypatch):
    session, doc, edits = window.session, window.session.doc, window.scene.edits
    shown, other = doc.cards[0], doc.cards[1]
    window.scene.select_cards([shown.id])
    redrawn = Counter(monkeypatch, window.inspector.form, "show_values")
    assert edits.set_fields(ElementKind.CARD, {other.id: {"title": "Другая"}})
    assert edits.set_fields(ElementKind.STAGE, {doc.stages[0].id: {"entering": 500}})
    assert redrawn.calls == 0
    assert edits.set_fields(ElementKind.CARD, {shown.id: {"title": "Показанная"}})
    assert redrawn.calls == 1 and window.inspector.editors["title"].text() == "Показанная"
    session.push(AddPart(session, Stage(id="s-new", name="Новая")))  # the structure changed: shown again
    assert redrawn.calls == 2


def test_the_personas_dock_decodes_photos_only_when_a_persona_changed(window, monkeypatch):
    session, panel, edits = window.session, window.personas, window.scene.edits
    panel.add_persona()
    persona = session.doc.personas[-1]
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#7CB342"))
    panel.set_photo(photo_from_image(image))
    decoded = []  # the photos decoded
    real = personas_module.photo_pixmap
    monkeypatch.setattr(personas_module, "photo_pixmap", lambda photo, side: decoded.append(photo) or real(photo, side))
    rebuilt = Counter(monkeypatch, panel, "refresh")
    assert edits.set_fields(ElementKind.CARD, {session.doc.cards[0].id: {"title": "Карточка"}})
    assert (rebuilt.calls, decoded) == (0, [])  # a card changed: the dock is left alone
    assert edits.set_fields(ElementKind.PERSONA, {persona.id: {"name": "Ольга"}})
    assert rebuilt.calls == 1 and decoded == []  # the list shows the name; the photo is as it was
    assert panel.list.item(panel.list.count() - 1).text() == "Ольга" and not panel.photo.pixmap().isNull()
    assert edits.set_fields(ElementKind.PERSONA, {persona.id: {"photo": None}})
    assert panel.photo.pixmap().isNull()
    session.undo_stack.undo()
    assert decoded == [None, None, persona.photo, persona.photo]  # the list's icon and the large picture
    assert not panel.photo.pixmap().isNull()


def test_the_analytics_dock_updates_once_and_only_for_what_it_shows(window, monkeypatch):
    session, doc, edits = window.session, window.session.doc, window.scene.edits
    next(d for d in window.docks if d.objectName() == "dock-analytics").raise_()  # it counts only when shown
    refreshed = Counter(monkeypatch, window.analytics, "refresh")
    with session.batch("Edit"):
        for card in doc.cards[:10]:
            edits.set_fields(ElementKind.CARD, {card.id: {"owner": "marketer"}})
    assert refreshed.calls == 1
    assert edits.set_fields(ElementKind.CARD, {doc.cards[0].id: {"note": "заметка"}})
    assert edits.set_fields(ElementKind.META, {"": {"author": "Мария"}})
    assert refreshed.calls == 1
    quoted = next(card for card in doc.cards if card.pain)
    unquoted = next(card for card in doc.cards if card.id not in window.analytics.quoted)
    assert edits.set_fields(ElementKind.CARD, {unquoted.id: {"title": "Не в списках"}})
    assert refreshed.calls == 1
    assert edits.set_fields(ElementKind.CARD, {quoted.id: {"title": "Боль"}})
    assert refreshed.calls == 2
    assert any(window.analytics.pains.topLevelItem(i).text(0) == "Боль"
               for i in range(window.analytics.pains.topLevelItemCount()))
