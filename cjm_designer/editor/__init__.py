"""The document session and its undo commands."""

from .commands import AddCards, AddPart, MoveCards, MovePart, RemoveElements, RemovePart, SetFields
from .session import Change, DocumentSession

__all__ = [
    "AddCards", "AddPart", "Change", "DocumentSession", "MoveCards", "MovePart", "RemoveElements", "RemovePart",
    "SetFields",
]
