"""The maps a command compares: a `.cjm` file, or `FILE@SNAPSHOT` for a snapshot kept in one."""

from __future__ import annotations

import os

from ..model import JourneyMap, Problem
from ..model.plain import one_line
from .cjm import load
from .errors import CjmError
from .snapshots import snapshot_file_name, snapshot_map


def load_ref(text: str) -> tuple[JourneyMap, str]:
    """The map `text` names, with the name to show for it: `FILE`, or `FILE@SNAPSHOT` where SNAPSHOT is
    a snapshot's name (or, failing that, its id). A file whose own name holds `@` is that file when it
    exists; otherwise the file is the longest part before an `@` that exists, so snapshot names may
    hold `@` too. An unknown snapshot is a one-line `CjmError` listing the snapshots the file keeps."""
    if "@" not in text or os.path.lexists(text):
        return load(text), text
    file, wanted = _split(text)
    doc = load(file)
    snapshot = next((s for s in doc.snapshots if s.name == wanted), None) or next(
        (s for s in doc.snapshots if s.id == wanted), None)
    if snapshot is None:
        kept = ", ".join(f"“{one_line(s.name, 80)}”" for s in doc.snapshots)
        known = f"the snapshots are: {kept}" if kept else "the map keeps no snapshots"
        raise CjmError(file, [Problem("", f"there is no snapshot “{one_line(wanted, 80)}”; {known}")])
    return snapshot_map(snapshot, file), snapshot_file_name(file, snapshot)


def ref_file(text: str) -> str:
    """The file `text` (a `FILE` or `FILE@SNAPSHOT`) reads, as `load_ref` finds it."""
    return text if "@" not in text or os.path.lexists(text) else _split(text)[0]


def _split(text: str) -> tuple[str, str]:
    """FILE and SNAPSHOT of `FILE@SNAPSHOT`: at the last `@` whose left part is a file that exists (at
    the last `@` when none is, for the loader to say the file is missing)."""
    at = len(text)
    while (at := text.rfind("@", 0, at)) > 0:
        if os.path.lexists(text[:at]):
            return text[:at], text[at + 1:]
    file, _, wanted = text.rpartition("@")
    return file, wanted
