"""Locks a live process holds on a file: an autosave copy's (so another instance never offers or
deletes the work of a window still open) and an open map's (so a second window, or the headless
room of `cjm-designer workshop`, on the same file is warned or refused: two writers would save
over each other). Qt-free, for the window and the command line alike.

The operating system releases such a lock when its process ends, however it ends, so a lock that
can be taken means its owner is gone; a reused process id cannot be mistaken for the owner.
POSIX systems lock with `flock`, Windows with `msvcrt.locking`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

APP = "cjm-designer"
ROOM = "room"  # the note a headless room leaves in its lock: the window names it in its warning


def state_folder(name: str) -> Path:
    """A folder of the user's state (autosave copies, open maps' locks), made if missing. Raises
    OSError when it cannot be made."""
    folder = Path(platformdirs.user_state_dir(APP)) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_map_lock(path: Path) -> Path:
    """The lock file of an open map: `open/HASH.lock` in the state folder, HASH naming the map's
    resolved path. Raises OSError when the state folder cannot be made."""
    name = hashlib.sha256(str(Path(path).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return state_folder("open") / f"{name}.lock"


class Lock:
    """An exclusive lock on the file `path` (made if missing), held until `release` or the end of
    the process. The file holds the owner's process id and `note` (what holds it), for messages."""

    def __init__(self, path: Path, note: str = ""):
        self.path, self.note = path, note
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another owner holds it (or it cannot be made)."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return False
        try:
            _lock(fd)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {self.note}".strip().encode())
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self, remove: bool = False) -> None:
        """Let go of the lock; with `remove`, delete its file first (while still holding it)."""
        if self._fd is None:
            return
        if remove:
            self.path.unlink(missing_ok=True)
        os.close(self._fd)  # closing the descriptor releases the lock
        self._fd = None


def held_elsewhere(path: Path) -> bool:
    """Whether another owner (another process, or another descriptor of this one) holds the lock
    on `path`; a missing lock file is held by no one."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        _lock(fd)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def lock_owner(path: Path) -> tuple[int | None, str]:
    """The process id and the note written in a lock file, as far as they can be read."""
    try:
        pid, _, note = path.read_text("ascii").strip().partition(" ")
        return int(pid), note
    except (OSError, ValueError):
        return None, ""


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
