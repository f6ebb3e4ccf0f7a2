"""What a map's file on disk was when the window last read or wrote it, to tell when another program
(a sync client, git, a colleague) has changed it since.

The fingerprint is taken from the very bytes read or written, never by reading the file a second
time, so a change made in between cannot slip into it. A change is a different size or different
bytes (SHA-256): a file only touched, or written again with the same bytes, has not changed. The size
and write time alone are a first look that spares reading a file no one has written since.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from ..model import JourneyMap
from .cjm import MAX_FILE_BYTES, loads
from .errors import CjmError
from .reading import read_with_stat


class DiskState(NamedTuple):
    """A file's fingerprint: its size, when it was last written, and a hash of its bytes. (A named tuple:
    a frozen dataclass costs every start 0.3 ms more to make.)"""

    size: int
    mtime_ns: int
    sha256: str

    @property
    def modified(self) -> datetime:
        """When the file was last written, in local time."""
        return datetime.fromtimestamp(self.mtime_ns / 1e9).astimezone()


def fingerprint(data: bytes, stat: os.stat_result) -> DiskState:
    return DiskState(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_with_state(path: str | Path) -> tuple[bytes, DiskState]:
    """The file's bytes and their fingerprint, from one opening of the file; raises `CjmError` for
    what cannot be read as a map's file (not a regular file, larger than a map may be)."""
    data, status = read_with_stat(path, MAX_FILE_BYTES)
    return data, fingerprint(data, status)


def load_with_state(path: str | Path) -> tuple[JourneyMap, DiskState]:
    """Read a map as `io.load` does, with the fingerprint of the bytes it was read from."""
    raw, state = read_with_state(path)
    return loads(raw, str(path)), state


def written_state(path: str | Path, data: bytes) -> DiskState | None:
    """The fingerprint of `data` just written to `path` (None if the file cannot be seen)."""
    try:
        return fingerprint(data, os.stat(path))
    except OSError:
        return None


def current_state(path: str | Path) -> DiskState | None:
    """The file's fingerprint now; None when it is gone (or cannot be read)."""
    try:
        return read_with_state(path)[1]
    except CjmError:
        return None


def looks_unchanged(known: DiskState | None, path: str | Path) -> bool:
    """A cheap first look, without reading: the file has the size and write time it had. The check
    before a save does not rely on it; a watcher stirred by every file of a folder may."""
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return known is not None and stat.st_size == known.size and stat.st_mtime_ns == known.mtime_ns


def changed_since(known: DiskState | None, now: DiskState | None) -> bool:
    """Whether the file changed between two fingerprints (None: there was no file)."""
    if known is None or now is None:
        return (known is None) != (now is None)
    return now.size != known.size or now.sha256 != known.sha256
