"""The journey map document: pure Python and pydantic, no Qt."""

from .document import JourneyMap, ModelError, Removal
from .elements import Card, Conflict, Kpi, Lane, Link, Meta, Metrics, Persona, Photo, Snapshot, Stage, Variant
from .validation import Problem, check_references
from .vocab import Device, LaneKind, LinkKind

__all__ = [
    "Card", "Conflict", "Device", "JourneyMap", "Kpi", "Lane", "LaneKind", "Link", "LinkKind", "Meta", "Metrics",
    "ModelError", "Persona", "Photo", "Problem", "Removal", "Snapshot", "Stage", "Variant", "check_references",
]
