"""Real keys for tests that go through dialogs: keys sent to the focused widget (through Qt's
shortcut handling), counted when they are not text, and steps run once a modal dialog has opened."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NONE = Qt.KeyboardModifier.NoModifier


class Keys:
    """`count` keys and chords pressed, beyond the text typed."""

    def __init__(self):
        self.count = 0

    def press(self, key, modifiers=NONE) -> None:
        self.count += 1
        QTest.keyClick(QApplication.focusWidget(), key, modifiers)

    @staticmethod
    def type(text: str) -> None:
        """Each character as a key with its text (QTest.keyClicks speaks ASCII only)."""
        for ch in text:
            key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
            QTest.sendKeyEvent(QTest.KeyAction.Click, QApplication.focusWidget(), key, ch, NONE)


def when_open(kind: type[QWidget], steps, ready=lambda dialog: True, done: list | None = None) -> None:
    """Run `steps(dialog)` once a modal dialog of `kind` is open, active and `ready`; it is appended
    to `done` first."""

    def attempt():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or QApplication.activeWindow() is not dialog or not ready(dialog):
            QTimer.singleShot(10, attempt)
            return
        if done is not None:
            done.append(dialog)
        steps(dialog)

    QTimer.singleShot(0, attempt)
