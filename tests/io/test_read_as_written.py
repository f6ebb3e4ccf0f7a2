"""A map in the form this program writes is read in one pass (io.cjm._read_as_written), and that pass
accepts exactly the files the full reading accepts, as the same map; anything else is left to the full
reading, which refuses it with the same message as ever."""

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_designer.io import CjmError, cjm, dumps, loads
from cjm_designer.model import (
    Card,
    Comment,
    InboxCard,
    JourneyMap,
    Kpi,
    Lane,
    Link,
    Meta,
    Metrics,
    Persona,
    Photo,
    Stage,
    Variant,
    Vote,
)
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from tests.strategies import PNG_1PX, journey_maps

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


def every_kind_of_object() -> JourneyMap:
    """A map with an object of every kind a file holds (but snapshots and conflicts, read the full way)."""
    return JourneyMap(
        meta=Meta(title="Все объекты", language="ru", created=NOW, modified=NOW),
        personas=[Persona(id="p1", name="Анна, 34", age=34, photo=Photo(media_type="image/png", data=PNG_1PX))],
        stages=[Stage(id="s1", name="Поиск", questions=["Где купить?"], kpi=Kpi(name="CR", target=5.0, unit="%")),
                Stage(id="s2", name="Покупка")],
        lanes=[Lane(id="l1", name="Действия"), Lane(id="l2", name="Боли", kind="pain_points")],
        cards=[Card(id="c1", stage="s1", lane="l1", title="Ищет", tags=["seo"], kpi=Kpi(name="CTR", actual=2.5),
                    metrics=Metrics(clicks=120, conversion=3.5),
                    variants=[Variant(name="A", metrics=Metrics(clicks=60)), Variant(name="B")],
                    comments=[Comment(id="m1", author="Олег", text="Часто", created=NOW)]),
               Card(id="c2", stage="s2", lane="l2", title="Дорого", pain=True, persona="p1")],
        links=[Link(id="k1", source="c1", target="c2", label="звонок")],
        inbox=[InboxCard(id="i1", stage="s1", lane="l1", title="Долго ждать", author="Ира", received=NOW)],
        votes=[Vote(id="v1", name="Что болит?", lanes=["l2"], dots=3, started=NOW, voters=2,
                    counts={"c2": 4, "c1": 1})],
    )


AS_WRITTEN = dumps(every_kind_of_object())


def full_reading(raw: bytes) -> JourneyMap | CjmError:
    try:
        return cjm._read_fully(raw, "map.cjm")
    except CjmError as error:
        return error


def assert_read_alike(raw: bytes) -> None:
    """The one pass reads `raw` as the full reading does, or leaves it to the full reading."""
    quick, full = cjm._read_as_written(raw), full_reading(raw)
    if quick is not None:
        assert isinstance(full, JourneyMap), full
        assert quick == full
        assert quick.model_dump(exclude_unset=True) == full.model_dump(exclude_unset=True)  # the same fields set


def with_line_twice(raw: bytes, line: str) -> bytes:
    """`raw` with one of its lines, a key and its value, written a second time just before it."""
    line = line.encode()
    assert raw.count(b"\n" + line + b"\n") == 1
    return raw.replace(b"\n" + line + b"\n", b"\n" + line.removesuffix(b",") + b",\n" + line + b"\n")


@pytest.mark.parametrize("path", sorted(templates_dir().glob("*.cjm")), ids=lambda p: p.name)
def test_every_template_is_read_in_one_pass(path):
    raw = path.read_bytes()
    quick = cjm._read_as_written(raw)
    assert quick is not None
    assert quick == full_reading(raw)
    assert dumps(quick) == raw


def test_a_map_with_every_kind_of_object_is_read_in_one_pass_as_the_same_map():
    quick = cjm._read_as_written(AS_WRITTEN)
    assert quick == every_kind_of_object()
    assert quick.model_dump(exclude_unset=True) == full_reading(AS_WRITTEN).model_dump(exclude_unset=True)
    assert dumps(quick) == AS_WRITTEN


def test_a_large_generated_map_is_read_in_one_pass():
    raw = dumps(generate_map(600))
    assert cjm._read_as_written(raw) == full_reading(raw)


