"""A dock whose widget is made when the dock is first shown, or first asked for: the docks tabbed
behind the Inspector at start (Personas, History, Analytics) cost the window's first frame nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """`make` builds the widget; the dock's `objectName` is `dock-NAME`, which the saved window state
    and the titles go by."""

    def __init__(self, name: str, make: Callable[[], QWidget], parent: QWidget):
        super().__init__(parent)
        self.setObjectName(f"dock-{name}")
        self.name = name
        self._make = make
        self.visibilityChanged.connect(self._on_visibility)

    def content(self) -> QWidget:
        """The dock's widget, made now if it was not yet."""
        if self.widget() is None:
            self.setWidget(self._make())
        return self.widget()

    def made(self) -> bool:
        return self.widget() is not None

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.content()
