"""What cut, copy and paste carry: cards as JSON (with the links among them) and as plain text lines.

Pasting JSON gives the cards fresh ids in the target cell; pasting plain text makes one card a
non-empty line, so a list typed or copied elsewhere becomes cards at once.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from ..model import Card, JourneyMap, Link
from ..model.document import fresh_id

MIME_TYPE = "application/x-cjm-cards+json"
MAX_PASTE = 5000


def copy_payload(doc: JourneyMap, card_ids: list[str]) -> tuple[bytes, str]:
    """The JSON and the plain text of the cards (in map order) and of the links among them."""
    wanted = set(card_ids)
    cards = [c for c in doc.cards if c.id in wanted]
    links = [k for k in doc.links if k.source in wanted and k.target in wanted]
    data = {"format": "cjm-cards", "version": 1,
            "cards": [c.model_dump(mode="json", exclude_defaults=True) for c in cards],
            "links": [k.model_dump(mode="json", exclude_defaults=True) for k in links]}
    text = "\n".join(_one_line(c.title or c.text) for c in cards)
    return json.dumps(data, ensure_ascii=False).encode("utf-8"), text


def cards_from_json(doc: JourneyMap, raw: bytes, stage_id: str, lane_id: str) -> tuple[list[Card], list[Link]]:
    """Copies of the pasted cards in cell (stage, lane) with fresh ids, and their links; nothing
    when the data is not cards."""
    try:
        data = json.loads(raw)
        cards = [Card.model_validate({**c, "stage": stage_id, "lane": lane_id}) for c in data["cards"][:MAX_PASTE]]
        links = [Link.model_validate(k) for k in data.get("links", [])]
    except (ValueError, TypeError, KeyError, AttributeError, ValidationError):
        return [], []
    taken = doc.ids()
    fresh: dict[str, str] = {}
    for card in cards:
        fresh[card.id] = card.id = fresh_id("card", taken)
    kept = []
    for link in links:
        if link.source in fresh and link.target in fresh:
            kept.append(link.model_copy(update={"id": fresh_id("link", taken), "source": fresh[link.source],
                                                "target": fresh[link.target]}))
    return cards, kept


def cards_from_text(doc: JourneyMap, text: str, stage_id: str, lane_id: str) -> list[Card]:
    """One card a non-empty line (at most 500 characters of title; the rest goes to the text)."""
    taken = doc.ids()
    cards = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            cards.append(Card(id=fresh_id("card", taken), stage=stage_id, lane=lane_id, title=line[:500],
                              text=line[500:10_500]))
        if len(cards) >= MAX_PASTE:
            break
    return cards


def split_typed(text: str) -> tuple[str, str]:
    """Text typed on a card: the first line is its title, the rest its text."""
    title, _, rest = text.strip().partition("\n")
    return title.strip()[:500], rest.strip()[:10_000]



def _one_line(text: str) -> str:
    return " ".join(text.split())
