"""A map as plain lines of text, one field a line: what `git diff` shows of a `.cjm` file (its textconv).

Each element is a header line naming it, followed by its set fields; cards come stage by stage, lane by
lane, in their order in the cell, so that a card moved or a field changed is a line or two of the diff,
whatever the order of the file's lists. Values are written as JSON, so a line break in a text is `\\n`
and every value stays on its line.
"""

from __future__ import annotations

import json

from ..model import JourneyMap
from ..model.elements import Part


def map_text(doc: JourneyMap) -> str:
    lines = ["meta", *_fields(doc.meta, ())]
    for persona in doc.personas:
        lines += [f"persona {persona.id}", *_fields(persona, ("id", "photo"))]
        if persona.photo is not None:
            lines.append(f"  photo: {persona.photo.media_type}, {len(persona.photo.image_bytes()):,} bytes")
    for stage in doc.stages:
        lines += [f"stage {stage.id}", *_fields(stage, ("id",))]
    for lane in doc.lanes:
        lines += [f"lane {lane.id}", *_fields(lane, ("id",))]
    for stage in doc.stages:
        for lane in doc.lanes:
            for place, card in enumerate(doc.cards_in(stage.id, lane.id), 1):
                lines.append(f"card {card.id} in {stage.id} / {lane.id}, #{place}")
                lines += _fields(card, ("id", "stage", "lane"))
    for link in doc.links:
        lines += [f"link {link.id}", *_fields(link, ("id",))]
    for snapshot in doc.snapshots:
        cards = snapshot.map.get("cards")
        lines += [f"snapshot {snapshot.id}", *_fields(snapshot, ("id", "map")),
                  f"  cards: {len(cards) if isinstance(cards, list) else '?'}"]
    for conflict in doc.conflicts:
        lines += [f"conflict {conflict.id}", *_fields(conflict, ("id",))]
    return "\n".join(lines) + "\n"


def _fields(part: Part, left_out: tuple[str, ...]) -> list[str]:
    values = part.model_dump(mode="json", exclude_defaults=True, exclude=set(left_out))
    return [f"  {name}: {json.dumps(value, ensure_ascii=False)}" for name, value in values.items()]
