"""The journey map document: pure Python and pydantic, no Qt."""

from .document import JourneyMap, ModelError, Removal
from .elements import (
    Card,
    Comment,
    Conflict,
    InboxCard,
    Kpi,
    Lane,
    Link,
    Meta,
    Metrics,
    Persona,
    Photo,
    Snapshot,
    Stage,
    Variant,
    Vote,
)
from .validation import Problem, check_references
from .vocab import Device, LaneKind, LinkKind

__all__ = [
    "Card", "Comment", "Conflict", "Device", "InboxCard", "JourneyMap", "Kpi", "Lane", "LaneKind", "Link", "LinkKind",
    "Meta", "Metrics", "ModelError", "Persona", "Photo", "Problem", "Removal", "Snapshot", "Stage", "Variant", "Vote",
    "check_references",
]
