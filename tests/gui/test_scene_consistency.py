"""The canvas as a state machine, as Gaphor tests its diagrams: the rules are the editor's edits, undo,
redo, and gestures done through the scene's tools with synthesized mouse and key events (dragging
cards to a place, dragging a header to reorder or resize it, connecting two cards, dragging an emotion
point's dot to a level or cancelling that, typing in a cell, on a card, on a header, on a link's label
from its context menu, or on the current place started from the keyboard) and the operations on the
selection (delete, duplicate, copy and paste).

After every step the scene shows the model: each card, link, stage, lane and cell has exactly one
item, standing on the box that a fresh layout of the model gives it, in its fill and fade, and no
item is left without an element or lifted by a gesture; the step was heard once if it changed the
map and not at all if it did not, and was one undo step; undo gives back the map before the step,
redo the map after it; and the map reads back from its file as it is. A heat map may be shown (a rule),
and the edits after it are checked in its colours."""

import string
import tempfile
from contextlib import contextmanager
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QGraphicsSceneMouseEvent

from cjm_designer.canvas import MapScene, MapView
from cjm_designer.canvas.card_drag import CardDrag
from cjm_designer.canvas.emotion_drag import EmotionDrag
from cjm_designer.canvas.header_drag import HeaderDrag
from cjm_designer.canvas.inline_editor import CANCEL, FINISH, NEXT
from cjm_designer.canvas.items import CARD_Z, CardItem, CellItem, HeaderItem, LinkItem
from cjm_designer.canvas.link_connect import LinkConnect
from cjm_designer.canvas.navigation import Spot
from cjm_designer.canvas.scene import FADED, HEAT_CARD, HEAT_CELL, HEAT_UNMEASURED
from cjm_designer.canvas.text_edits import CardText, LinkLabel, NewCard, Rename
from cjm_designer.canvas.texts import tr
from cjm_designer.editor import DocumentSession
from cjm_designer.editor.clipboard import split_typed
from cjm_designer.io import dumps, load, loads, save
from cjm_designer.layout import CardBox, MapLayout, compute_layout, narrowest_stage, palette
from cjm_designer.model import LaneKind
from cjm_designer.model.analytics import HEAT_MEASURES, CardFilter, cell_heat, heat_values
from cjm_designer.model.document import ElementKind, cell_order
from tests.canvas_teardown import end_canvas
from tests.strategies import journey_maps, short

Press, Move, Release, DoubleClick = (QEvent.Type.GraphicsSceneMousePress, QEvent.Type.GraphicsSceneMouseMove,
                                     QEvent.Type.GraphicsSceneMouseRelease, QEvent.Type.GraphicsSceneMouseDoubleClick)
LEFT, NO_BUTTON = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
OUTSIDE = QPointF(-40, -40)  # off the grid
MAX_SIZE = 10_000  # the greatest width of a stage and height of a lane that the map accepts
LETTERS = "".join(map(chr, range(ord("А"), ord("я") + 1))) + "Ёё" + string.ascii_letters
typed_keys = st.text(st.sampled_from(LETTERS + " "), max_size=8)  # typed key by key: Cyrillic, Latin and spaces


@pytest.fixture(autouse=True)
def _qapp(qapp):
    return qapp


@st.composite
def maps_with_cells(draw):
    """The machine's maps: with cells, and in half of them a lane made an emotions lane, whose cards are the
    points that a drag of their dots moves (random lanes seldom are one)."""
    doc = draw(journey_maps(max_cards=8).filter(lambda doc: doc.stages and doc.lanes))
    if draw(st.booleans()):
        draw(st.sampled_from(doc.lanes)).kind = LaneKind.EMOTIONS
    return doc


