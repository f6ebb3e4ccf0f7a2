"""The History panel: the snapshots kept in the map (newest first) with what can be done with one, and
below them the undo steps of this session.

A snapshot is opened in a read-only window, restored (one undo step), or copied into a new map; a
damaged one is listed as damaged, its problem in the tooltip, and cannot be opened or restored. The
list is rebuilt only when the snapshots may have changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, Editor
from ..io import CjmError
from ..io.snapshots import UNKNOWN_TIME, is_stand_in, snapshot_map
from ..model import JourneyMap, Snapshot
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from . import messages
from .document_files import DocumentFiles, new_window
from .snapshot_dialog import SnapshotDialog, save_snapshot


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class HistoryPanel(QWidget):
    """The snapshots of `files`' map, changed through `edits`, and the session's undo steps."""

    def __init__(self, files: DocumentFiles, edits: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.files, self.edits, self.session = files, edits, files.session
        self.snapshots_label = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.list.itemDoubleClicked.connect(lambda _item: self.open_snapshot())
        self.save_button = QPushButton()
        self.save_button.clicked.connect(lambda: save_snapshot(self.window(), self.edits))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_snapshot)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_snapshot)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_new_map)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename_snapshot)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_snapshot)
        self.empty_note = QLabel()  # instead of the list and its buttons while the map keeps no snapshot
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps_label = QLabel()
        self.undo_view = QUndoView(self.session.undo_stack)
        self._step_through_session()
        for label in (self.snapshots_label, self.steps_label):
            label.setTextFormat(Qt.TextFormat.PlainText)

        header = QHBoxLayout()
        header.addWidget(self.snapshots_label, 1)
        header.addWidget(self.save_button)
        self.buttons = QWidget()
        buttons = QGridLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for i, button in enumerate((self.open_button, self.restore_button, self.copy_button,
                                    self.rename_button, self.delete_button)):
            buttons.addWidget(button, i // 3, i % 3)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(header)
        top_layout.addWidget(self.empty_note, 1)
        top_layout.addWidget(self.list)
        top_layout.addWidget(self.buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.steps_label)
        bottom_layout.addWidget(self.undo_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.checked: dict[str, tuple[dict, str, str, CjmError | None]] = {}  # id: (map, name, file, its error)
        self.session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons, labels and list again, in the language now installed."""
        self.snapshots_label.setText(tr("Snapshots"))
        self.steps_label.setText(tr("Undo steps"))
        self.undo_view.setEmptyLabel(tr("Map opened"))  # the list's first row: the map before any step
        for button, text in ((self.save_button, tr("Save snapshot…")), (self.open_button, tr("Open")),
                             (self.restore_button, tr("Restore…")), (self.copy_button, tr("Copy to new map")),
                             (self.rename_button, tr("Rename…")), (self.delete_button, tr("Delete…"))):
            button.setText(text)
        self.save_button.setToolTip(tr("Save a snapshot of the map as it is now"))
        self.empty_note.setText(tr("No snapshots yet. A snapshot keeps the map as it is now, inside its file: "
                                   "take one before a workshop and after each round, to open or restore it "
                                   "here later, or to compare with it (Map → Compare with…)."))
        self.refresh()

    def _step_through_session(self) -> None:
        """A row chosen in the undo steps' list (click or keys) goes to the session as one jump. QUndoView
        sets the stack's index itself from its selection model's current row, undoing or redoing step by
        step, each step notified and laid out apart; so the list is shown with a selection model of its
        own, which mirrors QUndoView's (kept at the stack's index by its model) and sends to the session
        only the rows that differ from it: the user's choices."""
        view = self.undo_view
        self._stack_step = view.selectionModel()
        view.setSelectionModel(QItemSelectionModel(view.model(), view))
        self._stack_step.currentChanged.connect(self._show_step)
        view.selectionModel().currentChanged.connect(self._go_to_step)
        self._show_step(self._stack_step.currentIndex())

    def _show_step(self, step: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.undo_view.selectionModel().setCurrentIndex(step, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _go_to_step(self, row: QModelIndex, _previous: QModelIndex) -> None:
        if row.isValid() and row != self._stack_step.currentIndex():
            self.session.go_to(row.row())

    def _on_changed(self, change: Change) -> None:
        if change.touches(ElementKind.SNAPSHOT):
            self.refresh()

    # -- the list -------------------------------------------------------------------------------

    def file_name(self) -> str:
        """The map's file as snapshots' errors and windows name it."""
        path = self.session.path
        return path.name if path is not None else (self.files.display_name or QCoreApplication.translate(
            "MainWindow", "Untitled"))

    def problem(self, snapshot: Snapshot) -> CjmError | None:
        """Why `snapshot` cannot be read (None when it can), checked once for each map, name and file."""
        key = (snapshot.map, snapshot.name, self.file_name())
        known = self.checked.get(snapshot.id)
        if known is None or known[0] is not key[0] or known[1:3] != key[1:]:
            try:
                snapshot_map(snapshot, key[2])
                error = None
            except CjmError as found:
                error = found
            self.checked[snapshot.id] = known = (*key, error)
        return known[3]

    def refresh(self) -> None:
        current = self.current_id()
        self.list.clear()
        snapshots = self.session.doc.snapshots
        self.checked = {k: v for k, v in self.checked.items() if any(s.id == k for s in snapshots)}
        for snapshot in reversed(snapshots):
            error = self.problem(snapshot)
            when = snapshot.created.astimezone().strftime("%Y-%m-%d %H:%M") if snapshot.created != UNKNOWN_TIME else ""
            second = " · ".join(part for part in (when, visible_bidi(snapshot.author)) if part)
            if error is not None:
                second += " · " + tr("damaged")
            item = QListWidgetItem(f"{visible_bidi(snapshot.name)}\n{second}")
            item.setData(Qt.ItemDataRole.UserRole, snapshot.id)
            tip = "\n\n".join(part for part in (str(error) if error else "", snapshot.note) if part)
            item.setToolTip(messages.plain_tooltip(tip))
            if error is not None:
                base = self.list.palette().color(QPalette.ColorRole.Base)
                item.setForeground(QBrush(messages.problem_colour(base)))
            self.list.addItem(item)
            if snapshot.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        for widget in (self.list, self.buttons):
            widget.setVisible(bool(snapshots))
        self.empty_note.setVisible(not snapshots)
        self._enable()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _enable(self) -> None:
        snapshot_id = self.current_id()
        readable = snapshot_id is not None and self.problem(self.session.doc.snapshot(snapshot_id)) is None
        for button in (self.open_button, self.restore_button, self.copy_button):
            button.setEnabled(readable)
        self.delete_button.setEnabled(snapshot_id is not None)
        self.rename_button.setEnabled(  # a stand-in is written back as the file held it: a new name would not stay
            snapshot_id is not None and not is_stand_in(self.session.doc.snapshot(snapshot_id)))

    # -- what is done with a snapshot -------------------------------------------------------------

    def _chosen(self) -> tuple[Snapshot, JourneyMap] | None:
        """The snapshot chosen in the list with the map it keeps; None (the user told) when it cannot be read."""
        snapshot_id = self.current_id()
        if snapshot_id is None:
            return None
        snapshot = self.session.doc.snapshot(snapshot_id)
        try:
            return snapshot, snapshot_map(snapshot, self.file_name())
        except CjmError as error:
            messages.warning(self.window(), tr("Damaged snapshot"), str(error))
            return None

    def open_snapshot(self):
        """The snapshot in a window of its own, read-only: it is saved only under a new name."""
        chosen = self._chosen()
        if chosen is None:
            return None
        snapshot, doc = chosen
        window = new_window(doc, None, display_name=f"{self.file_name()} @ {snapshot.name}", read_only=True)
        window.files.origin = self.session.path  # never saved over the map the snapshot is kept in
        window.show()
        return window

    def copy_to_new_map(self):
        """A new, untitled map holding what the snapshot kept."""
        chosen = self._chosen()
        if chosen is None:
            return None
        window = new_window(chosen[1], None, display_name=QCoreApplication.translate("MainWindow", "Untitled"))
        window.show()
        return window

    def restore_snapshot(self) -> bool:
        """Make the map what the snapshot kept, after asking; Edit → Undo brings the present map back."""
        chosen = self._chosen()
        if chosen is None:
            return False
        snapshot, doc = chosen
        answer = messages.ask(self.window(), tr("Restore snapshot"),
                              tr("Replace the map with the snapshot “%1”? Edit → Undo brings the present map back.")
                              .replace("%1", snapshot.name))
        if answer != messages.Button.Yes:
            return False
        self.edits.restore_snapshot(snapshot.id, doc)
        return True

    def rename_snapshot(self) -> bool:
        snapshot_id = self.current_id()
        if snapshot_id is None:
            return False
        name = self.session.doc.snapshot(snapshot_id).name
        taken = {s.name for s in self.session.doc.snapshots} - {name}
        dialog = SnapshotDialog(self.window(), tr("Rename snapshot"), name, taken, note=None)
        return bool(dialog.exec()) and self.edits.rename_snapshot(snapshot_id, dialog.name())

    def delete_snapshot(self) -> bool:
        snapshot_id = self.current_id()
        if snapshot_id is None:
            return False
        answer = messages.ask(self.window(), tr("Delete snapshot"), tr("Delete the snapshot “%1”?").replace(
            "%1", self.session.doc.snapshot(snapshot_id).name))
        if answer != messages.Button.Yes:
            return False
        self.edits.delete_snapshot(snapshot_id)
        return True

