"""The workshop page of a PDF, after the analytics page when the map has dot votes or open comments: each
vote (newest first) with its question, date, dots each, who voted and its cards ranked by dots; and the
comments still open, card by card. The same as `cjm-designer report` lists, in the report page's panels."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from ..layout import Rect, palette
from ..model import JourneyMap, Vote
from ..model.analytics import shown_names
from ..model.captions import caption
from ..model.voting import open_comments, ranked
from .pdf_boxes import as_a4, fill_heights, text_box
from .pdf_extras import HEADING
from .pdf_report import FIGURE, GAP, NOTE, ROW, Item, Panel, Row, Text, _bars

VOTES_SHOWN = 3  # the latest votes a page holds; the report lists them all
COMMENTS = palette.CURVE


def has_workshop(doc: JourneyMap) -> bool:
    """Whether the map has anything for the page: a vote, or a comment not resolved."""
    return bool(doc.votes) or any(open_comments(card) for card in doc.cards)


def draw_workshop(pdf: Canvas, doc: JourneyMap, page: tuple[float, float]) -> None:
    """The votes in one column, the open comments in the other (one column each on a portrait sheet too)."""
    language, names, titles = shown_names(doc)

    def w(key: str) -> str:
        return caption(key, language)

    margin, top = 40, 44
    pdf.saveState()
    page = as_a4(pdf, page)
    heading = f"{w('votes')} · {w('open_comments')}"
    y = top + text_box(pdf, heading, HEADING, Rect(margin, top, page[0] - 2 * margin, 40)) + 10
    area = Rect(margin, y, page[0] - 2 * margin, page[1] - margin - 6 - y)
    more = w("and_more")
    votes = [_vote_panel(doc, vote, titles, language, w) for vote in reversed(doc.votes[-VOTES_SHOWN:])]
    remarks: list[Row] = [Item(f"{c.author or w('anonymous')}: {c.text}", f"{titles[card.id]} · {names[card.stage]}",
                               COMMENTS) for card in doc.cards for c in open_comments(card)]
    comments = [Panel(w("open_comments"), COMMENTS, remarks or [Text(w("none"), ROW, palette.MUTED)], more=more)]
    x, width = area.x, (area.w - GAP) / 2
    for panels in (votes, comments):
        if panels:
            room = area.h - GAP * (len(panels) - 1)
            heights = fill_heights(room, [panel.height(width) for panel in panels])
            y = area.y
            for panel, height in zip(panels, heights):
                panel.draw(pdf, Rect(x, y, width, height))
                y += height + GAP
        x += width + GAP
    pdf.restoreState()


def _vote_panel(doc: JourneyMap, vote: Vote, titles: dict[str, str], language: str, w) -> Panel:
    when = vote.started.astimezone().strftime("%Y-%m-%d %H:%M")
    state = f" · {w('vote_running')}" if vote.ended is None else ""
    about: list[Row] = [Text(vote.name or w("vote_untitled"), FIGURE, palette.INK, 2),
                        Text(w("vote_line").format(date=when, dots=vote.dots, voters=vote.voters) + state, NOTE,
                             palette.MUTED, 2)]
    dots = [(titles[row.card_id] if row.on_map else w("card_removed"), row.dots) for row in ranked(doc, vote)]
    bars = _bars(dots, palette.VOTE, language) or [Text(w("no_dots"), ROW, palette.MUTED)]
    return Panel(w("votes"), palette.VOTE, about + bars, more=w("and_more"))
