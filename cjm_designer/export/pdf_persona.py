"""The persona pages of a PDF: photo (or initials), name, key facts, quote, and goals, pains, habits and
interests in a grid that fills the page; written in the map's language."""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..layout import Rect, TextLine, palette
from ..layout.palette import LINK_STYLES
from ..layout.text import TextStyle
from ..model import Persona, numbers
from ..model.captions import caption
from ..model.elements import MAX_PHOTO_PIXELS
from ..model.plain import one_line
from .pdf_boxes import as_a4, block, fill_heights, frame, text_box, tint
from .pdf_text import draw_lines

PHOTO_PIXELS = 1024  # a photo is kept at most this many pixels a side


def persona_photos(personas: list[Persona]) -> tuple[dict[str, Image.Image], list[str]]:
    """The personas' photos decoded, by persona id, and a note for each that cannot be shown.

    A photo's bytes only passed a signature check when the map was read: it may be truncated, not
    an image at all, or a few kilobytes that decode to gigabytes. So its size is read from its
    header first and a photo over MAX_PHOTO_PIXELS is refused before it is decoded; what is kept is
    scaled down to PHOTO_PIXELS a side, more than a 96-point photo needs in print."""
    photos, notes = {}, []
    too_large = f"more than the {MAX_PHOTO_PIXELS // 1_000_000} megapixels a photo may have; it is left out"
    for persona in personas:
        if persona.photo is None:
            continue
        who = f"the photo of the persona {one_line(repr(persona.name), 80)}"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked here
                image = Image.open(io.BytesIO(persona.photo.image_bytes()))
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                notes.append(f"{who} is {width:,} × {height:,} pixels, {too_large}")
                continue
            image.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
            photos[persona.id] = image.convert("RGBA" if _has_alpha(image) else "RGB")
        except UnidentifiedImageError:
            notes.append(f"{who} is not an image that can be read (its data is damaged); it is left out")
        except Image.DecompressionBombError:
            notes.append(f"{who} has {too_large}")
        except Exception as error:  # Pillow's decoders fail in many ways (OSError, ValueError, SyntaxError...)
            notes.append(f"{who} cannot be decoded ({one_line(str(error), 120) or type(error).__name__}); "
                         "it is left out")
    return photos, notes


def _has_alpha(image: Image.Image) -> bool:
    return "A" in image.getbands() or "transparency" in image.info


PERSONA_SECTIONS = (  # field, caption, accent: goals and pains always shown, the others when given
    ("goals", "goals", palette.KPI_MET), ("pains", "persona_pains", palette.PAIN),
    ("habits", "habits", LINK_STYLES["call"][0]), ("interests", "interests", LINK_STYLES["email"][0]))
NAME, SUBTITLE = TextStyle(19, bold=True), TextStyle(11)
FACT_LABEL, FACT = TextStyle(7.5, bold=True), TextStyle(10.5)
QUOTE, QUOTE_MARK = TextStyle(13), TextStyle(44, bold=True)
SECTION_HEADING = TextStyle(11.5, bold=True)
QUOTATION_MARKS = ("«", "“", "„", '"', "'", "‘", "‚")


def draw_personas(pdf: Canvas, personas: list[Persona], language: str, page: tuple[float, float],
                  photos: dict[str, Image.Image]) -> None:
    """Each persona as a profile that fills its share of the page, laid out as persona sheets are
    (UXPressia, Smaply): photo, name and key facts, quote, then goals, pains, habits and interests in
    a grid. Two personas share a page side by side. The caller gives each page its personas and their
    photos from `persona_photos`; a persona missing from them is shown by its initials."""
    margin, top, gap = 40, 46, 20
    pdf.saveState()
    page = as_a4(pdf, page)
    area = Rect(margin, top, page[0] - 2 * margin, page[1] - top - margin - 6)
    shown = personas[:2]
    width = (area.w - gap * (len(shown) - 1)) / max(len(shown), 1)
    for i, persona in enumerate(shown):
        box = Rect(area.x + i * (width + gap), area.y, width, area.h)
        profile = _profile_wide if box.w > box.h * 1.2 else _profile_tall
        profile(pdf, persona, language, box, photos.get(persona.id))
    pdf.restoreState()


