"""A comparison of two maps written out: as text, one line a difference, for a terminal and for
scripts (`cjm-designer diff A B`), and as Markdown, for people who paste it into a document.

Map text is data in both: the text form shows control and bidi characters as visible marks, so no
title can break a line or reorder it; the Markdown form escapes what Markdown would read as markup.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..model import JourneyMap, numbers
from ..model.captions import caption
from ..model.compare import ElementDiff, FieldChange, KpiChange, MapDiff, Status, summary
from ..model.document import ElementKind
from ..model.plain import one_line
from .report import markdown_text

_SIGNS = {Status.ADDED: "+", Status.REMOVED: "-", Status.CHANGED: "~"}
_SECTIONS = ((ElementKind.CARD, "diff_cards_section"), (ElementKind.STAGE, "diff_stages_section"),
             (ElementKind.LANE, "lanes"), (ElementKind.LINK, "links"), (ElementKind.PERSONA, "personas"))
_LISTS = ((Status.ADDED, "diff_added_list"), (Status.REMOVED, "diff_removed_list"),
          (Status.CHANGED, "diff_changed_list"))
VALUE_LIMIT = 80  # characters of a value shown (a photo's data is megabytes of base64)


def diff_text(diff: MapDiff, language: str, before_name: str = "", after_name: str = "") -> str:
    """The summary in `language`, then one line a difference: `+ card “Call” (Research / Touchpoints)`,
    `- …`, `~ card “Call”: title “a” → “b”; kpi.actual 3 → 5`, `→ card “Call” moved from … to …`."""
    out = [f"--- {one_line(before_name, 300)}", f"+++ {one_line(after_name, 300)}"] if before_name else []
    out.append(summary(diff, language))
    if diff.elements:
        out.append("")
    names = _Names(diff, _text_quoted)
    for element in diff.elements:
        if element.status in _SIGNS:
            what = "map" if element.kind == ElementKind.META else f"{element.kind} {names.element(element)}"
            out.append(f"{_SIGNS[element.status]} {what}{_text_details(element)}")
        if element.moved_from is not None:
            out.append(f"→ card {names.card(element.id)} moved from {names.cell(*element.moved_from, before=True)} "
                       f"to {names.cell_of(element.id)}")
    return "\n".join(out) + "\n"


def diff_markdown(diff: MapDiff, language: str, before_name: str = "", after_name: str = "") -> str:
    """The summary as a paragraph, then a section a kind of element (only those that differ), each
    listing the added, removed, changed and moved ones, then the funnel and the KPIs before and after."""

    def w(key: str) -> str:
        return caption(key, language)

    title = diff.after.meta.title or diff.before.meta.title or w("untitled")
    out = [f"# {w('diff_title')}: {markdown_text(title)}", ""]
    if before_name:
        out += [w("diff_maps").format(before=markdown_text(before_name), after=markdown_text(after_name)), ""]
    out += [markdown_text(summary(diff, language)), ""]
    meta = diff.of(ElementKind.META, "")
    if meta is not None:
        out += [f"## {w('diff_meta_section')}", ""]
        out += [f"- {_md_change(change, language)}" for change in meta.fields] + [""]
    names = _Names(diff, lambda text: w("quote").format(quote=one_line(text, VALUE_LIMIT)))
    for kind, heading in _SECTIONS:
        of_kind = [d for d in diff.elements if d.kind == kind]
        if of_kind:
            out += [f"## {w(heading)}", ""] + _md_kind(names, of_kind, language)
    out += _md_funnel(diff, language)
    out += _md_kpis(diff, names, language)
    return "\n".join(out).rstrip() + "\n"


# -- naming elements ------------------------------------------------------------------------------

class _Names:
    """What the elements of both maps are called in a report, looked up by id once (a report of
    thousands of cards would otherwise search the card list for each); `quoted` puts a name in quotes."""

    def __init__(self, diff: MapDiff, quoted: Callable[[str], str]):
        self._maps = {True: _by_id(diff.before), False: _by_id(diff.after)}  # keyed by "in the before map"
        self._removed = {(d.kind, d.id) for d in diff.elements if d.status == Status.REMOVED}
        self.quoted = quoted

    def find(self, kind: ElementKind, element_id: str, before: bool | None = None):
        """The element as it is shown: from the before map when asked for or when it was removed."""
        return self._maps[(kind, element_id) in self._removed if before is None else before][kind][element_id]

    def element(self, element: ElementDiff) -> str:
        """`“Call” (Research / Touchpoints)` for a card, `“calls” (“Call” → “Visit”)` for a link, the
        quoted name of anything else."""
        found = self.find(element.kind, element.id)
        match element.kind:
            case ElementKind.CARD:
                return f"{self.card(element.id)} ({self.cell_of(element.id)})"
            case ElementKind.LINK:
                before = (element.kind, element.id) in self._removed
                ends = f"({self.card(found.source, before)} → {self.card(found.target, before)})"
                return f"{self.quoted(found.label)} {ends}" if found.label else ends
        return self.quoted(found.name)

    def card(self, card_id: str, before: bool | None = None) -> str:
        card = self.find(ElementKind.CARD, card_id, before)
        return self.quoted(card.title) if card.title else card.id

    def cell_of(self, card_id: str) -> str:
        """The cell the card is in: in the after map, or in the before map for a removed card."""
        before = (ElementKind.CARD, card_id) in self._removed
        card = self.find(ElementKind.CARD, card_id, before)
        return self.cell(card.stage, card.lane, before=before)

    def stage_of(self, card_id: str) -> str:
        before = (ElementKind.CARD, card_id) in self._removed
        return one_line(self.find(ElementKind.STAGE, self.find(ElementKind.CARD, card_id, before).stage, before).name,
                        VALUE_LIMIT)

    def cell(self, stage_id: str, lane_id: str, *, before: bool = False) -> str:
        stage, lane = self.find(ElementKind.STAGE, stage_id, before), self.find(ElementKind.LANE, lane_id, before)
        return f"{one_line(stage.name, VALUE_LIMIT)} / {one_line(lane.name, VALUE_LIMIT)}"


def _by_id(doc: JourneyMap) -> dict[ElementKind, dict[str, object]]:
    return {ElementKind.PERSONA: {e.id: e for e in doc.personas}, ElementKind.STAGE: {e.id: e for e in doc.stages},
            ElementKind.LANE: {e.id: e for e in doc.lanes}, ElementKind.CARD: {e.id: e for e in doc.cards},
            ElementKind.LINK: {e.id: e for e in doc.links}}


# -- text -----------------------------------------------------------------------------------------

def _text_quoted(text: str) -> str:
    return f"“{one_line(text, VALUE_LIMIT)}”"


def _text_details(element: ElementDiff) -> str:
    if element.status != Status.CHANGED:
        return ""
    return ": " + "; ".join(f"{c.field} {_text_value(c.before)} → {_text_value(c.after)}" for c in element.fields)


def _text_value(value: object) -> str:
    if value is None:
        return numbers.MISSING
    if isinstance(value, str):
        return _text_quoted(value)
    return one_line(json.dumps(value, ensure_ascii=False), VALUE_LIMIT)


# -- Markdown -------------------------------------------------------------------------------------

def _md_kind(names: _Names, elements: list[ElementDiff], language: str) -> list[str]:
    out = []
    for status, heading in _LISTS:
        listed = [d for d in elements if d.status == status]
        if listed:
            out += [f"### {caption(heading, language)}", ""]
            for element in listed:
                line = f"- {markdown_text(names.element(element))}"
                if status == Status.CHANGED:
                    line += ": " + "; ".join(_md_change(change, language) for change in element.fields)
                out.append(line)
            out.append("")
    moved = [d for d in elements if d.moved_from is not None]
    if moved:
        out += [f"### {caption('diff_moved_list', language)}", ""]
        for element in moved:
            out.append(f"- {markdown_text(names.card(element.id))}: "
                       f"{markdown_text(names.cell(*element.moved_from, before=True))} → "
                       f"{markdown_text(names.cell_of(element.id))}")
        out.append("")
    return out


def _md_change(change: FieldChange, language: str) -> str:
    """`` `kpi.actual` 3 → 5``: the field path is the program's own name, the values the map's text."""
    return f"`{change.field}` {_md_value(change.before, language)} → {_md_value(change.after, language)}"


def _md_value(value: object, language: str) -> str:
    if value is None:
        return numbers.MISSING
    if isinstance(value, str):
        return markdown_text(caption("quote", language).format(quote=one_line(value, VALUE_LIMIT)))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return numbers.decimal(value, language)
    return markdown_text(one_line(json.dumps(value, ensure_ascii=False), VALUE_LIMIT))


def _md_funnel(diff: MapDiff, language: str) -> list[str]:
    """The funnel table, when a figure in it differs: each stage's entering and conversion, before → after."""
    if all((f.entering_before, f.conversion_before) == (f.entering_after, f.conversion_after) for f in diff.stages):
        return []
    out = [f"## {caption('funnel', language)}", "",
           f"| {caption('stage', language)} | {caption('entering', language)} | {caption('conversion', language)} |",
           "| --- | ---: | ---: |"]
    for figures in diff.stages:
        entering = _before_after(numbers.count(figures.entering_before, language),
                                 numbers.count(figures.entering_after, language))
        conversion = _before_after(_per_cent(figures.conversion_before, language),
                                   _per_cent(figures.conversion_after, language))
        out.append(f"| {markdown_text(figures.name)} | {entering} | {conversion} |")
    return out + [""]


def _md_kpis(diff: MapDiff, names: _Names, language: str) -> list[str]:
    if not diff.kpis:
        return []
    out = [f"## {caption('diff_kpis_section', language)}", "",
           f"| KPI | {caption('diff_where', language)} | {caption('diff_attainment', language)} |",
           "| --- | --- | ---: |"]
    for kpi in diff.kpis:
        attained = _before_after(_per_cent(kpi.attainment_before, language), _per_cent(kpi.attainment_after, language))
        out.append(f"| {markdown_text(kpi.name)} | {markdown_text(_kpi_place(names, kpi))} | {attained} |")
    return out + [""]


def _kpi_place(names: _Names, kpi: KpiChange) -> str:
    """The stage a KPI belongs to, or the card and its stage."""
    if kpi.kind == ElementKind.STAGE:
        return one_line(names.find(kpi.kind, kpi.id).name, VALUE_LIMIT)
    return f"{names.card(kpi.id)} ({names.stage_of(kpi.id)})"


def _per_cent(value: float | None, language: str) -> str:
    return numbers.percent(None if value is None else value / 100, language)


def _before_after(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"
