"""A stage of the map on slides: its header (name, funnel line, goal, questions), then its lanes as
bands, each lane's cards as native rounded rectangles that can be edited in PowerPoint, the emotions
lane as its curves through dots, and the links between the slide's cards as connectors.

Everything is taken from the map's layout: the header's lines, the cards' resolved fills and marker
texts, the curves' points and colours, so the slides say what the map shows. A stage slide is wider
than a stage's column, so its cards flow in rows across the slide; a stage with more cards than a
slide holds goes on as many slides as it needs (at most MAX_SLIDES; the rest is counted on the last).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from ..layout import DEFAULT_STYLE, CardBox, EmotionCurve, MapLayout, Point, drawing, palette
from ..layout.drawing import catmull_rom, marker_color
from ..layout.text import TextStyle
from ..model import JourneyMap, LaneKind
from ..model.captions import caption
from .pptx_text import (
    FIT_MARGIN,
    INSET,
    Run,
    add_box,
    add_text,
    fill_frame,
    fitted_size,
    language_tag,
    lines_of,
    plain,
    rgb,
    shortened,
)

SLIDE_W, SLIDE_H = 960.0, 540.0  # 16:9, points
MARGIN = 28.0
HEADER_H = 92.0
GRID_TOP = HEADER_H + 10
GRID_BOTTOM = SLIDE_H - 18
LANE_LABEL_W = 132.0
CELL_X = MARGIN + LANE_LABEL_W
CELL_W = SLIDE_W - MARGIN - CELL_X
PAD, GAP = 8.0, 8.0
CARD_MIN_W, CARD_MAX_W = 178.0, 374.0  # at most half a slide: two cards fill a row
COLUMNS = max(1, int((CELL_W - 2 * PAD + GAP) // (CARD_MIN_W + GAP)))  # the most cards a row holds
EMPTY_H = 26.0  # a lane with no card in the stage
EMOTIONS_H = 120.0
NAMED_POINTS = 12  # an emotions lane with more points in a stage shows their dots without their titles
TITLE = TextStyle(11.5, bold=True, leading=1.2)
BODY = TextStyle(9.5, leading=1.2)
MARKS = TextStyle(8.5, leading=1.2)
TITLE_LINES, BODY_LINES = 4, 2
LABEL = TextStyle(DEFAULT_STYLE.link_label.size, leading=1.2)  # a link's label, as the map sizes it
LABEL_W, LABEL_LINES, LABEL_INSET = 120.0, 2, 2.0
LINK_DASHES = {"message": MSO_LINE_DASH_STYLE.DASH, "email": MSO_LINE_DASH_STYLE.LONG_DASH_DOT}  # as the map's
BRIEF_FROM = 40  # a stage with more cards than this shows their titles only, so a slide holds more of them
MAX_SLIDES = 12  # a stage's slides: past them, a huge map's cards are counted, not drawn (the map slide has them)


@dataclass
class Band:
    """A lane on one slide: its card rows (ids), each row's height; or the emotions lane's curve."""

    lane_id: str
    rows: list[list[str]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    emotions: bool = False

    @property
    def height(self) -> float:
        if self.emotions:
            return EMOTIONS_H
        if not self.rows:
            return EMPTY_H
        return sum(self.heights) + GAP * (len(self.rows) - 1) + 2 * PAD


@dataclass
class StageSlide:
    stage_id: str
    columns: int
    card_width: float
    bands: list[Band] = field(default_factory=list)
    part: int = 1
    parts: int = 1
    left_out: int = 0  # cards of the stage on no slide (past MAX_SLIDES)

    @property
    def height(self) -> float:
        return sum(band.height for band in self.bands)


@dataclass(frozen=True)
class CardText:
    """What a card shape says, measured at the slide card's width."""

    title: str
    body: str
    marks: list[tuple[str, str]]  # (text, colour)
    height: float


def card_text(doc_card, box: CardBox, width: float, language: str, brief: bool = False) -> CardText:
    """What the card says at `width`; `brief`, its title only (at most two lines) and no markers."""
    inner = width - 2 * INSET - 4
    title_lines = lines_of(doc_card.title, TITLE, inner, 2 if brief else TITLE_LINES) or [""]
    body = "" if brief else shortened(doc_card.text, BODY, inner, BODY_LINES)
    marks = [] if brief else _marks(box, language)
    height = 2 * INSET + len(title_lines) * TITLE.line_height + 2
    height += len(lines_of(body, BODY, inner)) * BODY.line_height
    if marks:
        shown = " · ".join(text for text, _ in marks)
        height += len(lines_of(shown, MARKS, inner)) * MARKS.line_height + 2
    return CardText(doc_card.title, body, marks, max(height, 30.0 if brief else 40.0))


