"""The Inspector's table of a card's A/B variants: name, what differs, clicks, conversion and time on
site, a row a variant, with Add variant and Remove.

Every edit of a cell, every variant added and every removal is one call of the editor's variant
operations (`Editor.set_variant_fields`, `add_variant`, `remove_variants`): one undo step. Figures are
read as the Inspector's fields read them (`numbers.parse`: "10 000", "3,5 %"); the table follows the
model's change notifications.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ..editor import Change, DocumentSession, Editor
from ..i18n import current_language
from ..model import Metrics, ModelError, Variant, numbers
from ..model.document import ElementKind

NAME, DESCRIPTION, CLICKS, CONVERSION, TIME = range(5)
FIGURES = {CLICKS: "metrics.clicks", CONVERSION: "metrics.conversion", TIME: "metrics.time_on_site"}
PATHS = {NAME: "name", DESCRIPTION: "description", **FIGURES}  # column -> the variant's field
MAX_VARIANTS = 26  # as many as Card.variants holds, named A to Z
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # figures line up


def tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


class VariantsTable(QWidget):
    """The variants of the one card `bind` names (hidden for none); problems go to `error`."""

    def __init__(self, session: DocumentSession, error: QLabel, parent=None):
        super().__init__(parent)
        self.session = session
        self.edits = Editor(session)
        self.error = error
        self.card_id: str | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold")
        self.table = QTableWidget(0, len(FIGURES) + 2)
        self.table.setObjectName("variants")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as tall as its rows
        self.table.setWordWrap(False)  # a long description is shortened: a dock is narrow
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)  # as the form's fields
        layout.setContentsMargins(side, 8, side, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        session.changed.connect(self._on_changed)
        self.retranslate()
        self.bind(None)

    def retranslate(self) -> None:
        self.heading.setText(tr("A/B variants"))
        # short headers, the whole names in their tooltips: five columns share a narrow dock
        headers = [(tr("Name"), tr("The variant's short name, e.g. A")), (tr("What differs"), tr("What differs")),
                   (tr("Clicks"), tr("Clicks")), (tr("CR, %"), tr("Conversion, %")),
                   (tr("Time, s"), tr("Time on site, s"))]
        self.table.setHorizontalHeaderLabels([short for short, _ in headers])
        for column, (_, whole) in enumerate(headers):
            self.table.horizontalHeaderItem(column).setToolTip(whole)
        self.add_button.setText(tr("Add variant"))
        self.remove_button.setText(tr("Remove"))

    def bind(self, card_id: str | None) -> None:
        """Show the variants of the card `card_id`; hide for None (no card, or several)."""
        self.card_id = card_id
        self.setVisible(card_id is not None)
        self.show_values()

    def _variants(self) -> list[Variant] | None:
        if self.card_id is None:
            return None
        try:
            return self.session.doc.card(self.card_id).variants
        except ModelError:  # deleted; the Inspector is told of the new selection after this
            return None

    def _on_changed(self, change: Change) -> None:
        if self.card_id is not None and (change.structure or (change.touches(ElementKind.CARD, ("variants",))
                                                              and self.card_id in change.ids)):
            self.show_values()

    def show_values(self) -> None:
        variants = self._variants() or []
        language = current_language()
        # Cells are set through the model, which makes their items itself: items made in Python and
        # deleted by the table when rows go would leave PySide wrappers pointing at freed memory.
        model = self.table.model()
        self.table.blockSignals(True)
        self.table.setRowCount(len(variants))
        for row, variant in enumerate(variants):
            figures = variant.metrics or Metrics()
            texts = {NAME: variant.name, DESCRIPTION: variant.description,
                     CLICKS: "" if figures.clicks is None else str(figures.clicks),
                     CONVERSION: "" if figures.conversion is None else numbers.per_cent(figures.conversion, language),
                     TIME: "" if figures.time_on_site is None else numbers.decimal(figures.time_on_site, "en")}
            for column, text in texts.items():
                index = model.index(row, column)
                model.setData(index, text)
                if column in FIGURES:
                    model.setData(index, RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        self.table.blockSignals(False)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
                                  + sum(self.table.rowHeight(row) for row in range(len(variants))))
        self._enable()

    def _enable(self) -> None:
        count = len(self._variants() or [])
        self.add_button.setEnabled(count < MAX_VARIANTS)
        self.remove_button.setEnabled(bool(self._selected_rows()))

    def _selected_rows(self) -> set[int]:
        return {index.row() for index in self.table.selectionModel().selectedRows()}

    def _edited(self, item) -> None:
        """A cell typed in: the variant with that field, or the problem shown and the cell as it was."""
        row, column = item.row(), item.column()
        if row >= len(self._variants() or []):
            return
        try:
            value = _value(column, item.text().strip())
        except ValueError as problem:
            self._refuse(problem)
            return
        self._commit(lambda: self.edits.set_variant_fields(self.card_id, row, {PATHS[column]: value},
                                                           tr("Edit A/B variants")))

    def _add(self) -> None:
        self._commit(lambda: self.edits.add_variant(self.card_id, tr("Add variant")) is not None)

    def _remove(self) -> None:
        rows = self._selected_rows()
        self._commit(lambda: self.edits.remove_variants(self.card_id, rows, tr("Remove variant")))

    def _commit(self, edit: Callable[[], bool]) -> None:
        """Do `edit`, which says whether it changed the card, showing a problem it raises."""
        try:
            changed = edit()
        except ValidationError as problem:
            self._refuse(problem)
            return
        self.error.clear()
        if not changed:
            self.show_values()  # a figure typed as it was, in another form ("10 000" for 10000)

    def _refuse(self, problem: Exception) -> None:
        message = problem.errors()[0]["msg"] if isinstance(problem, ValidationError) else str(problem)
        self.error.setText(f"{tr('A/B variants')}: {message}")
        self.show_values()


def _value(column: int, text: str) -> str | float | int | None:
    """What `text` typed into a cell of `column` sets: the text itself, or a figure parsed (None for blank)."""
    if column not in FIGURES:
        return text
    try:
        return numbers.parse(text, whole=column == CLICKS, percent=column == CONVERSION)
    except numbers.NumberError:
        raise ValueError(tr("a whole number is needed") if column == CLICKS else tr("a number is needed")) from None
