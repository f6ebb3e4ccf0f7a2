"""Hypothesis strategies for valid maps, built through the model's own operations."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from hypothesis import strategies as st

from cjm_designer.model import (
    Card,
    Device,
    JourneyMap,
    Kpi,
    Lane,
    LaneKind,
    Link,
    LinkKind,
    Meta,
    Metrics,
    Persona,
    Photo,
    Stage,
)
from cjm_designer.model.vocab import CHANNEL_LABELS, OWNER_LABELS

# Text as facilitators type it: Cyrillic, Latin, digits, punctuation, emoji, newlines, markup-like.
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
short = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
colors = st.none() | st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)
timestamps = st.none() | st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))

PNG_1PX = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a2a1e3b70000000049454e44ae426082")).decode()


@st.composite
def kpis(draw):
    return Kpi(name=draw(short), target=draw(st.none() | numbers), actual=draw(st.none() | numbers),
               unit=draw(st.sampled_from(["", "%", "₽", "calls"])), lower_is_better=draw(st.booleans()))


@st.composite
def metrics(draw):
    return Metrics(clicks=draw(st.none() | st.integers(0, 10**9)),
                   conversion=draw(st.none() | st.floats(0, 100)),
                   time_on_site=draw(st.none() | st.floats(0, 1e6)))


@st.composite
def personas(draw, pid):
    return Persona(id=pid, name=draw(short), gender=draw(short), age=draw(st.none() | st.integers(0, 150)),
                   geography=draw(short), occupation=draw(short), habits=draw(text), interests=draw(text),
                   goals=draw(text), pains=draw(text), quote=draw(text),
                   photo=draw(st.none() | st.just(Photo(media_type="image/png", data=PNG_1PX))))


@st.composite
def stages(draw, sid):
    return Stage(id=sid, name=draw(short), goal=draw(text), questions=draw(st.lists(short, max_size=3)),
                 business=draw(st.lists(short, max_size=3)), color=draw(colors),
                 width=draw(st.none() | st.floats(40, 10_000)), entering=draw(st.none() | st.integers(0, 10**7)),
                 kpi=draw(st.none() | kpis()))


@st.composite
def lanes(draw, lid):
    return Lane(id=lid, name=draw(short), kind=draw(st.sampled_from(LaneKind)),
                height=draw(st.none() | st.floats(20, 10_000)))


@st.composite
def cards(draw, cid, stage, lane):
    return Card(
        id=cid, stage=stage, lane=lane, title=draw(text), text=draw(text),
        channel=draw(st.sampled_from(["", *CHANNEL_LABELS, "Авито"])),
        device=draw(st.none() | st.sampled_from(Device)),
        owner=draw(st.sampled_from(["", *OWNER_LABELS, "директор"])),
        emotion=draw(st.none() | st.integers(-2, 2)), quality=draw(st.none() | st.integers(1, 5)),
        pain=draw(st.booleans()), kpi=draw(st.none() | kpis()), metrics=draw(st.none() | metrics()),
        tags=draw(st.lists(short, max_size=3)), color=draw(colors), note=draw(text))


@st.composite
def journey_maps(draw, max_cards=12):
    """A valid map of a few stages, lanes, cards (placed at random cells and positions) and links."""
    doc = JourneyMap(meta=Meta(title=draw(text), description=draw(text), author=draw(short),
                               language=draw(st.sampled_from(["ru", "en", "pt-BR"])),
                               created=draw(timestamps), modified=draw(timestamps)))
    for i in range(draw(st.integers(0, 2))):
        doc.add_persona(draw(personas(f"persona-{i}")))
    for i in range(draw(st.integers(0, 4))):
        doc.add_stage(draw(stages(f"stage-{i}")), draw(st.integers(0, len(doc.stages))))
    for i in range(draw(st.integers(0, 4))):
        doc.add_lane(draw(lanes(f"lane-{i}")), draw(st.integers(0, len(doc.lanes))))
    if doc.stages and doc.lanes:
        for i in range(draw(st.integers(0, max_cards))):
            stage, lane = draw(st.sampled_from(doc.stages)), draw(st.sampled_from(doc.lanes))
            doc.add_card(draw(cards(f"card-{i}", stage.id, lane.id)), draw(st.none() | st.integers(0, 3)))
    if len(doc.cards) >= 2:
        for i in range(draw(st.integers(0, 5))):
            source, target = draw(st.lists(st.sampled_from(doc.cards), min_size=2, max_size=2, unique_by=id))
            doc.add_link(Link(id=f"link-{i}", source=source.id, target=target.id,
                              kind=draw(st.sampled_from(LinkKind)), label=draw(short)))
    return doc
