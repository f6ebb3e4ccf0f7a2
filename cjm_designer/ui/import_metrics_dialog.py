"""Map → Import figures…: a Яндекс.Метрика or GA4 report's visits, conversion and time on site onto the
touchpoint cards, as one undo step. The dialog shows before anything changes which cards get which
figures, the report rows and the cards that found no partner, and how ambiguous keys were resolved;
everything from the report and the map is shown as plain text."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..editor import Editor
from ..io import CjmError
from ..io.metrics_report import read_report
from ..io.metrics_summary import figure
from ..model import Metrics
from ..model.captions import map_language
from ..model.document import ElementKind
from ..model.metrics_match import CardMatch, MatchBy, Plan, Report, plan_import
from ..model.plain import one_line
from .messages import plain_tooltip, show_as_problem

CHANGED = QColor("#E3F2E1")  # a figure the import changes, on a light theme
CHANGED_DARK = QColor("#2E4A2C")  # … and on a dark one, where the light green would hide the light text
TITLE_LIMIT = 60
CARD_COLUMN_WIDTH = 320  # a long title is elided, its whole text in the tooltip


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("ImportMetrics", text, None, n)


def _fill(text: str, *values: str) -> str:
    """`text` with %1, %2… made `values` in one pass: a file name or a key holding "%2" stays as written."""
    return re.sub(r"%(\d)", lambda found: values[int(found[1]) - 1], text)


def _item(text: str) -> QTableWidgetItem:
    """A cell of the preview: one line, elided in the column, the whole text in its tooltip."""
    item = QTableWidgetItem(one_line(text, 200))
    item.setToolTip(plain_tooltip(text))
    return item


def _add_line(widget: QListWidget, text: str, whole: str) -> None:
    widget.addItem(text)
    widget.item(widget.count() - 1).setToolTip(plain_tooltip(whole))


def _elided_list() -> QListWidget:
    widget = QListWidget()
    widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the start and the end of an address both tell
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ImportMetricsDialog(QDialog):
    """Choose a report and the card field to match by, look at the preview, import."""

    def __init__(self, parent: QWidget | None, edits: Editor, folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Import figures"))
        self.edits, self.folder = edits, folder
        self.report: Report | None = None
        self.report_name = ""
        self.plan: Plan | None = None

        self.file_field = QLineEdit()
        self.file_field.setReadOnly(True)
        self.file_field.setPlaceholderText(tr("A report exported from Яндекс.Метрика or Google Analytics 4"))
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(choose)
        self.match_field = QComboBox()
        for by, text in ((MatchBy.AUTO, tr("Automatic")), (MatchBy.URL, tr("Page address")),
                         (MatchBy.UTM, tr("UTM tag in the page address")), (MatchBy.TAG, tr("Card tag"))):
            self.match_field.addItem(text, by)
        self.match_field.currentIndexChanged.connect(self._refresh)
        form = QFormLayout()
        form.addRow(tr("Report:"), file_row)
        form.addRow(tr("Match cards by:"), self.match_field)

        self.summary = _plain(tr("Choose a report exported from Яндекс.Метрика or Google Analytics 4: a CSV or "
                                 "Excel file with pages, landing pages or UTM tags and their visits, conversion or "
                                 "time on site. Nothing changes on the map until you press Import, and the data "
                                 "stays on this computer."))
        self.problem = _plain("")
        show_as_problem(self.problem)
        self.problem.hide()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.unmatched_rows = _elided_list()
        self.unmatched_cards = _elided_list()
        self.rows_label = _plain(tr("Report rows that matched no card"))
        self.cards_label = _plain(tr("Cards that matched no row"))
        lists = QHBoxLayout()
        for label, widget in ((self.rows_label, self.unmatched_rows), (self.cards_label, self.unmatched_cards)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(widget)
            lists.addLayout(column)
        self.notes = _plain("")
        self.notes.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.preview = QWidget()  # hidden until a report is read: no empty tables before a file is chosen
        preview = QVBoxLayout(self.preview)
        preview.setContentsMargins(0, 0, 0, 0)
        preview.addWidget(self.table, 3)
        preview.addLayout(lists, 2)
        preview.addWidget(self.notes)
        self.preview.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    # -- the report ---------------------------------------------------------------------------------

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a report"), self.folder,
                                              tr("Analytics reports (*.csv *.tsv *.txt *.xlsx);;All files (*)"))
        if path:
            self.load_report(path)

    def load_report(self, path: str | Path) -> bool:
        """Read the report at `path` and show what importing it would do; False (and why, in the
        dialog) when it cannot be read."""
        path = Path(path)
        self.file_field.setText(str(path))
        self.folder = str(path.parent)
        try:
            self.report = read_report(path, path.name)
        except CjmError as error:
            self.report, self.plan = None, None
            self.problem.setText(one_line(str(error), 400))
            self.problem.show()
            self._show(None)
            return False
        self.report_name = path.name
        self.problem.hide()
        self._refresh()
        return True

    def _refresh(self) -> None:
        if self.report is None:
            return
        self.plan = plan_import(self.edits.doc, self.report, self.match_field.currentData())
        self._show(self.plan)

    # -- the preview -------------------------------------------------------------------------------

    def _show(self, plan: Plan | None) -> None:
        self.table.setRowCount(0)
        self.unmatched_rows.clear()
        self.unmatched_cards.clear()
        self.import_button.setEnabled(bool(plan and plan.changed))
        self.preview.setVisible(plan is not None)
        if plan is None or self.report is None:
            self.summary.hide()
            return
        self.summary.show()
        doc, report = self.edits.doc, self.report
        language = map_language(doc)
        titles = {card.id: one_line(card.title, TITLE_LIMIT) or card.id for card in doc.cards}
        names = {"clicks": tr("Visits"), "conversion": tr("Conversion"), "time_on_site": tr("Time on site")}
        self.table.setColumnCount(2 + len(report.figures))
        self.table.setHorizontalHeaderLabels([tr("Card"), tr("Key")] + [names[f] for f in report.figures])
        matches = plan.changed + [m for m in plan.matched if not m.changed]
        self.table.setRowCount(len(matches))
        whole = {card.id: card.title for card in doc.cards}
        for row, match in enumerate(matches):
            self.table.setItem(row, 0, _item(whole[match.card_id] or match.card_id))
            self.table.setItem(row, 1, _item(match.key))
            for column, name in enumerate(report.figures, start=2):
                self.table.setItem(row, column, self._figure_item(match, name, language))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), CARD_COLUMN_WIDTH))
        for row in plan.unmatched_rows:
            _add_line(self.unmatched_rows, _fill(tr("row %1: %2"), str(row.number), one_line(row.key, 200)), row.key)
        for card_id, key in plan.unmatched_cards:
            _add_line(self.unmatched_cards, f"{titles[card_id]} — {one_line(key, 200)}",
                      f"{whole[card_id] or card_id}\n{key}")
        self.rows_label.setText(tr("Report rows that matched no card: %1").replace("%1", str(len(plan.unmatched_rows))))
        self.cards_label.setText(tr("Cards that matched no row: %1").replace("%1", str(len(plan.unmatched_cards))))
        by = {MatchBy.URL: tr("page address"), MatchBy.UTM: tr("UTM tag"), MatchBy.TAG: tr("tag")}[plan.by]
        read = _fill(tr("%1: %n row(s) by “%2”, cards matched by %3.", len(report.rows)),
                     one_line(self.report_name, 60), one_line(report.key_column, 60), by)
        if report.subtotals:
            read += " " + tr("A tree report: %n subtotal row(s) of upper levels left out, only the deepest rows "
                             "are read.", len(report.subtotals))
        self.summary.setText(f"{read} {self._outcome(plan)}")
        self._show_notes(plan, titles)

    @staticmethod
    def _outcome(plan: Plan) -> str:
        """What Import would do, or why it would do nothing."""
        if not plan.matched:
            return tr("No card matched: choose another field to match by, or give the cards the report's page "
                      "addresses, UTM tags or tags.")
        same = len(plan.matched) - len(plan.changed)
        if not plan.changed:
            return tr("Nothing to import: the %n matched card(s) already have these figures.", same)
        text = tr("Import gives %n card(s) new figures.", len(plan.changed))
        if same:
            text += " " + tr("%n other matched card(s) already have them.", same)
        return text

    def _figure_item(self, match: CardMatch, name: str, language: str) -> QTableWidgetItem:
        before, after = figure(match.before or Metrics(), name, language), figure(match.after, name, language)
        item = QTableWidgetItem(after if before == after else f"{before} → {after}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if before != after:
            base = self.table.palette().color(QPalette.ColorRole.Base)
            item.setBackground(QBrush(CHANGED if base.lightness() >= 128 else CHANGED_DARK))
        return item

    def _show_notes(self, plan: Plan, titles: dict[str, str]) -> None:
        notes = []
        for row, cards in plan.shared_rows[:5]:
            notes.append(_fill(tr("Row %1 (%2) fills several cards, each gets its figures: %3"), str(row.number),
                               one_line(row.key, 80), ", ".join(f"“{titles[c]}”" for c in cards)))
        for match in plan.combined[:5]:
            rows = ", ".join(str(r.number) for r in match.rows)
            notes.append(_fill(tr("%1 matches rows %2: visits are summed, conversion and time on site averaged by "
                                  "visits"), f"“{titles[match.card_id]}”", rows))
        more = len(plan.shared_rows) + len(plan.combined) - len(notes)
        if more > 0:
            notes.append(tr("… and %1 more").replace("%1", str(more)))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    # -- importing ---------------------------------------------------------------------------------

    def accept(self) -> None:
        """The new figures, as one undo step (nothing when nothing changes)."""
        if self.report is not None:  # the map as it is now: a workshop room may have changed it meanwhile
            self.plan = plan_import(self.edits.doc, self.report, self.match_field.currentData())
            self.edits.set_fields(ElementKind.CARD, self.plan.changes(),
                                  tr("Import figures from %1").replace("%1", one_line(self.report_name, 60)))
        super().accept()
