"""The SVG carries its font: its text is drawn as PT Sans outlines, so librsvg (which ignores
@font-face) draws it as the PNG shows it on a machine without PT Sans, and the words stay as
(transparent) text for search, copying and screen readers."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops, ImageStat

from cjm_designer.export import image as image_export
from cjm_designer.export.image import render_png, render_svg
from cjm_designer.io import load
from cjm_designer.layout import compute_layout
from cjm_designer.layout.font_file import read_widths
from cjm_designer.layout.text import font_path
from cjm_designer.paths import templates_dir

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
SCALE = 2  # the PNG's default: librsvg draws the SVG at 72 × SCALE dpi to the same size
# Mean absolute difference per channel (0-255) between the PNG and librsvg's drawing of the SVG. Measured
# at 2 px a point on the bundled templates: 0.7-1.1 with the outlines (the two rasterisers antialias
# edges and text differently), 5.4-7.8 when the SVG only names PT Sans and librsvg falls back to DejaVu
# Sans (wider: text runs out of cards and over links). At most 2: twice the noise, a third of the fault.
MAX_DIFFERENCE = 2.0


@pytest.fixture(scope="module")
def rsvg():
    found = shutil.which("rsvg-convert")
    assert found, "rsvg-convert is missing: run `python3 tools/install_debian_packages.py` (librsvg2-bin)"
    return found


def difference(doc, rsvg, tmp_path) -> float:
    """The largest of the per-channel mean differences between the PNG and librsvg's drawing of the SVG."""
    (tmp_path / "map.svg").write_bytes(render_svg(doc))
    (tmp_path / "map.png").write_bytes(render_png(doc, scale=SCALE))
    dpi = str(72 * SCALE)
    subprocess.run([rsvg, "--dpi-x", dpi, "--dpi-y", dpi, "--background-color", "white",
                    "-o", str(tmp_path / "rsvg.png"), str(tmp_path / "map.svg")], check=True, timeout=120)
    ours, theirs = (Image.open(tmp_path / name).convert("RGB") for name in ("map.png", "rsvg.png"))
    assert ours.size == theirs.size
    return max(ImageStat.Stat(ImageChops.difference(ours, theirs)).mean)


def pt_sans_installed() -> bool:
    """Whether fontconfig, which librsvg asks for fonts, has a PT Sans of its own."""
    fc_match = shutil.which("fc-match")
    return bool(fc_match) and "PT Sans" in subprocess.run([fc_match, "PT Sans"], capture_output=True, text=True).stdout


@pytest.mark.parametrize("name", ["window-installation.ru", "live-chat.en"])
def test_librsvg_draws_the_svg_as_the_png(qapp, rsvg, tmp_path, name):
    assert difference(load(templates_dir() / f"{name}.cjm"), rsvg, tmp_path) < MAX_DIFFERENCE


@pytest.mark.skipif(pt_sans_installed(), reason="PT Sans is installed: librsvg would find it by name")
def test_the_comparison_sees_an_svg_that_only_names_its_font(qapp, rsvg, tmp_path, monkeypatch):
    monkeypatch.setattr(image_export, "outline_text", lambda svg: svg)  # the SVG as QSvgGenerator writes it
    assert difference(load(templates_dir() / "window-installation.ru.cjm"), rsvg, tmp_path) > 2.5 * MAX_DIFFERENCE


def line_svg(root: ET.Element, text: str) -> tuple[ET.Element, list[ET.Element]]:
    """The <text> of a line and the <use>s of the outlines drawn for it, which come right before it."""
    for group in root.iter(f"{SVG}g"):
        children = list(group)
        for at, child in enumerate(children):
            if child.tag == f"{SVG}text" and "".join(child.itertext()) == text:
                return child, children[at - 1].findall(f"{SVG}use")
    raise AssertionError(f"no line {text!r}")


def test_every_line_is_drawn_as_outlines_and_kept_as_transparent_text(qapp):
    doc = load(templates_dir() / "window-installation.en.cjm")
    doc.cards[0].title = 'Fish & <b>"chips"</b>'  # map text is data: escaped, and drawn as written
    doc.cards[1].title = "oooo"
    root = ET.fromstring(render_svg(doc))
    outlines = {path.get("id") for path in root.find(f"{SVG}defs").iter(f"{SVG}path")}
    texts = list(root.iter(f"{SVG}text"))
    lines = [line.text for box in compute_layout(doc).cards.values() for line in box.lines if line.text]
    assert set(lines) <= {"".join(text.itertext()) for text in texts}
    for text in texts:
        assert text.get("fill-opacity") == "0" and float(text.get("textLength")) > 0  # invisible, searchable
        _, uses = line_svg(root, "".join(text.itertext()))
        assert uses and {use.get(f"{XLINK}href")[1:] for use in uses} <= outlines
    title, uses = line_svg(root, 'Fish & <b>"chips"</b>')
    assert title.get("font-weight") == "700"
    assert len(uses) == len("Fish&<b>\"chips\"</b>")  # every glyph but the spaces
    _, uses = line_svg(root, "oooo")
    assert len({use.get(f"{XLINK}href") for use in uses}) == 1  # one outline, defined once
    advance = read_widths(font_path(bold=True)).widths["o"] / 1000 * 100  # the font is drawn at 100 px
    xs = [float(use.get("x")) for use in uses]
    assert [b - a for a, b in zip(xs, xs[1:])] == pytest.approx([advance] * 3, abs=0.05)  # Qt: 1/64 px; no kerning
