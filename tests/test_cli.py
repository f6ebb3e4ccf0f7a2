"""The command line, run in-process through `main` and once as a real process without a display."""

import json
import os
import stat
import subprocess
import sys

import pytest

from cjm_designer import __version__
from cjm_designer.cli import main, system_language
from cjm_designer.io import dumps, load
from cjm_designer.io.csv_export import headers
from cjm_designer.paths import templates_dir


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def russian(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")


def test_version_and_help(capsys):
    assert run(capsys, "--version") == (0, f"cjm-designer {__version__}\n", "")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("new", "templates", "validate", "export", "schema"):
        assert f"cjm-designer {command}" in out
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "--excel" in out


def test_templates_lists_names_and_titles(capsys, russian):
    code, out, _ = run(capsys, "templates")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("blank") and "Пустая карта" in lines[0]
    assert any(line.startswith("window-installation") for line in lines)
    code, out, _ = run(capsys, "templates", "--lang", "en")
    assert "Blank map" in out


def test_new_from_a_template(tmp_path, capsys):
    out_file = tmp_path / "окна.cjm"
    code, out, err = run(capsys, "new", "--template", "window-installation", "--lang", "ru", "-o", str(out_file))
    assert (code, err) == (0, "")
    doc = load(out_file)
    template = load(templates_dir() / "window-installation.ru.cjm")
    assert doc.meta.created is not None and doc.meta.created == doc.meta.modified
    assert doc.cards == template.cards and doc.links == template.links and doc.meta.language == "ru"
    assert "46 cards" in out


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    out_file = tmp_path / "map.cjm"
    out_file.write_text("keep me")
    code, _, err = run(capsys, "new", "-o", str(out_file))
    assert code == 1 and "already exists" in err and out_file.read_text() == "keep me"
    assert run(capsys, "new", "--lang", "en", "--force", "-o", str(out_file))[0] == 0
    assert load(out_file).meta.title == "Blank map"


def test_new_with_an_unknown_template_is_bad_usage(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "x.cjm"))
    assert code == 2 and "there is no template 'nope'" in err and "five-stages" in err
    assert not (tmp_path / "x.cjm").exists()


def test_validate_reports_one_line_a_problem(tmp_path, capsys):
    good = templates_dir() / "five-stages.en.cjm"
    bad = tmp_path / "bad.cjm"
    data = json.loads(good.read_text())
    data["cards"][2]["emotion"] = 9
    data["cards"][3]["stage"] = "nowhere"
    data["links"] = [{"id": "k", "source": "ghost", "target": data["cards"][0]["id"]}]
    bad.write_text(json.dumps(data))
    broken = tmp_path / "broken.cjm"
    broken.write_text('{"format": "cjm",\n "version": 1,,}')
    assert run(capsys, "validate", str(good))[0] == 0
    code, out, err = run(capsys, "validate", str(good), str(bad), str(broken))
    assert code == 1
    assert f"{good}: valid" in out
    assert err.splitlines() == [
        f"{bad}: cards[2].emotion: input should be less than or equal to 2 (found 9)",
        f"{broken}: line 2, column 15: not valid JSON: Expecting property name enclosed in double quotes",
    ]
    data["cards"][2]["emotion"] = 1
    bad.write_text(json.dumps(data))
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert err.splitlines() == [
        f"{bad}: cards[3].stage: there is no stage with the id 'nowhere'",
        f"{bad}: links[0].source: there is no card with the id 'ghost'",
    ]


def test_validate_a_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.cjm"))
    assert code == 1 and "missing.cjm: cannot read: No such file or directory" in err


def test_export_cjm_and_csv(tmp_path, capsys):
    source = tmp_path / "source.cjm"
    source.write_bytes((templates_dir() / "three-stages.ru.cjm").read_bytes().replace(b"\n  ", b"\n    "))
    assert run(capsys, "export", str(source), "-o", str(tmp_path / "canon.cjm"))[0] == 0
    assert (tmp_path / "canon.cjm").read_bytes() == (templates_dir() / "three-stages.ru.cjm").read_bytes()
    assert run(capsys, "export", str(source), "-o", str(tmp_path / "cards.csv"))[0] == 0
    csv_text = (tmp_path / "cards.csv").read_text("utf-8")
    assert csv_text.startswith(",".join(headers("ru"))) and "Осознание" in csv_text
    assert len(csv_text.splitlines()) > len(load(source).cards)
    code, _, _ = run(capsys, "export", str(source), "-o", str(tmp_path / "excel.txt"), "--format", "csv", "--excel")
    assert code == 0 and (tmp_path / "excel.txt").read_bytes().startswith("\ufeffID карточки;Этап;".encode())


