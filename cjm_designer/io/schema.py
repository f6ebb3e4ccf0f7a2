"""The JSON Schema of a `.cjm` file, for people and tools that write maps without this program."""

from __future__ import annotations

from ..model import JourneyMap
from . import migrations
from .cjm import FORMAT


def json_schema() -> dict:
    """The schema of the current format version: the model's schema with the file's header."""
    schema = JourneyMap.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "CJM Designer map"
    schema["description"] = (
        f"A customer journey map, .cjm format version {migrations.CURRENT_VERSION}. "
        "Card order within a cell is the order of the cards in `cards`."
    )
    schema["properties"] = {
        "format": {"const": FORMAT, "description": "Always \"cjm\"."},
        "version": {"const": migrations.CURRENT_VERSION, "description": "The format version."},
        **schema["properties"],
    }
    schema["required"] = ["format", "version", *schema.get("required", [])]
    return schema
