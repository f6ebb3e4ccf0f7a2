"""The status bar's word after an export: the file written, its pages or pixels, its folder, and a
"Show in folder" button for as long as the word stays."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QStatusBar, QToolButton

from ..canvas.actions import icon
from ..model.plain import visible_bidi
from .messages import warning

if TYPE_CHECKING:  # the exporters load on first export, not at start
    from ..map_export import ExportResult

SHOWN_MS = 30_000


def tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("ExportNotice", text, None, count)


def exported_text(result: ExportResult) -> str:
    """"Exported to NAME (N pages) in FOLDER", the pixels for an image, the names as written."""
    name, folder = visible_bidi(result.path.name), visible_bidi(str(result.path.parent))
    if result.pages is not None:
        return _fill(tr("Exported to %1 (%n page(s)) in %2", result.pages), name, folder)
    if result.slides is not None:
        return _fill(tr("Exported to %1 (%n slide(s)) in %2", result.slides), name, folder)
    if result.pixels is not None:
        width, height = result.pixels
        return _fill(tr("Exported to %1 (%2 × %3 pixels) in %4"), name, str(width), str(height), folder)
    return _fill(tr("Exported to %1 in %2"), name, folder)


def _fill(text: str, *values: str) -> str:
    """`text` with %1, %2… replaced in one pass: a file's name may hold "%2" itself."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0], text)


class ExportNotice(QObject):
    """Tells in `status_bar` what an export wrote; its button opens the folder in the file manager."""

    def __init__(self, status_bar: QStatusBar):
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.folder: Path | None = None
        self.text = ""
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setIcon(icon("folder-open"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.hide()
        self.button.clicked.connect(self.show_folder)
        status_bar.insertPermanentWidget(0, self.button)  # left of the map's counts and zoom
        status_bar.messageChanged.connect(self._follow_message)

    def announce(self, result: ExportResult) -> None:
        self.text, self.folder = exported_text(result), result.path.parent
        self.button.setText(tr("Show in folder"))
        self.button.setToolTip(visible_bidi(str(self.folder)))
        self.status_bar.showMessage(self.text, SHOWN_MS)
        self.button.show()

    def _follow_message(self, text: str) -> None:
        """Another message, or none: the button goes with the export's."""
        if text != self.text:
            self.button.hide()

    def show_folder(self) -> None:
        from PySide6.QtCore import QUrl  # here, as the button is clicked: their classes cost the start 0.5 ms
        from PySide6.QtGui import QDesktopServices

        if self.folder is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))):
            warning(self.status_bar.window(), tr("Cannot show the folder"),
                    tr("No file manager opened %1.").replace("%1", str(self.folder)))