def test_export_usage_errors(tmp_path, capsys):
    source = templates_dir() / "blank.en.cjm"
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "out.docx"))
    assert code == 2 and "cannot tell the format" in err
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "out.cjm"), "--excel")
    assert code == 2 and "--excel goes with --format csv" in err
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "x.cjm"), "--format", "pdfx")
    assert code == 2 and "invalid choice" in err
    assert list(tmp_path.iterdir()) == []


def test_export_option_usage_errors(tmp_path, capsys):
    source = str(templates_dir() / "blank.en.cjm")
    for argv, message in (([source, "-o", str(tmp_path / "m.pdf"), "--scale", "2"], "--scale goes with --format png"),
                          ([source, "-o", str(tmp_path / "m.png"), "--legend"], "--legend goes with --format pdf"),
                          ([source, "-o", str(tmp_path / "m.csv"), "--transparent"], "--transparent goes with"),
                          ([source, "-o", str(tmp_path / "m.png"), "--scale", "2", "--dpi", "300"], "not both")):
        code, _, err = run(capsys, "export", *argv)
        assert code == 2 and message in err, err
    assert list(tmp_path.iterdir()) == []


def test_export_and_import_mermaid(tmp_path, capsys):
    source = templates_dir() / "three-stages.ru.cjm"
    diagram = tmp_path / "journey.mmd"
    code, out, _ = run(capsys, "export", str(source), "-o", str(diagram))
    assert code == 0 and "mermaid" in out
    text = diagram.read_text("utf-8")
    assert text.startswith("journey") and all(f"section {stage.name}" in text for stage in load(source).stages)
    back = tmp_path / "back.cjm"
    code, out, _ = run(capsys, "import", str(diagram), "-o", str(back), "--lang", "ru")
    assert code == 0 and "imported from mermaid" in out
    doc = load(back)
    assert [stage.name for stage in doc.stages] == [stage.name for stage in load(source).stages]
    code, _, err = run(capsys, "import", str(diagram), "-o", str(back))
    assert code == 1 and "already exists" in err


def test_import_csv_reports_unknown_columns_and_bad_rows(tmp_path, capsys):
    table = tmp_path / "cards.csv"
    table.write_text("Этап;Дорожка;Заголовок;Бюджет\nПоиск;Покупатель;Ищет окна;1000\n", "utf-8")
    code, out, err = run(capsys, "import", str(table), "-o", str(tmp_path / "map.cjm"))
    assert code == 0 and "Бюджет" in err
    doc = load(tmp_path / "map.cjm")
    assert [c.title for c in doc.cards] == ["Ищет окна"] and doc.stages[0].name == "Поиск"
    table.write_text("stage,lane,emotion\nA,B,7\n", "utf-8")
    code, _, err = run(capsys, "import", str(table), "-o", str(tmp_path / "bad.cjm"))
    assert code == 1 and "row 2" in err and "emotion" in err
    assert not (tmp_path / "bad.cjm").exists()


def test_export_png_and_svg_without_a_display(tmp_path, capsys, qapp):
    source = str(templates_dir() / "three-stages.en.cjm")
    code, out, _ = run(capsys, "export", source, "-o", str(tmp_path / "map.png"), "--scale", "0.5")
    assert code == 0 and "pixels" in out
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    code, out, _ = run(capsys, "export", source, "-o", str(tmp_path / "map.svg"), "--transparent")
    assert code == 0 and b"<svg" in (tmp_path / "map.svg").read_bytes()[:400]
    code, _, err = run(capsys, "export", source, "-o", str(tmp_path / "huge.png"), "--scale", "1000")
    assert code == 1 and "huge.png" in err and not (tmp_path / "huge.png").exists()


def test_export_png_is_2_pixels_a_point_unless_given_a_scale_or_300_dpi(tmp_path, capsys, qapp):
    from cjm_designer.export.image import png_size

    source = str(templates_dir() / "window-installation.en.cjm")
    doc = load(source)
    for arguments, size in (([], png_size(doc, scale=2)), (["--scale", "1"], png_size(doc, scale=1)),
                            (["--dpi", "300"], png_size(doc, dpi=300))):
        target = tmp_path / f"map{len(list(tmp_path.iterdir()))}.png"
        code, out, _ = run(capsys, "export", source, "-o", str(target), *arguments)
        assert code == 0 and f"png, {size[0]} × {size[1]} pixels" in out, arguments
    code, out, _ = run(capsys, "export", "--help")
    assert "default 2" in out and "300" in out


