"""The status bar's notice that a map has conflicts from a merge: how many, and a click opens Map →
Conflicts (ui/conflicts.py). Apart from the list so that the start, which shows the notice, does not
load the list's table classes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton, QStatusBar

from ..editor import Change, DocumentSession


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Conflicts", text, None, n)


class ConflictsNotice(QPushButton):
    """In the status bar while the map has conflicts: how many, and a click opens the list."""

    def __init__(self, session: DocumentSession, status_bar: QStatusBar, open_list):
        super().__init__()
        self.session = session
        self.setFlat(True)
        self.clicked.connect(open_list)
        status_bar.addWidget(self)
        session.changed.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()

    def refresh(self, _change: Change | None = None) -> None:
        count = len(self.session.doc.conflicts)
        if count and not self.styleSheet():  # set when first shown: a style sheet costs the start about 1 ms
            self.setStyleSheet("color: #D32F2F; font-weight: bold")
        self.setText(tr("⚠ %n conflicts from a merge: resolve them…", n=count))
        self.setVisible(bool(count))
