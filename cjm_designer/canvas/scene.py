"""The map scene: items that show the layout of the session's map, kept in step with the model.

The scene relays out and updates its items whenever the session reports a change. Its mouse and key
events go to tool objects (tools.py: the select tool and the gesture under way: dragging cards or
headers, connecting cards, typing), which turn them into calls of the editor's operations (`edits`).
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene

from ..bulk import collector_paused
from ..editor import Change, DocumentSession, Editor
from ..layout import DEFAULT_STYLE, LayoutMemo, MapLayout, Rect, Style, compute_layout, palette, relayout_cards
from ..model.analytics import CardFilter, cell_heat, heat_values
from ..model.document import ElementKind
from . import painting as P
from .current_cell import CurrentCell
from .items import (
    OVERVIEW_BELOW,
    CardItem,
    CellItem,
    CurveItem,
    HeaderItem,
    Kind,
    Layer,
    LinkItem,
    OverviewItem,
    TextBlockItem,
)
from .operations import SelectionOperations
from .select_tool import SelectTool
from .tools import Interaction, Tool

if TYPE_CHECKING:  # loaded when first needed: typing on the canvas, a map's conflicts, the context menus
    from .conflict_marks import ConflictMarks
    from .inline_editor import InlineEditor
    from .menus import ContextMenus

FADED = 0.18  # opacity of the cards a filter leaves out
HEAT_CARD, HEAT_CELL = 0.55, 0.22  # how strongly cards and cells take their heat-map colour
HEAT_UNMEASURED = "#F5F5F5"  # a card without the measure, while a heat map is shown
EAGER_CARDS = 1500  # up to this many cards every card and link has its item; beyond, only those near the view
_HEAT_FIELDS = {"quality": {"quality"}, "emotion": {"emotion"}, "conversion": {"metrics"}, "clicks": {"metrics"},
                "kpi": {"kpi"}}  # the card fields each heat-map measure reads
_RELAID_KINDS = frozenset({ElementKind.CARD, ElementKind.LINK, ElementKind.STAGE, ElementKind.LANE})  # see _on_changed
_PLACED_KINDS = frozenset({ElementKind.CARD, ElementKind.LINK})  # what a change of structure relays in part


class MapScene(QGraphicsScene):
    """Shows `session.doc`; emits `laidOut` after each relayout."""

    laidOut = Signal()
    visibleRequested = Signal(QRectF)  # a place the view should scroll to

    def __init__(self, session: DocumentSession, style: Style = DEFAULT_STYLE, parent=None):
        QGraphicsScene.__init__(self, parent)
        P.load_fonts()
        self.session = session
        self.edits = Editor(session)
        self.style = style
        self.layout: MapLayout | None = None
        self.layout_memo = LayoutMemo()  # what this session's relayouts measured and routed before
        self.heat: str | None = None  # a heat-map measure, when the map is coloured by one
        self.card_filter: CardFilter | None = None
        self.faded: set[str] = set()  # cards the filter leaves out
        self.previewing = False  # the layout shown is a header drag's preview, not the map's own
        self._preview_widths: dict[str, float] = {}  # the stage widths of the preview to lay out next
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._show_preview)
        self.icons = P.Icons()  # the cards' icons, each parsed once for the scene
        self.card_items: dict[str, CardItem] = {}  # on a big map, only the cards near the view have items
        self.card_fill: dict[str, str] = {}
        self.lazy = False
        self.realized_region = Rect(0, 0, 0, 0)
        self.cell_items: dict[tuple[str, str], CellItem] = {}
        self.stage_items: dict[str, HeaderItem] = {}
        self.lane_items: dict[str, HeaderItem] = {}
        self.link_items: dict[str, LinkItem] = {}  # on a big map, only the links near the view have items
        self._link_bounds: dict[str, tuple] = {}  # each link's path and what it covers, for finding those near
        self.curve_items: dict[str, CurveItem] = {}
        self.title_item = TextBlockItem()
        self.addItem(self.title_item)
        self.card_layer, self.link_layer = Layer(2), Layer(3)
        self.overview = OverviewItem()
        for item in (self.card_layer, self.link_layer, self.overview):
            self.addItem(item)
        self.overview.hide()
        self.drop_marker = QGraphicsRectItem()
        self.drop_marker.setPen(QPen(Qt.PenStyle.NoPen))
        self.drop_marker.setBrush(P.ACCENT)
        self.drop_marker.setZValue(6)
        self.drop_marker.hide()
        self.addItem(self.drop_marker)
        self.link_preview = QGraphicsLineItem()
        self.link_preview.setPen(QPen(P.ACCENT, 1.5, Qt.PenStyle.DashLine))
        self.link_preview.setZValue(6)
        self.link_preview.hide()
        self.addItem(self.link_preview)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.interaction: Interaction | None = None  # the gesture under way: it hears the events first
        self.tool = SelectTool(self)  # hears the rest: selects, and starts the gestures
        self.operations = SelectionOperations(self)  # delete, duplicate, cut, copy, paste the selection
        self.current = CurrentCell(self)  # where the keys act and typing adds a card, framed
        self._conflict_marks: ConflictMarks | None = None  # made for a map with conflicts (`conflict_marks`)
        self._selected_cards: set[str] = set()  # the cards whose items are drawn as selected
        self.selectionChanged.connect(self._refresh_selected_cards)
        session.changed.connect(self._on_changed)
        self.sync()

    # -- following the model --------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        """One relayout for each notification, which the session sends once for a push or a batch. An
        edit of fields of cards, links, stages and lanes alone, and cards and links added, removed or
        moved (a card typed, a delete, a drag, a paste, and their undo), lay out again only the cells
        the cards are in or left, the lanes' rows, the stages' headers (and what those move) and the
        links it reaches, and update only the items whose boxes or colours changed, came or went (with
        a heat map shown, a card's measure may recolour its cell, and clicks every card); any other
        change lays out and updates everything. The workshop's Inbox is not drawn: its cards arriving
        lay out nothing. A vote's new counts lay out only the cards whose dots they change
        (editor.set_vote_counts names them)."""
        if change.kinds == {ElementKind.INBOX}:
            return
        if change.kinds == {ElementKind.VOTE} and not change.structure and change.fields:  # ballots, or a vote ended
            card_ids = frozenset(i for i in change.ids if i in self.layout.cards)  # the cards whose dots moved
            if card_ids:
                with collector_paused():
                    self._sync_part(card_ids)
            return
        # cards and links that came, went or moved; or fields named, of cards, links, stages and lanes
        in_part = change.kinds <= (_PLACED_KINDS if change.structure else _RELAID_KINDS) \
            and (change.structure or bool(change.fields))
        if not change.kinds or not change.ids or not in_part:
            self.sync()
            return
        layout = self.layout
        links = frozenset(i for i in change.ids if i in layout.links)  # (ids are unique across a map)
        stages = frozenset(i for i in change.ids if i in layout.stages)
        lanes = frozenset(i for i in change.ids if i in layout.lanes)
        cards = change.ids - links - stages - lanes  # (with structure, a link that came too: see relayout_cards)
        recolour = self.heat is not None and (change.structure or change.touches(ElementKind.LANE, {"kind"})
                                              or change.touches(ElementKind.CARD, _HEAT_FIELDS[self.heat]))
        with collector_paused():
            self._sync_part(cards, links, stages, lanes, change.structure, recolour)

    def sync(self) -> None:
        """Relayout and bring every item in line with the model: create, update, remove."""
        with collector_paused():
            self._sync()

    def preview_stage_width(self, stage_id: str, width: float) -> None:
        """Show the map as it would be with the stage `width` wide, its cards re-wrapped, the model
        unchanged: a header drag's live preview, until `end_preview` or the resize's own relayout.
        It is laid out once the events waiting are handled: a big map's layout takes a while, and
        meanwhile the pointer moves on, so only where it went last is laid out."""
        self._preview_widths = {stage_id: width}
        self._preview_timer.start(0)

    def _show_preview(self) -> None:
        with collector_paused():
            self._sync(compute_layout(self.session.doc, self.style, self.layout_memo, self._preview_widths))
        self.previewing = True

    def end_preview(self) -> None:
        """Show the map's own layout again, if a preview is shown, and lay out no preview pending."""
        self._preview_timer.stop()
        if self.previewing:
            self.sync()

    def _sync(self, layout: MapLayout | None = None) -> None:
        """Bring every item in line with `layout` (by default, the map laid out now)."""
        self.previewing = False
        doc = self.session.doc
        layout = self.layout = layout or compute_layout(doc, self.style, self.layout_memo)

        self.title_item.show(layout, doc.personas)
        _reconcile(self, self.stage_items, layout.stages, lambda key: HeaderItem(Kind.STAGE, key))
        for stage_id, box in layout.stages.items():
            self.stage_items[stage_id].show(box, QColor(box.fill))
        _reconcile(self, self.lane_items, layout.lanes, lambda key: HeaderItem(Kind.LANE, key))
        for lane_id, box in layout.lanes.items():
            self.lane_items[lane_id].show(box, QColor(box.fill))
        _reconcile(self, self.cell_items, layout.cells, lambda key: CellItem(*key))
        self.card_fill, cell_fill = self._fills(layout)
        for key, rect in layout.cells.items():
            self.cell_items[key].show(rect.x, rect.y, rect.w, rect.h, QColor(cell_fill[key]))

        self.lazy = len(doc.cards) > EAGER_CARDS
        for card_id in [k for k in self.card_items if k not in layout.cards]:
            self.removeItem(self.card_items.pop(card_id))
        keep = self.card_filter
        self.faded = set() if keep is None else {card.id for card in doc.cards if not keep.matches(card)}
        for card_id, item in self.card_items.items():
            item.show(layout.cards[card_id], QColor(self.card_fill[card_id]), FADED if card_id in self.faded else 1.0)
        self.realize_cards(layout.cards if not self.lazy else
                           [card_id for card_id, _ in layout.cards_touching(self.realized_region)])
        for link_id in [k for k in self.link_items if k not in layout.links]:
            self.removeItem(self.link_items.pop(link_id))
        self._link_bounds = {k: v for k, v in self._link_bounds.items() if k in layout.links}
        for link in doc.links:
            item = self.link_items.get(link.id)
            if item is not None:
                item.show(layout.links[link.id])
                item.setOpacity(self._link_fade(link))
        self.realize_links(layout.links if not self.lazy else self._links_touching(self.realized_region))
        self.overview.show(layout, self.card_fill)
        curves = layout.curves_by_lane()
        _reconcile(self, self.curve_items, curves, lambda key: CurveItem())
        for lane_id, lane_curves in curves.items():
            self.curve_items[lane_id].show(lane_curves)
        self._show_conflicts(layout)

        self.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self.laidOut.emit()

    def _sync_part(self, card_ids: frozenset[str], link_ids: frozenset[str] = frozenset(),
                   stage_ids: frozenset[str] = frozenset(), lane_ids: frozenset[str] = frozenset(),
                   structure: bool = False, recolour: bool = False) -> None:
        """`_sync` after an edit of the fields of `card_ids` (and of the links, stages and lanes named)
        alone, or with `structure` after those cards and links came, went or moved: only the items whose
        boxes the relayout made anew are updated, those standing off their boxes, the items of cards and
        links gone removed and new ones made (on a big map, near the view only, as `_sync` makes them).
        A lane's cells take its fill (its kind may have changed). With a heat map shown, its colours are
        kept, or with `recolour` worked out again for every card and cell (a card's measure, or cards
        coming and going, may move a cell's mean, and the clicks' scale is the map's most) and the items
        whose colour changed are shown in it.
        The title, personas and conflicts' places are not laid out: the conflicts' marks are drawn again,
        as they may name the cards."""
        doc = self.session.doc
        relaid = relayout_cards(doc, card_ids, self.style, self.layout_memo, link_ids, stage_ids, lane_ids, structure)
        if relaid.full or (len(doc.cards) > EAGER_CARDS) != self.lazy:  # (items near the view only, or all)
            self._sync(relaid.layout)
            return
        layout = self.layout = relaid.layout
        for stage_id in relaid.stages:
            box = layout.stages[stage_id]
            self.stage_items[stage_id].show(box, QColor(box.fill))
        for lane_id in relaid.lanes:
            box = layout.lanes[lane_id]
            self.lane_items[lane_id].show(box, QColor(box.fill))
        cells = relaid.cells.union((stage_id, lane_id) for lane_id in relaid.lanes for stage_id in layout.stages)
        recoloured: set[str] = set()
        if recolour:
            card_fill, cell_fill = self._fills(layout)
            recoloured = {card_id for card_id, fill in card_fill.items() if fill != self.card_fill.get(card_id)}
            cells.update(key for key, fill in cell_fill.items() if QColor(fill) != self.cell_items[key].fill)
            self.card_fill = card_fill
        for key in cells:  # (a lane's kind sets its cells' fill)
            item, rect = self.cell_items[key], layout.cells[key]
            if recolour:
                fill = QColor(cell_fill[key])
            elif self.heat:
                fill = item.fill  # (the heat map's colour, which this change does not move)
            else:
                fill = QColor(layout.lanes[key[1]].cell_fill)
            item.show(rect.x, rect.y, rect.w, rect.h, fill)
        for gone in relaid.gone:  # a card's or a link's (ids are unique across a map)
            item = self.card_items.pop(gone, None) or self.link_items.pop(gone, None)
            if item is not None:
                self.removeItem(item)
            self.card_fill.pop(gone, None)
            self._link_bounds.pop(gone, None)
        self.faded -= relaid.gone
        if not self.heat:
            self.card_fill.update((card_id, layout.cards[card_id].fill) for card_id in relaid.cards)
        for link_id in relaid.links:
            if link_id in self.link_items:
                self.link_items[link_id].show(layout.links[link_id])
        self._refade_links(link_ids - relaid.gone)  # a link given another end may join two faded cards now, or not
        self._show_cards(relaid.cards | recoloured | self._refade(card_ids) | self._displaced())
        if relaid.cards:  # (new cards among them get items: every card on a small map, near the view on a big one)
            self.realize_cards([card_id for card_id, _ in layout.cards_touching(self.realized_region)] if self.lazy
                               else relaid.cards)
        if relaid.links:
            self.realize_links(self._links_touching(self.realized_region) if self.lazy else relaid.links)
        if relaid.cards or relaid.links or relaid.gone or recoloured:
            self.overview.show(layout, self.card_fill)
        if relaid.curves:
            curves = layout.curves_by_lane()
            _reconcile(self, self.curve_items, curves, lambda key: CurveItem())  # a lane's kind changed: new or gone
            for lane_id, lane_curves in curves.items():
                if lane_id in relaid.curves:
                    self.curve_items[lane_id].show(lane_curves)
        self._show_conflicts(layout)
        if self.sceneRect() != QRectF(0, 0, layout.width, layout.height):
            self.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self.laidOut.emit()

    def _fills(self, layout: MapLayout) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        """Every card's colour and every cell's: the layout's, or with a heat map shown its measure's (a
        card without the measure grey, a cell the mean of its measured cards', else its lane's colour).
        Every card's, though only the cards near the view have items on a big map: the Overview shows all."""
        if not self.heat:
            return ({card_id: box.fill for card_id, box in layout.cards.items()},
                    {key: layout.lanes[key[1]].cell_fill for key in layout.cells})
        doc = self.session.doc
        heat = heat_values(doc, self.heat)
        cells_heat = cell_heat(doc, heat)
        shades: dict[float, str] = {}  # each value coloured once (4 µs a colour; a quality has five values)
        cards = {}
        for card in doc.cards:
            value = heat.get(card.id)
            if value is None:
                cards[card.id] = HEAT_UNMEASURED
            else:
                cards[card.id] = shades.get(value) or shades.setdefault(value, palette.heat_color(value, HEAT_CARD))
        return cards, {key: palette.heat_color(cells_heat[key], HEAT_CELL) if key in cells_heat
                       else layout.lanes[key[1]].cell_fill for key in layout.cells}

    @property
    def conflict_marks(self) -> ConflictMarks:
        """A merge's conflicts, framed in red: made for the first layout with any (a map without conflicts
        never loads conflict_marks.py)."""
        if self._conflict_marks is None:
            from .conflict_marks import ConflictMarks

            self._conflict_marks = ConflictMarks(self)
        return self._conflict_marks

    @cached_property
    def context_menus(self) -> ContextMenus:
        """The right-click's menus, which the select tool hands it to: made on first use (the first frame
        never loads menus.py)."""
        from .menus import ContextMenus

        return ContextMenus(self)

    def _show_conflicts(self, layout: MapLayout) -> None:
        conflicts = self.session.doc.conflicts
        if conflicts or self._conflict_marks is not None:
            self.conflict_marks.show(layout, conflicts)

    def _refade(self, card_ids: frozenset[str] | None = None) -> set[str]:
        """Fade the cards (of `card_ids`, or all) that the filter leaves out and show again those it
        keeps; the ids of those whose fade changed."""
        keep = self.card_filter
        if keep is None and not self.faded:
            return set()
        changed = {card.id for card in self.session.doc.cards if (card_ids is None or card.id in card_ids)
                   and (keep is not None and not keep.matches(card)) != (card.id in self.faded)}
        self.faded ^= changed
        return changed

    def _link_fade(self, link) -> float:
        """A link's opacity: faded between two faded cards, else full."""
        return FADED if {link.source, link.target} <= self.faded else 1.0

    def _refade_links(self, link_ids: frozenset[str]) -> None:
        """Fade the items of the links `link_ids` that join two faded cards, and show the others (the links
        of cards whose fade changed follow them in `_show_cards`)."""
        for link_id in link_ids:
            item = self.link_items.get(link_id)
            if item is not None:
                link = self.session.doc.link(link_id)
                item.setOpacity(self._link_fade(link))

    def _displaced(self) -> set[str]:
        """The cards whose items stand off their boxes (a gesture moved them and left the map as it was),
        but not those a drag holds now. Every item is looked at: a big map has items only near the view."""
        cards = self.layout.cards
        return {card_id for card_id, item in self.card_items.items() if not item.dragged
                and (item.x(), item.y()) != (cards[card_id].rect.x, cards[card_id].rect.y)}

    def _show_cards(self, card_ids: set[str]) -> None:
        """Bring the items of `card_ids` in line with their boxes, fills and fades, and the links
        from or to them with their fades."""
        layout = self.layout
        for card_id in card_ids:
            item = self.card_items.get(card_id)
            if item is not None:
                item.show(layout.cards[card_id], QColor(self.card_fill[card_id]),
                          FADED if card_id in self.faded else 1.0)
        if card_ids:
            for link in self.session.doc.links:
                if (link.source in card_ids or link.target in card_ids) and link.id in self.link_items:
                    self.link_items[link.id].setOpacity(self._link_fade(link))

    # -- heat map and filter ---------------------------------------------------------------------

    def set_heat(self, measure: str | None) -> None:
        """Colour cards and cells by `measure` (see model.analytics.HEAT_MEASURES), or as usual."""
        if measure != self.heat:
            self.heat = measure
            with collector_paused():
                self._sync(self.layout)  # the same places: only colours change

    def set_card_filter(self, card_filter: CardFilter | None) -> None:
        """Fade the cards that `card_filter` does not keep (and links between faded cards)."""
        if card_filter != self.card_filter:
            self.card_filter = card_filter
            self._show_cards(self._refade())  # the same places and colours: only fades change

    # -- card items on demand -------------------------------------------------------------------

    def realize_cards(self, card_ids) -> None:
        """Make sure the given cards have items. A big map (over EAGER_CARDS cards) gets items only
        for the cards near what a view shows, so opening and editing it stay quick."""
        layout = self.layout
        for card_id in card_ids:
            if card_id not in self.card_items:
                item = self.card_items[card_id] = CardItem(card_id, self.icons)
                item.show(layout.cards[card_id], QColor(self.card_fill[card_id]),
                          FADED if card_id in self.faded else 1.0)
                item.setParentItem(self.card_layer)

    def realize_links(self, link_ids) -> None:
        """Make sure the given links have items (a big map's, like its cards', are made near the view:
        the 500 links' items of a 5,000-card map cost its start 30 ms, made and painted). They stack in
        the map's order, as the links made together at first do: one made later goes under the links
        after it. (A comparison's layout also routes the links the map no longer has: those get no item,
        and show as its marks.)"""
        new = [link_id for link_id in link_ids if link_id not in self.link_items]
        if not new:
            return
        layout, order = self.layout, {link.id: i for i, link in enumerate(self.session.doc.links)}
        new = [link_id for link_id in new if link_id in order]
        made = sorted((order[link_id], link_id) for link_id in self.link_items if link_id in order)
        for link_id in new:
            item = self.link_items[link_id] = LinkItem(link_id)
            item.setParentItem(self.link_layer)
            item.show(layout.links[link_id])
            link = self.session.doc.links[order[link_id]]
            item.setOpacity(self._link_fade(link))
            after = bisect_right(made, (order[link_id], link_id))
            if after < len(made):  # links made before it that come after it in the map stay above it
                above = self.link_items[made[after][1]]
                item.stackBefore(above)
                item.label_item.stackBefore(above.label_item)
            insort(made, (order[link_id], link_id))

    def _links_touching(self, region: Rect) -> list[str]:
        """The links whose line or label meets `region`, in the map's order."""
        known, found = self._link_bounds, []
        left, top, right, bottom = region.x, region.y, region.x + region.w, region.y + region.h
        for link_id, path in self.layout.links.items():
            entry = known.get(link_id)
            if entry is None or entry[0] is not path:
                entry = known[link_id] = (path, path.bounds())
            x, y, w, h = entry[1]
            if x <= right and left <= x + w and y <= bottom and top <= y + h:
                found.append(link_id)
        return found

    def realize_around(self, visible: QRectF) -> None:
        """Give items to the cards and links in and around `visible` (half a screen more on each side)."""
        if not self.lazy:
            return
        w, h = visible.width() / 2, visible.height() / 2
        region = Rect(visible.x() - w, visible.y() - h, visible.width() + 2 * w, visible.height() + 2 * h)
        self.realized_region = region
        self.realize_cards([card_id for card_id, _ in self.layout.cards_touching(region)])
        self.realize_links(self._links_touching(region))

    def set_detail(self, zoom: float) -> None:
        """Far out, one overview item stands in for all cards and links."""
        far = zoom < OVERVIEW_BELOW
        if far != self.overview.isVisible():
            self.overview.setVisible(far)
            self.card_layer.setVisible(not far)
            self.link_layer.setVisible(not far)

    # -- exports --------------------------------------------------------------------------------

    @contextmanager
    def export_mode(self, background: bool = True) -> Iterator[MapScene]:
        """While inside, the scene draws what an exported image shows: every card and link has its item, drawn
        in full detail at any scale and uncached (no bitmaps in an SVG, nothing stale); the cards and
        links rather than the overview; no selection, hover handle, drop marker, link preview or current
        cell's frame; and with `background` False, no background at all (for a transparent image). Cards and links are
        lifted out of their layers meanwhile: `render()` draws every child of an item in the rectangle
        asked for, so a layer in it would have all the map's cards drawn for any part of it. Everything
        is put back on leaving, and the card and link items made for the export are removed again."""
        added = [card_id for card_id in self.layout.cards if card_id not in self.card_items]
        self.realize_cards(added)
        added_links = [link_id for link_id in self.layout.links if link_id not in self.link_items]
        self.realize_links(added_links)
        selected = self.selectedItems()
        self.clearSelection()
        visible = {item: item.isVisible() for item in (self.overview, self.card_layer, self.link_layer,
                                                       self.drop_marker, self.link_preview, self.current.frame)}
        self.overview.hide()
        self.card_layer.show()
        self.link_layer.show()
        self.drop_marker.hide()
        self.link_preview.hide()
        self.current.frame.hide()
        targets = [cell for cell in self.cell_items.values() if cell.drop_target]
        hovered = [card for card in self.card_items.values() if card.hovered]
        for cell in targets:
            cell.set_drop_target(False)
        for card in self.card_items.values():
            card.hovered, card.full_detail = False, True
        for link in self.link_items.values():
            link.full_detail = True
        caches = [(item, item.cacheMode()) for item in self.items()]
        for item, _ in caches:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        brush = self.backgroundBrush()
        if not background:
            self.setBackgroundBrush(QBrush(Qt.BrushStyle.NoBrush))
        layered = [(layer, layer.childItems()) for layer in (self.card_layer, self.link_layer)]  # in stacking order
        for _, children in layered:
            for item in children:
                item.setParentItem(None)
        try:
            yield self
        finally:
            for layer, children in layered:
                for item in children:
                    if item.scene() is self:
                        item.setParentItem(layer)
            self.setBackgroundBrush(brush)
            for item, mode in caches:
                item.setCacheMode(mode)
            for card in self.card_items.values():
                card.full_detail = False
            for link in self.link_items.values():
                link.full_detail = False
            for card in hovered:
                card.hovered = True
            for cell in targets:
                cell.set_drop_target(True)
            for item, shown in visible.items():
                item.setVisible(shown)
            for card_id in added:
                if card_id in self.card_items:
                    self.removeItem(self.card_items.pop(card_id))
            for link_id in added_links:
                if link_id in self.link_items:
                    self.removeItem(self.link_items.pop(link_id))
            for item in selected:
                if item.scene() is self:
                    item.setSelected(True)

    # -- the end ----------------------------------------------------------------------------------

    def dispose(self) -> None:
        """End the scene now, its items with it, not whenever Python's cyclic collector finds it (its wrapper
        lives in reference cycles). The collector clears wrappers in no set order, and shiboken gives a wrapper
        that Qt still owns back to Python as it clears it: that wrapper then deletes its object while the owner
        still lists it (an undo command its stack deletes again: heap corruption), and Qt emits the scene's
        signals into slots on half-cleared objects. So whoever makes a scene without a parent (an export, a
        template's preview, a test's canvas) disposes of it: Qt deletes the scene, its items and its timer at
        once, telling no view, and the Python side's cycles are broken, so that reference counting frees the
        rest, the session too once nobody else holds it (its stack then deletes its commands, in Qt's order)."""
        self._preview_timer.stop()
        self.session.changed.disconnect(self._on_changed)
        self.blockSignals(True)  # the views and panels hear nothing of the items going
        shiboken6.delete(self)
        self.__dict__.clear()

    # -- events: to the gesture under way, else to the select tool (see tools.py) ---------------

    def _handler(self) -> Tool:
        return self.interaction or self.tool

    @staticmethod
    def _taken(taken: bool, default, event) -> None:
        """Accept an event a tool took; else Qt's default has it."""
        if taken:
            event.accept()
        else:
            default(event)

    def mousePressEvent(self, event) -> None:
        self._taken(self._handler().mouse_press(event), super().mousePressEvent, event)

    def mouseMoveEvent(self, event) -> None:
        self._taken(self._handler().mouse_move(event), super().mouseMoveEvent, event)

    def mouseReleaseEvent(self, event) -> None:
        self._taken(self._handler().mouse_release(event), super().mouseReleaseEvent, event)

    def mouseDoubleClickEvent(self, event) -> None:
        self._taken(self._handler().mouse_double_click(event), super().mouseDoubleClickEvent, event)

    def keyPressEvent(self, event) -> None:
        self._taken(self._handler().key_press(event), super().keyPressEvent, event)

    def contextMenuEvent(self, event) -> None:
        self._taken(self._handler().context_menu(event), super().contextMenuEvent, event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab reaches the scene, not its focus item: an open text editor finishes and goes on."""
        return self._handler().focus_next(forward) or super().focusNextPrevChild(forward)

    @property
    def editor(self) -> InlineEditor | None:
        """The text editor open on the canvas, if any."""
        if self.interaction is None:
            return None
        from .text_edits import InlineEdit

        return self.interaction.item if isinstance(self.interaction, InlineEdit) else None

    def new_card(self, stage_id: str, lane_id: str, index: int | None = None, text: str = "") -> None:
        """Open the editor where a new card goes (the window's New card; see text_edits.NewCard)."""
        from .text_edits import NewCard

        NewCard(self, stage_id, lane_id, index, text).start()

    # -- selection ------------------------------------------------------------------------------

    def _refresh_selected_cards(self) -> None:
        """Draw anew the cards selected or unselected since the last change (CardItem.refresh). Told by the
        scene, not by each card's `itemChange`: a card that overrides it passes every change of itself (its
        place, parent, opacity...) through Python, 2 ms for the cards made at a big map's start."""
        selected = {item.card_id for item in self.selectedItems() if isinstance(item, CardItem)}
        for card_id in selected ^ self._selected_cards:
            if card_id in self.card_items:  # not if the card went with its item
                self.card_items[card_id].refresh()
        self._selected_cards = selected

    def selected_card_ids(self) -> list[str]:
        """Selected cards in map order."""
        chosen = {i.card_id for i in self.selectedItems() if isinstance(i, CardItem)}
        return [c.id for c in self.session.doc.cards if c.id in chosen] if chosen else []  # no walk of a big map

    def selected_link_ids(self) -> list[str]:
        return [i.link_id for i in self.selectedItems() if isinstance(i, LinkItem)]

    def selected_cell(self) -> tuple[str, str] | None:
        cells = [i for i in self.selectedItems() if isinstance(i, CellItem)]
        return (cells[0].stage_id, cells[0].lane_id) if len(cells) == 1 else None

    def select_only(self, items) -> None:
        """Select exactly `items`, telling the listeners once: Qt reports each item's change, and a panel
        that rebuilds on each would do it once per card of a Select all."""
        before = set(self.selectedItems())
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for item in items:
                item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        if set(self.selectedItems()) != before and not blocked:
            self.selectionChanged.emit()

    def select_cards(self, card_ids) -> None:
        card_ids = [i for i in card_ids if i in self.layout.cards]
        self.realize_cards(card_ids)
        self.select_only(self.card_items[i] for i in card_ids)

    def card_at(self, pos: QPointF) -> CardItem | None:
        return next((i for i in self.items(pos) if isinstance(i, CardItem)), None)

    def top_item(self, pos: QPointF):
        """The topmost card, link, header or cell under `pos`, or the open text editor if it is on top."""
        editor = self.editor
        for item in self.items(pos):
            if item is editor or isinstance(item, (CardItem, LinkItem, HeaderItem, CellItem)):
                return item
        return None

    def header_marks(self) -> dict[str, tuple]:
        """The shapes drawn on stage and lane headers besides their own, by header id, which the view draws
        with the headers where it pins them (a comparison's notes, canvas/comparison_items.py); a map has none."""
        return {}


def _reconcile(scene: QGraphicsScene, items: dict, wanted: dict, make) -> None:
    """Remove the items whose key is gone and add one for each new key."""
    for key in [k for k in items if k not in wanted]:
        scene.removeItem(items.pop(key))
    for key in wanted:
        if key not in items:
            item = items[key] = make(key)
            scene.addItem(item)
