"""The Analytics dock: the funnel chart with the largest drop marked, touchpoints per stage and in
total, channels, who is responsible, pain points, missed KPIs and the A/B tests' winners. It follows every change of the
map that touches what it counts, but counts only while it is on screen: hidden (a tab behind the
Inspector, as at start), a change only marks its figures stale, and they are counted when it is shown.
Counting a large map takes a noticeable time (0.07 s at 5,000 cards), which a start or an edit should
not pay for a tab no one looks at. Clicking a pain point, a KPI or an A/B test shows its card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, DocumentSession
from ..i18n import current_language as ui_language
from ..layout import palette
from ..model import JourneyMap, numbers
from ..model.ab_test import AbResult, ab_tests, lift_text
from ..model.analytics import Analytics, analyse
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from ..model.vocab import CHANNEL_LABELS, OWNER_LABELS, label
from .retranslated import Retranslated

COUNTED_CARD_FIELDS = {"channel", "owner", "pain", "kpi", "variants"}  # the fields of a card that the dock counts
SHOWN_STAGE_FIELDS = {"name", "entering", "kpi"}  # a stage's name heads its rows; the others are counted


def tr(text: str) -> str:
    return QCoreApplication.translate("Analytics", text)


class AnalyticsPanel(Retranslated, QScrollArea):
    cardChosen = Signal(str)  # a card id the user asked to see

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.quoted: set[str] = set()  # the cards whose titles the tables show
        self.stale = True  # the figures shown are not those of the map: count them when shown
        self.setWidgetResizable(True)
        body = QWidget()
        self.funnel = FunnelChart()
        self.funnel_note = _plain_label()
        self.touchpoints_title = _plain_label(bold=True)
        self.touchpoints = _table()
        self.typical = _plain_label()
        self.channels_title, self.channels = _plain_label(bold=True), _table()
        self.owners_title, self.owners = _plain_label(bold=True), _table()
        self.pains_title, self.pains = _plain_label(bold=True), _table()
        self.kpis_title, self.kpis = _plain_label(bold=True), _table()
        self.tests_title, self.tests = _plain_label(bold=True), _table()  # shown for a map with A/B tests
        # what an empty table stands for, said in its place
        self.empty_notes = {table: _plain_label() for table in (self.channels, self.owners, self.pains, self.kpis)}
        for label_ in (self.funnel_note, self.typical, *self.empty_notes.values()):
            label_.setWordWrap(True)
        layout = QVBoxLayout(body)
        self.funnel_title = _plain_label(bold=True)
        for widget in (self.funnel_title, self.funnel, self.funnel_note, self.touchpoints_title, self.touchpoints,
                       self.typical, self.channels_title, self.channels, self.owners_title, self.owners,
                       self.pains_title, self.pains, self.kpis_title, self.kpis, self.tests_title, self.tests):
            layout.addWidget(widget)
            if widget in self.empty_notes:
                layout.addWidget(self.empty_notes[widget])
        layout.addStretch()
        self.setWidget(body)
        for table in (self.pains, self.kpis, self.tests):
            table.itemActivated.connect(self._choose)
            table.itemClicked.connect(self._choose)
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for widget, text in ((self.funnel_title, tr("Funnel")), (self.touchpoints_title, tr("Touchpoints")),
                             (self.channels_title, tr("Channels")), (self.owners_title, tr("Responsible")),
                             (self.pains_title, tr("Pain points")), (self.kpis_title, tr("Missed KPIs")),
                             (self.tests_title, tr("A/B tests"))):
            widget.setText(text)
        self.typical.setText(tr("A purchase usually follows 5 to 40 contacts."))
        for table, text in ((self.channels, tr("No card has a channel yet.")),
                            (self.owners, tr("No card has an owner yet.")),
                            (self.pains, tr("No pain points marked yet: a card's “Pain point” box, or Alt+P.")),
                            (self.kpis, tr("No KPI misses its target."))):
            self.empty_notes[table].setText(text)
        self.touchpoints.setHeaderLabels([tr("Stage"), tr("Touchpoints")])
        self.channels.setHeaderLabels([tr("Channel"), tr("Cards")])
        self.owners.setHeaderLabels([tr("Owner"), tr("Cards")])
        self.pains.setHeaderLabels([tr("Pain point"), tr("Stage")])
        self.kpis.setHeaderLabels([tr("KPI"), tr("Actual / target")])
        self.tests.setHeaderLabels([tr("Touchpoint"), tr("Winner")])
        self._refresh_when_shown()  # the sentences and table names are in the interface's language

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ParentChange and isinstance(self.parentWidget(), QDockWidget):
            # A dock tabbed behind another stays "visible" to Qt, moved out of sight; raising its tab
            # shows no widget again, and only the dock's signal tells.
            self.parentWidget().visibilityChanged.connect(self._on_dock_shown)
        return super().event(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale and self.on_screen():
            self.refresh()

    def _on_dock_shown(self, visible: bool) -> None:
        if visible and self.stale:
            self.refresh()

    def on_screen(self) -> bool:
        """Whether any of the panel can be seen: shown, and not a dock's tab behind another."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _on_changed(self, change: Change) -> None:
        """Refresh when the change may touch what is counted, or the title of a card quoted here."""
        if (change.touches(ElementKind.CARD, COUNTED_CARD_FIELDS)
                or change.touches(ElementKind.STAGE, SHOWN_STAGE_FIELDS)
                or change.touches(ElementKind.LANE, {"kind"})
                or (change.touches(ElementKind.CARD, {"title"}) and not change.ids.isdisjoint(self.quoted))):
            self._refresh_when_shown()

    def _refresh_when_shown(self) -> None:
        if self.on_screen():
            self.refresh()
        else:
            self.stale = True

    def refresh(self) -> None:
        """Count the map's figures and show them."""
        self.stale = False
        doc = self.session.doc
        data = analyse(doc)
        language = ui_language()
        names = {stage.id: visible_bidi(stage.name) for stage in doc.stages}
        self.funnel.show_funnel(doc, data)
        self.funnel.setVisible(any(step.entering is not None for step in data.funnel.steps))
        overall = data.funnel.overall
        drop = data.funnel.largest_drop
        notes = []
        if drop is not None:
            step = data.funnel.step(drop)
            notes.append(tr("Customers are lost most after “{stage}”: {share} go on, {lost} leave.").format(
                stage=names[drop], share=_percent(step.conversion), lost=_count(step.lost)))
        if overall is not None:
            notes.append(tr("Overall conversion: {share}.").format(share=_percent(overall)))
        if not any(step.entering is not None for step in data.funnel.steps):
            notes.append(tr("Enter how many people enter each stage (a stage's “People entering”) to see "
                            "the funnel."))
        self.funnel_note.setText(" ".join(notes))
        _fill(self.touchpoints, [(names[s], str(n)) for s, n in data.touchpoints.items()]
              + [(tr("Total"), str(data.total_touchpoints))])
        total = self.touchpoints.topLevelItem(self.touchpoints.topLevelItemCount() - 1)
        for column in (0, 1):
            font = total.font(column)
            font.setBold(True)
            total.setFont(column, font)
        _fill(self.channels, [(label(CHANNEL_LABELS, key, language), str(n)) for key, n in data.channels.most_common()])
        _fill(self.owners, [(label(OWNER_LABELS, key, language), str(n)) for key, n in data.owners.most_common()])
        titles = {card.id: card.title or card.id for card in doc.cards}
        _fill(self.pains, [(titles[card_id], names[stage_id]) for card_id, stage_id in data.pain_points],
              [card_id for card_id, _ in data.pain_points])
        rows, ids = [], []
        for stage_id, card_id, kpi in data.kpis_missed:
            where = titles[card_id] if card_id else names[stage_id]
            rows.append((f"{kpi.name or where}", f"{_number(kpi.actual)} / {_number(kpi.target)} {kpi.unit}".strip()))
            ids.append(card_id)
        _fill(self.kpis, rows, ids)
        tests = ab_tests(doc)
        _fill(self.tests, [(titles[card.id], _winner(result)) for card, result in tests],
              [card.id for card, _ in tests])
        for widget in (self.tests_title, self.tests):
            widget.setVisible(bool(tests))
        for table, note in self.empty_notes.items():
            table.setVisible(table.topLevelItemCount() > 0)
            note.setVisible(table.topLevelItemCount() == 0)
        self.quoted = ({card_id for card_id, _ in data.pain_points} | {card_id for card_id in ids if card_id}
                       | {card.id for card, _ in tests})

    def _choose(self, item: QTreeWidgetItem, column: int = 0) -> None:
        card_id = item.data(0, Qt.ItemDataRole.UserRole)
        if card_id:
            self.cardChosen.emit(card_id)


