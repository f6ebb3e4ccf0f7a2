"""`cjm-designer merge` and `cjm-designer text` without git: exit codes, what is written where, and
bad input given as the loader's one-line errors."""

import json
from pathlib import Path

from cjm_designer.cli import main
from cjm_designer.io import dumps, load

VERSION_1 = Path(__file__).parent / "io" / "data" / "version1.three-stages.ru.cjm"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def three(tmp_path, ours_title: str, theirs_title: str, field: str = "title"):
    """BASE, OURS and THEIRS files: the base map with the first card's `field` set on each side."""
    base = load(VERSION_1)
    paths = []
    for name, value in (("base", None), ("ours", ours_title), ("theirs", theirs_title)):
        doc = base.model_copy(deep=True)
        if value is not None:
            setattr(doc.cards[0], field, value)
        path = tmp_path / f"{name}.cjm"
        path.write_bytes(dumps(doc))
        paths.append(path)
    return paths


def test_a_clean_merge_replaces_ours_and_exits_0(tmp_path, capsys):
    base, ours, theirs = three(tmp_path, "Ours", "Theirs", field="text")
    doc = load(theirs)
    doc.cards[0].text = ""  # theirs leaves the text as it was, and retitles the card
    doc.cards[0].title = "Theirs"
    theirs.write_bytes(dumps(doc))
    code, out, err = run(capsys, "merge", base, ours, theirs)
    assert code == 0 and out == ""
    assert err == f"{ours}: merged: 1 change from ours, 1 from theirs, 0 conflicts\n"
    merged = load(ours)
    assert (merged.cards[0].title, merged.cards[0].text) == ("Theirs", "Ours")


def test_a_conflict_exits_1_and_the_result_holds_both(tmp_path, capsys):
    base, ours, theirs = three(tmp_path, "Ours", "Theirs")
    out_path = tmp_path / "merged.cjm"
    code, _, err = run(capsys, "merge", base, ours, theirs, "-o", out_path)
    assert code == 1 and "1 conflict — resolve them in Map → Conflicts" in err
    merged = load(out_path)
    assert merged.cards[0].title == "Ours" and merged.conflicts[0].theirs == "Theirs"
    assert load(ours).cards[0].title == "Ours" and not load(ours).conflicts  # -o leaves OURS as it was
    code, _, err = run(capsys, "merge", base, ours, theirs, "-o", out_path)
    assert code == 2 and "already exists; use --force" in err
    assert run(capsys, "merge", base, ours, theirs, "-o", out_path, "--force")[0] == 1


def test_files_of_different_versions_are_upgraded_first(tmp_path, capsys):
    data = json.loads(VERSION_1.read_text("utf-8"))
    data["cards"][0]["title"] = "Theirs, still version 1"
    theirs = tmp_path / "theirs.cjm"
    theirs.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    ours = tmp_path / "ours.cjm"
    doc = load(VERSION_1)
    doc.cards[1].emotion = 2
    ours.write_bytes(dumps(doc))
    code, _, err = run(capsys, "merge", VERSION_1, ours, theirs)
    assert code == 0, err
    merged = load(ours)
    assert (merged.cards[0].title, merged.cards[1].emotion) == ("Theirs, still version 1", 2)
    assert json.loads(ours.read_text("utf-8"))["version"] == 3


def test_an_invalid_input_gives_the_loaders_line_and_exit_2(tmp_path, capsys):
    base, ours, theirs = three(tmp_path, "Ours", "Theirs")
    theirs.write_text('{"format": "cjm", "version": 2, "cards": 3}', "utf-8")
    before = ours.read_bytes()
    code, out, err = run(capsys, "merge", base, ours, theirs)
    assert code == 2 and out == ""
    assert err.startswith(f"{theirs}: cards: ") and "Traceback" not in err
    assert ours.read_bytes() == before
    code, _, err = run(capsys, "merge", base, tmp_path / "missing.cjm", theirs)
    assert code == 2 and err.count("\n") == 1 and "missing.cjm" in err


def test_text_prints_a_map_one_field_a_line(tmp_path, capsys):
    code, out, _ = run(capsys, "text", VERSION_1)
    doc = load(VERSION_1)
    card = doc.cards_in(doc.stages[0].id, doc.lanes[0].id)[0]
    assert code == 0
    title = json.dumps(card.title, ensure_ascii=False)
    assert f"card {card.id} in {doc.stages[0].id} / {doc.lanes[0].id}, #1\n  title: {title}\n" in out
    assert out.startswith("meta\n  title: ")
    bad = tmp_path / "bad.cjm"
    bad.write_text("{", "utf-8")
    code, out, err = run(capsys, "text", bad)
    assert code == 1 and out == "" and err.count("\n") == 1
