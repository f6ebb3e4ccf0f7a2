"""Snapshots kept in a `.cjm` file: taking one of the present map, and reading the map one keeps.

A snapshot's map is kept as the file wrote it and checked only when it is read, by the very path a
file's body takes (`cjm.read_body`), so a damaged snapshot is reported by its name while the map
itself, and every other snapshot, opens; and the damaged one is written back as it was.

A snapshot whose own fields are damaged (a name too long, a date that is not one, an id another element
has) would stop the map from opening, so the loader puts a stand-in in its place: a valid snapshot named
as the entry was (or by its position, "#3", when that name cannot be read) whose map keeps the entry as
read under `cjm.KEPT`. It reads as damaged, and the file writes the entry back byte for byte.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from ..model import JourneyMap, ModelError, Problem, Snapshot
from .cjm import KEPT, LIST_LIMITS, MAP_LISTS, load, map_body, read_body, save
from .errors import CjmError, InvalidFormatError

MAP_KEYS = ("meta", *MAP_LISTS)
MAX_NAME = 200  # as the model's Name and Text fields allow
MAX_NOTE = 10_000
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)  # a stand-in's time when the entry's own cannot be read


def take_snapshot(doc: JourneyMap, name: str, author: str, now: datetime, note: str = "") -> Snapshot:
    """A snapshot of `doc` as it is `now` (an aware time), with a fresh id; `doc` is not changed."""
    return Snapshot(id=doc.new_id("snapshot"), name=name, created=now, author=author, note=note, map=map_body(doc))


def snapshot_author(doc: JourneyMap) -> str:
    """Who takes a snapshot: the map's author, else the user logged in (nobody when the system cannot tell)."""
    if doc.meta.author:
        return doc.meta.author
    try:
        return getpass.getuser()[:MAX_NAME]
    except (KeyError, OSError):  # no user name in the environment and no entry in the password database
        return ""


def snapshot_into_file(path: str | Path, name: str, now: datetime, note: str = "") -> JourneyMap:
    """Read the map at `path`, take a snapshot of it named `name` and save the file (keeping `path~`);
    the map as saved is returned. A name already taken, or a map that holds the most snapshots, is a
    `CjmError` and the file is left as it was."""
    doc = load(path)
    if any(s.name == name for s in doc.snapshots):
        raise CjmError(path, [Problem("", f"a snapshot named “{name}” is already kept in this map")])
    try:
        doc.add_snapshot(take_snapshot(doc, name, snapshot_author(doc), now, note))
    except ModelError as error:
        raise CjmError(path, [Problem("snapshots", str(error))]) from None
    save(doc, path)
    return doc


def snapshot_map(snapshot: Snapshot, file_name: str) -> JourneyMap:
    """The map `snapshot` keeps, read with every check a file gets; errors name `FILE@SNAPSHOT-NAME`.

    The body is in the file's own format version: the loader upgrades a file's snapshots with it
    (see `migrations`), so no version is kept per snapshot."""
    name = snapshot_file_name(file_name, snapshot)
    if is_stand_in(snapshot):
        raise InvalidFormatError(name, _entry_problems(snapshot.map[KEPT]))
    strays = [key for key in snapshot.map if key not in MAP_KEYS]
    if strays:
        raise InvalidFormatError(name, [Problem(key, "is not a known field of a snapshot's map") for key in strays])
    return read_body(snapshot.map, name)


def snapshot_file_name(file_name: str, snapshot: Snapshot) -> str:
    """How a snapshot is named in messages and window titles: `map.cjm@As-is`."""
    return f"{file_name}@{snapshot.name}"


def damaged_snapshots(doc: JourneyMap, file_name: str) -> dict[str, CjmError]:
    """The snapshots of `doc` whose map cannot be read, each id with its error (in the file's order)."""
    damaged: dict[str, CjmError] = {}
    for snapshot in doc.snapshots:
        try:
            snapshot_map(snapshot, file_name)
        except CjmError as error:
            damaged[snapshot.id] = error
    return damaged


def is_stand_in(snapshot: Snapshot) -> bool:
    """Whether `snapshot` stands for an entry of the file whose own fields could not be read (see above)."""
    return KEPT in snapshot.map


def with_stand_ins(body: dict) -> dict:
    """`body` (a file's parsed body) with a stand-in in the place of each snapshot whose own fields are
    damaged or whose id another element has (see the module's docstring)."""
    entries = body.get("snapshots")
    if not isinstance(entries, list):
        return body
    taken = {e["id"] for key in LIST_LIMITS if key != "snapshots" and isinstance(body.get(key), list)
             for e in body[key] if isinstance(e, dict) and isinstance(e.get("id"), str)}
    kept = []
    for position, entry in enumerate(entries, 1):
        kept.append(entry if _sound(entry) and entry["id"] not in taken else _stand_in(entry, position, taken))
        taken.add(kept[-1]["id"])
    return {**body, "snapshots": kept}


def _sound(entry: object) -> bool:
    try:
        Snapshot.model_validate(entry)
    except ValidationError:
        return False
    return KEPT not in entry["map"]


def _stand_in(entry: object, position: int, taken: set[str]) -> dict:
    """A valid snapshot for `entry`: the entry's own fields where they can be read (its id where no other
    element has it), else an id made from its content (the same in every copy of the file, so a merge
    matches it), "#POSITION" and no time to speak of; its map keeps the entry."""
    digest = hashlib.sha256(json.dumps(entry, ensure_ascii=False).encode()).hexdigest()
    fresh = next(f"snapshot-{digest[:k]}" for k in range(8, 65) if f"snapshot-{digest[:k]}" not in taken)
    fallback = {"id": fresh, "name": f"#{position}", "created": UNKNOWN_TIME.isoformat(), "author": "", "note": ""}
    own = entry if isinstance(entry, dict) else {}
    header = {key: own.get(key, value) for key, value in fallback.items()}
    if header["id"] in taken:
        header["id"] = fresh
    try:
        Snapshot.model_validate({**header, "map": {}})
    except ValidationError as error:
        header.update((e["loc"][0], fallback[e["loc"][0]]) for e in error.errors())
    return {**header, "map": {KEPT: entry}}


def _entry_problems(entry: object) -> list[Problem]:
    """What is wrong with a snapshot entry itself, its map aside, as a stand-in reports it."""
    try:
        read_body({"snapshots": [entry]}, "")
    except InvalidFormatError as error:
        return [Problem(p.where.removeprefix("snapshots[0]").lstrip("."), p.what) for p in error.problems]
    if KEPT in entry["map"]:
        return [Problem(f'map["{KEPT}"]', "is not a known field of a snapshot's map")]
    return [Problem("id", f"the id {entry['id']!r} is already used by another element of the map")]