class FunnelChart(QWidget):
    """Bars as wide as the people entering each stage, the share that goes on between them, and the
    step where the most are lost in red."""

    ROW = 30

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, int | None, float | None, bool]] = []
        self.setMinimumHeight(60)

    def show_funnel(self, doc: JourneyMap, data: Analytics) -> None:
        names = {stage.id: visible_bidi(stage.name) for stage in doc.stages}
        self._rows = [(names[step.stage_id], step.entering, step.conversion,
                       step.stage_id == data.funnel.largest_drop) for step in data.funnel.steps]
        self.setMinimumHeight(max(60, self.ROW * len(self._rows) + 8))
        self.update()

    def rows(self) -> list[tuple[str, int | None, float | None, bool]]:
        """(stage name as shown, people entering, conversion to the next, is the largest drop) for each
        stage."""
        return list(self._rows)

    def paintEvent(self, event) -> None:
        """Translucent bars and the palette's text colours: a stage's name reads as well beside a narrow
        bar as on a wide one, in a light theme and a dark one."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        most = max((entering for _, entering, _, _ in self._rows if entering), default=0)
        width = self.width() - 16
        colours = self.palette()
        ink, muted = colours.color(QPalette.ColorRole.WindowText), colours.color(QPalette.ColorRole.PlaceholderText)
        metrics = self.fontMetrics()
        for i, (name, entering, conversion, drop) in enumerate(self._rows):
            top = 4 + i * self.ROW
            share = (entering or 0) / most if most else 0
            bar = QRectF(8 + width * (1 - share) / 2, top, max(width * share, 2), self.ROW - 12)
            fill = QColor(palette.CURVE)
            fill.setAlphaF(0.4 if entering else 0.15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(ink)
            figure = f" · {_count(entering)}" if entering is not None else " · —"
            room = width - metrics.horizontalAdvance(figure)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + figure
            painter.drawText(QRectF(8, top, width, self.ROW - 12), Qt.AlignmentFlag.AlignCenter, text)
            if conversion is not None:
                painter.setPen(QPen(QColor(palette.KPI_MISSED) if drop else muted))
                painter.drawText(QRectF(8, top + self.ROW - 13, width, 12), Qt.AlignmentFlag.AlignCenter,
                                 f"↓ {_percent(conversion)}")
        painter.end()


def _plain_label(bold: bool = False) -> QLabel:
    """A label that shows its text as written: the sentences here quote the map's names, which must
    never be read as markup (`<img src=…>` would load a file)."""
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = widget.font()
        font.setBold(True)
        widget.setFont(font)
    return widget


def _table() -> QTreeWidget:
    table = QTreeWidget()
    table.setColumnCount(2)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.setMinimumHeight(80)
    table.header().setStretchLastSection(False)
    table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTreeWidget, rows: list[tuple[str, str]], ids: list[str] | None = None) -> None:
    """The rows, which quote the map's names, with bidi controls shown as marks."""
    table.clear()
    for i, (first, second) in enumerate(rows):
        item = QTreeWidgetItem([visible_bidi(first), visible_bidi(second)])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        if ids is not None:
            item.setData(0, Qt.ItemDataRole.UserRole, ids[i])
        table.addTopLevelItem(item)
    table.setMaximumHeight(28 + 22 * max(len(rows), 2))


def _winner(result: AbResult) -> str:
    """The winning variant and its lift (B · +23 %), or why there is none."""
    if result.winner is None:
        return tr("a tie") if result.measure else tr("no winner yet")
    return result.winner if result.lift is None else f"{result.winner} · {lift_text(result.lift, ui_language())}"


def _count(value: int | None) -> str:
    """Figures in the interface's language (10 000 in Russian, 10,000 in English)."""
    return numbers.count(value, ui_language())


def _percent(value: float | None) -> str:
    return numbers.percent(value, ui_language())


def _number(value: float | None) -> str:
    return numbers.decimal(value, ui_language())
