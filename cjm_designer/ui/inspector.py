"""The Inspector: every field of what is selected (cards, a stage, a lane, a link, or the map itself).

Several selected cards are edited together: a field whose values differ shows empty, and a value
typed there goes to all of them in one undo step. Every edit is an undo command; the form follows
the model's change notifications.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..canvas import MapScene
from ..canvas.items import HeaderItem, LinkItem
from ..canvas.texts import ui_language
from ..editor import SetFields
from ..model import Device, Kpi, LaneKind, LinkKind, Metrics
from ..model.vocab import (
    CHANNEL_LABELS,
    DEVICE_LABELS,
    LANE_KIND_LABELS,
    LINK_KIND_LABELS,
    OWNER_LABELS,
    label,
)

MIXED = object()  # several selected elements differ in this field


def tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


@dataclass
class Field:
    """One row of the form: a field (`kpi.target` for a nested one), its label and its editor kind."""

    path: str
    label: str
    kind: str  # line, text, lines, int, float, bool, choice, open_choice, color
    choices: list[tuple[str, object]] = field(default_factory=list)


def card_fields() -> list[Field]:
    lang = ui_language()
    return [
        Field("title", tr("Title"), "line"),
        Field("text", tr("Text"), "text"),
        Field("channel", tr("Channel"), "open_choice", [(label(CHANNEL_LABELS, k, lang), k) for k in CHANNEL_LABELS]),
        Field("device", tr("Device"), "choice", [("—", None)] + [(label(DEVICE_LABELS, d, lang), d) for d in Device]),
        Field("owner", tr("Responsible"), "open_choice", [(label(OWNER_LABELS, k, lang), k) for k in OWNER_LABELS]),
        Field("emotion", tr("Emotion"), "choice",
              [("—", None)] + [(f"{v:+d}" if v else "0", v) for v in (2, 1, 0, -1, -2)]),
        Field("quality", tr("Contact quality"), "choice", [("—", None)] + [(str(v), v) for v in range(1, 6)]),
        Field("pain", tr("Pain point"), "bool"),
        Field("kpi.name", tr("KPI"), "line"),
        Field("kpi.target", tr("KPI target"), "float"),
        Field("kpi.actual", tr("KPI actual"), "float"),
        Field("kpi.unit", tr("KPI unit"), "line"),
        Field("metrics.clicks", tr("Clicks"), "int"),
        Field("metrics.conversion", tr("Conversion, %"), "float"),
        Field("metrics.time_on_site", tr("Time on site, s"), "float"),
        Field("tags", tr("Tags"), "tags"),
        Field("color", tr("Colour"), "color"),
        Field("note", tr("Note"), "text"),
    ]


def stage_fields() -> list[Field]:
    return [
        Field("name", tr("Name"), "line"),
        Field("goal", tr("Customer goal"), "text"),
        Field("questions", tr("Customer questions"), "lines"),
        Field("business", tr("What the business does"), "lines"),
        Field("entering", tr("People entering"), "int"),
        Field("kpi.name", tr("KPI"), "line"),
        Field("kpi.target", tr("KPI target"), "float"),
        Field("kpi.actual", tr("KPI actual"), "float"),
        Field("kpi.unit", tr("KPI unit"), "line"),
        Field("color", tr("Colour"), "color"),
        Field("width", tr("Minimum width"), "float"),
    ]


def lane_fields() -> list[Field]:
    lang = ui_language()
    return [
        Field("name", tr("Name"), "line"),
        Field("kind", tr("Kind"), "choice", [(label(LANE_KIND_LABELS, k, lang), k) for k in LaneKind]),
        Field("height", tr("Minimum height"), "float"),
    ]


def link_fields() -> list[Field]:
    lang = ui_language()
    return [
        Field("label", tr("Label"), "line"),
        Field("kind", tr("Kind"), "choice", [(label(LINK_KIND_LABELS, k, lang), k) for k in LinkKind]),
    ]


def meta_fields() -> list[Field]:
    return [
        Field("title", tr("Map title"), "line"),
        Field("description", tr("Description"), "text"),
        Field("author", tr("Author"), "line"),
        Field("language", tr("Language of the map"), "choice", [("Русский", "ru"), ("English", "en")]),
    ]


class FinishingTextEdit(QPlainTextEdit):
    """A plain-text box that reports when the user leaves it, like QLineEdit's editingFinished."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class Inspector(QWidget):
    def __init__(self, scene: MapScene, parent=None):
        super().__init__(parent)
        self.scene = scene
        self.session = scene.session
        self.kind = ""
        self.ids: list[str] = []
        self.fields: list[Field] = []
        self.editors: dict[str, QWidget] = {}
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold")
        self.error = QLabel()
        self.error.setStyleSheet("color: #C62828")
        self.error.setWordWrap(True)
        self.form_widget = QWidget()
        host = QWidget()
        self.host_layout = QVBoxLayout(host)
        self.host_layout.addWidget(self.form_widget)
        self.host_layout.addStretch()  # rows stay together at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        scene.selectionChanged.connect(self.follow_selection)
        self.session.changed.connect(lambda _change: self.show_values())
        self.follow_selection()

    # -- what is shown --------------------------------------------------------------------------

    def follow_selection(self) -> None:
        if not shiboken6.isValid(self.scene):  # a scene being destroyed still reports its selection
            return
        items = self.scene.selectedItems()
        cards = self.scene.selected_card_ids()
        if cards:
            kind, ids, fields = "card", cards, card_fields()
            heading = tr("Card") if len(cards) == 1 else tr("%n cards").replace("%n", str(len(cards)))
        elif len(items) == 1 and isinstance(items[0], HeaderItem):
            kind = "stage" if items[0].is_stage() else "lane"
            ids, fields = [items[0].element_id], stage_fields() if kind == "stage" else lane_fields()
            heading = tr("Stage") if kind == "stage" else tr("Lane")
        elif len(items) == 1 and isinstance(items[0], LinkItem):
            kind, ids, fields, heading = "link", [items[0].link_id], link_fields(), tr("Link")
        else:
            kind, ids, fields, heading = "meta", [""], meta_fields(), tr("Map")
        self.heading.setText(heading)
        self.error.clear()
        if (kind, [f.path for f in fields]) != (self.kind, [f.path for f in self.fields]):
            self._build(fields)
        self.kind, self.ids = kind, ids
        self.show_values()

    def _build(self, fields: list[Field]) -> None:
        self.fields = fields
        self.editors = {}
        old, self.form_widget = self.form_widget, QWidget()
        self.host_layout.replaceWidget(old, self.form_widget)
        old.hide()
        old.deleteLater()
        form = QFormLayout(self.form_widget)
        for spec in fields:
            editor = self._editor(spec)
            self.editors[spec.path] = editor
            form.addRow(spec.label, editor)

    def _editor(self, spec: Field) -> QWidget:
        commit = lambda *_: self._commit(spec)  # noqa: E731
        if spec.kind in ("text", "lines"):
            editor = FinishingTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(70)
            editor.editingFinished.connect(commit)
        elif spec.kind == "bool":
            editor = QCheckBox()
            editor.clicked.connect(commit)
        elif spec.kind in ("choice", "open_choice"):
            editor = QComboBox()
            editor.setEditable(spec.kind == "open_choice")
            for text, value in spec.choices:
                editor.addItem(text, value)
            if spec.kind == "open_choice":
                editor.lineEdit().editingFinished.connect(commit)
            editor.activated.connect(commit)
        else:
            editor = QLineEdit()
            if spec.kind == "color":
                editor.setPlaceholderText("#rrggbb")
            editor.editingFinished.connect(commit)
        editor.setObjectName(spec.path)
        return editor

    def targets(self) -> list:
        doc = self.session.doc
        if self.kind == "meta":
            return [doc.meta]
        getter = getattr(doc, self.kind)
        return [getter(i) for i in self.ids if i in doc.ids()] if self.kind != "card" else [
            doc.card(i) for i in self.ids if i in self.scene.layout.cards]

    def show_values(self) -> None:
        targets = self.targets()
        for spec in self.fields:
            editor = self.editors[spec.path]
            if editor.hasFocus() or (isinstance(editor, QComboBox) and editor.lineEdit() is not None
                                     and editor.lineEdit().hasFocus()):
                continue
            values = {repr(_get(t, spec.path)) for t in targets}
            value = _get(targets[0], spec.path) if len(values) == 1 and targets else MIXED
            editor.blockSignals(True)
            _display(editor, spec, value)
            editor.blockSignals(False)

    # -- edits ----------------------------------------------------------------------------------

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
        stack = self.session.undo_stack
        text = tr("Edit %1").replace("%1", spec.label)
        try:
            changes = [(t, _changed(t, spec.path, value)) for t in self.targets()]
            commands = [SetFields(self.session, self.kind, getattr(t, "id", ""), c, text=text)
                        for t, c in changes if c is not None]
        except ValidationError as problem:
            self.error.setText(f"{spec.label}: {problem.errors()[0]['msg']}")
            self.show_values()
            return
        self.error.clear()
        if not commands:
            return
        if len(commands) > 1:
            stack.beginMacro(text)
        for command in commands:
            self.session.push(command)
        if len(commands) > 1:
            stack.endMacro()


