"""Field paths: `title` names a field of an element, `kpi.target` a field of a part nested in it (a card's
or a stage's KPI, a card's or a variant's web figures). The one rule for reading such a path and for
the value of the element's own field that setting it gives: the Inspector, the A/B variants table and
the settling of merge conflicts all set nested fields through it.
"""

from __future__ import annotations

from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..model import ModelError


def value_at(element: BaseModel, path: str) -> Any:
    """The value at `path` of `element`; None inside a nested part the element has not."""
    top, _, inner = path.partition(".")
    value = getattr(element, top)
    if inner:
        return getattr(value, inner) if value is not None else None
    return value


def own_fields(element: BaseModel, values: dict[str, Any]) -> dict[str, Any]:
    """`values` by path as new values of `element`'s own fields: the values inside one nested part merged
    into (a copy of) the part it has, checked, and None for a part left empty, so that an emptied KPI
    is no KPI (as a map without one holds it). Raises ModelError for a field the element has not and
    pydantic's ValidationError for a bad nested value."""
    fields = type(element).model_fields
    own: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for path, value in values.items():
        top, _, inner = path.partition(".")
        if top not in fields:
            raise ModelError(f"a {type(element).__name__.lower()} has no field {top!r}")
        if inner:
            nested.setdefault(top, {})[inner] = value
        else:
            own[top] = value
    for top, inner_values in nested.items():
        part = _part_type(fields[top].annotation)
        if part is None:
            raise ModelError(f"the field {top!r} of a {type(element).__name__.lower()} holds no fields")
        current = own.get(top, getattr(element, top))
        merged = part.model_validate({**(current.model_dump() if current is not None else {}), **inner_values})
        own[top] = None if merged == part() else merged
    return own


def _part_type(annotation: Any) -> type[BaseModel] | None:
    """The model class a field holds (`Kpi` of `Kpi | None`), or None for a plain value."""
    if get_origin(annotation) in (Union, UnionType):
        return next((t for t in get_args(annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
