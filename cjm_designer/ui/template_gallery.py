"""New map: a gallery of the templates with a preview of each, in the language chosen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..canvas import MapScene
from ..canvas.texts import ui_language
from ..editor import DocumentSession
from ..templates import DEFAULT_TEMPLATE, available, new_map

PREVIEW = QSize(280, 170)


def tr(text: str) -> str:
    return QCoreApplication.translate("TemplateGallery", text)


def preview(name: str, language: str) -> QPixmap:
    """The template's map drawn small, as it will look on the canvas."""
    scene = MapScene(DocumentSession(new_map(name, language)))
    image = QImage(PREVIEW, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    source = scene.sceneRect()
    scene.render(painter, QRectF(4, 4, PREVIEW.width() - 8, PREVIEW.height() - 8), source,
                 Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return QPixmap.fromImage(image)


class TemplateGallery(QDialog):
    """`chosen` holds the picked template's name after the dialog is accepted."""

    def __init__(self, parent=None, preselected: str = DEFAULT_TEMPLATE):
        super().__init__(parent)
        self.setWindowTitle(tr("New map"))
        self.chosen: str | None = None
        self.preselected = preselected
        self.language = ui_language()
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(PREVIEW)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setSpacing(10)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.language_box = QComboBox()
        self.language_box.addItem("Русский", "ru")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(0 if self.language == "ru" else 1)
        self.language_box.currentIndexChanged.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Language of the template:")))
        top.addWidget(self.language_box)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(980, 640)
        self._fill()

    def _fill(self) -> None:
        self.language = self.language_box.currentData()
        self.list.clear()
        for template in available(self.language):
            item = QListWidgetItem(QIcon(preview(template.name, self.language)), template.title)
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(template.description)
            self.list.addItem(item)
            if template.name == self.preselected:
                self.list.setCurrentItem(item)

    def accept(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        super().accept()
