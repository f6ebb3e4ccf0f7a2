"""A card shows the dots it got in the map's latest vote and the count of its open comments, on one row
that every backend draws; the remembered faces follow the counts."""

from datetime import UTC, datetime

from cjm_designer.layout import DEFAULT_STYLE, LayoutMemo, compute_layout, palette, relayout_cards
from cjm_designer.layout.card_face import MAX_DOTS_DRAWN
from cjm_designer.layout.drawing import Dot, Icon, card_drawing
from cjm_designer.model import Card, Comment, JourneyMap, Lane, Stage, Vote

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def voted_map() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Выбор"))
    doc.add_lane(Lane(id="pains", name="Боли", kind="pain_points"))
    for card_id in ("a", "b", "c"):
        doc.add_card(Card(id=card_id, stage="s", lane="pains", title="Долго ждать ответа"))
    doc.add_vote(Vote(id="old", lanes=["pains"], dots=3, started=NOW, ended=NOW, counts={"c": 5}))
    doc.add_vote(Vote(id="new", lanes=["pains"], dots=3, started=NOW, counts={"a": 4, "b": 14}))
    return doc


def marker(layout, card_id: str, kind: str):
    return next((m for m in layout.cards[card_id].markers if m.kind == kind), None)


def test_the_latest_votes_dots_show_as_dots_and_their_number():
    layout = compute_layout(voted_map())
    assert (marker(layout, "a", "votes").text, marker(layout, "a", "votes").value) == ("4", 4)
    assert (marker(layout, "b", "votes").text, marker(layout, "b", "votes").value) == ("14", MAX_DOTS_DRAWN)
    assert marker(layout, "c", "votes") is None  # its dots were in an older vote
    assert layout.cards["a"].rect.h > layout.cards["c"].rect.h
    box = layout.cards["a"]
    dots = [s for s in card_drawing(box, box.fill).inside if isinstance(s, Dot) and s.fill == palette.VOTE]
    assert len(dots) == 4


def test_open_comments_are_counted_resolved_ones_are_not():
    doc = voted_map()
    doc.card("c").comments = [Comment(id="1", author="Анна", text="Проверить", created=NOW),
                              Comment(id="2", text="Готово", created=NOW, resolved=True)]
    layout = compute_layout(doc)
    comments = marker(layout, "c", "comments")
    assert (comments.text, comments.value) == ("1", 1)
    box = layout.cards["c"]
    assert any(isinstance(s, Icon) and s.name == "message-circle" for s in card_drawing(box, box.fill).inside)
    doc.card("c").comments = [c.model_copy(update={"resolved": True}) for c in doc.card("c").comments]
    assert marker(compute_layout(doc), "c", "comments") is None


def test_the_remembered_faces_follow_the_counts():
    doc, memo = voted_map(), LayoutMemo()
    first = compute_layout(doc, DEFAULT_STYLE, memo)
    assert first.cards["a"].face is not first.cards["b"].face  # same text, different dots
    doc.votes[-1].counts = {"a": 5}
    again = compute_layout(doc, DEFAULT_STYLE, memo)
    assert marker(again, "a", "votes").text == "5" and marker(again, "b", "votes") is None
    doc.card("a").comments = [Comment(id="1", text="Почему?", created=NOW)]
    relaid = relayout_cards(doc, ["a"], DEFAULT_STYLE, memo)
    assert marker(relaid.layout, "a", "comments").text == "1"
