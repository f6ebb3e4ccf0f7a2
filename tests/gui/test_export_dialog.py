"""File → Export: options, the page-split preview, every format written, cancel leaves nothing."""

import base64

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog

from cjm_designer.export.pdf_pages import PAPERS, Pages, plan_pages
from cjm_designer.io import InvalidFormatError, load, loads
from cjm_designer.io.embedded import NO_MAP, embedded_map
from cjm_designer.map_export import MAP_CARRIERS
from cjm_designer.model import Photo
from cjm_designer.paths import templates_dir
from cjm_designer.ui.export_dialog import FORMATS, ExportDialog
from cjm_designer.ui.settings import Settings

DEMO = templates_dir() / "window-installation.ru.cjm"


@pytest.fixture
def dialog(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    box = ExportDialog(load(DEMO), DEMO, Settings())
    box.opened = opened
    qtbot.addWidget(box)
    return box


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_preview_follows_the_page_options(dialog):
    choose(dialog.format, "pdf")
    choose(dialog.pages, Pages.TILES)
    choose(dialog.paper, "A4")
    expected = plan_pages(dialog.layout_, dialog.pdf_options())
    assert len(dialog.preview._plan.tiles) == len(expected.tiles) > 1
    assert str(len(expected.tiles) + 1) in dialog.page_count.text()  # the sheets and their index
    assert dialog.overlap.isEnabled()
    choose(dialog.pages, Pages.FIT)
    assert len(dialog.preview._plan.tiles) == 1 and not dialog.overlap.isEnabled()
    dialog.legend.setChecked(True)
    dialog._refresh()
    assert "2" in dialog.page_count.text()
    assert not dialog.preview.grab().isNull()


def test_a_pdf_is_written_as_chosen_and_opened_on_request(dialog, tmp_path):
    choose(dialog.format, "pdf")
    choose(dialog.pages, Pages.TILES)
    choose(dialog.paper, "A3")
    dialog.cover.setChecked(True)
    dialog.open_after.setChecked(True)
    target = tmp_path / "карта.pdf"
    assert dialog.export_to(target)
    reader = PdfReader(target)
    plan = plan_pages(dialog.layout_, dialog.pdf_options())
    assert len(reader.pages) == 1 + 1 + len(plan.tiles)  # cover, index, sheets
    assert str(len(reader.pages)) in dialog.page_count.text()  # the dialog counts what the export makes
    assert sorted(plan.page_size) == pytest.approx(sorted(PAPERS["A3"]))
    assert all(float(p.mediabox.width) == pytest.approx(plan.page_size[0]) for p in reader.pages)
    assert dialog.result.size == target.stat().st_size
    assert [url.toLocalFile() for url in dialog.opened] == [str(target)]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_every_other_format_is_written(dialog, tmp_path, fmt):
    choose(dialog.format, fmt)
    dialog.open_after.setChecked(False)
    if fmt == "png":
        choose(dialog.resolution, "1x")
    target = tmp_path / f"out.{fmt}"
    assert dialog.export_to(target)
    data = target.read_bytes()
    expected_start = {"png": b"\x89PNG", "svg": b"<?xml", "csv": "ID карточки,".encode(), "mermaid": b"journey",
                      "cjm": b"{", "pptx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>"}[fmt]
    assert data.lstrip().startswith(expected_start) or expected_start in data[:200]
    if fmt == "cjm":
        assert loads(data) == dialog.doc
    assert not dialog.opened


def test_a_cancelled_export_leaves_no_file(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    choose(dialog.format, "pdf")
    choose(dialog.pages, Pages.TILES)
    target = tmp_path / "cancelled.pdf"
    assert not dialog.export_to(target)
    assert list(tmp_path.iterdir()) == []


def test_the_chosen_format_is_remembered(qtbot, dialog, tmp_path):
    choose(dialog.format, "csv")
    assert dialog.export_to(tmp_path / "cards.csv")
    again = ExportDialog(dialog.doc, DEMO, Settings())
    qtbot.addWidget(again)
    assert again.chosen_format() == "csv"
    assert again.suggested_path().name == "window-installation.ru.csv"


def test_the_maps_own_file_is_never_exported_over(qtbot, tmp_path, boxes):
    source = tmp_path / "map.cjm"
    source.write_bytes(DEMO.read_bytes())
    (tmp_path / "link.pdf").symlink_to(source)
    box = ExportDialog(load(source), source, Settings())
    qtbot.addWidget(box)
    choose(box.format, "pdf")
    assert not box.export_to(source) and not box.export_to(tmp_path / "link.pdf")
    assert source.read_bytes() == DEMO.read_bytes()
    assert boxes.texts == [f"{path} is the map's own file; an export never replaces it. Choose another name."
                           for path in (source, tmp_path / "link.pdf")]


def test_every_failure_is_shown_with_its_message(dialog, tmp_path, boxes, monkeypatch):
    choose(dialog.format, "csv")
    missing = tmp_path / "nowhere" / "cards.csv"
    assert not dialog.export_to(missing)
    assert boxes.texts[-1] == (f"The map could not be exported to {missing}:\n{missing}: cannot save: the folder "
                               f"{missing.parent} does not exist")
    choose(dialog.format, "png")

    def bomb(*args, **kwargs):
        raise Image.DecompressionBombError("could be decompression bomb DOS attack")

    monkeypatch.setattr("cjm_designer.export.image.write_png", bomb)
    assert not dialog.export_to(tmp_path / "map.png")
    assert boxes.texts[-1] == (f"The map could not be exported to {tmp_path / 'map.png'}:\ncould be decompression "
                               "bomb DOS attack")
    assert [box.textFormat() for box in boxes.shown] == [Qt.TextFormat.PlainText] * 2
    assert list(tmp_path.iterdir()) == []


def test_the_notes_of_an_export_are_shown_as_plain_text(qtbot, tmp_path, boxes):
    doc = load(DEMO)
    doc.personas[0].name = "<b>Анна</b>"
    doc.personas[0].photo = Photo(media_type="image/png", data=base64.b64encode(b"\x89PNG\r\n\x1a\nbroken").decode())
    box = ExportDialog(doc, None, Settings())
    qtbot.addWidget(box)
    choose(box.format, "pdf")
    box.personas.setChecked(True)
    box.open_after.setChecked(False)
    assert box.export_to(tmp_path / "map.pdf")
    assert boxes.texts == ["the photo of the persona '<b>Анна</b>' is not an image that can be read (its data is "
                           "damaged); it is left out"]
    assert boxes.shown[0].textFormat() == Qt.TextFormat.PlainText
    assert box.result.notes == boxes.texts


@pytest.mark.parametrize("fmt, arguments", [("png", ["--scale", "2", "--transparent"]), ("csv", ["--excel"])])
def test_the_dialog_and_the_command_line_write_the_same_file(dialog, tmp_path, capsys, fmt, arguments):
    from cjm_designer.cli import main

    choose(dialog.format, fmt)
    choose(dialog.resolution, "2x")
    dialog.transparent.setChecked(True)
    dialog.excel.setChecked(True)
    dialog.open_after.setChecked(False)
    assert dialog.export_to(tmp_path / f"dialog.{fmt}")
    assert main(["export", str(DEMO), "-o", str(tmp_path / f"cli.{fmt}"), *arguments]) == 0
    assert (tmp_path / f"dialog.{fmt}").read_bytes() == (tmp_path / f"cli.{fmt}").read_bytes()
    assert f"{fmt}, " in capsys.readouterr().out


def test_a_png_is_2x_by_default_and_300_dpi_is_offered_for_print(dialog):
    from cjm_designer.export.image import png_size
    from cjm_designer.map_export import PngOptions

    choose(dialog.format, "png")
    assert dialog.resolution.currentData() == "2x"
    assert dialog.export_options() == PngOptions(scale=2.0)
    width, height = png_size(dialog.doc, scale=2)
    assert dialog.image_size.text() == f"{width} × {height} pixels"
    choose(dialog.resolution, "300dpi")
    assert dialog.export_options() == PngOptions(dpi=300.0)
    width, height = png_size(dialog.doc, dpi=300)
    assert dialog.image_size.text() == f"{width} × {height} pixels"


def test_the_default_png_is_the_command_lines_default(dialog, tmp_path, capsys):
    from cjm_designer.cli import main

    choose(dialog.format, "png")
    dialog.open_after.setChecked(False)
    assert dialog.export_to(tmp_path / "dialog.png")
    assert main(["export", str(DEMO), "-o", str(tmp_path / "cli.png")]) == 0
    assert (tmp_path / "dialog.png").read_bytes() == (tmp_path / "cli.png").read_bytes()


def test_a_png_too_large_for_one_image_is_refused_with_the_scale_that_fits(dialog, tmp_path, boxes, monkeypatch):
    monkeypatch.setattr("cjm_designer.export.image.MAX_PIXELS", 10_000_000)  # the demo at 300 dpi: 28 megapixels
    choose(dialog.format, "png")
    choose(dialog.resolution, "300dpi")
    assert not dialog.export_to(tmp_path / "print.png")
    assert "choose a lower scale, at most 2." in boxes.texts[-1] and "dpi) for this map" in boxes.texts[-1]
    assert list(tmp_path.iterdir()) == []


def test_the_formats_that_carry_the_map_say_so_and_can_leave_it_out(dialog, tmp_path):
    for fmt in FORMATS:
        choose(dialog.format, fmt)
        carries = fmt in MAP_CARRIERS
        assert (fmt, dialog.form.isRowVisible(dialog.map_note), dialog.form.isRowVisible(dialog.embed_map)) == (
            fmt, carries, carries)
    choose(dialog.format, "svg")
    assert dialog.embed_map.isChecked() and "editable map" in dialog.map_note.text()
    assert dialog.export_to(tmp_path / "with.svg")
    assert embedded_map(tmp_path / "with.svg")[0] == dialog.doc
    dialog.open_after.setChecked(False)
    for fmt in ("pdf", "png", "svg"):
        choose(dialog.format, fmt)
        dialog.embed_map.setChecked(False)
        assert "does not carry the map" in dialog.map_note.text()
        choose(dialog.resolution, "1x")
        target = tmp_path / f"for-client.{fmt}"
        assert dialog.export_to(target)
        with pytest.raises(InvalidFormatError, match=NO_MAP):
            embedded_map(target)