def _get(element, path: str):
    top, _, inner = path.partition(".")
    value = getattr(element, top)
    if inner:
        return getattr(value, inner) if value is not None else None
    return value


def _changed(element, path: str, value) -> dict | None:
    """The SetFields changes that give `element` the value at `path`, or None if it has it already."""
    top, _, inner = path.partition(".")
    current = getattr(element, top)
    if inner:
        empty = Kpi() if top == "kpi" else Metrics()
        new = type(empty).model_validate({**(current or empty).model_dump(), inner: value})
        new = None if new == empty else new
        return None if new == current else {top: new}
    return None if value == current else {top: value}


def _display(editor: QWidget, spec: Field, value) -> None:
    mixed = value is MIXED
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
            editor.lineEdit().setPlaceholderText(tr("several values") if mixed else "")
        else:
            editor.setCurrentIndex(index)
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if mixed else "\n".join(value) if spec.kind == "lines" else str(value or ""))
        editor.setPlaceholderText(tr("several values") if mixed else "")
        editor.document().setModified(False)
    else:
        if mixed:
            text = ""
        elif spec.kind == "tags":
            text = ", ".join(value)
        elif value is None:
            text = ""
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        editor.setText(text)
        editor.setModified(False)
        editor.setPlaceholderText(tr("several values") if mixed else "")


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
    text = text.strip() if spec.kind in ("int", "float", "color") else text
    if spec.kind in ("int", "float", "color") and not text:
        return None
    if spec.kind == "int":
        try:
            return int(text.replace(" ", ""))
        except ValueError:
            raise ValueError(tr("a whole number is needed")) from None
    if spec.kind == "float":
        try:
            return float(text.replace(",", ".").replace(" ", ""))
        except ValueError:
            raise ValueError(tr("a number is needed")) from None
    return text
