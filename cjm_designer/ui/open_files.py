"""Maps open in this process, noted in the state folder as locks, so that a second CJM Designer opening
the same file warns before the two save over each other. The headless room (`cjm-designer workshop
FILE`) takes the same lock and refuses a file a window holds; a window opening a file the room holds
is warned the same way, naming the room.

A file's lock is `open/HASH.lock` in the state folder (io/file_locks.py). Several windows of this
process on one file share its lock: the first takes it, the last lets it go.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..io.file_locks import ROOM, Lock, held_elsewhere, lock_owner, open_map_lock
from . import messages

_held: dict[Path, tuple[Lock, set[int]]] = {}  # lock file → the lock and the windows sharing it


def tr(text: str) -> str:
    return QCoreApplication.translate("OpenFiles", text)


def note_open(path: Path, owner: object) -> None:
    """`owner` (a window) has `path` open; the first owner in this process takes the file's lock,
    if no other process holds it."""
    try:
        key = open_map_lock(path)
    except OSError:
        return  # no state folder: nothing to tell other instances with
    lock, owners = _held.get(key) or (Lock(key), set())
    if owners or lock.acquire():
        owners.add(id(owner))
        _held[key] = (lock, owners)


def note_closed(path: Path, owner: object) -> None:
    try:
        key = open_map_lock(path)
    except OSError:
        return
    lock, owners = _held.get(key, (None, set()))
    owners.discard(id(owner))
    if lock is not None and not owners:
        lock.release(remove=True)
        del _held[key]


def open_elsewhere(path: Path) -> bool:
    """Whether another CJM Designer process has `path` open."""
    try:
        key = open_map_lock(path)
    except OSError:
        return False
    return key not in _held and held_elsewhere(key)


def how_to_open(parent, path: Path) -> str | None:
    """"edit", "read-only" or None (cancel): asked only when another instance has the file open."""
    if not open_elsewhere(path):
        return "edit"
    pid, note = lock_owner(open_map_lock(path))
    if note == ROOM:  # `cjm-designer workshop FILE`: it saves each card the room sends into the file
        where = tr("a workshop room started from the command line (process %1)").replace("%1", str(pid))
    elif pid:
        where = tr("another CJM Designer window (process %1)").replace("%1", str(pid))
    else:
        where = tr("another CJM Designer window")
    box = messages.message_box(
        parent, messages.Icon.Warning, tr("Already open"),
        tr("%1 is already open in %2. If both save it, one overwrites the other's work.")
        .replace("%2", where).replace("%1", str(path)), buttons=messages.Button.Cancel)
    read_only = box.addButton(tr("Open read-only"), messages.Role.AcceptRole)
    anyway = box.addButton(tr("Open anyway"), messages.Role.DestructiveRole)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is read_only else "edit" if clicked is anyway else None
