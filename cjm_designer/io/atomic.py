"""Writing files so that a crash, a full disk or a failed rename never leaves a truncated file.

The bytes go to a temporary file in the target's folder, are flushed to disk, and only then replace
the target in one rename. Any failure removes the temporary file and leaves the target untouched;
what a killed save left behind is removed by the next save of the same file.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..model import Problem
from .errors import SaveError
from .reading import NUL_IN_NAME, not_a_file

STALE_SECONDS = 10 * 60  # a temporary file of a save untouched this long was left by a killed save


def write_atomic(path: str | Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace `path` with `data`; with `keep_backup`, the previous file becomes `path~`."""
    with writing_atomically(path, keep_backup=keep_backup) as out:
        out.write(data)


@contextmanager
def writing_atomically(path: str | Path, *, keep_backup: bool = False) -> Iterator[BinaryIO]:
    """A file to write `path`'s new content into, which replaces `path` when the block ends without an
    error; on any error (a full disk, a cancel) `path` is left as it was and nothing stays behind.
    Only a regular file, or a name that is free, is replaced: never a folder, a pipe or a device.
    Errors of the file system are raised as `SaveError`."""
    if "\0" in str(path):
        raise SaveError(path, [Problem("", f"cannot save: {NUL_IN_NAME}")])
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(path, [Problem("", f"cannot save: the folder {folder} does not exist")])
    try:
        kind = not_a_file(target.stat().st_mode)
    except FileNotFoundError:
        kind = None  # a new file
    except OSError as error:  # a loop of symbolic links, a folder that cannot be searched
        raise SaveError(path, [Problem("", f"cannot save: {error.strerror or error}")]) from None
    if kind:
        raise SaveError(path, [Problem("", f"cannot save: {kind}")])
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(path, [Problem("", f"cannot save in {folder}: {error.strerror}")]) from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, _mode_for(target))
        if keep_backup and target.exists():
            _backup(target)
        os.replace(temp_name, target)
    except OSError as error:
        _remove_quietly(temp_name)
        raise SaveError(path, [Problem("", f"cannot save: {error.strerror or error}")]) from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _fsync_folder(folder)
    _remove_stale_temporaries(target)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove what earlier saves of `target` left when they were killed: `.NAME.xxxxxxxx.tmp` and
    `.bak` files in its folder untouched for STALE_SECONDS (a save still running keeps writing to
    its own, so it is never taken for stale)."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}(\.tmp|\.bak)")
    now = time.time()
    try:
        names = [name for name in os.listdir(target.parent) if pattern.fullmatch(name)]
    except OSError:
        return
    for name in names:
        path = target.parent / name
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
            _remove_quietly(str(path))


def same_file(one: str | Path, other: str | Path) -> bool:
    """Whether two names are one file: the same file through a symbolic or hard link, or, when one of
    them is not there, the same name once links are followed."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def backup_path(path: str | Path) -> Path:
    """Where the previous version of `path` is kept: `NAME.cjm~`."""
    path = Path(path)
    return path.with_name(path.name + "~")


def _backup(target: Path) -> None:
    """Make `target~` a copy of `target` (a hard link where the file system has them)."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak", dir=target.parent)
    os.close(fd)
    try:
        os.unlink(temp_name)
        try:
            os.link(target, temp_name)
        except OSError:
            shutil.copy2(target, temp_name)
        os.replace(temp_name, backup_path(target))
    except BaseException:
        _remove_quietly(temp_name)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
