"""Workshop → Start dot vote… and End vote: the window's two actions, each enabled only when it can act
(one vote runs at a time), and what they do through the editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..canvas import MapScene
from ..model.document import ElementKind
from ..model.voting import running_vote


def tr(text: str) -> str:
    return QCoreApplication.translate("VoteActions", text)


class VoteActions(QObject):
    def __init__(self, scene: MapScene, window: QWidget, shown=None):
        """`shown` is called with no argument once a vote starts (the window shows its Votes dock)."""
        super().__init__(window)
        self.scene, self.window, self.shown = scene, window, shown
        self.start_action = QAction(window)
        self.start_action.triggered.connect(self.start_vote)
        self.end_action = QAction(window)
        self.end_action.triggered.connect(self.end_vote)
        scene.session.changed.connect(lambda change: self._enable() if change.touches(ElementKind.VOTE) else None)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.start_action.setText(tr("Start dot &vote…"))
        self.end_action.setText(tr("&End vote"))

    def start_vote(self) -> str | None:
        """Ask what to vote on, and start the vote; its id, or None when cancelled."""
        from .vote_dialog import VoteDialog  # here, when asked for: not at start

        dialog = VoteDialog(self.scene.session.doc, self.window)
        if not dialog.exec():
            return None
        vote_id = self.scene.edits.start_vote(dialog.name(), dialog.lane_ids(), dialog.dots(), dialog.ends())
        if self.shown is not None:
            self.shown()
        return vote_id

    def end_vote(self) -> None:
        vote = running_vote(self.scene.session.doc)
        if vote is not None:
            self.scene.edits.end_vote(vote.id)

    def _enable(self) -> None:
        running = running_vote(self.scene.session.doc) is not None
        self.start_action.setEnabled(not running)
        self.end_action.setEnabled(running)
