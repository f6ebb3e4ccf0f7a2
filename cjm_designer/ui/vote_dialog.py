"""Workshop → Start dot vote…: what the room votes on. The pain points and opportunities lanes are checked
to start with (what a room usually ranks), every lane on a map with neither; each participant has a few
dots (3 by default); a time limit is optional, and the room's phones count it down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from ..editor.edits import typed_name
from ..model import JourneyMap, LaneKind
from ..model.elements import NAME_LENGTH

VOTED_KINDS = (LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES)
DEFAULT_DOTS = 3
DEFAULT_MINUTES = 5


def tr(text: str) -> str:
    return QCoreApplication.translate("VoteDialog", text)


class VoteDialog(QDialog):
    """Once accepted, `name()`, `lane_ids()`, `dots()` and `ends(now)` hold the vote to start."""

    def __init__(self, doc: JourneyMap, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Start dot vote"))
        self.setMinimumWidth(440)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Which pains hurt most?"))
        self.name_edit.setMaxLength(NAME_LENGTH)
        self.lanes = QListWidget()
        for lane in doc.lanes:
            if lane.kind == LaneKind.EMOTIONS:
                continue  # an emotion curve's points are not voted on
            item = QListWidgetItem(lane.name)
            item.setData(Qt.ItemDataRole.UserRole, lane.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if lane.kind in VOTED_KINDS else Qt.CheckState.Unchecked)
            self.lanes.addItem(item)
        if not self.lane_ids():  # no lane of pains or opportunities: every lane, for the facilitator to narrow
            for row in range(self.lanes.count()):
                self.lanes.item(row).setCheckState(Qt.CheckState.Checked)
        self.lanes.itemChanged.connect(self._update_ok)
        self.dots_box = QSpinBox()
        self.dots_box.setRange(1, 20)
        self.dots_box.setValue(DEFAULT_DOTS)
        self.limited = QCheckBox(tr("&Time limit:"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(tr(" min"))
        self.minutes.setEnabled(False)
        self.limited.toggled.connect(self.minutes.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.limited)
        time_row.addWidget(self.minutes)
        time_row.addStretch()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Start vote"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Question"), self.name_edit)
        form.addRow(tr("&Lanes to vote on"), self.lanes)
        form.addRow(tr("&Dots per person"), self.dots_box)
        form.addRow("", time_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.name_edit.setFocus()

    def name(self) -> str:
        """The question typed, by the editor's rule for names."""
        return typed_name(self.name_edit.text())

    def lane_ids(self) -> list[str]:
        items = (self.lanes.item(row) for row in range(self.lanes.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def dots(self) -> int:
        return self.dots_box.value()

    def ends(self, now: datetime | None = None) -> datetime | None:
        """When the vote closes, counted from `now` (the moment it starts), or None without a limit."""
        if not self.limited.isChecked():
            return None
        return (now or datetime.now(UTC)).replace(microsecond=0) + timedelta(minutes=self.minutes.value())

    def _update_ok(self) -> None:
        """A vote needs a lane to vote on."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.lane_ids()))
