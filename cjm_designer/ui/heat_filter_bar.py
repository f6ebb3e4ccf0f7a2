"""The Analyse toolbar: colour the map as a heat map by one measure (with its legend), and show only
the cards of one channel, owner, device or tag while the rest fade."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from ..canvas import MapScene
from ..canvas.scene import HEAT_CARD
from ..editor import Change
from ..i18n import current_language
from ..layout import palette
from ..model.analytics import FILTER_FIELDS, HEAT_MEASURES, CardFilter, filter_choices
from ..model.plain import visible_bidi
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, OWNER_LABELS, label
from .retranslated import Retranslated


def tr(text: str) -> str:
    return QCoreApplication.translate("Analytics", text)


def measure_names() -> dict[str, str]:
    return {"quality": tr("Contact quality"), "emotion": tr("Emotion"), "conversion": tr("Conversion"),
            "clicks": tr("Clicks"), "kpi": tr("KPI attainment")}


class HeatFilterBar(Retranslated, QToolBar):
    def __init__(self, scene: MapScene, parent=None):
        super().__init__(parent)
        self.setObjectName("toolbar-analyse")
        self.scene = scene
        self.heat_label, self.filter_label = QLabel(), QLabel()
        self.heat = QComboBox()
        self.legend = QLabel()
        self.legend.setPixmap(_gradient(120, 12))
        self.worst, self.best = QLabel(), QLabel()
        self.field = QComboBox()
        self.value = QComboBox()
        self.value.setMinimumContentsLength(14)
        self.addWidget(self.heat_label)
        self.addWidget(self.heat)
        self.legend_actions = [self.addWidget(widget) for widget in (self.worst, self.legend, self.best)]
        self.addSeparator()
        for widget in (self.filter_label, self.field, self.value):
            self.addWidget(widget)
        self.heat.currentIndexChanged.connect(self._heat_chosen)
        self.field.currentIndexChanged.connect(self._fill_values)
        self.value.currentIndexChanged.connect(self._filter_chosen)
        scene.session.changed.connect(self._on_changed)
        self.retranslate()
        self._heat_chosen()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Analyse"))
        self.heat_label.setText(tr("Heat map:") + " ")
        self.filter_label.setText(" " + tr("Show only:") + " ")
        self.worst.setText(" " + tr("worst") + " ")
        self.best.setText(" " + tr("best"))
        names = measure_names()
        _refill(self.heat, [(tr("Off"), None)] + [(names[m], m) for m in HEAT_MEASURES])
        fields = {"channel": tr("Channel"), "owner": tr("Owner"), "device": tr("Device"), "tag": tr("Tag")}
        _refill(self.field, [(tr("All cards"), None)] + [(fields[f], f) for f in FILTER_FIELDS])
        self._fill_values()

    def choose_heat(self, measure: str | None) -> None:
        self.heat.setCurrentIndex(self.heat.findData(measure))

    def choose_filter(self, field: str | None, value: str | None = None) -> None:
        self.field.setCurrentIndex(self.field.findData(field))
        if value is not None:
            self.value.setCurrentIndex(self.value.findData(value))

    def _heat_chosen(self) -> None:
        measure = self.heat.currentData()
        for action in self.legend_actions:  # a toolbar shows and hides its widgets through their actions
            action.setVisible(measure is not None)
        self.scene.set_heat(measure)

    def _on_changed(self, change: Change) -> None:
        if change.touches("card", {"channel", "owner", "device", "tags"}):
            self._fill_values()

    def _fill_values(self, *_) -> None:
        field = self.field.currentData()
        labels = {"channel": CHANNEL_LABELS, "owner": OWNER_LABELS, "device": DEVICE_LABELS}.get(field)
        values = filter_choices(self.scene.session.doc, field) if field else []
        language = current_language()
        _refill(self.value, [(visible_bidi(label(labels, v, language) if labels else v), v) for v in values])
        self.value.setEnabled(bool(values))
        self._filter_chosen()

    def _filter_chosen(self) -> None:
        field, value = self.field.currentData(), self.value.currentData()
        self.scene.set_card_filter(CardFilter(field, value) if field and value is not None else None)


def _refill(combo: QComboBox, items) -> None:
    """Replace a combo box's items, keeping the chosen data when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def _gradient(width: int, height: int) -> QPixmap:
    """The heat map's scale, red (worst) through yellow to green (best)."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    gradient = QLinearGradient(0, 0, width, 0)
    for stop in (0.0, 0.5, 1.0):
        gradient.setColorAt(stop, QColor(palette.heat_color(stop, HEAT_CARD)))
    painter.fillRect(0, 0, width, height, gradient)
    painter.end()
    return pixmap
