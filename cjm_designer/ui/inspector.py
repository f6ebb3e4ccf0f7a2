"""The Inspector: every field of what is selected (cards, a stage, a lane, a link, or the map itself).

Several selected cards are edited together: a field whose values differ shows empty, and a value
typed there goes to all of them in one undo step. Every edit is an undo command; the form follows
the model's change notifications.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..canvas import MapScene
from ..canvas.items import HeaderItem, LinkItem
from ..canvas.texts import ui_language
from ..editor import Change
from ..model import Device, LaneKind, LinkKind, Persona
from ..model.document import ElementKind
from ..model.plain import visible_bidi
from ..model.vocab import (
    CHANNEL_LABELS,
    DEVICE_LABELS,
    LANE_KIND_LABELS,
    LINK_KIND_LABELS,
    OWNER_LABELS,
    label,
)
from .field_form import Field, FieldForm, tr
from .messages import show_as_problem

if TYPE_CHECKING:
    from .variants_table import VariantsTable


def card_fields(personas: Sequence[Persona] = ()) -> list[Field]:
    """The cards' fields; with `personas` (for points of an emotion curve), whose emotion it is."""
    lang = ui_language()
    names = [(visible_bidi(persona.name), persona.id) for persona in personas]
    whose = [Field("persona", tr("Persona"), "choice", [("—", None)] + names)]
    return [
        Field("title", tr("Title"), "line"),
        Field("text", tr("Text"), "text"),
        Field("channel", tr("Channel"), "open_choice", [(label(CHANNEL_LABELS, k, lang), k) for k in CHANNEL_LABELS]),
        Field("device", tr("Device"), "choice", [("—", None)] + [(label(DEVICE_LABELS, d, lang), d) for d in Device]),
        Field("owner", tr("Responsible"), "open_choice", [(label(OWNER_LABELS, k, lang), k) for k in OWNER_LABELS]),
        Field("emotion", tr("Emotion"), "choice",
              [("—", None)] + [(f"{v:+d}" if v else "0", v) for v in (2, 1, 0, -1, -2)]),
        *(whose if personas else []),
        Field("quality", tr("Contact quality"), "choice", [("—", None)] + [(str(v), v) for v in range(1, 6)]),
        Field("pain", tr("Pain point"), "bool"),
        Field("kpi.name", tr("KPI"), "line"),
        Field("kpi.target", tr("KPI target"), "float"),
        Field("kpi.actual", tr("KPI actual"), "float"),
        Field("kpi.unit", tr("KPI unit"), "line"),
        Field("kpi.lower_is_better", tr("KPI: lower is better"), "bool"),
        Field("metrics.clicks", tr("Clicks"), "int"),
        Field("metrics.conversion", tr("Conversion, %"), "percent"),
        Field("metrics.time_on_site", tr("Time on site, s"), "float"),
        Field("tags", tr("Tags"), "tags", hint=tr("comma-separated")),
        Field("color", tr("Colour"), "color", hint="#rrggbb"),
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
        Field("kpi.lower_is_better", tr("KPI: lower is better"), "bool"),
        Field("color", tr("Colour"), "color", hint="#rrggbb"),
        Field("width", tr("Minimum width"), "float", hint=tr("automatic")),
    ]


