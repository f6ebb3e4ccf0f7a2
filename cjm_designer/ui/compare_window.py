"""The comparison window: the later map with what changed since the earlier one marked on it, as
layout/comparison.py lays it out; above it a bar with the two maps' names, the summary, Export… and
Close; beside it what changed in the selected card, before → after. It only shows: nothing in it
edits either map, and closing it leaves both as they were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..canvas import MapView
from ..canvas.comparison_items import ComparisonScene
from ..io import SaveError
from ..layout.comparison import compare_layout
from ..map_export import CannotExport, export_comparison
from ..model.compare import MapDiff
from ..model.plain import one_line
from .messages import warning


def tr(text: str) -> str:
    return QCoreApplication.translate("CompareWindow", text)


def plain_label(text: str = "") -> QLabel:
    """A label that shows map text as written, never as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class CompareWindow(QMainWindow):
    """The comparison `diff` (before → after), the maps called `names`."""

    def __init__(self, diff: MapDiff, names: tuple[str, str], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diff, self.names = diff, names
        self.comparison = compare_layout(diff, names)
        self.scene = ComparisonScene(self.comparison, self)
        self.view = MapView(self.scene)
        self.setWindowTitle(f"{one_line(names[0], 80)} ↔ {one_line(names[1], 80)}")

        bar = QWidget()
        bar_layout = QHBoxLayout(bar)
        texts = QVBoxLayout()
        self.names_label = plain_label(f"{names[0]} → {names[1]}")
        font = self.names_label.font()
        font.setBold(True)
        self.names_label.setFont(font)
        self.summary_label = plain_label(self.comparison.summary)
        texts.addWidget(self.names_label)
        texts.addWidget(self.summary_label)
        bar_layout.addLayout(texts, 1)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.close)
        bar_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        bar_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.changes_title = plain_label(tr("Changes"))
        title_font = self.changes_title.font()
        title_font.setBold(True)
        self.changes_title.setFont(title_font)
        self.changes = plain_label()
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side_layout.addWidget(self.changes_title)
        side_layout.addWidget(self.changes)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1000, 280])

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(bar)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.scene.selectionChanged.connect(self.show_selected)
        self.show_selected()
        self.resize(1400, 900)

    def show_selected(self) -> None:
        """What happened to the selected card: added, removed or changed, where it moved from, and
        each changed field before → after (what its tooltip says)."""
        selected = self.scene.selected_card_ids()
        if not selected:
            self.changes.setText(tr("Select a card to see what changed in it."))
            return
        self.changes.setText(self.scene.card_tip(selected[0]) or tr("The card is the same in both maps."))

    def choose_export(self) -> None:
        """Export…: the comparison as a PDF or a PNG, as the window shows it."""
        pdf, png = tr("PDF document (*.pdf)"), tr("PNG image (*.png)")
        name, chosen = QFileDialog.getSaveFileName(self, tr("Export the comparison"),
                                                   str(Path.home() / "comparison.pdf"), f"{pdf};;{png}")
        if not name:
            return
        fmt = "png" if name.lower().endswith(".png") or (chosen == png and not name.lower().endswith(".pdf")) else "pdf"
        path = Path(name)
        if path.suffix.lower() != f".{fmt}":  # never a PDF under another file's name (the map's own .cjm)
            path = path.with_name(f"{path.name}.{fmt}")
        self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the comparison to `path` in `fmt` ("pdf" or "png"); a failure is shown and False."""
        try:
            export_comparison(self.diff, fmt, path, names=self.names)
        except (SaveError, CannotExport) as error:
            warning(self, tr("Export failed"), tr("The comparison could not be exported to {path}:\n{error}")
                    .format(path=path, error=error))
            return False
        return True

