"""Reading and writing maps: the `.cjm` format, CSV, and atomic file writes. Imports only `model`."""

from .atomic import write_atomic
from .cjm import dumps, load, loads, save
from .errors import CjmError, InvalidFormatError, SaveError, UnsupportedFormatVersionError

__all__ = [
    "CjmError", "InvalidFormatError", "SaveError", "UnsupportedFormatVersionError", "dumps", "load",
    "loads", "save", "write_atomic",
]
