"""The report lists the map's dot votes (question, date, dots each, who voted, the cards by dots) and the
comments still open, card by card; all map text written literally."""

from datetime import UTC, datetime

from cjm_designer.io.report import report_markdown
from cjm_designer.model import Card, Comment, JourneyMap, Lane, Stage, Vote

NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def workshop_map() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s", name="Choice"))
    doc.add_lane(Lane(id="pains", name="Pains", kind="pain_points"))
    doc.add_card(Card(id="a", stage="s", lane="pains", title="Slow | answer", comments=[
        Comment(id="1", author="<b>Anna</b>", text="Seen in *calls*", created=NOW),
        Comment(id="2", author="Oleg", text="Fixed already", created=NOW, resolved=True)]))
    doc.add_card(Card(id="b", stage="s", lane="pains", title="Price unclear"))
    doc.add_vote(Vote(id="v1", name="First", lanes=["pains"], dots=3, started=NOW, ended=NOW, voters=4,
                      counts={"b": 5, "a": 7, "gone": 2}))
    doc.add_vote(Vote(id="v2", lanes=["pains"], dots=2, started=NOW, voters=0))
    return doc


def test_votes_are_listed_newest_first_with_the_cards_by_dots():
    text = report_markdown(workshop_map())
    date = NOW.astimezone().strftime("%Y-%m-%d %H:%M")
    votes = text[text.index("## Dot votes"):text.index("## Open comments")]
    assert votes.index("### Dot vote (running)") < votes.index("### First")
    assert f"{date} · 3 dots each · 4 voted" in votes
    assert "No dots." in votes
    assert "| Slow \\| answer | 7 |\n| Price unclear | 5 |\n| (card removed) | 2 |" in votes


def test_open_comments_are_listed_resolved_ones_are_not():
    text = report_markdown(workshop_map())
    comments = text[text.index("## Open comments"):]
    assert "### Slow \\| answer (Choice)" in comments
    assert "- **\\<b\\>Anna\\</b\\>**" in comments and "Seen in \\*calls\\*" in comments
    assert "Fixed already" not in comments


def test_a_map_without_votes_or_comments_has_no_such_sections():
    doc = workshop_map()
    doc.votes = []
    doc.card("a").comments = []
    text = report_markdown(doc)
    assert "## Dot votes" not in text and "## Open comments" not in text
