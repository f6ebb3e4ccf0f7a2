"""The `.cjm` file: versioned UTF-8 JSON, written in one canonical form, read with every check.

Reading refuses anything that is not a valid map with one `CjmError` naming the file and the place;
nothing else escapes and memory stays bounded (size and structure limits come before parsing).
Writing serializes to memory first, then replaces the file atomically.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from ..bulk import collector_paused
from ..model import JourneyMap, Problem, Snapshot, check_references
from ..model.document import (
    MAX_CARDS,
    MAX_CONFLICTS,
    MAX_INBOX,
    MAX_LANES,
    MAX_LINKS,
    MAX_PERSONAS,
    MAX_SNAPSHOTS,
    MAX_STAGES,
    MAX_VOTES,
)
from . import migrations
from .atomic import write_atomic
from .errors import InvalidFormatError, UnsupportedFormatVersionError
from .reading import read_limited, too_large

FORMAT = "cjm"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_CONTAINERS = 1_000_000
MAX_FREE_DEPTH = 64  # a map nests about 8 deep; what its free-form values (below) may nest, at most
FREE_FORM = ("snapshots", "conflicts")  # a snapshot's map and a conflict's values are JSON of any shape
LIST_LIMITS = {"personas": MAX_PERSONAS, "stages": MAX_STAGES, "lanes": MAX_LANES,
               "cards": MAX_CARDS, "links": MAX_LINKS, "snapshots": MAX_SNAPSHOTS, "conflicts": MAX_CONFLICTS,
               "inbox": MAX_INBOX, "votes": MAX_VOTES}
MAP_LISTS = ("personas", "stages", "lanes", "cards", "links")  # then snapshots always, the others while any
WHILE_ANY = ("inbox", "votes", "conflicts")
KEPT = "damaged snapshot"  # a stand-in snapshot's map holds, under this key, the entry as read (see io.snapshots)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # UTF-8 text holds no surrogates; only escapes make them
AS_WRITTEN_HEADER = f'{{\n  "format": "{FORMAT}",\n  "version": {migrations.CURRENT_VERSION},\n'.encode()
# A colon after a blank: a key written with a blank before its colon, or (rarely) text such as "note :".
# Looked for from each colon (re's literal prefix), not from each quote, which a map has three times as many of.
_BLANK_BEFORE_COLON = re.compile(rb':(?<=[ \t\r\n]:)')
_CARD_PARTS = frozenset(("kpi", "metrics", "comments", "variants"))  # a card's fields that hold objects


def load(path: str | Path) -> JourneyMap:
    """Read a map from `path` (a regular file; a pipe, a device or a folder is refused)."""
    return loads(read_limited(path, MAX_FILE_BYTES), str(path))


def loads(raw: bytes, name: str = "<map>") -> JourneyMap:
    """Read a map from the bytes of a `.cjm` file; `name` is the file named in errors."""
    with collector_paused():
        return _read(raw, name)


def _read(raw: bytes, name: str) -> JourneyMap:
    doc = _read_as_written(raw)
    return _read_fully(raw, name) if doc is None else doc


def _read_fully(raw: bytes, name: str) -> JourneyMap:
    """The map in `raw`, of any version and form, or the error that says what is wrong and where."""
    data = _parse(raw, name)
    version = _check_header(data, name)
    for key in FREE_FORM:
        unwritable = _unwritable(data.get(key), MAX_FREE_DEPTH)
        if unwritable:
            raise InvalidFormatError(name, [Problem(key, unwritable)])
    if version < migrations.CURRENT_VERSION:
        data = _upgrade(data, version, name)
    if data.get("snapshots"):
        from .snapshots import with_stand_ins  # a map that keeps snapshots; that module reads through this one

        data = with_stand_ins(data)
    return read_body({key: value for key, value in data.items() if key not in ("format", "version")}, name)


def read_body(body: dict, name: str) -> JourneyMap:
    """The map a file's parsed body (everything but the header) holds, with every check a file gets:
    the list limits, each field, then the references. A snapshot's map is read by this same path."""
    for key, limit in LIST_LIMITS.items():
        if isinstance(body.get(key), list) and len(body[key]) > limit:
            too_many = f"has {len(body[key])} elements, at most {limit} are allowed"
            raise InvalidFormatError(name, [Problem(key, too_many)])
    try:
        doc = JourneyMap.model_validate(body)
    except ValidationError as error:
        raise InvalidFormatError(name, [_problem(e) for e in error.errors()]) from None
    problems = check_references(doc)
    if problems:
        raise InvalidFormatError(name, problems)
    return doc