def _marks(box: CardBox, language: str) -> list[tuple[str, str]]:
    """The card's markers as short texts in their colours: channel, owner, KPI, figures, A/B test,
    a pain point and the emotion in words."""
    marks = []
    for marker in box.markers:
        if marker.text:
            marks.append((marker.text, marker_color(marker)))
        elif marker.kind == "pain":
            marks.append((caption("pain", language), palette.PAIN))
        elif marker.kind == "emotion" and marker.value is not None:
            marks.append((caption("emotion_scale", language)[int(marker.value) + 2],
                          palette.EMOTION_COLORS[int(marker.value)]))
        elif marker.kind == "quality":
            marks.append(("★" * int(marker.value), palette.MUTED))
    return marks


def plan_stage(doc: JourneyMap, layout: MapLayout, stage_id: str, texts: dict[str, CardText]) -> list[StageSlide]:
    """The slides of one stage: lanes in the map's order, each lane's cards in rows of COLUMNS, a
    lane cut between rows onto the next slide when the slide is full. `texts` gets each placed
    card's text (measured once, for the plan and the drawing)."""
    cards = {card.id: card for card in doc.cards}
    language = doc.meta.language
    room = GRID_BOTTOM - GRID_TOP
    fullest = max((len(layout.cell_cards.get((stage_id, lane.id), ())) for lane in doc.lanes
                   if lane.kind != LaneKind.EMOTIONS), default=1)
    brief = sum(len(layout.cell_cards.get((stage_id, lane.id), ())) for lane in doc.lanes) > BRIEF_FROM
    columns = min(COLUMNS, max(fullest, 1))
    width = min((CELL_W - 2 * PAD - GAP * (columns - 1)) / columns, CARD_MAX_W)
    slides = [StageSlide(stage_id, columns, width)]
    placed = total = 0
    for lane in doc.lanes:
        ids = layout.cell_cards.get((stage_id, lane.id), [])
        total += len(ids)
        if len(slides) > MAX_SLIDES:
            continue
        if lane.kind == LaneKind.EMOTIONS:
            band = Band(lane.id, emotions=True)
            if slides[-1].bands and slides[-1].height + band.height > room:
                slides.append(StageSlide(stage_id, columns, width))
            slides[-1].bands.append(band)
            placed += len(ids)
            continue
        band = Band(lane.id)
        if not ids and slides[-1].height + band.height > room:
            continue  # an empty lane on a full slide: left out rather than overflowing it
        slides[-1].bands.append(band)
        for first in range(0, len(ids), columns):
            row = ids[first:first + columns]
            for card_id in row:
                texts[card_id] = card_text(cards[card_id], layout.cards[card_id], width, language, brief)
            height = max(texts[card_id].height for card_id in row)
            full = slides[-1].height + height + (GAP if band.rows else 0) > room
            if full and (band.rows or len(slides[-1].bands) > 1):
                if not band.rows:
                    slides[-1].bands.pop()
                slides.append(StageSlide(stage_id, columns, width))
                if len(slides) > MAX_SLIDES:
                    break
                band = Band(lane.id)
                slides[-1].bands.append(band)
            band.rows.append(row)
            band.heights.append(height)
            placed += len(row)
    slides = [slide for slide in slides[:MAX_SLIDES] if slide.bands] or [StageSlide(stage_id, columns, width)]
    for number, slide in enumerate(slides, 1):
        slide.part, slide.parts = number, len(slides)
    slides[-1].left_out = total - placed
    return slides


