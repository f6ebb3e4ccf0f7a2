"""A window's file changed by another program (a sync client, git, a colleague) while it is open.

The window knows the file as it last read or wrote it (`io.disk_state`). A watcher on the file and
its folder (re-armed after a rename puts a new file in place) notices a change; so does a check
right before every save. A window with no unsaved changes reloads quietly; one with unsaved changes
asks: reload theirs, keep mine (theirs kept as a dated copy beside the file), or save mine under a
new name. Nothing on disk is overwritten unasked. A file deleted on disk leaves the map modified, so
the next save writes it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer

from ..io import CjmError, write_atomic
from ..io.disk_state import DiskState, changed_since, current_state, looks_unchanged, read_with_state
from . import messages

SETTLE_MS = 300  # a writer may touch the file several times; look once it is done


def tr(text: str) -> str:
    return QCoreApplication.translate("DiskWatch", text)


class DiskWatch(QObject):
    """Watches one window's file for its `DocumentFiles`; `known` is the file's fingerprint when the
    window last read or wrote it."""

    def __init__(self, files, state: DiskState | None):
        super().__init__(files)
        self.files = files
        self.path: Path | None = None
        self.known: DiskState | None = None
        self._declined: DiskState | None = None  # the change the user chose to leave for now
        self._asking = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        path = files.session.path
        if path is not None:
            self.remember(path, state if state is not None else current_state(path))

    def remember(self, path: Path, state: DiskState | None) -> None:
        """The window's file is `path`, as `state` (None: it does not exist)."""
        self.path, self.known, self._declined = Path(path), state, None
        self._arm()

    def stop(self) -> None:
        """No more watching: the window is closed."""
        self.path = None
        self._settle.stop()
        self._unwatch()

    def _arm(self) -> None:
        """Watch the file and its folder; a file replaced by a rename is a new file to watch again."""
        self._unwatch()
        for target in (self.path, self.path.parent):
            if target.exists():
                self._watcher.addPath(str(target))

    def _unwatch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _soon(self, _path: str = "") -> None:
        if self.path is not None and str(self.path) not in self._watcher.files() and self.path.exists():
            self._watcher.addPath(str(self.path))
        self._settle.start()

    def conflict(self) -> DiskState | None:
        """The file as it is now, if another program changed it since the window read or wrote it;
        None when it is unchanged or gone (a save then writes it again)."""
        if self.path is None:
            return None
        now = current_state(self.path)
        return now if now is not None and changed_since(self.known, now) else None

    def check(self) -> None:
        """What the watcher does on a change: reload quietly, ask, or report the file gone."""
        if self.path is None or self._asking or looks_unchanged(self.known, self.path):
            return
        now = current_state(self.path)
        if not changed_since(self.known, now):
            self.known = now  # only touched: the next look need not read it again
            return
        if now is not None and now == self._declined:
            return
        if now is None:
            self._report_gone()
        elif not self.files.modified():
            self.files.reload_from_disk(quietly=True)
        else:
            self.resolve(now)

    def _report_gone(self) -> None:
        self.known = None
        self.files.session.mark_unsaved()  # nothing on disk is the map now: saving writes it again
        self.files.update_title()
        messages.warning(self.files.window, tr("File deleted"),
                         tr("%1 was deleted or moved by another program. The map is still open here; "
                            "save it to write the file again.").replace("%1", str(self.path)))

    def resolve(self, theirs: DiskState) -> bool:
        """Ask what to do with a file changed on disk; True when the window's map ends up saved."""
        self._asking = True
        try:
            box = messages.message_box(
                self.files.window, messages.Icon.Warning, tr("Changed on disk"),
                tr("%1 was changed by another program since it was opened or saved here, and this window "
                   "has unsaved changes.").replace("%1", str(self.path)), buttons=messages.Button.Cancel)
            reload = box.addButton(tr("Reload theirs"), messages.Role.DestructiveRole)
            keep = box.addButton(tr("Keep mine"), messages.Role.AcceptRole)
            save_as = box.addButton(tr("Save mine as…"), messages.Role.ActionRole)
            box.exec()
            clicked = box.clickedButton()
        finally:
            self._asking = False
        if clicked is reload:
            self.files.reload_from_disk()
            return False
        if clicked is keep:
            return self._keep_mine()
        if clicked is save_as:
            return self.files.save_as()
        self._declined = theirs  # asked again at the next save, not at every stir of the folder
        return False

    def _keep_mine(self) -> bool:
        """Their version as a dated copy beside the file, then the window's map saved over it."""
        copy = None  # the file may be gone meanwhile: then there is nothing of theirs to keep
        if self.path.exists():
            try:
                data, state = read_with_state(self.path)
                copy = dated_copy_path(self.path, state)
                write_atomic(copy, data)
            except CjmError as error:
                messages.critical(self.files.window, tr("Cannot keep their version"), str(error))
                return False
        if not self.files.write(self.path):
            return False
        if copy is not None:
            self.files.window.statusBar().showMessage(
                tr("Saved; the version changed on disk is kept as %1").replace("%1", str(copy)), 10000)
        return True


def dated_copy_path(path: Path, state: DiskState) -> Path:
    """A free name beside `path` for the version another program wrote: `map (changed on disk
    2026-12-02 10-41).cjm`, with a number added if that is taken."""
    when = state.modified.strftime("%Y-%m-%d %H-%M")
    stem = tr("%1 (changed on disk %2)").replace("%2", when).replace("%1", path.stem)
    candidate, n = path.with_name(stem + path.suffix), 2
    while candidate.exists():
        candidate, n = path.with_name(f"{stem} {n}{path.suffix}"), n + 1
    return candidate
