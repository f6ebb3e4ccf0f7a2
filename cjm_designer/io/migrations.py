"""Upgrades of older `.cjm` files: each is a function from version N's dict to version N+1's.

The loader applies them in order, so a file of any older version is read as the current one. When
the format changes, bump `CURRENT_VERSION` and add `UPGRADES[old] = function` (with a test file).
Since version 2 a file keeps snapshots, each holding a whole map body (`snapshots[i].map`) in the
file's version: an upgrade must upgrade every snapshot's body too, or the snapshots of an older file
would be read as the newer format (`io.snapshots.snapshot_map` reads them as the current one).
"""

from __future__ import annotations

from collections.abc import Callable

CURRENT_VERSION = 3
OLDEST_VERSION = 1

Upgrade = Callable[[dict], dict]


def _snapshots_kept_in_the_file(data: dict) -> dict:
    """Version 2 keeps named snapshots of the map (and a merge's conflicts) in the file; a version 1
    map has none. Its cards, personas and the rest read the same (new fields are optional)."""
    return {**data, "version": 2, "snapshots": data.get("snapshots", [])}


def _workshop_records(data: dict) -> dict:
    """Version 3 keeps what a workshop's room brings: an Inbox of participants' cards, dot votes, and
    comment threads and a page address (`url`) on cards. A version 2 map, and each of its snapshots'
    bodies, has none of them and reads the same."""
    return {**data, "version": 3}


UPGRADES: dict[int, Upgrade] = {1: _snapshots_kept_in_the_file, 2: _workshop_records}


class MissingUpgradeError(LookupError):
    """No upgrade is known from this version to the next."""


def upgrade(data: dict, version: int, target: int = CURRENT_VERSION,
            upgrades: dict[int, Upgrade] | None = None) -> dict:
    """Apply the upgrades from `version` up to `target`, one version at a time."""
    upgrades = UPGRADES if upgrades is None else upgrades
    for step in range(version, target):
        if step not in upgrades:
            raise MissingUpgradeError(step)
        data = upgrades[step](data)
    return data
