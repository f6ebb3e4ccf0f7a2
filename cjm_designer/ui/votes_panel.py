"""The Votes dock: the running vote with its time left and how many voted, the buttons to start and end a
vote, the map's votes (the running one and the past ones with their dates), and the chosen vote's cards
ranked by their dots; clicking a card shows it on the map. The ranking follows the room live: each ballot
changes the vote's counts (editor.set_vote_counts), and the dock hears it as any change of the map."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, DocumentSession
from ..model import Vote
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from ..model.voting import latest_vote, ranked, running_vote, time_left
from .messages import plain_tooltip
from .retranslated import Retranslated

ID = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("VotesPanel", text)


class VotesPanel(Retranslated, QWidget):
    cardChosen = Signal(str)  # a card id the user asked to see

    def __init__(self, session: DocumentSession, start_action: QAction, end_action: QAction, parent=None):
        super().__init__(parent)
        self.session = session
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        buttons = QHBoxLayout()
        for action in (start_action, end_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch()
        self.votes = _table(3)
        self.votes.currentItemChanged.connect(lambda *_: self._fill_ranking())
        self.ranking = _table(2)
        self.ranking.itemClicked.connect(self._choose)
        self.ranking.itemActivated.connect(self._choose)
        self.ranking_title = QLabel()
        self.ranking_title.setTextFormat(Qt.TextFormat.PlainText)
        self.start_action = start_action
        self.empty_note = QLabel()  # in place of the two empty tables while the map has no vote
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_note, 1)
        layout.addWidget(self.votes, 1)
        layout.addWidget(self.ranking_title)
        layout.addWidget(self.ranking, 3)
        self.clock = QTimer(self)  # the time left, while a vote with a time limit runs
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._show_status)
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.votes.setHeaderLabels([tr("Vote"), tr("Started"), tr("Voted")])
        self.ranking.setHeaderLabels([tr("Card"), tr("Dots")])
        menu = QCoreApplication.translate("MainWindow", "&Workshop").replace("&", "")
        self.empty_note.setText(tr("No votes on this map yet.\n\nIn a dot vote each participant puts a few dots on "
                                   "the cards that matter most to them, from their phone in the workshop room; the "
                                   "cards are then ranked here by their dots.\n\nStart one with %1 → %2 or the "
                                   "button above.").replace("%1", menu)
                                .replace("%2", self.start_action.text().replace("&", "")))
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        if change.touches(ElementKind.VOTE) or change.touches(ElementKind.CARD, {"title"}):
            self.refresh()

    def refresh(self) -> None:
        """The votes, newest first, keeping the one chosen (a vote just started is chosen)."""
        doc = self.session.doc
        chosen = self.chosen()
        known = {self.votes.topLevelItem(row).data(0, ID) for row in range(self.votes.topLevelItemCount())}
        fresh = [v.id for v in doc.votes if v.id not in known]
        if chosen is None or chosen.id not in {v.id for v in doc.votes} or (known and fresh):
            chosen = latest_vote(doc)
        self.votes.blockSignals(True)
        self.votes.clear()
        for vote in reversed(doc.votes):
            started = vote.started.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([_vote_name(vote), started, str(vote.voters)])
            item.setData(0, ID, vote.id)
            if vote.ended is None:
                item.setToolTip(0, tr("Running"))
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.votes.addTopLevelItem(item)
            if chosen is not None and vote.id == chosen.id:
                self.votes.setCurrentItem(item)
        self.votes.blockSignals(False)
        self.empty_note.setVisible(not doc.votes)
        for widget in (self.votes, self.ranking_title, self.ranking):
            widget.setVisible(bool(doc.votes))
        self._fill_ranking()
        self._show_status()

    def chosen(self) -> Vote | None:
        item = self.votes.currentItem()
        if item is None:
            return None
        return next((v for v in self.session.doc.votes if v.id == item.data(0, ID)), None)

    def _fill_ranking(self) -> None:
        vote = self.chosen()
        self.ranking.clear()
        if vote is None:
            self.ranking_title.setText("")
            return
        doc = self.session.doc
        rows = ranked(doc, vote)
        self.ranking_title.setText(tr("Cards by dots: %1").replace("%1", _vote_name(vote)))
        for row in rows:
            title = visible_bidi(row.title) if row.on_map else tr("(card removed)")
            item = QTreeWidgetItem([title or tr("(untitled)"), str(row.dots)])
            item.setData(0, ID, row.card_id if row.on_map else None)
            if row.on_map:  # the dock is narrow: the whole title, and where the card is on the map
                card = doc.card(row.card_id)
                item.setToolTip(0, plain_tooltip(f"{row.title}\n{doc.stage(card.stage).name} / "
                                                 f"{doc.lane(card.lane).name}"))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.ranking.addTopLevelItem(item)
        if not rows:
            self.ranking.addTopLevelItem(QTreeWidgetItem([tr("No dots yet"), ""]))

    def _show_status(self) -> None:
        vote = running_vote(self.session.doc)
        if vote is None:
            self.clock.stop()
            self.status.setText(tr("No vote is running."))
            return
        parts = [tr("Voting: %1").replace("%1", _vote_name(vote)), tr("%1 dots each").replace("%1", str(vote.dots)),
                 tr("%1 voted").replace("%1", str(vote.voters))]
        left = time_left(vote, datetime.now(UTC))
        if left is not None:
            parts.append(tr("Time is up") if left == timedelta(0) else
                         tr("%1 left").replace("%1", _clock(left)))
            if not self.clock.isActive():
                self.clock.start()
        else:
            self.clock.stop()
        self.status.setText(" · ".join(parts))

    def _choose(self, item: QTreeWidgetItem) -> None:
        card_id = item.data(0, ID)
        if card_id:
            self.cardChosen.emit(card_id)


def _vote_name(vote: Vote) -> str:
    return visible_bidi(vote.name) if vote.name else tr("Dot vote")


def _clock(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def _table(columns: int) -> QTreeWidget:
    table = QTreeWidget()
    table.setColumnCount(columns)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.header().setStretchLastSection(False)
    table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, columns):
        table.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table
