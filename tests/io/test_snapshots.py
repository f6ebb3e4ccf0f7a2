"""Snapshots in a .cjm file: taking one gives back the identical map, a damaged one is reported by
its name while the map and the other snapshots open, and what did not change is written back as it was."""

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings

from cjm_designer.io import CjmError, InvalidFormatError, cjm, dumps, load, loads, save
from cjm_designer.io import snapshots as snapshots_io
from cjm_designer.io.cjm import map_body
from cjm_designer.io.snapshots import (
    damaged_snapshots,
    snapshot_author,
    snapshot_into_file,
    snapshot_map,
    take_snapshot,
)
from cjm_designer.model import JourneyMap, Meta
from cjm_designer.paths import templates_dir
from tests.strategies import journey_maps

TEMPLATES = sorted(templates_dir().glob("*.cjm"))
NOW = datetime(2026, 12, 2, 22, 40, tzinfo=timezone(timedelta(hours=3)))


def with_snapshots(doc: JourneyMap, *names: str) -> JourneyMap:
    for name in names:
        doc.add_snapshot(take_snapshot(doc, name, "Анна", NOW))
    return doc


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_a_snapshot_gives_back_the_identical_map(path: Path):
    doc = load(path)
    before = dumps(doc)
    snapshot = take_snapshot(doc, "Как есть", "Анна", NOW, note="до воркшопа")
    assert dumps(doc) == before  # taking one changes nothing
    assert snapshot.id.startswith("snapshot-") and snapshot.id not in doc.ids()
    assert snapshot.map == map_body(doc) and set(snapshot.map) == {"meta", "personas", "stages", "lanes", "cards",
                                                                   "links"}
    doc.add_snapshot(snapshot)
    raw = dumps(doc)
    reread = loads(raw, "map.cjm")
    assert dumps(reread) == raw
    assert dumps(snapshot_map(reread.snapshots[0], "map.cjm")) == before
    assert damaged_snapshots(reread, "map.cjm") == {}


@given(journey_maps())
@settings(max_examples=80)
def test_any_map_comes_back_from_its_snapshot(doc):
    before = dumps(doc)
    with_snapshots(doc, "A")
    kept = snapshot_map(loads(dumps(doc)).snapshots[0], "m.cjm")
    assert dumps(kept) == before and kept == loads(before)


def test_the_snapshot_list_is_written_after_the_map_and_survives_a_round_trip():
    doc = with_snapshots(load(TEMPLATES[0]), "A", "B")
    data = json.loads(dumps(doc))
    assert list(data) == ["format", "version", "meta", "personas", "stages", "lanes", "cards", "links", "snapshots"]
    assert [s["name"] for s in data["snapshots"]] == ["A", "B"]
    assert data["snapshots"][0]["created"] == "2026-12-02T22:40:00+03:00" and data["snapshots"][0]["author"] == "Анна"


def damaged_file() -> bytes:
    """A map with two snapshots, the first ("As-is") naming a stage that does not exist."""
    doc = with_snapshots(load(templates_dir() / "three-stages.en.cjm"), "As-is", "After workshop")
    data = json.loads(dumps(doc))
    data["snapshots"][0]["map"]["cards"][3]["stage"] = "nowhere"
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def test_a_damaged_snapshot_is_reported_by_name_and_the_rest_opens():
    raw = damaged_file()
    doc = loads(raw, "map.cjm")  # the map itself opens
    damaged = damaged_snapshots(doc, "map.cjm")
    assert list(damaged) == [doc.snapshots[0].id]
    assert str(damaged[doc.snapshots[0].id]) == "map.cjm@As-is: cards[3].stage: there is no stage with the id 'nowhere'"
    assert len(snapshot_map(doc.snapshots[1], "map.cjm").cards) == len(doc.cards)


def test_a_damaged_snapshot_is_written_back_unchanged(tmp_path):
    raw = damaged_file()
    assert dumps(loads(raw)) == raw
    path = tmp_path / "map.cjm"
    path.write_bytes(raw)
    doc = load(path)
    doc.meta.title = "Renamed"
    save(doc, path)
    again = json.loads(path.read_bytes())
    assert again["snapshots"] == json.loads(raw)["snapshots"] and again["meta"]["title"] == "Renamed"


