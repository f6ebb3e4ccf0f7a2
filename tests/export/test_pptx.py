"""The PowerPoint deck: its slides in order, a stage's cards as one native shape each with its title,
PT Sans named with fallbacks, the funnel chart's figures, a sharp map picture, a huge stage split
over slides, the command line; and the deck opened by LibreOffice Impress (converted to PDF once for
the module), in which every stage name and card title of the Russian demo can be read."""

import base64
import io
import re
import shutil
import subprocess
from datetime import date

import pdfplumber
import pytest
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu

from cjm_designer import cli
from cjm_designer.export import Cancelled
from cjm_designer.export.pptx_deck import to_pptx
from cjm_designer.export.pptx_stage import MAX_SLIDES, SLIDE_H, SLIDE_W
from cjm_designer.io import load
from cjm_designer.layout import palette
from cjm_designer.map_export import ExportResult
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, Photo, Stage
from cjm_designer.model.analytics import funnel
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from cjm_designer.ui.export_notice import exported_text

DEMO = templates_dir() / "window-installation.ru.cjm"
DAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def demo():
    return load(DEMO)


@pytest.fixture(scope="module")
def deck_bytes(demo):
    return to_pptx(demo, day=DAY).data


@pytest.fixture(scope="module")
def deck(deck_bytes):
    return Presentation(io.BytesIO(deck_bytes))


@pytest.fixture(scope="module")
def impress_pdf(deck_bytes, tmp_path_factory):
    """The deck converted to PDF by LibreOffice Impress, headless: the PDF's path."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `python3 tools/install_debian_packages.py` (libreoffice-impress)"
    folder = tmp_path_factory.mktemp("impress")
    (folder / "deck.pptx").write_bytes(deck_bytes)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder / 'profile'}",
                    "--convert-to", "pdf", "--outdir", str(folder), str(folder / "deck.pptx")],
                   check=True, timeout=120, capture_output=True)
    return folder / "deck.pdf"


def first_stage(demo) -> int:
    """The first stage slide's index: after the title, a slide a persona and the map's picture."""
    return 1 + len(demo.personas) + 1


def slide_count(doc, picture: bool = True) -> int:
    """Title, personas, the map's picture, the stages (one slide each in the templates), funnel, analytics."""
    return 1 + len(doc.personas) + picture + len(doc.stages) + 2


def squeezed(text: str) -> str:
    """Text without white space or soft hyphens: a title wrapped over lines reads the same."""
    return re.sub(r"[\s\u00ad]+", "", text)


def card_shapes(slide) -> dict[str, object]:
    return {shape.name.removeprefix("card "): shape for shape in slide.shapes if shape.name.startswith("card ")}


def slide_text(slide) -> str:
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_the_deck_is_16_9_in_the_order_a_presentation_goes(deck, demo):
    assert (deck.slide_width, deck.slide_height) == (Emu(int(SLIDE_W * 12700)), Emu(int(SLIDE_H * 12700)))
    slides = list(deck.slides)
    # title, personas, the map, the stages, the funnel, the analytics
    assert len(slides) == slide_count(demo)
    assert demo.meta.title in slide_text(slides[0]) and "02.12.2026" in slide_text(slides[0])
    assert demo.personas[0].name in slide_text(slides[1])
    assert any(shape.shape_type == 13 for shape in slides[first_stage(demo) - 1].shapes)  # the map's picture
    for stage, slide in zip(demo.stages, slides[first_stage(demo):first_stage(demo) + len(demo.stages)]):
        assert stage.name in slide_text(slide)
    assert slides[-2].shapes[-1].has_chart or any(shape.has_chart for shape in slides[-2].shapes)
    assert "Аналитика карты" in slide_text(slides[-1])


def test_a_stage_slide_has_one_editable_shape_per_card_with_its_title(deck, demo):
    emotions = {lane.id for lane in demo.lanes if lane.kind == LaneKind.EMOTIONS}
    for stage, slide in zip(demo.stages, list(deck.slides)[first_stage(demo):]):
        cards = [card for card in demo.cards if card.stage == stage.id and card.lane not in emotions]
        shapes = card_shapes(slide)
        assert sorted(shapes) == sorted(card.id for card in cards)
        for card in cards:
            shape = shapes[card.id]
            assert shape.text_frame.paragraphs[0].text == card.title  # the title whole, editable as text
            assert shape.auto_shape_type == 5  # a rounded rectangle
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height
        for card in demo.cards:  # the emotions lane's points are named under their dots
            if card.stage == stage.id and card.lane in emotions and card.emotion is not None:
                assert card.title in slide_text(slide)


