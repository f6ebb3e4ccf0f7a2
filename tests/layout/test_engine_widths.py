"""Cards take their stage's width (a wider stage re-wraps their text), and a persona's photo stands
beside the map's title."""

import base64
import io

import pytest
from PIL import Image

from cjm_designer.io import load
from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import LayoutMemo, compute_layout, relayout_cards
from cjm_designer.layout.text import metrics
from cjm_designer.model import Card, JourneyMap, Lane, Persona, Photo, Stage
from cjm_designer.paths import templates_dir
from tests.layout.test_relayout import shown

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
TEXT = "Звонит в офис, чтобы узнать цену и сроки установки окон в квартире " * 2


def grid(stages: int = 2) -> JourneyMap:
    doc = JourneyMap()
    for i in range(stages):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
    doc.add_lane(Lane(id="l0", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="l1", name="Продавец", kind="seller_actions"))
    return doc


def jpeg(width: int = 40, height: int = 40) -> Photo:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "JPEG")
    return Photo(media_type="image/jpeg", data=base64.b64encode(out.getvalue()).decode())


def test_widening_a_stage_widens_its_cards_and_their_text_takes_fewer_lines():
    doc = grid()
    doc.add_card(Card(id="c", stage="s0", lane="l0", title="Звонок в офис", text=TEXT))
    narrow = compute_layout(doc).cards["c"]
    doc.stage("s0").width = 380
    wide = compute_layout(doc).cards["c"]
    assert narrow.rect.w == S.card_width
    assert wide.rect.w == 380 - 2 * S.cell_padding  # one column, the whole stage's width
    assert len(wide.lines) < len(narrow.lines) and wide.rect.h < narrow.rect.h
    assert max(line.x + S.card_text.width(line.text) for line in wide.lines) > S.card_width  # text uses the room


