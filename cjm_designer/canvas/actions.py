"""The canvas's actions with their shortcuts and icons; the main window shows the same actions in
its menus and toolbar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from ..paths import bundled
from .menus import add_part
from .texts import tr
from .view import MapView


def icon(name: str) -> QIcon:
    return QIcon(str(bundled("icons") / "lucide" / f"{name}.svg"))


class CanvasActions:
    """Actions on one view's map, each bound to the view (and its children) by shortcut."""

    def __init__(self, view: MapView):
        scene = view.map_scene()
        stack = scene.session.undo_stack
        self.undo = stack.createUndoAction(view, tr("Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(icon("undo-2"))
        self.redo = stack.createRedoAction(view, tr("Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(icon("redo-2"))
        self.cut = self._make(view, tr("Cut"), QKeySequence.StandardKey.Cut, scene.cut_selection, "scissors")
        self.copy = self._make(view, tr("Copy"), QKeySequence.StandardKey.Copy, scene.copy_selection, "copy")
        self.paste = self._make(view, tr("Paste"), QKeySequence.StandardKey.Paste, scene.paste, "clipboard-paste")
        self.duplicate = self._make(view, tr("Duplicate"), QKeySequence("Ctrl+D"), scene.duplicate_selection)
        self.delete = self._make(view, tr("Delete"), QKeySequence.StandardKey.Delete, scene.delete_selection,
                                 "trash-2")
        self.select_all = self._make(view, tr("Select all cards"), QKeySequence.StandardKey.SelectAll,
                                     scene.select_all)
        self.zoom_in = self._make(view, tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, view.zoom_in, "zoom-in")
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._make(view, tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, view.zoom_out, "zoom-out")
        self.zoom_fit = self._make(view, tr("Fit the map"), QKeySequence("Ctrl+0"), view.zoom_fit, "maximize")
        self.zoom_actual = self._make(view, tr("Actual size"), QKeySequence("Ctrl+1"), view.zoom_actual)
        self.add_stage = self._make(view, tr("Add stage"), QKeySequence("Ctrl+Shift+S"),
                                    lambda: add_part(scene, "stage", len(scene.session.doc.stages)), "columns-3")
        self.add_lane = self._make(view, tr("Add lane"), QKeySequence("Ctrl+Shift+L"),
                                   lambda: add_part(scene, "lane", len(scene.session.doc.lanes)), "rows-3")
        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)

    @staticmethod
    def _make(view: MapView, text: str, shortcut, slot, icon_name: str | None = None) -> QAction:
        action = QAction(text, view)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _=False: slot())
        view.addAction(action)
        return action