def _read_as_written(raw: bytes) -> JourneyMap | None:
    """The map in `raw` read in one pass, when `raw` is a sound map of the current version in the form
    this program writes it, without snapshots or conflicts (nearly every file opened); None for any
    other file, which the full reading then reads, or refuses saying what is wrong and where.

    One pass of pydantic's JSON parser spares building the file's JSON objects in Python first: 7 ms
    of opening a 5,000-card map. That parser keeps the last value of a key given twice in one object,
    which a map file may not do, so the keys are counted: each key ends in `":` (a file with a blank
    before a colon is left to the full reading) and a text may hold `":` too, so there are at least as
    many `":` as keys; the map holds each key of an object once (a part's fields set, a vote's counts).
    The two numbers are equal only when no object has a key twice, nor a key the map does not know:
    those are ignored here, as the header's two keys are, to be found by the count."""
    if (len(raw) > MAX_FILE_BYTES or not raw.startswith(AS_WRITTEN_HEADER) or not _no_snapshots_as_written(raw)
            or raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS or _BLANK_BEFORE_COLON.search(raw)):
        return None
    try:
        doc = JourneyMap.model_validate_json(raw, extra="ignore")
    except ValidationError:
        return None
    header_keys = 2  # "format" and "version"
    if doc.snapshots or doc.conflicts or raw.count(b'":') != header_keys + _keys_held(doc) or check_references(doc):
        return None
    return doc


def _no_snapshots_as_written(raw: bytes) -> bool:
    """Whether `raw`, if written by this program, keeps no snapshots and no conflicts: a guess from the
    file's lines (the map read is what tells), which spares trying a file the one pass cannot read."""
    at = raw.rfind(b'\n  "snapshots": []')
    return at >= 0 and raw.find(b'\n  "conflicts": ', at) < 0


def _keys_held(doc: JourneyMap) -> int:
    """How many keys the JSON objects `doc` was read from had, each key counted once in its object. (A
    part given a field that holds objects must be counted here too: left out, its maps would only be
    read the full way.) A card's parts are counted with plain `if`s and loops: a `sum` over a generator
    for each card with a part doubled the time (1 ms more at 5,000 cards)."""
    count = len(doc.model_fields_set) + len(doc.meta.model_fields_set)
    for persona in doc.personas:
        count += len(persona.model_fields_set) + (persona.photo is not None and len(persona.photo.model_fields_set))
    for stage in doc.stages:
        count += len(stage.model_fields_set) + (stage.kpi is not None and len(stage.kpi.model_fields_set))
    for element in (*doc.lanes, *doc.links, *doc.inbox):
        count += len(element.model_fields_set)
    for vote in doc.votes:
        count += len(vote.model_fields_set) + len(vote.counts)
    for card in doc.cards:
        fields = card.model_fields_set
        count += len(fields)
        if not fields.isdisjoint(_CARD_PARTS):
            if card.kpi is not None:
                count += len(card.kpi.model_fields_set)
            if card.metrics is not None:
                count += len(card.metrics.model_fields_set)
            for comment in card.comments:
                count += len(comment.model_fields_set)
            for variant in card.variants:
                count += len(variant.model_fields_set) + (variant.metrics is not None
                                                          and len(variant.metrics.model_fields_set))
    return count


def dumps(doc: JourneyMap) -> bytes:
    """The canonical bytes of `doc`: fixed key order, 2-space indent, one trailing newline.

    Fields at their default value are left out, so files stay short and diffs small."""
    body = {"format": FORMAT, "version": migrations.CURRENT_VERSION, **map_body(doc)}
    body["snapshots"] = [_snapshot(s) for s in doc.snapshots]
    for key in WHILE_ANY:
        if getattr(doc, key):
            body[key] = [e.model_dump(mode="json", exclude_defaults=True) for e in getattr(doc, key)]
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def map_body(doc: JourneyMap) -> dict:
    """The map itself as a file writes it: meta, personas, stages, lanes, cards and links (no header,
    snapshots or conflicts). What a snapshot keeps, so that restoring it gives back the identical map."""
    body: dict = {"meta": _meta(doc)}
    body.update((key, [e.model_dump(mode="json", exclude_defaults=True) for e in getattr(doc, key)])
                for key in MAP_LISTS)
    return body


def _snapshot(snapshot: Snapshot) -> dict:
    """A snapshot as written: its map is the JSON it was read as (or taken as), passed through as it is
    (checked as it was read, see `_unwritable`), so a damaged one is written back unchanged; a stand-in for
    one whose own fields were damaged writes back the entry it stands for."""
    if KEPT in snapshot.map:
        return snapshot.map[KEPT]
    return {**snapshot.model_dump(mode="json", exclude_defaults=True, exclude={"map"}), "map": snapshot.map}


def _meta(doc: JourneyMap) -> dict:
    """The meta fields that are set, and always the language, which says how to read the rest."""
    given = doc.meta.model_dump(mode="json", exclude_defaults=True)
    return {key: value for key, value in doc.meta.model_dump(mode="json").items()
            if key in given or key == "language"}


def save(doc: JourneyMap, path: str | Path) -> None:
    """Write `doc` to `path` atomically, keeping the previous file as `path~`."""
    write_atomic(path, dumps(doc), keep_backup=True)


# -- reading ------------------------------------------------------------------------------------


class _DuplicateKey(Exception):
    """The same key twice in one object: which value is meant is ambiguous."""


class _BadString(Exception):
    """A value JSON can spell but a map cannot hold: an unpaired surrogate, NaN, Infinity."""


