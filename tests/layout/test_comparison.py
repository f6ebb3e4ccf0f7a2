"""A comparison drawn as one map (layout/comparison.py): each kind of difference has its mark where
the card is, removed cards come back as ghosts in their old cells, the earlier emotion curve is
dashed, and the notes in the title and the stage headers stay off the text already there."""

from cjm_designer.io import dumps, load
from cjm_designer.layout import palette
from cjm_designer.layout.comparison import BEFORE_CURVE, compare_layout, ghost_map
from cjm_designer.layout.drawing import Box, Dot, Path, Polygon
from cjm_designer.layout.geometry import TextLine
from cjm_designer.model.compare import compare
from cjm_designer.model.plain import one_line
from cjm_designer.paths import templates_dir
from tests.comparison_maps import ADDED, ADDED_LINK, CHANGED, MOVED, REMOVED, demo_map, edited_copy
from tests.layout.test_routing_labels import text_rect


def _comparison(before=None, after=None):
    before = before or demo_map()
    return compare_layout(compare(before, after or edited_copy(before)), ("before.cjm", "after.cjm"))


def _marks_of(comparison, card_id):
    return [mark for mark in comparison.marks if mark.card_id == card_id]


def _curve(layout, persona_id):
    """The emotion curve of a persona (None: the map's own)."""
    return next(curve for curve in layout.curves if curve.persona_id == persona_id)


def _outlines(comparison, card_id, color):
    return [shape for mark in _marks_of(comparison, card_id) for shape in mark.shapes
            if isinstance(shape, Box | Dot) and shape.stroke is not None and shape.stroke.color == color]


def test_added_and_changed_cards_are_outlined_around_their_boxes():
    comparison = _comparison()
    for card_id, color in ((ADDED[0], palette.COMPARE_ADDED), (ADDED[1], palette.COMPARE_ADDED),
                           (CHANGED[0], palette.COMPARE_CHANGED), (CHANGED[1], palette.COMPARE_CHANGED)):
        card = comparison.layout.cards[card_id].rect
        [outline] = _outlines(comparison, card_id, color)
        assert outline.rect.x < card.x and outline.rect.right > card.right
        assert outline.rect.y < card.y and outline.rect.bottom > card.bottom
    assert _outlines(comparison, "card-rq-1", palette.COMPARE_CHANGED) == []  # an unchanged card has none


def test_a_changed_emotion_point_is_ringed_and_its_tip_says_before_and_after():
    comparison = _comparison()
    [ring] = _outlines(comparison, "card-of-em", palette.COMPARE_CHANGED)
    box = comparison.layout.cards["card-of-em"]
    dot = box.markers[0].rect.moved(box.rect.x, box.rect.y)
    assert isinstance(ring, Dot) and ring.center == dot.center and ring.radius > dot.w / 2
    [tip] = [mark.tip for mark in _marks_of(comparison, "card-of-em") if mark.tip]
    assert tip.splitlines() == ["Doubtful: expensive and hard to compare", "Changed", "emotion: -1 → 1"]


def test_a_removed_card_comes_back_as_a_ghost_in_its_old_cell_and_the_maps_stay_as_they_were():
    before = demo_map()
    after = edited_copy(before)
    texts = dumps(before), dumps(after)
    comparison = _comparison(before, after)
    assert comparison.ghosts == {REMOVED}
    ghost = comparison.layout.cards[REMOVED]
    was = before.card(REMOVED)
    assert (ghost.stage_id, ghost.lane_id) == (was.stage, was.lane)
    cell = [card.id for card in comparison.doc.cards if (card.stage, card.lane) == (was.stage, was.lane)]
    assert cell == ["card-of-1", "card-of-4", REMOVED]  # after the card it followed
    [wash] = [shape for mark in _marks_of(comparison, REMOVED) for shape in mark.shapes if isinstance(shape, Box)]
    assert wash.rect == ghost.rect and wash.fill_alpha < 1 and wash.stroke.color == palette.COMPARE_REMOVED
    assert wash.stroke.dashes
    assert (dumps(before), dumps(after)) == texts
    assert REMOVED not in {card.id for card in after.cards}


def test_a_card_whose_lane_went_too_is_not_put_back():
    before = demo_map()
    after = before.model_copy(deep=True)
    after.cards = [card for card in after.cards if card.lane != "lane-kpis"]
    after.lanes = [lane for lane in after.lanes if lane.id != "lane-kpis"]
    doc, ghosts = ghost_map(compare(before, after))
    assert ghosts == frozenset() and len(doc.cards) == len(after.cards)


