"""Workshop → Start dot vote… through its dialog, the room's ballots showing live on the Votes dock and
on the cards, End vote, and past votes with their dates."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cjm_designer.model import Card, JourneyMap, Lane, Stage
from cjm_designer.ui import vote_dialog
from cjm_designer.ui.vote_dialog import VoteDialog


def workshop_map() -> JourneyMap:
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Выбор"))
    doc.add_lane(Lane(id="buyer", name="Покупатель", kind="buyer_actions"))
    doc.add_lane(Lane(id="pains", name="Боли", kind="pain_points"))
    doc.add_lane(Lane(id="ideas", name="Возможности", kind="opportunities"))
    doc.add_lane(Lane(id="mood", name="Эмоции", kind="emotions"))
    for card_id, lane, title in (("p1", "pains", "Долго ждать замерщика"), ("p2", "pains", "Непонятная цена"),
                                 ("i1", "ideas", "Онлайн-калькулятор"), ("b1", "buyer", "Ищет окна")):
        doc.add_card(Card(id=card_id, stage="s0", lane=lane, title=title))
    return doc


def show(window, name: str):
    dock = next(d for d in window.docks if d.objectName() == f"dock-{name}")
    dock.show()
    dock.raise_()
    QApplication.processEvents()
    return dock.content()


def lanes_checked(dialog: VoteDialog) -> dict[str, bool]:
    items = (dialog.lanes.item(row) for row in range(dialog.lanes.count()))
    return {item.text(): item.checkState() == Qt.CheckState.Checked for item in items}


def test_the_dialog_checks_pains_and_opportunities_and_needs_a_lane(qapp):
    dialog = VoteDialog(workshop_map())
    assert lanes_checked(dialog) == {"Покупатель": False, "Боли": True, "Возможности": True}  # no emotions
    assert dialog.dots() == 3 and dialog.ends() is None
    dialog.limited.setChecked(True)
    dialog.minutes.setValue(7)
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    assert dialog.ends(now) == now + timedelta(minutes=7)
    for row in range(dialog.lanes.count()):
        dialog.lanes.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.buttons.buttons()[0].isEnabled()


def test_a_vote_started_through_the_dialog_ranks_cards_live_and_ends(open_window, monkeypatch):
    window = open_window(workshop_map())

    def answer(dialog):
        dialog.name_edit.setText("Что болит сильнее?")
        dialog.dots_box.setValue(5)
        dialog.limited.setChecked(True)
        return True

    monkeypatch.setattr(vote_dialog.VoteDialog, "exec", answer)
    assert window.voting.start_action.isEnabled() and not window.voting.end_action.isEnabled()
    window.voting.start_action.trigger()
    [vote] = window.session.doc.votes
    assert (vote.name, vote.lanes, vote.dots, vote.ended) == ("Что болит сильнее?", ["pains", "ideas"], 5, None)
    assert vote.ends is not None
    assert not window.voting.start_action.isEnabled() and window.voting.end_action.isEnabled()
    panel = window.votes
    QApplication.processEvents()
    assert panel.isVisible()
    assert "Что болит сильнее?" in panel.status.text() and "0 voted" in panel.status.text()
    assert panel.ranking.topLevelItem(0).text(0) == "No dots yet"

    untouched = window.scene.layout.cards["b1"]
    window.scene.edits.set_vote_counts(vote.id, {"p2": 6, "p1": 2, "i1": 6}, 3)  # as the room's bridge does
    assert window.scene.layout.cards["b1"] is untouched  # only the cards whose dots moved are laid out again
    ranking = [(panel.ranking.topLevelItem(k).text(0), panel.ranking.topLevelItem(k).text(1))
               for k in range(panel.ranking.topLevelItemCount())]
    assert ranking == [("Непонятная цена", "6"), ("Онлайн-калькулятор", "6"), ("Долго ждать замерщика", "2")]
    tip = panel.ranking.topLevelItem(0).toolTip(0)  # the dock is narrow: the whole title, and where it is
    assert "Непонятная цена" in tip and window.session.doc.stage(window.session.doc.card("p2").stage).name in tip
    assert "3 voted" in panel.status.text() and "left" in panel.status.text()
    dots = next(m for m in window.scene.layout.cards["p2"].markers if m.kind == "votes")
    assert dots.text == "6"
    assert window.session.undo_stack.count() == 1  # ballots are no undo steps

    panel.ranking.itemClicked.emit(panel.ranking.topLevelItem(2), 0)
    assert window.scene.selected_card_ids() == ["p1"]

    window.voting.end_action.trigger()
    assert vote.ended is not None and panel.status.text() == "No vote is running."
    assert window.voting.start_action.isEnabled()
    assert panel.votes.topLevelItemCount() == 1
    row = panel.votes.topLevelItem(0)
    assert (row.text(0), row.text(1), row.text(2)) == (
        "Что болит сильнее?", vote.started.astimezone().strftime("%Y-%m-%d %H:%M"), "3")
    window.session.undo_stack.undo()  # the end undone: the vote runs again
    assert panel.status.text().startswith("Voting:") and window.voting.end_action.isEnabled()


def test_a_new_vote_is_chosen_and_a_past_one_can_be_looked_at(open_window):
    window = open_window(workshop_map())
    edits = window.scene.edits
    first = edits.start_vote("Первое", ["pains"], 3)
    edits.set_vote_counts(first, {"p1": 3}, 1)
    edits.end_vote(first)
    panel = show(window, "votes")
    second = edits.start_vote("Второе", ["ideas"], 3)
    edits.set_vote_counts(second, {"i1": 2}, 1)
    assert panel.chosen().id == second
    assert [panel.votes.topLevelItem(k).text(0) for k in range(2)] == ["Второе", "Первое"]
    panel.votes.setCurrentItem(panel.votes.topLevelItem(1))
    assert panel.ranking.topLevelItem(0).text(0) == "Долго ждать замерщика"
    assert "votes" not in {m.kind for m in window.scene.layout.cards["p1"].markers}  # cards show the latest vote


def test_with_no_vote_the_dock_says_what_a_dot_vote_is_and_how_to_start_one(open_window):
    window = open_window(workshop_map())
    panel = show(window, "votes")
    assert panel.empty_note.isVisible() and not panel.votes.isVisible() and not panel.ranking.isVisible()
    assert "dot vote" in panel.empty_note.text() and "Workshop → Start dot vote…" in panel.empty_note.text()
    window.scene.edits.start_vote("Первое", ["pains"], 3)
    assert not panel.empty_note.isVisible() and panel.votes.isVisible() and panel.ranking.isVisible()
    window.session.undo_stack.undo()
    assert not window.session.doc.votes and panel.empty_note.isVisible()
