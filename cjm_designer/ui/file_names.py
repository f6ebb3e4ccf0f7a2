"""The names and folders the Save and Export dialogs propose: a map's title made into a file name
any file system takes (Cyrillic and emoji kept), in the user's Documents folder when there is no
better place."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QStandardPaths

MAX_NAME_BYTES = 200  # file systems take 255 bytes a name: room for the extension and a "~" backup
_DASHED = str.maketrans({"/": "-", "\\": "-", "|": "-"})  # a separator between words reads as one
_SPACED = re.compile(r'[:*?"<>\s]+')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(title: str, fallback: str) -> str:
    """`title` as a file name without extension: no / \\ : * ? " < > |, no control or invisible
    formatting characters (bidi overrides could disguise the name), no line breaks, spaces and dots
    trimmed, at most MAX_NAME_BYTES in UTF-8; `fallback` when nothing is left."""
    spaced = _SPACED.sub(" ", title.translate(_DASHED))
    name = "".join(ch for ch in spaced
                   if ch == "\u200d" or unicodedata.category(ch) not in ("Cc", "Cf")).strip(" .")  # emoji joiner kept
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1].rstrip(" .")
    if name.split(".")[0].upper() in _WINDOWS_DEVICES:
        name += "_"
    return name or fallback


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder on a system without one."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
