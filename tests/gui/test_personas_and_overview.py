"""The Personas panel and the Overview."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from cjm_designer.io import dumps, load, loads
from cjm_designer.paths import templates_dir
from cjm_designer.ui.personas import photo_from_image


@pytest.fixture
def window(open_window):
    return open_window(load(templates_dir() / "three-stages.ru.cjm"))


def test_personas_add_edit_photo_remove(window, tmp_path):
    panel, doc = window.personas, window.session.doc
    assert panel.list.count() == len(doc.personas) == 1
    panel.add_persona()
    assert len(doc.personas) == 2 and panel.current_id() == doc.personas[1].id
    name = panel.form.editors["name"]
    name.setFocus()
    name.setText("Ольга, 45")
    name.setModified(True)
    name.editingFinished.emit()
    age = panel.form.editors["age"]
    age.setFocus()
    age.setText("45")
    age.setModified(True)
    age.editingFinished.emit()
    assert (doc.personas[1].name, doc.personas[1].age) == ("Ольга, 45", 45)
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#7CB342"))
    path = tmp_path / "photo.png"
    image.save(str(path))
    panel.set_photo(photo_from_image(QImage(str(path))))
    photo = doc.personas[1].photo
    assert photo.media_type == "image/jpeg" and photo.image_bytes().startswith(b"\xff\xd8\xff")
    assert max(QImage.fromData(photo.image_bytes()).size().toTuple()) == 512
    assert loads(dumps(doc)).personas[1].photo == photo  # embedded in the file, round trip
    assert not panel.photo.pixmap().isNull()
    panel.remove_persona()
    assert len(doc.personas) == 1
    window.session.undo_stack.undo()
    assert doc.personas[1].photo == photo


def test_personas_show_on_the_map(window):
    persona = window.session.doc.personas[0]
    texts = [line.text for line in window.scene.layout.title]
    assert any(persona.name in text for text in texts)


def test_overview_moves_the_main_view(window, qtbot):
    overview = next(d.widget() for d in window.docks if d.objectName() == "dock-overview")
    window.view.zoom_actual()
    before = window.view.visible_scene_rect().center()
    target = window.scene.sceneRect().bottomRight()
    qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton,
                     pos=overview.mapFromScene(target))
    after = window.view.visible_scene_rect().center()
    assert after.x() > before.x() and after.y() > before.y()


def test_photos_too_large_or_damaged_are_not_decoded_and_a_pipe_is_not_read(window, tmp_path, monkeypatch):
    import base64
    import os

    from cjm_designer.model import Photo
    from cjm_designer.ui import personas
    from tests.export.test_export_safety import png_bytes, png_header

    def photo(data: bytes) -> Photo:
        return Photo(media_type="image/png", data=base64.b64encode(data).decode())

    assert not personas.photo_pixmap(photo(png_bytes(60, 40)), 40).isNull()
    for bad in (png_header(12000, 12000), png_bytes(60, 40)[:70]):  # a bomb's header; cut short
        assert personas.photo_pixmap(photo(bad), 40).isNull()
    pipe = tmp_path / "photo.png"
    os.mkfifo(pipe)
    monkeypatch.setattr(personas.QFileDialog, "getOpenFileName", lambda *a, **k: (str(pipe), ""))
    window.personas.pick_photo()  # returns: a pipe is never opened
    assert window.personas.error.text() == "This file is not an image that can be read."
