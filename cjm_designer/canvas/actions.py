"""The canvas's actions with their shortcuts and icons; the main window shows the same actions in
its menus and toolbar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack

from ..paths import bundled
from . import card_marks as marks
from .texts import tr
from .view import MapView


def icon(name: str) -> QIcon:
    return QIcon(str(bundled("icons") / "lucide" / f"{name}.svg"))


class CanvasActions:
    """Actions on one view's map, each bound to the view (and its children) by shortcut; their
    texts are set by `retranslate`, again whenever the interface language changes."""

    def __init__(self, view: MapView):
        scene = view.map_scene()
        stack = scene.session.undo_stack
        self.undo = StackAction(stack, False, view)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.setIcon(icon("undo-2"))
        self.redo = StackAction(stack, True, view)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(icon("redo-2"))
        operations = scene.operations
        self.cut = self._make(view, QKeySequence.StandardKey.Cut, operations.cut, "scissors")
        self.copy = self._make(view, QKeySequence.StandardKey.Copy, operations.copy, "copy")
        self.paste = self._make(view, QKeySequence.StandardKey.Paste, operations.paste, "clipboard-paste")
        self.duplicate = self._make(view, QKeySequence("Ctrl+D"), operations.duplicate)
        self.delete = self._make(view, QKeySequence.StandardKey.Delete, operations.delete, "trash-2")
        self.select_all = self._make(view, QKeySequence.StandardKey.SelectAll, operations.select_all)
        self.zoom_in = self._make(view, QKeySequence.StandardKey.ZoomIn, view.zoom_in, "zoom-in")
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._make(view, QKeySequence.StandardKey.ZoomOut, view.zoom_out, "zoom-out")
        self.zoom_fit = self._make(view, QKeySequence("Ctrl+0"), view.zoom_fit, "maximize")
        self.zoom_actual = self._make(view, QKeySequence("Ctrl+1"), view.zoom_actual)
        # Add stage and Add lane: a new one after the last, its name open for typing; through the context
        # menus' object, made (and its module loaded, with typing's) on first use
        self.add_stage = self._make(view, QKeySequence("Ctrl+Shift+T"),  # Ctrl+Shift+S is Save As
                                    lambda: scene.context_menus.insert_stage(None), "columns-3")
        self.add_lane = self._make(view, QKeySequence("Ctrl+Shift+L"), lambda: scene.context_menus.insert_lane(None),
                                   "rows-3")
        self.emotions = [self._make(view, QKeySequence(f"Alt+{n}"), partial(operations.set_emotion, value))
                         for n, value in enumerate(marks.EMOTIONS, 1)]
        self.no_emotion = self._make(view, QKeySequence("Alt+0"), partial(operations.set_emotion, None))
        self.qualities = [self._make(view, QKeySequence(f"Ctrl+Alt+{value}"), partial(operations.set_quality, value))
                          for value in marks.QUALITIES]
        self.no_quality = self._make(view, QKeySequence("Ctrl+Alt+0"), partial(operations.set_quality, None))
        self.pain = self._make(view, QKeySequence("Alt+P"), operations.toggle_pain)
        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' texts and tooltips (the text and the shortcut) in the language now installed."""
        self.undo.retranslate()
        self.redo.retranslate()
        for action, text in ((self.cut, tr("Cut")), (self.copy, tr("Copy")), (self.paste, tr("Paste")),
                             (self.duplicate, tr("Duplicate")), (self.delete, tr("Delete")),
                             (self.select_all, tr("Select all cards")), (self.zoom_in, tr("Zoom in")),
                             (self.zoom_out, tr("Zoom out")), (self.zoom_fit, tr("Fit the map")),
                             (self.zoom_actual, tr("Actual size")), (self.add_stage, tr("Add stage")),
                             (self.add_lane, tr("Add lane")), (self.no_emotion, tr("Emotion: not set")),
                             (self.no_quality, tr("Contact quality: not set")), (self.pain, tr("Pain point on or off")),
                             *((action, tr("Emotion %1").replace("%1", marks.signed(value)))
                               for action, value in zip(self.emotions, marks.EMOTIONS, strict=True)),
                             *((action, tr("Contact quality %1").replace("%1", str(value)))
                               for action, value in zip(self.qualities, marks.QUALITIES, strict=True))):
            action.setText(text)
            action.setToolTip(tooltip(action))

    @staticmethod
    def _make(view: MapView, shortcut, slot, icon_name: str | None = None) -> QAction:
        action = QAction(view)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _=False: slot())
        view.addAction(action)
        return action


class StackAction(QAction):
    """Undo or Redo: enabled when the stack has a step to take, and named after it ("Undo Add card")."""

    def __init__(self, stack: QUndoStack, redo: bool, parent):
        super().__init__(parent)
        self.stack, self.is_redo = stack, redo
        self.triggered.connect(stack.redo if redo else stack.undo)
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._name)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())

    def retranslate(self) -> None:
        self._name(self.stack.redoText() if self.is_redo else self.stack.undoText())

    def _name(self, step: str) -> None:
        """Named after `step`, the text of the command it would undo or redo (from the stack's signal:
        the stack may be on its way out)."""
        if self.is_redo:
            self.setText(tr("Redo %1").replace("%1", step) if step else tr("Redo"))
        else:
            self.setText(tr("Undo %1").replace("%1", step) if step else tr("Undo"))
        self.setToolTip(tooltip(self))


def tooltip(action: QAction) -> str:
    """The action's text, without its accelerator, and its shortcut: "Save (Ctrl+S)"."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    name = action.text().replace("&", "")
    return f"{name} ({keys})" if keys else name
