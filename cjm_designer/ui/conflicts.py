"""Map → Conflicts: the conflicts a merge left in the map (model/merge.py), each with both sides'
values, settled one by one or all at once with Keep ours / Keep theirs (each click one undo step).
The status bar's notice that opens it is ui/conflicts_notice.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..canvas.conflict_marks import conflict_text, shown_value
from ..editor import Change, DocumentSession, Editor
from ..model import Conflict, JourneyMap, ModelError
from ..model.plain import one_line
from .messages import plain_tooltip, warning
from .retranslated import Retranslated

SHORT = 40  # characters of a value in the list; the tooltip holds it whole
WHOLE = 2000
NAME_FIELDS = {"title", "name"}  # what the rows quote of an element: a card's title, another's name


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Conflicts", text, None, n)


def element_name(doc: JourneyMap, conflict: Conflict) -> str:
    """The element in conflict as the user knows it: its kind and its title or name."""
    kinds = {"meta": tr("Map"), "persona": tr("Persona"), "stage": tr("Stage"), "lane": tr("Lane"),
             "card": tr("Card"), "link": tr("Link")}
    match conflict.kind:
        case "meta":
            return kinds["meta"]
        case "card":
            name = doc.card(conflict.element).title
        case "link":
            link = doc.link(conflict.element)
            name = f"{doc.card(link.source).title} → {doc.card(link.target).title}"
        case _:
            name = {"persona": doc.persona, "stage": doc.stage, "lane": doc.lane}[conflict.kind](conflict.element).name
    return f"{kinds[conflict.kind]} “{one_line(name, 60) or conflict.element}”"


class ConflictsDialog(Retranslated, QDialog):
    """The list, beside the map: it follows every change of the map, undo included."""

    cardChosen = Signal(str)  # a double-click on a card's conflict: show the card

    def __init__(self, session: DocumentSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.edits = Editor(session)
        self.shown: list[str] = []  # the conflict ids of the rows
        self.named: set[str] = set()  # the ids of the elements whose names the rows quote
        self.stale = False  # the rows are not the map's: make them again when shown
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(self._show_element)
        self.table.itemSelectionChanged.connect(self._enable)
        self.keep_ours, self.keep_theirs = QPushButton(), QPushButton()
        self.all_ours, self.all_theirs = QPushButton(), QPushButton()
        self.close_button = QPushButton()
        self.keep_ours.clicked.connect(lambda: self._settle(self._selected(), "ours"))
        self.keep_theirs.clicked.connect(lambda: self._settle(self._selected(), "theirs"))
        self.all_ours.clicked.connect(lambda: self._settle(list(self.shown), "ours"))
        self.all_theirs.clicked.connect(lambda: self._settle(list(self.shown), "theirs"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.keep_ours, self.keep_theirs):
            buttons.addWidget(button)
        buttons.addStretch()
        for button in (self.all_ours, self.all_theirs, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(820, 420)
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Conflicts"))
        self.table.setHorizontalHeaderLabels([tr("Element"), tr("Field"), tr("Ours"), tr("Theirs")])
        for button, text in ((self.keep_ours, tr("Keep &ours")), (self.keep_theirs, tr("Keep &theirs")),
                             (self.all_ours, tr("All as o&urs")), (self.all_theirs, tr("All as t&heirs")),
                             (self.close_button, tr("Close"))):
            button.setText(text)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _on_changed(self, change: Change) -> None:
        """The list again when the change may alter it: conflicts settled or back (a change of structure)
        or an element it names renamed. The window keeps the dialog when closed; closed, it only notes
        that its list is stale and makes it again when shown."""
        listed = change.structure and bool(self.shown or self.session.doc.conflicts)  # empty stays empty
        renamed = not change.ids.isdisjoint(self.named) and (not change.fields or bool(change.fields & NAME_FIELDS))
        if not (listed or renamed):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def refresh(self) -> None:
        doc = self.session.doc
        selected = set(self._selected())
        self.stale = False
        self.shown = [c.id for c in doc.conflicts]
        self.named = {c.element for c in doc.conflicts if c.element}
        for conflict in doc.conflicts:
            if conflict.kind == "link":  # named by its cards' titles
                link = doc.link(conflict.element)
                self.named |= {link.source, link.target}
        self.table.setRowCount(len(doc.conflicts))
        for row, conflict in enumerate(doc.conflicts):
            if conflict.removed_by:
                kept = "theirs" if conflict.removed_by == "ours" else "ours"
                field, ours, theirs = tr("(the whole element)"), *(
                    (tr("removed"), tr("changed")) if kept == "theirs" else (tr("changed"), tr("removed")))
                ours_tip, theirs_tip = ours, theirs
            else:
                field = conflict.field
                ours, theirs = shown_value(conflict.ours, SHORT), shown_value(conflict.theirs, SHORT)
                ours_tip, theirs_tip = shown_value(conflict.ours, WHOLE), shown_value(conflict.theirs, WHOLE)
            name = element_name(doc, conflict)
            for column, (text, tip) in enumerate(((name, name), (field, conflict_text(conflict, WHOLE)),
                                                  (ours, ours_tip), (theirs, theirs_tip))):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(tip))
                self.table.setItem(row, column, item)
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, conflict_id in enumerate(self.shown):  # as it was: not selectRow, which Ctrl held would toggle
            if conflict_id in selected:
                self.table.selectionModel().select(self.table.model().index(row, 0), flags)
        count = len(doc.conflicts)
        self.summary.setText(tr("%n conflicts from a merge. The map holds our value; keep theirs where it is "
                                "the right one.", n=count) if count else tr("No conflicts left."))
        for button in (self.all_ours, self.all_theirs):
            button.setEnabled(bool(count))
        self._enable()

    def _enable(self) -> None:
        chosen = bool(self._selected())
        self.keep_ours.setEnabled(chosen)
        self.keep_theirs.setEnabled(chosen)

    def _selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    def _settle(self, conflict_ids: list[str], keep: str) -> None:
        if not conflict_ids:
            return
        text = tr("Keep ours") if keep == "ours" else tr("Keep theirs")
        try:
            self.edits.resolve_conflicts(conflict_ids, keep, text)
        except (ModelError, ValueError) as problem:  # a value naming what the map no longer has
            warning(self, tr("Conflicts"), tr("This value cannot be kept: %1").replace("%1", str(problem)))

    def _show_element(self, item: QTableWidgetItem) -> None:
        conflict = self.session.doc.conflict(self.shown[item.row()])
        if conflict.kind == "card":
            self.cardChosen.emit(conflict.element)