@pytest.mark.parametrize("change, where, what", [
    (lambda m: m.update(snapshots=[]), "snapshots", "is not a known field of a snapshot's map"),
    (lambda m: m["meta"].update(title="я" * 300), "meta.title", "at most 200 characters"),
    (lambda m: m["cards"][0].pop("lane"), "cards[0].lane", "is required"),
    (lambda m: m["links"].append(dict(m["links"][0])), "links[3].id", "is already used at links[0].id"),
])
def test_a_snapshot_map_gets_every_check_a_file_gets(change, where, what):
    doc = with_snapshots(load(templates_dir() / "three-stages.ru.cjm"), "Как есть")
    change(doc.snapshots[0].map)
    with pytest.raises(InvalidFormatError) as refused:
        snapshot_map(doc.snapshots[0], "карта.cjm")
    assert str(refused.value).startswith(f"карта.cjm@Как есть: {where}: ") and what in str(refused.value)


def test_list_limits_apply_to_a_snapshot_map(monkeypatch):
    doc = with_snapshots(load(TEMPLATES[0]), "A")
    monkeypatch.setitem(cjm.LIST_LIMITS, "stages", 1)
    with pytest.raises(InvalidFormatError, match=r"^m\.cjm@A: stages: has \d+ elements, at most 1 are allowed$"):
        snapshot_map(doc.snapshots[0], "m.cjm")


def test_the_canonical_bytes_do_not_change_when_no_snapshot_changed(tmp_path):
    path = tmp_path / "map.cjm"
    save(with_snapshots(load(TEMPLATES[-1]), "A", "B"), path)
    raw = path.read_bytes()
    save(load(path), path)
    assert path.read_bytes() == raw


def test_snapshot_into_file_keeps_a_backup_and_refuses_a_name_taken(tmp_path):
    path = tmp_path / "map.cjm"
    save(load(templates_dir() / "three-stages.en.cjm"), path)
    original = path.read_bytes()
    doc = snapshot_into_file(path, "As-is", NOW, note="before")
    assert (tmp_path / "map.cjm~").read_bytes() == original
    assert [(s.name, s.note) for s in load(path).snapshots] == [("As-is", "before")] == [
        (s.name, s.note) for s in doc.snapshots]
    saved = path.read_bytes()
    with pytest.raises(CjmError) as refused:
        snapshot_into_file(path, "As-is", NOW)
    assert str(refused.value) == f"{path}: a snapshot named “As-is” is already kept in this map"
    assert path.read_bytes() == saved


def test_the_author_is_the_maps_else_the_user_logged_in(monkeypatch):
    assert snapshot_author(JourneyMap(meta=Meta(author="Анна"))) == "Анна"
    monkeypatch.setattr(snapshots_io.getpass, "getuser", lambda: "anna")
    assert snapshot_author(JourneyMap()) == "anna"

    def nobody():
        raise OSError("no user name")

    monkeypatch.setattr(snapshots_io.getpass, "getuser", nobody)
    assert snapshot_author(JourneyMap()) == ""


def test_a_version_1_file_opens_with_no_snapshots():
    doc = load(Path(__file__).parent / "data" / "version1.three-stages.ru.cjm")
    assert doc.snapshots == [] and json.loads(dumps(doc))["snapshots"] == []
    assert take_snapshot(doc, "A", "", datetime.now(UTC)).map == map_body(doc)


@pytest.mark.parametrize("depth, refused", [(40, False), (300, True), (900, True)])
def test_a_snapshot_map_nested_too_deep_is_refused_before_it_could_fail_to_be_written(depth, refused):
    doc = with_snapshots(load(TEMPLATES[0]), "A")
    data = json.loads(dumps(doc))
    data["snapshots"][0]["map"]["extra"] = json.loads("[" * depth + "]" * depth)
    raw = json.dumps(data).encode()
    if refused:
        with pytest.raises(InvalidFormatError) as error:
            loads(raw, "map.cjm")
        assert str(error.value) == f"map.cjm: snapshots: nested more than {cjm.MAX_FREE_DEPTH} levels deep"
    else:
        reread = loads(raw, "map.cjm")
        assert json.loads(dumps(reread))["snapshots"][0]["map"]["extra"] == data["snapshots"][0]["map"]["extra"]
        assert "extra" in str(damaged_snapshots(reread, "map.cjm")[reread.snapshots[0].id])


def test_a_number_too_large_in_a_snapshot_map_is_refused_rather_than_written_as_infinity():
    data = json.loads(dumps(with_snapshots(load(TEMPLATES[0]), "A")))
    data["snapshots"][0]["map"]["extra"] = 0
    raw = json.dumps(data).replace('"extra": 0', '"extra": [1e400]').encode()
    with pytest.raises(InvalidFormatError, match=r"^map\.cjm: snapshots: holds a number too large to be written back"):
        loads(raw, "map.cjm")


