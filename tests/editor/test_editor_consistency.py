"""Random edits through the undo commands, as Gaphor tests its model: the scene always shows what
the model holds; every push, batch, undo and redo is heard exactly once; undoing everything gives
back the starting map exactly, redoing everything the final one."""

import copy
from contextlib import contextmanager

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from cjm_designer.canvas import MapScene
from cjm_designer.editor import (
    AddCards,
    AddPart,
    DocumentSession,
    MoveCards,
    MovePart,
    RemoveElements,
    RemovePart,
    SetFields,
)
from cjm_designer.editor.clipboard import cards_from_json, cards_from_text, copy_payload
from cjm_designer.io import dumps
from cjm_designer.model import Card, Lane, LaneKind, Link, LinkKind, Stage
from tests.strategies import journey_maps, short


@pytest.fixture(autouse=True)
def _qapp(qapp):
    return qapp


class EditorMachine(RuleBasedStateMachine):
    @initialize(doc=journey_maps(max_cards=8))
    def start(self, doc):
        self.start_doc = copy.deepcopy(doc)
        self.session = DocumentSession(doc)
        self.scene = MapScene(self.session)
        self.heard = []
        self.session.changed.connect(self.heard.append)
        self.n = 0

    @property
    def doc(self):
        return self.session.doc

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}-m{self.n}"

    def push(self, command):
        with self.heard_once():
            self.session.push(command)

    @contextmanager
    def heard_once(self):
        """Exactly one notification for what is done inside (a push, a batch, an undo, a redo)."""
        before = len(self.heard)
        yield
        assert len(self.heard) == before + 1

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), title=short)
    def add_card(self, data, title):
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        card = Card(id=self.fresh("card"), stage=stage.id, lane=lane.id, title=title)
        self.push(AddCards(self.session, [(card, data.draw(st.none() | st.integers(0, 4)))]))

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def move_cards(self, data):
        moved = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        ids = [c.id for c in moved]
        rest = [c.id for c in self.doc.cards_in(stage.id, lane.id) if c.id not in ids]
        before = data.draw(st.none() | st.sampled_from(rest)) if rest else None
        self.push(MoveCards(self.session, [(i, stage.id, lane.id, before) for i in ids]))
        cell = [c.id for c in self.doc.cards_in(stage.id, lane.id)]
        at = cell.index(ids[0])
        assert cell[at:at + len(ids)] == ids
        assert (cell[at + len(ids)] if at + len(ids) < len(cell) else None) == before

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), title=short, emotion=st.none() | st.integers(-2, 2))
    def edit_card(self, data, title, emotion):
        card = data.draw(st.sampled_from(self.doc.cards))
        self.push(SetFields(self.session, "card", card.id, {"title": title, "emotion": emotion}))

    @precondition(lambda self: self.doc.cards or self.doc.links)
    @rule(data=st.data())
    def delete(self, data):
        cards = data.draw(st.lists(st.sampled_from(self.doc.cards), max_size=2, unique_by=id)) if self.doc.cards else []
        links = data.draw(st.lists(st.sampled_from(self.doc.links), max_size=2, unique_by=id)) if self.doc.links else []
        self.push(RemoveElements(self.session, [c.id for c in cards], [k.id for k in links]))

    @precondition(lambda self: len(self.doc.cards) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(LinkKind))
    def link(self, data, kind):
        a, b = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=2, max_size=2, unique_by=id))
        self.push(AddPart(self.session, Link(id=self.fresh("link"), source=a.id, target=b.id, kind=kind)))

    @precondition(lambda self: self.doc.cards and self.doc.stages)
    @rule(data=st.data(), as_text=st.booleans())
    def paste(self, data, as_text):
        copied = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        raw, text = copy_payload(self.doc, [c.id for c in copied])
        if as_text:
            cards, links = cards_from_text(self.doc, text, stage.id, lane.id), []
        else:
            cards, links = cards_from_json(self.doc, raw, stage.id, lane.id)
        if cards:
            start = len(self.doc.cards_in(stage.id, lane.id))
            self.push(AddCards(self.session, [(c, start + i) for i, c in enumerate(cards)], links))

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def duplicate(self, data):
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        self.scene.select_cards([c.id for c in chosen])
        before = len(self.doc.cards)
        with self.heard_once():
            self.scene.duplicate_selection()
        assert len(self.doc.cards) == before + len(chosen)

    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]))
    def add_part(self, data, kind):
        items = self.doc.stages if kind == "stage" else self.doc.lanes
        index = data.draw(st.integers(0, len(items)))
        element = (Stage(id=self.fresh("stage"), name="Новый этап") if kind == "stage"
                   else Lane(id=self.fresh("lane"), name="Новая дорожка", kind=LaneKind.EMOTIONS))
        self.push(AddPart(self.session, element, index))

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]))
    def remove_part(self, data, kind):
        element = data.draw(st.sampled_from(self.doc.stages if kind == "stage" else self.doc.lanes))
        self.push(RemovePart(self.session, kind, element.id))

    @precondition(lambda self: len(self.doc.stages) >= 2 and len(self.doc.lanes) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]))
    def reorder(self, data, kind):
        items = self.doc.stages if kind == "stage" else self.doc.lanes
        element = data.draw(st.sampled_from(items))
        self.push(MovePart(self.session, kind, element.id, data.draw(st.integers(0, len(items) - 1))))

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), title=short)
    def batch(self, data, title):
        """Several edits and a move as one step: one notification saying what all of them touched."""
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=4, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        steps = self.session.undo_stack.count()
        with self.heard_once(), self.session.batch("Batch"):
            for card in chosen:
                self.session.push(SetFields(self.session, "card", card.id, {"title": title}))
            self.session.push(MoveCards(self.session, [(chosen[0].id, stage.id, lane.id, None)]))
        assert self.session.undo_stack.count() == steps + 1
        assert self.heard[-1].ids == {c.id for c in chosen} and self.heard[-1].structure

    @precondition(lambda self: self.session.undo_stack.canUndo())
    @rule()
    def undo_and_redo(self):
        stack, done = self.session.undo_stack, dumps(self.doc)
        with self.heard_once():
            stack.undo()
        with self.heard_once():
            stack.redo()
        assert dumps(self.doc) == done

    @invariant()
    def scene_shows_the_model(self):
        if not hasattr(self, "scene"):
            return
        scene, doc = self.scene, self.doc
        assert set(scene.card_items) == {c.id for c in doc.cards}
        assert set(scene.link_items) == {k.id for k in doc.links}
        assert set(scene.stage_items) == {s.id for s in doc.stages}
        assert set(scene.lane_items) == {lane.id for lane in doc.lanes}
        for card in doc.cards:
            box = scene.layout.cards[card.id]
            item = scene.card_items[card.id]
            assert (item.pos().x(), item.pos().y()) == pytest.approx((box.rect.x, box.rect.y))  # Qt: fuzzy
            assert scene.layout.cell_at(box.rect.center.x, box.rect.center.y) == (card.stage, card.lane)
        for (stage, lane), ids in scene.layout.cell_cards.items():
            assert ids == [c.id for c in doc.cards_in(stage, lane)]

    def teardown(self):
        if not hasattr(self, "session"):
            return
        stack = self.session.undo_stack
        final = dumps(self.doc)
        while stack.canUndo():
            with self.heard_once():
                stack.undo()
        assert dumps(self.doc) == dumps(self.start_doc)
        self.scene_shows_the_model()
        while stack.canRedo():
            with self.heard_once():
                stack.redo()
        assert dumps(self.doc) == final
        self.scene_shows_the_model()
        self.scene.deleteLater()


TestEditorMachine = EditorMachine.TestCase
TestEditorMachine.settings = settings(max_examples=40, stateful_step_count=20)