def test_the_emotion_curve_and_the_links_are_native_shapes(deck, demo):
    stage_slide = list(deck.slides)[first_stage(demo)]
    freeforms = [shape for shape in stage_slide.shapes if shape.shape_type == 5]  # MSO_SHAPE_TYPE.FREEFORM
    assert freeforms, "the emotion curve is a freeform"
    connectors = [shape for shape in stage_slide.shapes if shape._element.tag == qn("p:cxnSp")]
    inside = {card.id for card in demo.cards if card.stage == demo.stages[0].id}
    expected = [link for link in demo.links if link.source in inside and link.target in inside
                and {link.source, link.target} <= set(card_shapes(stage_slide))]
    assert len(connectors) == len(expected) > 0


def labelled_links(slide, demo) -> list[tuple[object, object]]:
    """Each labelled link drawn on the slide (both its cards there), with its label's shape."""
    cards = card_shapes(slide)
    labels = {shape.name.removeprefix("link label "): shape for shape in slide.shapes
              if shape.name.startswith("link label ")}
    drawn = [link for link in demo.links if link.label.strip() and {link.source, link.target} <= set(cards)]
    assert set(labels) == {link.id for link in drawn}
    return [(link, labels[link.id]) for link in drawn]


def text_area(shape) -> tuple[float, float, float, float]:
    """Where a shape's text may be: inside its frame's margins, in points."""
    frame = shape.text_frame
    return ((shape.left + frame.margin_left) / 12700, (shape.top + frame.margin_top) / 12700,
            (shape.left + shape.width - frame.margin_right) / 12700,
            (shape.top + shape.height - frame.margin_bottom) / 12700)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_each_link_label_is_drawn_on_white_on_its_connector_over_every_line_and_no_cards_text(deck, demo):
    seen = 0
    for slide in list(deck.slides)[first_stage(demo):]:
        shapes = list(slide.shapes)
        connectors = {shape.name: shape for shape in shapes if shape._element.tag == qn("p:cxnSp")}
        cards = card_shapes(slide).values()
        for link, label in labelled_links(slide, demo):
            assert label.text_frame.text == link.label
            connector = connectors[link.label]
            assert label.left + label.width / 2 == pytest.approx((connector.begin_x + connector.end_x) / 2, abs=12700)
            box = [v / 12700 for v in (label.left, label.top, label.left + label.width, label.top + label.height)]
            assert not any(overlap(box, text_area(card)) for card in cards), link.label
            assert label.width <= 12700 * 125 and label.fill.fore_color.rgb == RGBColor(0xFF, 0xFF, 0xFF)
            color = palette.LINK_STYLES[link.kind.value][0].lstrip("#").upper()
            assert {str(run.font.color.rgb) for paragraph in label.text_frame.paragraphs
                    for run in paragraph.runs} == {color}
            assert shapes.index(label) > max(shapes.index(line) for line in connectors.values())
            seen += 1
    assert seen >= 5


def test_every_run_names_pt_sans_with_its_fallbacks(deck):
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert len(runs) > 200
    for run in runs:
        properties = run._r.find(qn("a:rPr"))
        latin = properties.find(qn("a:latin"))
        assert latin.get("typeface") == "PT Sans" and latin.get("pitchFamily") == "34" and latin.get("panose")
        assert properties.find(qn("a:ea")) is not None and properties.find(qn("a:cs")) is not None
        assert properties.get("lang") == "ru-RU"


def test_the_funnel_chart_has_the_figures_of_the_report(deck, demo):
    chart = next(shape.chart for shape in list(deck.slides)[-2].shapes if shape.has_chart)
    values = list(chart.plots[0].series[0].values)
    assert values == [step.entering for step in funnel(demo).steps]
    assert [c.split("\n")[0] for c in chart.plots[0].categories] == [stage.name for stage in demo.stages]


def test_the_map_picture_is_sharp_where_it_stands(deck, demo):
    picture = next(shape for shape in list(deck.slides)[first_stage(demo) - 1].shapes if shape.shape_type == 13)
    width_px = Image.open(io.BytesIO(picture.image.blob)).width
    assert width_px / (picture.width / 914400) >= 250  # pixels an inch on the slide


