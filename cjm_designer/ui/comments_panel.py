"""The Comments dock: the thread of the card selected on the map — each comment's author, time and text
(plain text, as written), Resolve or Reopen, Delete — and a field to add one (Ctrl+Enter). Resolved
comments are hidden unless "Show resolved" is on. Comments from participants' phones arrive in the same
thread (editor.add_comment with from_room)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..canvas import MapScene
from ..editor import Change
from ..model import Card, Comment
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from .retranslated import Retranslated
from .settings import Settings

MAX_TEXT = 2000  # as the map keeps a comment
AUTHOR_KEY = "comments/author"


def tr(text: str) -> str:
    return QCoreApplication.translate("CommentsPanel", text)


class CommentView(QFrame):
    """One comment of the thread, with its buttons."""

    def __init__(self, comment: Comment, parent=None):
        super().__init__(parent)
        self.comment_id = comment.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        when = comment.created.astimezone().strftime("%Y-%m-%d %H:%M")
        header = " · ".join(part for part in (visible_bidi(comment.author) or tr("Anonymous"), when) if part)
        if comment.resolved:
            header += " · " + tr("resolved")
        self.header = _plain(header)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.text = _plain(visible_bidi(comment.text))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resolve_button = QPushButton(tr("Reopen") if comment.resolved else tr("Resolve"))
        self.delete_button = QPushButton(tr("Delete"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        if comment.resolved:
            for label in (self.header, self.text):
                label.setEnabled(False)  # greyed: settled


class CommentsPanel(Retranslated, QWidget):
    def __init__(self, scene: MapScene, settings: Settings | None = None, parent=None):
        """`settings` keep the name the facilitator signs with, for the next time."""
        super().__init__(parent)
        self.scene, self.settings = scene, settings
        self.edits = scene.edits
        self.card_id: str | None = None
        self.views: list[CommentView] = []
        self.title = _plain("")
        self.title.setWordWrap(True)
        self.show_resolved = QCheckBox()
        self.show_resolved.toggled.connect(lambda _: self.refresh())
        self.empty_note = _plain("")  # in the thread of a card without one: an empty box is not a fault
        self.empty_note.setWordWrap(True)
        self.empty_note.setEnabled(False)  # greyed, as a placeholder
        self.thread = QVBoxLayout()
        self.thread.addWidget(self.empty_note)
        self.thread.addStretch()
        body = QWidget()
        body.setLayout(self.thread)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.author = QLineEdit()
        self.author.setMaxLength(40)
        if settings is not None:
            self.author.setText(str(settings.value(AUTHOR_KEY, "") or ""))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.text, self.add, context=Qt.ShortcutContext.WidgetShortcut)
        adding = QHBoxLayout()
        adding.addWidget(self.author)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.text)
        layout.addLayout(adding)
        scene.selectionChanged.connect(self.refresh)
        scene.session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_resolved.setText(tr("Show &resolved"))
        self.author.setPlaceholderText(tr("Your name"))
        self.text.setPlaceholderText(tr("Write a comment (Ctrl+Enter adds it)"))
        self.add_button.setText(tr("&Add comment"))
        self.empty_note.setText(tr("No comments yet: write the first one below."))
        self.refresh()

    def card(self) -> Card | None:
        return next((c for c in self.scene.session.doc.cards if c.id == self.card_id), None)

    def _on_changed(self, change: Change) -> None:
        """The thread again only when the change may touch what it shows: the card's title or comments,
        or the card itself (removed, put back, a snapshot restored: changes of structure that name it).
        Rebuilding deletes every comment's widgets, which an edit of the card's other fields or of
        other elements should not pay for."""
        if self.card_id in change.ids and change.touches(ElementKind.CARD, {"title", "comments"}):
            self.refresh()

    def refresh(self) -> None:
        """The thread of the one card selected (none for no card or several)."""
        if not shiboken6.isValid(self.scene):  # a scene being destroyed still reports its selection
            return
        selected = self.scene.selected_card_ids()
        self.card_id = selected[0] if len(selected) == 1 else None
        card = self.card()
        for view in self.views:
            view.hide()  # now; deleted once back in the event loop (its button may be the one that called)
            view.deleteLater()
        self.views = []
        for widget in (self.text, self.author, self.add_button, self.show_resolved):
            widget.setEnabled(card is not None)
        self.empty_note.hide()
        if card is None:
            self.title.setText(tr("Select one card to see its comments."))
            return
        shown = [c for c in card.comments if self.show_resolved.isChecked() or not c.resolved]
        hidden = len(card.comments) - len(shown)
        title = tr("Comments on “%1”").replace("%1", visible_bidi(card.title) or tr("(untitled)"))
        if hidden:
            title += " · " + tr("%1 resolved hidden").replace("%1", str(hidden))
        self.title.setText(title)
        self.empty_note.setVisible(not card.comments)
        for comment in shown:
            view = CommentView(comment)
            view.resolve_button.clicked.connect(lambda _=False, i=comment.id, r=not comment.resolved:
                                                self.edits.set_comment_resolved(card.id, i, r))
            view.delete_button.clicked.connect(lambda _=False, i=comment.id: self.edits.remove_comment(card.id, i))
            self.thread.insertWidget(self.thread.count() - 1, view)
            self.views.append(view)

    def add(self) -> None:
        """The typed comment onto the card's thread, as one undo step."""
        text = self.text.toPlainText().strip()
        if self.card_id is None or not text:
            return
        author = " ".join(self.author.text().split())
        self.edits.add_comment(self.card_id, author, text[:MAX_TEXT])
        self.text.clear()
        if self.settings is not None:
            self.settings.set_value(AUTHOR_KEY, author)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