def _profile_wide(pdf: Canvas, persona: Persona, language: str, box: Rect, photo: Image.Image | None) -> None:
    """A sidebar with the photo, name and facts; the quote and the sections in the rest."""
    pad = 18
    side = Rect(box.x, box.y, min(max(box.w * 0.3, 180), 250), box.h)
    width = side.w - 2 * pad
    diameter = min(width - 30, box.h * 0.3, 150)
    name, name_h = block(persona.name, NAME, width, 3 * NAME.line_height, center=True)
    subtitle, subtitle_h = block(persona.occupation, SUBTITLE, width, 2 * SUBTITLE.line_height, palette.MUTED,
                                 name_h + 2, True)
    text_h = name_h + 2 + subtitle_h
    facts, facts_h = fact_lines(_facts(persona, language, 1), width, box.h - 2 * pad - diameter - text_h - 40)
    top = side.y + max(pad, (side.h - diameter - 16 - text_h - 24 - facts_h) / 3)
    frame(pdf, side, tint(palette.CURVE, 0.1), None)
    _photo(pdf, photo, persona.name, side.x + side.w / 2, top + diameter / 2, diameter)
    top += diameter + 16
    draw_lines(pdf, name + subtitle, side.x + pad, top)
    if facts:
        pdf.setStrokeColor(HexColor(tint(palette.CURVE, 0.35)))
        pdf.setLineWidth(0.8)
        pdf.line(side.x + pad, top + text_h + 12, side.right - pad, top + text_h + 12)
        draw_lines(pdf, facts, side.x + pad, top + text_h + 24)
    main = Rect(side.right + 18, box.y, box.right - side.right - 18, box.h)
    y = main.y
    if persona.quote:
        y += _quote(pdf, persona.quote, language, Rect(main.x, main.y, main.w, main.h * 0.3)) + 14
    _sections(pdf, persona, language, Rect(main.x, y, main.w, main.bottom - y), 2, (13, 12, 11, 10.5))


def _profile_tall(pdf: Canvas, persona: Persona, language: str, box: Rect, photo: Image.Image | None) -> None:
    """A band with the photo beside the name and facts; the quote and the sections below it."""
    pad, name_style = 16, TextStyle(16, bold=True)
    diameter = min(120.0, box.w * 0.22)
    text_x = box.x + pad + diameter + 16
    width = box.right - pad - text_x
    name, name_h = block(persona.name, name_style, width, 2 * name_style.line_height)
    subtitle, subtitle_h = block(persona.occupation, TextStyle(10), width, 2 * 12.5, palette.MUTED, name_h + 1)
    facts, facts_h = fact_lines(_facts(persona, language, 2 if width > 200 else 1), width, box.h * 0.3)
    text_h = name_h + subtitle_h + 8 + facts_h
    band = Rect(box.x, box.y, box.w, max(diameter, text_h) + 2 * pad)
    frame(pdf, band, tint(palette.CURVE, 0.1), None)
    _photo(pdf, photo, persona.name, box.x + pad + diameter / 2, band.y + band.h / 2, diameter)
    top = band.y + (band.h - text_h) / 2
    draw_lines(pdf, name + subtitle, text_x, top)
    draw_lines(pdf, facts, text_x, top + name_h + subtitle_h + 8)
    y = band.bottom + 12
    if persona.quote:
        y += _quote(pdf, persona.quote, language, Rect(box.x, y, box.w, (box.bottom - y) * 0.3)) + 12
    sizes = (13, 12, 11, 10.5, 10, 9.5, 9) if box.w > 450 else (11, 10.5, 10, 9.5, 9)
    _sections(pdf, persona, language, Rect(box.x, y, box.w, box.bottom - y), 2 if box.w > 320 else 1, sizes)


def _facts(persona: Persona, language: str, columns: int) -> list[list[tuple[str, str]]]:
    """The key facts in rows: age and gender side by side when there are two columns, the place
    (often long) on a row of its own."""
    short = [(caption(key, language), value) for key, value in
             (("age", "" if persona.age is None else str(persona.age)), ("gender", persona.gender)) if value]
    rows = [short[i:i + columns] for i in range(0, len(short), columns)]
    return rows + ([[(caption("geography", language), persona.geography)]] if persona.geography else [])


def fact_lines(rows: list[list[tuple[str, str]]], width: float, height: float) -> tuple[list[TextLine], float]:
    """Key facts as small capital labels over their values, as many rows as `height` holds; the
    lines and the height they take."""
    gap = 12
    lines: list[TextLine] = []
    y = 0.0
    for row in rows:
        column_w = (width - gap * (len(row) - 1)) / len(row)
        cells = []
        for i, (name, value) in enumerate(row):
            label, label_h = block(name.upper(), FACT_LABEL, column_w, FACT_LABEL.line_height, palette.MUTED, y)
            shown, shown_h = block(value, FACT, column_w, 3 * FACT.line_height, palette.INK, y + label_h)
            cells.append(([line._replace(x=line.x + i * (column_w + gap)) for line in label + shown],
                          label_h + shown_h))
        row_h = max(h for _, h in cells)
        if y + row_h > height:
            break
        lines += [line for cell, _ in cells for line in cell]
        y += row_h + 8
    return lines, max(y - 8, 0)


