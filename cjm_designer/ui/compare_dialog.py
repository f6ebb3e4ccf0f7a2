"""Map → Compare with…: which map the present one is compared with, one of its snapshots or another
`.cjm` file. The chosen map is read with every check a file gets: a damaged snapshot or file is
reported by its name, and the dialog stays open for another choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..io import CjmError, load
from ..io.snapshots import snapshot_file_name, snapshot_map
from ..model import JourneyMap
from ..model.plain import one_line
from .document_files import show_load_error


def tr(text: str) -> str:
    return QCoreApplication.translate("CompareDialog", text)


class CompareDialog(QDialog):
    """The map's snapshots, newest first, and Another file…; `chosen` is the map and its name once
    the dialog is accepted."""

    def __init__(self, doc: JourneyMap, path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.path = doc, path
        self.chosen: tuple[JourneyMap, str] | None = None
        self.setWindowTitle(tr("Compare with"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Compare this map with one of its snapshots or with another map file: the comparison "
                          "shows this map with what changed since then marked on it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.snapshots = QListWidget()
        for snapshot in sorted(doc.snapshots, key=lambda s: s.created, reverse=True):
            when = snapshot.created.astimezone().strftime("%Y-%m-%d %H:%M")
            by = f" · {one_line(snapshot.author, 60)}" if snapshot.author else ""
            item = QListWidgetItem(f"{one_line(snapshot.name, 80)} — {when}{by}")
            item.setData(Qt.ItemDataRole.UserRole, snapshot.id)
            self.snapshots.addItem(item)
        if not doc.snapshots:
            self.snapshots.addItem(tr("This map keeps no snapshots yet."))
            self.snapshots.setEnabled(False)
        else:
            self.snapshots.setCurrentRow(0)
        self.snapshots.itemDoubleClicked.connect(self._compare_snapshot)
        layout.addWidget(self.snapshots)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.setEnabled(bool(doc.snapshots))
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self._compare_snapshot)
        self.file_button = QPushButton(tr("Another file…"))
        self.file_button.clicked.connect(self._compare_file)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 340)

    def file_name(self) -> str:
        return self.path.name if self.path is not None else tr("Untitled")

    def choose_snapshot(self, snapshot_id: str) -> bool:
        """Compare with the snapshot `snapshot_id`; False (and the reason shown) when it cannot be read."""
        snapshot = self.doc.snapshot(snapshot_id)
        try:
            self.chosen = snapshot_map(snapshot, self.file_name()), snapshot_file_name(self.file_name(), snapshot)
        except CjmError as error:
            show_load_error(self, error)
            return False
        self.accept()
        return True

    def choose_file(self, path: Path) -> bool:
        """Compare with the map in `path`; False (and the reason shown) when it cannot be read."""
        try:
            self.chosen = load(path), path.name
        except CjmError as error:
            show_load_error(self, error)
            return False
        self.accept()
        return True

    def _compare_snapshot(self, *_) -> None:
        item = self.snapshots.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.choose_snapshot(item.data(Qt.ItemDataRole.UserRole))

    def _compare_file(self) -> None:
        folder = self.path.parent if self.path is not None else Path.home()
        name, _ = QFileDialog.getOpenFileName(self, tr("Compare with a map"), str(folder), tr("Journey maps (*.cjm)"))
        if name:
            self.choose_file(Path(name))
