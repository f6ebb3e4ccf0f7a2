"""The canvas and the PDF draw the same map: for every template, the primitives (layout/drawing.py) that
the scene's items hand to the canvas's painting functions are, one for one, those that the PDF hands
to its own. Each backend's function of each kind of primitive is recorded, so a backend that leaves a
primitive out, adds one or alters one (a colour, a corner, a dash) fails here. The templates' first
personas are given a photo, so that the title's photo is compared too, and their first stages are
widened, so that cards wider than the narrowest are."""

import base64
import io
from collections import Counter

import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from cjm_designer.canvas import MapScene
from cjm_designer.canvas import painting as canvas_painting
from cjm_designer.editor import DocumentSession
from cjm_designer.export import pdf_map
from cjm_designer.export.pdf import to_pdf
from cjm_designer.io import load
from cjm_designer.layout.drawing import Box, Dot, Icon, Path, PersonaPhoto, Polygon
from cjm_designer.layout.geometry import TextLine
from cjm_designer.model import Photo
from cjm_designer.paths import templates_dir

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
CANVAS = ("draw_path", "draw_polygon", "draw_box", "draw_icon", "draw_dot", "draw_text_line", "draw_persona_photo")
PDF = ("draw_path", "draw_polygon", "draw_box", "draw_icon", "draw_dots", "draw_text_lines", "draw_persona_photo")


def with_photo(doc, data: bytes | None = None):
    """`doc` with a photo for its first persona: a small JPEG, or `data` claiming to be one."""
    if data is None:
        out = io.BytesIO()
        Image.new("RGB", (48, 64), "#8D6E63").save(out, "JPEG")
        data = out.getvalue()
    if doc.personas:
        doc.personas[0].photo = Photo(media_type="image/jpeg", data=base64.b64encode(data).decode())
    return doc


def record(monkeypatch, module, names: tuple[str, ...]) -> Counter:
    """Every primitive given to the module's drawing functions `names` (each called with its target
    and a primitive, or a list of them: the PDF's text lines of a part, its rows of dots), counted;
    the functions still draw."""
    seen = Counter()
    for name in names:
        def recording(target, shape, *rest, _draw=getattr(module, name)):
            seen.update(shape if isinstance(shape, list) else [shape])
            return _draw(target, shape, *rest)
        monkeypatch.setattr(module, name, recording)
    return seen


def canvas_primitives(monkeypatch, doc) -> Counter:
    seen = record(monkeypatch, canvas_painting, CANVAS)
    scene = MapScene(DocumentSession(doc))
    with scene.export_mode():
        area = scene.sceneRect()
        image = QImage(int(area.width() / 4) + 1, int(area.height() / 4) + 1, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
    monkeypatch.undo()
    return seen


def pdf_primitives(monkeypatch, doc) -> Counter:
    seen = record(monkeypatch, pdf_map, PDF)
    to_pdf(doc)
    monkeypatch.undo()
    return seen


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_the_canvas_and_the_pdf_draw_the_same_primitives(qapp, monkeypatch, path):
    doc = with_photo(load(path))
    doc.stages[0].width = 430
    canvas, pdf = canvas_primitives(monkeypatch, doc), pdf_primitives(monkeypatch, doc)
    assert canvas - pdf == Counter(), "drawn on the canvas only"
    assert pdf - canvas == Counter(), "drawn in the PDF only"
    if doc.cards:  # the comparison is of something: cards, their markers, links and curves are there
        kinds = {type(shape) for shape in canvas}
        assert {Box, TextLine} <= kinds
    if doc.links:
        assert {Path, Polygon} <= {type(shape) for shape in canvas}
    if doc.personas:
        assert PersonaPhoto in {type(shape) for shape in canvas}


def test_the_demo_has_every_kind_of_primitive(qapp, monkeypatch):
    demo = with_photo(load(templates_dir() / "window-installation.en.cjm"))
    kinds = {type(shape) for shape in canvas_primitives(monkeypatch, demo)}
    assert kinds == {Path, Polygon, Box, Icon, Dot, TextLine, PersonaPhoto}


def test_a_photo_that_cannot_be_decoded_is_the_same_placeholder_on_both(qapp, monkeypatch):
    doc = with_photo(load(templates_dir() / "three-stages.ru.cjm"), b"\xff\xd8\xff" + b"\0" * 100)
    canvas, pdf = canvas_primitives(monkeypatch, doc), pdf_primitives(monkeypatch, doc)
    assert canvas == pdf
    assert PersonaPhoto not in {type(shape) for shape in canvas}
    initials = [shape for shape in canvas if isinstance(shape, TextLine) and shape.text == "ИВ"]
    assert initials and initials[0].color == "#FFFFFF"
