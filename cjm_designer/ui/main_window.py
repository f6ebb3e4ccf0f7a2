"""The main window: the map canvas, its files (new, open, recent, save, revert, autosave), menus and
docks. Each open map has its own window; closing with unsaved changes asks first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QUndoView,
)

from ..canvas import MapScene, MapView
from ..canvas.actions import CanvasActions, icon, tooltip
from ..editor import DocumentSession
from ..io import CjmError, dumps, write_atomic
from ..io.disk_state import DiskState, load_with_state, written_state
from ..model import JourneyMap
from ..model.plain import visible_bidi
from ..templates import new_map, save_user_template
from . import messages
from .analytics_panel import AnalyticsPanel
from .autosave import Autosaver
from .dialogs import Preferences, show_about, show_shortcuts
from .disk_watch import DiskWatch
from .heat_filter_bar import HeatFilterBar
from .inspector import Inspector
from .open_files import how_to_open, note_closed, note_open
from .overview import Overview
from .personas import PersonasPanel
from .settings import Settings
from .template_gallery import TemplateGallery


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


WINDOWS: list[MainWindow] = []  # open windows, kept alive here


class MainWindow(QMainWindow):
    """`disk_state`: the fingerprint of the bytes `doc` was read from (taken here when not given);
    `read_only`: the file is open in another instance, so this window saves only under a new name."""

    def __init__(self, doc: JourneyMap, path: Path | None = None, display_name: str | None = None,
                 remember_layout: bool = True, disk_state: DiskState | None = None, read_only: bool = False):
        super().__init__()
        self.remember_layout = remember_layout  # off for --screenshot: the same picture on any machine
        self.read_only = read_only
        WINDOWS.append(self)
        self.setAcceptDrops(True)
        self.settings = Settings()
        self.session = DocumentSession(doc, path, parent=self)
        if path is not None and not read_only:
            note_open(path, self)
        self.disk = DiskWatch(self, disk_state)
        self.autosaver = Autosaver(self.session)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(self.settings.autosave_seconds() * 1000)
        self.autosave_timer.timeout.connect(self.autosaver.save_if_needed)
        self.autosave_timer.start()
        self.display_name = display_name
        self.scene = MapScene(self.session, parent=self)
        self.view = MapView(self.scene)
        self.setCentralWidget(self.view)
        self.actions_ = CanvasActions(self.view)
        self.inspector = Inspector(self.scene)
        self.personas = PersonasPanel(self.session)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = [self._dock(tr("Inspector"), "inspector", self.inspector, right),
                      self._dock(tr("Personas"), "personas", self.personas, right),
                      self._dock(tr("History"), "history", QUndoView(self.session.undo_stack), right),
                      self._dock(tr("Overview"), "overview", Overview(self.view), right)]
        self.analytics = AnalyticsPanel(self.session)
        self.analytics.cardChosen.connect(self.show_card)
        self.docks.append(self._dock(tr("Analytics"), "analytics", self.analytics, right))
        self.analyse_bar = HeatFilterBar(self.scene, self)
        self.tabifyDockWidget(self.docks[0], self.docks[1])
        self.tabifyDockWidget(self.docks[1], self.docks[2])
        self.tabifyDockWidget(self.docks[2], self.docks[4])
        self.docks[0].raise_()
        self.resizeDocks([self.docks[0]], [380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks[0], self.docks[3]], [640, 180], Qt.Orientation.Vertical)
        self._build_menus()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.analyse_bar)  # after the main toolbar
        self.zoom_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoomChanged.connect(self._show_zoom)
        self._show_zoom(self.view.zoom())
        self.session.changed.connect(self._update_counts)
        self.session.undo_stack.cleanChanged.connect(self.update_title)
        self.retranslate()
        if self.autosaver.off_reason:
            self.statusBar().showMessage(tr("Autosave is off: its folder cannot be used (%1)")
                                         .replace("%1", visible_bidi(self.autosaver.off_reason)))
        self.resize(1400, 900)
        if remember_layout:
            self._restore_layout()

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        """The menus and the toolbar; their texts are set by `retranslate`."""
        a = self.actions_

        def action(slot, icon_name: str | None = None, shortcut=None) -> QAction:
            made = QAction(icon(icon_name), "", self) if icon_name else QAction(self)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.triggered.connect(slot)
            return made

        keys = QKeySequence.StandardKey
        self.save_action = action(self.save, "save", keys.Save)
        self.save_as_action = action(self.save_as, shortcut=keys.SaveAs)
        self.save_as_template_action = action(self.save_as_template)
        self.new_action = action(self.new_from_template, "file-plus", keys.New)
        self.open_action = action(self.choose_and_open, "folder-open", keys.Open)
        self.export_action = action(self.export, "file-down", QKeySequence("Ctrl+E"))
        self.revert_action = action(self.revert)
        self.close_action = action(self.close, shortcut=keys.Close)
        self.quit_action = action(quit_all, shortcut=keys.Quit)
        self.preferences_action = action(lambda: Preferences(self.settings, self).exec(), shortcut=keys.Preferences)
        self.new_card_action = action(self.new_card, "plus", QKeySequence("Ctrl+Shift+N"))
        self.add_persona_action = action(self._add_persona, "user-round")
        self.map_properties_action = action(self._show_map_properties)
        self.shortcuts_action = action(lambda: show_shortcuts(self, self.findChildren(QAction)))
        self.about_action = action(lambda: show_about(self))
        self.file_menu = file_menu = self.menuBar().addMenu("")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.save_as_template_action, self.revert_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        self.edit_menu = edit = self.menuBar().addMenu("")
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
        edit.addSeparator()
        edit.addAction(a.select_all)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
        self.view_menu = view = self.menuBar().addMenu("")
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_actual])
        view.addSeparator()
        view.addActions([dock.toggleViewAction() for dock in self.docks])
        view.addAction(self.analyse_bar.toggleViewAction())
        self.insert_menu = insert = self.menuBar().addMenu("")
        insert.addActions([self.new_card_action, a.add_stage, a.add_lane, self.add_persona_action])
        self.map_menu = self.menuBar().addMenu("")
        self.map_menu.addActions([self.map_properties_action, self.add_persona_action])
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])
        self.toolbar = toolbar = self.addToolBar("")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action, a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.new_card_action, a.add_stage, a.add_lane, a.delete])
        toolbar.addSeparator()
        toolbar.addActions([a.zoom_out, a.zoom_in, a.zoom_fit])

    def retranslate(self) -> None:
        """Every text of the window in the language now installed: when it is built, and again when
        the language changes (Preferences), the map, its undo history and the canvas staying as they are.
        An action or menu added to the window gets its text here."""
        self.actions_.retranslate()
        for action, text in ((self.new_action, tr("&New…")), (self.open_action, tr("&Open…")),
                             (self.save_action, tr("&Save")), (self.save_as_action, tr("Save &As…")),
                             (self.save_as_template_action, tr("Save as &Template…")),
                             (self.revert_action, tr("&Revert")), (self.export_action, tr("&Export…")),
                             (self.close_action, tr("&Close")), (self.quit_action, tr("&Quit")),
                             (self.preferences_action, tr("&Preferences…")),
                             (self.new_card_action, tr("New &card")), (self.add_persona_action, tr("Add &persona")),
                             (self.map_properties_action, tr("Map &properties")),
                             (self.shortcuts_action, tr("&Keyboard shortcuts")),
                             (self.about_action, tr("&About CJM Designer"))):
            action.setText(text)
        for menu, title in ((self.file_menu, tr("&File")), (self.recent_menu, tr("Open &Recent")),
                            (self.edit_menu, tr("&Edit")), (self.view_menu, tr("&View")),
                            (self.insert_menu, tr("&Insert")), (self.map_menu, tr("&Map")),
                            (self.help_menu, tr("&Help"))):
            menu.setTitle(title)
        self.toolbar.setWindowTitle(tr("Main"))
        titles = {"inspector": tr("Inspector"), "personas": tr("Personas"), "history": tr("History"),
                  "overview": tr("Overview"), "analytics": tr("Analytics")}
        for dock in self.docks:
            dock.setWindowTitle(titles.get(dock.objectName().removeprefix("dock-"), dock.windowTitle()))
            if isinstance(dock.widget(), QUndoView):
                dock.widget().setEmptyLabel(tr("<empty>"))
        for action in self.findChildren(QAction):  # with no shortcut, the tooltip follows the text (a dock's title)
            action.setToolTip(tooltip(action) if not action.shortcut().isEmpty() else "")
        self.inspector.retranslate()
        self.personas.retranslate()
        self._update_counts()
        self.update_title()

    def _restore_layout(self) -> None:
        """The window's size and the docks as the user left them last time."""
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def _remember_layout(self) -> None:
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/state", self.saveState())

    def new_card(self) -> None:
        """A new card in the selected cell, after the selected card, or in the first cell."""
        place = self.scene.edits.place_after(self.scene.selected_cell(), self.scene.selected_card_ids(),
                                             first_cell=True)
        if place is not None:
            self.scene.new_card(*place)

    def _add_persona(self) -> None:
        self._show_dock("personas")
        self.personas.add_persona()

    def _show_map_properties(self) -> None:
        self.scene.clearSelection()
        self._show_dock("inspector")

    def _show_dock(self, name: str) -> None:
        dock = next(d for d in self.docks if d.objectName() == f"dock-{name}")
        dock.show()
        dock.raise_()

    # -- state ----------------------------------------------------------------------------------

    def modified(self) -> bool:
        return not self.session.undo_stack.isClean()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def update_title(self) -> None:
        """The file's name (bidi controls shown as marks, a literal `[*]` kept), `*` when modified."""
        path = self.session.path
        name = visible_bidi(path.name if path else (self.display_name or tr("Untitled"))).replace("[*]", "[*][*]")
        if self.read_only:
            name = tr("%1 (read-only)").replace("%1", name)
        self.setWindowTitle(f"{name}[*] — CJM Designer")
        self.setWindowModified(self.modified())

    def _update_counts(self, _change=None) -> None:
        doc = self.session.doc
        self.counts_label.setText(tr("%1 stages · %2 lanes · %3 cards").replace("%1", str(len(doc.stages)))
                                  .replace("%2", str(len(doc.lanes))).replace("%3", str(len(doc.cards))))

    # -- files ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the map's file; if another program changed it since, ask first (`DiskWatch`)."""
        if self.session.path is None:
            return self.save_as()
        if self.read_only:
            messages.information(self, tr("Read-only"), tr("This map is open in another CJM Designer window, "
                                                           "so it is saved here only under a new name."))
            return self.save_as()
        theirs = self.disk.conflict()
        if theirs is not None:
            return self.disk.resolve(theirs)
        return self.write(self.session.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save map"), str(self.session.path or ""),
                                              tr("Journey maps (*.cjm)"))
        if not name:
            return False
        path = Path(name if name.endswith(".cjm") else name + ".cjm")
        if self.read_only and self.session.path is not None and path.resolve() == self.session.path.resolve():
            messages.warning(self, tr("Read-only"), tr("This map is open read-only; save it under another name."))
            return False
        return self.write(path)

    def save_as_template(self) -> Path | None:
        """File → Save as Template: a copy of the map among the user's own templates (File → New)."""
        doc = self.session.doc
        default = doc.meta.title or (self.session.path.stem if self.session.path else "")
        title, ok = QInputDialog.getText(self, tr("Save as Template"), tr("Name of the template:"),
                                         QLineEdit.EchoMode.Normal, default)
        if not ok:
            return None
        if not title.strip():
            messages.warning(self, tr("Save as Template"), tr("A template needs a name."))
            return None
        try:
            path = save_user_template(doc, title)
        except CjmError as error:
            messages.critical(self, tr("Cannot save the template"), str(error))
            return None
        messages.information(self, tr("Template saved"),
                             tr("The template is saved as %1. File → New shows it under My templates.")
                             .replace("%1", str(path)))
        return path

    def show_card(self, card_id: str) -> None:
        """Select a card and scroll the map to it (from the Analytics dock)."""
        self.scene.select_cards([card_id])
        box = self.scene.layout.cards.get(card_id)
        if box is not None:
            self.view.ensureVisible(QRectF(*box.rect), 40, 40)
        self.view.setFocus()

    def export(self) -> None:
        """File → Export: the map as PDF, image, table or diagram."""
        from .export_dialog import ExportDialog  # here: the exporters load on first use, not at start

        ExportDialog(self.session.doc, self.session.path, self.settings, self).exec()

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
            messages.critical(self, tr("Cannot save"), str(error))
            return False
        if path != self.session.path:
            if self.session.path is not None and not self.read_only:
                note_closed(self.session.path, self)
            note_open(path, self)
            self.read_only = False
        self.session.path = path
        self.disk.remember(path, written_state(path, data))
        self.session.undo_stack.setClean()
        self.autosaver.discard()
        self.settings.add_recent(path)
        self.update_title()
        self.statusBar().showMessage(tr("Saved %1").replace("%1", visible_bidi(str(path))), 4000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.modified():
            buttons = messages.Button
            answer = messages.ask(
                self, tr("Unsaved changes"), tr("Save the changes to this map before closing?"),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Cancel or (answer == buttons.Save and not self.save()):
                event.ignore()
                return
        self.autosaver.discard()
        self.autosave_timer.stop()
        self.disk.stop()
        if self.session.path is not None and not self.read_only:
            note_closed(self.session.path, self)
        if self.remember_layout:
            self._remember_layout()
        if self in WINDOWS:
            WINDOWS.remove(self)
        event.accept()

    def changeEvent(self, event) -> None:
        """Leaving the window (to another program, a closed lid) autosaves at once; a new interface
        language retranslates it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.autosaver.save_if_needed()
        elif event.type() == QEvent.Type.LanguageChange:  # translators installed anew: Preferences
            self.retranslate()

    # -- opening --------------------------------------------------------------------------------

    def pristine(self) -> bool:
        """A window no one has worked in yet: a new map with no file and no change."""
        return self.session.path is None and not self.modified() and self.session.undo_stack.count() == 0

    def open_path(self, path: Path) -> MainWindow | None:
        """Open `path` in a window of its own (in place of this one if it is pristine); a file that
        cannot be read is reported and nothing else changes."""
        path = Path(path)
        for window in WINDOWS:
            if window.session.path and window.session.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return window
        mode = how_to_open(self, path)
        if mode is None:
            return None
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            show_load_error(self, error)
            return None
        self.settings.add_recent(path)
        return self._replace_or_add(MainWindow(doc, path, disk_state=state, read_only=mode == "read-only"))

    def _replace_or_add(self, window: MainWindow) -> MainWindow:
        if self.pristine():
            window.setGeometry(self.geometry())
            window.show()
            self.close()
        else:
            window.show()
        return window

    def choose_and_open(self) -> None:
        folder = str(self.session.path.parent) if self.session.path else ""
        name, _ = QFileDialog.getOpenFileName(self, tr("Open map"), folder, tr("Journey maps (*.cjm)"))
        if name:
            self.open_path(Path(name))

    def new_from_template(self) -> None:
        gallery = TemplateGallery(self, self.settings.default_template())
        if gallery.exec() and gallery.chosen:
            doc = new_map(gallery.chosen, gallery.language)
            self._replace_or_add(MainWindow(doc, None, tr("Untitled")))

    def revert(self) -> None:
        """Back to the file as saved, after asking: this cannot be undone."""
        path = self.session.path
        if path is None or not self.modified():
            return
        answer = messages.ask(self, tr("Revert"), tr("Discard all changes since the last save?"))
        if answer != messages.Button.Yes:
            return
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            show_load_error(self, error)
            return
        self._reopen(doc, state)

    def reload_from_disk(self, quietly: bool = False) -> MainWindow | None:
        """The map as another program wrote it, in place of this window's; `quietly` (a window with
        nothing unsaved): a file that cannot be read now is only mentioned, as a writer may not be done."""
        path = self.session.path
        try:
            doc, state = load_with_state(path)
        except CjmError as error:
            if not quietly:
                show_load_error(self, error)
            else:
                self.statusBar().showMessage(tr("The file changed on disk but cannot be read: %1")
                                             .replace("%1", visible_bidi(str(error))))
            return None
        window = self._reopen(doc, state)
        window.statusBar().showMessage(tr("Reloaded %1: another program changed it")
                                       .replace("%1", visible_bidi(str(path))), 10000)
        return window

    def _reopen(self, doc: JourneyMap, state: DiskState) -> MainWindow:
        """A window on `doc` read anew from this window's file, in this one's place and view."""
        window = MainWindow(doc, self.session.path, disk_state=state, read_only=self.read_only)
        window.setGeometry(self.geometry())
        window.restoreState(self.saveState())
        window.show()
        window.view.set_zoom(self.view.zoom())
        for mine, theirs in ((window.view.horizontalScrollBar(), self.view.horizontalScrollBar()),
                             (window.view.verticalScrollBar(), self.view.verticalScrollBar())):
            mine.setValue(theirs.value())
        self.session.undo_stack.setClean()  # what this window held is given up: its close asks nothing
        self.close()
        return window

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for name in files:
            action = self.recent_menu.addAction(visible_bidi(name).replace("&", "&&"))  # no accelerator
            action.triggered.connect(lambda _=False, n=name: self.open_path(Path(n)))
        if not files:
            self.recent_menu.addAction(tr("No recent maps")).setEnabled(False)

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().endswith(".cjm") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".cjm"):
                self.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()


def quit_all() -> None:
    """Close every window, each asking about its unsaved changes; stop at the first Cancel."""
    for window in list(WINDOWS):
        if not window.close():
            return


def show_load_error(parent, error: CjmError) -> None:
    """The loader's one-line message, with every problem under Details."""
    details = "\n".join(error.lines()) if len(error.problems) > 1 else ""
    messages.critical(parent, tr("Cannot open the map"), str(error), details)
