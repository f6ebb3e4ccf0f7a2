"""Two maps to compare, for the tests of the comparison view: the bundled window-installation map and
a copy a team edited after a workshop (two cards and a link added, one card deleted, two changed, one
moved, emotions and funnel figures changed)."""

from cjm_designer.io import load
from cjm_designer.model import Card, JourneyMap, Link
from cjm_designer.paths import templates_dir

ADDED = ("card-new-chat", "card-new-photo")
ADDED_LINK = "link-new-chat"  # from the chat to the seller's call back
REMOVED = "card-of-5"  # the seller's call two days after the quotation
CHANGED = ("card-of-1", "card-ct-kpi")  # a title; a KPI's actual figure
MOVED = "card-ms-3"  # from the seller's lane to the buyer's


def demo_map() -> JourneyMap:
    return load(templates_dir() / "window-installation.en.cjm")


def edited_copy(doc: JourneyMap) -> JourneyMap:
    after = doc.model_copy(deep=True)
    after.cards.insert(1, Card(id=ADDED[0], stage="stage-request", lane="lane-buyer",
                               title="Asks in the website chat about delivery"))
    after.cards.append(Card(id=ADDED[1], stage="stage-measurement", lane="lane-seller",
                            title="Sends photos of the measured openings"))
    after.cards = [card for card in after.cards if card.id != REMOVED]
    after.links = [link for link in after.links if REMOVED not in (link.source, link.target)]
    after.links.append(Link(id=ADDED_LINK, source=ADDED[0], target="card-rq-2", kind="message",
                            label="Delivery question"))
    for card in after.cards:
        if card.id == CHANGED[0]:
            card.title = "Sends a quotation with two options and a 3D view"
        elif card.id == CHANGED[1]:
            card.kpi = card.kpi.model_copy(update={"actual": (card.kpi.actual or 0) + 15})
        elif card.id == MOVED:
            card.lane = "lane-buyer"
        elif card.id == "card-of-em":
            card.emotion = 1
        elif card.id == "card-in-em":
            card.emotion = -1
    for stage in after.stages:
        if stage.id == "stage-offer":
            stage.entering = 70
        elif stage.id == "stage-contract":
            stage.entering = 41
    return after
