"""`cjm-designer snapshot` and `cjm-designer snapshots`: take a snapshot into the file, list them."""

import json
import re

import pytest

from cjm_designer.cli import main
from cjm_designer.io import dumps, load, save
from cjm_designer.paths import templates_dir


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "карта.cjm"
    doc = load(templates_dir() / "three-stages.ru.cjm")
    doc.meta.author = "Анна Смирнова"
    save(doc, path)
    return path


def test_a_snapshot_is_taken_into_the_file(capsys, map_file):
    before = load(map_file)
    code, out, err = run(capsys, "snapshot", str(map_file), "--name", "Как есть", "--note", "до воркшопа")
    assert (code, out, err) == (0, f"{map_file}: snapshot “Как есть” taken (1 snapshot)\n", "")
    doc = load(map_file)
    assert dumps(doc.model_copy(update={"snapshots": []})) == dumps(before)
    [snapshot] = doc.snapshots
    assert (snapshot.name, snapshot.note, snapshot.author) == ("Как есть", "до воркшопа", "Анна Смирнова")
    assert snapshot.created.tzinfo is not None
    assert map_file.with_name("карта.cjm~").exists()
    code, out, _ = run(capsys, "snapshot", str(map_file), "--name", "После")
    assert (code, out) == (0, f"{map_file}: snapshot “После” taken (2 snapshots)\n")


def test_a_name_already_used_is_refused_and_the_file_is_left_alone(capsys, map_file):
    run(capsys, "snapshot", str(map_file), "--name", "A")
    raw = map_file.read_bytes()
    assert run(capsys, "snapshot", str(map_file), "--name", "A") == (
        1, "", f"{map_file}: a snapshot named “A” is already kept in this map\n")
    assert map_file.read_bytes() == raw


@pytest.mark.parametrize("argv", [["--name", "  "], ["--name", "x" * 201], ["--name", "A", "--note", "x" * 10_001]])
def test_bad_names_and_notes_are_usage_errors(capsys, map_file, argv):
    raw = map_file.read_bytes()
    code, out, err = run(capsys, "snapshot", str(map_file), *argv)
    assert (code, out) == (2, "") and err.startswith("cjm-designer: --name") and err.count("\n") == 1
    assert map_file.read_bytes() == raw


def test_an_invalid_file_gives_the_loaders_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.cjm"
    bad.write_text("{", "utf-8")
    for argv in (["snapshot", str(bad), "--name", "A"], ["snapshots", str(bad)]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "") and err.startswith(f"{bad}: line 1") and err.count("\n") == 1


def test_the_list_shows_date_name_author_and_cards(capsys, map_file):
    assert run(capsys, "snapshots", str(map_file)) == (0, f"{map_file}: no snapshots\n", "")
    run(capsys, "snapshot", str(map_file), "--name", "Как есть")
    run(capsys, "snapshot", str(map_file), "--name", "evil\u202e\nname")
    code, out, err = run(capsys, "snapshots", str(map_file))
    assert (code, err) == (0, "")
    first, second = out.splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d  “Как есть”  Анна Смирнова  28 cards", first)
    assert "“evil[U+202E]\\nname”" in second  # control and bidi characters made visible: one line, in order


def test_a_damaged_snapshot_is_listed_as_damaged_with_its_error(capsys, map_file):
    run(capsys, "snapshot", str(map_file), "--name", "As-is")
    run(capsys, "snapshot", str(map_file), "--name", "Later")
    data = json.loads(map_file.read_bytes())
    data["snapshots"][0]["map"]["cards"][3]["stage"] = "nowhere"
    map_file.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "snapshots", str(map_file))
    assert code == 1
    assert out.splitlines()[0].endswith("  “As-is”  Анна Смирнова  damaged")
    assert out.splitlines()[1].endswith("28 cards")
    assert err == f"{map_file}@As-is: cards[3].stage: there is no stage with the id 'nowhere'\n"
    code, out, err = run(capsys, "validate", str(map_file))
    assert code == 1 and out.endswith("; 1 damaged snapshot\n") and err.startswith(f"{map_file}@As-is: cards[3]")


def test_help_says_what_a_damaged_snapshot_does(capsys):
    code, out, _ = run(capsys, "snapshots", "--help")
    assert code == 0 and "damaged" in out and "exit code is 1" in out


def test_a_snapshot_whose_own_fields_are_damaged_is_named_by_its_position_and_kept(capsys, map_file):
    run(capsys, "snapshot", str(map_file), "--name", "As-is")
    run(capsys, "snapshot", str(map_file), "--name", "Later")
    data = json.loads(map_file.read_bytes())
    data["snapshots"][0]["name"] = "x" * 201
    data["snapshots"][0]["created"] = "вчера"
    map_file.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "snapshots", str(map_file))
    assert code == 1
    assert out.splitlines()[0] == "?  “#1”  Анна Смирнова  damaged" and out.splitlines()[1].endswith("28 cards")
    assert err.startswith(f"{map_file}@#1: name: string should have at most 200 characters") and "more problem" in err
    code, out, err = run(capsys, "validate", str(map_file))
    assert code == 1 and out.endswith("; 1 damaged snapshot\n") and err.startswith(f"{map_file}@#1: name: ")
    assert run(capsys, "diff", f"{map_file}@#1", str(map_file))[0:2] == (2, "")
    run(capsys, "snapshot", str(map_file), "--name", "Third")  # the file is written again: the entry as it was
    assert json.loads(map_file.read_bytes())["snapshots"][:2] == data["snapshots"]