def header_damaged_file() -> tuple[bytes, dict]:
    """A map with four snapshots: "As-is" fine; the second named with 300 characters; the third taken "yesterday"
    (not a date); the fourth a number, not a snapshot at all."""
    doc = with_snapshots(load(templates_dir() / "three-stages.en.cjm"), "As-is", "Long", "Yesterday")
    data = json.loads(dumps(doc))
    data["snapshots"][1]["name"] = "N" * 300
    data["snapshots"][2]["created"] = "yesterday"
    data["snapshots"].append(7)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode(), data


def test_a_snapshot_whose_own_fields_are_damaged_is_named_by_position_or_name_and_the_rest_opens():
    raw, data = header_damaged_file()
    doc = loads(raw, "map.cjm")
    assert dumps(doc.model_copy(update={"snapshots": []})) == dumps(loads(raw).model_copy(update={"snapshots": []}))
    assert [s.name for s in doc.snapshots] == ["As-is", "#2", "Yesterday", "#4"]
    assert len(snapshot_map(doc.snapshots[0], "map.cjm").cards) == len(doc.cards)
    damaged = [str(error) for error in damaged_snapshots(doc, "map.cjm").values()]
    assert damaged == [f"map.cjm@#2: name: string should have at most 200 characters (found \"{'N' * 36}...)",
                       "map.cjm@Yesterday: created: must be an ISO 8601 date and time with a time zone, such as "
                       "2026-11-26T09:30:00+03:00 (found \"yesterday\")",
                       "map.cjm@#4: input should be a valid dictionary or instance of Snapshot (found 7)"]
    assert [s.id for s in doc.snapshots[1:3]] == [s["id"] for s in data["snapshots"][1:3]]  # what can be read
    assert doc.snapshots[3].id.startswith("snapshot-") and doc.snapshots[3].created.year == 1970


def test_a_snapshot_whose_own_fields_are_damaged_is_written_back_byte_for_byte(tmp_path):
    raw, data = header_damaged_file()
    assert dumps(loads(raw)) == raw
    path = tmp_path / "map.cjm"
    path.write_bytes(raw)
    doc = load(path)
    doc.meta.title = "Renamed"
    doc.add_snapshot(take_snapshot(doc, "After", "Oleg", NOW))
    save(doc, path)
    again = json.loads(path.read_bytes())
    assert again["snapshots"][:4] == data["snapshots"] and again["snapshots"][4]["name"] == "After"
    assert [s.id for s in load(path).snapshots[:4]] == [s.id for s in doc.snapshots[:4]]  # the same in every copy


@pytest.mark.parametrize("change, where", [
    (lambda s, data: s.update(id=data["cards"][0]["id"]), "id: the id "),  # an id a card has
    (lambda s, data: s.update(note=["not", "text"]), "note: "),
    (lambda s, data: s.update(map=[]), "map: "),
    (lambda s, data: s["map"].update({"damaged snapshot": 1}), 'map["damaged snapshot"]: '),
    (lambda s, data: s.update(colour="red"), "colour: is not a known field here"),
])
def test_any_damage_to_a_snapshots_own_fields_leaves_the_map_opening(change, where):
    doc = with_snapshots(load(templates_dir() / "three-stages.ru.cjm"), "Как есть")
    data = json.loads(dumps(doc))
    change(data["snapshots"][0], data)
    raw = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    opened = loads(raw, "карта.cjm")
    assert len(opened.cards) == len(doc.cards) and dumps(opened) == raw
    assert snapshots_io.is_stand_in(opened.snapshots[0])
    with pytest.raises(InvalidFormatError) as refused:
        snapshot_map(opened.snapshots[0], "карта.cjm")
    assert str(refused.value).startswith(f"карта.cjm@Как есть: {where}")


def test_a_merge_keeps_a_snapshot_whose_own_fields_are_damaged_once_and_as_it_was():
    from cjm_designer.model.merge import merge

    raw, data = header_damaged_file()
    base, ours, theirs = loads(raw), loads(raw), loads(raw)
    ours.meta.title = "Ours"
    theirs.snapshots = theirs.snapshots[:3]  # theirs deleted the fourth
    merged = json.loads(dumps(merge(base, ours, theirs).doc))
    assert merged["snapshots"] == data["snapshots"][:3] and merged["meta"]["title"] == "Ours"