@pytest.mark.parametrize("line", [
    '  "version": 3,', '  "snapshots": [],', '    "title": "Все объекты",', '      "age": 34',
    '        "media_type": "image/png",', '        "target": 5.0,', '      "title": "Ищет",', '        "actual": 2.5',
    '        "clicks": 120,', '            "clicks": 60', '          "name": "B"', '          "author": "Олег",',
    '      "source": "c1",', '      "author": "Ира",', '        "c2": 4,', '      "dots": 3,',
], ids=str.strip)
def test_a_key_given_twice_in_any_object_is_refused_as_ever(line):
    raw = with_line_twice(AS_WRITTEN, line)
    assert cjm._read_as_written(raw) is None
    with pytest.raises(CjmError) as refused:
        loads(raw, "map.cjm")
    assert "appears twice in one object" in str(refused.value)


def test_a_key_given_twice_with_a_blank_before_one_colon_is_refused_as_ever():
    raw = AS_WRITTEN.replace(b'"label": "', b'"label" : "x",\n      "label": "')
    assert cjm._read_as_written(raw) is None
    with pytest.raises(CjmError, match="appears twice in one object"):
        loads(raw, "map.cjm")


def test_an_unknown_key_is_refused_as_ever_with_its_place():
    raw = AS_WRITTEN.replace(b'"pain": true,', b'"pain": true,\n      "colour": "red",')
    assert cjm._read_as_written(raw) is None
    with pytest.raises(CjmError) as refused:
        loads(raw, "map.cjm")
    assert refused.value.lines() == ["map.cjm: cards[1].colour: is not a known field here"]


def test_a_broken_reference_is_refused_as_ever():
    raw = AS_WRITTEN.replace(b'"target": "c2"', b'"target": "c9"')
    assert cjm._read_as_written(raw) is None
    assert str(full_reading(raw)) == str(pytest.raises(CjmError, loads, raw, "map.cjm").value)


@pytest.mark.parametrize(("old", "new"), [
    (b'"title": "\xd0\x98\xd1\x89\xd0\xb5\xd1\x82"', b'"title": "He said \\"wait\\": now"'),  # a text holding `":`
    (b'"title": "\xd0\x98\xd1\x89\xd0\xb5\xd1\x82"', b'"title": ":-) "'),  # a text that starts with a colon
    (b'"label": "', b'"label" : "'),  # a blank before a colon
    (b'"label": "', b'"label": "note : '),  # a text with a blank before a colon
    (b'"label": "', b'"label"\n      : "'),
])
def test_what_the_count_cannot_vouch_for_is_read_the_full_way(old, new):
    raw = AS_WRITTEN.replace(old, new)
    assert raw != AS_WRITTEN
    assert cjm._read_as_written(raw) is None
    assert isinstance(loads(raw), JourneyMap)


def test_a_map_with_a_snapshot_or_of_another_version_is_read_the_full_way():
    with_snapshot = AS_WRITTEN.replace(b'"snapshots": []', b'"snapshots": [{"id": "n1", "name": "As-is", '
                                       b'"created": "2026-12-03T09:30:00Z", "map": {}}]')
    assert cjm._read_as_written(with_snapshot) is None
    assert loads(with_snapshot).snapshots[0].name == "As-is"
    older = AS_WRITTEN.replace(b'"version": 3', b'"version": 2')
    assert cjm._read_as_written(older) is None
    assert loads(older) == every_kind_of_object()


@given(journey_maps())
@settings(max_examples=100)
def test_random_maps_are_read_alike(doc):
    assert_read_alike(dumps(doc))


LINES = AS_WRITTEN.split(b"\n")


@st.composite
def damage(draw):
    """Bytes flipped, removed or inserted, or whole lines repeated or moved: keys twice, keys out of place."""
    raw = bytearray(AS_WRITTEN)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "delete", "insert", "line"]))
        position = draw(st.integers(len(cjm.AS_WRITTEN_HEADER), len(raw) - 1))
        if action == "flip":
            raw[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del raw[position:position + draw(st.integers(1, 12))]
        elif action == "insert":
            raw[position:position] = draw(st.sampled_from([b'"', b":", b",", b" ", b"{}", b'"x": 1,', b"\\"]))
        else:
            at = raw.find(b"\n", position)
            if at >= 0:
                raw[at:at] = b"\n" + draw(st.sampled_from(LINES))
    return bytes(raw)


@given(damage())
@settings(max_examples=400)
def test_damaged_maps_are_read_alike(raw):
    assert_read_alike(raw)


def test_the_header_written_is_the_header_looked_for():
    assert AS_WRITTEN.startswith(cjm.AS_WRITTEN_HEADER)
    assert json.loads(cjm.AS_WRITTEN_HEADER + b'"meta": {}}') == {"format": "cjm", "version": 3, "meta": {}}