def draw_stage(deck, doc: JourneyMap, layout: MapLayout, plan: StageSlide, texts: dict[str, CardText]) -> None:
    """One stage slide as `plan_stage` planned it."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    language = doc.meta.language
    lang = language_tag(language)
    stage = layout.stages[plan.stage_id]
    _header(slide, doc, stage, plan, lang)
    lanes = {lane.id: lane for lane in doc.lanes}
    shapes: dict[str, object] = {}
    y = GRID_TOP
    more = min((GRID_BOTTOM - GRID_TOP - plan.height) / max(len(plan.bands), 1), 48)  # a short stage's lanes grow
    for band in plan.bands:
        lane_box = layout.lanes[band.lane_id]
        height = band.height + more
        add_box(slide, (MARGIN, y, SLIDE_W - 2 * MARGIN, height), lane_box.cell_fill, palette.GRID)
        label = add_box(slide, (MARGIN, y, LANE_LABEL_W, height), lane_box.fill, palette.GRID)
        fill_frame(label.text_frame, [[Run(lanes[band.lane_id].name, 11 if height > 30 else 9.5, True)]], lang,
                   anchor=MSO_ANCHOR.MIDDLE)
        if band.emotions:
            _emotions(slide, layout, plan.stage_id, band.lane_id, (CELL_X, y, CELL_W, height), lang)
        else:
            top = y + PAD + more / 2
            for row, row_height in zip(band.rows, band.heights):
                for column, card_id in enumerate(row):
                    box = (CELL_X + PAD + column * (plan.card_width + GAP), top, plan.card_width, row_height)
                    shapes[card_id] = _card(slide, box, layout.cards[card_id], texts[card_id], lang)
                top += row_height + GAP
        y += height
    _links(slide, doc, shapes, lang)
    _speaker_notes(slide, doc, plan, shapes)
    if plan.left_out:
        more = caption("and_more", language).format(more=plan.left_out)
        add_text(slide, (CELL_X, GRID_BOTTOM - 2, CELL_W, 18), [[Run(more, 10, color=palette.MUTED)]], lang,
                 align=PP_ALIGN.RIGHT)


def _speaker_notes(slide, doc: JourneyMap, plan: StageSlide, shapes: dict[str, object]) -> None:
    """What the presenter reads aloud: the stage's goal, questions and business notes in full, and the
    full text of each card on the slide (its shape may show it shortened)."""
    stage = next(s for s in doc.stages if s.id == plan.stage_id)
    lines = [stage.name, stage.goal] + [f"? {question}" for question in stage.questions] + stage.business
    lines += [f"• {card.title}" + (f" — {card.text}" if card.text else "") for card in doc.cards
              if card.id in shapes]
    slide.notes_slide.notes_text_frame.text = "\n".join(line for line in lines if line)


def _header(slide, doc: JourneyMap, stage, plan: StageSlide, lang: str) -> None:
    """The stage's header band: its name (and part, when split), then its other header lines (the
    funnel, goal and questions, as the map's header shows them)."""
    add_box(slide, (0, 0, SLIDE_W, HEADER_H), stage.fill)
    add_box(slide, (0, HEADER_H - 4, SLIDE_W, 4), palette.darker(stage.fill, 125))
    name = next(s.name for s in doc.stages if s.id == plan.stage_id)
    number = f"{stage.index + 1}. "
    part = f"  ({plan.part}/{plan.parts})" if plan.parts > 1 else ""
    size = fitted_size(number + name + part, (26, 22, 19, 16), SLIDE_W - 2 * MARGIN, 34, bold=True)
    heading = [Run(number, size, True, palette.MUTED), Run(shortened(name, TextStyle(size, True), SLIDE_W - 2 * MARGIN
                                                                     - 60, 1), size, True)]
    add_text(slide, (MARGIN, 10, SLIDE_W - 2 * MARGIN, 40), [heading + [Run(part, 16, False, palette.MUTED)]],
             lang, anchor=MSO_ANCHOR.MIDDLE)
    funnel = [line for line in stage.lines if line.bold and line.size == DEFAULT_STYLE.stage_funnel.size]
    paragraphs = [[Run(" ".join(line.text for line in funnel), 12, True, funnel[0].color or palette.INK)]
                  ] if funnel else []
    model = next(s for s in doc.stages if s.id == plan.stage_id)
    words = [model.goal.strip()] + [f"? {question}" for question in model.questions]
    said = "   ".join(word for word in words if word)
    if said:
        room = 2 if funnel else 3
        paragraphs.append([Run(shortened(said, TextStyle(11), SLIDE_W - 2 * MARGIN, room), 11, False, palette.MUTED)])
    if paragraphs:
        add_text(slide, (MARGIN, 50, SLIDE_W - 2 * MARGIN, HEADER_H - 54), paragraphs, lang)


def _card(slide, box: tuple[float, float, float, float], card: CardBox, text: CardText, lang: str):
    """A card as a rounded rectangle in its fill, a red edge when it is a pain point, its title,
    text and marker texts in its text frame."""
    pain = any(marker.kind == "pain" for marker in card.markers)
    shape = add_box(slide, box, card.fill, palette.PAIN if pain else palette.card_border(card.fill), radius=6,
                    line_width=1.5 if pain else 0.75)
    paragraphs = [[Run(text.title, TITLE.size, True)]]
    if text.body:
        paragraphs.append([Run(text.body, BODY.size, False, palette.INK)])
    if text.marks:
        marks: list[Run] = []
        for i, (shown, color) in enumerate(text.marks):
            marks += ([Run(" · ", MARKS.size, False, palette.MUTED)] if i else []) + [Run(shown, MARKS.size, False,
                                                                                          color)]
        paragraphs.append(marks)
    fill_frame(shape.text_frame, paragraphs, lang)
    shape.name = f"card {card.card_id}"
    return shape


