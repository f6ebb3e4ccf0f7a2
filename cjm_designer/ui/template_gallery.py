"""New map: a gallery of the templates with a preview of each, in the language chosen; the user's
own templates follow under "My templates", where they can be deleted. "Structure only" (remembered)
takes a template's stages and lanes without its examples, a clean map for a workshop.

The keys: the dialog opens on the list of templates, the arrows move in it and Enter takes the
highlighted one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from ..canvas import MapScene
from ..canvas.texts import ui_language
from ..editor import DocumentSession
from ..io import CjmError
from ..model.plain import visible_bidi
from ..templates import DEFAULT_TEMPLATE, available, delete_user_template, new_map
from . import messages
from .settings import Settings

PREVIEW = QSize(280, 170)


def tr(text: str) -> str:
    return QCoreApplication.translate("TemplateGallery", text)


def preview(name: str, language: str, structure: bool = False) -> QPixmap:
    """The template's map drawn small, as it will look on the canvas (its structure alone with
    `structure`). Its scene is disposed of once drawn (see MapScene.dispose)."""
    scene = MapScene(DocumentSession(new_map(name, language, structure=structure)))
    image = QImage(PREVIEW, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        source = scene.sceneRect()
        scene.render(painter, QRectF(4, 4, PREVIEW.width() - 8, PREVIEW.height() - 8), source,
                     Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        painter.end()
        scene.dispose()
    return QPixmap.fromImage(image)


class TemplateGallery(QDialog):
    """`chosen` holds the picked template's name after the dialog is accepted, `structure_only()`
    whether to take its structure alone. `list` shows the bundled templates, `user_list` the
    user's own; one item is selected in the two together."""

    def __init__(self, parent=None, preselected: str = DEFAULT_TEMPLATE):
        super().__init__(parent)
        self.setWindowTitle(tr("New map"))
        self.settings = Settings()
        self.chosen: str | None = None
        self.preselected = preselected
        self.language = ui_language()
        self.list = self._icon_list()
        self.user_list = self._icon_list()
        self.list.itemSelectionChanged.connect(lambda: self._only_one(self.list, self.user_list))
        self.user_list.itemSelectionChanged.connect(lambda: self._only_one(self.user_list, self.list))
        self.user_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.user_list.customContextMenuRequested.connect(self._user_menu)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setToolTip(tr("Delete the selected template of your own"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.user_hint = QLabel(tr("None yet: File → Save as Template… keeps the open map as a template of "
                                   "your own."))
        self.user_hint.setWordWrap(True)
        self.skipped_label = QLabel()
        self.skipped_label.setTextFormat(Qt.TextFormat.PlainText)  # file names and loader messages
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language_box = QComboBox()
        self.language_box.addItem("Русский", "ru")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(0 if self.language == "ru" else 1)
        self.language_box.currentIndexChanged.connect(self._fill)
        self.structure = QCheckBox(tr("&Structure only: stages and lanes, without the example cards, personas "
                                      "and figures"))
        self.structure.setToolTip(tr("A clean map for a workshop: the stages with their goals and questions, "
                                     "and the lanes"))
        self.structure.setChecked(self.settings.structure_only())
        self.structure.toggled.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Language of the template:")))
        top.addWidget(self.language_box)
        top.addStretch()
        heading = QLabel(tr("My templates"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        mine = QHBoxLayout()
        mine.addWidget(heading)
        mine.addStretch()
        mine.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 3)
        layout.addLayout(mine)
        layout.addWidget(self.user_list, 2)
        layout.addWidget(self.user_hint)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.structure)
        layout.addWidget(buttons)
        self.resize(980, 640)
        self._fill()
        # the keys choose a template from the start, not the language
        (self.user_list if self.user_list.selectedItems() else self.list).setFocus()

    def _icon_list(self) -> QListWidget:
        widget = QListWidget()
        widget.setViewMode(QListWidget.ViewMode.IconMode)
        widget.setIconSize(PREVIEW)
        widget.setResizeMode(QListWidget.ResizeMode.Adjust)
        widget.setMovement(QListWidget.Movement.Static)
        widget.setSpacing(10)
        widget.setWordWrap(True)
        widget.itemDoubleClicked.connect(lambda _: self.accept())
        return widget

    def _fill(self) -> None:
        """The templates anew (another language, structure only or not), the highlighted one kept."""
        item = self._selected()
        highlighted = item.data(Qt.ItemDataRole.UserRole) if item else self.preselected
        self.language = self.language_box.currentData()
        self.list.clear()
        self.user_list.clear()
        skipped: list[CjmError] = []
        for template in available(self.language, skipped):
            widget = self.user_list if template.user else self.list
            icon = QIcon(preview(template.name, self.language, self.structure.isChecked()))
            item = QListWidgetItem(icon, visible_bidi(template.title))
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(messages.plain_tooltip(template.description))
            widget.addItem(item)
            if template.name == highlighted:
                widget.setCurrentItem(item)
        if not self._selected() and self.list.count():
            self.list.setCurrentRow(0)
        self.user_list.setVisible(self.user_list.count() > 0)
        self.user_hint.setVisible(self.user_list.count() == 0)
        self.skipped_label.setVisible(bool(skipped))
        self.skipped_label.setText("\n".join([tr("Not shown, these files cannot be read:")]
                                             + [visible_bidi(str(error)) for error in skipped]))
        self._update_delete()

    def _selected(self) -> QListWidgetItem | None:
        items = self.list.selectedItems() or self.user_list.selectedItems()
        return items[0] if items else None

    def _only_one(self, widget: QListWidget, other: QListWidget) -> None:
        """Selecting in one list clears the other: one template is chosen."""
        if widget.selectedItems():
            other.clearSelection()
        self._update_delete()

    def _update_delete(self) -> None:
        self.delete_button.setEnabled(bool(self.user_list.selectedItems()))

    def _user_menu(self, position: QPoint) -> QMenu | None:
        """The context menu of one of the user's templates: Delete…"""
        item = self.user_list.itemAt(position)
        if item is None:
            return None
        self.user_list.setCurrentItem(item)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(tr("Delete…")).triggered.connect(self.delete_selected)
        menu.popup(self.user_list.viewport().mapToGlobal(position))
        return menu

    def delete_selected(self) -> None:
        """Delete the selected template of the user's own, after asking."""
        items = self.user_list.selectedItems()
        if not items:
            return
        question = tr("Delete the template “%1”? This cannot be undone.").replace("%1", items[0].text())
        if messages.ask(self, tr("Delete template"), question) != messages.Button.Yes:
            return
        try:
            delete_user_template(items[0].data(Qt.ItemDataRole.UserRole))
        except KeyError:
            pass  # already gone
        except OSError as error:
            messages.critical(self, tr("Cannot delete the template"), str(error.strerror or error))
        self._fill()

    def structure_only(self) -> bool:
        return self.structure.isChecked()

    def accept(self) -> None:
        item = self._selected()
        self.chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.settings.set_structure_only(self.structure.isChecked())
        super().accept()