def test_a_huge_stage_goes_on_several_slides_and_stays_on_them():
    doc = generate_map(400, stages=2, lanes=3, links=0)
    crowded = [card.model_copy(update={"stage": "s0"}) for card in doc.cards[:300]]
    doc.cards[:300] = crowded
    made = to_pptx(doc, picture=False)
    deck = Presentation(io.BytesIO(made.data))
    stage_slides = [slide for slide in deck.slides if "Этап 1" in slide_text(slide) and card_shapes(slide)]
    assert 2 <= len(stage_slides) <= MAX_SLIDES
    assert "(1/" in slide_text(stage_slides[0])
    for slide in stage_slides:
        for shape in card_shapes(slide).values():
            assert shape.top + shape.height <= deck.slide_height and shape.left + shape.width <= deck.slide_width
    shown = sum(len(card_shapes(slide)) for slide in stage_slides)
    drawn = [c for c in doc.cards if c.stage == "s0" and doc.lanes[[lane.id for lane in doc.lanes].index(c.lane)]
             .kind != LaneKind.EMOTIONS]
    left_out = len(drawn) - shown
    if left_out:
        assert made.notes and f"… ещё {left_out}" in slide_text(stage_slides[-1])


def test_a_long_card_title_is_kept_whole_and_its_text_shortened(demo):
    doc = demo.model_copy(deep=True)
    card = next(c for c in doc.cards if c.lane == "lane-buyer")
    card.title = "Очень длинное название карточки " * 5
    card.text = "Текст карточки, который не помещается в несколько строк. " * 10
    deck = Presentation(io.BytesIO(to_pptx(doc, picture=False).data))
    shape = next(card_shapes(slide)[card.id] for slide in deck.slides if card.id in card_shapes(slide))
    assert shape.text_frame.paragraphs[0].text == card.title
    assert shape.text_frame.paragraphs[1].text.endswith("…")
    assert shape.text_frame._bodyPr.find(qn("a:normAutofit")) is not None  # the viewer shrinks what overflows


def test_the_command_line_writes_a_deck(tmp_path, capsys, demo):
    out = tmp_path / "deck.pptx"
    assert cli.main(["export", str(DEMO), "-o", str(out)]) == 0
    slides = slide_count(demo)
    assert capsys.readouterr().out.strip().endswith(f"pptx, {slides} slides, {out.stat().st_size:,} bytes")
    assert len(Presentation(str(out)).slides) == slides


def test_impress_shows_every_stage_name_and_every_card_title_in_its_shape(impress_pdf, demo, deck):
    """Each card's title is read, by Impress's rendering, inside the box of the shape that holds it
    (a card, or the caption under an emotion's dot) on its stage's slide."""
    slides = list(deck.slides)
    with pdfplumber.open(impress_pdf) as pdf:
        assert len(pdf.pages) == len(slides)
        assert (pdf.pages[0].width, pdf.pages[0].height) == pytest.approx((SLIDE_W, SLIDE_H), abs=1)
        everything = squeezed(" ".join(page.extract_text() or "" for page in pdf.pages))
        for stage in demo.stages:
            assert squeezed(stage.name) in everything
        for index, stage in enumerate(demo.stages, first_stage(demo)):
            page, slide = pdf.pages[index], slides[index]
            assert squeezed(stage.name) in squeezed(page.extract_text())
            for card in (c for c in demo.cards if c.stage == stage.id):
                shape = card_shapes(slide).get(card.id) or next(
                    s for s in slide.shapes if s.has_text_frame and s.text_frame.text == card.title)
                box = [v / 12700 for v in (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)]
                inside = page.crop((box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2)).extract_text()
                assert squeezed(card.title) in squeezed(inside), (stage.name, card.title, inside)


def test_impress_shows_each_link_label_where_it_stands(impress_pdf, demo, deck):
    slides = list(deck.slides)
    with pdfplumber.open(impress_pdf) as pdf:
        for page, slide in list(zip(pdf.pages, slides))[first_stage(demo):]:
            for link, label in labelled_links(slide, demo):
                box = [v / 12700 for v in (label.left, label.top, label.left + label.width, label.top + label.height)]
                inside = page.crop((box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2)).extract_text()
                assert squeezed(link.label) in squeezed(inside), (link.label, inside)


def test_a_card_without_markers_or_text_is_a_title_only(demo):
    doc = demo.model_copy(deep=True)
    doc.cards.append(Card(id="bare", stage=doc.stages[0].id, lane="lane-buyer", title="Просто карточка"))
    deck = Presentation(io.BytesIO(to_pptx(doc, picture=False).data))
    shape = next(card_shapes(slide)["bare"] for slide in deck.slides if "bare" in card_shapes(slide))
    assert [p.text for p in shape.text_frame.paragraphs] == ["Просто карточка"]


