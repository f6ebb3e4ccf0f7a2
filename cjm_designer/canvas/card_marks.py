"""A card's emotion, contact quality and pain point set from the keyboard (the canvas's actions in
actions.py bind the keys): on the selected cards, or on the current card when none is selected. Each
press is one undo step, whatever the number of cards.

The keys, chosen to collide with nothing: not with typing (a plain key starts a card), nor the menus'
Alt+letter mnemonics, nor any other shortcut of the window (tests/gui/test_shortcuts.py checks):

- Alt+1 … Alt+5: emotion −2 … +2 (Alt+3 neutral); Alt+0: no emotion;
- Ctrl+Alt+1 … Ctrl+Alt+5: contact quality 1 … 5; Ctrl+Alt+0: no contact quality;
- Alt+P: pain point on, or off when every card has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.document import ElementKind
from .texts import tr

if TYPE_CHECKING:
    from .scene import MapScene

EMOTIONS = (-2, -1, 0, 1, 2)  # Alt+1 … Alt+5
QUALITIES = (1, 2, 3, 4, 5)  # Ctrl+Alt+1 … Ctrl+Alt+5


def signed(level: int) -> str:
    """An emotion as the map shows it: −2, −1, 0, +1, +2 (a real minus sign)."""
    return f"{level:+d}".replace("-", "−") if level else "0"


def marked_cards(scene: MapScene) -> list[str]:
    """The cards a key sets: the selected ones, else the current card."""
    selected = scene.selected_card_ids()
    if selected:
        return selected
    card = scene.current.card
    return [card] if card is not None else []


def set_emotion(scene: MapScene, value: int | None) -> None:
    _set(scene, marked_cards(scene), "emotion", value, tr("Set emotion"))


def set_quality(scene: MapScene, value: int | None) -> None:
    _set(scene, marked_cards(scene), "quality", value, tr("Set contact quality"))


def toggle_pain(scene: MapScene) -> None:
    """Every card a pain point, or none when each is one already."""
    ids = marked_cards(scene)
    doc = scene.session.doc
    _set(scene, ids, "pain", not all(doc.card(card_id).pain for card_id in ids), tr("Mark pain point"))


def _set(scene: MapScene, ids: list[str], field: str, value, text: str) -> None:
    if ids:
        scene.edits.set_fields(ElementKind.CARD, {card_id: {field: value} for card_id in ids}, text)
