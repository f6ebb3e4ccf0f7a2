"""The words of a map's tables — sheet names, column headers and the enumerated values (channel,
device, owner, lane kind, link kind) — in the map's language, for the Excel workbook and the CSV
alike: the captions of `model/captions.py` and the labels of `model/vocab.py`, so that both speak
the words of the map's PDF and the Inspector.

Reading goes the other way and accepts every spelling a table may have been written in: a header or
a value in Russian or English, or its key (`channel=website`, as CSV files made before kept them).
"""

from __future__ import annotations

import re

from ..model.captions import CAPTIONS, LANGUAGES, caption, language_of
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, LANE_KIND_LABELS, LINK_KIND_LABELS, OWNER_LABELS

SHEETS = ("cards", "stages", "lanes", "links", "personas", "variants", "map", "help")
"""The sheets, by key; `sheet_name` says them in the map's language."""

HEADERS: dict[str, tuple[str, ...]] = {
    "cards": ("id", "stage", "stage_goal", "lane", "lane_kind", "position", "title", "text", "channel", "device",
              "owner", "emotion", "quality", "pain", "kpi_name", "kpi_target", "kpi_actual", "kpi_unit",
              "kpi_lower_is_better", "clicks", "conversion", "time_on_site", "tags", "color", "note", "url", "persona"),
    "stages": ("id", "name", "goal", "questions", "business", "entering", "kpi_name", "kpi_target", "kpi_actual",
               "kpi_unit", "kpi_lower_is_better", "color", "width"),
    "lanes": ("id", "name", "kind", "height"),
    "links": ("id", "source", "target", "kind", "label"),
    "personas": ("id", "name", "gender", "age", "geography", "occupation", "habits", "interests", "goals", "pains",
                 "quote", "color"),
    "variants": ("card", "name", "description", "clicks", "conversion", "time_on_site"),
    "map": ("field", "value"),
}
"""Each sheet's columns, by key; `header` says them in the map's language (the captions `column_SHEET_KEY`)."""

MAP_FIELDS = ("title", "description", "author", "language", "created", "modified")
"""The rows of the Map sheet: the map's details, one a row (the captions `map_field_KEY`)."""

# Russian names a hand-made CSV used before the captions above; still read.
OLD_RUSSIAN_HEADERS = {"название": "title", "описание": "text", "владелец": "owner"}

VALUES: dict[str, dict[str, dict[str, str]]] = {
    "channel": CHANNEL_LABELS, "owner": OWNER_LABELS, "device": DEVICE_LABELS, "lane_kind": LANE_KIND_LABELS,
    "link_kind": LINK_KIND_LABELS,
}
"""The enumerated columns and the labels of their values."""

TAG_SEPARATOR = "\n"
"""Tags in one cell: one a line (Alt+Enter in Excel), so that a tag may hold a comma. A cell without
a line break is split on commas, as tables written by hand and by earlier versions have them; a
single tag holding a comma is therefore written with a line break after it."""


def header(sheet: str, key: str, language: str) -> str:
    return caption(f"column_{sheet}_{key}", language)


def sheet_name(key: str, language: str) -> str:
    return caption(f"sheet_{key}", language)


def map_field(key: str, language: str) -> str:
    return caption(f"map_field_{key}", language)


def _spellings(name: str) -> tuple[str, ...]:
    return tuple(CAPTIONS[name][language] for language in LANGUAGES)


def header_spellings(sheet: str, key: str) -> tuple[str, ...]:
    """A column's header in every language."""
    return _spellings(f"column_{sheet}_{key}")


def normal(text: str) -> str:
    """A header or value as it is compared: any case, spaces and underscores alike."""
    return re.sub(r"[\s_]+", " ", text.replace("\ufeff", "")).strip().casefold()


def header_keys(sheet: str) -> dict[str, str]:
    """Every spelling of the sheet's headers (English, Russian, the key) -> the key."""
    found: dict[str, str] = {}
    for key in HEADERS[sheet]:
        for name in (*header_spellings(sheet, key), key):
            found.setdefault(normal(name), key)
    return found


def sheet_keys() -> dict[str, str]:
    return {normal(name): key for key in SHEETS for name in _spellings(f"sheet_{key}")}


def map_field_keys() -> dict[str, str]:
    """Every spelling of the Map sheet's rows -> the field."""
    return {normal(name): key for key in MAP_FIELDS for name in (*_spellings(f"map_field_{key}"), key)}


def value_label(column: str, key: str, language: str) -> str:
    """The label of an enumerated value in the map's language; an unknown (own) value is itself."""
    labels = VALUES[column].get(key)
    if labels is None:
        return key
    return labels.get(language_of(language)) or labels["en"]


def value_key(column: str, text: str) -> str | None:
    """The key a cell of an enumerated column names (its key, or a label in either language), or None."""
    wanted = normal(text)
    for key, labels in VALUES[column].items():
        if wanted == normal(key) or any(wanted == normal(label) for label in labels.values()):
            return str(key)
    return None


def join_tags(tags: list[str]) -> str:
    if len(tags) == 1 and "," in tags[0]:
        return tags[0] + TAG_SEPARATOR
    return TAG_SEPARATOR.join(tags)


def split_tags(text: str) -> list[str]:
    parts = text.split(TAG_SEPARATOR) if TAG_SEPARATOR in text.replace("\r\n", "\n") else text.split(",")
    return [tag.strip() for tag in parts if tag.strip()]
