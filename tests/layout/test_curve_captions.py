"""Where an emotion point's caption goes: above its dot exactly when the lane's curves pass through
fewer of their samples there than under it (and through some under it); the samples follow the curve
as drawn."""

import pytest

from cjm_designer.layout import DEFAULT_STYLE as S
from cjm_designer.layout import compute_layout, engine
from cjm_designer.layout.curve_captions import _samples, dot_center
from cjm_designer.layout.drawing import catmull_rom, catmull_rom_pieces
from cjm_designer.layout.geometry import Point
from cjm_designer.model.synthetic import generate_map


def counted(box, samples) -> tuple[int, int]:
    """The samples in the caption's place under the dot and over it, one by one (the rule as written)."""
    lines, dot = box.lines, box.markers[0].rect
    height = len(lines) * S.card_text.line_height
    left = box.rect.x + min(line.x for line in lines) - 2
    right = box.rect.x + max(line.x + S.card_text.width(line.text) for line in lines) + 2
    under_top = box.rect.y + dot.bottom + 1
    over_bottom = box.rect.y + dot.y - 1
    near = [y for x, y in samples if left <= x <= right]
    return (sum(under_top <= y <= under_top + height + 2 for y in near),
            sum(over_bottom - height - 2 <= y <= over_bottom for y in near))


@pytest.mark.parametrize("cards, seed", [(300, 7), (1200, 3)])
def test_a_caption_is_above_its_dot_exactly_where_the_curves_meet_less_of_it_there(cards, seed, monkeypatch):
    placed = []
    place = engine.captions_off_curve
    monkeypatch.setattr(engine, "captions_off_curve", lambda curves, style: placed.append(
        (curves, place(curves, style))) or placed[-1][1])
    compute_layout(generate_map(cards, seed=seed, stages=5, lanes=6))
    moved = kept = 0
    for curves, after in placed:
        samples = [p for boxes in curves
                   for p in _samples(tuple(dot_center(box) for box in boxes if box.markers[0].value is not None))]
        for boxes, now in zip(curves, after):
            for box, new in zip(boxes, now):
                if not box.lines:
                    assert new is box
                    continue
                under, over = counted(box, samples)
                above = new is not box
                assert above == (under > 0 and over < under), box.card_id
                if above:  # the same caption, over the dot, which stays where the curve passes
                    assert [line.text for line in new.lines] == [line.text for line in box.lines]
                    assert new.lines[-1].y < new.markers[0].rect.y and dot_center(new) == pytest.approx(dot_center(box))
                moved, kept = moved + above, kept + (not above)
    assert moved and kept  # both cases were met


def test_the_pieces_sampled_are_the_curve_drawn():
    points = (Point(0, 50), Point(30, 10), Point(60, 80), Point(90, 40), Point(95, 41))
    drawn = catmull_rom(points)
    assert [(c.c1, c.c2, c.to) for c in drawn[1:]] == catmull_rom_pieces(points)
    assert drawn[0].to == points[0] and [c.to for c in drawn[1:]] == list(points[1:])
