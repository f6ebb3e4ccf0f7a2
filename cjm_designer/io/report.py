"""The map's analytics as a Markdown report, in the map's language: the funnel and where customers
are lost, touchpoints per stage, channels, who is responsible, pain points and missed KPIs. For
people who paste it into a document (`cjm-designer report FILE`)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import JourneyMap, Kpi, numbers
from ..model.ab_test import ab_tests, outcome
from ..model.analytics import Analytics, analyse, shown_names
from ..model.captions import caption
from ..model.plain import visible_controls
from ..model.vocab import CHANNEL_LABELS, OWNER_LABELS, label
from ..model.voting import open_comments, ranked


def report_markdown(doc: JourneyMap) -> str:
    """The report as Markdown text."""
    language, names, titles = shown_names(doc)

    def w(key: str) -> str:
        return caption(key, language)

    data = analyse(doc)
    out = [f"# {w('report')}: {markdown_text(doc.meta.title or w('untitled'))}", ""]
    out += _funnel(data, names, w, language)
    out += [f"## {w('touchpoints')}", "", f"| {w('stage')} | {w('touchpoint_count')} |", "| --- | ---: |"]
    out += [f"| {markdown_text(names[stage_id])} | {count} |" for stage_id, count in data.touchpoints.items()]
    out += [f"| **{w('total')}** | **{data.total_touchpoints}** |", "", w("typical"), ""]
    out += _counts(w("channels"), w("channel"), w("cards"), data.channels, CHANNEL_LABELS, language, w)
    out += _counts(w("owners"), w("owner"), w("cards"), data.owners, OWNER_LABELS, language, w)
    out += [f"## {w('pains')}", ""]
    out += [f"- {markdown_text(titles[card_id])} ({markdown_text(names[stage_id])})"
            for card_id, stage_id in data.pain_points]
    out += [w("none_sentence")] if not data.pain_points else []
    out += ["", f"## {w('kpis')}", ""]
    for stage_id, card_id, kpi in data.kpis_missed:
        where = titles[card_id] if card_id else w("stage_kpi")
        figures = w("kpi_target" if not kpi.lower_is_better else "kpi_limit").format(
            actual=_number(kpi.actual, kpi, language), target=_number(kpi.target, kpi, language))
        name = f"{markdown_text(kpi.name)} — " if kpi.name else ""
        out.append(f"- **{markdown_text(names[stage_id])}** · {markdown_text(where)}: {name}{figures}")
    out += [w("none_sentence")] if not data.kpis_missed else []
    counted = data.kpis_met + len(data.kpis_missed)
    if counted:
        out += ["", w("kpis_met").format(met=data.kpis_met, all=counted)]
    out += _ab_tests(doc, names, w, language)
    out += _votes(doc, titles, w)
    out += _open_comments(doc, names, titles, w)
    return "\n".join(out).rstrip() + "\n"


def _funnel(data: Analytics, names: dict[str, str], w, language: str) -> list[str]:
    out = [f"## {w('funnel')}", ""]
    if all(step.entering is None for step in data.funnel.steps):
        return out + [w("no_funnel_field"), ""]
    out += [f"| {w('stage')} | {w('entering')} | {w('conversion')} | {w('lost')} |", "| --- | ---: | ---: | ---: |"]
    for step in data.funnel.steps:
        mark = f" **← {w('largest_drop')}**" if step.stage_id == data.funnel.largest_drop else ""
        out.append(f"| {markdown_text(names[step.stage_id])} | {numbers.count(step.entering, language)} | "
                   f"{numbers.percent(step.conversion, language)}{mark} | {numbers.count(step.lost, language)} |")
    out.append("")
    if data.funnel.overall is not None:
        out += [w("overall").format(value=numbers.percent(data.funnel.overall, language)) + ".", ""]
    return out


def _ab_tests(doc: JourneyMap, names: dict[str, str], w, language: str) -> list[str]:
    """Each card's variants with their figures, the winner in bold, and the outcome; nothing for a
    map without A/B tests."""
    tests = ab_tests(doc)
    if not tests:
        return []
    out = ["", f"## {w('ab_tests')}", "", w("ab_rule")]
    for card, result in tests:
        out += ["", f"### {markdown_text(card.title or card.id)} ({markdown_text(names[card.stage])})",
                "", f"| {w('variant')} | {w('variant_description')} | {w('clicks')} | {w('conversion_rate')} | "
                f"{w('time_on_site')} |", "| --- | --- | ---: | ---: | ---: |"]
        for variant in card.variants:
            figures = variant.metrics
            name = markdown_text(variant.name)
            out.append(f"| {f'**{name}**' if variant.name == result.winner else name} | "
                       f"{markdown_text(variant.description)} | "
                       f"{numbers.count(figures.clicks if figures else None, language)} | "
                       f"{numbers.per_cent(figures.conversion if figures else None, language)} | "
                       f"{numbers.decimal(figures.time_on_site if figures else None, language)} |")
        named = replace(result, winner=markdown_text(result.winner)) if result.winner else result
        out += ["", outcome(named, language)]  # the sentence's own no-break spaces kept
    return out


def _votes(doc: JourneyMap, titles: dict[str, str], w) -> list[str]:
    """Each dot vote, newest first: its question, date, dots each and how many voted, and the cards it
    ranked; nothing for a map that had no vote."""
    if not doc.votes:
        return []
    out = ["", f"## {w('votes')}"]
    for vote in reversed(doc.votes):
        date = vote.started.astimezone().strftime("%Y-%m-%d %H:%M")
        running = f" ({w('vote_running')})" if vote.ended is None else ""
        out += ["", f"### {markdown_text(vote.name or w('vote_untitled'))}{running}", "",
                w("vote_line").format(date=date, dots=vote.dots, voters=vote.voters), ""]
        rows = ranked(doc, vote)
        if not rows:
            out.append(w("no_dots"))
            continue
        out += [f"| {w('card_column')} | {w('dots')} |", "| --- | ---: |"]
        out += [f"| {markdown_text(titles[row.card_id]) if row.on_map else w('card_removed')} | {row.dots} |"
                for row in rows]
    return out


def _open_comments(doc: JourneyMap, names: dict[str, str], titles: dict[str, str], w) -> list[str]:
    """The comments not resolved, card by card in the map's order; nothing when there are none."""
    cards = [card for card in doc.cards if open_comments(card)]
    if not cards:
        return []
    out = ["", f"## {w('open_comments')}"]
    for card in cards:
        out += ["", f"### {markdown_text(titles[card.id])} ({markdown_text(names[card.stage])})", ""]
        for comment in open_comments(card):
            when = comment.created.astimezone().strftime("%Y-%m-%d %H:%M")
            author = markdown_text(comment.author or w("anonymous"))
            out.append(f"- **{author}**, {when}: {markdown_text(comment.text)}")
    return out


