"""The Markdown report shows map text as written: no name can become markup, an image, a new table
column or a line break, and no control character reaches the file."""

import re

import pytest

from cjm_designer.cli import main
from cjm_designer.io import save
from cjm_designer.io.report import markdown_text, report_markdown
from cjm_designer.model import Card, JourneyMap, Kpi, Lane, LaneKind, Stage
from cjm_designer.model.plain import visible_controls

HOSTILE = "<img src=x> a|b *bold* _it_ [l](u) `c` ~s~ &amp; #h \\ \x00\x1b\nnext\u202egnp.exe"
SHOWN = "<img src=x> a|b *bold* _it_ [l](u) `c` ~s~ &amp; #h \\ \\x00\\x1b next[U+202E]gnp.exe"
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def literal(markdown: str) -> str:
    """What CommonMark shows for inline text without markup: each backslash escape as its character."""
    return re.sub(r"\\([" + re.escape(PUNCTUATION) + "])", r"\1", markdown)


def cells(row: str) -> list[str]:
    """A GitHub table row split at its unescaped pipes (a pipe after an odd run of backslashes is text)."""
    return re.split(r"(?<!\\)(?:\\\\)*\|", row.strip())[1:-1]


def tables_in(lines: list[str]) -> list[list[str]]:
    """The tables of a Markdown text: runs of lines that start with a pipe."""
    tables: list[list[str]] = []
    for previous, line in zip([""] + lines, lines):
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
    return tables


def hostile_map() -> JourneyMap:
    doc = JourneyMap()
    doc.meta.title = HOSTILE
    for i, entering in enumerate((1000, 100, 90)):
        doc.add_stage(Stage(id=f"s{i}", name=f"{HOSTILE} {i}", entering=entering,
                            kpi=Kpi(name=HOSTILE, target=5, actual=1, unit="<i>|")))
    doc.add_lane(Lane(id="l", name=HOSTILE, kind=LaneKind.BUYER_ACTIONS))
    doc.add_card(Card(id="c", stage="s0", lane="l", title=HOSTILE, channel=HOSTILE[:60], owner=HOSTILE[:60],
                      pain=True, kpi=Kpi(name=HOSTILE, target=10, actual=2)))
    return doc


def test_markdown_text_escapes_what_markdown_and_html_would_read():
    assert markdown_text("<img src=x>") == "\\<img src=x\\>"
    assert markdown_text("a|b") == "a\\|b"
    assert markdown_text("- not a list") == "\\- not a list" and markdown_text("1. nor this") == "1\\. nor this"
    assert markdown_text("a\x00b\nc\u202e") == "a\\\\x00b c\\[U+202E\\]"
    assert literal(markdown_text(HOSTILE)) == SHOWN


@pytest.mark.parametrize("text", [HOSTILE, "|", "\\|", "\\\\|x", "a\\", "`|`"])
def test_a_table_cell_stays_one_cell(text):
    assert cells(f"| {markdown_text(text)} | 1 |") == [f" {markdown_text(text)} ", " 1 "]


def test_the_report_writes_every_map_text_literally():
    out = report_markdown(hostile_map())
    lines = out.splitlines()
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out)
    assert not re.search(r"(?<!\\)(?:\\\\)*[<>`\[]", out)  # no tag, code span or link can open
    assert lines[0] == f"# Journey map report: {markdown_text(HOSTILE)}"
    tables = tables_in(lines)
    assert [len(table) for table in tables] == [5, 6, 3, 3]  # funnel, touchpoints, channels, owners
    for table in tables:
        assert all(len(cells(row)) == len(cells(table[0])) for row in table), table
    assert [literal(cells(row)[0]).strip() for row in tables[0][2:]] == [f"{SHOWN} {i}" for i in range(3)]
    assert literal(cells(tables[2][2])[0]).strip() == visible_controls(" ".join(HOSTILE[:60].split()))  # a channel
    assert f"- {markdown_text(HOSTILE)} ({markdown_text(HOSTILE + ' 0')})" in lines
    assert any(line.startswith("- **") and "\\<i\\>\\|" in line for line in lines)  # a KPI's unit too
    assert SHOWN in literal(out)


def test_cli_report_of_a_hostile_map(tmp_path, capsys):
    path = tmp_path / "map.cjm"
    save(hostile_map(), path)
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Journey map report: \\<img src=x\\>") and "\x00" not in out


def test_the_report_lists_each_ab_test_with_its_variants_winner_and_lift():
    from cjm_designer.io import load
    from cjm_designer.paths import templates_dir

    lines = report_markdown(load(templates_dir() / "window-installation.ru.cjm")).splitlines()
    start = lines.index("## A/B-тесты")
    assert lines[start + 4] == "### Оставляет заявку на сайте (Заявка)"
    assert tables_in(lines[start:]) == [[
        "| Вариант | Что изменено | Клики | Конверсия | Время на сайте, с |",
        "| --- | --- | ---: | ---: | ---: |",
        "| A | Длинная форма: 7 полей | 750 | 6,9\u00a0% | 240 |",
        "| **B** | Короткая форма: имя и телефон | 750 | 9,1\u00a0% | 180 |",
    ]]
    assert lines[-1] == "Победил B по конверсии, прирост +31,9\u00a0%."
    assert "A/B" not in report_markdown(hostile_map())  # no section for a map without tests


def test_ab_variants_are_written_literally_one_cell_each():
    from cjm_designer.model import Metrics, Variant

    doc = hostile_map()
    doc.cards[0].variants = [Variant(name=HOSTILE[:60], description=HOSTILE[:200], metrics=Metrics(clicks=5000)),
                             Variant(name="B|", metrics=Metrics(clicks=10_000))]
    out = report_markdown(doc)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out)
    assert not re.search(r"(?<!\\)(?:\\\\)*[<>`\[]", out)
    table = tables_in(out.splitlines())[-1]
    assert all(len(cells(row)) == 5 for row in table), table
    assert literal(cells(table[3])[0]).strip() == "**B|**"
    assert cells(table[3])[2].strip() == "10,000"
    assert out.rstrip().endswith("B\\| wins on clicks, lift +100%.")
