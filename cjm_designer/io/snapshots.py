"""Snapshots kept in a `.cjm` file: taking one of the present map, and reading the map one keeps.

A snapshot's map is kept as the file wrote it and checked only when it is read, by the very path a
file's body takes (`cjm.read_body`), so a damaged snapshot is reported by its name while the map
itself, and every other snapshot, opens; and the damaged one is written back as it was.
"""

from __future__ import annotations

import getpass
from datetime import datetime
from pathlib import Path

from ..model import JourneyMap, ModelError, Problem, Snapshot
from .cjm import MAP_LISTS, load, map_body, read_body, save
from .errors import CjmError, InvalidFormatError

MAP_KEYS = ("meta", *MAP_LISTS)
MAX_NAME = 200  # as the model's Name and Text fields allow
MAX_NOTE = 10_000


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