def _counts(heading: str, column: str, cards: str, counts, labels, language: str, w) -> list[str]:
    out = [f"## {heading}", ""]
    if not counts:
        return out + [w("none_sentence"), ""]
    out += [f"| {column} | {cards} |", "| --- | ---: |"]
    out += [f"| {markdown_text(label(labels, key, language))} | {n} |" for key, n in counts.most_common()]
    return out + [""]


# What Markdown (CommonMark and GitHub's tables) or the HTML it lets through would read as markup
# anywhere in a line; and what starts a list when it begins the text of a list item.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
_BLOCK_START = re.compile(r"^(?:([-+])|(\d+)([.)]))")


def markdown_text(text: str) -> str:
    """`text` shown as written in a Markdown heading, table cell or list item: on one line, control
    characters and bidi overrides visible (`\\x00`, `[U+202E]`), and every character Markdown or
    HTML would read as markup escaped, so `<img src=…>` or `|` in a name is text, not an image or a
    new column."""
    shown = _INLINE.sub(r"\\\1", visible_controls(" ".join(str(text).split())))
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", shown)


def _number(value: float | None, kpi: Kpi, language: str) -> str:
    text = numbers.decimal(value, language)
    if value is None:
        return text
    unit = markdown_text(kpi.unit)
    return f"{text}{unit}" if kpi.unit in ("%", "₽", "$", "€") else f"{text} {unit}".rstrip()
