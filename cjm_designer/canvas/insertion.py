"""Where a card put into a cell would go: the drop marker of a card drag and the editor of a new card
are drawn there."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ..layout import MapLayout, Style, card_columns


def insertion_rect(layout: MapLayout, style: Style, cell: tuple[str, str], before: str | None, ignore: set[str],
                   height: float) -> QRectF:
    """A band `height` high centred on the gap where a card goes into `cell` before card `before` (at
    the end when None), the cards in `ignore` (those being dragged) left out."""
    gap = style.card_gap
    if before is not None:
        card = layout.cards[before].rect
        return QRectF(card.x, card.y - gap / 2 - height / 2, card.w, height)
    rect = layout.cells[cell]
    rest = [layout.cards[c].rect for c in layout.cell_cards.get(cell, []) if c not in ignore]
    x = rect.x + style.cell_padding
    y = max((r.bottom for r in rest), default=rect.y + style.cell_padding - gap / 2) + gap / 2
    _, width = card_columns(layout.stages[cell[0]].column.w, style)  # as wide as the cell's cards
    return QRectF(x, y - height / 2, width, height)
