"""The user's own templates (no Qt): saved from a map into the user's data folder, listed after the
bundled ones in both languages, new maps made from them, deleted; broken files skipped. Every file
goes to the tests' temporary data folder (tests/conftest.py), never a real user's."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cjm_designer.cli import main
from cjm_designer.io import CjmError, dumps, load
from cjm_designer.model import JourneyMap
from cjm_designer.paths import templates_dir
from cjm_designer.templates import (
    available,
    delete_user_template,
    new_map,
    save_user_template,
    user_templates,
)


def bundled(name: str = "three-stages", language: str = "en") -> JourneyMap:
    return load(templates_dir() / f"{name}.{language}.cjm")


def test_user_templates_live_in_the_data_folder_of_the_tests_not_the_real_home(user_folder):
    assert (user_folder.parent.name, user_folder.name) == ("cjm-designer", "templates")
    assert not user_folder.is_relative_to(Path.home() / ".local" / "share")
    assert not user_folder.exists() and user_templates() == [] and len(available("en")) == 5
    path = save_user_template(bundled(), "Mine")
    assert path == user_folder / "mine.cjm"


def test_saving_writes_a_clean_copy_titled_as_asked_and_leaves_the_map_alone(user_folder):
    doc = bundled("window-installation", "ru")
    doc.meta.created = datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    doc.meta.modified = datetime(2021, 1, 2, 3, 4, 5, tzinfo=UTC)
    before = dumps(doc)
    path = save_user_template(doc, "  Установка   окон ")
    assert dumps(doc) == before
    assert path.name == "установка-окон.cjm"
    saved = load(path)
    assert saved.meta.title == "Установка окон" and saved.meta.created is None and saved.meta.modified is None
    assert (saved.personas, saved.stages, saved.lanes, saved.cards, saved.links) == (
        doc.personas, doc.stages, doc.lanes, doc.cards, doc.links)
    assert saved.meta.language == "ru" and saved.meta.description == doc.meta.description


def test_user_templates_follow_the_bundled_ones_in_both_languages(user_folder):
    save_user_template(bundled("three-stages", "ru"), "Моя карта")
    save_user_template(bundled("five-stages", "en"), "A funnel")
    for language in ("ru", "en"):
        found = available(language)
        assert [t.user for t in found] == [False] * 5 + [True] * 2 and found[0].name == "blank"
        assert [(t.name, t.title, t.language) for t in found[5:]] == [
            ("a-funnel", "A funnel", "en"), ("моя-карта", "Моя карта", "ru")]
        assert found[5:] == user_templates()
    assert user_templates()[1].path == user_folder / "моя-карта.cjm"


def test_a_new_map_from_a_user_template_is_stamped_now_in_the_template_s_language(user_folder):
    source = bundled("three-stages", "ru")
    save_user_template(source, "Sore throat")
    now = datetime(2024, 5, 6, 7, 8, 9, 123, tzinfo=UTC)
    doc = new_map("sore-throat", "en", now)
    assert doc.meta.created == doc.meta.modified == now.replace(microsecond=0)
    assert doc.meta.language == "ru" and doc.meta.title == "Sore throat" and doc.cards == source.cards
    with pytest.raises(KeyError):
        new_map("nope", "en")


def test_names_come_from_the_title_are_unique_and_never_a_bundled_one(user_folder):
    doc = bundled()
    titles = ("Blank", "My map", "my MAP!", "My map", "?!", "CON", "x" * 300)
    names = [save_user_template(doc, title).stem for title in titles]
    assert names == ["blank-2", "my-map", "my-map-2", "my-map-3", "template", "con-template", "x" * 60]
    assert load(user_folder / f"{'x' * 60}.cjm").meta.title == "x" * 200
    assert new_map("blank", "en").meta.title == "Blank map"  # still the bundled one
    assert new_map("blank-2", "en").meta.title == "Blank"
    with pytest.raises(ValueError):
        save_user_template(doc, "  \n ")


def test_deleting_a_user_template(user_folder):
    path = save_user_template(bundled(), "Gone soon")
    delete_user_template("gone-soon")
    assert not path.exists() and user_templates() == []
    for name in ("gone-soon", "blank", "../templates/gone-soon", "", ".hidden"):
        with pytest.raises(KeyError):
            delete_user_template(name)
    assert (templates_dir() / "blank.en.cjm").is_file()


def test_broken_and_clashing_files_are_skipped_and_reported(user_folder):
    save_user_template(bundled(), "Good")
    (user_folder / "broken.cjm").write_text("{not json")
    (user_folder / "blank.cjm").write_bytes(dumps(bundled()))
    (user_folder / "notes.txt").write_text("not a map")
    skipped: list[CjmError] = []
    found = available("en", skipped)
    assert [t.name for t in found if t.user] == ["good"]
    assert sorted(Path(error.file).name for error in skipped) == ["blank.cjm", "broken.cjm"]
    assert any("bundled template" in str(error) for error in skipped)
    assert [t.name for t in user_templates()] == ["good"]  # no list given: skipped quietly
    with pytest.raises(CjmError):
        new_map("broken", "en")
    assert new_map("blank", "en").meta.title == "Blank map"


def test_cli_lists_user_templates_marked_and_makes_maps_from_them(user_folder, tmp_path, capsys):
    save_user_template(bundled("three-stages", "ru"), "Горло")
    (user_folder / "broken.cjm").write_text("{")
    assert main(["templates", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 6 and not any("[user" in line for line in lines[:5])
    assert lines[-1].startswith("горло") and "Горло" in lines[-1] and lines[-1].endswith("[user template, ru]")
    assert err.startswith("note: not listed: ") and "broken.cjm" in err
    out_file = tmp_path / "new.cjm"
    assert main(["new", "--template", "горло", "-o", str(out_file)]) == 0
    doc = load(out_file)
    assert doc.meta.title == "Горло" and doc.meta.created is not None and doc.meta.language == "ru"


def test_cli_saves_a_map_as_a_user_template(user_folder, tmp_path, capsys):
    source = tmp_path / "chat.cjm"
    source.write_bytes((templates_dir() / "live-chat.en.cjm").read_bytes())
    assert main(["template", "save", str(source), "--name", "Chat flow"]) == 0
    out, _ = capsys.readouterr()
    assert load(user_folder / "chat-flow.cjm").meta.title == "Chat flow" and "--template chat-flow" in out
    assert main(["template", "save", str(source)]) == 0  # named after the map's title
    assert load(source).meta.title in [t.title for t in user_templates()]
    untitled = tmp_path / "untitled.cjm"
    untitled.write_bytes(dumps(JourneyMap()))
    assert main(["template", "save", str(untitled)]) == 2
    assert "needs a name" in capsys.readouterr().err
    assert main(["template", "save", str(tmp_path / "missing.cjm"), "--name", "x"]) == 1
    assert len(user_templates()) == 2
