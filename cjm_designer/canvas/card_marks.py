"""The keys that set a card's emotion, contact quality and pain point (the canvas's actions in
actions.py bind them to the selection's operations, operations.py): on the selected cards, or on the
current card when none is selected. Each press is one undo step, whatever the number of cards.

The keys, chosen to collide with nothing: not with typing (a plain key starts a card), nor the menus'
Alt+letter mnemonics, nor any other shortcut of the window (tests/gui/test_shortcuts.py checks):

- Alt+1 … Alt+5: emotion −2 … +2 (Alt+3 neutral); Alt+0: no emotion;
- Ctrl+Alt+1 … Ctrl+Alt+5: contact quality 1 … 5; Ctrl+Alt+0: no contact quality;
- Alt+P: pain point on, or off when every card has it.
"""

from __future__ import annotations

EMOTIONS = (-2, -1, 0, 1, 2)  # Alt+1 … Alt+5
QUALITIES = (1, 2, 3, 4, 5)  # Ctrl+Alt+1 … Ctrl+Alt+5


def signed(level: int) -> str:
    """An emotion as the map shows it: −2, −1, 0, +1, +2 (a real minus sign)."""
    return f"{level:+d}".replace("-", "−") if level else "0"
