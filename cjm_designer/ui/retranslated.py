"""Widgets whose texts follow the interface language: when Preferences installs another language,
Qt sends each widget a LanguageChange, and this mixin answers it with the widget's `retranslate`."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslated:
    """Put before the Qt class (`class Panel(Retranslated, QWidget)`); the class defines `retranslate`."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
