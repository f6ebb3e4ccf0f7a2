"""PDF export, drawn with reportlab from the same layout as the canvas: what is exported is what is
on screen. Text stays text, in the bundled PT Sans embedded in the file (Cyrillic included, never a
built-in Type 1 font), so it can be selected and searched.

This first version writes one poster page the size of the map (scaled down with a note when it is
over the 14,400 pt viewers accept); tiling, covers and legends come next.
"""

from __future__ import annotations

import io
import math

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..layout import DEFAULT_STYLE, MapLayout, Style, TextLine, compute_layout, palette
from ..layout.palette import EMOTION_COLORS, LANE_FILL, LINK_STYLES
from ..layout.text import font_path
from ..model import JourneyMap

MAX_PAGE = 14_400  # points: the largest page PDF viewers show
REGULAR, BOLD = "PTSans", "PTSans-Bold"

INK, MUTED, GRID = HexColor(palette.INK), HexColor(palette.MUTED), HexColor(palette.GRID)


def register_fonts() -> None:
    """Make the bundled TTFs known to reportlab, to be embedded (subset) in each PDF."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(font_path(False))))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_path(True))))


def to_pdf(doc: JourneyMap, style: Style = DEFAULT_STYLE) -> bytes:
    """The map as a one-page vector PDF."""
    register_fonts()
    layout = compute_layout(doc, style)
    scale = min(1.0, MAX_PAGE / max(layout.width, layout.height))
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(layout.width * scale, layout.height * scale), pageCompression=1,
                 initialFontName=REGULAR, initialFontSize=10)  # never the built-in Helvetica
    pdf.setTitle(doc.meta.title or "Customer journey map")
    pdf.setAuthor(doc.meta.author)
    pdf.setSubject(doc.meta.description[:200])
    pdf.setCreator(f"CJM Designer {__version__}")
    pdf.setProducer(f"CJM Designer {__version__} (reportlab)")
    # PDF's y grows upwards; the layout's grows downwards.
    pdf.translate(0, layout.height * scale)
    pdf.scale(scale, -scale)
    _draw(pdf, doc, layout)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _draw(pdf: Canvas, doc: JourneyMap, layout: MapLayout) -> None:
    lanes = {lane.id: lane for lane in doc.lanes}
    stages = {stage.id: stage for stage in doc.stages}
    _text(pdf, layout.title, layout.title_rect.x, layout.title_rect.y)
    for (_, lane_id), cell in layout.cells.items():
        _rect(pdf, cell, fill=_lighter(LANE_FILL[lanes[lane_id].kind]), stroke=GRID)
    for stage_id, box in layout.stages.items():
        _rect(pdf, box.header, fill=HexColor(stages[stage_id].color or palette.STAGE_DEFAULT), stroke=GRID)
        _text(pdf, box.lines, box.header.x, box.header.y)
    for box in layout.lanes.values():
        _rect(pdf, box.header, fill=HexColor(LANE_FILL[box.kind]), stroke=GRID)
        _text(pdf, box.lines, box.header.x, box.header.y)
    for curve in layout.curves:
        pdf.setStrokeColor(MUTED)
        pdf.setDash(4, 3)
        pdf.setLineWidth(0.8)
        pdf.line(curve.row.x, curve.zero_y, curve.row.right, curve.zero_y)
        pdf.setDash()
        if len(curve.points) >= 2:
            pdf.setStrokeColor(HexColor(palette.CURVE))
            pdf.setLineWidth(2)
            pdf.drawPath(_smooth(pdf, curve.points), stroke=1, fill=0)
    for card in doc.cards:
        _card(pdf, layout.cards[card.id], card.color or LANE_FILL[lanes[card.lane].kind])
    for link in doc.links:
        _link(pdf, layout.links[link.id], link.kind.value)


def _card(pdf: Canvas, box, fill: str) -> None:
    r = box.rect
    if box.compact:
        dot = box.markers[0]
        _emotion(pdf, r.x + dot.rect.center.x, r.y + dot.rect.center.y, dot.rect.w / 2, dot.value)
        _text(pdf, box.lines, r.x, r.y)
        return
    pdf.setFillColor(HexColor(fill))
    pdf.setStrokeColor(HexColor(_darker(fill)))
    pdf.setLineWidth(1)
    pdf.roundRect(r.x, r.y, r.w, r.h, 5, stroke=1, fill=1)
    _text(pdf, box.lines, r.x, r.y)
    for marker in box.markers:
        m = marker.rect
        x, y = r.x + m.x, r.y + m.y
        if marker.kind in ("channel", "owner", "kpi"):
            color = MUTED
            if marker.kind == "kpi" and marker.value is not None:
                color = HexColor(palette.KPI_MET if marker.value else palette.KPI_MISSED)
            _text(pdf, (TextLine(marker.text, 16, 10, 9),), x, y, color)
        elif marker.kind == "emotion":
            _emotion(pdf, x + m.w / 2, y + m.h / 2, m.w / 2, marker.value)
        elif marker.kind == "pain":
            pdf.setFillColor(HexColor(palette.PAIN))
            pdf.rect(r.x + 1, r.y + 4, 3, r.h - 8, stroke=0, fill=1)


def _emotion(pdf: Canvas, cx: float, cy: float, radius: float, emotion) -> None:
    pdf.setStrokeColor(HexColor("#455A64"))
    pdf.setLineWidth(1)
    if emotion is None:
        pdf.circle(cx, cy, radius - 0.5, stroke=1, fill=0)
    else:
        pdf.setFillColor(HexColor(EMOTION_COLORS[emotion]))
        pdf.circle(cx, cy, radius - 0.5, stroke=1, fill=1)


def _link(pdf: Canvas, path, kind: str) -> None:
    color_name, dashes = LINK_STYLES.get(kind, LINK_STYLES["flow"])
    color = HexColor(color_name)
    pdf.setStrokeColor(color)
    pdf.setLineWidth(1.4)
    pdf.setDash(dashes or [])
    drawn = pdf.beginPath()
    drawn.moveTo(path.points[0].x, path.points[0].y)
    for point in path.points[1:]:
        drawn.lineTo(point.x, point.y)
    pdf.drawPath(drawn, stroke=1, fill=0)
    pdf.setDash()
    before, tip = path.points[-2], path.points[-1]
    _arrow(pdf, before, tip, color)
    if path.label_rect is not None:
        lr = path.label_rect
        pdf.setFillColor(white)
        pdf.setStrokeColor(color)
        pdf.setLineWidth(0.8)
        pdf.roundRect(lr.x, lr.y, lr.w, lr.h, 3, stroke=1, fill=1)
        _text(pdf, path.label, 0, 0)


def _smooth(pdf: Canvas, points):
    """The Catmull-Rom curve through the points, as the canvas draws it."""
    path = pdf.beginPath()
    path.moveTo(points[0].x, points[0].y)
    for i in range(len(points) - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        path.curveTo(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6,
                     p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6, p2.x, p2.y)
    return path


def _arrow(pdf: Canvas, before, tip, color) -> None:
    angle = math.atan2(tip.y - before.y, tip.x - before.x)
    size = 7
    pdf.setFillColor(color)
    head = pdf.beginPath()
    head.moveTo(tip.x, tip.y)
    head.lineTo(tip.x - size * math.cos(angle - 0.45), tip.y - size * math.sin(angle - 0.45))
    head.lineTo(tip.x - size * math.cos(angle + 0.45), tip.y - size * math.sin(angle + 0.45))
    head.close()
    pdf.drawPath(head, stroke=0, fill=1)


def _text(pdf: Canvas, lines: tuple[TextLine, ...], dx: float, dy: float, color=INK) -> None:
    """Text lines at their baselines; flipped back upright inside the flipped page."""
    pdf.setFillColor(color)
    for line in lines:
        if not line.text:
            continue
        pdf.saveState()
        pdf.translate(dx + line.x, dy + line.y)
        pdf.scale(1, -1)
        pdf.setFont(BOLD if line.bold else REGULAR, line.size)
        pdf.drawString(0, 0, line.text)
        pdf.restoreState()


def _rect(pdf: Canvas, rect, fill, stroke) -> None:
    pdf.setFillColor(fill)
    pdf.setStrokeColor(stroke)
    pdf.setLineWidth(0.5)
    pdf.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)


def _lighter(hex_color: str) -> HexColor:
    """A cell's colour: its lane's, a little paler, as on the canvas."""
    c = HexColor(hex_color)
    return HexColor("#" + "".join(f"{int(255 - (255 - v * 255) * 0.85):02x}" for v in (c.red, c.green, c.blue)))


def _darker(hex_color: str) -> str:
    """A card's border: its fill, darker."""
    c = HexColor(hex_color)
    return "#" + "".join(f"{int(v * 255 * 0.8):02x}" for v in (c.red, c.green, c.blue))