def test_a_persona_photo_is_cropped_square_and_shown_round(demo):
    doc = demo.model_copy(deep=True)
    out = io.BytesIO()
    Image.new("RGB", (300, 200), "#3366CC").save(out, "PNG")
    doc.personas[0].photo = Photo(media_type="image/png", data=base64.b64encode(out.getvalue()).decode())
    deck = Presentation(io.BytesIO(to_pptx(doc, picture=False).data))
    picture = next(shape for shape in list(deck.slides)[1].shapes if shape.shape_type == 13)
    assert Image.open(io.BytesIO(picture.image.blob)).size == (200, 200)
    assert picture.auto_shape_type == 9  # an oval


def test_progress_is_told_each_slide_and_can_stop_the_export(demo):
    told = []
    to_pptx(demo, picture=False, progress=lambda done, total: told.append((done, total)) or True)
    slides = slide_count(demo, picture=False)
    assert told == [(n, slides) for n in range(1, slides + 1)]
    with pytest.raises(Cancelled):
        to_pptx(demo, picture=False, progress=lambda done, total: done < 3)


def test_the_status_bar_counts_slides(qapp, tmp_path):
    result = ExportResult(tmp_path / "deck.pptx", "pptx", 100, slides=11)
    # "slide(s)" until a translator gives the English plural forms
    assert exported_text(result) == f"Exported to deck.pptx (11 slide(s)) in {tmp_path}"


def test_a_personas_own_emotion_curve_is_drawn_in_its_colour(demo):
    doc = demo.model_copy(deep=True)
    persona = doc.personas[0]
    points = [card for card in doc.cards if card.lane == "lane-emotions"]
    for card in points[0::2]:  # every other stage's point becomes the persona's, the rest stay the map's
        card.persona = persona.id
    layout_color = palette.persona_colors(doc.personas)[persona.id]
    deck = Presentation(io.BytesIO(to_pptx(doc, picture=False).data))
    stage_slide = list(deck.slides)[2 + 3]  # after the title and the persona: the third stage, both curves cross it
    colours = {str(shape.line.color.rgb) for shape in stage_slide.shapes if shape.shape_type == 5}
    assert layout_color.lstrip("#").upper() in colours and palette.CURVE.lstrip("#").upper() in colours


def drawn_ends(connector) -> tuple[tuple[float, float], tuple[float, float], bool]:
    """Where a connector starts and ends on the slide (in EMU) and whether its first leg runs up or
    down, with its quarter turn and flips applied as PowerPoint applies them (flips, then the turn)."""
    xfrm = connector._element.spPr.xfrm
    w, h = xfrm.ext.cx, xfrm.ext.cy
    cx, cy = xfrm.off.x + w / 2, xfrm.off.y + h / 2
    sx = -w / 2 * (-1 if xfrm.get("flipH") == "1" else 1)
    sy = -h / 2 * (-1 if xfrm.get("flipV") == "1" else 1)
    turned = xfrm.get("rot") == "5400000"
    if turned:  # a quarter turn clockwise: (x, y) -> (-y, x)
        sx, sy = -sy, sx
    straight = connector._element.spPr.prstGeom.get("prst") == "line"
    return (cx + sx, cy + sy), (cx - sx, cy - sy), straight or turned


def test_links_between_cards_above_each_other_go_down_first():
    """A stage slide reads top to bottom: a link between a card and one below it is a straight line down
    when they stand one above the other, else an elbow that leaves and enters them vertically; each
    starts at its source's edge and ends at its target's."""
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Stage"))
    for lane in ("a", "b"):
        doc.add_lane(Lane(id=lane, name=lane, kind=LaneKind.BUYER_ACTIONS))
        for i in range(7):  # two rows of cards in each lane on the slide
            doc.add_card(Card(id=f"{lane}{i}", stage="s", lane=lane, title=f"Card {lane}{i}", text="Text " * 12))
    pairs = {"down-left": ("a1", "b0"), "up-right": ("b2", "a3"), "down": ("a4", "b0"), "up": ("b5", "a5")}
    for name, (source, target) in pairs.items():
        doc.add_link(Link(id=name, source=source, target=target))
    slide = list(Presentation(io.BytesIO(to_pptx(doc, picture=False).data)).slides)[1]
    cards = card_shapes(slide)
    connectors = [shape for shape in slide.shapes if shape._element.tag == qn("p:cxnSp")]
    assert len(connectors) == len(pairs)
    for (name, (source, target)), connector in zip(pairs.items(), connectors):
        start, end, vertical_first = drawn_ends(connector)
        down = name.startswith("down")
        for (x, y), card, edge in ((start, cards[source], down), (end, cards[target], not down)):
            assert x == pytest.approx(card.left + card.width / 2, abs=2) and \
                y == pytest.approx(card.top + card.height * edge, abs=2), name  # its bottom or top middle
        assert vertical_first, name
        assert (start[0] == pytest.approx(end[0], abs=2)) == (name in ("down", "up")), name
