"""Random damage to valid files: the loader either reads a valid map or raises its own error."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_designer.io import CjmError, dumps, loads
from cjm_designer.model import JourneyMap, check_references
from cjm_designer.paths import templates_dir

SAMPLE = (templates_dir() / "window-installation.ru.cjm").read_bytes()
SAMPLE_DATA = json.loads(SAMPLE)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30) | st.sampled_from(["s", "c", "", "stage-request", "lane-buyer", "card-rq-1", "-1"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def outcome_is_clean(raw: bytes) -> None:
    try:
        doc = loads(raw, "fuzz.cjm")
    except CjmError as error:
        assert str(error).startswith("fuzz.cjm")
        assert all(line.startswith("fuzz.cjm") and "\n" not in line for line in error.lines())
    else:
        assert isinstance(doc, JourneyMap)
        assert check_references(doc) == []
        assert loads(dumps(doc)) == doc


@st.composite
def byte_damage(draw):
    raw = bytearray(SAMPLE)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip":
            raw[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del raw[position:position + draw(st.integers(1, 20))]
        elif action == "insert":
            raw[position:position] = draw(st.binary(min_size=1, max_size=8))
        else:
            del raw[position:]
        if not raw:
            break
    return bytes(raw)


@given(byte_damage())
@settings(max_examples=300)
def test_damaged_bytes(raw):
    outcome_is_clean(raw)


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


ALL_PATHS = [p for p in paths(SAMPLE_DATA) if p]


@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), json_values, st.booleans()), min_size=1, max_size=4))
@settings(max_examples=300)
def test_damaged_values(changes):
    data = json.loads(SAMPLE)
    for path, value, delete in changes:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if delete:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    outcome_is_clean(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