def _emotions(slide, layout: MapLayout, stage_id: str, lane_id: str, area: tuple[float, float, float, float],
              lang: str) -> None:
    """The emotions lane of the stage: its zero line, each curve (the map's and the personas') as a
    freeform in its colour, and each point's dot and title, placed where the map places them
    relative to the stage's column and the lane's row."""
    x, y, w, h = area
    column, row = layout.stages[stage_id].column, layout.lanes[lane_id].row

    def place(point: Point) -> tuple[float, float]:
        return x + (point.x - column.x) / column.w * w, y + 6 + (point.y - row.y) / row.h * (h - 12)

    curves = [curve for curve in layout.curves if curve.lane_id == lane_id]
    if curves:
        _line(slide, [place(Point(column.x, curves[0].zero_y)), place(Point(column.right, curves[0].zero_y))],
              palette.GRID, 1.0, dashed=True)
    for curve in curves:
        points = [place(p) for p in _sampled(curve) if column.x <= p.x <= column.right]
        if len(points) >= 2:
            _line(slide, points, curve.color, 2.25)
    points = layout.cell_cards.get((stage_id, lane_id), [])
    for card_id in points:
        box = layout.cards[card_id]
        dot = next((m for m in box.markers if m.kind == "emotion"), None)
        if dot is None or dot.value is None:
            continue
        cx, cy = place(Point(box.rect.x + dot.rect.x + dot.rect.w / 2, box.rect.y + dot.rect.y + dot.rect.h / 2))
        r = 6.0
        add_box(slide, (cx - r, cy - r, 2 * r, 2 * r), dot.color or palette.EMOTION_COLORS[int(dot.value)],
                drawing.DOT_EDGE, line_width=0.75, oval=True)
        if len(points) > NAMED_POINTS:
            continue
        title = " ".join(line.text for line in box.lines)
        width = min(w / len(points), 170)
        below = cy + r + 28 <= y + h
        add_text(slide, (cx - width / 2, cy + r + 1 if below else cy - r - 27, width, 26),
                 [[Run(title, 9, False, palette.INK)]], lang, align=PP_ALIGN.CENTER,
                 anchor=MSO_ANCHOR.TOP if below else MSO_ANCHOR.BOTTOM)


def _sampled(curve: EmotionCurve) -> list[Point]:
    """The curve's smooth line (as the map draws it) as points close enough to look smooth."""
    if len(curve.points) < 2:
        return list(curve.points)
    commands = catmull_rom(curve.points)
    points = [commands[0].to]
    steps = 8 if len(commands) < 100 else 2  # a huge map's curve is a scribble at any smoothness
    for command in commands[1:]:
        start = points[-1]
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            points.append(Point(u ** 3 * start.x + 3 * u * u * t * command.c1.x + 3 * u * t * t * command.c2.x
                                + t ** 3 * command.to.x,
                                u ** 3 * start.y + 3 * u * u * t * command.c1.y + 3 * u * t * t * command.c2.y
                                + t ** 3 * command.to.y))
    return points


def _line(slide, points: list[tuple[float, float]], color: str, width: float, dashed: bool = False) -> None:
    """An open polyline through `points` as a freeform shape."""
    builder = slide.shapes.build_freeform(Pt(points[0][0]), Pt(points[0][1]), scale=1.0)
    builder.add_line_segments([(Pt(px), Pt(py)) for px, py in points[1:]], close=False)
    shape = builder.convert_to_shape()
    shape.fill.background()
    shape.line.color.rgb = rgb(color)
    shape.line.width = Pt(width)
    if dashed:
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    plain(shape)