def test_a_moved_card_has_an_arrow_from_its_old_cell_to_its_edge():
    comparison = _comparison()
    [mark] = [mark for mark in _marks_of(comparison, MOVED) if any(isinstance(s, Polygon) for s in mark.shapes)]
    [line] = [shape for shape in mark.shapes if isinstance(shape, Path)]
    [head] = [shape for shape in mark.shapes if isinstance(shape, Polygon)]
    old_cell = comparison.layout.cells[("stage-measurement", "lane-seller")]
    card = comparison.layout.cards[MOVED].rect
    assert line.commands[0].to == old_cell.center
    tip = head.points[0]
    assert card.x <= tip.x <= card.right and abs(tip.y - card.bottom) < 1e-6  # on the card's lower edge
    assert mark.tip == ""  # the arrow crosses other cards: the card's outline tells where it came from
    [outline] = [m for m in _marks_of(comparison, MOVED) if m is not mark]
    assert outline.shapes[0].stroke.color == palette.COMPARE_MOVED
    assert "Moved from Measurement / Seller actions" in outline.tip


def test_the_earlier_emotion_curve_is_dashed_through_the_earlier_levels():
    before = demo_map()
    comparison = _comparison(before)
    curve = _curve(comparison.layout, before.card("card-of-em").persona)
    dashed = [shape for mark in comparison.marks if mark.area == curve.row for shape in mark.shapes
              if isinstance(shape, Path) and shape.stroke.dashes == BEFORE_CURVE and shape.stroke.color == curve.color]
    assert len(dashed) == 1
    points = [command.to for command in dashed[0].commands]
    box = comparison.layout.cards["card-of-em"]
    x = box.rect.x + box.markers[0].rect.center.x
    assert (x, curve.levels[-1 + 2]) in points  # its emotion before: -1
    assert curve.row.x <= min(p.x for p in points) and max(p.x for p in points) <= curve.row.right


def test_the_later_curve_leaves_out_a_removed_emotion_point():
    before = demo_map()
    after = before.model_copy(deep=True)
    after.cards = [card for card in after.cards if card.id != "card-in-em"]
    comparison = _comparison(before, after)
    box = comparison.layout.cards["card-in-em"]  # its ghost
    dot = box.markers[0].rect.moved(box.rect.x, box.rect.y).center
    persona = before.card("card-in-em").persona
    curve = _curve(comparison.layout, persona)
    assert dot not in curve.points
    assert len(curve.points) == len(_curve(compare_layout(compare(before, before)).layout, persona).points) - 1
    assert "card-in-em" not in curve.card_ids


def test_stage_notes_say_the_funnel_change_below_the_headers_own_text():
    comparison = _comparison()
    layout = comparison.layout
    notes = {mark.area: [s for s in mark.shapes if isinstance(s, TextLine)] for mark in comparison.marks
             if any(mark.area.x == box.header.x and mark.area.bottom == box.header.bottom
                    for box in layout.stages.values())}
    texts = [text for lines in notes.values() for text in lines]
    assert "Entered 28 → 41 (+13)" in [line.text for line in texts]
    assert "Entered 74 → 70 (−4)" in [line.text for line in texts]
    headers = [text_rect(line) for box in layout.stages.values() for line in box.texts]
    for line in texts:
        rect = text_rect(line)
        assert [h for h in headers if h.intersects(rect)] == [], line.text
        assert any(box.header.x <= rect.x and rect.right <= box.header.right and rect.bottom <= box.header.bottom
                   for box in layout.stages.values()), line.text


def test_the_summary_and_legend_stand_under_the_title_off_its_text():
    comparison = _comparison()
    layout = comparison.layout
    [head] = [mark for mark in comparison.marks if mark.area.x == layout.title_rect.x
              and mark.area.bottom == layout.title_rect.bottom]
    lines = [shape for shape in head.shapes if isinstance(shape, TextLine)]
    assert [line.text for line in lines[:2]] == ["before.cjm → after.cjm", comparison.summary]
    assert {"added", "changed", "removed", "moved", "emotions before"} <= {line.text for line in lines}
    title = [text_rect(line) for line in layout.title_texts()]
    for line in lines:
        assert [t for t in title if t.intersects(text_rect(line))] == [], line.text
    assert max(text_rect(line).bottom for line in lines) <= min(box.header.y for box in layout.stages.values())


def test_a_kpi_card_carries_the_change_of_its_attainment():
    comparison = _comparison()
    badges = [shape.text for mark in _marks_of(comparison, CHANGED[1]) for shape in mark.shapes
              if isinstance(shape, TextLine)]
    assert badges == ["KPI 84% → 117.3%"]


