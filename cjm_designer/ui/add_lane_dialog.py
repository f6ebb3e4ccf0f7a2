"""Add lane (Ctrl+Shift+L): the new lane's name and kind, both from the keyboard. The kind follows
the name typed ("Эмоции" picks Emotions, as the editor would guess) until the user picks one; the
arrows in the name field move in the list of kinds, a letter in the list jumps to a kind, Enter adds
the lane. A lane left without a name takes its kind's label."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QListWidget, QVBoxLayout

from ..canvas.texts import ui_language
from ..editor.edits import NEW_LANE_KIND, typed_name
from ..model import LaneKind
from ..model.vocab import LANE_KIND_LABELS, label, lane_kind_named

ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def tr(text: str) -> str:
    return QCoreApplication.translate("AddLaneDialog", text)


class AddLaneDialog(QDialog):
    """`name()` and `kind()` hold the new lane's once the dialog is accepted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Add lane"))
        self.language = ui_language()
        self.name_edit = QLineEdit()
        self.kinds = QListWidget()
        self.kinds.addItems([label(LANE_KIND_LABELS, kind, self.language) for kind in LaneKind])
        self.kinds.setCurrentRow(list(LaneKind).index(NEW_LANE_KIND))
        self.kinds.itemDoubleClicked.connect(lambda _: self.accept())
        self.kinds.itemPressed.connect(lambda _: setattr(self, "picked", True))
        self.kinds.currentRowChanged.connect(self._placeholder)
        self.picked = False  # the user chose a kind: the name no longer decides it
        self.name_edit.textEdited.connect(self._follow_name)
        self.name_edit.installEventFilter(self)
        self.kinds.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("&Kind"), self.kinds)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._placeholder()
        self.name_edit.setFocus()

    def name(self) -> str:
        """The name typed, by the editor's rule for names; the kind's label when none was typed."""
        return typed_name(self.name_edit.text()) or label(LANE_KIND_LABELS, self.kind(), self.language)

    def kind(self) -> LaneKind:
        return list(LaneKind)[self.kinds.currentRow()]

    def _follow_name(self, text: str) -> None:
        guessed = lane_kind_named(text)
        if guessed is not None and not self.picked:
            self.kinds.setCurrentRow(list(LaneKind).index(guessed))

    def _placeholder(self) -> None:
        self.name_edit.setPlaceholderText(label(LANE_KIND_LABELS, self.kind(), self.language))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrows in the name field move in the list; a key moving in the list picks a kind."""
        if event.type() == QEvent.Type.KeyPress and event.key() in ARROWS:
            self.picked = True
            if watched is self.name_edit:
                QCoreApplication.sendEvent(self.kinds, event)
                return True
        elif watched is self.kinds and event.type() == QEvent.Type.KeyPress and event.text().strip():
            self.picked = True  # a letter jumps to a kind
        return super().eventFilter(watched, event)