def _links(slide, doc: JourneyMap, shapes: dict[str, object], lang: str) -> None:
    """Each link between two cards of the slide as a connector glued to both, in its kind's colour and
    dashes, with an arrowhead (an elbow between cards side by side; between a card and one below it a
    line straight down, or an elbow that goes down first); then the labels, over every line."""
    labels = []
    for link in doc.links:
        source, target = shapes.get(link.source), shapes.get(link.target)
        if source is None or target is None:
            continue
        color, _ = palette.LINK_STYLES.get(link.kind.value, palette.LINK_STYLES["flow"])
        begin, end = _sides(source, target)
        stacked = begin in (0, 2)
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT if stacked else MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
        connector.begin_connect(source, begin)
        connector.end_connect(target, end)
        if stacked and abs(connector.begin_x - connector.end_x) > Pt(1):
            _down_first(connector)
        connector.line.color.rgb = rgb(color)
        connector.line.width = Pt(1.5)
        if link.kind.value in LINK_DASHES:
            connector.line.dash_style = LINK_DASHES[link.kind.value]
        line = connector.line._get_or_add_ln()
        line.append(line.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"}))
        if link.label.strip():
            connector.name = link.label
            labels.append((link, color, connector, source, target, begin in (1, 3)))
    for link, color, connector, source, target, sideways in labels:
        lines = lines_of(link.label, LABEL, LABEL_W - 2 * LABEL_INSET, LABEL_LINES)
        width = max(LABEL.width(shown) for shown in lines) / FIT_MARGIN + 2 * LABEL_INSET
        height = len(lines) * LABEL.line_height + 2 * LABEL_INSET
        x, y = _label_centre(connector, source, target, sideways, width, height)
        _label(slide, link.id, " ".join(lines), (x - width / 2, y - height / 2, width, height), color, lang)


def _down_first(connector) -> None:
    """A connector between a card and one below it but aside as an elbow that leaves and enters the
    cards vertically (down, across, down), so that a stage slide reads top to bottom: an elbow turned a
    quarter, since an unturned one goes sideways first; its flips put its start at the link's source.
    (Straight above each other, the connector stays a straight line.)"""
    bx, by, ex, ey = connector.begin_x, connector.begin_y, connector.end_x, connector.end_y
    length, across = abs(ey - by), abs(ex - bx)  # the unturned box is as long as the turned one is tall
    xfrm = connector._element.spPr.get_or_add_xfrm()
    xfrm.set("rot", "5400000")
    for flip, on in (("flipH", by > ey), ("flipV", bx < ex)):
        if on:
            xfrm.set(flip, "1")
        elif flip in xfrm.attrib:
            del xfrm.attrib[flip]
    xfrm.off.set("x", str(round((bx + ex - length) / 2)))
    xfrm.off.set("y", str(round((by + ey - across) / 2)))
    xfrm.ext.set("cx", str(length))
    xfrm.ext.set("cy", str(across))
    connector._element.spPr.prstGeom.set("prst", "bentConnector3")


def _label(slide, link_id: str, text: str, box: tuple[float, float, float, float], color: str, lang: str) -> None:
    """A link's label as a small text box on white at `box`, sized to its text, in the link's colour."""
    shape = add_text(slide, box, [[Run(text, LABEL.size, False, color)]], lang, align=PP_ALIGN.CENTER,
                     anchor=MSO_ANCHOR.MIDDLE, inset=LABEL_INSET)
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb("#FFFFFF")
    shape.name = f"link label {link_id}"


def _label_centre(connector, source, target, sideways: bool, width: float, height: float) -> tuple[float, float]:
    """Where a link's label is centred: the middle of its connector, which the elbow's middle segment
    crosses. But when the connector joins the sides of two cards too close together for the label
    between them, the label covers neither card's text: it goes on the gap between the cards' rows
    the line crosses, or over the two cards' top edge, above their text, when they share a row."""
    x = (connector.begin_x.pt + connector.end_x.pt) / 2
    y = (connector.begin_y.pt + connector.end_y.pt) / 2
    left, right = sorted((source, target), key=lambda shape: shape.left)
    if not sideways or right.left.pt - (left.left.pt + left.width.pt) >= width + 4:
        return x, y
    upper, lower = sorted((source, target), key=lambda shape: shape.top)
    below_upper = upper.top.pt + upper.height.pt
    if lower.top.pt >= below_upper:
        return x, (below_upper + lower.top.pt) / 2
    return x, upper.top.pt + INSET - 1 - height / 2


def _sides(source, target) -> tuple[int, int]:
    """The connection points (0 top, 1 left, 2 bottom, 3 right) facing each other."""
    dx = (target.left + target.width / 2) - (source.left + source.width / 2)
    dy = (target.top + target.height / 2) - (source.top + source.height / 2)
    if abs(dx) >= abs(dy) * 1.5:
        return (3, 1) if dx > 0 else (1, 3)
    return (2, 0) if dy > 0 else (0, 2)