@pytest.mark.parametrize("width", [212, 300, 405, 406, 620, 1234])
def test_the_cards_of_a_stage_share_its_width_in_as_many_columns_as_narrowest_cards_fit(width):
    doc = grid()
    doc.stage("s1").width = width
    for i in range(7):
        doc.add_card(Card(id=f"a{i}", stage="s1", lane="l0", title=f"Карточка {i}", channel="phone", owner="seller",
                          quality=3, emotion=1, pain=True))
    doc.add_card(Card(id="b", stage="s1", lane="l1", title="Другая дорожка"))
    layout = compute_layout(doc)
    inner = width - 2 * S.cell_padding
    columns = int((inner + S.card_gap) // (S.card_width + S.card_gap))
    boxes = [layout.cards[f"a{i}"] for i in range(7)]
    first_row = [box for box in boxes if box.rect.y == boxes[0].rect.y]
    assert len(first_row) == min(columns, 7)
    for box in boxes + [layout.cards["b"]]:  # one width in every lane of the stage
        assert box.rect.w == pytest.approx((inner - (columns - 1) * S.card_gap) / columns)
        assert S.card_width <= box.rect.w < 2 * S.card_width + S.card_gap
        assert all(0 <= m.rect.x and m.rect.right <= box.rect.w for m in box.markers)
    column = layout.stages["s1"].column
    assert first_row[-1].rect.right == pytest.approx(column.right - S.cell_padding)  # no room left over


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_in_each_template_a_widened_stage_has_wider_cards_whose_text_fits(path):
    doc = load(path)
    stage = doc.stages[0]
    narrow = compute_layout(doc)
    stage.width = 400
    layout = compute_layout(doc)
    boxes = [box for box in layout.cards.values() if box.stage_id == stage.id and not box.compact]
    for box in boxes:
        assert box.rect.w == 400 - 2 * S.cell_padding
        assert len(box.lines) <= len(narrow.cards[box.card_id].lines)
        for line in box.lines:
            assert line.x + metrics(line.bold).width(line.text, line.size) <= box.rect.w - S.card_padding + 0.01
        assert all(0 <= m.rect.x and m.rect.right <= box.rect.w for m in box.markers)
        cell = layout.cells[(box.stage_id, box.lane_id)]
        assert cell.x <= box.rect.x and box.rect.right <= cell.right and box.rect.bottom <= cell.bottom
    rects = [box.rect for box in layout.cards.values()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_a_previewed_width_lays_out_as_that_width_set():
    doc = load(templates_dir() / "five-stages.ru.cjm")
    stage = doc.stages[2]
    previewed = compute_layout(doc, stage_widths={stage.id: 437})
    stage.width = 437
    assert shown(previewed) == shown(compute_layout(doc))


def test_cards_alike_in_one_cell_share_one_face_measured_as_a_card_alone():
    """A cell's new faces are measured together (their lines counted in one pass): two cards alike in
    it get one face, as tall as that card alone in a cell, and the texts between keep their own."""
    doc = grid()
    for card_id, text in (("a", TEXT), ("b", "Коротко"), ("c", TEXT), ("d", "")):
        doc.add_card(Card(id=card_id, stage="s0", lane="l0", title="Звонок", text=text))
    doc.add_card(Card(id="alone", stage="s1", lane="l1", title="Звонок", text=TEXT))
    memo = LayoutMemo()
    layout = compute_layout(doc, S, memo)
    cards = layout.cards
    assert cards["a"].face is cards["c"].face is cards["alone"].face
    assert len(memo.faces) == 3
    assert cards["a"].rect.h > cards["b"].rect.h > cards["d"].rect.h


def test_faces_are_remembered_by_width_and_a_previewed_layout_is_never_relaid_in_part():
    doc = grid()
    doc.add_card(Card(id="c", stage="s0", lane="l0", title="Звонок", text=TEXT))
    doc.add_card(Card(id="d", stage="s1", lane="l0", title="Звонок", text=TEXT))  # the same content
    memo = LayoutMemo()
    same = compute_layout(doc, S, memo)
    assert same.cards["c"].face is same.cards["d"].face
    wide = compute_layout(doc, S, memo, {"s1": 500})
    assert wide.cards["c"].face is not wide.cards["d"].face
    assert wide.cards["d"].rect.h < wide.cards["c"].rect.h
    doc.card("c").title = "Звонок в офис"  # an edit after a preview: the map's own widths again
    relaid = relayout_cards(doc, ["c"], S, memo)
    assert relaid.full and relaid.layout.cards["d"].rect.w == S.card_width


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_each_template_with_a_persona_photo_has_it_beside_the_title_above_the_headers(path):
    doc = load(path)
    before = compute_layout(doc)
    assert before.title_photo is None
    if not doc.personas:
        return
    persona = doc.personas[-1]
    persona.photo = jpeg()
    layout = compute_layout(doc)
    photo, title = layout.title_photo, layout.title_rect
    assert photo.persona_id == persona.id and photo.rect.w == photo.rect.h == S.title_photo
    assert title.x <= photo.rect.x and photo.rect.bottom < title.bottom and photo.rect.y == title.y
    assert all(box.header.y >= title.bottom for box in layout.stages.values())  # the title covers no header
    texts = layout.title_texts()
    name = [line for line in texts if line.y > photo.rect.bottom and line.x < photo.rect.right]
    assert " ".join(line.text for line in name) == persona.name
    for line in name:  # centred under the photo
        assert line.x + S.persona.width(line.text) / 2 == pytest.approx(photo.rect.center.x)
    rest = [line for line in texts if line not in name]
    right = max(photo.rect.right, max(line.x + S.persona.width(line.text) for line in name))
    assert rest and all(line.x >= right + S.title_photo_gap - 0.01 for line in rest)
    assert all(line.x + S.title.width(line.text) <= title.right + 0.01 for line in rest if line.size == S.title.size)


def test_the_first_persona_with_a_photo_is_shown_with_its_initials_for_a_placeholder():
    doc = grid()
    doc.meta.title = "Путь клиента " * 12
    doc.personas = [Persona(id="a", name="Без фото"), Persona(id="b", name="Мария Петрова", photo=jpeg(30, 80)),
                    Persona(id="c", name="Ещё одна", photo=jpeg())]
    layout = compute_layout(doc)
    assert layout.title_photo.persona_id == "b" and layout.title_photo.initials == "МП"
    doc.personas[1].photo = doc.personas[2].photo = None
    without = compute_layout(doc)
    assert without.title_photo is None
    title, title_without = ([line.text for line in lines if line.size == S.title.size]
                            for lines in (layout.title, without.title))
    assert len(title[0]) < len(title_without[0])  # the title wraps in the width the photo leaves
