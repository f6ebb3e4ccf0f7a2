"""A form of fields bound to model elements: each editor shows the elements' value (empty where they
differ) and an edit becomes one `Editor.set_fields`: one undo step for all of them.

The Inspector and the Personas panel are built from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ..editor import DocumentSession, Editor
from ..editor.field_paths import value_at
from ..i18n import current_language
from ..model import numbers
from ..model.document import ElementKind

if TYPE_CHECKING:  # loaded with the first colour field: the map's fields, shown first, have none
    from .colour_field import ColourSwatch

MIN_FIELD_CHARS = 18  # narrower fields go under their labels
TEXT_LINES, MAX_TEXT_LINES = 3, 10  # a text box's height, empty and at most
MIXED = object()  # several elements differ in this field, or the field was left without a change


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Inspector", text, None, n)


class Field(NamedTuple):  # a named tuple: a dataclass would cost every start 0.3 ms to make
    """One row of the form: a field (`kpi.target` for a nested one), its label and its editor kind."""

    path: str
    label: str
    kind: str  # line, text, lines, int, float, percent, bool, choice, open_choice, color
    choices: Sequence[tuple[str, object]] = ()
    hint: str = ""  # the empty box's grey text: what goes there, or what an empty one means


class FinishingTextEdit(QPlainTextEdit):
    """A plain-text box that reports when the user leaves it, like QLineEdit's editingFinished, and
    grows with its text from TEXT_LINES to MAX_TEXT_LINES lines: a card's text or a map's description
    reads whole without scrolling in a box of four lines."""

    editingFinished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document().contentsChanged.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        lines = min(max(round(self.document().size().height()), TEXT_LINES), MAX_TEXT_LINES)  # wrapped lines
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2 * round(self.document().documentMargin())
                            + margins + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the text wraps anew
            self.fit_height()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class FieldForm(QWidget):
    """Editors for `fields` of the elements `targets()` returns, of one kind (cards, a stage, a lane, a
    link, a persona or the map's meta); problems go to `error`."""

    def __init__(self, session: DocumentSession, error: QLabel, parent=None):
        super().__init__(parent)
        self.session = session
        self.edits = Editor(session)
        self.error = error
        error.setTextFormat(Qt.TextFormat.PlainText)  # problems quote what was typed
        self.kind = ElementKind.META
        self.fields: list[Field] = []
        self.editors: dict[str, QWidget] = {}
        self.swatches: dict[str, ColourSwatch] = {}  # the colour fields' swatch buttons
        self.targets: Callable[[], list] = list
        self.layout_ = QFormLayout(self)
        # fields take the dock's width, never more; long labels (Russian ones) wrap, see `_fit_rows`
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # rows stay together

    def bind(self, kind: ElementKind, fields: list[Field], targets: Callable[[], list]) -> None:
        """Show `fields` of what `targets()` returns (rebuilding the editors only when they differ)."""
        self.kind, self.targets = kind, targets
        if fields != self.fields:  # (a choice's list may change: the personas')
            while self.layout_.rowCount():
                self.layout_.removeRow(0)
            self.fields, self.editors, self.swatches = fields, {}, {}
            for spec in fields:
                self.editors[spec.path] = editor = self._editor(spec)
                label = QLabel(spec.label)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setBuddy(editor)
                self.layout_.addRow(label, self._colour_row(spec, editor) if spec.kind == "color" else editor)
            self._fit_rows(self.width())
        self.show_values()

    def _editor(self, spec: Field) -> QWidget:
        commit = lambda *_: self._commit(spec)  # noqa: E731
        if spec.kind in ("text", "lines"):
            editor = FinishingTextEdit()
            editor.setTabChangesFocus(True)
            editor.editingFinished.connect(commit)
        elif spec.kind == "bool":
            editor = QCheckBox()
            editor.clicked.connect(commit)
        elif spec.kind in ("choice", "open_choice"):
            editor = QComboBox()
            editor.setEditable(spec.kind == "open_choice")
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(6)  # a long choice is cut, not the dock widened
            for text, value in spec.choices:
                editor.addItem(text, value)
            if spec.kind == "open_choice":
                editor.lineEdit().editingFinished.connect(commit)
            editor.activated.connect(commit)
        else:
            editor = QLineEdit()
            editor.editingFinished.connect(commit)
        editor.setObjectName(spec.path)
        return editor

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows(event.size().width())

    def _fit_rows(self, width: int) -> None:
        """Labels beside their fields while a field keeps room for MIN_FIELD_CHARS characters, else
        each label above its field: a narrow dock still shows whole fields."""
        labels = [self.layout_.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(self.layout_.rowCount())]
        widest = max((item.widget().sizeHint().width() for item in labels if item is not None), default=0)
        margins = self.layout_.contentsMargins()
        room = width - margins.left() - margins.right() - self.layout_.horizontalSpacing() - widest
        side_by_side = room >= MIN_FIELD_CHARS * self.fontMetrics().averageCharWidth()
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows if side_by_side
                                      else QFormLayout.RowWrapPolicy.WrapAllRows)

    def _colour_row(self, spec: Field, editor: QLineEdit) -> QWidget:
        """The hex text box with its swatch button; a colour picked is committed as if typed."""
        from .colour_field import ColourSwatch

        swatch = self.swatches[spec.path] = ColourSwatch(self._map_colours, offered=[c for _, c in spec.choices])
        swatch.setObjectName(spec.path + ".swatch")

        def picked(colour: str | None) -> None:
            editor.setText(colour or "")
            editor.setModified(True)
            self._commit(spec)

        swatch.picked.connect(picked)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(editor, 1)
        box.addWidget(swatch)
        return row

    def _map_colours(self) -> list[str]:
        """The colours the map's stages and cards have, for the swatches' palette."""
        doc = self.session.doc
        return [part.color for part in [*doc.stages, *doc.cards] if part.color]

    def forget_fields(self) -> None:
        """Make the next `bind` build the editors anew: their labels and choices in the current language."""
        self.fields = []

    def show_values(self) -> None:
        targets = self.targets()
        for spec in self.fields:
            editor = self.editors[spec.path]
            values = {repr(value_at(t, spec.path)) for t in targets}
            value = value_at(targets[0], spec.path) if len(values) == 1 and targets else MIXED
            if spec.path in self.swatches:  # the model's colour, even while its text is being typed
                self.swatches[spec.path].show_colour(None if value is MIXED else value)
            if editor.hasFocus() or (isinstance(editor, QComboBox) and editor.lineEdit() is not None
                                     and editor.lineEdit().hasFocus()):
                continue
            editor.blockSignals(True)
            _display(editor, spec, value, several=len(targets) > 1)
            editor.blockSignals(False)

    def _commit(self, spec: Field) -> None:
        editor = self.editors.get(spec.path)
        if editor is None:
            return
        try:
            value = _read(editor, spec)
        except ValueError as problem:
            self.error.setText(f"{spec.label}: {problem}")
            self.show_values()
            return
        if value is MIXED:
            return
        text = tr("Edit %1").replace("%1", spec.label)
        try:
            self.edits.set_fields(self.kind, {getattr(t, "id", ""): {spec.path: value} for t in self.targets()}, text)
        except ValidationError as problem:
            self.error.setText(f"{spec.label}: {problem.errors()[0]['msg']}")
            self.show_values()
            return
        self.error.clear()


