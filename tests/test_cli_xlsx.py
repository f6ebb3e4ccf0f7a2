"""The command line's Excel: `export --format xlsx`, `import FILE.xlsx` and `xlsx-template`."""

import io

import openpyxl

from cjm_designer.cli import main
from cjm_designer.io import load
from cjm_designer.paths import templates_dir
from tests.io.test_xlsx import carried


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_gives_the_map_back(tmp_path, capsys):
    source = templates_dir() / "window-installation.ru.cjm"
    book, back = tmp_path / "map.xlsx", tmp_path / "back.cjm"
    code, out, err = run(capsys, "export", str(source), "-o", str(book))
    assert (code, err) == (0, "") and out.startswith(f"{book}: xlsx, ")
    code, out, err = run(capsys, "import", str(book), "-o", str(back))
    assert (code, err) == (0, "") and out.startswith(f"{back}: imported from xlsx (6 stages, 4 lanes, 46 cards")
    assert carried(load(back)) == carried(load(source))


def test_the_template_is_written_once_and_imports_when_filled_in(tmp_path, capsys):
    template = tmp_path / "fill.xlsx"
    code, out, _ = run(capsys, "xlsx-template", "--lang", "en", "-o", str(template))
    assert code == 0 and "cjm-designer import fill.xlsx -o MAP.cjm" in out
    assert run(capsys, "xlsx-template", "--lang", "en", "-o", str(template)) == \
        (1, "", f"{template}: already exists; use --force to replace it\n")
    workbook = openpyxl.load_workbook(template)
    workbook["Stages"].append([None, "Search"])
    workbook["Lanes"].append([None, "Emotions"])
    workbook["Cards"].append([None, "Search", "Emotions", "Hopeful", None, None, None, None, 1])
    workbook.save(template)
    code, out, err = run(capsys, "import", str(template), "-o", str(tmp_path / "filled.cjm"))
    assert (code, err) == (0, "") and "1 stage" in out
    doc = load(tmp_path / "filled.cjm")
    assert doc.lanes[0].kind == "emotions" and doc.cards[0].emotion == 1 and doc.meta.language == "en"


def test_a_bad_cell_is_one_line_and_no_map_is_written(tmp_path, capsys):
    book = tmp_path / "map.xlsx"
    run(capsys, "export", str(templates_dir() / "three-stages.en.cjm"), "-o", str(book))
    workbook = openpyxl.load_workbook(book)
    workbook["Cards"]["J3"] = "very"
    out = io.BytesIO()
    workbook.save(out)
    book.write_bytes(out.getvalue())
    code, _, err = run(capsys, "import", str(book), "-o", str(tmp_path / "out.cjm"))
    assert (code, err) == (1, f'{book}: Cards!J3: "Quality" must be from 1 to 5\n')
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(capsys, "import", str(tmp_path / "junk.xlsx"), "-o", str(tmp_path / "out.cjm"))
    assert (code, err) == (1, f"{tmp_path / 'junk.xlsx'}: is not an Excel workbook (.xlsx)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.xlsx", "map.xlsx"]