class SceneMachine(RuleBasedStateMachine):
    @initialize(doc=maps_with_cells())
    def start(self, doc):
        self.start_doc = dumps(doc)
        self.session = DocumentSession(doc)
        self.scene = MapScene(self.session)
        self.view = MapView(self.scene)
        self.view.resize(900, 600)
        self.view.show()
        self.heard = []
        self.session.changed.connect(self.heard.append)
        self.history, self.future = [], []  # the maps before each step done, and after each undone
        self.card_filter = None

    @property
    def doc(self):
        return self.session.doc

    @property
    def layout(self):
        return self.scene.layout

    # -- driving the scene ------------------------------------------------------------------------

    def mouse(self, kind, pos: QPointF, buttons=LEFT, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        event = QGraphicsSceneMouseEvent(kind)
        event.setScenePos(pos)
        event.setButton(LEFT)
        event.setButtons(buttons)
        event.setModifiers(modifiers)
        QApplication.sendEvent(self.scene, event)

    def drag(self, start: QPointF, end: QPointF, detour: QPointF = QPointF(12, 12), before_release=None):
        """Press at `start`, move past the click's slop (by `detour`) and on to `end`, release there;
        `before_release(interaction)` sees the gesture under way just before the release."""
        self.mouse(Press, start)
        self.mouse(Move, start + detour)
        self.mouse(Move, (start + end) / 2)
        self.mouse(Move, end)
        if before_release is not None:
            before_release(self.scene.interaction)
        self.mouse(Release, end, NO_BUTTON)

    def key(self, key, text: str = "") -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.scene, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def type(self, text: str) -> None:
        """Each character as a key with its text (the scene passes it to the open editor)."""
        for ch in text:
            self.key(Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown, ch)

    def grip(self, card_id: str) -> QPointF | None:
        """A point of the card where a press takes the card itself (not a link over it, nor its handle, nor
        an emotion point's dot, which takes its level)."""
        item = self.scene.card_items[card_id]
        r = self.layout.cards[card_id].rect
        for fx, fy in ((0.5, 0.5), (0.25, 0.3), (0.3, 0.75), (0.1, 0.1)):
            point = QPointF(r.x + r.w * fx, r.y + r.h * fy)
            if self.scene.top_item(point) is item and not item.handle_rect().contains(item.mapFromScene(point)) \
                    and not item.on_dot(point):
                return point
        return None

    def emotion_points(self) -> list[str]:
        return [c.id for c in self.doc.cards if self.layout.cards[c.id].compact]

    def emotion_dot(self, card_id: str) -> QPointF | None:
        """The centre of an emotion point's dot, where a press takes its level; None when another item is on it."""
        box = self.layout.cards[card_id]
        dot = box.markers[0].rect.center
        point = QPointF(box.rect.x + dot.x, box.rect.y + dot.y)
        item = self.scene.card_items[card_id]
        return point if self.scene.top_item(point) is item and item.on_dot(point) else None

    def level_y(self, card_id: str, level: int) -> float:
        return self.scene.curve_items[self.layout.cards[card_id].lane_id].curve.levels[level + 2]

    def on_link(self, link_id: str) -> QPointF | None:
        """A point of the link's line (a segment's middle) or label where the link is the top item."""
        path, item = self.layout.links[link_id], self.scene.link_items[link_id]
        middles = [QPointF((a.x + b.x) / 2, (a.y + b.y) / 2) for a, b in zip(path.points, path.points[1:])]
        label = [QPointF(path.label_rect.center.x, path.label_rect.center.y)] if path.label_rect else []
        return next((p for p in middles + label if self.scene.top_item(p) is item), None)

    def select_cards(self, data, max_size=3) -> list[str]:
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=max_size, unique_by=id))
        ids = {c.id for c in chosen}
        self.scene.select_cards([c.id for c in self.doc.cards if c.id in ids])
        assert self.scene.selected_card_ids() == [c.id for c in self.doc.cards if c.id in ids]
        return self.scene.selected_card_ids()

    def cell_end(self, cell) -> QPointF:
        """The lower right corner of a cell: a drop there goes after every card of it."""
        r = self.layout.cells[cell]
        return QPointF(r.right - 1, r.bottom - 1)

    def cells(self):
        return st.sampled_from([(s.id, lane.id) for s in self.doc.stages for lane in self.doc.lanes])

    def cell_ids(self, cell) -> list[str]:
        return [c.id for c in self.doc.cards_in(*cell)]

    @contextmanager
    def step(self):
        """What is done inside is heard once and is one undo step if it changes the map, else neither."""
        before, heard, index = dumps(self.doc), len(self.heard), self.session.undo_stack.index()
        yield
        changed = dumps(self.doc) != before
        assert (len(self.heard) - heard, self.session.undo_stack.index() - index) == (changed, changed)
        assert self.scene.interaction is None  # every gesture has ended
        if changed:
            self.history.append(before)
            self.future.clear()

    # -- gestures -----------------------------------------------------------------------------------

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), where=st.sampled_from(["before", "end", "outside", "escape"]))
    def drag_cards(self, data, where):
        """Drag the selected cards before a card of a cell, to its end, off the grid, or cancel with Escape."""
        ids = self.select_cards(data)
        grip = self.grip(data.draw(st.sampled_from(ids)))
        if grip is None:
            return
        cell = data.draw(self.cells())
        rest = [c for c in self.cell_ids(cell) if c not in ids]
        aim = data.draw(st.sampled_from(rest)) if where == "before" and rest else None
        if aim is not None:
            r = self.layout.cards[aim].rect
            end = QPointF(r.x + 1, r.y + 1)
        else:
            end = OUTSIDE if where == "outside" else self.cell_end(cell)
        seen = {}

        def under_way(drag):
            assert isinstance(drag, CardDrag) and drag.active and [i.card_id for i in drag.items] == ids
            assert all(item.dragged for item in drag.items)
            seen.update(target=drag.target, before=drag.before)
            if where == "escape":
                self.key(Qt.Key.Key_Escape)

        current, was = self.cell_ids(cell), dumps(self.doc)
        with self.step():
            self.drag(grip, end, before_release=under_way)
        if where in ("outside", "escape"):
            assert dumps(self.doc) == was and (where == "escape" or seen["target"] is None)
            return
        assert seen == {"target": cell, "before": aim}
        assert self.cell_ids(cell) == cell_order(current, ids, aim)

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), ctrl=st.booleans())
    def click_card(self, data, ctrl):
        """A click selects the card alone; Ctrl+click toggles it in the selection."""
        selected = self.select_cards(data)
        card_id = data.draw(st.sampled_from(self.doc.cards)).id
        grip = self.grip(card_id)
        if grip is None:
            return
        modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
        with self.step():
            self.mouse(Press, grip, modifiers=modifiers)
            self.mouse(Release, grip, NO_BUTTON, modifiers)
        wanted = ({*selected} ^ {card_id}) if ctrl else {card_id}
        assert set(self.scene.selected_card_ids()) == wanted

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]))
    def drag_header_to_reorder(self, data, kind):
        stage = kind == ElementKind.STAGE
        boxes = list((self.layout.stages if stage else self.layout.lanes).values())
        order = [e.id for e in self.doc.parts(kind)]
        element_id = data.draw(st.sampled_from(order))
        item = (self.scene.stage_items if stage else self.scene.lane_items)[element_id]
        header = boxes[order.index(element_id)].header
        start = QPointF(header.center.x, header.center.y)
        if self.scene.top_item(start) is not item or item.near_far_edge(start):
            return
        boundary = data.draw(st.integers(0, len(order)))
        if stage:
            edges = [b.column.x for b in boxes] + [boxes[-1].column.right]
            end = QPointF(edges[boundary], header.center.y)
        else:
            edges = [b.row.y for b in boxes] + [boxes[-1].row.bottom]
            end = QPointF(header.center.x, edges[boundary])

        def under_way(drag):
            assert isinstance(drag, HeaderDrag) and not drag.resize and drag.boundary == boundary
            assert self.scene.drop_marker.isVisible()

        with self.step():
            self.drag(start, end, before_release=under_way)
        assert self.scene.selectedItems() == [item]
        at = order.index(element_id)
        rest = [i for i in order if i != element_id]
        place = boundary - (boundary > at)
        assert [e.id for e in self.doc.parts(kind)] == rest[:place] + [element_id] + rest[place:]

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]),
          delta=st.integers(-300, 300))
    def drag_header_edge_to_resize(self, data, kind, delta):
        stage = kind == ElementKind.STAGE
        element_id = data.draw(st.sampled_from([e.id for e in self.doc.parts(kind)]))
        item = (self.scene.stage_items if stage else self.scene.lane_items)[element_id]
        box = (self.layout.stages if stage else self.layout.lanes)[element_id]
        header = box.header
        start = QPointF(header.right - 2, header.center.y) if stage else QPointF(header.center.x, header.bottom - 2)
        if self.scene.top_item(start) is not item or not item.near_far_edge(start):
            return
        style = self.scene.style
        if stage:
            size = round(max(box.column.w + delta, narrowest_stage(style)))
            end, detour = start + QPointF(delta, 0), QPointF(0, 12)
        else:
            size = round(max(box.row.h + delta, 20))
            end, detour = start + QPointF(0, delta), QPointF(12, 0)
        with self.step():
            self.drag(start, end, detour)
        element = self.doc.element(kind, element_id)
        assert (element.width if stage else element.height) == min(size, MAX_SIZE)

    @precondition(lambda self: len(self.doc.cards) >= 2)
    @rule(data=st.data())
    def connect_two_cards(self, data):
        source, target = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=2, max_size=2, unique_by=id))
        item = self.scene.card_items[source.id]
        if self.layout.cards[source.id].compact:
            return
        handle = item.mapToScene(item.handle_rect().center())
        end = self.grip(target.id)
        if self.scene.top_item(handle) is not item or end is None:
            return
        links = {k.id for k in self.doc.links}

        def under_way(connect):
            assert isinstance(connect, LinkConnect) and self.scene.link_preview.isVisible()

        with self.step():
            self.drag(handle, end, before_release=under_way)
        (new,) = [k for k in self.doc.links if k.id not in links]
        assert (new.source, new.target) == (source.id, target.id)
        assert self.scene.selectedItems() == [self.scene.link_items[new.id]]

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), typed=short, outcome=st.sampled_from([FINISH, CANCEL, NEXT]))
    def type_a_new_card(self, data, typed, outcome):
        """Double-click a cell's free corner and type; Tab (NEXT) opens the next card, which is cancelled."""
        cell = data.draw(self.cells())
        point = self.cell_end(cell)
        if not isinstance(self.scene.top_item(point), CellItem):
            return
        before = self.cell_ids(cell)
        with self.step():
            self.mouse(DoubleClick, point)
            edit = self.scene.interaction
            assert isinstance(edit, NewCard) and edit.cell == cell and edit.index == len(before)
            self.scene.editor.setPlainText(typed)
            typed = self.scene.editor.text()  # as the editor holds it (line and paragraph separators read as lines)
            edit.finish(outcome)
            if outcome == NEXT and isinstance(self.scene.interaction, NewCard):
                assert self.scene.interaction.index == len(before) + 1
                self.scene.interaction.finish(CANCEL)
        added = [c for c in self.cell_ids(cell) if c not in before]
        title, body = split_typed(typed)
        if outcome == CANCEL or not (title or body):
            assert added == []
        else:
            (card_id,) = added
            assert self.cell_ids(cell) == before + [card_id]
            assert (self.doc.card(card_id).title, self.doc.card(card_id).text) == (title, body)
            assert self.scene.selected_card_ids() == [card_id]

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), typed=short, outcome=st.sampled_from([FINISH, CANCEL]))
    def type_on_a_card(self, data, typed, outcome):
        card = data.draw(st.sampled_from(self.doc.cards))
        grip = self.grip(card.id)
        if grip is None:
            return
        was = (card.title, card.text)
        with self.step():
            self.mouse(DoubleClick, grip)
            assert isinstance(self.scene.interaction, CardText)
            self.scene.editor.setPlainText(typed)
            typed = self.scene.editor.text()
            self.scene.interaction.finish(outcome)
        card = self.doc.card(card.id)
        assert (card.title, card.text) == (split_typed(typed) if outcome == FINISH else was)

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]), typed=short)
    def rename_a_header(self, data, kind, typed):
        element = data.draw(st.sampled_from(self.doc.parts(kind)))
        item = (self.scene.stage_items if kind == ElementKind.STAGE else self.scene.lane_items)[element.id]
        header = item.mapRectToScene(item.boundingRect()).center()
        if self.scene.top_item(header) is not item:
            return
        was = element.name
        with self.step():
            self.mouse(DoubleClick, header)
            assert isinstance(self.scene.interaction, Rename)
            self.scene.editor.setPlainText(typed)
            typed = self.scene.editor.text()
            self.scene.interaction.finish(FINISH)
        name = " ".join(typed.split())
        assert self.doc.element(kind, element.id).name == (name or was)

    @precondition(lambda self: self.emotion_points())
    @rule(data=st.data(), level=st.integers(-2, 2))
    def drag_an_emotion_point(self, data, level):
        """Drag a point's dot by some levels, to `level`: to its own it is no step."""
        card_id = data.draw(st.sampled_from(self.emotion_points()))
        dot = self.emotion_dot(card_id)
        if dot is None:
            return

        def under_way(drag):
            assert isinstance(drag, EmotionDrag) and drag.item.card_id == card_id and drag.level == level
            assert drag.item.dragged and drag.tag.scene() is self.scene

        with self.step():
            self.drag(dot, QPointF(dot.x(), self.level_y(card_id, level)), QPointF(0, 12), under_way)
        assert self.doc.card(card_id).emotion == level
        assert self.scene.selected_card_ids() == [card_id]

    @precondition(lambda self: self.emotion_points())
    @rule(data=st.data(), level=st.integers(-2, 2))
    def cancel_an_emotion_drag(self, data, level):
        """Escape while a dot is dragged puts the point back: the release then changes nothing."""
        card_id = data.draw(st.sampled_from(self.emotion_points()))
        dot = self.emotion_dot(card_id)
        if dot is None:
            return

        def under_way(drag):
            assert isinstance(drag, EmotionDrag) and drag.level == level
            self.key(Qt.Key.Key_Escape)
            assert self.scene.interaction is None and drag.tag.scene() is None and not drag.item.dragged

        was = dumps(self.doc)
        with self.step():
            self.drag(dot, QPointF(dot.x(), self.level_y(card_id, level)), QPointF(0, 12), under_way)
        assert dumps(self.doc) == was

    @precondition(lambda self: self.doc.links)
    @rule(data=st.data(), typed=typed_keys, finish=st.booleans())
    def type_a_link_label(self, data, typed, finish):
        """Edit label from the link's context menu, type and finish with Enter or cancel with Escape."""
        link = data.draw(st.sampled_from(self.doc.links))
        point = self.on_link(link.id)
        if point is None:
            return
        was = link.label
        with self.step():
            menu = self.scene.context_menus.menu(self.scene.top_item(point), point)
            assert self.scene.selectedItems() == [self.scene.link_items[link.id]]
            (edit_label,) = [a for a in menu.actions() if a.text() == tr("Edit label")]
            edit_label.trigger()
            assert isinstance(self.scene.interaction, LinkLabel) and self.scene.interaction.link_id == link.id
            self.type(typed)
            assert not typed or self.scene.editor.text() == typed  # the first key typed replaces the label
            typed = self.scene.editor.text()
            self.key(Qt.Key.Key_Return if finish else Qt.Key.Key_Escape)
        assert self.doc.link(link.id).label == (" ".join(typed.split()) if finish else was)

    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), key=st.sampled_from([Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_F2,
                                               None]), first=st.sampled_from(LETTERS), typed=typed_keys,
          finish=st.booleans())
    def type_on_the_current_place(self, data, key, first, typed, finish):
        """Make a place current and start typing there from the keyboard: Enter or F2 edits its card, Enter on an
        empty place, Insert, or a character typed (`key` None: `first`) starts a card after it; then type and
        finish with Enter or cancel with Escape."""
        cell = data.draw(self.cells())
        before = self.cell_ids(cell)
        card_id = data.draw(st.sampled_from([None, *before]))
        self.scene.current.select(Spot(*cell, card_id))
        assert self.scene.current.spot == Spot(*cell, card_id)
        if key == Qt.Key.Key_F2 and card_id is None:
            with self.step():
                self.key(key)  # nothing to edit on an empty place: nothing opens
            return
        on_card = card_id is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
        was = (self.doc.card(card_id).title, self.doc.card(card_id).text) if on_card else None
        with self.step():
            if key is None:
                self.key(Qt.Key.Key_unknown, first)
            else:
                self.key(key)
            edit = self.scene.interaction
            if on_card:
                assert isinstance(edit, CardText) and edit.card_id == card_id
            else:
                assert isinstance(edit, NewCard) and edit.cell == cell
                assert edit.index == (before.index(card_id) + 1 if card_id is not None else len(before))
            self.type(typed)
            assert on_card or self.scene.editor.text() == (first if key is None else "") + typed
            typed = self.scene.editor.text()
            self.key(Qt.Key.Key_Return if finish else Qt.Key.Key_Escape)
        if on_card:
            card = self.doc.card(card_id)
            assert (card.title, card.text) == (split_typed(typed) if finish else was)
            return
        added = [c for c in self.cell_ids(cell) if c not in before]
        title, body = split_typed(typed)
        if not finish or not (title or body):
            assert added == []
        else:
            (new,) = added
            assert self.cell_ids(cell) == before[:edit.index] + [new] + before[edit.index:]
            assert (self.doc.card(new).title, self.doc.card(new).text) == (title, body)
            assert self.scene.selected_card_ids() == [new]

    # -- operations on the selection ----------------------------------------------------------------

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def delete_selected_cards_with_the_key(self, data):
        ids = self.select_cards(data)
        gone_links = {k.id for k in self.doc.links if k.source in ids or k.target in ids}
        with self.step():
            self.key(Qt.Key.Key_Delete)
        assert not (set(ids) | gone_links) & self.doc.ids()

    @precondition(lambda self: self.doc.links)
    @rule(data=st.data())
    def delete_a_selected_link(self, data):
        link = data.draw(st.sampled_from(self.doc.links))
        self.scene.select_only([self.scene.link_items[link.id]])
        with self.step():
            self.scene.operations.delete()
        assert link.id not in self.doc.ids()

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def duplicate(self, data):
        ids = self.select_cards(data)
        with self.step():
            self.scene.operations.duplicate()
        copies = self.scene.selected_card_ids()
        assert len(copies) == len(ids) and not set(copies) & set(ids)
        assert [self.doc.card(i).title for i in copies] == [self.doc.card(i).title for i in ids]

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), into_cell=st.booleans())
    def copy_and_paste(self, data, into_cell):
        """Paste at the end of a selected cell, or after the last selected card."""
        ids = self.select_cards(data)
        assert self.scene.operations.copy()
        if into_cell:
            cell = data.draw(self.cells())
            self.scene.select_only([self.scene.cell_items[cell]])
        else:
            last = self.doc.card(ids[-1])
            cell = (last.stage, last.lane)
        place = self.scene.edits.place_after(self.scene.selected_cell(), self.scene.selected_card_ids())
        before = self.cell_ids(cell)
        with self.step():
            self.scene.operations.paste()
        pasted = self.scene.selected_card_ids()
        assert len(pasted) == len(ids)
        assert self.cell_ids(cell) == before[:place[2]] + pasted + before[place[2]:]

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def filter_cards(self, data):
        """Fade the cards of one channel's; no change of the map."""
        channels = sorted({c.channel for c in self.doc.cards})
        self.card_filter = data.draw(st.none() | st.sampled_from([CardFilter("channel", v) for v in channels])) \
            if channels else None
        with self.step():
            self.scene.set_card_filter(self.card_filter)

    @rule(measure=st.none() | st.sampled_from(HEAT_MEASURES))
    def show_a_heat_map(self, measure):
        """Colour cards and cells by a measure, or as usual; no change of the map (the edits after it are
        laid out under it)."""
        with self.step():
            self.scene.set_heat(measure)

    # -- the editor's edits, undo and redo --------------------------------------------------------------

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data(), emotion=st.none() | st.integers(-2, 2), channel=st.sampled_from(["", "phone", "email"]))
    def set_fields(self, data, emotion, channel):
        chosen = data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=4, unique_by=id))
        with self.step():
            self.scene.edits.set_fields(ElementKind.CARD, {c.id: {"emotion": emotion, "channel": channel}
                                                           for c in chosen}, "Fields")

    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]), name=short)
    def add_a_stage_or_lane(self, data, kind, name):
        index = data.draw(st.integers(0, len(self.doc.parts(kind))))
        with self.step():
            if kind == ElementKind.STAGE:
                self.scene.edits.add_stage(index, name)
            else:
                self.scene.edits.add_lane(index, name, data.draw(st.sampled_from(LaneKind)))

    @precondition(lambda self: len(self.doc.stages) > 1 and len(self.doc.lanes) > 1)
    @rule(data=st.data(), kind=st.sampled_from([ElementKind.STAGE, ElementKind.LANE]))
    def remove_a_stage_or_lane(self, data, kind):
        element = data.draw(st.sampled_from(self.doc.parts(kind)))
        with self.step():
            self.scene.edits.remove_part(kind, element.id)

    @precondition(lambda self: self.doc.cards)
    @rule(data=st.data())
    def move_cards(self, data):
        chosen = [c.id for c in data.draw(st.lists(st.sampled_from(self.doc.cards), min_size=1, max_size=3,
                                                   unique_by=id))]
        cell = data.draw(self.cells())
        rest = [c for c in self.cell_ids(cell) if c not in chosen]
        with self.step():
            self.scene.edits.move_cards(chosen, *cell, data.draw(st.none() | st.sampled_from(rest)) if rest else None)

    @precondition(lambda self: self.history)
    @rule()
    def undo(self):
        done, heard = dumps(self.doc), len(self.heard)
        self.session.undo_stack.undo()
        assert dumps(self.doc) == self.history.pop()
        assert len(self.heard) == heard + 1
        self.future.append(done)

    @precondition(lambda self: self.future)
    @rule()
    def redo(self):
        undone, heard = dumps(self.doc), len(self.heard)
        self.session.undo_stack.redo()
        assert dumps(self.doc) == self.future.pop()
        assert len(self.heard) == heard + 1
        self.history.append(undone)

    # -- the invariant --------------------------------------------------------------------------------

    @invariant()
    def scene_shows_the_model(self):
        if not hasattr(self, "scene"):
            return
        self.check_scene()
        stack = self.session.undo_stack
        assert (stack.index(), stack.count()) == (len(self.history), len(self.history) + len(self.future))
        assert loads(dumps(self.doc)) == self.doc

    def check_scene(self):
        """One item for each element, on its box of a fresh layout, in its fill and fade; no other."""
        scene, doc, layout = self.scene, self.doc, self.scene.layout
        assert_same_layout(layout, compute_layout(doc, scene.style))
        faded = {c.id for c in doc.cards if self.card_filter is not None and not self.card_filter.matches(c)}
        assert set(scene.card_items) == {c.id for c in doc.cards}
        card_fills, cell_fills = _fills(scene)
        for card in doc.cards:
            box, item = layout.cards[card.id], scene.card_items[card.id]
            assert item.box == box and item.fill == QColor(card_fills[card.id])
            assert (item.pos().x(), item.pos().y()) == pytest.approx((box.rect.x, box.rect.y))  # Qt moves fuzzily
            handle = item.mapToScene(item.handle_rect().center())
            assert (handle.x(), handle.y()) == pytest.approx((box.rect.right, box.rect.center.y))  # its size
            assert not item.dragged and item.zValue() == CARD_Z
            assert item.opacity() == (FADED if card.id in faded else 1.0)
            assert layout.cell_at(box.rect.center.x, box.rect.center.y) == (card.stage, card.lane)
        for (stage, lane), ids in layout.cell_cards.items():
            assert ids == [c.id for c in doc.cards_in(stage, lane)]

        assert set(scene.link_items) == {k.id for k in doc.links}
        for link in doc.links:
            item = scene.link_items[link.id]
            assert item.path_box == layout.links[link.id]
            assert item.opacity() == (FADED if {link.source, link.target} <= faded else 1.0)

        for items, boxes in ((scene.stage_items, layout.stages), (scene.lane_items, layout.lanes)):
            assert set(items) == set(boxes)
            for element_id, box in boxes.items():
                item = items[element_id]
                assert (item.pos().x(), item.pos().y()) == pytest.approx((box.header.x, box.header.y))
                assert item.fill == QColor(box.fill) and item.texts == box.texts
        assert [s.id for s in doc.stages] == list(layout.stages) and [k.id for k in doc.lanes] == list(layout.lanes)
        assert set(scene.cell_items) == {(s.id, k.id) for s in doc.stages for k in doc.lanes}
        for (stage, lane), rect in layout.cells.items():
            item = scene.cell_items[(stage, lane)]
            assert (item.pos().x(), item.pos().y()) == pytest.approx((rect.x, rect.y)) and not item.drop_target
            assert item.fill == QColor(cell_fills[(stage, lane)])

        shown = {kind: [i for i in scene.items() if isinstance(i, kind)]
                 for kind in (CardItem, LinkItem, HeaderItem, CellItem)}
        assert set(shown[CardItem]) == set(scene.card_items.values()) and len(shown[CardItem]) == len(doc.cards)
        assert set(shown[LinkItem]) == set(scene.link_items.values()) and len(shown[LinkItem]) == len(doc.links)
        assert len(shown[HeaderItem]) == len(doc.stages) + len(doc.lanes)
        assert len(shown[CellItem]) == len(scene.cell_items)
        assert scene.interaction is None and scene.editor is None
        assert not scene.drop_marker.isVisible() and not scene.link_preview.isVisible()
        assert all(item.dragged is None for item in scene.curve_items.values())

    def teardown(self):
        """The map reads back from a file as it is; undoing every step gives back the first map."""
        if not hasattr(self, "session"):
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "map.cjm"
            save(self.doc, path)
            assert load(path) == self.doc
        stack = self.session.undo_stack
        while stack.canUndo():
            stack.undo()
        assert dumps(self.doc) == self.start_doc
        self.check_scene()
        end_canvas(self.session, self.scene, self.view)
        QApplication.clipboard().clear()  # a process that ends with cards on it crashes on Qt's offscreen platform


