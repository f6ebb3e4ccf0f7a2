"""Lines are drawn under labels: in the PDF every link's line (and leader) comes before any link's label,
and on the canvas (whose renderer also makes the PNG and SVG) each label's item stands above every
line, follows its link into and out of the scene, and takes no clicks."""

from PySide6.QtCore import QPointF, Qt

from cjm_designer.canvas import MapScene
from cjm_designer.canvas.items import LinkItem, LinkLabelItem
from cjm_designer.editor import DocumentSession
from cjm_designer.export import pdf_map
from cjm_designer.export.pdf import to_pdf
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.layout.drawing import Box, Path
from cjm_designer.paths import templates_dir

DEMO = templates_dir() / "window-installation.en.cjm"


def test_the_pdf_draws_every_line_before_any_label(monkeypatch):
    doc = load(DEMO)
    drawn: list[object] = []
    for name in ("draw_path", "draw_box"):
        def recording(pen, shape, _draw=getattr(pdf_map, name)):
            drawn.append(shape)
            return _draw(pen, shape)
        monkeypatch.setattr(pdf_map, name, recording)
    to_pdf(doc)
    links = compute_layout(doc).links.values()
    lines = {shape for path in links for shape in path.drawing.lines if isinstance(shape, Path)}
    labels = {path.drawing.label for path in links if path.drawing.label is not None}
    line_at = [i for i, shape in enumerate(drawn) if isinstance(shape, Path) and shape in lines]
    label_at = [i for i, shape in enumerate(drawn) if isinstance(shape, Box) and shape in labels]
    assert len(line_at) >= len(links) and len(label_at) == len(labels) > 0
    assert max(line_at) < min(label_at)


def label_items(scene) -> list[LinkLabelItem]:
    return [item for item in scene.items() if isinstance(item, LinkLabelItem)]


def test_on_the_canvas_labels_stand_above_every_line_and_follow_their_links(qapp):
    session = DocumentSession(load(DEMO))
    scene = MapScene(session)
    links = list(scene.link_items.values())
    assert len(label_items(scene)) == len(links)
    for item in links:
        label = item.label_item
        assert label.scene() is scene and label.parentItem() is item.parentItem()
        assert label.zValue() > max(other.zValue() for other in links)
        assert label.acceptedMouseButtons() == Qt.MouseButton.NoButton
    with scene.export_mode():  # lifted out of their layer for an image, they keep their stacking
        for item in links:
            assert item.label_item.parentItem() is None and item.label_item.scene() is scene
        top = max(link.zValue() for link in links)
        assert all(item.label_item.zValue() > top for item in links)
    assert all(item.label_item.parentItem() is item.parentItem() for item in links)

    for item in links:  # a press on a label finds a link, not the label's item
        rect = item.path_box.label_rect
        if rect is not None:
            assert isinstance(scene.top_item(QPointF(rect.center.x, rect.center.y)), LinkItem)

    first = links[0]
    session.doc.remove_link(first.link_id)
    scene.sync()
    assert first.link_id not in scene.link_items
    assert first.label_item.scene() is None
    assert len(label_items(scene)) == len(scene.link_items) == len(links) - 1
