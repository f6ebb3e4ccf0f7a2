"""File → Save Snapshot: the small dialog that names a snapshot (and notes why it is taken), and the
saving itself, one undo step. The name is proposed from the date, so Enter alone saves one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..editor import Editor
from ..io.snapshots import MAX_NAME, MAX_NOTE, snapshot_author, take_snapshot
from .messages import show_as_problem


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class SnapshotDialog(QDialog):
    """A snapshot's name (unique among `taken`, not empty) and, when `note` is not None, its note."""

    def __init__(self, parent: QWidget | None, title: str, name: str, taken: set[str], note: str | None = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.taken = taken
        self.name_field = QLineEdit(name)
        self.name_field.setMaxLength(MAX_NAME)
        self.name_field.selectAll()
        self.name_field.textChanged.connect(self._check)
        self.note_field = QPlainTextEdit(note or "")
        self.note_field.setTabChangesFocus(True)
        self.note_field.setPlaceholderText(tr("Why this snapshot is taken (optional)"))
        self.note_field.setMaximumHeight(90)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        show_as_problem(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("&Name"), self.name_field)
        if note is not None:
            form.addRow(tr("N&ote"), self.note_field)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def name(self) -> str:
        return self.name_field.text().strip()

    def note(self) -> str:
        return self.note_field.toPlainText().strip()[:MAX_NOTE]

    def _check(self) -> None:
        name = self.name()
        problem = tr("A snapshot needs a name.") if not name else (
            tr("A snapshot of this name is kept already.") if name in self.taken else "")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def save_snapshot(parent: QWidget | None, edits: Editor) -> str | None:
    """Ask a name and a note, then keep a snapshot of the map as it is now; its id, or None if cancelled."""
    doc = edits.doc
    now = datetime.now().astimezone().replace(microsecond=0)
    proposed = tr("Snapshot %1").replace("%1", now.strftime("%Y-%m-%d %H:%M"))
    dialog = SnapshotDialog(parent, tr("Save snapshot"), proposed, {s.name for s in doc.snapshots})
    if not dialog.exec():
        return None
    snapshot = take_snapshot(doc, dialog.name(), snapshot_author(doc), now, dialog.note())
    edits.save_snapshot(snapshot)
    return snapshot.id
