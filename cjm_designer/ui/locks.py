"""Locks a live process holds on a file: an autosave copy's (so another instance never offers or
deletes the work of a window still open) and an open map's (so a second instance on the same file
is warned).

The operating system releases such a lock when its process ends, however it ends, so a lock that
can be taken means its owner is gone; a reused process id cannot be mistaken for the owner.
POSIX systems lock with `flock`, Windows with `msvcrt.locking`.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


class Lock:
    """An exclusive lock on the file `path` (made if missing), held until `release` or the end of
    the process. The file holds the owner's process id, for messages."""

    def __init__(self, path: Path):
        self.path = path
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
            os.write(fd, str(os.getpid()).encode())
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


def owner_pid(path: Path) -> int | None:
    """The process id written in a lock file, if it can be read."""
    try:
        return int(path.read_text("ascii").strip())
    except (OSError, ValueError):
        return None


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
