"""Random edits through the document operations, as Gaphor tests its model: after each step the map
is valid and survives save and load unchanged; undoing every step gives back the starting map."""

import copy

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from cjm_designer.io import dumps, loads
from cjm_designer.model import Card, JourneyMap, Lane, LaneKind, Link, LinkKind, Stage, check_references
from tests.strategies import journey_maps, text


class DocumentMachine(RuleBasedStateMachine):
    @initialize(doc=journey_maps(max_cards=6))
    def start(self, doc: JourneyMap):
        self.doc = doc
        self.start_state = copy.deepcopy(doc)
        self.undo: list = []  # inverse operations, newest last
        self.counter = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-new-{self.counter}"

    def cell_index(self, card: Card) -> int:
        return next(i for i, c in enumerate(self.doc.cards_in(card.stage, card.lane)) if c is card)

    @rule(name=text, index=st.integers(0, 10))
    def add_stage(self, name, index):
        stage = Stage(id=self.fresh("stage"), name=name[:200])
        self.doc.add_stage(stage, min(index, len(self.doc.stages)))
        self.undo.append(lambda: self.doc.remove_stage(stage.id))

    @rule(kind=st.sampled_from(LaneKind), index=st.integers(0, 10))
    def add_lane(self, kind, index):
        lane = Lane(id=self.fresh("lane"), name=kind.value, kind=kind)
        self.doc.add_lane(lane, min(index, len(self.doc.lanes)))
        self.undo.append(lambda: self.doc.remove_lane(lane.id))

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), title=text, emotion=st.none() | st.integers(-2, 2))
    def add_card(self, data, title, emotion):
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        card = Card(id=self.fresh("card"), stage=stage.id, lane=lane.id, title=title, emotion=emotion)
        self.doc.add_card(card, data.draw(st.none() | st.integers(0, 5)))
        self.undo.append(lambda: self.doc.remove_cards([card.id]))

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def move_card(self, data):
        card = data.draw(st.sampled_from(self.doc.cards))
        old_cell, old_index = (card.stage, card.lane), self.cell_index(card)
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        former = self.doc.move_card(card.id, stage.id, lane.id, data.draw(st.none() | st.integers(0, 5)))

        def undo_move():
            self.doc.place_card(card.id, *old_cell, former)
            assert (card.stage, card.lane) == old_cell and self.cell_index(card) == old_index

        self.undo.append(undo_move)

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), title=text)
    def edit_card(self, data, title):
        card = data.draw(st.sampled_from(self.doc.cards))
        old = card.title
        card.title = title
        self.undo.append(lambda: setattr(card, "title", old))

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def remove_cards(self, data):
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        removal = self.doc.remove_cards([c.id for c in chosen])
        self.undo.append(lambda: self.doc.restore(removal))

    @precondition(lambda self: len(self.doc.cards) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(LinkKind))
    def link(self, data, kind):
        source, target = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=2, max_size=2, unique_by=id))
        link = Link(id=self.fresh("link"), source=source.id, target=target.id, kind=kind)
        self.doc.add_link(link)
        self.undo.append(lambda: self.doc.remove_link(link.id))

    @precondition(lambda self: self.doc.stages)
    @rule(data=st.data())
    def remove_stage(self, data):
        removal = self.doc.remove_stage(data.draw(st.sampled_from(self.doc.stages)).id)
        self.undo.append(lambda: self.doc.restore(removal))

    @precondition(lambda self: self.doc.lanes)
    @rule(data=st.data())
    def remove_lane(self, data):
        removal = self.doc.remove_lane(data.draw(st.sampled_from(self.doc.lanes)).id)
        self.undo.append(lambda: self.doc.restore(removal))

    @precondition(lambda self: len(self.doc.stages) >= 2)
    @rule(data=st.data())
    def reorder_stage(self, data):
        stage = data.draw(st.sampled_from(self.doc.stages))
        old = self.doc.stages.index(stage)
        self.doc.move_stage(stage.id, data.draw(st.integers(0, len(self.doc.stages) - 1)))
        self.undo.append(lambda: self.doc.move_stage(stage.id, old))

    @precondition(lambda self: len(self.doc.lanes) >= 2)
    @rule(data=st.data())
    def reorder_lane(self, data):
        lane = data.draw(st.sampled_from(self.doc.lanes))
        old = self.doc.lanes.index(lane)
        self.doc.move_lane(lane.id, data.draw(st.integers(0, len(self.doc.lanes) - 1)))
        self.undo.append(lambda: self.doc.move_lane(lane.id, old))

    @invariant()
    def valid_and_round_trips(self):
        assert check_references(self.doc) == []
        data = dumps(self.doc)
        assert loads(data) == self.doc
        assert dumps(loads(data)) == data

    def teardown(self):
        if not hasattr(self, "doc"):
            return
        while self.undo:
            self.undo.pop()()
        assert self.doc == self.start_state
        assert dumps(self.doc) == dumps(self.start_state)


TestDocumentMachine = DocumentMachine.TestCase
TestDocumentMachine.settings = __import__("hypothesis").settings(max_examples=60, stateful_step_count=25)