def lane_fields() -> list[Field]:
    lang = ui_language()
    return [
        Field("name", tr("Name"), "line"),
        Field("kind", tr("Kind"), "choice", [(label(LANE_KIND_LABELS, k, lang), k) for k in LaneKind]),
        Field("height", tr("Minimum height"), "float", hint=tr("automatic")),
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


class Inspector(QWidget):
    def __init__(self, scene: MapScene, parent=None):
        super().__init__(parent)
        self.scene = scene
        self.session = scene.session
        self.heading = QLabel()
        bold = self.heading.font()  # a bold font, not a style sheet: one costs the start about 1 ms
        bold.setBold(True)
        self.heading.setFont(bold)
        self.error = QLabel()
        show_as_problem(self.error)
        self.error.setWordWrap(True)
        self.form = FieldForm(self.session, self.error)
        host = QWidget()
        host_layout = QVBoxLayout(host)
        host_layout.setContentsMargins(0, 0, 0, 0)  # the form's own margins are enough in a narrow dock
        host_layout.addWidget(self.form)
        self._host_layout = host_layout
        self._variants: VariantsTable | None = None  # one card's A/B variants, made when a card is first shown
        host_layout.addStretch()  # rows stay together at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        scene.selectionChanged.connect(self.follow_selection)
        self.shown: tuple[ElementKind, frozenset[str]] = (ElementKind.META, frozenset())  # what the form shows
        self.session.changed.connect(self._on_changed)
        self.follow_selection()

    def _on_changed(self, change: Change) -> None:
        """The form shows the values again when the change may have touched what it shows."""
        kind, ids = self.shown
        if kind == ElementKind.CARD and (change.structure or change.touches(ElementKind.PERSONA)):
            self.follow_selection()  # the persona choice may come, go or have other names
            return
        if change.structure or (change.touches(kind) and (kind == ElementKind.META or not change.ids.isdisjoint(ids))):
            self.form.show_values()

    @property
    def editors(self):
        return self.form.editors

    @property
    def variants(self) -> VariantsTable:
        """The table of the card's A/B variants under the form, made when first needed: the first frame
        shows none, and its table and QStyle's enums cost the start about 9 ms."""
        if self._variants is None:
            from .variants_table import VariantsTable

            self._variants = VariantsTable(self.session, self.error)
            self._host_layout.insertWidget(self._host_layout.indexOf(self.form) + 1, self._variants)
        return self._variants

    def retranslate(self) -> None:
        """The heading, labels and choices again, in the language now installed."""
        self.form.forget_fields()
        if self._variants is not None:
            self._variants.retranslate()
        self.follow_selection()

    def follow_selection(self) -> None:
        if not shiboken6.isValid(self.scene):  # a scene being destroyed still reports its selection
            return
        doc = self.session.doc
        items = self.scene.selectedItems()
        cards = self.scene.selected_card_ids()
        if cards:
            heading = tr("Card") if len(cards) == 1 else tr("%n cards", len(cards))
            layout = self.scene.layout
            points = all(layout.lanes[layout.cards[i].lane_id].kind == LaneKind.EMOTIONS for i in cards
                         if i in layout.cards)
            kind, fields, ids = ElementKind.CARD, card_fields(doc.personas if points else []), cards
            targets = lambda: list(doc.elements(  # noqa: E731
                ElementKind.CARD, [i for i in cards if i in self.scene.layout.cards]).values())
        elif len(items) == 1 and isinstance(items[0], HeaderItem):
            kind = ElementKind.STAGE if items[0].is_stage() else ElementKind.LANE
            heading = tr("Stage") if kind == ElementKind.STAGE else tr("Lane")
            fields = stage_fields() if kind == ElementKind.STAGE else lane_fields()
            element_id = items[0].element_id
            ids = [element_id]
            targets = lambda: [e for e in doc.parts(kind) if e.id == element_id]  # noqa: E731
        elif len(items) == 1 and isinstance(items[0], LinkItem):
            kind, heading, fields, link_id = ElementKind.LINK, tr("Link"), link_fields(), items[0].link_id
            ids = [link_id]
            targets = lambda: [k for k in doc.links if k.id == link_id]  # noqa: E731
        else:
            kind, heading, fields, ids = ElementKind.META, tr("Map"), meta_fields(), []
            targets = lambda: [doc.meta]  # noqa: E731
        self.heading.setText(heading)
        self.error.clear()
        self.shown = (kind, frozenset(ids))
        self.form.bind(kind, fields, targets)
        card_id = ids[0] if kind == ElementKind.CARD and len(ids) == 1 else None
        if card_id is not None or self._variants is not None:
            self.variants.bind(card_id)
