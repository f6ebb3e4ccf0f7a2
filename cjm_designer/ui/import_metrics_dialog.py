"""Map → Import figures…: a Яндекс.Метрика or GA4 report's visits, conversion and time on site onto the
touchpoint cards, as one undo step. The dialog shows before anything changes which cards get which
figures, the report rows and the cards that found no partner, and how ambiguous keys were resolved;
everything from the report and the map is shown as plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
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

CHANGED = QColor("#E3F2E1")  # a figure the import changes
TITLE_LIMIT = 60


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportMetrics", text)


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

        self.summary = _plain(tr("Choose a report: a CSV or Excel file with pages, landing pages or UTM tags and "
                                 "their visits, conversion or time on site. The data stays on this computer."))
        self.problem = _plain("")
        self.problem.setStyleSheet("color: #C62828")
        self.problem.hide()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.unmatched_rows = QListWidget()
        self.unmatched_cards = QListWidget()
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

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 3)
        layout.addLayout(lists, 2)
        layout.addWidget(self.notes)
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
        if plan is None or self.report is None:
            self.notes.hide()
            return
        doc, report = self.edits.doc, self.report
        language = map_language(doc)
        titles = {card.id: one_line(card.title, TITLE_LIMIT) or card.id for card in doc.cards}
        names = {"clicks": tr("Visits"), "conversion": tr("Conversion"), "time_on_site": tr("Time on site")}
        self.table.setColumnCount(2 + len(report.figures))
        self.table.setHorizontalHeaderLabels([tr("Card"), tr("Key")] + [names[f] for f in report.figures])
        matches = plan.changed + [m for m in plan.matched if not m.changed]
        self.table.setRowCount(len(matches))
        for row, match in enumerate(matches):
            self.table.setItem(row, 0, QTableWidgetItem(titles[match.card_id]))
            self.table.setItem(row, 1, QTableWidgetItem(one_line(match.key, 200)))
            for column, name in enumerate(report.figures, start=2):
                self.table.setItem(row, column, self._figure_item(match, name, language))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        for row in plan.unmatched_rows:
            self.unmatched_rows.addItem(tr("row %1: %2").replace("%1", str(row.number))
                                        .replace("%2", one_line(row.key, 200)))
        for card_id, key in plan.unmatched_cards:
            self.unmatched_cards.addItem(f"{titles[card_id]} — {one_line(key, 200)}")
        self.rows_label.setText(tr("Report rows that matched no card: %1").replace("%1", str(len(plan.unmatched_rows))))
        self.cards_label.setText(tr("Cards that matched no row: %1").replace("%1", str(len(plan.unmatched_cards))))
        by = {MatchBy.URL: tr("page address"), MatchBy.UTM: tr("UTM tag"), MatchBy.TAG: tr("tag")}[plan.by]
        self.summary.setText(tr("%1: key column “%3”, rows: %2; cards matched by %4. Cards with new figures: %5, "
                                "unchanged: %6.").replace("%1", self.report_name).replace("%2", str(len(report.rows)))
                             .replace("%3", one_line(report.key_column, 60)).replace("%4", by)
                             .replace("%5", str(len(plan.changed)))
                             .replace("%6", str(len(plan.matched) - len(plan.changed))))
        self._show_notes(plan, titles)

    def _figure_item(self, match: CardMatch, name: str, language: str) -> QTableWidgetItem:
        before, after = figure(match.before or Metrics(), name, language), figure(match.after, name, language)
        item = QTableWidgetItem(after if before == after else f"{before} → {after}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if before != after:
            item.setBackground(QBrush(CHANGED))
        return item

    def _show_notes(self, plan: Plan, titles: dict[str, str]) -> None:
        notes = []
        for row, cards in plan.shared_rows[:5]:
            notes.append(tr("Row %1 (%2) fills several cards, each gets its figures: %3")
                         .replace("%1", str(row.number)).replace("%2", one_line(row.key, 80))
                         .replace("%3", ", ".join(f"“{titles[c]}”" for c in cards)))
        for match in plan.combined[:5]:
            notes.append(tr("%1 matches rows %2: visits are summed, conversion and time on site averaged by visits")
                         .replace("%1", f"“{titles[match.card_id]}”")
                         .replace("%2", ", ".join(str(r.number) for r in match.rows)))
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