def _photo(pdf: Canvas, image: Image.Image | None, name: str, cx: float, cy: float, diameter: float) -> None:
    """The photo filling a circle (the whole image is embedded, its middle shows), or the persona's
    initials on a tinted disc when there is none."""
    radius = diameter / 2
    pdf.saveState()
    if image is not None:
        clip = pdf.beginPath()
        clip.circle(cx, cy, radius)
        pdf.clipPath(clip, stroke=0, fill=0)
        width, height = (side * diameter / min(image.size) for side in image.size)
        pdf.translate(cx - width / 2, cy + height / 2)
        pdf.scale(1, -1)
        pdf.drawImage(ImageReader(image), 0, 0, width, height, mask="auto")
    else:
        pdf.setFillColor(HexColor(tint(palette.CURVE, 0.55)))
        pdf.circle(cx, cy, radius, stroke=0, fill=1)
        style = TextStyle(round(diameter * 0.34, 1), bold=True)
        text = _initials(name)
        draw_lines(pdf, (TextLine(text, -style.width(text) / 2, style.size * 0.35, style.size, True),), cx, cy,
                   HexColor("#FFFFFF"))
    pdf.restoreState()
    pdf.setStrokeColor(HexColor("#FFFFFF"))
    pdf.setLineWidth(3)
    pdf.circle(cx, cy, radius, stroke=1, fill=0)


def _initials(name: str) -> str:
    letters = (next((c for c in word if c.isalpha()), "") for word in name.split())
    return "".join(letters)[:2].upper()


def _quote(pdf: Canvas, quote: str, language: str, box: Rect) -> float:
    """The persona's own words in quotation marks (theirs when they were typed, so never doubled) in
    a tinted band after a large quotation mark; the band's height."""
    pad, indent = 14, 34
    if not quote.lstrip().startswith(QUOTATION_MARKS):
        quote = caption("quote", language).format(quote=quote.strip())
    lines, text_h = block(quote, QUOTE, box.w - 2 * pad - indent, box.h - 2 * pad)
    height = max(text_h, 30) + 2 * pad
    frame(pdf, box._replace(h=height), tint(palette.CURVE, 0.08), None)
    pdf.setFillColor(HexColor(palette.CURVE))
    pdf.rect(box.x, box.y + 6, 3, height - 12, stroke=0, fill=1)
    draw_lines(pdf, (TextLine("“", 0, QUOTE_MARK.size * 0.8, QUOTE_MARK.size, True),), box.x + pad, box.y + pad,
               HexColor(palette.CURVE))
    draw_lines(pdf, lines, box.x + pad + indent, box.y + pad + (height - 2 * pad - text_h) / 2)
    return height


def _sections(pdf: Canvas, persona: Persona, language: str, box: Rect, columns: int,
              sizes: tuple[float, ...]) -> None:
    """Goals, pains, habits and interests in cards, `columns` to a row, in the largest of `sizes`
    at which all of it fits, the rows sharing the height by how much each has to say; a lone last
    card takes the whole row."""
    items = [(caption(key, language), getattr(persona, field), accent) for field, key, accent in PERSONA_SECTIONS
             if field in ("goals", "pains") or getattr(persona, field)]
    rows = [items[i:i + columns] for i in range(0, len(items), columns)]
    gap, pad = 12, 14
    available = box.h - gap * (len(rows) - 1)
    for size in sizes:
        style = TextStyle(size)
        wanted = []
        for row in rows:
            width = (box.w - gap * (len(row) - 1)) / len(row) - 2 * pad
            wanted.append(max(block(text, style, width, 10_000)[1] for _, text, _ in row)
                          + SECTION_HEADING.line_height + 10 + 2 * pad)
        if sum(wanted) <= available:
            break
    y = box.y
    for row, height in zip(rows, fill_heights(available, wanted)):
        width = (box.w - gap * (len(row) - 1)) / len(row)
        for i, (heading, text, accent) in enumerate(row):
            _section(pdf, Rect(box.x + i * (width + gap), y, width, height), heading, text, accent, style)
        y += height + gap


def _section(pdf: Canvas, box: Rect, heading: str, text: str, accent: str, style: TextStyle) -> None:
    pad = 14
    frame(pdf, box)
    pdf.setFillColor(HexColor(accent))
    pdf.roundRect(box.x + pad, box.y + pad + 2, 4, SECTION_HEADING.size, 1.5, stroke=0, fill=1)
    inner = Rect(box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad)
    text_box(pdf, heading, SECTION_HEADING, Rect(inner.x + 11, inner.y, inner.w - 11, SECTION_HEADING.line_height))
    body = Rect(inner.x, inner.y + SECTION_HEADING.line_height + 10, inner.w, 0)
    text_box(pdf, text or numbers.MISSING, style, body._replace(h=inner.bottom - body.y),
             palette.INK if text else palette.MUTED)
