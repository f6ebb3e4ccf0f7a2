"""The persona's photo beside the map's title in every export: embedded once and small in the PDF, drawn
in the PNG and the SVG (which the canvas's renderer makes), and a placeholder where it cannot be decoded."""

import base64
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from cjm_designer.export.image import render_png, render_svg
from cjm_designer.export.pdf import PdfOptions, to_pdf
from cjm_designer.export.pdf_map import PHOTO_PIXELS_PER_POINT
from cjm_designer.export.pdf_pages import Pages
from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import compute_layout
from cjm_designer.model import Photo
from cjm_designer.paths import templates_dir

TEAL = (0, 128, 128)


@pytest.fixture(scope="module")
def doc():
    """The three-stage template, its persona with a large photo: teal in the middle, red above and below."""
    doc = load(templates_dir() / "three-stages.en.cjm")
    image = Image.new("RGB", (900, 1500), (200, 30, 30))
    image.paste(TEAL, (0, 300, 900, 1200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    doc.personas[0].photo = Photo(media_type="image/jpeg", data=base64.b64encode(out.getvalue()).decode())
    return doc


def test_the_pdf_embeds_the_middle_of_the_photo_once_at_twice_its_drawn_size(doc):
    pixels = round(S.title_photo * PHOTO_PIXELS_PER_POINT)
    for options in (PdfOptions(), PdfOptions(pages=Pages.TILES, paper="A4", scale=1.6, index=False)):
        result = to_pdf(doc, options)
        reader = PdfReader(io.BytesIO(result.data))
        shown = [(page_number, picture) for page_number, page in enumerate(reader.pages) for picture in page.images]
        assert len(shown) == 1  # on the sheet that shows the photo's place only
        sizes = {picture.image.size for _, picture in shown}
        assert sizes == {(pixels, pixels)}
        middle = shown[0][1].image.convert("RGB").getpixel((pixels // 2, 4))
        assert all(abs(a - b) < 16 for a, b in zip(middle, TEAL))  # the middle square, cut from the tall photo
        assert len(re.findall(rb"/Subtype\s*/Image", result.data)) == 1
        assert len(result.data) < 200_000


def test_a_photo_that_cannot_be_decoded_is_a_placeholder_in_the_pdf(doc):
    broken = doc.model_copy(deep=True)
    broken.personas[0].photo = Photo(media_type="image/jpeg", data=base64.b64encode(b"\xff\xd8\xff" + b"\0" * 80))
    result = to_pdf(broken)
    reader = PdfReader(io.BytesIO(result.data))
    assert not [picture for page in reader.pages for picture in page.images]
    initials = "".join(word[0] for word in broken.personas[0].name.split()[:2]).upper()
    assert initials in reader.pages[0].extract_text()


def test_the_png_and_the_svg_show_the_photo(doc, qapp):
    photo = compute_layout(doc).title_photo
    png = Image.open(io.BytesIO(render_png(doc, scale=2))).convert("RGB")
    for x, y in [(photo.rect.center.x, photo.rect.center.y), (photo.rect.center.x, photo.rect.y + 3)]:
        assert all(abs(a - b) < 16 for a, b in zip(png.getpixel((round(x * 2), round(y * 2))), TEAL)), (x, y)
    svg = render_svg(doc).decode()
    assert len(re.findall(r"<image\b", svg)) == 1
