"""The canvas's own keys, which are no actions (select_tool.py, text_edits.py, inline_editor.py,
view.py), for Help → Keyboard shortcuts beside the actions' shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from .texts import tr


def canvas_keys() -> list[tuple[str, str]]:
    """(what it does, the keys) for each key the canvas handles itself, in the interface's language."""

    def keys(*names: str) -> str:
        return ", ".join(QKeySequence(name).toString(QKeySequence.SequenceFormat.NativeText) for name in names)

    return [
        (tr("Next or previous stage, same lane"), keys("Right", "Left")),
        (tr("Next or previous card, then lane"), keys("Down", "Up")),
        (tr("First or last stage"), keys("Home", "End")),
        (tr("Next or previous lane"), keys("Ctrl+Down", "Ctrl+Up")),
        (tr("New card in the current cell"), tr("typing a character") + ", " + keys("Ins")),
        (tr("Finish the card and start the next"), keys("Tab")),
        (tr("Finish the text"), keys("Enter")),  # the key's name on keyboards (Return works the same)
        (tr("New line in the text"), keys("Shift+Enter")),
        (tr("Cancel the text, or clear the selection"), keys("Esc")),
        (tr("Edit the card, or rename the stage or lane"), keys("F2", "Enter")),
        (tr("Delete the selection"), keys("Backspace")),  # Del is the Delete action's
        (tr("Pan the map"), tr("%1 and drag").replace("%1", keys("Space"))),
    ]
