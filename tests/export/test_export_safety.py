"""Exports of maps that hold what their writers did not expect: photos that are not what they claim,
text with control characters, a poster too large for one page, and targets that are full or not files."""

import base64
import io
import os
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from PIL import Image
from pypdf import PdfReader

from cjm_designer.export.image import render_svg, write_png
from cjm_designer.export.pdf import PdfOptions, to_pdf
from cjm_designer.export.pdf_pages import PageOptions, percent, plan_pages
from cjm_designer.io import SaveError, load
from cjm_designer.io.atomic import writing_atomically
from cjm_designer.model import JourneyMap, Persona, Photo
from cjm_designer.paths import templates_dir
from tests.photos import png_header


def png_bytes(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


def persona(name: str, media_type: str, data: bytes) -> Persona:
    return Persona(id=f"p{abs(hash(name))}", name=name,
                   photo=Photo(media_type=media_type, data=base64.b64encode(data).decode()))


def test_photos_that_cannot_be_shown_are_left_out_with_a_note_naming_the_persona():
    good = png_bytes(60, 40)
    doc = JourneyMap(personas=[
        persona("Good", "image/png", good),
        persona("Huge", "image/png", png_header(12000, 12000)),  # a few bytes that would decode to 432 MB
        persona("Cut", "image/png", good[:70]),
        persona("Bad\x1b[31m", "image/jpeg", b"\xff\xd8\xff" + b"\0" * 100),
    ])
    result = to_pdf(doc, PdfOptions(personas=True))
    assert result.notes == [
        "the photo of the persona 'Huge' is 12,000 × 12,000 pixels, more than the 40 megapixels a photo may have; "
        "it is left out",
        "the photo of the persona 'Cut' cannot be decoded (image file is truncated); it is left out",
        "the photo of the persona 'Bad\\x1b[31m' is not an image that can be read (its data is damaged); it is "
        "left out",
    ]
    reader = PdfReader(io.BytesIO(result.data))
    images = [i for page in reader.pages[:-1] for i in page.images]  # the persona pages
    assert len(reader.pages) == 3 and len(images) == 1 and images[0].image.size == (60, 40)
    assert [i.image.size for i in reader.pages[-1].images] == [(40, 40)]  # the map's title: the middle square


def test_a_large_photo_is_kept_small_in_the_pdf():
    doc = JourneyMap(personas=[persona("Big", "image/png", png_bytes(4000, 3000))])
    result = to_pdf(doc, PdfOptions(personas=True))
    (picture,) = PdfReader(io.BytesIO(result.data)).pages[0].images
    assert result.notes == [] and picture.image.size == (1024, 768)


def test_cli_notes_a_bad_photo_and_still_exports(tmp_path, capsys):
    from cjm_designer.cli import main
    from cjm_designer.io import dumps

    source = tmp_path / "map.cjm"
    source.write_bytes(dumps(JourneyMap(personas=[persona("Cut", "image/png", png_bytes(60, 40)[:70])])))
    assert main(["export", str(source), "-o", str(tmp_path / "map.pdf"), "--personas"]) == 0
    err = capsys.readouterr().err
    assert err == "note: the photo of the persona 'Cut' cannot be decoded (image file is truncated); it is left out\n"


@pytest.mark.parametrize("fraction, shown", [(1.0, "100%"), (0.5, "50%"), (0.04, "4.0%"), (0.004, "0.40%"),
                                             (0.000374, "0.037%")])
def test_percentages_never_read_zero(fraction, shown):
    assert percent(fraction) == shown


def test_a_poster_of_a_giant_map_says_its_scale_in_figures_that_are_not_zero():
    giant = SimpleNamespace(width=3_600_000.0, height=20_000.0, stages={})
    (note,) = plan_pages(giant, PageOptions()).notes
    assert "the poster is scaled to 0.40%;" in note


def test_svg_of_text_with_control_characters_is_well_formed_xml(qapp):
    doc = load(templates_dir() / "three-stages.en.cjm")
    doc.meta.title = "T\x00i\x01t\x1b\ufffe"
    doc.meta.description = "d\x0b\x0c & <b>"
    doc.cards[0].title = "a\x00b\x07c\x1b[31m\uffffZ </text> & é"
    doc.stages[0].name = "S\x02\x7f\x85"
    root = ET.fromstring(render_svg(doc))
    texts = "".join(root.itertext())
    assert "a\ufffdb\ufffdc\ufffd[31m\ufffdZ </text> & é" in texts
    assert root.find("{http://www.w3.org/2000/svg}title").text == "T\ufffdi\ufffdt\ufffd\ufffd"


def test_png_to_a_full_disk_is_a_save_error_and_leaves_the_old_file(qapp, tmp_path, png_disk_full):
    target = tmp_path / "map.png"
    target.write_bytes(b"old picture")
    with pytest.raises(SaveError, match=r"map\.png: cannot save: No space left on device"):
        with writing_atomically(target) as out:
            write_png(load(templates_dir() / "blank.en.cjm"), out)
    assert target.read_bytes() == b"old picture" and os.listdir(tmp_path) == ["map.png"]

