"""Writing files so that a crash, a full disk or a failed rename never leaves a truncated file.

The bytes go to a temporary file in the target's folder, are flushed to disk, and only then replace
the target in one rename. Any failure removes the temporary file and leaves the target untouched.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from ..model import Problem
from .errors import SaveError


def write_atomic(path: str | Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace `path` with `data`; with `keep_backup`, the previous file becomes `path~`."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(path, [Problem("", f"cannot save: the folder {folder} does not exist")])
    if target.is_dir():
        raise SaveError(path, [Problem("", "cannot save: this is a folder")])
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(path, [Problem("", f"cannot save in {folder}: {error.strerror}")]) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
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
