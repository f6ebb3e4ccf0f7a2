"""A map's structure alone: what a workshop starts from. A template brings example content (cards,
links, a persona, funnel figures and KPI values) that would end up in the client's PDF; the
structure keeps only the stages (names, goals, questions, what the business does, colours and
widths) and the lanes (names, kinds, heights)."""

from __future__ import annotations

from .document import JourneyMap


def structure_only(doc: JourneyMap) -> JourneyMap:
    """A copy of `doc` with its stages and lanes and none of its cards, links, personas, stage
    entering figures or KPIs; `doc` is left as it is."""
    stages = [stage.model_copy(update={"entering": None, "kpi": None}, deep=True) for stage in doc.stages]
    lanes = [lane.model_copy(deep=True) for lane in doc.lanes]
    return doc.model_copy(update={"meta": doc.meta.model_copy(), "personas": [], "stages": stages,
                                  "lanes": lanes, "cards": [], "links": []})