def _parse(raw: bytes, name: str) -> dict:
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidFormatError(name, [Problem("", too_large(MAX_FILE_BYTES))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidFormatError(name, [Problem(_byte_place(raw, error.start), "the text is not UTF-8")]) from None
    if raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS:
        raise InvalidFormatError(name, [Problem("", f"the file has more than {MAX_CONTAINERS} objects and lists")])
    try:
        hook = _checked_object if _SURROGATE_ESCAPE.search(text) else _object
        data = json.loads(text, object_pairs_hook=hook, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InvalidFormatError(name, [Problem(where, f"not valid JSON: {error.msg}")]) from None
    except _DuplicateKey as error:
        twice = f"the key {error.args[0]!r} appears twice in one object"
        raise InvalidFormatError(name, [Problem("", twice)]) from None
    except _BadString as error:
        raise InvalidFormatError(name, [Problem("", error.args[0])]) from None
    except RecursionError:
        raise InvalidFormatError(name, [Problem("", "the JSON is nested too deeply")]) from None
    except ValueError:  # the one ValueError left: an integer of more digits than Python converts
        digits = sys.get_int_max_str_digits()
        raise InvalidFormatError(name, [Problem("", f"a number has more than {digits} digits")]) from None
    if not isinstance(data, dict):
        raise InvalidFormatError(name, [Problem("", "not a CJM Designer map: the file is not a JSON object")])
    return data


def _object(pairs: list[tuple[str, object]]) -> dict:
    """Build a JSON object, refusing duplicate keys."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKey(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return result


def _checked_object(pairs: list[tuple[str, object]]) -> dict:
    """Build a JSON object, refusing duplicate keys and text that is not valid Unicode."""
    result = _object(pairs)
    for key, value in pairs:
        if _SURROGATE.search(key) or (isinstance(value, str) and _SURROGATE.search(value)) or (
                isinstance(value, list) and any(isinstance(v, str) and _SURROGATE.search(v) for v in value)):
            raise _BadString(f"the key {_shown(key)} or its value holds an unpaired surrogate "
                             "(\\ud800-\\udfff), which is not text")
    return result


def _no_constant(constant: str) -> None:
    raise _BadString(f"{constant} is not a JSON number (JSON has no NaN or Infinity)")


def _check_header(data: dict, name: str) -> int:
    if data.get("format") != FORMAT:
        raise InvalidFormatError(name, [Problem("format", 'not a CJM Designer map: "format" must be "cjm"')])
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidFormatError(name, [Problem("version", "must be a whole number")])
    if version > migrations.CURRENT_VERSION:
        raise UnsupportedFormatVersionError(name, [Problem("version", (
            f"the file is in format version {_shown(version)}, written by a newer CJM Designer; "
            f"this one reads {_readable_versions()}: update CJM Designer to open it"))])
    if version < migrations.OLDEST_VERSION:
        raise UnsupportedFormatVersionError(name, [Problem("version", (
            f"format version {_shown(version)} is unknown; this program reads {_readable_versions()}"))])
    return version


def _unwritable(value: object, limit: int) -> str | None:
    """What in the free-form JSON `value` could not be written back as read (None when nothing): the
    model keeps it as it is, so it is checked here, without recursing. Lists and objects nested more
    than `limit` deep (writing recurses: what the parser took at its own limit could fail to be written
    from a deeper call), and a number too large for a float (read as infinity, written as `Infinity`,
    which no reader takes)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return "holds a number too large to be written back (it reads as infinity)"
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return f"nested more than {limit} levels deep"
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list, float)))
    return None


def _readable_versions() -> str:
    oldest, current = migrations.OLDEST_VERSION, migrations.CURRENT_VERSION
    return f"version {current}" if oldest == current else f"versions {oldest} to {current}"


def _upgrade(data: dict, version: int, name: str) -> dict:
    try:
        return migrations.upgrade(data, version, migrations.CURRENT_VERSION)
    except migrations.MissingUpgradeError as missing:
        raise UnsupportedFormatVersionError(name, [Problem("version", (
            f"no upgrade is known from format version {missing.args[0]}"))]) from None
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise InvalidFormatError(name, [Problem("", (
            f"cannot upgrade the map from format version {version}: {type(error).__name__} {error}"))]) from None


def _byte_place(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return f"line {line}, column {column}"


def _problem(error: dict) -> Problem:
    where = "".join(_path_part(part) for part in error["loc"]).lstrip(".")
    kind = error["type"]
    if kind == "missing":
        what = "is required"
    elif kind == "extra_forbidden":
        what = "is not a known field here"
    else:
        message = error["msg"].removeprefix("Value error, ")
        what = message[0].lower() + message[1:]
        if "input" in error and not isinstance(error["input"], (dict, list)):
            what += f" (found {_shown(error['input'])})"
    return Problem(where, what)


def _path_part(part: int | str) -> str:
    """`[3]` for an index, `.name` for a plain key, `["odd key"]` for any other key."""
    if isinstance(part, int):
        return f"[{part}]"
    return f".{part}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part) else f"[{_shown(part)}]"


def _shown(value: object) -> str:
    """A value as it is spelt in JSON, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
