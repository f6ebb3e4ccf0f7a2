"""The document session, its undo commands, and the editing operations the views call."""

from .commands import AddCards, AddPart, MoveCards, MovePart, RemoveElements, RemovePart
from .edits import Editor
from .session import Change, DocumentSession

__all__ = [
    "AddCards", "AddPart", "Change", "DocumentSession", "Editor", "MoveCards", "MovePart", "RemoveElements",
    "RemovePart",
]