def test_report_prints_the_funnel_as_markdown(capsys):
    code, out, _ = run(capsys, "report", str(templates_dir() / "window-installation.en.cjm"))
    assert code == 0 and out.startswith("# Journey map report: ")
    assert "| Stage | Entering | Conversion to next | Lost |" in out and "largest drop" in out
    code, out, _ = run(capsys, "report", str(templates_dir() / "blank.ru.cjm"))
    assert code == 0 and "Числа воронки не заданы" in out


def test_export_of_a_broken_file_writes_nothing(tmp_path, capsys):
    broken = tmp_path / "broken.cjm"
    broken.write_text("{")
    code, _, err = run(capsys, "export", str(broken), "-o", str(tmp_path / "out.csv"))
    assert code == 1 and "broken.cjm: line 1, column 2" in err
    assert not (tmp_path / "out.csv").exists()


def test_bad_usage_exits_2(capsys):
    assert run(capsys, "validate")[0] == 2
    assert run(capsys, "new")[0] == 2
    assert run(capsys, "--bogus")[0] == 2
    assert run(capsys, "map.cjm", "--demo")[0] == 2


def test_schema_is_json_schema_of_the_file(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["properties"]["format"] == {"const": "cjm", "description": 'Always "cjm".'}
    assert schema["required"][:2] == ["format", "version"]
    assert set(schema["properties"]) == {"format", "version", "meta", "personas", "stages", "lanes", "cards", "links",
                                            "snapshots", "conflicts", "inbox", "votes"}
    card = schema["$defs"]["Card"]["properties"]
    assert card["emotion"]["anyOf"][0] == {"maximum": 2, "minimum": -2, "type": "integer"}
    assert all(field.get("description") for field in card.values())


def test_schema_into_a_closed_pipe_is_quiet():
    reader = subprocess.Popen([sys.executable, "-m", "cjm_designer", "schema"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    reader.stdout.read(10)
    reader.stdout.close()
    assert reader.wait(timeout=60) == 0
    assert b"Traceback" not in reader.stderr.read()


def test_open_renders_the_window_to_a_png(tmp_path, capsys, qapp):
    from PySide6.QtGui import QImage

    out = tmp_path / "window.png"
    source = str(templates_dir() / "five-stages.ru.cjm")
    code, _, err = run(capsys, source, "--screenshot", str(out), "--size", "900x600")
    assert (code, err) == (0, "")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    colours = {image.pixelColor(x, y).name() for x in range(0, 900, 37) for y in range(80, 600, 41)}
    assert len(colours) > 5  # a drawn map, not a blank window
    code, _, _ = run(capsys, "--demo", "--screenshot", str(tmp_path / "demo.png"))
    assert code == 0 and QImage(str(tmp_path / "demo.png")).width() == 1600


def test_open_refuses_a_bad_size_or_file(tmp_path, capsys):
    code, _, err = run(capsys, "--demo", "--screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert code == 2 and "--size takes WIDTHxHEIGHT" in err
    broken = tmp_path / "broken.cjm"
    broken.write_text("{")
    code, _, err = run(capsys, str(broken), "--screenshot", str(tmp_path / "x.png"))
    assert code == 1 and "broken.cjm: line 1, column 2" in err
    assert not (tmp_path / "x.png").exists()


def test_a_screenshot_is_written_atomically_and_never_into_a_pipe_or_a_missing_folder(tmp_path, capsys, qapp):
    pipe = tmp_path / "shot.png"
    os.mkfifo(pipe)
    for target, says in ((pipe, "named pipe"), (tmp_path / "gone" / "shot.png", "does not exist")):
        code, _, err = run(capsys, "--demo", "--screenshot", str(target))
        assert code == 1 and says in err and len(err.splitlines()) == 1
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["shot.png"]


def test_open_without_a_display_says_so(monkeypatch, capsys):
    monkeypatch.setattr("sys.platform", "linux")
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    code, _, err = run(capsys, "--demo")
    assert code == 1 and "no display" in err


def test_system_language(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert system_language() == "ru"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert system_language() == "en"


def test_runs_as_a_process_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out_file = tmp_path / "new.cjm"
    done = subprocess.run([sys.executable, "-m", "cjm_designer", "new", "--template", "five-stages", "--lang", "ru",
                           "-o", str(out_file)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert dumps(load(out_file)) == out_file.read_bytes()
    done = subprocess.run([sys.executable, "-c", "import sys, cjm_designer.cli; print('PySide6' in sys.modules)"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False"


def test_export_never_writes_over_its_own_input(tmp_path, capsys):
    source = tmp_path / "map.cjm"
    source.write_bytes((templates_dir() / "three-stages.en.cjm").read_bytes())
    original = source.read_bytes()
    (tmp_path / "hard.cjm").hardlink_to(source)
    (tmp_path / "soft.pdf").symlink_to(source)
    for out in ("map.cjm", "hard.cjm", "soft.pdf", "./map.cjm"):
        code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / out), "--format", "pdf", "--force")
        assert code == 1 and err == f"{tmp_path / out}: is the map being exported; an export never replaces its " \
                                    "own input, give another output file\n"
    assert source.read_bytes() == original and (tmp_path / "soft.pdf").is_symlink()


def test_export_replaces_an_existing_file_only_with_force(tmp_path, capsys):
    source = str(templates_dir() / "three-stages.en.cjm")
    out = tmp_path / "cards.csv"
    out.write_text("keep me")
    code, _, err = run(capsys, "export", source, "-o", str(out))
    assert (code, err) == (1, f"{out}: already exists; use --force to replace it\n")
    assert out.read_text() == "keep me"
    assert run(capsys, "export", source, "-o", str(out), "--force")[0] == 0
    assert out.read_text("utf-8").startswith("Card ID,Stage,")


@pytest.mark.parametrize("option, value, message", [
    ("--scale", "0", "--scale: takes a number more than 0 to 1000, not '0'"),
    ("--scale", "1e308", "not '1e308'"), ("--scale", "nan", "not 'nan'"), ("--dpi", "-300", "not '-300'"),
    ("--margin", "-100", "--margin: takes a number from 0 to 50, not '-100'"), ("--margin", "nan", "not 'nan'"),
    ("--margin", "1e9", "not '1e9'"), ("--overlap", "nan", "--overlap: takes a number from 0 to 50"),
    ("--overlap", "inf", "not 'inf'"), ("--scale", "two", "not 'two'"),
])
def test_numeric_options_are_checked_with_their_range(tmp_path, capsys, option, value, message):
    fmt = "png" if option in ("--scale", "--dpi") else "pdf"
    argv = ["export", str(templates_dir() / "blank.en.cjm"), "-o", str(tmp_path / f"out.{fmt}"), option, value]
    if option == "--overlap":
        argv += ["--pages", "tiles"]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err and len(err.splitlines()) == 1, err
    assert list(tmp_path.iterdir()) == []


def test_png_export_failures_are_one_line_and_leave_nothing(tmp_path, capsys, request, qapp):
    source = str(templates_dir() / "blank.en.cjm")
    code, _, err = run(capsys, "export", source, "-o", str(tmp_path / "nowhere" / "map.png"))
    assert code == 1 and err == f"{tmp_path / 'nowhere' / 'map.png'}: cannot save: the folder " \
                                f"{tmp_path / 'nowhere'} does not exist\n"
    request.getfixturevalue("png_disk_full")  # from here on, the disk is full
    out = tmp_path / "map.png"
    code, _, err = run(capsys, "export", source, "-o", str(out))
    assert (code, err) == (1, f"{out}: cannot save: No space left on device\n")
    assert list(tmp_path.iterdir()) == []


def test_import_refuses_devices_and_unclosed_quotes(tmp_path, capsys):
    """(A named pipe is refused too: tests/test_hostile_inputs.py, where a case that blocks fails.)"""
    code, _, err = run(capsys, "import", "/dev/zero", "-o", str(tmp_path / "b.cjm"), "--format", "csv")
    assert (code, err) == (1, "/dev/zero: cannot read: this is a device, not a regular file\n")
    table = tmp_path / "cards.csv"
    table.write_text('stage,lane,title\nA,B,"open\n' + "A,B,x\n" * 59)
    code, _, err = run(capsys, "import", str(table), "-o", str(tmp_path / "c.cjm"))
    assert code == 1 and err.startswith(f"{table}: row 2, line 2: a quoted cell starts") and "59 lines" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.csv"]


def test_file_names_and_values_cannot_break_the_line(tmp_path, capsys):
    evil = tmp_path / "a\x1b]0;owned\x07\u202egnp.cjm"
    evil.write_text('{"format": "cjm", "version": 1, "meta": {"title": "\\u001b[2J' + "x" * 300 + '"}}')
    code, _, err = run(capsys, "validate", str(evil))
    assert code == 1 and len(err.splitlines()) == 1 and "\x1b" not in err and "\u202e" not in err
    assert "a\\x1b]0;owned\\x07[U+202E]gnp.cjm: meta.title:" in err
    code, _, err = run(capsys, "export", str(evil), "-o", str(tmp_path / "out\x1b.dat"))
    assert code == 2 and err == "cjm-designer: cannot tell the format from 'out\\x1b.dat'; give --format " \
                                "(cjm, csv, pdf, png, svg, mermaid, xlsx, pptx, html)\n"
