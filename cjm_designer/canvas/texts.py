"""The canvas's user-visible strings go through Qt translation, in the "canvas" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..i18n import current_language


def tr(text: str) -> str:
    return QCoreApplication.translate("canvas", text)


def ui_language() -> str:
    """The language of the interface (the one the translators installed speak), for labels the model
    holds in Russian and English."""
    return current_language()
