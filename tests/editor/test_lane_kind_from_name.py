"""A lane named like a kind gets that kind (issue 13): on adding it, and on renaming it while its
kind is the one its name gave it; a kind the user chose stays. Each is one undo step."""

import pytest

from cjm_designer.editor import DocumentSession, Editor
from cjm_designer.io import dumps
from cjm_designer.model import JourneyMap, Lane, LaneKind, Stage
from cjm_designer.model.document import ElementKind
from cjm_designer.model.vocab import LANE_KIND_LABELS, lane_kind_named


@pytest.fixture
def session(qapp):
    doc = JourneyMap()
    doc.add_stage(Stage(id="s0", name="Осознание"))
    doc.add_lane(Lane(id="new", name="Новая дорожка", kind=LaneKind.TOUCHPOINTS))
    doc.add_lane(Lane(id="chosen", name="Разное", kind=LaneKind.OPPORTUNITIES))
    return DocumentSession(doc)


@pytest.fixture
def edits(session):
    return Editor(session)


def rename(edits, lane_id, name):
    return edits.set_fields(ElementKind.LANE, {lane_id: {"name": name}}, "Rename lane")


@pytest.mark.parametrize("name, kind", [
    ("Действия покупателя", LaneKind.BUYER_ACTIONS), ("  buyer   ACTIONS ", LaneKind.BUYER_ACTIONS),
    ("Боли", LaneKind.PAIN_POINTS), ("болевые точки", LaneKind.PAIN_POINTS), ("Pain points", LaneKind.PAIN_POINTS),
    ("Эмоции", LaneKind.EMOTIONS), ("EMOTIONS", LaneKind.EMOTIONS), ("Touchpoints", LaneKind.TOUCHPOINTS),
    ("Точки контакта", LaneKind.TOUCHPOINTS), ("Возможности", LaneKind.OPPORTUNITIES), ("kpi", LaneKind.KPIS),
    ("KPIs", LaneKind.KPIS), ("Emotions 😊", None), ("Эмоции клиента", None), ("", None),
])
def test_the_kind_a_name_says(name, kind):
    assert lane_kind_named(name) == kind


def test_every_label_in_both_languages_names_its_kind():
    for kind, labels in LANE_KIND_LABELS.items():
        assert {lane_kind_named(text.upper()) for text in labels.values()} == {kind}


def test_a_new_lane_takes_the_kind_its_name_says_unless_given_one(session, edits):
    emotions = edits.add_lane(None, " Эмоции ")
    plain = edits.add_lane(None, "Новая дорожка")
    given = edits.add_lane(0, "Боли", LaneKind.TEXT)
    doc = session.doc
    assert doc.lane(emotions).kind == LaneKind.EMOTIONS and doc.lane(plain).kind == LaneKind.TOUCHPOINTS
    assert doc.lane(given).kind == LaneKind.TEXT


def test_renaming_a_lane_to_a_kind_sets_the_kind_in_one_undo_step(session, edits):
    before = dumps(session.doc)
    assert rename(edits, "new", "Боли")
    lane = session.doc.lane("new")
    assert (lane.name, lane.kind) == ("Боли", LaneKind.PAIN_POINTS)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert dumps(session.doc) == before
    session.undo_stack.redo()
    assert rename(edits, "new", "Emotions")  # its kind came from its name: the new name's follows
    assert session.doc.lane("new").kind == LaneKind.EMOTIONS
    assert rename(edits, "new", "Чувства")  # a name that says no kind leaves the kind
    assert session.doc.lane("new").kind == LaneKind.EMOTIONS


def test_a_kind_the_user_chose_stays_on_rename(session, edits):
    assert rename(edits, "chosen", "Эмоции")
    assert session.doc.lane("chosen").kind == LaneKind.OPPORTUNITIES
    edits.set_fields(ElementKind.LANE, {"new": {"kind": LaneKind.KPIS}})
    assert rename(edits, "new", "Боли")
    assert session.doc.lane("new").kind == LaneKind.KPIS
    assert edits.set_fields(ElementKind.LANE, {"new": {"name": "Эмоции", "kind": LaneKind.TEXT}})
    assert session.doc.lane("new").kind == LaneKind.TEXT  # both given: the kind given wins