def test_a_map_compared_with_itself_has_no_marks_on_cards():
    doc = demo_map()
    comparison = _comparison(doc, doc.model_copy(deep=True))
    assert comparison.ghosts == frozenset()
    assert [mark for mark in comparison.marks if mark.card_id] == []
    assert comparison.summary == "The maps are the same."
    assert comparison.style.stage_note == 0


def test_a_russian_map_is_compared_in_russian():
    before = load(templates_dir() / "window-installation.ru.cjm")
    after = before.model_copy(deep=True)
    after.stages[3].entering = (after.stages[3].entering or 0) + 10
    comparison = _comparison(before, after)
    texts = [shape.text for mark in comparison.marks for shape in mark.shapes if isinstance(shape, TextLine)]
    assert any(text.startswith("Вошли ") and "→" in text for text in texts)
    assert "добавлено" in texts and "эмоции раньше" in texts


def test_a_stage_kpi_change_is_noted_in_its_header():
    from cjm_designer.model import Kpi

    before = demo_map()
    after = before.model_copy(deep=True)
    after.stages[0].kpi = Kpi(name="Calls answered", target=100, actual=50)
    comparison = _comparison(before, after)
    header = comparison.layout.stages[after.stages[0].id].header
    notes = [shape for mark in comparison.marks for shape in mark.shapes
             if isinstance(shape, TextLine) and header.contains(shape.x, shape.y)]
    assert [(line.text, line.color) for line in notes] == [("KPI — → 50%", palette.MUTED)]


def test_an_added_link_is_drawn_again_in_green_its_label_on_top():
    comparison = _comparison()
    path = comparison.layout.links[ADDED_LINK]
    [mark] = [mark for mark in comparison.marks if mark.area == path.bounds()]
    line, head = mark.shapes[:2]
    assert line.commands == path.drawing.line.commands and line.stroke.color == palette.COMPARE_ADDED
    assert head.fill == palette.COMPARE_ADDED
    assert [shape.text for shape in mark.shapes if isinstance(shape, TextLine)] == ["Delivery question"]
    assert mark.tip.splitlines() == ["Delivery question", "Added"]


def _removed_link_mark(comparison, link_id):
    """The mark of a removed link: the one whose tip starts with that link's label."""
    label = demo_map().link(link_id).label
    [mark] = [mark for mark in comparison.marks if mark.tip.startswith(f"{label}\nRemoved")]
    return mark


def _ends(line):
    commands = line.commands
    return commands[0].to, commands[-1].to


def _on_edge(rect, point):
    return rect.x - 1 <= point.x <= rect.right + 1 and rect.y - 1 <= point.y <= rect.bottom + 1


def test_a_link_removed_with_its_card_is_ghosted_from_the_ghost_dashed_red():
    comparison = _comparison()
    assert {"link-13", "link-14"}.isdisjoint(comparison.layout.links)  # not a link of the map drawn
    for link_id, source, target in (("link-13", "card-of-4", REMOVED), ("link-14", REMOVED, "card-of-6")):
        mark = _removed_link_mark(comparison, link_id)
        line, head = mark.shapes[:2]
        assert line.stroke.color == palette.COMPARE_REMOVED and line.stroke.dashes
        assert head.fill == palette.COMPARE_REMOVED
        start, end = _ends(line)
        cards = comparison.layout.cards
        assert _on_edge(cards[source].rect, start)
        assert _on_edge(cards[target].rect, end)
        assert mark.tip.splitlines()[2] == " → ".join(one_line(demo_map().card(c).title, 40) for c in (source, target))
        assert [s.color for s in mark.shapes if isinstance(s, TextLine)] == [palette.COMPARE_REMOVED]


def test_a_link_removed_between_kept_cards_is_ghosted_where_they_are_now():
    before = demo_map()
    after = edited_copy(before)
    after.links = [link for link in after.links if link.id != "link-6"]
    comparison = _comparison(before, after)
    start, end = _ends(_removed_link_mark(comparison, "link-6").shapes[0])
    cards = comparison.layout.cards  # card-ms-3 moved to the buyer's lane: from there
    assert _on_edge(cards["card-ms-2"].rect, start)
    assert _on_edge(cards[MOVED].rect, end)


def test_a_removed_link_whose_end_is_not_drawn_is_left_out():
    before = demo_map()
    after = edited_copy(before)
    after.remove_lane(next(c.lane for c in before.cards if c.id == REMOVED))  # the ghost's cell is gone
    comparison = _comparison(before, after)
    assert not [mark for mark in comparison.marks if mark.tip.startswith(("2 days later", "“What did you decide?”"))]
