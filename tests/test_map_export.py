"""The one export entry point (`map_export.export_map`) that the command line and File → Export share:
every format written through the atomic writer, what it made reported, the map's own file never
replaced, and each exporter loaded only when its format is exported."""

import base64
import os
import subprocess
import sys

import pytest
from PIL import Image
from pypdf import PdfReader

from cjm_designer.export import Cancelled
from cjm_designer.export.pdf import PdfOptions
from cjm_designer.export.pdf_pages import Pages, plan_pages
from cjm_designer.io import SaveError, dumps, load, loads
from cjm_designer.io.csv_export import to_csv
from cjm_designer.layout import compute_layout
from cjm_designer.map_export import (
    EXTENSIONS,
    CannotExport,
    CsvOptions,
    OwnInputError,
    PngOptions,
    SvgOptions,
    export_map,
)
from cjm_designer.model import Photo
from cjm_designer.paths import templates_dir

DEMO = templates_dir() / "window-installation.en.cjm"


@pytest.fixture(scope="module")
def doc():
    return load(DEMO)


def test_a_pdf_reports_its_pages_size_and_notes(doc, tmp_path):
    target = tmp_path / "map.pdf"
    options = PdfOptions(pages=Pages.TILES, cover=True)
    result = export_map(doc, "pdf", target, options)
    reader = PdfReader(target)
    assert (result.path, result.format, result.pages) == (target, "pdf", len(reader.pages))
    assert result.pages > 2 and result.size == target.stat().st_size
    assert result.notes == plan_pages(compute_layout(doc), options).notes  # the sheets' scale, if shrunk
    broken = doc.model_copy(deep=True)
    broken.personas[0].photo = Photo(media_type="image/png", data=base64.b64encode(b"\x89PNG\r\n\x1a\nbroken").decode())
    result = export_map(broken, "pdf", target, PdfOptions(personas=True))
    assert len(result.notes) == 1 and "is left out" in result.notes[0]


def test_a_png_reports_its_pixels_as_written_in_the_file(doc, tmp_path, qapp):
    target = tmp_path / "map.png"
    result = export_map(doc, "png", target, PngOptions(scale=0.5, transparent=True))
    with Image.open(target) as image:
        assert result.pixels == image.size and image.mode == "RGBA"
    assert result.size == target.stat().st_size and result.pages is None
    at_dpi = export_map(doc, "png", target, PngOptions(dpi=36))
    assert at_dpi.pixels == result.pixels  # 36 dpi is half a pixel a point, as scale 0.5


def test_a_png_is_2_pixels_a_point_by_default_and_300_dpi_for_print(doc, tmp_path, qapp):
    from cjm_designer.export.image import png_size

    width, height = png_size(doc, scale=1)
    result = export_map(doc, "png", tmp_path / "map.png")
    assert result.pixels == png_size(doc, scale=2)
    assert result.pixels == (pytest.approx(2 * width, abs=1), pytest.approx(2 * height, abs=1))
    with Image.open(tmp_path / "map.png") as image:
        assert image.size == result.pixels and image.info["dpi"] == pytest.approx((144, 144), abs=0.01)
    result = export_map(doc, "png", tmp_path / "print.png", PngOptions(dpi=300))
    with Image.open(tmp_path / "print.png") as image:
        assert image.size == result.pixels == png_size(doc, dpi=300) and image.info["dpi"] == pytest.approx((300, 300),
                                                                                                           abs=0.01)
    assert result.pixels[0] == pytest.approx(width * 300 / 72, abs=300 / 72)


def test_a_png_over_the_pixel_limit_is_refused_at_any_resolution_with_the_scale_that_fits(doc, tmp_path, qapp,
                                                                                           monkeypatch):
    from cjm_designer.export import image

    monkeypatch.setattr(image, "MAX_PIXELS", 10_000_000)  # the demo at 300 dpi is 27 megapixels
    with pytest.raises(CannotExport, match=r"choose a lower scale, at most 2\.\d+× \(\d+ dpi\) for this map"):
        export_map(doc, "png", tmp_path / "print.png", PngOptions(dpi=300))
    assert list(tmp_path.iterdir()) == []


