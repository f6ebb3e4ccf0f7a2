"""One window's map and its file: saving (save, save as, as a template), opening other maps (each in
a window of its own), revert and reload, recent files, autosave, the watch on the file on disk, and
the window's title with its modified mark. The window (`main_window`) holds the menus and docks and
calls these; `session.path` is set here and nowhere else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMenu

from ..editor import DocumentSession
from ..io import CjmError, UnsupportedFormatVersionError, dumps, write_atomic
from ..io.disk_state import DiskState, load_with_state, written_state
from ..io.embedded import EXPORT_SUFFIXES, embedded_map
from ..io.file_locks import Lock
from ..model import JourneyMap
from ..model.plain import visible_bidi
from ..templates import new_map, save_user_template
from . import messages
from .autosave import Autosaver
from .disk_watch import DiskWatch
from .open_files import how_to_open, note_closed, note_open
from .settings import Settings


def tr(text: str) -> str:
    """The strings kept the context of the window they came from: the translations name it."""
    return QCoreApplication.translate("MainWindow", text)


WINDOWS: list = []  # the open main windows, kept alive here
OPENABLE = (".cjm", *EXPORT_SUFFIXES)  # what a drop on the window opens: maps, and the maps exports carry


def new_window(doc: JourneyMap, path: Path | None, **options):
    """A main window on `doc` (imported here: the window's module imports this one)."""
    from .main_window import MainWindow

    return MainWindow(doc, path, **options)


class DocumentFiles(QObject):
    """The file side of `window`, and the session editing `doc` read from `path` (its child, so that
    the session goes before this object's slots do); `disk_state` is the fingerprint of the bytes
    `doc` was read from (taken here when not given); `read_only`: the file is open in another
    instance, so the map is saved only under a new name; `display_name`: the title of a map with no file."""

    def __init__(self, window, doc: JourneyMap, path: Path | None, settings: Settings, display_name: str | None,
                 disk_state: DiskState | None, read_only: bool):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.session = session = DocumentSession(doc, path, parent=self)
        self.display_name, self.read_only = display_name, read_only
        self.origin = path  # the file a read-only window is never saved over (for a snapshot's window, its map's)
        WINDOWS.append(window)
        if session.path is not None and not read_only:
            note_open(session.path, window)
        self.disk = DiskWatch(self, disk_state)
        self.autosaver = Autosaver(session)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(settings.autosave_seconds() * 1000)
        self.autosave_timer.timeout.connect(self.autosaver.save_if_needed)
        self.autosave_timer.start()
        session.undo_stack.cleanChanged.connect(self.update_title)
        if self.autosaver.off_reason:
            window.statusBar().showMessage(tr("Autosave is off: its folder cannot be used (%1)")
                                           .replace("%1", visible_bidi(self.autosaver.off_reason)))

    # -- state ----------------------------------------------------------------------------------

    def modified(self) -> bool:
        return self.session.modified

    def pristine(self) -> bool:
        """A window no one has worked in yet: a new map with no file and no change."""
        return self.session.path is None and not self.modified() and self.session.undo_stack.count() == 0

    def update_title(self) -> None:
        """The file's name (bidi controls shown as marks, a literal `[*]` kept), `*` when modified."""
        path = self.session.path
        name = visible_bidi(path.name if path else (self.display_name or tr("Untitled"))).replace("[*]", "[*][*]")
        if self.read_only:
            name = tr("%1 (read-only)").replace("%1", name)
        self.window.setWindowTitle(f"{name}[*] — CJM Designer")
        self.window.setWindowModified(self.modified())

    def adopt_recovered(self, copy: Path, lock: Lock) -> None:
        """The map is work recovered from the autosaved `copy`: modified until saved, the copy kept till then."""
        self.autosaver.adopt(copy, lock)
        self.session.mark_unsaved()
        self.update_title()

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the map's file; if another program changed it since, ask first (`DiskWatch`)."""
        if self.session.path is None:
            return self.save_as()
        if self.read_only:
            messages.information(self.window, tr("Read-only"), tr("This map is open in another CJM Designer "
                                                                  "window, so it is saved here only under a new name."))
            return self.save_as()
        theirs = self.disk.conflict()
        if theirs is not None:
            return self.disk.resolve(theirs)
        return self.write(self.session.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog  # the dialogs load on first use, not at start

        name, _ = QFileDialog.getSaveFileName(self.window, tr("Save map"), str(self.proposed_path()),
                                              tr("Journey maps (*.cjm)"))
        if not name:
            return False
        path = Path(name if name.endswith(".cjm") else name + ".cjm")
        if self.read_only and self.origin is not None and path.resolve() == self.origin.resolve():
            messages.warning(self.window, tr("Read-only"),
                             tr("This map is open read-only; save it under another name."))
            return False
        return self.write(path)

    def proposed_path(self) -> Path:
        """Where Save As starts: the map's own file; for a new map its title as a file name, in the
        folder maps were last saved in or opened from, else the user's Documents."""
        if self.session.path is not None:
            return self.session.path
        from .file_names import documents_folder, safe_file_name  # here: Save As needs them, the start does not

        title = self.session.doc.meta.title or self.display_name or tr("Untitled")
        folder = self.settings.maps_folder() or documents_folder()
        return folder / (safe_file_name(title, tr("Untitled")) + ".cjm")

    def save_as_template(self) -> Path | None:
        """File → Save as Template: a copy of the map among the user's own templates (File → New)."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        doc = self.session.doc
        default = doc.meta.title or (self.session.path.stem if self.session.path else "")
        title, ok = QInputDialog.getText(self.window, tr("Save as template"), tr("Name of the template:"),
                                         QLineEdit.EchoMode.Normal, default)
        if not ok:
            return None
        if not title.strip():
            messages.warning(self.window, tr("Save as template"), tr("A template needs a name."))
            return None
        try:
            path = save_user_template(doc, title)
        except CjmError as error:
            messages.critical(self.window, tr("Cannot save the template"), str(error))
            return None
        messages.information(self.window, tr("Template saved"),
                             tr("The template is saved as %1. File → New shows it under My templates.")
                             .replace("%1", str(path)))
        return path

    def write(self, path: Path) -> bool:
        """Write the map to `path` (the previous file kept as `path~`); the window then knows the file
        as written."""
        doc = self.session.doc
        now = datetime.now(UTC).replace(microsecond=0)
        stamped = doc.model_copy(update={"meta": doc.meta.model_copy(update={"modified": now})})  # the file's copy
        data = dumps(stamped)
        try:
            write_atomic(path, data, keep_backup=True)
        except CjmError as error:
            messages.critical(self.window, tr("Cannot save"), str(error))
            return False
        if path != self.session.path:
            if self.session.path is not None and not self.read_only:
                note_closed(self.session.path, self.window)
            note_open(path, self.window)
            self.read_only = False
        self.session.path = path
        self.disk.remember(path, written_state(path, data))
        self.session.mark_saved()
        self.autosaver.discard()
        self.settings.add_recent(path)
        self.settings.set_maps_folder(path.parent)
        self.update_title()
        self.window.statusBar().showMessage(tr("Saved %1").replace("%1", visible_bidi(str(path))), 4000)
        return True

    # -- closing --------------------------------------------------------------------------------

    def may_close(self) -> bool:
        """With unsaved changes, ask Save / Discard / Cancel; False when the window must stay."""
        if not self.modified():
            return True
        buttons = messages.Button
        box = messages.message_box(self.window, messages.Icon.Question, tr("Unsaved changes"),
                                   tr("Save the changes to this map before closing?"), "",
                                   buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        box.button(buttons.Discard).setText(tr("Do&n't save"))  # what it does: Qt's Russian "Отклонить" says "reject"
        answer = buttons(box.exec())
        return answer != buttons.Cancel and (answer != buttons.Save or self.save())

    def close(self) -> None:
        """The window is closing: no autosave copy left, no watch, the file no longer noted open."""
        self.autosaver.discard()
        self.autosave_timer.stop()
        self.disk.stop()
        if self.session.path is not None and not self.read_only:
            note_closed(self.session.path, self.window)
        if self.window in WINDOWS:
            WINDOWS.remove(self.window)

    # -- opening --------------------------------------------------------------------------------

    def open_path(self, path: Path):
        """Open `path` in a window of its own (in place of this one if it is pristine); a file that
        cannot be read is reported and nothing else changes. The window, or None."""
        path = Path(path)
        if path.suffix.lower() in EXPORT_SUFFIXES:
            return self.open_export(path)
        for window in WINDOWS:
            if window.session.path and window.session.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return window
        mode = how_to_open(self.window, path)
        if mode is None:
            return None
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            show_load_error(self.window, error)
            return None
        self.settings.add_recent(path)
        self.settings.set_maps_folder(path.parent)
        return self._replace_or_add(new_window(doc, path, disk_state=state, read_only=mode == "read-only"))

    def open_export(self, path: Path):
        """The map a PDF, PNG or SVG export carries, in a window of its own as a new untitled map: the
        picture is never saved over. Says where it came from, and when the picture was changed after
        export, that the map is as it was exported. The window, or None."""
        try:
            doc, changed = embedded_map(path)
        except CjmError as error:
            show_load_error(self.window, error)
            return None
        self.settings.set_maps_folder(path.parent)
        window = self._replace_or_add(new_window(doc, None, display_name=tr("Untitled")))
        window.statusBar().showMessage(tr("The map carried by %1, as it was exported: save it as a map file to keep "
                                          "it").replace("%1", visible_bidi(path.name)), 15000)
        if changed:
            text = tr("The picture %1 was changed after it was exported. The map opened is the one it was exported "
                      "from, not what the picture shows now.")
            messages.warning(window, tr("Changed after export"), text.replace("%1", visible_bidi(path.name)))
        return window

    def _replace_or_add(self, window):
        if self.pristine():
            window.setGeometry(self.window.geometry())
            window.show()
            self.window.close()
        else:
            window.show()
        return window

    def choose_and_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .file_names import documents_folder

        path = self.session.path
        folder = path.parent if path else self.settings.maps_folder() or documents_folder()
        name, _ = QFileDialog.getOpenFileName(
            self.window, tr("Open map"), str(folder),
            ";;".join((tr("Journey maps and their exports (*.cjm *.pdf *.png *.svg *.html)"),
                       tr("Journey maps (*.cjm)"),
                       tr("Maps exported as PDF, PNG, SVG or a web page (*.pdf *.png *.svg *.html)"))))
        if name:
            self.open_path(Path(name))

    def new_from_template(self) -> None:
        from .template_gallery import TemplateGallery  # loads on first use, not at start

        gallery = TemplateGallery(self.window, self.settings.default_template())
        if gallery.exec() and gallery.chosen:
            doc = new_map(gallery.chosen, gallery.language, structure=gallery.structure_only())
            self._replace_or_add(new_window(doc, None, display_name=tr("Untitled")))

    def fill_recent(self, menu: QMenu) -> None:
        """File → Open Recent, as the menu opens."""
        menu.clear()
        files = self.settings.recent_files()
        for name in files:
            action = menu.addAction(visible_bidi(name).replace("&", "&&"))  # no accelerator
            action.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        if not files:
            menu.addAction(tr("No recent maps")).setEnabled(False)

    # -- the file read anew ---------------------------------------------------------------------

    def revert(self) -> None:
        """Back to the file as saved, after asking: this cannot be undone."""
        path = self.session.path
        if path is None or not self.modified():
            return
        answer = messages.ask(self.window, tr("Revert"), tr("Discard all changes since the last save?"))
        if answer != messages.Button.Yes:
            return
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            show_load_error(self.window, error)
            return
        self._reopen(doc, state)

    def reload_from_disk(self, quietly: bool = False):
        """The map as another program wrote it, in a window in place of this one (returned, or None);
        `quietly` (a window with nothing unsaved): a file that cannot be read now is only mentioned,
        as a writer may not be done."""
        path = self.session.path
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            if not quietly:
                show_load_error(self.window, error)
            else:
                self.window.statusBar().showMessage(tr("The file changed on disk but cannot be read: %1")
                                                    .replace("%1", visible_bidi(str(error))))
            return None
        window = self._reopen(doc, state)
        window.statusBar().showMessage(tr("Reloaded %1: another program changed it")
                                       .replace("%1", visible_bidi(str(path))), 10000)
        return window

    def _reopen(self, doc: JourneyMap, state: DiskState):
        """A window on `doc` read anew from this window's file, in this one's place and view."""
        mine = self.window
        window = new_window(doc, self.session.path, disk_state=state, read_only=self.read_only)
        window.setGeometry(mine.geometry())
        window.restoreState(mine.saveState())
        window.show()
        window.view.set_zoom(mine.view.zoom())
        for theirs, ours in ((window.view.horizontalScrollBar(), mine.view.horizontalScrollBar()),
                             (window.view.verticalScrollBar(), mine.view.verticalScrollBar())):
            theirs.setValue(ours.value())
        self.session.mark_saved()  # what this window held is given up: its close asks nothing
        mine.close()
        return window


def show_load_error(parent, error: CjmError) -> None:
    """What happened and what to do, in the interface's language, above the loader's own line (the file
    and the place, as the command line prints it); every problem under Details when there are more."""
    details = "\n".join(error.lines()) if len(error.problems) > 1 else ""
    messages.critical(parent, tr("Cannot open the map"), load_error_text(error), details)


def load_error_text(error: CjmError) -> str:
    """The box's text: a sentence for a facilitator, then the technical line as it is written."""
    name = Path(error.file).name or error.file
    if isinstance(error, UnsupportedFormatVersionError):
        said = tr("The file “%1” was written by another version of CJM Designer and cannot be opened by this one. "
                  "The details are below.")
    elif not error.problems[0].where:  # about the file as a whole: missing, unreadable, too large, not a map
        said = tr("The file “%1” could not be opened as a map. The details are below.")
    else:
        said = tr("The file “%1” did not open: there is a mistake in it. The details below say where; open an "
                  "earlier copy of the map, or correct the file at that place.")
    return said.replace("%1", name) + "\n\n" + str(error)
