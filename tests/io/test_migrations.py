"""Older files are upgraded step by step; tested with a synthetic version 0 in which cards had a
`mood` from 1 to 5 instead of an `emotion` from -2 to +2, and stages were called `columns`."""

import json
from pathlib import Path

import pytest

from cjm_designer.io import InvalidFormatError, UnsupportedFormatVersionError, dumps, loads, migrations


def version_0_to_1(data: dict) -> dict:
    data = dict(data, version=1, stages=data.pop("columns"))
    data["cards"] = [{**{k: v for k, v in card.items() if k != "mood"}, "emotion": card["mood"] - 3}
                     for card in data["cards"]]
    return data


OLD_FILE = json.dumps({
    "format": "cjm", "version": 0,
    "columns": [{"id": "s", "name": "Решение"}],
    "lanes": [{"id": "l", "name": "Эмоции", "kind": "emotions"}],
    "cards": [{"id": "c", "stage": "s", "lane": "l", "title": "Пойду к терапевту!", "mood": 5}],
}, ensure_ascii=False).encode()


@pytest.fixture
def with_version_0(monkeypatch):
    monkeypatch.setattr(migrations, "OLDEST_VERSION", 0)
    monkeypatch.setitem(migrations.UPGRADES, 0, version_0_to_1)


def test_an_older_file_is_upgraded_on_load(with_version_0):
    doc = loads(OLD_FILE)
    assert [s.name for s in doc.stages] == ["Решение"]
    assert doc.cards[0].emotion == 2


def test_upgrades_apply_in_order():
    steps = {1: lambda d: {**d, "trail": d["trail"] + [1]}, 2: lambda d: {**d, "trail": d["trail"] + [2]}}
    assert migrations.upgrade({"trail": []}, 1, 3, steps) == {"trail": [1, 2]}
    assert migrations.upgrade({"trail": []}, 2, 3, steps) == {"trail": [2]}
    with pytest.raises(migrations.MissingUpgradeError):
        migrations.upgrade({"trail": []}, 0, 3, steps)


def test_a_version_without_its_upgrade_is_unsupported(monkeypatch):
    monkeypatch.setattr(migrations, "OLDEST_VERSION", 0)
    with pytest.raises(UnsupportedFormatVersionError, match="no upgrade is known from format version 0"):
        loads(OLD_FILE, "old.cjm")


def test_a_broken_old_file_is_an_invalid_format_not_a_crash(with_version_0):
    broken = OLD_FILE.replace(b'"mood": 5', b'"mood": "five"')
    with pytest.raises(InvalidFormatError, match="cannot upgrade the map from format version 0"):
        loads(broken, "old.cjm")


def test_the_upgraded_map_is_validated_like_any_other(with_version_0):
    out_of_range = OLD_FILE.replace(b'"mood": 5', b'"mood": 9')
    with pytest.raises(InvalidFormatError, match=r"cards\[0\]\.emotion"):
        loads(out_of_range, "old.cjm")


VERSION_1 = Path(__file__).parent / "data" / "version1.three-stages.ru.cjm"


def test_a_version_1_map_opens_and_is_saved_as_version_2_with_nothing_else_changed():
    raw = VERSION_1.read_bytes()
    assert json.loads(raw)["version"] == 1
    doc = loads(raw)
    assert doc.snapshots == [] and doc.conflicts == []
    saved = json.loads(dumps(doc))
    assert saved["version"] == 3 and saved.pop("snapshots") == []
    assert {**saved, "version": 1} == json.loads(raw)


VERSION_2 = Path(__file__).parent / "data" / "version2.three-stages.ru.cjm"


def test_a_version_2_map_opens_and_is_saved_as_version_3_with_nothing_else_changed():
    raw = VERSION_2.read_bytes()
    assert json.loads(raw)["version"] == 2
    doc = loads(raw)
    assert doc.inbox == [] and doc.votes == [] and all(not c.comments and not c.url for c in doc.cards)
    assert {**json.loads(dumps(doc)), "version": 2} == json.loads(raw)
