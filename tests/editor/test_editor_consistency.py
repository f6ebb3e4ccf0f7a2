"""Random edits through the undo commands and through the editor's operations, as Gaphor tests its
model: the scene always shows what the model holds; every push, batch, operation, undo and redo is
heard exactly once and is one undo step (an operation that changes nothing, never); undoing
everything gives back the starting map exactly, redoing everything the final one."""

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
)
from cjm_designer.editor.clipboard import cards_from_json, cards_from_text, copy_payload
from cjm_designer.io import dumps
from cjm_designer.model import Card, Lane, LaneKind, Link, LinkKind, Stage
from cjm_designer.model.document import ElementKind, cell_order
from tests.canvas_teardown import end_canvas
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
        self.edits = self.scene.edits
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
        self.edited(self.edits.set_fields, ElementKind.CARD, {card.id: {"title": title, "emotion": emotion}})

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
            self.scene.operations.duplicate()
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
    @rule(data=st.data())
    def batch(self, data):
        """Several edits and a move as one step: one notification saying what all of them touched."""
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=4, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        steps = self.session.undo_stack.count()
        with self.heard_once(), self.session.batch("Batch"):
            for card in chosen:
                assert self.edits.set_fields(ElementKind.CARD, {card.id: {"pain": not card.pain}})
            self.session.push(MoveCards(self.session, [(chosen[0].id, stage.id, lane.id, None)]))
        assert self.session.undo_stack.count() == steps + 1
        assert self.heard[-1].ids == {c.id for c in chosen} and self.heard[-1].structure

    def edited(self, operation, *args):
        """Call an editor operation: one step and one notification when it says it did something
        (a true result), none when it did nothing."""
        steps, heard = self.session.undo_stack.count(), len(self.heard)
        result = operation(*args)
        done = 1 if result else 0
        assert (self.session.undo_stack.count(), len(self.heard)) == (steps + done, heard + done)
        return result

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def editor_moves_cards(self, data):
        moved = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        ids = [c.id for c in self.doc.cards if c.id in {m.id for m in moved}]
        current = [c.id for c in self.doc.cards_in(stage.id, lane.id)]
        rest = [i for i in current if i not in ids]
        before = data.draw(st.none() | st.sampled_from(rest)) if rest else None
        wanted = cell_order(current, ids, before)
        assert self.edited(self.edits.move_cards, [c.id for c in moved], stage.id, lane.id, before) == (
            wanted != current)
        assert [c.id for c in self.doc.cards_in(stage.id, lane.id)] == wanted

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def editor_moves_a_card_where_it_is(self, data):
        card = data.draw(st.sampled_from(self.doc.cards))
        cell = [c.id for c in self.doc.cards_in(card.stage, card.lane)]
        after = cell[cell.index(card.id) + 1:]
        assert not self.edited(self.edits.move_cards, [card.id], card.stage, card.lane, after[0] if after else None)

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), typed=short)
    def editor_adds_a_card(self, data, typed):
        chosen = {c.id for c in data.draw(st.lists(st.sampled_from(self.doc.cards), max_size=2))} \
            if self.doc.cards else set()
        cell = data.draw(st.sampled_from(self.doc.stages)).id, data.draw(st.sampled_from(self.doc.lanes)).id
        place = self.edits.place_after(None if chosen else cell, [c.id for c in self.doc.cards if c.id in chosen])
        card_id = self.edited(self.edits.add_card, *place, typed)
        assert (card_id is None) == (not typed.strip())
        if card_id is not None:
            assert [c.id for c in self.doc.cards_in(*place[:2])][place[2]] == card_id

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def editor_duplicates(self, data):
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        ids = [c.id for c in self.doc.cards if c.id in {m.id for m in chosen}]
        copies = self.edited(self.edits.duplicate, [c.id for c in chosen])
        assert [self.doc.card(i).title for i in copies] == [self.doc.card(i).title for i in ids]
        for original, duplicate in zip(ids, copies):
            card = self.doc.card(original)
            cell = [c.id for c in self.doc.cards_in(card.stage, card.lane)]
            assert duplicate in cell[cell.index(original) + 1:]

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), as_text=st.booleans())
    def editor_pastes(self, data, as_text):
        copied = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3, unique_by=id))
        stage, lane = data.draw(st.sampled_from(self.doc.stages)), data.draw(st.sampled_from(self.doc.lanes))
        raw, text = copy_payload(self.doc, [c.id for c in copied])
        place = self.edits.place_after((stage.id, lane.id), [])
        ids = self.doc.ids()
        pasted = self.edited(self.edits.paste, place, None if as_text else raw, text)
        assert not set(pasted) & ids
        assert [c.id for c in self.doc.cards_in(stage.id, lane.id)][place[2]:] == pasted

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), emotion=st.none() | st.integers(-2, 2))
    def editor_sets_fields(self, data, emotion):
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=4, unique_by=id))
        changes = any(c.emotion != emotion for c in chosen)
        assert self.edited(self.edits.set_fields, ElementKind.CARD, {c.id: {"emotion": emotion} for c in chosen},
                           "Emotion") == changes
        assert all(c.emotion == emotion for c in chosen)

    @precondition(lambda self: self.doc.cards or self.doc.links)
    @rule(data=st.data())
    def editor_deletes(self, data):
        cards = data.draw(st.lists(st.sampled_from(self.doc.cards), max_size=2, unique_by=id)) if self.doc.cards else []
        links = data.draw(st.lists(st.sampled_from(self.doc.links), max_size=2, unique_by=id)) if self.doc.links else []
        self.edited(self.edits.delete, [c.id for c in cards], [k.id for k in links])
        assert not {c.id for c in cards} & self.doc.ids() and not {k.id for k in links} & self.doc.ids()

    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]))
    def editor_adds_a_stage_or_lane(self, data, kind):
        index = data.draw(st.integers(0, len(self.doc.parts(kind))))
        if kind == ElementKind.STAGE:
            element_id = self.edited(self.edits.add_stage, index, "Новый этап")
        else:
            element_id = self.edited(self.edits.add_lane, index, "Новая дорожка", LaneKind.OPPORTUNITIES)
        assert self.doc.index_of(kind, element_id) == index

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]))
    def editor_moves_a_stage_or_lane(self, data, kind):
        items = [e.id for e in self.doc.parts(kind)]
        element_id = data.draw(st.sampled_from(items))
        boundary = data.draw(st.integers(0, len(items)))
        at = items.index(element_id)
        moved = self.edited(self.edits.move_part_to_boundary, kind, element_id, boundary)
        assert moved == (boundary not in (at, at + 1))
        rest = [i for i in items if i != element_id]
        assert [e.id for e in self.doc.parts(kind)] == (
            rest[:boundary - (boundary > at)] + [element_id] + rest[boundary - (boundary > at):])

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]),
          size=st.floats(-100, 20_000, allow_nan=False))
    def editor_resizes_a_stage_or_lane(self, data, kind, size):
        """A drag of a header's edge may go anywhere: the size kept is rounded and within the map's limits."""
        element = data.draw(st.sampled_from(self.doc.parts(kind)))
        name, low = ("width", 40) if kind == ElementKind.STAGE else ("height", 20)
        wanted = float(min(max(round(size), low), 10_000))
        was = getattr(element, name)
        assert self.edited(self.edits.resize_part, kind, element.id, size) == (was != wanted)
        assert getattr(self.doc.element(kind, element.id), name) == wanted

    @precondition(lambda self: len(self.doc.stages) > 1 and len(self.doc.lanes) > 1)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]))
    def editor_removes_a_stage_or_lane(self, data, kind):
        element = data.draw(st.sampled_from(self.doc.parts(kind)))
        with self.heard_once():
            self.edits.remove_part(kind, element.id)
        assert element.id not in self.doc.ids()

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
        end_canvas(self.session, self.scene)


TestEditorMachine = EditorMachine.TestCase
TestEditorMachine.settings = settings(max_examples=40, stateful_step_count=20)
