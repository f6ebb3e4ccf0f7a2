"""`cjm-designer diff A B`: exit 0 when the maps are the same, 1 when they differ, 2 when one cannot be
read or the comparison cannot be written; A and B are files or FILE@SNAPSHOT."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cjm_designer.cli import main
from cjm_designer.io import load, save
from cjm_designer.io.snapshots import take_snapshot
from cjm_designer.paths import templates_dir


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def maps(tmp_path):
    """Two files of one map, the second with a card retitled and one removed, and a snapshot of the
    first state kept in the second."""
    doc = load(templates_dir() / "window-installation.ru.cjm")
    before, after = tmp_path / "до.cjm", tmp_path / "после.cjm"
    save(doc, before)
    doc.add_snapshot(take_snapshot(doc, "Как есть", "Анна", datetime(2026, 12, 1, tzinfo=UTC)))
    doc.cards[0].title = "Звонит сам"
    doc.remove_cards([doc.cards[-1].id])
    save(doc, after)
    return before, after


def test_the_same_map_exits_0(capsys, maps):
    before, _ = maps
    assert run(capsys, "diff", before, before) == (0, f"--- {before}\n+++ {before}\nКарты совпадают.\n", "")


def test_different_maps_exit_1_with_a_line_a_difference(capsys, maps):
    before, after = maps
    code, out, err = run(capsys, "diff", before, after)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[2] == "1 карточка удалена, 1 изменена."
    assert lines[4].startswith("~ card “Звонит сам” (") and lines[4].endswith("→ “Звонит сам”")
    assert lines[5].startswith("- card “") and len(lines) == 6


def test_a_snapshot_by_name_or_id_is_compared(capsys, maps):
    before, after = maps
    snapshot = load(after).snapshots[0]
    for ref in (f"{after}@Как есть", f"{after}@{snapshot.id}"):
        code, out, _ = run(capsys, "diff", ref, before)
        assert code == 0 and out.startswith(f"--- {after}@Как есть\n")
    code, out, _ = run(capsys, "diff", f"{after}@Как есть", after)
    assert code == 1 and "1 карточка удалена, 1 изменена." in out


def test_a_file_whose_name_holds_an_at_sign(capsys, tmp_path, maps):
    before, after = maps
    odd = tmp_path / "map@home.cjm"
    odd.write_bytes(after.read_bytes())
    assert run(capsys, "diff", odd, after)[0] == 0
    assert run(capsys, "diff", f"{odd}@Как есть", before)[0] == 0


def test_an_unknown_snapshot_lists_the_snapshots(capsys, maps):
    before, after = maps
    assert run(capsys, "diff", f"{after}@Потом", before) == (
        2, "", f"{after}: there is no snapshot “Потом”; the snapshots are: “Как есть”\n")
    assert run(capsys, "diff", f"{before}@Потом", after)[2] == (
        f"{before}: there is no snapshot “Потом”; the map keeps no snapshots\n")


def test_an_invalid_file_gives_the_loaders_line_and_exit_2(capsys, tmp_path, maps):
    before, _ = maps
    bad = tmp_path / "bad.cjm"
    bad.write_text("{", encoding="utf-8")
    assert run(capsys, "diff", bad, before) == (
        2, "", f"{bad}: line 1, column 2: not valid JSON: Expecting property name enclosed in double quotes\n")
    code, out, err = run(capsys, "diff", before, tmp_path / "missing.cjm")
    assert (code, out) == (2, "") and err.startswith(f"{tmp_path / 'missing.cjm'}: ") and err.count("\n") == 1


def test_a_damaged_snapshot_is_named(capsys, maps):
    _, after = maps
    doc = load(after)
    doc.snapshots[0].map["cards"] = "nonsense"
    save(doc, after)
    code, out, err = run(capsys, "diff", f"{after}@Как есть", after)
    assert (code, out) == (2, "") and err.startswith(f"{after}@Как есть: cards")


def test_markdown_into_a_file_never_over_another_or_an_input(capsys, tmp_path, maps):
    before, after = maps
    report = tmp_path / "diff.md"
    code, out, err = run(capsys, "diff", before, after, "--format", "md", "-o", report)
    assert (code, err) == (1, "") and out.startswith(f"{report}: md, ")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Сравнение карт: ") and "## Карточки" in text and "### Удалённые" in text
    assert run(capsys, "diff", before, after, "--format", "md", "-o", report) == (
        2, "", f"{report}: already exists; use --force to replace it\n")
    assert run(capsys, "diff", before, before, "--format", "md", "-o", report, "--force")[0] == 0
    assert "Карты совпадают." in report.read_text(encoding="utf-8")
    assert run(capsys, "diff", before, f"{after}@Как есть", "-o", after, "--force")[0] == 2
    assert load(after).cards  # still the map


def test_a_drawn_comparison_needs_an_output_file(capsys, maps):
    before, after = maps
    code, _, err = run(capsys, "diff", before, after, "--format", "png")
    assert code == 2 and "-o OUT" in err


def test_a_snapshot_name_may_hold_an_at_sign(capsys, maps):
    before, after = maps
    doc = load(after)
    doc.snapshots[0].name = "v1@дом"
    save(doc, after)
    code, out, _ = run(capsys, "diff", f"{after}@v1@дом", before)
    assert code == 0 and out.startswith(f"--- {after}@v1@дом\n")


def test_a_version_1_file_equals_itself_upgraded(capsys, tmp_path):
    old = Path(__file__).parent / "io" / "data" / "version1.three-stages.ru.cjm"
    upgraded = tmp_path / "upgraded.cjm"
    save(load(old), upgraded)
    assert run(capsys, "diff", old, upgraded)[0] == 0


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("png", b"\x89PNG\r\n\x1a\n")])
def test_the_comparison_drawn_into_a_file(capsys, tmp_path, maps, fmt, magic):
    before, after = maps
    drawn = tmp_path / f"diff.{fmt}"
    code, out, err = run(capsys, "diff", before, after, "--format", fmt, "-o", drawn)
    assert (code, err) == (1, "") and out.startswith(f"{drawn}: {fmt}, ")
    assert drawn.read_bytes().startswith(magic)
    assert run(capsys, "diff", before, after, "--format", fmt, "-o", drawn)[0] == 2
