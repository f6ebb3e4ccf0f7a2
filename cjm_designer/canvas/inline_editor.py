"""Typing on the canvas: a plain-text editor placed over a card or where a new card will go.

Enter finishes, Escape cancels, Tab finishes and goes on to a new card in the same cell, Shift+Enter
starts a new line. Pasted text is inserted as plain text: user text is never read as HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from . import painting as P

FINISH, CANCEL, NEXT = "finish", "cancel", "next"


class InlineEditor(QGraphicsTextItem):
    """Calls `done(outcome, text)` once, with FINISH, CANCEL or NEXT and the plain text typed; with
    `select_all` the first key typed replaces the text (renaming)."""

    def __init__(self, rect: QRectF, text: str, done: Callable[[str, str], None], font_size: float = 10.5,
                 select_all: bool = False):
        from PySide6.QtGui import QTextCursor  # here: the start edits no text, and its enums cost 0.3 ms

        super().__init__()
        self._done = done
        self._finished = False
        self._min_height = rect.height()
        self.setPos(rect.topLeft())
        self.setTextWidth(rect.width())
        qfont = QFont(P.font(bold=False))
        qfont.setPixelSize(max(1, round(font_size)))
        self.setFont(qfont)
        self.setDefaultTextColor(P.INK)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setAcceptDrops(False)
        self.setZValue(10)
        self.setPlainText(text)
        cursor = self.textCursor()
        if select_all:
            cursor.select(QTextCursor.SelectionType.Document)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return self.toPlainText()

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        return rect.adjusted(-3, -3, 3, max(0.0, self._min_height - rect.height()) + 3)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(P.ACCENT, 1.5))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        super().paint(painter, option, widget)

    def keyPressEvent(self, event) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.finish(CANCEL)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText("\n")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(FINISH)
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.textCursor().insertText(QApplication.clipboard().text())
        else:
            super().keyPressEvent(event)

    def sceneEvent(self, event) -> bool:
        """A key that types a character is the editor's even when a shortcut has it: AltGr is Ctrl+Alt
        on Windows, and AltGr+0 types "}" on a German keyboard rather than clearing a card's contact
        quality (card_marks.py)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.text() and event.text().isprintable():
            event.accept()
            return True
        return super().sceneEvent(event)

    def contextMenuEvent(self, event) -> None:
        event.accept()  # the default menu would paste rich text

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(FINISH)

    def finish(self, outcome: str) -> None:
        if self._finished:
            return
        self._finished = True
        done, self._done = self._done, None  # not held after: the edit it calls back holds this editor
        done(outcome, self.text())
