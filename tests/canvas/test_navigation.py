"""Where the canvas's keys go (canvas/navigation.py), on layouts alone: no window, no events."""

from cjm_designer.canvas.navigation import Move, Spot, indexes, settle, start, step
from cjm_designer.layout import compute_layout
from cjm_designer.model import Card, JourneyMap, Lane, Stage


def grid() -> JourneyMap:
    """Three stages; an emotions lane on top, then buyer and seller lanes; cards a, b, c in the
    first buyer cell, d in the second, e in the first seller cell."""
    doc = JourneyMap()
    for i in range(3):
        doc.add_stage(Stage(id=f"s{i}", name=f"Этап {i}"))
    doc.add_lane(Lane(id="mood", name="Эмоции", kind="emotions"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="seller", name="Продавец", kind="seller_actions"))
    for card_id, stage, lane in [("a", "s0", "buyer"), ("b", "s0", "buyer"), ("c", "s0", "buyer"),
                                 ("d", "s1", "buyer"), ("e", "s0", "seller")]:
        doc.add_card(Card(id=card_id, stage=stage, lane=lane, title=card_id.upper()))
    return doc


def walk(layout, here: Spot, *moves: Move) -> list[Spot]:
    spots = []
    for move in moves:
        here = step(layout, here, move)
        spots.append(here)
    return spots


def test_a_map_starts_on_the_first_stage_of_the_first_card_lane():
    layout = compute_layout(grid())
    assert start(layout) == Spot("s0", "buyer")
    assert start(compute_layout(JourneyMap())) is None


def test_right_and_left_keep_the_lane_and_land_on_the_first_card_or_the_empty_cell():
    layout = compute_layout(grid())
    assert walk(layout, Spot("s0", "buyer", "c"), Move.RIGHT, Move.RIGHT, Move.RIGHT, Move.LEFT, Move.LEFT) == [
        Spot("s1", "buyer", "d"), Spot("s2", "buyer"), Spot("s2", "buyer"), Spot("s1", "buyer", "d"),
        Spot("s0", "buyer", "a")]


def test_up_and_down_step_through_the_cards_then_on_to_the_next_lane():
    layout = compute_layout(grid())
    downs = walk(layout, Spot("s0", "mood"), Move.DOWN, Move.DOWN, Move.DOWN, Move.DOWN, Move.DOWN)
    assert downs == [Spot("s0", "buyer", "a"), Spot("s0", "buyer", "b"), Spot("s0", "buyer", "c"),
                     Spot("s0", "seller", "e"), Spot("s0", "seller", "e")]
    ups = walk(layout, Spot("s0", "seller", "e"), Move.UP, Move.UP, Move.UP, Move.UP, Move.UP)
    assert ups == [Spot("s0", "buyer", "c"), Spot("s0", "buyer", "b"), Spot("s0", "buyer", "a"),
                   Spot("s0", "mood"), Spot("s0", "mood")]


def test_the_empty_place_of_a_cell_is_after_its_cards():
    layout = compute_layout(grid())
    assert step(layout, Spot("s0", "buyer"), Move.UP) == Spot("s0", "buyer", "c")
    assert step(layout, Spot("s0", "buyer"), Move.DOWN) == Spot("s0", "seller", "e")


def test_home_end_and_ctrl_up_down_jump_without_stepping_through_cards():
    layout = compute_layout(grid())
    moves = (Move.LAST_STAGE, Move.FIRST_STAGE, Move.LANE_DOWN, Move.LANE_UP, Move.LANE_UP, Move.LANE_UP)
    assert walk(layout, Spot("s1", "buyer", "d"), *moves) == [
        Spot("s2", "buyer"), Spot("s0", "buyer", "a"), Spot("s0", "seller", "e"), Spot("s0", "buyer", "a"),
        Spot("s0", "mood"), Spot("s0", "mood")]
    assert step(layout, Spot("s0", "buyer", "b"), Move.FIRST_STAGE) == Spot("s0", "buyer", "b")


def test_after_a_change_the_place_follows_its_card_or_falls_back_on_a_neighbour():
    doc = grid()
    layout = compute_layout(doc)
    on_b, on_c = Spot("s0", "buyer", "b"), Spot("s0", "buyer", "c")
    before_b, before_c = indexes(layout, on_b), indexes(layout, on_c)
    doc.move_card("b", "s2", "buyer")
    assert settle(compute_layout(doc), on_b, before_b) == Spot("s2", "buyer", "b")
    doc.remove_cards(["c"])
    assert settle(compute_layout(doc), on_c, before_c) == Spot("s0", "buyer", "a")  # the one before it
    doc.remove_stage("s0")
    assert settle(compute_layout(doc), on_c, before_c) == Spot("s1", "buyer", "d")
    doc.remove_lane("buyer")
    assert settle(compute_layout(doc), Spot("s1", "buyer", "d"), indexes(layout, Spot("s1", "buyer", "d"))) == \
        Spot("s1", "seller")
