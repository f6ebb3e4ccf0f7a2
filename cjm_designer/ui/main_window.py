"""The main window: the map canvas with its Edit and View actions, saving, and the modified marker.

Saving writes atomically through io; closing with unsaved changes asks first. (The docks, the
template gallery, autosave and recovery come with the application issue.)
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from ..canvas import MapScene, MapView
from ..canvas.actions import CanvasActions, icon
from ..editor import DocumentSession
from ..io import CjmError, dumps, write_atomic
from ..model import JourneyMap


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, doc: JourneyMap, path: Path | None = None, display_name: str | None = None):
        super().__init__()
        self.session = DocumentSession(doc, path, parent=self)
        self.display_name = display_name
        self.scene = MapScene(self.session, parent=self)
        self.view = MapView(self.scene)
        self.setCentralWidget(self.view)
        self.actions_ = CanvasActions(self.view)
        self._build_menus()
        self.zoom_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoomChanged.connect(self._show_zoom)
        self._show_zoom(self.view.zoom())
        self.session.changed.connect(self._update_counts)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self._update_counts()
        self._update_title()
        self.resize(1400, 900)

    def _build_menus(self) -> None:
        a = self.actions_
        self.save_action = QAction(icon("save"), tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(tr("Save &As…"), self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self.save_as)
        close = QAction(tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(tr("&File"))
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(close)
        edit = self.menuBar().addMenu(tr("&Edit"))
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
        edit.addSeparator()
        edit.addAction(a.select_all)
        view = self.menuBar().addMenu(tr("&View"))
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_actual])
        insert = self.menuBar().addMenu(tr("&Insert"))
        insert.addActions([a.add_stage, a.add_lane])
        toolbar = self.addToolBar(tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.save_action, a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addActions([a.add_stage, a.add_lane, a.delete])
        toolbar.addSeparator()
        toolbar.addActions([a.zoom_out, a.zoom_in, a.zoom_fit])

    # -- state ----------------------------------------------------------------------------------

    def modified(self) -> bool:
        return not self.session.undo_stack.isClean()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _update_title(self) -> None:
        path = self.session.path
        name = path.name if path else (self.display_name or tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — CJM Designer")
        self.setWindowModified(self.modified())

    def _update_counts(self, _change=None) -> None:
        doc = self.session.doc
        self.counts_label.setText(tr("%1 stages · %2 lanes · %3 cards").replace("%1", str(len(doc.stages)))
                                  .replace("%2", str(len(doc.lanes))).replace("%3", str(len(doc.cards))))

    # -- files ----------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._write(self.session.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save map"), str(self.session.path or ""),
                                              tr("Journey maps (*.cjm)"))
        if not name:
            return False
        path = Path(name if name.endswith(".cjm") else name + ".cjm")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        doc = self.session.doc
        now = datetime.now(UTC).replace(microsecond=0)
        stamped = doc.model_copy(update={"meta": doc.meta.model_copy(update={"modified": now})})  # the file's copy
        try:
            write_atomic(path, dumps(stamped), keep_backup=True)
        except CjmError as error:
            QMessageBox.critical(self, tr("Cannot save"), str(error))
            return False
        self.session.path = path
        self.session.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage(tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.modified():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, tr("Unsaved changes"), tr("Save the changes to this map before closing?"),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Cancel or (answer == buttons.Save and not self.save()):
                event.ignore()
                return
        event.accept()
