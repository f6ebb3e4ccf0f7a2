"""The document session: one open map, its undo stack, and the notifications that views follow.

Every change to the map is an undo command pushed here; commands change the model and report what
they touched through `notify`, and the canvas and the docks redraw from the model when `changed`
fires. Nothing else writes the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import JourneyMap


@dataclass(frozen=True)
class Change:
    """What a command touched: the ids of changed elements, and whether the map's structure (which
    elements exist, where and in which order) changed or only their fields."""

    ids: frozenset[str] = frozenset()
    structure: bool = False


class DocumentSession(QObject):
    changed = Signal(object)  # Change

    def __init__(self, doc: JourneyMap, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.undo_stack = QUndoStack(self)

    def push(self, command: QUndoCommand) -> None:
        """Do `command` and put it on the undo stack."""
        self.undo_stack.push(command)

    def notify(self, ids: set[str] | frozenset[str] = frozenset(), structure: bool = False) -> None:
        self.changed.emit(Change(frozenset(ids), structure))