def _display(editor: QWidget, spec: Field, value, several: bool) -> None:
    """Show `value` in `editor`: empty for MIXED, with "several values" as its placeholder when `several`
    elements differ (with none bound, as in an empty Personas panel, it stays simply empty)."""
    mixed = value is MIXED
    placeholder = tr("several values") if mixed and several else ""
    if isinstance(editor, QCheckBox):
        editor.setTristate(mixed)
        editor.setCheckState(Qt.CheckState.PartiallyChecked if mixed else
                             Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
    elif isinstance(editor, QComboBox):
        index = -1 if mixed else editor.findData(value)
        if editor.isEditable():
            editor.setCurrentIndex(index)
            editor.setEditText("" if mixed or index >= 0 and not value else
                               editor.itemText(index) if index >= 0 else str(value or ""))
            editor.lineEdit().setPlaceholderText(placeholder)
            editor.lineEdit().setCursorPosition(0)
        else:
            editor.setPlaceholderText(placeholder)  # shown while no choice is current
            editor.setCurrentIndex(index)
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if mixed else "\n".join(value) if spec.kind == "lines" else str(value or ""))
        editor.setPlaceholderText(placeholder)
        editor.document().setModified(False)
    else:
        if mixed:
            text = ""
        elif spec.kind == "tags":
            text = ", ".join(value)
        elif value is None:
            text = ""
        elif spec.kind == "percent":
            text = numbers.per_cent(value, current_language())
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        editor.setText(text)
        editor.setCursorPosition(0)  # a long value shows its start
        editor.setModified(False)
        editor.setPlaceholderText(placeholder or spec.hint)


def _read(editor: QWidget, spec: Field):
    """The editor's value in the model's terms; MIXED when the field was left without a change."""
    if isinstance(editor, QCheckBox):
        state = editor.checkState()
        return MIXED if state == Qt.CheckState.PartiallyChecked else state == Qt.CheckState.Checked
    if isinstance(editor, QComboBox):
        if editor.isEditable():
            text = editor.currentText().strip()
            index = editor.findText(text)
            return editor.itemData(index) if index >= 0 else text
        return MIXED if editor.currentIndex() < 0 else editor.currentData()
    if isinstance(editor, QPlainTextEdit):
        if not editor.document().isModified():
            return MIXED  # left without typing: nothing to change
        text = editor.toPlainText()
    else:
        if not editor.isModified():
            return MIXED
        text = editor.text()
    if spec.kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if spec.kind == "tags":
        return [tag.strip() for tag in text.split(",") if tag.strip()]
    text = text.strip() if spec.kind in ("int", "float", "percent", "color") else text
    if spec.kind in ("int", "float", "percent", "color") and not text:
        return None
    if spec.kind in ("int", "float", "percent"):
        whole = spec.kind == "int"
        try:
            return numbers.parse(text, whole=whole, percent=spec.kind == "percent")
        except numbers.NumberError:
            raise ValueError(tr("a whole number is needed") if whole else tr("a number is needed")) from None
    return text
