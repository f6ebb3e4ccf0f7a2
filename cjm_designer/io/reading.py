"""Reading an input file that may be anything: only a regular file is read, and never more than a limit.

A named pipe would block the reader forever and a device such as /dev/zero never ends, so the kind
of file is checked before it is opened and again on the open descriptor (opened without blocking,
so a pipe put in its place meanwhile cannot hang it); the reading stops one byte past the limit,
which is how the caller learns that the file is too large without ever holding more.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import Problem
from .errors import InvalidFormatError

CHUNK = 1 << 20
NUL_IN_NAME = "a file name cannot hold a NUL character"


def read_limited(path: str | Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; `name` is the file named in
    errors (`path` by default). Raises `InvalidFormatError` for anything that cannot be read as a
    file, and for a file larger than `limit` (read up to one byte past it)."""
    return read_with_stat(path, limit, name)[0]


def read_with_stat(path: str | Path, limit: int, name: str | None = None) -> tuple[bytes, os.stat_result]:
    """`read_limited`, with the status of the very file the bytes came from (its size and time)."""
    shown = str(path) if name is None else name
    if "\0" in str(path):
        raise InvalidFormatError(shown, [Problem("", f"cannot read: {NUL_IN_NAME}")])
    try:
        kind = not_a_file(os.stat(path).st_mode)
        if kind:
            raise InvalidFormatError(shown, [Problem("", f"cannot read: {kind}")])
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise InvalidFormatError(shown, [Problem("", f"cannot read: {error.strerror or error}")]) from None
    try:
        status = os.fstat(fd)
        kind = not_a_file(status.st_mode)
        if kind:
            raise InvalidFormatError(shown, [Problem("", f"cannot read: {kind}")])
        parts, size = [], 0
        # The whole file in one read, at the size it has now: one buffer, which `join` hands back as it is.
        # Read by chunks, each chunk filled a buffer of its own and `join` copied them all into one more
        # (2 ms of opening a 2.5 MB map, most of it the memory's first touch). A file grown since, by chunks.
        chunk = min(status.st_size, limit) + 1
        while size <= limit:
            part = os.read(fd, min(chunk, limit + 1 - size))
            if not part:
                break
            parts.append(part)
            size += len(part)
            chunk = CHUNK
    except OSError as error:
        raise InvalidFormatError(shown, [Problem("", f"cannot read: {error.strerror or error}")]) from None
    finally:
        os.close(fd)
    if size > limit:
        raise InvalidFormatError(shown, [Problem("", too_large(limit))])
    return b"".join(parts), status


def too_large(limit: int) -> str:
    return f"the file is larger than {limit // 2**20} MiB, the most a map may be"


def not_a_file(mode: int) -> str | None:
    """What a file of `mode` is when it is not a regular file (`None` when it is), in words."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a regular file"
    return "this is not a regular file"