def _fills(scene: MapScene) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The colours the cards and cells should show: their boxes', or the heat map's when one is shown
    (a card without the measure grey, a cell the mean of its measured cards', else its lane's)."""
    doc, layout = scene.session.doc, scene.layout
    if scene.heat is None:
        return ({i: box.fill for i, box in layout.cards.items()},
                {key: layout.lanes[key[1]].cell_fill for key in layout.cells})
    heat = heat_values(doc, scene.heat)
    cells = cell_heat(doc, heat)
    return ({c.id: palette.heat_color(heat[c.id], HEAT_CARD) if c.id in heat else HEAT_UNMEASURED for c in doc.cards},
            {key: palette.heat_color(cells[key], HEAT_CELL) if key in cells else layout.lanes[key[1]].cell_fill
             for key in layout.cells})


def assert_same_layout(shown: MapLayout, fresh: MapLayout) -> None:
    """Equal layouts; card faces, which compare by identity, by their height and contents."""
    for name in (f.name for f in fields(MapLayout) if f.compare and f.name != "cards" and not f.name.startswith("_")):
        assert getattr(shown, name) == getattr(fresh, name), name
    assert {i: _look(box) for i, box in shown.cards.items()} == {i: _look(box) for i, box in fresh.cards.items()}


def _look(box: CardBox) -> tuple:
    return replace(box, face=None), box.face.height, box.face.contents()


TestSceneMachine = SceneMachine.TestCase
TestSceneMachine.settings = settings(max_examples=30, stateful_step_count=25, deadline=None)
