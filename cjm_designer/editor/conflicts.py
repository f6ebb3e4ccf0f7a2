"""Settling a merge's conflicts (model/merge.py) with one side's value, through the editor's own
operations, so that the map stays valid: a card's stage or lane is a move to that cell, a removal is
the removal of the element with what goes with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..model import Conflict, ModelError
from ..model.document import ElementKind
from .commands import RemoveElements, SettleConflicts
from .field_paths import own_fields

if TYPE_CHECKING:
    from .edits import Editor

Side = Literal["ours", "theirs"]
REFERENCES = {(ElementKind.CARD, "persona"): ElementKind.PERSONA, (ElementKind.LINK, "source"): ElementKind.CARD,
              (ElementKind.LINK, "target"): ElementKind.CARD}


def settle(editor: Editor, conflict: Conflict, keep: Side) -> None:
    """Give `conflict`'s element `keep`'s side (pushed into the editor's open batch)."""
    session, doc, kind = editor.session, editor.doc, ElementKind(conflict.kind)
    if conflict.removed_by == keep:
        _remove(editor, kind, conflict.element)  # its conflicts go with it
        return
    if conflict.field and keep == "theirs":
        _set(editor, kind, conflict, conflict.theirs)
    elif conflict.field:
        _set(editor, kind, conflict, conflict.ours)
    if any(c is conflict for c in doc.conflicts):
        session.push(SettleConflicts(session, [conflict.id]))


def _set(editor: Editor, kind: ElementKind, conflict: Conflict, value: Any) -> None:
    """Set the conflict's field (a path such as `kpi.target`) of its element to a value as a file holds it."""
    doc = editor.doc
    element = doc.element(kind, conflict.element)
    [(top, value)] = own_fields(element, {conflict.field: value}).items()
    typed = getattr(type(element).model_validate({**element.model_dump(), top: value}), top)
    if kind == ElementKind.CARD and top in ("stage", "lane"):
        stage, lane = (typed, element.lane) if top == "stage" else (element.stage, typed)
        doc.stage(stage)  # both must be on the map
        doc.lane(lane)
        editor.move_cards([element.id], stage, lane)
        return
    reference = REFERENCES.get((kind, top))
    if reference is not None and typed is not None:
        doc.element(reference, typed)  # what it names must be on the map
    if kind == ElementKind.LINK and top in ("source", "target"):
        ends = {"source": element.source, "target": element.target, top: typed}
        if ends["source"] == ends["target"]:
            raise ModelError("a link must join two different cards")
    editor.set_fields(kind, {conflict.element: {top: typed}})


def _remove(editor: Editor, kind: ElementKind, element_id: str) -> None:
    session = editor.session
    match kind:
        case ElementKind.CARD:
            session.push(RemoveElements(session, [element_id]))
        case ElementKind.LINK:
            session.push(RemoveElements(session, [], [element_id]))
        case ElementKind.STAGE | ElementKind.LANE | ElementKind.PERSONA:
            editor.remove_part(kind, element_id)  # a persona's emotion points lose its tag with it
        case _:
            raise ModelError(f"a {kind} is not removed")
