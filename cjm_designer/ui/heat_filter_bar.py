"""The Analyse toolbar: colour the map as a heat map by one measure (with its legend), and show only
the cards of one channel, owner, device or tag while the rest fade."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from ..canvas import MapScene
from ..canvas.scene import HEAT_CARD
from ..editor import Change
from ..i18n import current_language
from ..layout import palette
from ..model.analytics import FILTER_FIELDS, HEAT_MEASURES, CardFilter, filter_choices
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from ..model.vocab import CHANNEL_LABELS, DEVICE_LABELS, OWNER_LABELS, label
from .messages import plain_tooltip
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
        self.legend = QLabel()  # the scale with its two ends' words on it: narrow enough for a 1280-pixel screen
        self.field = QComboBox()
        self.value = QComboBox()
        self.value.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.value.setMinimumContentsLength(11)  # a long tag is cut here, whole in the list: the bar fits 1280 pixels
        self.addWidget(self.heat_label)
        self.addWidget(self.heat)
        self.legend_actions = [self.addWidget(self.legend)]
        self.addSeparator()
        for widget in (self.filter_label, self.field):
            self.addWidget(widget)
        self.value_action = self.addWidget(self.value)  # hidden while all cards show: it would offer nothing
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
        self.legend_ends = tr("worst"), tr("best")
        names = measure_names()
        _refill(self.heat, [(tr("Off"), None)] + [(names[m], m) for m in HEAT_MEASURES])
        fields = {"channel": tr("Channel"), "owner": tr("Owner"), "device": tr("Device"), "tag": tr("Tag")}
        _refill(self.field, [(tr("All cards"), None)] + [(fields[f], f) for f in FILTER_FIELDS])
        self.value.setPlaceholderText(tr("none on this map"))
        self._fill_values()
        self._draw_legend()

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
        self._draw_legend()
        self.scene.set_heat(measure)

    def _draw_legend(self) -> None:
        """The legend's scale, drawn while a heat map is on: the first frame shows none (drawing it and
        its gradient's class would cost the start about 1.5 ms)."""
        if self.heat.currentData() is not None:
            self.legend.setPixmap(_legend(*self.legend_ends, self.legend.font(), self.devicePixelRatioF()))

    def _on_changed(self, change: Change) -> None:
        if change.touches(ElementKind.CARD, {"channel", "owner", "device", "tags"}):
            self._fill_values()

    def _fill_values(self, *_) -> None:
        field = self.field.currentData()
        labels = {"channel": CHANNEL_LABELS, "owner": OWNER_LABELS, "device": DEVICE_LABELS}.get(field)
        values = filter_choices(self.scene.session.doc, field) if field else []
        language = current_language()
        _refill(self.value, [(visible_bidi(label(labels, v, language) if labels else v), v) for v in values])
        self.value_action.setVisible(field is not None)  # first: the action, changed, enables its widget again
        self.value.setEnabled(bool(values))
        self._filter_chosen()

    def _filter_chosen(self) -> None:
        field, value = self.field.currentData(), self.value.currentData()
        self.value.setToolTip(plain_tooltip(self.value.currentText()))  # whole, where the box cuts a long one
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


def _legend(worst: str, best: str, font: QFont, ratio: float) -> QPixmap:
    """The heat map's scale, red (worst) through yellow to green (best), its ends named on it in the
    map's ink (the card colours are light in any theme)."""
    from PySide6.QtGui import QLinearGradient  # here: the start draws no legend, and its class costs 1 ms

    metrics = QFontMetrics(font)
    width, height = max(100, metrics.horizontalAdvance(f"{worst}  {best}") + 30), metrics.height() + 4
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, width, 0)
    for stop in (0.0, 0.5, 1.0):
        gradient.setColorAt(stop, QColor(palette.heat_color(stop, HEAT_CARD)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(0, 0, width, height), 3, 3)
    painter.setFont(font)
    painter.setPen(QColor(palette.INK))
    text_box = QRectF(5, 0, width - 10, height)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, worst)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, best)
    painter.end()
    return pixmap