def test_every_format_writes_what_its_exporter_makes(doc, tmp_path, qapp):
    export_map(doc, "csv", tmp_path / "excel.csv", CsvOptions(excel=True))
    assert (tmp_path / "excel.csv").read_bytes() == to_csv(doc, excel=True)
    export_map(doc, "cjm", tmp_path / "copy.cjm")
    assert loads((tmp_path / "copy.cjm").read_bytes()) == doc
    assert (tmp_path / "copy.cjm").read_bytes() == dumps(doc)
    result = export_map(doc, "mermaid", tmp_path / "journey.mmd")
    assert (tmp_path / "journey.mmd").read_text("utf-8").lstrip().startswith("journey")
    assert result.size == (tmp_path / "journey.mmd").stat().st_size
    result = export_map(doc, "svg", tmp_path / "map.svg", SvgOptions(transparent=True))
    assert b"<svg" in (tmp_path / "map.svg").read_bytes()[:400] and result.size == (tmp_path / "map.svg").stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.cjm", "excel.csv", "journey.mmd", "map.svg"]


def test_the_maps_own_file_is_never_replaced(doc, tmp_path):
    source = tmp_path / "map.cjm"
    source.write_bytes(DEMO.read_bytes())
    (tmp_path / "soft.pdf").symlink_to(source)
    (tmp_path / "hard.cjm").hardlink_to(source)
    for target in (source, tmp_path / "soft.pdf", tmp_path / "hard.cjm", tmp_path / "." / "map.cjm"):
        with pytest.raises(OwnInputError) as refused:
            export_map(doc, "cjm", target, source=source)
        assert refused.value.lines() == [f"{target}: is the map being exported; an export never replaces its own "
                                         "input, give another output file"]
        assert isinstance(refused.value, SaveError)
    assert source.read_bytes() == DEMO.read_bytes() and (tmp_path / "soft.pdf").is_symlink()
    export_map(doc, "cjm", tmp_path / "other.cjm", source=source)
    assert (tmp_path / "other.cjm").exists()


def test_a_cancelled_or_impossible_export_leaves_the_old_file(doc, tmp_path, qapp):
    target = tmp_path / "map.png"
    target.write_bytes(b"old picture")
    with pytest.raises(Cancelled):
        export_map(doc, "png", target, progress=lambda done, total: False)
    with pytest.raises(CannotExport, match=r"more than a PNG export makes .* at most [\d.]+×"):
        export_map(doc, "png", target, PngOptions(scale=1000))
    with pytest.raises(Cancelled):
        export_map(doc, "pdf", tmp_path / "map.pdf", progress=lambda done, total: False)
    assert target.read_bytes() == b"old picture" and os.listdir(tmp_path) == ["map.png"]


def test_options_of_another_format_or_an_unknown_format_are_refused(doc, tmp_path):
    with pytest.raises(TypeError, match="CsvOptions expected, not PngOptions"):
        export_map(doc, "csv", tmp_path / "x.csv", PngOptions())
    with pytest.raises(TypeError, match="takes no options"):
        export_map(doc, "cjm", tmp_path / "x.cjm", CsvOptions())
    with pytest.raises(ValueError, match="no export format 'docx'"):
        export_map(doc, "docx", tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []
    assert set(EXTENSIONS) == {"pdf", "png", "svg", "csv", "mermaid", "cjm", "xlsx", "pptx", "html"}


LOADED = """
import sys
from cjm_designer.io import load
from cjm_designer.map_export import export_map
loaded = lambda: sorted({m.split(".")[0] for m in sys.modules} & {"reportlab", "PySide6", "PIL", "svglib"})
print(loaded())
export_map(load(sys.argv[1]), "csv", sys.argv[2])
print(loaded())
"""


def test_each_exporter_loads_only_when_its_format_is_exported(tmp_path):
    done = subprocess.run([sys.executable, "-c", LOADED, str(DEMO), str(tmp_path / "cards.csv")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "[]"]
    assert (tmp_path / "cards.csv").stat().st_size > 1000
