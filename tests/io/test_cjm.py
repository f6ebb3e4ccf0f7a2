"""The .cjm format: canonical bytes, round trips, and clear refusals of broken or hostile files."""

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings

from cjm_designer.io import CjmError, InvalidFormatError, UnsupportedFormatVersionError, cjm, dumps, load, loads, save
from cjm_designer.model.synthetic import generate_map
from cjm_designer.paths import templates_dir
from tests.strategies import journey_maps

TEMPLATES = sorted(templates_dir().glob("*.cjm"))

VALID = {
    "format": "cjm", "version": 1, "meta": {"title": "Карта", "language": "ru"},
    "personas": [],
    "stages": [{"id": "s1", "name": "Осознание"}, {"id": "s2", "name": "Изучение"}],
    "lanes": [{"id": "l1", "name": "Действия", "kind": "buyer_actions"}],
    "cards": [{"id": "c1", "stage": "s1", "lane": "l1", "title": "Болит горло", "emotion": -1},
              {"id": "c2", "stage": "s2", "lane": "l1", "title": "Ищет, как лечить"}],
    "links": [{"id": "k1", "source": "c1", "target": "c2"}],
}


def encoded(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def error_of(raw: bytes) -> CjmError:
    with pytest.raises(CjmError) as refused:
        loads(raw, "map.cjm")
    return refused.value


def test_templates_exist():
    assert {p.name.split(".")[0] for p in TEMPLATES} >= {"blank", "five-stages", "three-stages",
                                                         "window-installation", "live-chat"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_template_saves_byte_identical(path: Path, tmp_path):
    raw = path.read_bytes()
    assert dumps(loads(raw)) == raw
    save(load(path), tmp_path / "copy.cjm")
    assert (tmp_path / "copy.cjm").read_bytes() == raw


@pytest.mark.slow
def test_large_generated_map_round_trips(tmp_path):
    doc = generate_map(5000)
    save(doc, tmp_path / "big.cjm")
    raw = (tmp_path / "big.cjm").read_bytes()
    again = load(tmp_path / "big.cjm")
    assert again == doc
    assert dumps(again) == raw


@given(journey_maps())
@settings(max_examples=150)
def test_random_valid_maps_round_trip(doc):
    raw = dumps(doc)
    assert loads(raw) == doc
    assert dumps(loads(raw)) == raw


def test_canonical_form():
    raw = dumps(loads(encoded(VALID)))
    text = raw.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Осознание" in text  # not \u-escaped
    assert list(json.loads(text)) == ["format", "version", "meta", "personas", "stages", "lanes", "cards", "links",
                                      "snapshots"]
    assert '\n  "format": "cjm",\n  "version": 3,' in text
    assert '"language": "en"' in dumps(loads(encoded({**VALID, "meta": {}}))).decode()


def test_byte_order_mark_is_accepted():
    assert loads(b"\xef\xbb\xbf" + encoded(VALID)) == loads(encoded(VALID))


@pytest.mark.parametrize(("raw", "place", "message"), [
    (b"", "line 1, column 1", "not valid JSON"),
    (b'{"format": "cjm",\n  "version": 1,\n  "stages": [}', "line 3, column 14", "not valid JSON"),
    (encoded(VALID)[:-40], "line ", "not valid JSON"),
    (b"[1, 2]", "", "not a JSON object"),
    (b'"cjm"', "", "not a JSON object"),
    (b'{"format": "cjm", "version": 1, "meta": {"title": "a\xff"}}', "line 1, column 53", "not UTF-8"),
    ('{"format": "cjm",\n"meta": {"title": "Карта"}}'.encode() + b"\xff", "line 2, column 28", "not UTF-8"),
    (b'{"format": "cjm", "version": 1, "stages": [{"id": "s", "name": "S", "entering": ' + b"1" * 5000 + b"}]}",
     "", "a number has more than 4300 digits"),
    (b'{"format": "cjm", "version": 1, "meta": {"ti\\ud800tle": ""}}', "", "unpaired surrogate"),
    (b'{"format": "xmind", "version": 1}', "format", 'must be "cjm"'),
    (b'{"version": 1}', "format", 'must be "cjm"'),
    (b'{"format": "cjm"}', "version", "whole number"),
    (b'{"format": "cjm", "version": "1"}', "version", "whole number"),
    (b'{"format": "cjm", "version": true}', "version", "whole number"),
    (b'{"format": "cjm", "version": 1, "version": 1}', "", "appears twice"),
    (b'{"format": "cjm", "version": 1, "meta": {"title": "\\ud800"}}', "", "unpaired surrogate"),
    (b'{"format": "cjm", "version": 1, "cards": [{"id": "c", "stage": "s", "lane": "l", "emotion": NaN}]}',
     "", "NaN is not a JSON number"),
    (b'{"format": "cjm", "version": 1, "stages": [{"id": "s", "name": "S", "width": -Infinity}]}',
     "", "-Infinity is not a JSON number"),
    (b"[" * 100_000 + b"]" * 100_000, "", "nested too deeply"),
])
def test_broken_files_are_refused_with_the_place(raw, place, message):
    error = error_of(raw)
    assert isinstance(error, InvalidFormatError)
    line = str(error)
    assert line.startswith("map.cjm: ")
    assert place in line and message in line
    assert "\n" not in line


@pytest.mark.parametrize(("path", "value", "where", "message"), [
    (("cards", 1, "emotion"), 3, "cards[1].emotion", "less than or equal to 2 (found 3)"),
    (("cards", 0, "quality"), "5", "cards[0].quality", 'valid integer (found "5")'),
    (("cards", 0, "title"), "x" * 600, "cards[0].title", "at most 500 characters"),
    (("cards", 0, "stage"), "nowhere", "cards[0].stage", "no stage with the id 'nowhere'"),
    (("links", 0, "target"), "ghost", "links[0].target", "no card with the id 'ghost'"),
    (("stages", 1, "id"), "s1", "stages[1].id", "already used at stages[0].id"),
    (("lanes", 0, "kind"), "sellers", "lanes[0].kind", "input should be"),
    (("lanes", 0, "colour"), "#ffffff", "lanes[0].colour", "not a known field"),
    (("lanes", 0, "a\nb"), 1, 'lanes[0]["a\\nb"]', "not a known field"),
    (("meta", "created"), "yesterday", "meta.created", "ISO 8601 date and time with a time zone"),
    (("meta", "created"), "2026-11-26 09:30:00+03:00", "meta.created", "ISO 8601"),
    (("meta", "modified"), 1790000000, "meta.modified", "not a number"),
    (("cards", 0, "pain"), None, "cards[0].pain", "valid boolean (found null)"),
    (("cards", 0, "pain"), 1, "cards[0].pain", "valid boolean (found 1)"),
    (("stages",), {"id": "s"}, "stages", "valid list"),
])
def test_bad_content_names_the_field_path(path, value, where, message):
    data = json.loads(json.dumps(VALID))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    error = error_of(encoded(data))
    assert isinstance(error, InvalidFormatError)
    assert f"map.cjm: {where}: " in str(error) and message in str(error)


def test_missing_fields_are_listed_one_line_each():
    data = json.loads(json.dumps(VALID))
    data["cards"][0] = {"title": "без id"}
    error = error_of(encoded(data))
    assert error.lines() == ["map.cjm: cards[0].id: is required", "map.cjm: cards[0].stage: is required",
                             "map.cjm: cards[0].lane: is required"]
    assert str(error) == "map.cjm: cards[0].id: is required (and 2 more problems)"


def test_a_newer_version_says_which_version_it_needs():
    error = error_of(encoded({**VALID, "version": 7}))
    assert isinstance(error, UnsupportedFormatVersionError)
    assert "format version 7" in str(error) and "reads versions 1 to 3" in str(error) and "update" in str(error)
    error = error_of(encoded({**VALID, "version": 0}))
    assert isinstance(error, UnsupportedFormatVersionError)
    assert str(error) == "map.cjm: version: format version 0 is unknown; this program reads versions 1 to 3"


def test_size_and_structure_limits(monkeypatch, tmp_path):
    monkeypatch.setattr(cjm, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.cjm"
    big.write_bytes(encoded({**VALID, "meta": {"description": "x" * 2000}}))
    assert "larger than" in str(error_of(big.read_bytes()))
    with pytest.raises(InvalidFormatError, match="larger than"):
        load(big)
    monkeypatch.setattr(cjm, "MAX_FILE_BYTES", 64 * 2**20)
    monkeypatch.setattr(cjm, "MAX_CONTAINERS", 100)
    assert "more than 100 objects" in str(error_of(encoded({**VALID, "cards": [{}] * 200})))


def test_list_length_limits_come_before_element_checks(monkeypatch):
    monkeypatch.setitem(cjm.LIST_LIMITS, "cards", 3)
    error = error_of(encoded({**VALID, "cards": [{}] * 10}))
    assert str(error) == "map.cjm: cards: has 10 elements, at most 3 are allowed"


def test_huge_strings_are_refused_not_kept():
    error = error_of(encoded({**VALID, "meta": {"title": "я" * 1_000_000}}))
    assert "meta.title" in str(error) and "at most 200 characters" in str(error)
    assert len(str(error)) < 300


def test_unreadable_files_name_the_file(tmp_path):
    with pytest.raises(InvalidFormatError, match=r"missing\.cjm: cannot read"):
        load(tmp_path / "missing.cjm")
    with pytest.raises(InvalidFormatError, match="cannot read"):
        load(tmp_path)


def test_a_named_pipe_or_a_device_is_refused_without_waiting_or_reading(tmp_path):
    pipe = tmp_path / "pipe.cjm"
    os.mkfifo(pipe)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(error_of_load(pipe)), daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # blocked opening the pipe: let it go before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
    assert outcome and str(outcome[0]) == f"{pipe}: cannot read: this is a named pipe (FIFO), not a regular file"
    assert str(error_of_load("/dev/zero")) == "/dev/zero: cannot read: this is a device, not a regular file"
    assert str(error_of_load(tmp_path)) == f"{tmp_path}: cannot read: this is a folder, not a file"


def error_of_load(path) -> CjmError:
    with pytest.raises(CjmError) as caught:
        load(path)
    return caught.value


def test_reading_stops_one_byte_past_the_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(cjm, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.cjm"
    big.write_bytes(b" " * 10_000_000)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(len(part := real_read(fd, n))) or part)
    with pytest.raises(InvalidFormatError, match=r"big\.cjm: the file is larger than"):
        load(big)
    assert sum(read) == 1001


def test_a_huge_version_or_number_gives_a_short_message():
    error = error_of(encoded({**VALID, "version": int("9" * 4000)}))
    assert len(str(error)) < 250 and "99999" in str(error) and "newer CJM Designer" in str(error)
    error = error_of(b'{"format": "cjm", "version": ' + b"1" * 5000 + b"}")
    assert str(error) == "map.cjm: a number has more than 4300 digits"


def test_control_characters_in_a_name_or_value_stay_on_one_line(tmp_path):
    name = tmp_path / "evil\x1b[2J\u202egnp.cjm"
    name.write_text('{"format": "cjm", "version": 1, "meta": {"title": 5}, "cards": [{"id": "a\\nb"}]}')
    lines = error_of_load(name).lines()
    assert all("\x1b" not in line and "\n" not in line and "\u202e" not in line for line in lines)
    assert lines[0].startswith(f"{tmp_path}/evil\\x1b[2J[U+202E]gnp.cjm: ")
