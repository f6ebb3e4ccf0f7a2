"""Small dialogs of the main window: preferences, keyboard shortcuts, about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from .. import __version__
from ..canvas.key_help import canvas_keys
from ..canvas.texts import ui_language
from ..i18n import SETTING, install_translators
from ..model.plain import visible_bidi
from ..templates import DEFAULT_TEMPLATE, available
from .presentation import SCREEN_SETTING, presentation_keys, screen_key
from .settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class Preferences(QDialog):
    """Autosave interval, the template of a new map, the interface language (at once: every open
    window retranslates itself and keeps its map), the screen a presentation goes to."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.autosave = QSpinBox()
        self.autosave.setRange(10, 3600)
        self.autosave.setSuffix(tr(" s"))
        self.autosave.setValue(settings.autosave_seconds())
        self.template = QComboBox()
        for template in available(ui_language()):
            title = visible_bidi(template.title)
            mine = tr("%1 (my template)").replace("%1", title) if template.user else title
            self.template.addItem(mine, template.name)
        self.template.setCurrentIndex(max(0, self.template.findData(settings.default_template())))
        self.language = QComboBox()
        for text, code in ((tr("As the system"), ""), ("Русский", "ru"), ("English", "en")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value(SETTING, "") or "")))
        self.present_on = QComboBox()
        self.present_on.addItem(tr("Automatic: the other screen when there are two"), "")
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.present_on.addItem(tr("Screen %1: %2 × %3 %4").replace("%1", str(index + 1))
                                    .replace("%2", str(size.width())).replace("%3", str(size.height()))
                                    .replace("%4", visible_bidi(screen.name())).strip(), screen_key(screen, index))
        self.present_on.setCurrentIndex(max(0, self.present_on.findData(settings.value(SCREEN_SETTING, "") or "")))
        form = QFormLayout()
        form.addRow(tr("Autosave every"), self.autosave)
        form.addRow(tr("New maps start from"), self.template)
        form.addRow(tr("Interface language"), self.language)
        form.addRow(tr("Present on"), self.present_on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.set_value("autosave/seconds", self.autosave.value())
        self.settings.set_value("files/default_template", self.template.currentData() or DEFAULT_TEMPLATE)
        self.settings.set_value(SCREEN_SETTING, self.present_on.currentData())
        language = self.language.currentData()
        changed = language != (self.settings.value(SETTING, "") or "")
        self.settings.set_value(SETTING, language)
        super().accept()
        if changed:
            install_translators(QCoreApplication.instance(), language)


def shortcuts_table(actions: list[QAction]) -> QTableWidget:
    """Every action that has a shortcut, read from the actions themselves so it never goes stale, and
    the canvas's own keys."""
    rows = [(a.text().replace("&", ""), ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                                                   for s in a.shortcuts()))
            for a in actions if a.shortcuts()] + canvas_keys() + presentation_keys()
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([tr("Action"), tr("Shortcut")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a list to read, not to edit
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for row, (text, keys) in enumerate(sorted(set(rows))):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    # the keys always whole; a long action (Russian ones are) wraps in the width left
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    return table


def show_matching(table: QTableWidget, typed: str) -> None:
    """Only the rows whose action or keys hold what was typed ("карточ", "ctrl+d"), case aside."""
    typed = typed.strip().casefold()
    for row in range(table.rowCount()):
        shown = f"{table.item(row, 0).text()}\n{table.item(row, 1).text()}".casefold()
        table.setRowHidden(row, typed not in shown)


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: the table, and a box above it that narrows it to what is looked for."""

    def __init__(self, actions: list[QAction], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.table = shortcuts_table(actions)
        self.find = QLineEdit()
        self.find.setPlaceholderText(tr("Find an action or a key"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda typed: show_matching(self.table, typed))
        layout = QVBoxLayout(self)
        layout.addWidget(self.find)
        layout.addWidget(self.table)
        self.resize(560, 600)


def show_shortcuts(parent, actions: list[QAction]) -> None:
    ShortcutsDialog(actions, parent).exec()


def show_about(parent) -> None:
    QMessageBox.about(parent, tr("About CJM Designer"), tr(
        "CJM Designer %1\n\nDraw customer journey maps offline: stages, lanes, touchpoints, emotions, "
        "funnel figures and KPIs.\n\nLicence: MIT. Font: PT Sans (ParaType Free Font License). "
        "Icons: Lucide (ISC).").replace("%1", __version__))
